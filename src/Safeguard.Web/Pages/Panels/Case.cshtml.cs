using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.ComplexSafeguarding;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Panels;

/// <summary>One child on a meeting's agenda: why they came, the panel's decision and the actions set, each with an owner and due date.</summary>
[RequirePermission("panels.view")]
public sealed class CaseModel(PanelService panels) : SafeguardPageModel
{
    public PanelCaseDetail Detail { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> Owners { get; private set; } = [];

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public CaseInput Input { get; set; } = new();

    public bool CanManage => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.ManagePanels.Name);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input.Decision = Detail.Item.Case.Decision;
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var version = Version;
        if (await TryChangeAsync(() => panels.RecordDecisionAsync(id, version, Input.Decision, Actor, cancellationToken)))
        {
            Notice = "The decision is recorded.";
            return Redirect($"/panels/cases/{id}");
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostActionAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var due = ReadDate("Input.DueOn", "date the action is due");
        if (await TryChangeAsync(() => panels.AddActionAsync(id, new PanelActionDetails(Input.Description, Input.OwnerUserId, due), Actor, cancellationToken)))
        {
            Notice = "The action is added. It is on its owner's due work until it is done.";
            return Redirect($"/panels/cases/{id}#actions");
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await panels.CaseAsync(id, Actor, cancellationToken) is not { } detail)
        {
            return false;
        }

        Detail = detail;
        if (!ModelState.ContainsKey(nameof(Version)) || ModelState.IsValid)
        {
            Version = detail.Item.Case.Version;
        }

        Owners = [new SelectListItem("Select who owns it", ""), .. (await panels.OwnersAsync(cancellationToken)).Select(o => new SelectListItem($"{o.Name} ({o.AgencyName})", o.UserId.ToString()))];
        return true;
    }

    public sealed class CaseInput
    {
        public string? Decision { get; set; }

        public string? Description { get; set; }

        public Guid? OwnerUserId { get; set; }
    }
}
