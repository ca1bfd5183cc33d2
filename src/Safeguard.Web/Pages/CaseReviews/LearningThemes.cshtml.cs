using Microsoft.AspNetCore.Mvc;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.CaseReviews;

/// <summary>The business unit's controlled list of learning themes: add, rename, retire or restore, and remove one added by mistake.</summary>
[RequirePermission("reviews.manage")]
public sealed class LearningThemesModel(LearningService learning) : CaseReviewPageModel
{
    public IReadOnlyList<(LearningTheme Theme, int Uses)> Themes { get; private set; } = [];

    /// <summary>The theme whose rename was refused, so its field shows the error.</summary>
    public Guid? RenameId { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Themes = await learning.ThemeListAsync(cancellationToken);

    public Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken) =>
        ChangeAsync("Add", null, async () => Notice = $"'{(await learning.AddThemeAsync(Name, Actor, cancellationToken)).Name}' is added to the learning themes.", cancellationToken);

    public Task<IActionResult> OnPostRenameAsync(Guid themeId, CancellationToken cancellationToken) =>
        ChangeAsync("Rename", themeId, async () =>
        {
            var theme = await FindAsync(themeId, cancellationToken);
            await learning.ChangeThemeAsync(themeId, Version, Name, theme.IsActive, Actor, cancellationToken);
            Notice = $"'{theme.Name}' is renamed '{Name!.Trim()}'.";
        }, cancellationToken);

    public Task<IActionResult> OnPostRetireAsync(Guid themeId, CancellationToken cancellationToken) => ActivateAsync(themeId, false, cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(Guid themeId, CancellationToken cancellationToken) => ActivateAsync(themeId, true, cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(Guid themeId, CancellationToken cancellationToken) =>
        ChangeAsync("Remove", null, async () =>
        {
            var theme = await FindAsync(themeId, cancellationToken);
            await learning.RemoveThemeAsync(themeId, Version, Actor, cancellationToken);
            Notice = $"'{theme.Name}' is removed.";
        }, cancellationToken);

    private Task<IActionResult> ActivateAsync(Guid themeId, bool active, CancellationToken cancellationToken) =>
        ChangeAsync(active ? "Restore" : "Retire", null, async () =>
        {
            var theme = await FindAsync(themeId, cancellationToken);
            await learning.ChangeThemeAsync(themeId, Version, theme.Name, active, Actor, cancellationToken);
            Notice = active
                ? $"'{theme.Name}' is restored: it can be chosen for new findings."
                : $"'{theme.Name}' is retired: it stays on past findings but cannot be chosen for new ones.";
        }, cancellationToken);

    private async Task<LearningTheme> FindAsync(Guid themeId, CancellationToken cancellationToken) =>
        (await learning.ThemeListAsync(cancellationToken)).Select(t => t.Theme).FirstOrDefault(t => t.Id == themeId)
            ?? throw new SafeguardValidationException("Theme", "There is no such learning theme");

    private async Task<IActionResult> ChangeAsync(string prefix, Guid? renameId, Func<Task> change, CancellationToken cancellationToken)
    {
        try
        {
            await change();
            return RedirectToPage();
        }
        catch (SafeguardValidationException ex)
        {
            RenameId = renameId;
            ShowProblems(ex, prefix, new Dictionary<string, string> { ["Theme"] = "" });
        }
        catch (ConcurrencyConflictException ex)
        {
            ShowConflict(ex);
        }

        Themes = await learning.ThemeListAsync(cancellationToken);
        return Page();
    }
}
