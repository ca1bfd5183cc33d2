using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Journey;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Casework;

/// <summary>
/// The team performance view: weekly figures per team on the key practice measures for the last N weeks (for a
/// chosen team, also per allocated worker), and the children behind on any of them today with the worker allocated,
/// 50 a page (each child shown is audited as read).
/// </summary>
[RequirePermission("casework.performance")]
public sealed class PerformanceModel(TeamPerformance performance, SafeguardDbContext db) : SafeguardPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? TeamId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Weeks { get; set; }

    public List<SelectListItem> Teams { get; private set; } = [];

    public TeamPerformanceResult? Result { get; private set; }

    public static IReadOnlyList<(PracticeMeasure Measure, string Title, string Counted)> Measures { get; } =
    [
        (PracticeMeasure.CpVisits, "Child protection visits on time", "visits that fell due in the week, and how many were made (the child seen) by the due date"),
        (PracticeMeasure.Assessments, "Assessments within 45 working days", "assessments authorised in the week, and how many within 45 working days of the referral"),
        (PracticeMeasure.ReviewConferences, "Review conferences on time", "child protection review conferences held in the week, and how many on time"),
        (PracticeMeasure.InitialConferences, "Initial conferences within 15 working days", "initial child protection conferences held in the week, and how many within 15 working days of the strategy discussion"),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Weeks = Weeks is >= 1 and <= TeamPerformance.MaxWeeks ? Weeks : TeamPerformance.DefaultWeeks;
        var teams = await db.Teams.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        if (TeamId is { } chosen && teams.All(t => t.Id != chosen))
        {
            TeamId = null;
        }

        Teams = [new("All teams", ""), .. teams.Select(t => new SelectListItem(t.Name, t.Id.ToString(), t.Id == TeamId))];
        Result = await performance.ComputeAsync(Weeks.Value, TeamId, Actor, ListLinks.PageNumber(Request), cancellationToken: cancellationToken);
        return Page();
    }

    public static string Show(WeekFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return figure.Denominator == 0 ? "None" : $"{figure.Numerator} of {figure.Denominator} ({figure.Percentage:0.#}%)";
    }
}
