using Microsoft.AspNetCore.Mvc;
using Safeguard.Governance;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Governance;

/// <summary>The annual report's governance figures for a year: meetings held per board, attendance by board and by agency (by quarter), actions completed on time; also as JSON.</summary>
[RequirePermission("performance.view")]
public sealed class FiguresModel(GovernanceFigures figures, TimeProvider time) : GovernancePageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public GovernanceYear Figures { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var shown = ChosenYear(Year, time);
        Figures = await figures.ForYearAsync(shown, cancellationToken);
    }

    /// <summary>The same figures as data for the annual report.</summary>
    public async Task<IActionResult> OnGetJsonAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        var f = Figures;
        return new JsonResult(new
        {
            year = f.Year.Name,
            boards = f.Boards.Select(b => new
            {
                board = b.Board,
                kind = b.Kind.ToString(),
                meetingsHeld = b.Held,
                meetingsCancelled = b.Cancelled,
                meetingsQuorate = b.Quorate,
                attendanceRate = b.Attendance.Rate,
                placesExpected = b.Attendance.Expected,
                placesAttended = b.Attendance.Attended,
            }),
            agencies = f.Agencies.Select(a => new
            {
                agency = a.Agency,
                attendanceRate = a.Attendance.Rate,
                placesExpected = a.Attendance.Expected,
                placesAttended = a.Attendance.Attended,
                byDeputy = a.Attendance.ByDeputy,
                apologies = a.Attendance.Apologies,
                absent = a.Attendance.Absent,
                quarters = a.Quarters.Select((q, i) => new { quarter = $"Q{i + 1}", attendanceRate = q.Rate, placesExpected = q.Expected }),
            }),
            actions = new
            {
                due = f.Actions.Due,
                completedOnTime = f.Actions.OnTime,
                completedLate = f.Actions.Late,
                open = f.Actions.Open,
                overdue = f.Actions.Overdue,
                dropped = f.Actions.Dropped,
                onTimeRate = f.Actions.OnTimeRate,
            },
        });
    }
}
