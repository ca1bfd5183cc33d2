using System.Runtime.InteropServices;
using static Safeguard.Interchange.Ssda903.Rules.Ages;

namespace Safeguard.Interchange.Ssda903.Rules;

/// <summary>Rules on adoptions (AD1), decisions that a child should be placed for adoption (PlacedAdoption) and previous permanence.</summary>
internal static class AdoptionRules
{
    private const Ssda903Table A = Ssda903Table.Ad1;
    private const Ssda903Table P = Ssda903Table.PlacedAdoption;

    public static Action<Ssda903Child, Ssda903RuleContext> Ad1(Func<Ssda903Ad1, Ssda903Child, Ssda903RuleContext, bool> fires, params string[] fields) =>
        (child, context) =>
        {
            foreach (var row in CollectionsMarshal.AsSpan(child.Ad1))
            {
                if (fires(row, child, context))
                {
                    context.Report(A, row, fields);
                }
            }
        };

    public static Action<Ssda903Child, Ssda903RuleContext> Placed(Func<Ssda903PlacedAdoption, Ssda903Child, Ssda903RuleContext, bool> fires, params string[] fields) =>
        (child, context) =>
        {
            foreach (var row in CollectionsMarshal.AsSpan(child.PlacedAdoption))
            {
                if (fires(row, child, context))
                {
                    context.Report(P, row, fields);
                }
            }
        };

    public static bool DateIntInvalid(Ssda903Ad1 r, Ssda903Child c, Ssda903RuleContext x) => r.DateInt.Invalid;

    public static bool DateMatchInvalid(Ssda903Ad1 r, Ssda903Child c, Ssda903RuleContext x) => r.DateMatch.Invalid;

    public static bool FosterCareInvalid(Ssda903Ad1 r, Ssda903Child c, Ssda903RuleContext x) => r.FosterCare is not null && !Ssda903Schema.FosterCare.Contains(r.FosterCare);

    public static bool NumberInvalid(Ssda903Ad1 r, Ssda903Child c, Ssda903RuleContext x) => r.NumberOfAdopters is not null && !Ssda903Schema.NumberOfAdopters.Contains(r.NumberOfAdopters);

    public static bool SexInvalid(Ssda903Ad1 r, Ssda903Child c, Ssda903RuleContext x) => r.SexOfAdopters is not null && !Ssda903Schema.SexOfAdopters.Contains(r.SexOfAdopters);

    public static bool LegalStatusInvalid(Ssda903Ad1 r, Ssda903Child c, Ssda903RuleContext x) =>
        r.LegalStatusOfAdopters is not null && !Ssda903Schema.LegalStatusOfAdopters.Contains(r.LegalStatusOfAdopters);

    public static bool PartlyBlank(Ssda903Ad1 r, Ssda903Child c, Ssda903RuleContext x) =>
        r.AnyGiven && (!r.DateInt.Given || !r.DateMatch.Given || r.FosterCare is null || r.NumberOfAdopters is null || r.SexOfAdopters is null || r.LegalStatusOfAdopters is null);

    public static bool DecisionAfterMatch(Ssda903Ad1 r, Ssda903Child c, Ssda903RuleContext x) => r.DateInt.Value is { } decided && r.DateMatch.Value < decided;

    public static bool TwoAdoptersNotCouple(Ssda903Ad1 r, Ssda903Child c, Ssda903RuleContext x) => r.NumberOfAdopters == "2" && r.SexOfAdopters is not (null or "MM" or "FF" or "MF");

    public static bool SingleButCouple(Ssda903Ad1 r, Ssda903Child c, Ssda903RuleContext x) => r.LegalStatusOfAdopters == "L0" && r.SexOfAdopters is "MM" or "FF" or "MF";

    public static bool L3NotMf(Ssda903Ad1 r, Ssda903Child c, Ssda903RuleContext x) => r.LegalStatusOfAdopters == "L3" && r.SexOfAdopters is not null and not "MF";

    public static bool L4NotSameGender(Ssda903Ad1 r, Ssda903Child c, Ssda903RuleContext x) => r.LegalStatusOfAdopters == "L4" && r.SexOfAdopters is not null and not ("MM" or "FF");

    public static bool L12NotSameGender(Ssda903Ad1 r, Ssda903Child c, Ssda903RuleContext x) => r.LegalStatusOfAdopters == "L12" && r.SexOfAdopters is not null and not ("MM" or "FF");

    public static bool L2NotCouple(Ssda903Ad1 r, Ssda903Child c, Ssda903RuleContext x) => r.LegalStatusOfAdopters == "L2" && r.SexOfAdopters is not null and not ("MM" or "FF" or "MF");

    public static bool L11SameGender(Ssda903Ad1 r, Ssda903Child c, Ssda903RuleContext x) => r.LegalStatusOfAdopters == "L11" && r.SexOfAdopters is "MM" or "FF";

    private static bool AdoptedInYear(Ssda903Episode e, Ssda903RuleContext x) => In(e.Rec, "E11", "E12") && e.Dec.Value is { } d && x.Collection.Contains(d);

    // 602: AD1 completed, but no episode ended in adoption (E11, E12) during the year.
    public static bool NotAdoptedInYear(Ssda903Ad1 r, Ssda903Child c, Ssda903RuleContext x) =>
        r.AnyGiven && x.Has(Ssda903Table.Episodes) && !c.Episodes.Exists(e => AdoptedInYear(e, x));

    // 601: an episode ended in adoption during the year, but the child has no completed AD1 row.
    public static void AdoptedWithoutAd1(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.Ad1.Exists(a => a.AnyGiven))
        {
            return;
        }

        foreach (var episode in CollectionsMarshal.AsSpan(child.Episodes))
        {
            if (AdoptedInYear(episode, context))
            {
                context.Report(Ssda903Table.Episodes, episode, "REC", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "LS_ADOPTR", "NB_ADOPTR", "SEX_ADOPTR");
            }
        }
    }

    // 582: adopted on the day the child was matched with the adopters.
    public static bool MatchedOnAdoptionDay(Ssda903Ad1 r, Ssda903Child c, Ssda903RuleContext x) =>
        r.DateMatch.Value is { } matched && c.Episodes.Exists(e => In(e.Rec, "E11", "E12") && e.Dec.Value == matched);

    public static bool AdoptedAfterReversal(Ssda903Ad1 r, Ssda903Child c, Ssda903RuleContext x) => r.AnyGiven && c.PlacedAdoption.Exists(p => p.DatePlacedCeased.Given);

    // 523: the AD1 "date should be placed" is the date of one of the child's decisions to place for adoption.
    public static bool DecisionDatesDiffer(Ssda903Ad1 r, Ssda903Child c, Ssda903RuleContext x) =>
        r.DateInt.Value is { } decided && c.PlacedAdoption.Exists(p => p.DatePlaced.Value is not null) && !c.PlacedAdoption.Exists(p => p.DatePlaced.Value == decided);

    public static bool DatePlacedInvalid(Ssda903PlacedAdoption r, Ssda903Child c, Ssda903RuleContext x) => r.DatePlaced.Invalid;

    public static bool DatePlacedCeasedInvalid(Ssda903PlacedAdoption r, Ssda903Child c, Ssda903RuleContext x) => r.DatePlacedCeased.Invalid;

    public static bool CeasedDateAndReasonNotBoth(Ssda903PlacedAdoption r, Ssda903Child c, Ssda903RuleContext x) => r.DatePlacedCeased.Given != (r.ReasonPlacedCeased is not null);

    public static bool ReasonInvalid(Ssda903PlacedAdoption r, Ssda903Child c, Ssda903RuleContext x) =>
        r.ReasonPlacedCeased is not null && !Ssda903Schema.ReasonPlacedCeased.Contains(r.ReasonPlacedCeased);

    public static bool DecisionBeforeBirth(Ssda903PlacedAdoption r, Ssda903Child c, Ssda903RuleContext x) => r.DatePlaced.Value is { } placed && c.Dob is { } dob && placed < dob;

    public static bool DecisionAfterReversal(Ssda903PlacedAdoption r, Ssda903Child c, Ssda903RuleContext x) => r.DatePlaced.Value is { } placed && r.DatePlacedCeased.Value < placed;

    public static bool ReversalWithoutDecision(Ssda903PlacedAdoption r, Ssda903Child c, Ssda903RuleContext x) =>
        (r.DatePlacedCeased.Given || r.ReasonPlacedCeased is not null) && !r.DatePlaced.Given;

    // 117: a decision (or its reversal) after the end of the year, or after the child ceased to be looked after.
    public static bool DecisionAfterYearOrCare(Ssda903PlacedAdoption r, Ssda903Child c, Ssda903RuleContext x)
    {
        var last = c.Episodes.Count > 0 ? c.Episodes[^1] : null;
        var ceased = last is { EndsCare: true } ? last.Dec.Value : null;
        return Late(r.DatePlaced.Value) || Late(r.DatePlacedCeased.Value);

        bool Late(DateOnly? date) => date is { } d && (d > x.End || d > ceased);
    }

    // 579: decisions in date order: a new one while the last is still open, or before the last was reversed.
    public static void OverlappingDecisions(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.PlacedAdoption.Count < 2)
        {
            return;
        }

        var ordered = child.PlacedAdoption.Where(p => p.DatePlaced.Value is not null).OrderBy(p => p.DatePlaced.Value).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var previous = ordered[i - 1];
            if (previous.DatePlacedCeased.Value is not { } reversed || ordered[i].DatePlaced.Value < reversed)
            {
                context.Report(P, ordered[i], "DATE_PLACED", "DATE_PLACED_CEASED");
            }
        }
    }

    private static bool PlacedForAdoption(Ssda903Episode e) => In(e.Place, "A3", "A4", "A5", "A6");

    // 551: placed for adoption (A3-A6) with no decision that the child should be.
    public static void PlacedWithoutDecision(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.PlacedAdoption.Exists(p => p.DatePlaced.Given))
        {
            return;
        }

        foreach (var episode in CollectionsMarshal.AsSpan(child.Episodes))
        {
            if (PlacedForAdoption(episode))
            {
                context.Report(Ssda903Table.Episodes, episode, "DATE_PLACED", "PLACE");
                return;
            }
        }
    }

    /// <summary>553, 555: an order (E1 placement, D1 freeing) with no decision that the child should be placed for adoption.</summary>
    public static Action<Ssda903Child, Ssda903RuleContext> OrderWithoutDecision(string legalStatus) => (child, context) =>
    {
        if (child.PlacedAdoption.Exists(p => p.DatePlaced.Given))
        {
            return;
        }

        foreach (var episode in CollectionsMarshal.AsSpan(child.Episodes))
        {
            if (episode.Ls == legalStatus)
            {
                context.Report(Ssda903Table.Episodes, episode, "CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED");
                return;
            }
        }
    };

    /// <summary>
    /// 552, 554, 556: the child's earliest decision must come on or before the first episode that depends on it
    /// (placed for adoption; placement order E1; freeing order D1).
    /// </summary>
    public static Action<Ssda903Child, Ssda903RuleContext> DecisionAfter(Func<Ssda903Episode, bool> dependsOnDecision, params string[] fields) => (child, context) =>
    {
        DateOnly? earliest = null;
        Ssda903PlacedAdoption? row = null;
        foreach (var p in CollectionsMarshal.AsSpan(child.PlacedAdoption))
        {
            if (p.DatePlaced.Value is { } d && (earliest is null || d < earliest))
            {
                earliest = d;
                row = p;
            }
        }

        if (row is null)
        {
            return;
        }

        foreach (var episode in CollectionsMarshal.AsSpan(child.Episodes))
        {
            if (dependsOnDecision(episode) && episode.Decom.Value is { } start)
            {
                if (start < earliest)
                {
                    context.Report(P, row, fields);
                }

                return;
            }
        }
    };

    public static bool IsPlacedForAdoption(Ssda903Episode e) => PlacedForAdoption(e);

    // 558: adopted (E11, E12), yet a decision was reversed.
    public static void AdoptedButReversed(Ssda903Child child, Ssda903RuleContext context)
    {
        if (!child.Episodes.Exists(e => In(e.Rec, "E11", "E12")))
        {
            return;
        }

        foreach (var row in CollectionsMarshal.AsSpan(child.PlacedAdoption))
        {
            if (row.DatePlacedCeased.Given)
            {
                context.Report(P, row, "DATE_PLACED_CEASED", "REC");
            }
        }
    }

    // 557: the child left care other than by adoption while a decision to place for adoption was still open.
    public static void LeftCareWithOpenDecision(Ssda903Child child, Ssda903RuleContext context)
    {
        var last = child.Episodes.Count > 0 ? child.Episodes[^1] : null;
        if (last is not { EndsCare: true } || In(last.Rec, "E11", "E12"))
        {
            return;
        }

        foreach (var row in CollectionsMarshal.AsSpan(child.PlacedAdoption))
        {
            if (row.DatePlaced.Given && !row.DatePlacedCeased.Given && row.ReasonPlacedCeased is null)
            {
                context.Report(P, row, "DATE_PLACED_CEASED", "LS", "PLACE", "REASON_PLACED_CEASED", "REC");
            }
        }
    }

    public static Action<Ssda903Child, Ssda903RuleContext> PrevPerm(Func<Ssda903PrevPerm, bool> fires, params string[] fields) => (child, context) =>
    {
        foreach (var row in CollectionsMarshal.AsSpan(child.PrevPerm))
        {
            if (fires(row))
            {
                context.Report(Ssda903Table.PrevPerm, row, fields);
            }
        }
    };

    // 630: a period of care starting in the year needs its previous permanence row.
    public static void PrevPermMissing(Ssda903Child child, Ssda903RuleContext context)
    {
        if (!context.Has(Ssda903Table.PrevPerm) || child.PrevPerm.Exists(p => p.PrevPerm is not null))
        {
            return;
        }

        foreach (var episode in CollectionsMarshal.AsSpan(child.Episodes))
        {
            if (episode.Rne == "S" && episode.Decom.Value is { } start && context.Collection.Contains(start))
            {
                context.Report(Ssda903Table.Episodes, episode, "RNE");
                return;
            }
        }
    }
}
