using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.ComplexSafeguarding;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Panels;

/// <summary>A panel meeting: building its agenda from the criteria, the children on it, attendance by agency and the minutes.</summary>
[RequirePermission("panels.view")]
public sealed class MeetingModel(PanelService panels, SafeguardDbContext db) : SafeguardPageModel
{
    public PanelMeetingView View { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> Agencies { get; private set; } = [];

    [BindProperty]
    public AttendeeInput Input { get; set; } = new();

    public bool CanManage => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.ManagePanels.Name);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostBuildAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var added = 0;
        if (await TryChangeAsync(async () => added = await panels.BuildAgendaAsync(id, Actor, cancellationToken)))
        {
            Notice = added == 0 ? "The agenda is up to date: no more children meet the criteria." : $"{added} {(added == 1 ? "child is" : "children are")} added to the agenda.";
            return Redirect($"/panels/{id}");
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAttendAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var details = new PanelAttendeeDetails(Input.AgencyId, Input.Name, Input.Role, Input.Attended switch { "yes" => true, "no" => false, _ => null });
        if (await TryChangeAsync(() => panels.AddAttendeeAsync(id, details, Actor, cancellationToken)))
        {
            Notice = $"{Input.Name?.Trim()} is added to the attendance.";
            return Redirect($"/panels/{id}#attendance");
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid attendee, CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        if (await TryChangeAsync(() => panels.RemoveAttendeeAsync(attendee, Actor, cancellationToken)))
        {
            Notice = "The attendee is removed.";
            return Redirect($"/panels/{id}#attendance");
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await panels.MeetingAsync(id, Actor, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        Agencies = [new SelectListItem("Select an agency", ""), .. await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name)
            .Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToListAsync(cancellationToken)];
        return true;
    }

    public sealed class AttendeeInput
    {
        public Guid? AgencyId { get; set; }

        public string? Name { get; set; }

        public string? Role { get; set; }

        public string? Attended { get; set; }
    }
}
