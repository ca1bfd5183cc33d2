using System.Runtime.InteropServices;

namespace Safeguard.Interchange.Ssda903.Rules;

/// <summary>
/// Rules that compare this year's UASC, placed for adoption, missing and social worker tables (and the header's
/// mother status) with last year's. Each stays quiet unless last year's table was given.
/// </summary>
internal static class LastYearRules
{
    /// <summary>
    /// Whether a year's return identifies the child as UASC: the header's UASC flag where that year's header file
    /// still has the column, otherwise a row in that year's UASC table.
    /// </summary>
    private static bool IsUasc(Ssda903Header? header, List<Ssda903Uasc> rows) => header is { HasUascColumn: true } h ? h.Uasc == "1" : rows.Count > 0;

    private static bool UascThisYear(Ssda903Child c) => IsUasc(c.Header, c.Uasc);

    private static bool UascLastYear(Ssda903Child c) => IsUasc(c.HeaderLast, c.UascLast);

    private static bool Compared(Ssda903Child c, Ssda903RuleContext x) => x.Has(Ssda903Table.UascLast) && x.Has(Ssda903Table.Uasc) && (c.Header is not null || c.Uasc.Count > 0);

    private static (Ssda903Table Table, Ssda903Row Row)? UascRow(Ssda903Child c) =>
        c.Uasc.Count > 0 ? (Ssda903Table.Uasc, c.Uasc[0]) : c.Header is { } h ? (Ssda903Table.Header, h) : null;

    // 205A: UASC last year, not this year: last year's date ceased must fall in last year, and no date ceased this year.
    public static void UascEndedUnsupported(Ssda903Child child, Ssda903RuleContext context)
    {
        if (!Compared(child, context) || !UascLastYear(child) || UascThisYear(child) || child.Header is not { } h)
        {
            return;
        }

        var duc = child.UascLast.Count > 0 ? child.UascLast[0].Duc.Value : null;
        var ceasedLastYear = duc is { } d && d >= context.Start.AddYears(-1) && d < context.Start;
        if (!ceasedLastYear || child.Uasc.Exists(u => u.Duc.Given))
        {
            context.Report(Ssda903Table.Header, h, "CHILD", "UASC");
        }
    }

    // 205B: UASC both years: a date ceased given last year must be the same this year (it is a fact, not a status).
    public static void UascDatesDisagree(Ssda903Child child, Ssda903RuleContext context)
    {
        if (!Compared(child, context) || !UascLastYear(child) || !UascThisYear(child) || child.UascLast.Count == 0 || child.Uasc.Count == 0)
        {
            return;
        }

        if (child.UascLast[0].Duc.Value is { } before && child.Uasc[0].Duc.Value != before)
        {
            context.Report(Ssda903Table.Uasc, child.Uasc[0], "DUC", "UASC");
        }
    }

    // 205C: not UASC either year (only the header's flag can say so when a UASC row exists), yet a date ceased.
    public static void DucWithoutUascEitherYear(Ssda903Child child, Ssda903RuleContext context)
    {
        if (Compared(child, context) && !UascThisYear(child) && !UascLastYear(child) && child.Uasc.Find(u => u.Duc.Given) is { } row)
        {
            context.Report(Ssda903Table.Uasc, row, "DUC", "UASC");
        }
    }

    // 205D: UASC this year, in last year's return, but not UASC there: a child cannot become an unaccompanied asylum seeker while looked after.
    public static void UascNowButNotLastYear(Ssda903Child child, Ssda903RuleContext context)
    {
        if (Compared(child, context) && (child.HeaderLast is not null || child.EpisodesLast.Count > 0) && UascThisYear(child) && !UascLastYear(child) && UascRow(child) is { } at)
        {
            context.Report(at.Table, at.Row, "CHILD", "UASC");
        }
    }

    private static Ssda903PlacedAdoption? LatestDecision(List<Ssda903PlacedAdoption> rows)
    {
        Ssda903PlacedAdoption? latest = null;
        foreach (var row in rows)
        {
            if (row.DatePlaced.Value is { } d && (latest is null || d > latest.DatePlaced.Value))
            {
                latest = row;
            }
        }

        return latest;
    }

    // 559: a decision dated before this year that last year's return (given) did not record for the child at all.
    public static void EarlierDecisionNotReturnedLastYear(Ssda903Child child, Ssda903RuleContext context)
    {
        if (!context.Has(Ssda903Table.PlacedAdoptionLast) || child.PlacedAdoptionLast.Count > 0)
        {
            return;
        }

        foreach (var row in CollectionsMarshal.AsSpan(child.PlacedAdoption))
        {
            if (row.DatePlaced.Value < context.Start)
            {
                context.Report(Ssda903Table.PlacedAdoption, row, "DATE_PLACED");
            }
        }
    }

    // 560: last year's latest decision was still in force at 31 March, but this year's return gives a different date for a decision before this year.
    public static void OpenDecisionDateChanged(Ssda903Child child, Ssda903RuleContext context)
    {
        if (LatestDecision(child.PlacedAdoptionLast) is not { DatePlacedCeased.Given: false } open || child.PlacedAdoption.Exists(r => r.DatePlaced.Value == open.DatePlaced.Value))
        {
            return;
        }

        foreach (var row in CollectionsMarshal.AsSpan(child.PlacedAdoption))
        {
            if (row.DatePlaced.Value < context.Start)
            {
                context.Report(Ssda903Table.PlacedAdoption, row, "DATE_PLACED", "DATE_PLACED_CEASED");
            }
        }
    }

    // 561 (same date as a decision reversed last year) and 584 (an earlier date than it): after a reversal only a later, new decision can follow.
    public static Action<Ssda903Child, Ssda903RuleContext> AfterReversedDecision(bool sameDate) => (child, context) =>
    {
        foreach (var last in CollectionsMarshal.AsSpan(child.PlacedAdoptionLast))
        {
            if (last.DatePlaced.Value is not { } reversed || !last.DatePlacedCeased.Given)
            {
                continue;
            }

            foreach (var row in CollectionsMarshal.AsSpan(child.PlacedAdoption))
            {
                if (row.DatePlaced.Value is { } date && (sameDate ? date == reversed : date < reversed))
                {
                    context.Report(Ssda903Table.PlacedAdoption, row, "DATE_PLACED");
                }
            }
        }
    };

    // 576: a missing period open at the end of last year with no period starting the same day this year (for a child in this year's episodes).
    public static void OpenMissingNotCarried(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.Episodes.Count == 0)
        {
            return;
        }

        foreach (var last in CollectionsMarshal.AsSpan(child.MissingLast))
        {
            if (last.Start.Value is { } start && !last.End.Given && !child.Missing.Exists(m => m.Start.Value == start))
            {
                context.Report(Ssda903Table.MissingLast, last, "CHILD");
            }
        }
    }

    /// <summary>SW16a-c: this year's first social worker episode against last year's episode open at 31 March.</summary>
    public static Action<Ssda903Child, Ssda903RuleContext> SocialWorkerOpenDiffers(Func<Ssda903SocialWorker, Ssda903SocialWorker, bool> differs, string field) => (child, context) =>
    {
        Ssda903SocialWorker? open = null;
        foreach (var row in CollectionsMarshal.AsSpan(child.SocialWorkerLast))
        {
            if (!row.Dec.Given && row.Decom.Value is { } d && (open is null || d > open.Decom.Value))
            {
                open = row;
            }
        }

        Ssda903SocialWorker? first = null;
        foreach (var row in CollectionsMarshal.AsSpan(child.SocialWorker))
        {
            if (row.Decom.Value is { } d && (first is null || d < first.Decom.Value))
            {
                first = row;
            }
        }

        if (open is not null && first is not null && differs(first, open))
        {
            context.Report(Ssda903Table.SocialWorker, first, field);
        }
    };

    // 207: mother last year (1), not a mother this year (0).
    public static void MotherStatusDisagrees(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.Header is { Mother: "0" } h && child.HeaderLast is { Mother: "1" } && child.Episodes.Count > 0)
        {
            context.Report(Ssda903Table.Header, h, "MOTHER");
        }
    }

    // 626: a mother this year whose first child was born before this year, though last year's return said she was not a mother.
    public static void MotherBeforeYearButNotLastYear(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.Header is { Mother: "1" } h && h.MotherChildDob.Value < context.Start && child.HeaderLast is { Mother: "0" })
        {
            context.Report(Ssda903Table.Header, h, "MC_DOB", "MOTHER");
        }
    }
}
