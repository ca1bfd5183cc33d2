using System.Runtime.InteropServices;

namespace Safeguard.Interchange.Ssda903.Rules;

/// <summary>Ages, durations and the looked-after periods the rules share.</summary>
internal static class Ages
{
    /// <summary>Completed years of age on <paramref name="date"/> (a child born on 29 February is a year older on 1 March).</summary>
    public static int On(DateOnly dob, DateOnly date)
    {
        var age = date.Year - dob.Year;
        if (date < dob.AddYears(age))
        {
            age--;
        }

        return age;
    }

    /// <summary>Days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static int Days(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    /// <summary>The date of birth to use for a child: the header's when valid, else the row's own.</summary>
    public static DateOnly? Dob(Ssda903Child child, Ssda903Date rowDob) => child.Dob ?? rowDob.Value;

    /// <summary>
    /// DfE's "looked after continuously for at least 12 months at 31 March" (the OC2 cohort): looked after on the
    /// first day of the year and on its last, with no period of care ending and none starting in between (every
    /// episode in the year continues the last, REC X1), and no respite episode (legal status V3 or V4) in the year.
    /// </summary>
    public static bool ContinuouslyLookedAfter(Ssda903Child child, Ssda903RuleContext context)
    {
        var episodes = child.Episodes;
        if (episodes.Count == 0)
        {
            return false;
        }

        var coversStart = false;
        foreach (var episode in episodes)
        {
            if (episode.Decom.Value is not { } decom)
            {
                return false;
            }

            var dec = episode.Dec.Value;
            if (dec is { } d && d < context.Start)
            {
                continue;
            }

            if (decom <= context.Start)
            {
                coversStart = true;
            }

            if (episode.Ls is "V3" or "V4")
            {
                return false;
            }

            if (decom > context.Start && episode.Rne == "S")
            {
                return false;
            }

            if (dec is { } ended && ended <= context.End && episode.Rec != "X1")
            {
                return false;
            }
        }

        var last = episodes[^1];
        return coversStart && (last.Dec.Value is null || last.Dec.Value > context.End);
    }

    /// <summary>True when the child is looked after at any time in the year (an episode open on some day of it).</summary>
    public static bool LookedAfterInYear(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var episode in CollectionsMarshal.AsSpan(child.Episodes))
        {
            if (episode.Decom.Value is { } decom && decom <= context.End && (episode.Dec.Value is not { } dec || dec >= context.Start))
            {
                return true;
            }
        }

        return false;
    }

    public static bool In(string? code, params ReadOnlySpan<string> codes) => code is not null && codes.Contains(code);
}
