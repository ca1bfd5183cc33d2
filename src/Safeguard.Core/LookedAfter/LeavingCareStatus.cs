namespace Safeguard.LookedAfter;

/// <summary>
/// A young person's status under the Children (Leaving Care) Act 2000 (Children Act 1989 s.19B, s.23A, s.23C and
/// s.24; Care Leavers (England) Regulations 2010), worked out from their care history. See docs/looked-after.md for the
/// reading taken.
/// </summary>
public enum LeavingCareStatus
{
    /// <summary>Not a care leaver (never looked after, under 16, adopted, 21 or over with no plan, or otherwise outside the Act).</summary>
    None,

    /// <summary>16 or 17, looked after now, looked after for 13 weeks in all since 14, at least part of it after 16.</summary>
    Eligible,

    /// <summary>16 or 17, no longer looked after, and eligible before they left care.</summary>
    Relevant,

    /// <summary>18 to 20 (or to 25 while a pathway plan is kept up), who was relevant, or eligible when they turned 18.</summary>
    FormerRelevant,

    /// <summary>16 to 20, looked after (or under a special guardianship order) after 16 but not eligible: advice and assistance (s.24).</summary>
    Qualifying,
}

/// <summary>The status with the facts it was worked out from.</summary>
/// <param name="Status">The status today.</param>
/// <param name="Age">Age in whole years today; null without a date of birth.</param>
/// <param name="DaysLookedAfterSince14">Days looked after from the 14th birthday (short breaks V3 and V4 left out).</param>
/// <param name="EligibleFrom">The day the 13 weeks were met with the child looked after on or after their 16th birthday; null when never.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record CareLeaverAssessment(LeavingCareStatus Status, int? Age, int DaysLookedAfterSince14, DateOnly? EligibleFrom, string Reason)
{
    /// <summary>A care leaver the council owes a pathway plan and a personal adviser (eligible, relevant or former relevant).</summary>
    public bool OwedPathwayPlan => Status is LeavingCareStatus.Eligible or LeavingCareStatus.Relevant or LeavingCareStatus.FormerRelevant;
}

/// <summary>
/// Works out the leaving care status from a date of birth and the episodes of care: the 13 weeks (91 days) counted from
/// the 14th birthday across every period of care, short breaks (V3, V4) left out; eligible from the first day on or
/// after the 16th birthday the child is looked after with the 13 weeks met.
/// </summary>
public static class CareLeaverRules
{
    /// <summary>13 weeks.</summary>
    public const int QualifyingDays = 91;

    /// <summary>Short breaks: a pre-planned series of short placements does not count towards the 13 weeks (regulation 3(1)).</summary>
    public static readonly IReadOnlySet<string> ShortBreaks = new HashSet<string>(StringComparer.Ordinal) { "V3", "V4" };

    /// <summary>Left care by adoption: the council's duties end with the adoption order.</summary>
    public static readonly IReadOnlySet<string> Adopted = new HashSet<string>(StringComparer.Ordinal) { "E11", "E12" };

    /// <summary>Left care under a special guardianship or child arrangements order: advice and assistance (s.24), not relevant.</summary>
    public static readonly IReadOnlySet<string> ToAnOrder = new HashSet<string>(StringComparer.Ordinal) { "E41", "E45", "E46", "E47", "E48" };

    /// <summary>Left care to live with parents or others with parental responsibility.</summary>
    public static readonly IReadOnlySet<string> ReturnedHome = new HashSet<string>(StringComparer.Ordinal) { "E4A", "E4B", "E13" };

    /// <summary>Died (E2), care taken over by another council (E3), or found 18 or over by an age assessment (E15).</summary>
    public static readonly IReadOnlySet<string> NoDuty = new HashSet<string>(StringComparer.Ordinal) { "E2", "E3", "E15" };

    public static int? AgeOn(DateOnly? dateOfBirth, DateOnly on)
    {
        if (dateOfBirth is not { } born)
        {
            return null;
        }

        var age = on.Year - born.Year;
        return born.AddYears(age) > on ? age - 1 : age;
    }

    /// <summary>
    /// The status on <paramref name="today"/>. <paramref name="planSince21"/> is whether a pathway plan was agreed or reviewed
    /// on or after the 21st birthday (a former relevant young person who keeps their support to 25).
    /// </summary>
    public static CareLeaverAssessment Assess(DateOnly? dateOfBirth, IEnumerable<CareEpisode> episodes, DateOnly today, bool planSince21 = false)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        var list = episodes.Where(e => e.StartedOn <= today).OrderBy(e => e.StartedOn).ToList();
        var age = AgeOn(dateOfBirth, today);
        if (dateOfBirth is not { } born || list.Count == 0)
        {
            return new(LeavingCareStatus.None, age, 0, null, list.Count == 0 ? "Never looked after" : "No date of birth is recorded");
        }

        var at14 = born.AddYears(14);
        var at16 = born.AddYears(16);
        var at18 = born.AddYears(18);
        var counted = list.Where(e => !ShortBreaks.Contains(e.LegalStatus)).ToList();

        // Walk the counted days in order, so the day the 13 weeks are met on or after the 16th birthday is found.
        var days = 0;
        DateOnly? eligibleFrom = null;
        foreach (var e in counted)
        {
            var from = e.StartedOn > at14 ? e.StartedOn : at14;
            var end = e.EndedOn is { } ended ? ended.AddDays(-1) : today;
            if (end > today)
            {
                end = today;
            }

            if (end < from)
            {
                continue;
            }

            var length = end.DayNumber - from.DayNumber + 1;
            if (eligibleFrom is null)
            {
                // The day the running total reaches 91, but not before the 16th birthday or after the 18th.
                var reached = from.AddDays(Math.Max(0, QualifyingDays - days - 1));
                var candidate = reached > at16 ? reached : at16;
                if (candidate >= from && candidate <= end && candidate < at18 && days + (candidate.DayNumber - from.DayNumber + 1) >= QualifyingDays)
                {
                    eligibleFrom = candidate;
                }
            }

            days += length;
        }

        var current = list.LastOrDefault(e => e.EndedOn is null);
        var last = list[^1];
        var leftWith = current is null ? last.ReasonEpisodeCeased : null;
        var leftOn = current is null ? last.EndedOn : null;
        var cared16 = counted.Any(e => (e.EndedOn is null || e.EndedOn > at16) && e.StartedOn <= today && at16 <= today);

        if (age < 16)
        {
            return new(LeavingCareStatus.None, age, days, eligibleFrom, "Under 16");
        }

        if (leftWith is { } rec && Adopted.Contains(rec))
        {
            return new(LeavingCareStatus.None, age, days, eligibleFrom, "Adopted");
        }

        if (leftWith is { } noDuty && NoDuty.Contains(noDuty))
        {
            return new(LeavingCareStatus.None, age, days, eligibleFrom, noDuty switch { "E2" => "Died", "E3" => "Care taken over by another council", _ => "Found to be 18 or over by an age assessment" });
        }

        // Eligible before leaving care (or before turning 18 while still looked after).
        var wasEligible = eligibleFrom is { } ef && (leftOn is null || ef < leftOn);
        if (age < 18)
        {
            if (current is not null && wasEligible)
            {
                return new(LeavingCareStatus.Eligible, age, days, eligibleFrom, "Looked after, 13 weeks since 14 met after 16");
            }

            if (current is null && wasEligible && leftWith is { } r && ToAnOrder.Contains(r))
            {
                return new(LeavingCareStatus.Qualifying, age, days, eligibleFrom, "Left care under a special guardianship or child arrangements order");
            }

            if (current is null && wasEligible && leftWith is { } home && ReturnedHome.Contains(home) && leftOn!.Value.AddMonths(6) <= today)
            {
                return new(LeavingCareStatus.Qualifying, age, days, eligibleFrom, "Returned home to live with parents for 6 months or more");
            }

            if (current is null && wasEligible)
            {
                return new(LeavingCareStatus.Relevant, age, days, eligibleFrom, "Left care after becoming eligible");
            }

            return cared16
                ? new(LeavingCareStatus.Qualifying, age, days, eligibleFrom, "Looked after after 16 without 13 weeks since 14")
                : new(LeavingCareStatus.None, age, days, eligibleFrom, "Not looked after since 16");
        }

        // 18 and over: former relevant if eligible on leaving care (or at 18) and not returned home for 6 months before 18.
        var relevantAt18 = wasEligible
            && !(leftWith is { } o && ToAnOrder.Contains(o))
            && !(leftWith is { } h && ReturnedHome.Contains(h) && leftOn!.Value.AddMonths(6) <= at18);
        if (relevantAt18 && (age < 21 || planSince21))
        {
            return new(LeavingCareStatus.FormerRelevant, age, days, eligibleFrom, age < 21 ? "Eligible or relevant before 18" : "Former relevant, kept on a pathway plan after 21");
        }

        return cared16 && age < 21
            ? new(LeavingCareStatus.Qualifying, age, days, eligibleFrom, "Looked after after 16 but not former relevant")
            : new(LeavingCareStatus.None, age, days, eligibleFrom, age >= 21 ? "21 or over" : "Not looked after since 16");
    }

    public static string Describe(LeavingCareStatus status) => status switch
    {
        LeavingCareStatus.Eligible => "Eligible",
        LeavingCareStatus.Relevant => "Relevant",
        LeavingCareStatus.FormerRelevant => "Former relevant",
        LeavingCareStatus.Qualifying => "Qualifying",
        _ => "Not a care leaver",
    };
}
