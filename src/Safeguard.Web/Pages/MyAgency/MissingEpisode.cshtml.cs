using Microsoft.AspNetCore.Mvc;
using Safeguard.ComplexSafeguarding;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.Missing;

namespace Safeguard.Web.Pages.MyAgency;

/// <summary>An episode the officer's force reported: what was sent, whether an interview was offered, and recording the child's return.</summary>
[RequirePermission("missing.report")]
public sealed class MissingEpisodeModel(MissingEpisodeService missing) : SafeguardPageModel
{
    public AgencyEpisodeView Episode { get; private set; } = default!;

    [BindProperty]
    public EpisodeInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await missing.ReportedEpisodeAsync(id, Actor, cancellationToken) is not { } episode)
        {
            return NotFound();
        }

        Episode = episode;
        Version = episode.Version;
        return Page();
    }

    /// <summary>The child has been found or has returned.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await missing.ReportedEpisodeAsync(id, Actor, cancellationToken) is not { } episode)
        {
            return NotFound();
        }

        Episode = episode;
        ModelState.Clear();
        var ended = FrontDoor.FrontDoorForm.ParseInstant(Input.EndedDay, Input.EndedMonth, Input.EndedYear, Input.EndedTime, "date and time the child returned", out var error);
        if (error is not null)
        {
            ModelState.AddModelError("Input.Ended", error);
        }

        if (await TryChangeAsync(() => missing.RecordReturnAsync(id, Version, ended, Input.WhereFound, partner: true, Actor, cancellationToken)))
        {
            Notice = "The child's return is recorded. A return home interview is due within 72 hours.";
            return Redirect($"/my-agency/missing/{id}");
        }

        if (ModelState.TryGetValue("Input.EndedAt", out var entry) && entry.Errors.Count > 0)
        {
            ModelState.AddModelError("Input.Ended", entry.Errors[0].ErrorMessage);
            ModelState.Remove("Input.EndedAt");
        }

        return Page();
    }
}
