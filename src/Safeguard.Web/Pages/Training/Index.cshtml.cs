using Safeguard.Common;
using Safeguard.Training;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.Shared;
using Safeguard.Work;

namespace Safeguard.Web.Pages.Training;

/// <summary>The multi-agency training programme for a year: each session (paged in the database) with its places booked and used; the courses.</summary>
[RequirePermission("training.manage")]
public sealed class IndexModel(TrainingService training, TimeProvider time) : TrainingPageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public ReportingYear Shown { get; private set; }

    public ListPage<SessionRow> Sessions { get; private set; } = new([], 0, 1, ListPage.DefaultPageSize);

    public IReadOnlyList<CourseRow> Courses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Shown = ChosenYear(Year, time);
        Sessions = await training.ProgrammeAsync(Shown, ListLinks.PageNumber(Request), cancellationToken: cancellationToken);
        Courses = await training.CoursesAsync(cancellationToken);
    }
}
