using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.CaseReviews;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.CaseReviews;

/// <summary>A case's findings (with learning themes), recommendations and their actions, and the group's sign-off.</summary>
[RequirePermission("reviews.view")]
public sealed class LearningModel(SafeguardDbContext db, LearningService learning) : CaseReviewPageModel
{
    public SeriousIncidentNotification? Case { get; private set; }

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
    public string? Reason { get; set; }

    [BindProperty]
    public int Version { get; set; }

    /// <summary>The due date input of one recommendation's "new action" form (each form on the page has its own key and ids).</summary>
    public static string DueKey(Guid recommendationId) => $"Action-{recommendationId}.DueOn";

    /// <summary>The completion date input of one action's progress form.</summary>
    public static string CompletedKey(Guid actionId) => $"Progress-{actionId}.CompletedOn";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostFindingAsync(Guid id, CancellationToken cancellationToken) =>
        ManageAsync(id, "Finding", () => learning.AddFindingAsync(id, Text, ThemeId, Actor, cancellationToken), "The finding is recorded.", cancellationToken);

    public Task<IActionResult> OnPostRecommendationAsync(Guid id, CancellationToken cancellationToken) =>
        ManageAsync(id, "Recommendation", () => learning.AddRecommendationAsync(id, Text, null, Actor, cancellationToken), "The recommendation is recorded.", cancellationToken);

    public Task<IActionResult> OnPostActionAsync(Guid id, Guid recommendationId, CancellationToken cancellationToken)
    {
        var dueOn = ReadDate(DueKey(recommendationId), "due date");
        return ManageAsync(id, $"Action-{recommendationId}", () => learning.AddActionAsync(recommendationId, Text, AgencyId, Owner, dueOn, Actor, cancellationToken), "The action is added.", cancellationToken);
    }

    public Task<IActionResult> OnPostProgressAsync(Guid id, Guid actionId, CancellationToken cancellationToken)
    {
        var completedOn = ReadDate(CompletedKey(actionId), "date the action was completed");
        return ManageAsync(id, $"Progress-{actionId}", () => learning.UpdateActionAsync(actionId, Version,
                new ActionProgress(Enum.TryParse<ReviewActionStatus>(Status, out var s) ? s : null, Text, completedOn, Reason), Actor, cancellationToken),
            "The action is updated.", cancellationToken);
    }

    public Task<IActionResult> OnPostSignOffAsync(Guid id, Guid actionId, CancellationToken cancellationToken) =>
        ManageAsync(id, "SignOff", () => learning.SignOffActionAsync(actionId, Version, Actor, cancellationToken), "The action is signed off.", cancellationToken);

    private async Task<IActionResult> ManageAsync(Guid id, string prefix, Func<Task> change, string notice, CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await TryChangeAsync(change, prefix))
        {
            Notice = notice;
            return Redirect($"/case-reviews/{id}/learning");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Case = await db.SeriousIncidentNotifications.AsNoTracking()
            .Include(n => n.Findings).ThenInclude(f => f.LearningTheme)
            .Include(n => n.Recommendations).ThenInclude(r => r.Actions).ThenInclude(a => a.OwningAgency)
            .AsSplitQuery()
            .FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        Themes = await db.LearningThemes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        Agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).ToListAsync(cancellationToken);
        Today = Calendar.UkTime.Today(db.Time);
        return Case is not null;
    }
}
