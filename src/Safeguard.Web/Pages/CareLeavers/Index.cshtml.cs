using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.LookedAfter;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.CareLeavers;

/// <summary>
/// The 16+ tracker: every care leaver (eligible, relevant, former relevant, qualifying) with their personal adviser,
/// next pathway plan and whether they are in touch, filterable by status, adviser, a plan due and adult services.
/// </summary>
[RequirePermission("lookedafter.view")]
public sealed class IndexModel(CareLeaverTracker tracker, CareLeaverService careLeavers) : SafeguardPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Adviser { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool PlanDue { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool AdultServices { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public CareLeaverTrackerPage Result { get; private set; } = default!;

    public List<SelectListItem> Statuses { get; } =
        [new("Any", ""), .. new[] { LeavingCareStatus.Eligible, LeavingCareStatus.Relevant, LeavingCareStatus.FormerRelevant, LeavingCareStatus.Qualifying }.Select(s => new SelectListItem(CareLeaverRules.Describe(s), s.ToString()))];

    public List<SelectListItem> Advisers { get; private set; } = [];

    public ListPager Pager => new(Result.Page, Result.Pages, Result.Total, Result.PageSize, Result.Rows.Count, "care leavers", n => ListLinks.With(Request, ("page", n.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var status = Enum.TryParse<LeavingCareStatus>(Status, out var s) && Enum.IsDefined(s) && s != LeavingCareStatus.None ? s : (LeavingCareStatus?)null;
        Result = await tracker.ListAsync(new CareLeaverTrackerQuery { Status = status, PersonalAdviserUserId = Adviser, PlanDueOnly = PlanDue, AdultServicesOnly = AdultServices, Page = PageNumber }, Actor, cancellationToken);
        Advisers = [new SelectListItem("Any", ""), .. (await careLeavers.AdviserChoices().ToListAsync(cancellationToken)).Select(c => new SelectListItem(c.Name, c.UserId.ToString(), c.UserId == Adviser))];
        foreach (var item in Statuses)
        {
            item.Selected = item.Value == (status?.ToString() ?? "");
        }
    }
}
