using System.Runtime.InteropServices;
using static Safeguard.Interchange.Ssda903.Rules.Ages;

namespace Safeguard.Interchange.Ssda903.Rules;

/// <summary>
/// Rules on who may have care leaver information (OC3): the cohort is young people who were relevant or former
/// relevant children (looked after for 13 weeks from their 14th birthday, some of it after their 16th) and who are
/// not looked after on the birthday the row is about. The history the rules see is this year's and last year's
/// episodes, as loaded.
/// </summary>
internal static class CareLeaverRules
{
    private static readonly string[] Fields = ["ACCOM", "ACTIV", "IN_TOUCH"];

    /// <summary>A rule reporting each completed OC3 row of a child for whom <paramref name="fires"/> holds.</summary>
    public static Action<Ssda903Child, Ssda903RuleContext> Given(Func<Ssda903Child, Ssda903RuleContext, bool> fires) => (child, context) =>
    {
        if (!child.Oc3.Exists(r => r.AnyGiven) || !fires(child, context))
        {
            return;
        }

        foreach (var row in CollectionsMarshal.AsSpan(child.Oc3))
        {
            if (row.AnyGiven)
            {
                context.Report(Ssda903Table.Oc3, row, Fields);
            }
        }
    };

    /// <summary>Last year's and this year's episodes, in order of start, an episode in both counted once.</summary>
    public static List<Ssda903Episode> History(Ssda903Child child)
    {
        if (child.EpisodesLast.Count == 0)
        {
            return child.Episodes;
        }

        var all = new List<Ssda903Episode>(child.Episodes);
        foreach (var last in CollectionsMarshal.AsSpan(child.EpisodesLast))
        {
            if (!child.Episodes.Exists(e => e.Decom.Value == last.Decom.Value))
            {
                all.Add(last);
            }
        }

        all.Sort((a, b) => (a.Decom.Value ?? DateOnly.MaxValue).CompareTo(b.Decom.Value ?? DateOnly.MaxValue));
        return all;
    }

    // 1000: the child's latest episode ended with death (E2).
    public static bool DiedInCare(Ssda903Child c, Ssda903RuleContext x) => History(c) is { Count: > 0 } h && h[^1].Rec == "E2";

    // 1011: the child's latest episode ended with care taken over by another local authority (E3).
    public static bool TransferredToAnotherLa(Ssda903Child c, Ssda903RuleContext x) => c.Episodes.Count > 0 && c.Episodes[^1].Rec == "E3";

    // 1001: with last year's episodes given, a child with episodes who was not looked after for 91 days from the 14th
    // birthday including a day from the 16th (respite V3/V4 not counted), or whose care ended in adoption. Young people
    // 20 or over at 31 March are left alone (their care is older than two years of data); a child with no episodes is 1002's.
    public static bool NotRelevant(Ssda903Child c, Ssda903RuleContext x)
    {
        var history = History(c);
        if (!x.Has(Ssda903Table.EpisodesLast) || history.Count == 0 || c.Dob is not { } dob || On(dob, x.End) >= 20)
        {
            return false;
        }

        if (In(history[^1].Rec, "E11", "E12"))
        {
            return true;
        }

        var from14 = 0;
        var from16 = 0;
        foreach (var e in history)
        {
            if (e.Ls is "V3" or "V4" || e.Decom.Value is not { } start)
            {
                continue;
            }

            var end = e.Dec.Value ?? x.End;
            from14 += Math.Max(0, Days(Max(start, dob.AddYears(14)), end));
            from16 += Math.Max(0, Days(Max(start, dob.AddYears(16)), end));
        }

        return from14 < 91 || from16 < 1;
    }

    // 1002: with last year's episodes given, no episode in either year for a young person whose 17th or 18th
    // birthday is in the year (older care leavers may have left care before last year, as DfE's note warns).
    public static bool NoEpisodesEver(Ssda903Child c, Ssda903RuleContext x) =>
        x.Has(Ssda903Table.EpisodesLast) && c.Episodes.Count == 0 && c.EpisodesLast.Count == 0 && c.Dob is { } dob && On(dob, x.End) is 17 or 18;

    /// <summary>The 17th or 18th birthday in the collection year, if there is one.</summary>
    private static DateOnly? CareLeaverBirthday(Ssda903Child c, Ssda903RuleContext x) =>
        c.Dob is { } dob && On(dob, x.End) is var age && age is 17 or 18 && dob.AddYears(age) is var birthday && birthday >= x.Start ? birthday : null;

    // 1007: looked after on the 17th or 18th birthday and still looked after at 31 March.
    public static bool StillLookedAfter(Ssda903Child c, Ssda903RuleContext x) =>
        CareLeaverBirthday(c, x) is { } birthday && c.Episodes.Exists(e => Covers(e, birthday)) && c.Episodes[^1].Dec.Value is null;

    // 1016: looked after on the 17th or 18th birthday and ceased to be looked after later in the year.
    public static bool CeasedAfterBirthday(Ssda903Child c, Ssda903RuleContext x) =>
        CareLeaverBirthday(c, x) is { } birthday && c.Episodes.Exists(e => Covers(e, birthday)) && c.Episodes[^1] is { EndsCare: true } last && last.Dec.Value > birthday;

    // 1010: no episodes this year although last year ended with an open episode.
    public static bool OpenLastYearNoneNow(Ssda903Child c, Ssda903RuleContext x) =>
        x.Has(Ssda903Table.Episodes) && c.Episodes.Count == 0 && c.EpisodesLast.Count > 0 && !c.EpisodesLast[^1].Dec.Given;

    private static bool Covers(Ssda903Episode e, DateOnly date) =>
        e.Decom.Value is { } start && start <= date && (e.Dec.Value is not { } end || end >= date) && e.Ls is not ("V3" or "V4");

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    // 1012: a care leaver with no episodes this year has nothing in the tables about children looked after in the year.
    public static void OtherDataWithoutEpisodes(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.Oc3.Count == 0 || child.Episodes.Count > 0 || !context.Has(Ssda903Table.Episodes))
        {
            return;
        }

        ReportFirst(context, Ssda903Table.Reviews, child.Reviews);
        ReportFirst(context, Ssda903Table.Oc2, child.Oc2);
        ReportFirst(context, Ssda903Table.Ad1, child.Ad1);
        ReportFirst(context, Ssda903Table.PlacedAdoption, child.PlacedAdoption);
        ReportFirst(context, Ssda903Table.PrevPerm, child.PrevPerm);
        ReportFirst(context, Ssda903Table.Missing, child.Missing);
        ReportFirst(context, Ssda903Table.SocialWorker, child.SocialWorker);
    }

    private static void ReportFirst<T>(Ssda903RuleContext context, Ssda903Table table, List<T> rows)
        where T : Ssda903Row
    {
        if (rows.Count > 0)
        {
            context.Report(table, rows[0], "CHILD");
        }
    }

    // 3001: accommodation with former foster carers (Z1, Z2) reported for the 17th birthday ("staying put" starts at 18).
    public static bool FosterCarerAtSeventeen(Ssda903Oc3 r, Ssda903Child c, Ssda903RuleContext x) =>
        r.Accommodation is "Z1" or "Z2" && Ages.Dob(c, r.Dob) is { } dob && dob.AddYears(17) is var birthday && birthday >= x.Start && birthday <= x.End;

    // 347: a foyer (T1, T2) for a care leaver under 18 on the birthday the row is about (the 17th).
    public static bool FoyerUnderEighteen(Ssda903Oc3 r, Ssda903Child c, Ssda903RuleContext x) =>
        r.Accommodation is "T1" or "T2" && Ages.Dob(c, r.Dob) is { } dob && On(dob, x.End) < 18;

    // 628: the header's mother status given for a care leaver not looked after at any time in the year.
    public static void MotherForCareLeaverNotLookedAfter(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.Oc3.Count > 0 && child.Header is { Mother: not null } h && context.Has(Ssda903Table.Episodes) && !LookedAfterInYear(child, context))
        {
            context.Report(Ssda903Table.Header, h, "MOTHER");
        }
    }
}
