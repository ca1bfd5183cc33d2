using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Assurance;
using Safeguard.CaseReviews;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Assurance;

/// <summary>An audit's findings (each with a learning theme), its actions on the partnership's tracker, and its conclusion.</summary>
[RequirePermission("assurance.manage")]
public sealed class FindingsModel(AuditService audits, SafeguardDbContext db) : AssurancePageModel
{
    public MultiAgencyAudit Audit { get; private set; } = default!;

    public IReadOnlyList<AuditFinding> Findings { get; private set; } = [];

    public IReadOnlyList<AuditActionView> Actions { get; private set; } = [];

    public IReadOnlyList<LearningTheme> Themes { get; private set; } = [];

    public IReadOnlyList<Organisations.Agency> Agencies { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public Guid? ThemeId { get; set; }

    [BindProperty]
    public Guid? AgencyId { get; set; }

    [BindProperty]
    public string? Owner { get; set; }

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostFindingAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Finding", () => audits.AddFindingAsync(id, Text, ThemeId, Actor, cancellationToken), "The finding is recorded.", cancellationToken);

    public Task<IActionResult> OnPostActionAsync(Guid id, CancellationToken cancellationToken)
    {
        var due = ReadDate("Action.DueOn", "due date");
        return ChangeAsync(id, "Action", () => audits.AddActionAsync(id, Text, AgencyId, Owner, due, Actor, cancellationToken), "The action is added to the tracker.", cancellationToken);
    }

    public Task<IActionResult> OnPostProgressAsync(Guid id, Guid actionId, CancellationToken cancellationToken) =>
        ChangeAsync(id, $"Progress-{actionId}", () => audits.UpdateActionAsync(actionId, Version, Enum.TryParse<ReviewActionStatus>(Status, out var s) ? s : null, Text, Actor, cancellationToken), "The action is updated.", cancellationToken);

    public Task<IActionResult> OnPostConcludeAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Conclusion", () => audits.ConcludeAsync(id, Version, Outcome == "inconclusive", Text, Actor, cancellationToken), "The audit is concluded.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, string prefix, Func<Task> change, string notice, CancellationToken cancellationToken)
    {
        if (await audits.GetAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        if (await TryChangeAsync(change, prefix))
        {
            Notice = notice;
            return Redirect($"/assurance/audits/{id}/findings");
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
        Findings = await audits.FindingsAsync(id, cancellationToken);
        Actions = await audits.ActionsAsync(id, cancellationToken);
        Themes = await db.LearningThemes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        Agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).ToListAsync(cancellationToken);
        Today = Calendar.UkTime.Today(db.Time);
        return true;
    }
}
