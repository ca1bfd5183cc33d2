using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Identity;

namespace Safeguard.Lado;

/// <summary>The LADO's annual figures (aggregates only: no worker or child is named).</summary>
public sealed partial class LadoService
{
    /// <summary>
    /// The figures for the reporting year starting in April of <paramref name="startYear"/>: referrals received in the
    /// year (by sector and category), their decisions, the threshold-met allegations closed in the year by outcome and by
    /// sector, and the initial considerations made within one working day. Audited as a report.
    /// </summary>
    public async Task<LadoFigures> FiguresAsync(int startYear, Actor actor, CancellationToken cancellationToken = default)
    {
        await LadoAccess.DemandAsync(db, actor, Permissions.ViewLadoFigures, cancellationToken);
        var year = new ReportingYear(startYear);
        var (from, until) = (year.Previous.Start, year.End);
        var rows = await db.Set<LadoAllegation>().AsNoTracking()
            .Where(a => (a.ReferredOn >= from && a.ReferredOn <= until) || (a.ClosedOn >= year.Start && a.ClosedOn <= until))
            .Select(a => new { a.ReferredOn, a.Sector, a.Category, a.Decision, a.ConsideredOn, a.Outcome, a.ClosedOn })
            .ToListAsync(cancellationToken);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var referred = rows.Where(a => year.Contains(a.ReferredOn)).ToList();
        var lastYear = rows.Where(a => year.Previous.Contains(a.ReferredOn)).ToList();
        var closed = rows.Where(a => year.Contains(a.ClosedOn) && a.Decision == LadoDecision.ThresholdMet && a.Outcome is not null).ToList();
        var considered = referred.Where(a => a.ConsideredOn is not null).ToList();
        var onTime = considered.Count(a => a.ConsideredOn <= deadlines.Calculate(InitialConsiderationRule, a.ReferredOn).DueDate);
        var sectors = Enum.GetValues<LadoSector>();
        var outcomes = Enum.GetValues<LadoOutcome>();

        var figures = new LadoFigures(
            year.Name,
            referred.Count,
            lastYear.Count,
            referred.Count(a => a.Decision == LadoDecision.ThresholdMet),
            lastYear.Count(a => a.Decision == LadoDecision.ThresholdMet),
            referred.Count(a => a.Decision == LadoDecision.AdviceOnly),
            referred.Count(a => a.Decision is null),
            [.. sectors.Select(s => new FigureLine(LadoText.Describe(s), referred.Count(a => a.Sector == s)))],
            [.. sectors.Select(s => new FigureLine(LadoText.Describe(s), referred.Count(a => a.Sector == s && a.Decision == LadoDecision.ThresholdMet)))],
            [.. Enum.GetValues<LadoCategory>().Select(c => new FigureLine(LadoText.Describe(c), referred.Count(a => a.Category == c)))],
            [.. outcomes.Select(o => new FigureLine(LadoText.Describe(o), closed.Count(a => a.Outcome == o)))],
            [.. sectors.Select(s => new SectorOutcomes(LadoText.Describe(s), [.. outcomes.Select(o => closed.Count(a => a.Sector == s && a.Outcome == o))]))],
            onTime,
            considered.Count);
        using (db.BeginProcess("Lado.Figures", actor))
        {
            db.RecordAccess(EntityType, $"figures {year.Name}", AuditAction.Searched, $"referrals={figures.Referrals}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return figures;
    }

    /// <summary>How many of the allegations the actor holds are overdue, due soon and open in all (for the home page).</summary>
    public async Task<(int Overdue, int DueSoon, int Total)> MyCountsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await LadoAccess.DemandAsync(db, actor, Permissions.ViewLado, cancellationToken);
        var mine = await db.Set<LadoAllegation>().AsNoTracking().Include(a => a.Children)
            .Where(a => a.ClosedOn == null && a.OwnerUserId == actor.UserId)
            .ToListAsync(cancellationToken);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var states = mine.Select(a => a.Decision is null
            ? deadlines.Assess(deadlines.Calculate(InitialConsiderationRule, a.ReferredOn)).Status
            : deadlines.Assess(deadlines.Calculate(ResolutionRule, a.ReferredOn)).Status).ToList();
        return (states.Count(s => s == Timescales.DeadlineStatus.Overdue), states.Count(s => s is Timescales.DeadlineStatus.DueSoon or Timescales.DeadlineStatus.DueToday), states.Count);
    }
}
