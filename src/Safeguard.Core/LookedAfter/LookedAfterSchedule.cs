using Safeguard.Timescales;

namespace Safeguard.LookedAfter;

/// <summary>
/// The looked-after timescales, worked out from a child's episodes, reviews and health checks: the next review (first
/// within 20 working days of becoming looked after, the second within 3 months of the first, then every 6 months),
/// the next health assessment (initial within 20 working days, then every 6 months under 5 and every 12 months from
/// 5), the next dental check (6 months from the last), and short-term placement stability.
/// </summary>
public static class LookedAfterSchedule
{
    public const string FirstReview = "lac-first-review";
    public const string SecondReview = "lac-second-review";
    public const string LaterReview = "lac-later-review";
    public const string InitialHealthAssessment = "lac-initial-health-assessment";
    public const string HealthReviewUnder5 = "lac-health-review-under-5";
    public const string HealthReview = "lac-health-review";
    public const string DentalCheck = "lac-dental-check";
    public const int PlacementStabilityThreshold = 3;

    private static readonly string[] PlacementChanges = ["S", "P", "T", "B", "U"];

    /// <summary>
    /// The current (or, after leaving care, the last) period of care, oldest episode first: the episodes from the
    /// latest that started the period (reason S). Empty when the child has never been looked after.
    /// </summary>
    public static IReadOnlyList<CareEpisode> Period(IEnumerable<CareEpisode> episodes)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        var ordered = episodes.OrderBy(e => e.StartedOn).ThenBy(e => e.EndedOn is null).ToList();
        var start = ordered.FindLastIndex(e => e.ReasonForNewEpisode == LookedAfterCodes.Started);
        return start < 0 ? [] : ordered[start..];
    }

    /// <summary>The timescale a review is held to: the first from the start, the second from the first, later ones from the previous.</summary>
    public static Deadline ReviewDeadline(DateOnly periodStart, IReadOnlyList<DateOnly> earlierReviews, DeadlineService deadlines)
    {
        ArgumentNullException.ThrowIfNull(earlierReviews);
        ArgumentNullException.ThrowIfNull(deadlines);
        return earlierReviews.Count switch
        {
            0 => deadlines.Calculate(FirstReview, periodStart),
            1 => deadlines.Calculate(SecondReview, earlierReviews[0]),
            _ => deadlines.Calculate(LaterReview, earlierReviews[^1]),
        };
    }

    /// <summary>The next review of a child looked after since <paramref name="periodStart"/>, given the period's reviews.</summary>
    public static NextDue NextReview(DateOnly periodStart, IEnumerable<DateOnly> reviews, DeadlineService deadlines)
    {
        var held = reviews.Where(r => r >= periodStart).Order().ToList();
        var what = held.Count switch { 0 => "First looked-after review", 1 => "Second looked-after review", _ => "Looked-after review" };
        return new NextDue(what, deadlines.Assess(ReviewDeadline(periodStart, held, deadlines)));
    }

    /// <summary>
    /// The next health assessment: the initial assessment when none has been done in the period; then a review 6 months
    /// after the last when the child was under 5 on it, 12 months when 5 or over.
    /// </summary>
    public static NextDue NextHealthAssessment(DateOnly periodStart, DateOnly? dateOfBirth, IEnumerable<DateOnly> assessments, DeadlineService deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var last = assessments.Where(a => a >= periodStart).Order().LastOrDefault();
        if (last == default)
        {
            return new NextDue("Initial health assessment", deadlines.Assess(deadlines.Calculate(InitialHealthAssessment, periodStart)));
        }

        var under5 = dateOfBirth is { } born && born.AddYears(5) > last;
        return new NextDue("Review health assessment", deadlines.Assess(deadlines.Calculate(under5 ? HealthReviewUnder5 : HealthReview, last)));
    }

    /// <summary>The next dental check: 6 months from the last recorded, or from becoming looked after when there is none.</summary>
    public static NextDue NextDentalCheck(DateOnly periodStart, IEnumerable<DateOnly> checks, DeadlineService deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var last = checks.Order().LastOrDefault();
        return new NextDue("Dental check", deadlines.Assess(deadlines.Calculate(DentalCheck, last == default ? periodStart : last)));
    }

    /// <summary>
    /// Placements the child had in the 12 months up to <paramref name="today"/>: the one they were in when the window
    /// opened (if looked after then) and each new placement since (reasons S, P, T, B and U).
    /// </summary>
    public static int PlacementsInLast12Months(IEnumerable<CareEpisode> episodes, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        var from = today.AddYears(-1).AddDays(1);
        var list = episodes.ToList();
        var openAtStart = list.Any(e => e.StartedOn < from && (e.EndedOn is null || e.EndedOn >= from));
        return (openAtStart ? 1 : 0) + list.Count(e => e.StartedOn >= from && e.StartedOn <= today && PlacementChanges.Contains(e.ReasonForNewEpisode));
    }
}
