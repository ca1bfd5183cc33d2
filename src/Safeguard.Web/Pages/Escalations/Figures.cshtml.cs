using Microsoft.AspNetCore.Mvc;
using Safeguard.Common;
using Safeguard.Escalations;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Escalations;

/// <summary>The annual report's escalation figures for a year (aggregates only): by agency, theme and stage, and resolution within timescale; also as JSON.</summary>
[RequirePermission("performance.view")]
public sealed class FiguresModel(EscalationFiguresQuery figures, TimeProvider time) : SafeguardPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public ReportingYear Shown { get; private set; }

    public EscalationFigures Figures { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Shown = ChosenYear(Year, time);
        Figures = await figures.ForYearAsync(Shown, cancellationToken);
    }

    /// <summary>The same figures as data for the annual report.</summary>
    public async Task<IActionResult> OnGetJsonAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        var f = Figures;
        static object Lines(IReadOnlyList<EscalationFigureLine> lines) => lines.Select(l => new { label = l.Label, count = l.Count });
        return new JsonResult(new
        {
            year = f.Year,
            raised = f.Raised,
            raisedLastYear = f.RaisedLastYear,
            open = f.Open,
            openOverdue = f.OpenOverdue,
            closed = f.Closed,
            closedWithinTimescale = f.ClosedWithinTimescale,
            withinTimescaleRate = f.WithinTimescaleRate,
            resolvedByStage2 = f.ResolvedByStage2,
            resolvedByStage2Rate = f.ResolvedByStage2Rate,
            byRaisingAgency = Lines(f.ByRaisingAgency),
            byAgencyRaisedWith = Lines(f.ByAgencyRaisedWith),
            byTheme = Lines(f.ByTheme),
            byHighestStage = Lines(f.ByHighestStage),
            byOutcome = Lines(f.ByOutcome),
            stages = f.Stages.Select(s => new { stage = s.Stage, name = s.Name, started = s.Started, ended = s.Ended, endedInTime = s.EndedInTime, inTimeRate = s.InTimeRate }),
        });
    }
}
