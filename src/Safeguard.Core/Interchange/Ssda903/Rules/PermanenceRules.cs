using System.Globalization;
using System.Runtime.InteropServices;
using static Safeguard.Interchange.Ssda903.Rules.Ages;

namespace Safeguard.Interchange.Ssda903.Rules;

/// <summary>
/// Rules that set the adoption dates (AD1, placed for adoption) and previous permanence against the episodes:
/// the start of the latest period of care, the first placement for adoption, the placement the child was adopted from.
/// </summary>
internal static class PermanenceRules
{
    private static readonly DateOnly PermanenceFrom = new(2016, 4, 1);

    /// <summary>The start of the child's latest period of care (the latest episode with RNE S), in this year's episodes.</summary>
    private static Ssda903Episode? LatestPeriodStart(Ssda903Child child)
    {
        for (var i = child.Episodes.Count - 1; i >= 0; i--)
        {
            if (child.Episodes[i] is { Rne: "S", Decom.Value: not null } start)
            {
                return start;
            }
        }

        return null;
    }

    /// <summary>The first episode placed for adoption (A3-A6).</summary>
    private static Ssda903Episode? FirstPlacedForAdoption(Ssda903Child child) => child.Episodes.Find(e => AdoptionRules.IsPlacedForAdoption(e) && e.Decom.Value is not null);

    /// <summary>A rule over each AD1 row with the child's episodes.</summary>
    public static Action<Ssda903Child, Ssda903RuleContext> Ad1(Func<Ssda903Ad1, Ssda903Child, bool> fires, params string[] fields) => (child, context) =>
    {
        foreach (var row in CollectionsMarshal.AsSpan(child.Ad1))
        {
            if (fires(row, child))
            {
                context.Report(Ssda903Table.Ad1, row, fields);
            }
        }
    };

    // 331: matched with the adopters after being placed with them for adoption.
    public static bool MatchedAfterPlaced(Ssda903Ad1 r, Ssda903Child c) => r.DateMatch.Value is { } matched && FirstPlacedForAdoption(c)?.Decom.Value is { } placed && matched > placed;

    // 334: the decision that the child should be placed for adoption before the latest period of care began.
    public static bool DecisionBeforeCare(Ssda903Ad1 r, Ssda903Child c) => r.DateInt.Value is { } decided && LatestPeriodStart(c)?.Decom.Value is { } start && decided < start;

    // 521: the decision after the child was placed for adoption.
    public static bool DecisionAfterPlaced(Ssda903Ad1 r, Ssda903Child c) => r.DateInt.Value is { } decided && FirstPlacedForAdoption(c)?.Decom.Value is { } placed && decided > placed;

    // 335: FOSTER_CARE 0 (not adopted by the foster carers) with a last placement for adoption with the current foster carers (A3, A5),
    // or 1 with a last placement not with them (A4, A6). DfE's text still names the old codes A1, A2.
    public static bool FosterCareDisagrees(Ssda903Ad1 r, Ssda903Child c)
    {
        var last = c.Episodes.FindLast(AdoptionRules.IsPlacedForAdoption);
        return last is not null && ((r.FosterCare == "0" && In(last.Place, "A3", "A5")) || (r.FosterCare == "1" && In(last.Place, "A4", "A6")));
    }

    /// <summary>A rule over each placed-for-adoption row with the child's episodes.</summary>
    public static Action<Ssda903Child, Ssda903RuleContext> Placed(Func<Ssda903PlacedAdoption, Ssda903Child, Ssda903RuleContext, bool> fires, params string[] fields) => (child, context) =>
    {
        foreach (var row in CollectionsMarshal.AsSpan(child.PlacedAdoption))
        {
            if (fires(row, child, context))
            {
                context.Report(Ssda903Table.PlacedAdoption, row, fields);
            }
        }
    };

    // 1003: a decision still in force dated before the latest period of care began.
    public static bool PlacedBeforeCare(Ssda903PlacedAdoption r, Ssda903Child c, Ssda903RuleContext x) =>
        r.DatePlaced.Value is { } decided && !r.DatePlacedCeased.Given && LatestPeriodStart(c)?.Decom.Value is { } start && decided < start;

    // 118: a reversal (DATE_PLACED_CEASED) dated before 1 April or before the child's first episode this year.
    public static bool ReversalBeforeYearOrCare(Ssda903PlacedAdoption r, Ssda903Child c, Ssda903RuleContext x) =>
        r.DatePlacedCeased.Value is { } ceased && (ceased < x.Start || (c.Episodes.Count > 0 && ceased < c.Episodes[0].Decom.Value));

    // 583: every decision but the latest must have been reversed.
    public static void EarlierDecisionNotReversed(Ssda903Child child, Ssda903RuleContext context)
    {
        DateOnly? latest = null;
        foreach (var row in CollectionsMarshal.AsSpan(child.PlacedAdoption))
        {
            if (row.DatePlaced.Value is { } d && (latest is null || d > latest))
            {
                latest = d;
            }
        }

        foreach (var row in CollectionsMarshal.AsSpan(child.PlacedAdoption))
        {
            if (row.DatePlaced.Value < latest && !row.DatePlacedCeased.Given)
            {
                context.Report(Ssda903Table.PlacedAdoption, row, "DATE_PLACED", "DATE_PLACED_CEASED");
            }
        }
    }

    // 632: DATE_PERM dd/mm/yyyy, any part of which may be ZZ for unknown, and before the child's first episode this year.
    public static void PermanenceDateInvalid(Ssda903Child child, Ssda903RuleContext context)
    {
        var first = child.Episodes.Count > 0 ? child.Episodes[0].Decom.Value : null;
        foreach (var row in CollectionsMarshal.AsSpan(child.PrevPerm))
        {
            if (row.DatePerm is not { } text)
            {
                continue;
            }

            if (!TryParsePermanenceDate(text, out var earliest) || (first is { } start && earliest >= start))
            {
                context.Report(Ssda903Table.PrevPerm, row, "DATE_PERM", "DECOM");
            }
        }
    }

    /// <summary>Reads dd/mm/yyyy with ZZ (ZZZZ for the year) for parts not known; <paramref name="earliest"/> is the earliest date it can be (MinValue when the year is unknown).</summary>
    internal static bool TryParsePermanenceDate(string text, out DateOnly earliest)
    {
        earliest = DateOnly.MinValue;
        var parts = text.Split('/');
        if (parts.Length != 3 || parts[0].Length != 2 || parts[1].Length != 2 || parts[2].Length != 4)
        {
            return false;
        }

        bool Unknown(string part) => part.All(ch => ch is 'Z' or 'z');
        int? Number(string part) => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var day = Unknown(parts[0]) ? 1 : Number(parts[0]);
        var month = Unknown(parts[1]) ? 1 : Number(parts[1]);
        if (Unknown(parts[2]))
        {
            return day is >= 1 and <= 31 && month is >= 1 and <= 12;
        }

        var year = Number(parts[2]);
        if (day is null || month is null || year is not (>= 1900 and <= 9999) || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year.Value, month.Value))
        {
            return false;
        }

        earliest = new DateOnly(year.Value, month.Value, day.Value);
        return true;
    }

    // 634: previous permanence given for a child whose care (as loaded, this year's and last year's episodes) began before 1 April 2016.
    public static void PermanenceBefore2016(Ssda903Child child, Ssda903RuleContext context)
    {
        var history = CareLeaverRules.History(child);
        if (history.Count == 0 || history[0].Decom.Value is not { } first || first >= PermanenceFrom)
        {
            return;
        }

        foreach (var row in CollectionsMarshal.AsSpan(child.PrevPerm))
        {
            if (row.PrevPerm is not null || row.LaPerm is not null || row.DatePerm is not null)
            {
                context.Report(Ssda903Table.PrevPerm, row, "DATE_PERM", "DECOM", "LA_PERM", "PREV_PERM");
            }
        }
    }
}
