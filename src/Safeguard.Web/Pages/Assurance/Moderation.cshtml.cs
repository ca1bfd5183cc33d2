using Microsoft.AspNetCore.Mvc;
using Safeguard.Assurance;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Assurance;

/// <summary>Each case's grades from the agencies beside the moderator's grade, and the differences counted.</summary>
[RequirePermission("assurance.manage")]
public sealed class ModerationModel(AuditService audits) : AssurancePageModel
{
    public MultiAgencyAudit Audit { get; private set; } = default!;

    public IReadOnlyList<AuditCaseView> Cases { get; private set; } = [];

    public ModerationSummary Summary { get; private set; } = new([]);

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Grade { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid caseId, CancellationToken cancellationToken)
    {
        if (await audits.GetAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        if (await TryChangeAsync(() => audits.ModerateAsync(caseId, Version, Grade, Note, Actor, cancellationToken), $"Case-{caseId}"))
        {
            Notice = "The moderator's grade is recorded.";
            return Redirect($"/assurance/audits/{id}/moderation");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await audits.GetAsync(id, cancellationToken) is not { } audit)
        {
            return false;
        }

        Audit = audit;
        Cases = await audits.CasesAsync(id, Actor, cancellationToken);
        Summary = await audits.ModerationAsync(id, cancellationToken: cancellationToken);
        return true;
    }
}
