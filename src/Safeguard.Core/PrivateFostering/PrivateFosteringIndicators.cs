using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Persistence;

namespace Safeguard.PrivateFostering;

/// <summary>Notifications of private fostering arrangements as known at an instant: a notification recorded after it is left out.</summary>
public sealed class PrivateFosteringIndicatorData(IServiceScopeFactory scopes) : IndicatorFacts<PrivateFosteringFacts>(scopes)
{
    protected override async Task<PrivateFosteringFacts> LoadAsync(IServiceProvider services, DateTimeOffset asAt, DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<SafeguardDbContext>();
        var notified = (await db.Set<PrivateFosteringArrangement>().AsNoTracking()
                .Where(a => a.NotifiedOn >= from && a.NotifiedOn <= until)
                .Select(a => new { a.PersonId, a.NotifiedOn, a.RecordedAt })
                .ToListAsync(cancellationToken))
            .Where(a => a.RecordedAt <= asAt)
            .Select(a => (a.PersonId, a.NotifiedOn))
            .ToList();
        return new PrivateFosteringFacts(notified);
    }
}

/// <param name="Notifications">Each arrangement notified in the years asked about: the child and the date the notification was received.</param>
public sealed record PrivateFosteringFacts(IReadOnlyList<(Guid PersonId, DateOnly NotifiedOn)> Notifications);

/// <summary>Indicator 2.3 computed from the notifications (docs/private-fostering.md).</summary>
public static class PrivateFosteringIndicators
{
    public static IReadOnlyList<(string Key, Func<PrivateFosteringFacts, ReportingQuarter, IndicatorBreakdown> Count)> All { get; } =
    [
        // 2.3: new arrangements notified to the council in the quarter (each notification once, by the date it was received).
        ("private-fostering-notifications", (f, q) => IndicatorBreakdown.Count(
            f.Notifications.Where(n => q.Contains(n.NotifiedOn)).OrderBy(n => n.NotifiedOn)
                .Select(n => CountedRecord.For(n.PersonId, "Private fostering arrangement notified", n.NotifiedOn)))),
    ];
}

/// <summary>
/// The year's private fostering figures, as the DfE's former private fostering return counted them: notifications
/// received, arrangements that started, arrangements open at the period's end, and the visits' timeliness (first visits
/// within 7 working days; later visits within their interval). A visit is counted when it fell due in the period and
/// was made or is overdue.
/// </summary>
public sealed class PrivateFosteringFigures(SafeguardDbContext db, CalendarAdministration calendar)
{
    public async Task<PrivateFosteringYear> ForPeriodAsync(DateOnly from, DateOnly until, CancellationToken cancellationToken = default)
    {
        var arrangements = await db.Set<PrivateFosteringArrangement>().AsNoTracking().Include(a => a.Visits)
            .Where(a => a.NotifiedOn <= until && (a.EndedOn == null || a.EndedOn >= from))
            .ToListAsync(cancellationToken);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var today = deadlines.Today();
        var due = arrangements
            .SelectMany(a => PrivateFosteringSchedule.Visits(a, deadlines))
            .Where(v => v.Assessment.Deadline.DueDate >= from && v.Assessment.Deadline.DueDate <= until && (v.MetBy is not null || v.Assessment.Deadline.DueDate < today))
            .ToList();
        static bool OnTime(DueVisit v) => v.MetBy is { } m && m.VisitedOn <= v.Assessment.Deadline.DueDate;
        var first = due.Where(v => v.IsFirst).ToList();
        var later = due.Where(v => !v.IsFirst).ToList();
        return new PrivateFosteringYear(
            from,
            until,
            arrangements.Count(a => a.NotifiedOn >= from),
            arrangements.Count(a => a.StartedOn >= from && a.StartedOn <= until),
            arrangements.Count(a => a.StartedOn <= until && (a.EndedOn is null || a.EndedOn > until)),
            arrangements.Count(a => a.EndedOn is { } e && e <= until),
            first.Count,
            first.Count(OnTime),
            later.Count,
            later.Count(OnTime));
    }
}

/// <summary>The figures of a period (usually a reporting year, April to March).</summary>
public sealed record PrivateFosteringYear(
    DateOnly From,
    DateOnly Until,
    int Notifications,
    int NewArrangements,
    int OpenAtEnd,
    int Ended,
    int FirstVisitsDue,
    int FirstVisitsOnTime,
    int LaterVisitsDue,
    int LaterVisitsOnTime);
