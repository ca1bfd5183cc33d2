using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Persistence;

namespace Safeguard.ComplexSafeguarding;

/// <summary>
/// Missing episodes, return home interviews and exploitation screenings as the dataset needs them, as known at an
/// instant: records made after it are left out, an interview recorded after it counts as not yet offered, and an
/// intervention's end after it as not yet ended.
/// </summary>
public sealed class ComplexSafeguardingIndicatorData(IServiceScopeFactory scopes) : IndicatorFacts<ComplexSafeguardingFacts>(scopes)
{
    protected override async Task<ComplexSafeguardingFacts> LoadAsync(IServiceProvider services, DateTimeOffset asAt, DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<SafeguardDbContext>();
        var (start, end) = (UkTime.StartOfDay(from), UkTime.EndOfDay(until));
        var episodes = (await db.Set<MissingEpisode>().AsNoTracking()
                .Where(e => e.PersonId != null && ((e.StartedAt >= start && e.StartedAt <= end) || (e.EndedAt >= start && e.EndedAt <= end)))
                .Select(e => new
                {
                    PersonId = e.PersonId!.Value,
                    e.StartedAt,
                    e.EndedAt,
                    e.LookedAfter,
                    e.RecordedAt,
                    e.FromReturn,
                    OfferedAt = e.Interview == null ? (DateTimeOffset?)null : e.Interview.OfferedAt,
                    Independent = e.Interview != null && e.Interview.Independent,
                    InterviewRecordedAt = e.Interview == null ? (DateTimeOffset?)null : e.Interview.RecordedAt,
                })
                .ToListAsync(cancellationToken))
            .Where(e => e.RecordedAt <= asAt && e.StartedAt <= asAt)
            .Select(e =>
            {
                var ended = e.EndedAt is { } x && x <= asAt ? x : (DateTimeOffset?)null;
                var offered = e.InterviewRecordedAt is { } r && r <= asAt ? e.OfferedAt : null;
                return new MissingFact(e.PersonId, UkTime.ToUkDate(e.StartedAt), e.LookedAfter, ended, ended is null ? null : UkTime.ToUkDate(ended.Value),
                    ended is { } done && offered is { } o && e.Independent && o <= done.AddHours(72), e.FromReturn);
            })
            .ToList();
        var screenings = (await db.Set<ExploitationScreening>().AsNoTracking()
                .Where(s => (s.ScreenedOn >= from && s.ScreenedOn <= until) || (s.InterventionStartedOn != null && s.InterventionStartedOn <= until && (s.InterventionEndedOn == null || s.InterventionEndedOn >= from)))
                .ToListAsync(cancellationToken))
            .Where(s => s.RecordedAt <= asAt)
            .ToList();
        return new ComplexSafeguardingFacts(episodes, screenings, UkTime.ToUkDate(asAt));
    }
}

/// <param name="PersonId">The child.</param>
/// <param name="StartedOn">The UK date the episode started.</param>
/// <param name="LookedAfter">Whether the child was looked after when they went missing.</param>
/// <param name="EndedAt">When the child returned, if known by the instant.</param>
/// <param name="EndedOn">Its UK date.</param>
/// <param name="IndependentWithin72Hours">An interview was offered by an independent person within 72 elapsed hours of the return (as known by the instant).</param>
/// <param name="FromReturn">Taken from an SSDA903 return with no report behind it: no interview was due, so it is not counted in 3.5.</param>
public sealed record MissingFact(Guid PersonId, DateOnly StartedOn, bool LookedAfter, DateTimeOffset? EndedAt, DateOnly? EndedOn, bool IndependentWithin72Hours, bool FromReturn = false);

/// <param name="Episodes">The identified children's episodes that started or ended in the years asked about.</param>
/// <param name="Screenings">The screenings made, or whose intervention was open, in those years.</param>
/// <param name="Today">The UK date of the instant: a month end after it has not passed yet.</param>
public sealed record ComplexSafeguardingFacts(IReadOnlyList<MissingFact> Episodes, IReadOnlyList<ExploitationScreening> Screenings, DateOnly Today);

/// <summary>
/// The dataset indicators computed from missing episodes, return home interviews and exploitation screenings
/// (3.4a, 3.4b, 3.5, 3.7, 3.8; definitions in docs/partnership-dataset.md and docs/complex-safeguarding.md).
/// </summary>
public static class ComplexSafeguardingIndicators
{
    public static IReadOnlyList<(string Key, Func<ComplexSafeguardingFacts, ReportingQuarter, IndicatorBreakdown> Count)> All { get; } =
    [
        // 3.4a: each child once, by the first episode of the quarter that started while they were not looked after.
        ("children-missing-from-home", (f, q) => IndicatorBreakdown.Count(FirstPerChild(f, q, lookedAfter: false, "Missing from home"))),

        // 3.4b: each child once, by the first episode (missing or away without authorisation) of the quarter that started while looked after.
        ("children-missing-from-care", (f, q) => IndicatorBreakdown.Count(FirstPerChild(f, q, lookedAfter: true, "Missing from care"))),

        // 3.5: of episodes ended in the quarter, those whose interview was offered by an independent person within 72 hours of the return.
        ("return-interviews-within-72-hours", (f, q) => IndicatorBreakdown.Percentage(
            f.Episodes.Where(e => !e.FromReturn && e.EndedOn is { } d && q.Contains(d))
                .OrderBy(e => e.EndedAt)
                .Select(e => CountedRecord.For(e.PersonId, "Returned from missing", e.EndedOn!.Value, e.IndependentWithin72Hours)),
            "No missing episodes ended in the quarter")),

        // 3.7: the complex safeguarding team's CSE interventions open at each month end of the quarter that has passed, averaged.
        ("cse-open-month-end", (f, q) =>
        {
            var ends = q.MonthEnds.Where(d => d <= f.Today).ToList();
            return IndicatorBreakdown.MonthEndAverage(
                ends.SelectMany(day => f.Screenings
                    .Where(s => s.Categories.HasFlag(ExploitationCategories.Sexual) && s.InterventionStartedOn is { } started && started <= day && (s.InterventionEndedOn is not { } ended || ended > day))
                    .Select(s => CountedRecord.For(s.PersonId, "CSE intervention open at month end", day))),
                ends.Count);
        }),

        // 3.8: screenings in the quarter referring the child to the complex safeguarding team for CSE at high risk.
        ("cse-high-risk-referrals", (f, q) => IndicatorBreakdown.Count(
            f.Screenings.Where(s => q.Contains(s.ScreenedOn) && s.IsReferral && s.Risk == ExploitationRisk.High && s.Categories.HasFlag(ExploitationCategories.Sexual))
                .OrderBy(s => s.ScreenedOn)
                .Select(s => CountedRecord.For(s.PersonId, "CSE referral at high risk", s.ScreenedOn)))),
    ];

    private static IEnumerable<CountedRecord> FirstPerChild(ComplexSafeguardingFacts f, ReportingQuarter q, bool lookedAfter, string what) =>
        f.Episodes.Where(e => e.LookedAfter == lookedAfter && q.Contains(e.StartedOn))
            .GroupBy(e => e.PersonId)
            .Select(g => g.MinBy(e => e.StartedOn)!)
            .OrderBy(e => e.StartedOn)
            .Select(e => CountedRecord.For(e.PersonId, what, e.StartedOn));
}
