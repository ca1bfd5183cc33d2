using Microsoft.EntityFrameworkCore;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.Escalations;

/// <summary>
/// The escalation figures of a reporting year (April to March), aggregates only (no child is named): read with the
/// partnership figures permission on the pages; the rows read are the year's and last year's escalations and their stages.
/// </summary>
public sealed class EscalationFiguresQuery(SafeguardDbContext db)
{
    public async Task<EscalationFigures> ForYearAsync(ReportingYear year, CancellationToken cancellationToken = default)
    {
        var from = year.Previous.Start;
        var to = year.End;
        var today = Calendar.UkTime.Today(db.Time);
        var escalations = await db.Set<Escalation>().AsNoTracking().Include(e => e.Stages)
            .Where(e => (e.RaisedOn >= from && e.RaisedOn <= to) || (e.ClosedOn >= year.Start && e.ClosedOn <= to) || e.ClosedOn == null)
            .ToListAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var raised = escalations.Where(e => year.Contains(e.RaisedOn)).ToList();
        var closed = escalations.Where(e => year.Contains(e.ClosedOn)).ToList();
        var open = escalations.Where(e => e.ClosedOn == null).ToList();

        static IReadOnlyList<EscalationFigureLine> Lines<TKey>(IEnumerable<Escalation> rows, Func<Escalation, TKey> key, Func<TKey, string> label)
            where TKey : notnull =>
            [.. rows.GroupBy(key).Select(g => new EscalationFigureLine(label(g.Key), g.Count())).OrderByDescending(l => l.Count).ThenBy(l => l.Label, StringComparer.Ordinal)];

        var stages = escalations.SelectMany(e => e.Stages).ToList();
        return new EscalationFigures(
            year.Name,
            raised.Count,
            escalations.Count(e => year.Previous.Contains(e.RaisedOn)),
            open.Count,
            open.Count(e => e.CurrentDueOn < today),
            Lines(raised, e => e.RaisedByAgencyId, id => agencies.GetValueOrDefault(id, "Unknown agency")),
            Lines(raised, e => e.RaisedWithAgencyId, id => agencies.GetValueOrDefault(id, "Unknown agency")),
            Lines(raised, e => e.Theme, EscalationText.Describe),
            [.. Enumerable.Range(1, Escalation.LastStage).Select(n => new EscalationFigureLine(EscalationText.StageName(n), raised.Count(e => e.Stage == n)))],
            [.. Enum.GetValues<EscalationOutcome>().Select(o => new EscalationFigureLine(EscalationText.Describe(o), closed.Count(e => e.Outcome == o)))],
            closed.Count,
            closed.Count(e => e.Stages.All(s => s.EndedInTime == true)),
            closed.Count(e => e.Outcome == EscalationOutcome.Resolved && e.Stage <= 2),
            [.. Enumerable.Range(1, Escalation.LastStage).Select(n =>
            {
                var these = stages.Where(s => s.Number == n).ToList();
                var ended = these.Where(s => year.Contains(s.EndedOn)).ToList();
                return new StageFigures(n, EscalationText.StageName(n), these.Count(s => year.Contains(s.StartedOn)), ended.Count, ended.Count(s => s.EndedInTime == true));
            })]);
    }
}
