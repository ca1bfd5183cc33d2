using System.Collections.Frozen;
using System.Runtime.InteropServices;
using static Safeguard.Interchange.Ssda903.Rules.Ages;

namespace Safeguard.Interchange.Ssda903.Rules;

/// <summary>Rules on episodes of care: codes and dates, the sequence of episodes, placements and legal statuses.</summary>
internal static class EpisodeRules
{
    private const Ssda903Table E = Ssda903Table.Episodes;
    private static readonly DateOnly EarliestEpisode = new(1991, 10, 14);

    // The Adoption and Children Act 2002 took effect on 30 December 2005: placement orders (E1) from then, freeing orders (D1) before.
    private static readonly DateOnly AdoptionAct = new(2005, 12, 30);

    private static readonly FrozenSet<string> Temporary = Ssda903Schema.Placement.Where(p => p.StartsWith('T')).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A rule that checks one code column of every episode against its list (blank counts as not valid when required).</summary>
    public static Action<Ssda903Child, Ssda903RuleContext> CodeValid(Func<Ssda903Episode, string?> value, FrozenSet<string> codes, bool blankIsInvalid, string field) =>
        (child, context) =>
        {
            foreach (var episode in CollectionsMarshal.AsSpan(child.Episodes))
            {
                var code = value(episode);
                if (code is null ? blankIsInvalid : !codes.Contains(code))
                {
                    context.Report(E, episode, field);
                }
            }
        };

    /// <summary>A rule reporting each episode for which <paramref name="fires"/> holds.</summary>
    public static Action<Ssda903Child, Ssda903RuleContext> Each(Func<Ssda903Episode, Ssda903Child, Ssda903RuleContext, bool> fires, params string[] fields) =>
        (child, context) =>
        {
            foreach (var episode in CollectionsMarshal.AsSpan(child.Episodes))
            {
                if (fires(episode, child, context))
                {
                    context.Report(E, episode, fields);
                }
            }
        };

    /// <summary>A rule over each episode and the one before it (episodes in order of start date).</summary>
    public static Action<Ssda903Child, Ssda903RuleContext> EachAfter(Func<Ssda903Episode, Ssda903Episode, bool> fires, params string[] fields) =>
        (child, context) =>
        {
            var episodes = child.Episodes;
            for (var i = 1; i < episodes.Count; i++)
            {
                if (episodes[i].Decom.Value is not null && episodes[i - 1].Decom.Value is not null && fires(episodes[i], episodes[i - 1]))
                {
                    context.Report(E, episodes[i], fields);
                }
            }
        };

    public static bool DecomInvalid(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) => e.Decom.Missing;

    public static bool DecInvalid(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) => e.Dec.Invalid;

    public static bool DecAndRecNotBoth(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) => e.Dec.Given != (e.Rec is not null);

    // 142: every episode but the child's latest must have ended (date and reason).
    public static void PreviousNotEnded(Ssda903Child child, Ssda903RuleContext context)
    {
        var episodes = child.Episodes;
        for (var i = 0; i < episodes.Count - 1; i++)
        {
            if (episodes[i].Decom.Value is not null && (!episodes[i].Dec.Given || episodes[i].Rec is null))
            {
                context.Report(E, episodes[i], "DEC", "REC");
            }
        }
    }

    public static void FirstBeforeBirth(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.Dob is { } dob && child.Episodes.Count > 0 && child.Episodes[0].Decom.Value is { } decom && decom < dob)
        {
            context.Report(E, child.Episodes[0], "DECOM", "DOB");
        }
    }

    public static bool BeforeOctober1991(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) => e.Decom.Value < EarliestEpisode;

    // 354: the message speaks of the date ceased but names DECOM, and 385 checks DEC: read as the start after the year.
    public static bool StartsAfterYear(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) => e.Decom.Value > x.End;

    public static bool CeasesAfterYear(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) => e.Dec.Value > x.End;

    public static bool SameDay(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) => e.Decom.Value is { } s && e.Dec.Value == s;

    public static bool CeasesBeforeStart(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) => e.Decom.Value is { } s && e.Dec.Value < s;

    public static bool StartsBeforePreviousEnds(Ssda903Episode e, Ssda903Episode previous) => previous.Dec.Value is { } ended && e.Decom.Value < ended;

    public static bool NewPeriodSameDay(Ssda903Episode e, Ssda903Episode previous) => e.Rne == "S" && previous.Dec.Value is { } ended && e.Decom.Value == ended;

    public static bool CareEndedButNotNewPeriod(Ssda903Episode e, Ssda903Episode previous) => previous.EndsCare && e.Rne is not null && e.Rne != "S";

    public static bool ContinuationNotSameDay(Ssda903Episode e, Ssda903Episode previous) =>
        e.Rne is not null && e.Rne != "S" && previous.Dec.Value is { } ended && e.Decom.Value != ended;

    // 437: died (E2) or aged 18 or over (E15) ends the child's care for good.
    public static bool FurtherEpisodesAfterFinalReason(Ssda903Episode e, Ssda903Episode previous) => In(previous.Rec, "E2", "E15");

    // 199: an episode after one that ended in adoption (E11, E12): a child adopted from care should come back under a new id.
    public static void PreviouslyAdopted(Ssda903Child child, Ssda903RuleContext context)
    {
        var adopted = false;
        foreach (var episode in CollectionsMarshal.AsSpan(child.EpisodesLast))
        {
            adopted |= In(episode.Rec, "E11", "E12");
        }

        foreach (var episode in CollectionsMarshal.AsSpan(child.Episodes))
        {
            if (adopted)
            {
                context.Report(E, episode, "CHILD");
                return;
            }

            adopted |= In(episode.Rec, "E11", "E12");
        }
    }

    // 388: X1 says a continuation episode follows: the child's latest episode cannot end with it, and an earlier one ended
    // X1 needs an episode starting the day it ended (with none, a later episode overlapping it is 501's, an open one 142's).
    public static void X1WithoutContinuation(Ssda903Child child, Ssda903RuleContext context)
    {
        var episodes = child.Episodes;
        for (var i = 0; i < episodes.Count; i++)
        {
            var episode = episodes[i];
            if (episode.Rec == "X1" && (i == episodes.Count - 1 || (episode.Dec.Value is { } ended && !episodes.Exists(e => e != episode && e.Decom.Value == ended))))
            {
                context.Report(E, episode, "REC");
            }
        }
    }

    // 357: the child's earliest episode in the data loaded (this year's and last year's) must start a period of care.
    public static void FirstEpisodeNotS(Ssda903Child child, Ssda903RuleContext context)
    {
        var first = child.EpisodesLast.Count > 0 ? child.EpisodesLast[0] : child.Episodes.Count > 0 ? child.Episodes[0] : null;
        if (first is { Rne: not null and not "S" } && child.Episodes.Contains(first))
        {
            context.Report(E, first, "RNE");
        }
    }

    // 504: within a period of care (from an S episode on) the category of need stays as it was at the start.
    public static void CategoryOfNeedChanged(Ssda903Child child, Ssda903RuleContext context)
    {
        string? periodCin = null;
        foreach (var episode in CollectionsMarshal.AsSpan(child.Episodes))
        {
            if (episode.Rne == "S")
            {
                periodCin = episode.Cin;
            }
            else if (periodCin is not null && episode.Cin is not null && episode.Cin != periodCin)
            {
                context.Report(E, episode, "CIN");
            }
        }
    }

    public static Func<Ssda903Episode, Ssda903Child, Ssda903RuleContext, bool> AgeAtStart(Func<Ssda903Episode, bool> applies, Func<int, bool> wrongAge) =>
        (e, c, x) => applies(e) && c.Dob is { } dob && e.Decom.Value is { } start && wrongAge(On(dob, start));

    public static Func<Ssda903Episode, Ssda903Child, Ssda903RuleContext, bool> AgeAtEnd(Func<Ssda903Episode, bool> applies, Func<int, bool> wrongAge) =>
        (e, c, x) => applies(e) && c.Dob is { } dob && e.Dec.Value is { } end && wrongAge(On(dob, end));

    /// <summary>An episode lasting more than <paramref name="maxDays"/> days; an open one counted to the end of the year.</summary>
    public static Func<Ssda903Episode, Ssda903Child, Ssda903RuleContext, bool> LastsMoreThan(Func<Ssda903Episode, bool> applies, int maxDays, bool countOpen = true) =>
        (e, c, x) => applies(e) && e.Decom.Value is { } start && (e.Dec.Value ?? (countOpen ? x.End : null)) is { } end && Days(start, end) > maxDays;

    /// <summary>
    /// 361-364: an order or legal status lasting more than <paramref name="maxDays"/> days: a run of episodes with legal status
    /// <paramref name="ls"/>, each starting the day the last ended (a change of placement does not end the order), an open one
    /// counted to the end of the year. Every episode of the run is reported.
    /// </summary>
    public static Action<Ssda903Child, Ssda903RuleContext> LegalStatusLastsMoreThan(string ls, int maxDays) => (child, context) =>
    {
        var episodes = child.Episodes;
        var i = 0;
        while (i < episodes.Count)
        {
            if (episodes[i].Ls != ls || episodes[i].Decom.Value is null)
            {
                i++;
                continue;
            }

            var j = i;
            var days = 0;
            while (true)
            {
                days += Math.Max(0, Days(episodes[j].Decom.Value!.Value, episodes[j].Dec.Value ?? context.End));
                if (j + 1 < episodes.Count && episodes[j + 1].Ls == ls && episodes[j].Dec.Value is { } ended && episodes[j + 1].Decom.Value == ended)
                {
                    j++;
                    continue;
                }

                break;
            }

            if (days > maxDays)
            {
                for (var k = i; k <= j; k++)
                {
                    context.Report(E, episodes[k], "DEC", "DECOM", "LS");
                }
            }

            i = j + 1;
        }
    };

    public static bool IsTemporary(Ssda903Episode e) => e.Place is not null && Temporary.Contains(e.Place);

    public static bool IsRespite(Ssda903Episode e) => e.Ls is "V3" or "V4";

    // 367: more than 75 days of respite (V3) within the collection year.
    public static void TooMuchRespite(Ssda903Child child, Ssda903RuleContext context)
    {
        var days = 0;
        Ssda903Episode? last = null;
        foreach (var episode in CollectionsMarshal.AsSpan(child.Episodes))
        {
            if (episode.Ls == "V3" && episode.Decom.Value is { } start)
            {
                var from = start < context.Start ? context.Start : start;
                var to = episode.Dec.Value is { } end && end < context.End ? end : context.End;
                if (to >= from)
                {
                    days += Days(from, to);
                    last = episode;
                }
            }
        }

        if (days > 75 && last is not null)
        {
            context.Report(E, last, "DEC", "DECOM", "LS");
        }
    }

    public static void RespiteV3AndV4(Ssda903Child child, Ssda903RuleContext context)
    {
        var v3 = false;
        var v4 = false;
        foreach (var episode in CollectionsMarshal.AsSpan(child.Episodes))
        {
            v3 |= episode.Ls == "V3";
            v4 |= episode.Ls == "V4";
        }

        if (v3 && v4)
        {
            foreach (var episode in CollectionsMarshal.AsSpan(child.Episodes))
            {
                if (IsRespite(episode))
                {
                    context.Report(E, episode, "LS");
                }
            }
        }
    }

    public static bool ProviderWith(Ssda903Episode e, string provider, params string[] places) => e.PlaceProvider == provider && In(e.Place, places);

    public static bool NoProviderNeeded(Ssda903Episode e) => IsTemporary(e) || e.Place == "Z1";

    public static bool D1AfterAct(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) => e.Ls == "D1" && e.Decom.Value > AdoptionAct;

    public static bool E1BeforeAct(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) => e.Ls == "E1" && e.Decom.Value < AdoptionAct;

    // 434: RNE L says only the legal status changed: the legal status must differ and the placement must not.
    public static bool LegalStatusOnlyNotReflected(Ssda903Episode e, Ssda903Episode previous) =>
        e.Rne == "L" && previous.Dec.Value == e.Decom.Value && (e.Ls == previous.Ls || PlacementChanged(e, previous));

    private static bool PlacementChanged(Ssda903Episode e, Ssda903Episode previous) =>
        e.Place != previous.Place || e.PlaceProvider != previous.PlaceProvider || e.PlPost != previous.PlPost || e.Urn != previous.Urn;
}
