using Microsoft.AspNetCore.Mvc;
using Safeguard.Training;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Training;

/// <summary>The annual report's training figures for a year (counts only, no delegate named), also as JSON.</summary>
[RequirePermission("performance.view")]
public sealed class FiguresModel(TrainingFigures figures, TimeProvider time) : TrainingPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public TrainingYearFigures Figures { get; private set; } = default!;

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
            f.SessionsDelivered,
            f.SessionsCancelled,
            f.PlacesOffered,
            f.PlacesBooked,
            f.Attended,
            f.DidNotAttend,
            f.Cancelled,
            didNotAttendRate = f.DidNotAttendRate,
            byAgency = f.ByAgency.Select(a => new { agency = a.Group, a.Booked, a.Attended, a.DidNotAttend, didNotAttendRate = a.DidNotAttendRate }),
            byRole = f.ByRole.Select(r => new { role = r.Group, r.Booked, r.Attended, r.DidNotAttend, didNotAttendRate = r.DidNotAttendRate }),
            f.Evaluations,
            meanConfidenceBefore = f.MeanConfidenceBefore,
            meanConfidenceAfter = f.MeanConfidenceAfter,
            confidenceChange = f.ConfidenceChange,
            f.FollowUpsDue,
            f.FollowUpsReturned,
            followUpReturnRate = f.FollowUpReturnRate,
            practiceChanged = f.PracticeChanged,
            practiceChangedShare = f.PracticeChangedShare,
            courses = f.Courses.Select(c => new { c.Title, c.Theme, c.Sessions, c.Attended, meanBefore = c.MeanBefore, meanAfter = c.MeanAfter, change = c.Change }),
            learningThemes = f.Themes.Select(t => new { t.Theme, reviews = t.Reviews, t.Courses, t.Sessions, t.Attended }),
        });
    }
}
