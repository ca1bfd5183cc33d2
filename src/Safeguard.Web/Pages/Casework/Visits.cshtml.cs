using Microsoft.AspNetCore.Mvc;
using Safeguard.Calendar;
using Safeguard.Journey;
using Safeguard.Timescales;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Casework;

/// <summary>A child's visits, newest first, and when the next child protection visit is due while they are on a plan.</summary>
[RequirePermission("children.view")]
public sealed class VisitsModel(CaseworkService casework, ChildVisitService visits, CalendarAdministration calendar) : CaseworkPageModel(casework)
{
    public IReadOnlyList<ChildVisit> Visits { get; private set; } = [];

    /// <summary>The next child protection visit, when the child is on an open plan.</summary>
    public DeadlineAssessment? NextCpVisit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Visits = await visits.ForChildAsync(id, cancellationToken);
        if (Episode?.ProtectionPlans.Where(p => p.IsOpen).OrderBy(p => p.StartDate).FirstOrDefault() is { } plan)
        {
            var deadlines = await calendar.DeadlinesAsync(cancellationToken);
            NextCpVisit = deadlines.Assess(CpVisits.Due(plan.StartDate, Visits, deadlines));
        }

        return Page();
    }

    public static string Seen(ChildVisit visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return !visit.ChildSeen ? "Not seen" : visit.SeenAlone ? "Seen alone" : "Seen, not alone";
    }
}
