using Microsoft.AspNetCore.Mvc;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>The correction form's fields, as typed.</summary>
public sealed class CorrectInput
{
    public string? LegalStatus { get; set; }

    public string? CategoryOfNeed { get; set; }

    public string? PlacementType { get; set; }

    public string? PlacementProvider { get; set; }

    public string? PlacementPostcode { get; set; }

    public string? ReasonPlacementChanged { get; set; }

    public string? ReasonEpisodeCeased { get; set; }

    public string? Reason { get; set; }
}

/// <summary>Correct a mistake in an episode's recorded fields, with why; the version read is carried.</summary>
[RequirePermission("lookedafter.manage")]
public sealed class CorrectModel(LookedAfterService lookedAfter, PersonIndex people) : LookedAfterPageModel(lookedAfter, people)
{
    [BindProperty]
    public CorrectInput Input { get; set; } = new();

    public CareEpisode Episode { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid episodeId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, episodeId, cancellationToken))
        {
            return NotFound();
        }

        var e = Episode;
        Version = e.Version;
        Input = new CorrectInput
        {
            LegalStatus = e.LegalStatus,
            CategoryOfNeed = e.CategoryOfNeed,
            PlacementType = e.PlacementType,
            PlacementProvider = e.PlacementProvider,
            PlacementPostcode = e.PlacementPostcode,
            ReasonPlacementChanged = e.ReasonPlacementChanged,
            ReasonEpisodeCeased = e.ReasonEpisodeCeased,
        };
        PrefillDateInput("Input.StartedOn", e.StartedOn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid episodeId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, episodeId, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var correction = new EpisodeCorrection
        {
            StartedOn = ReadDate("Input.StartedOn", "date the episode started"),
            LegalStatus = Input.LegalStatus,
            CategoryOfNeed = Input.CategoryOfNeed,
            PlacementType = Input.PlacementType,
            PlacementProvider = Input.PlacementProvider,
            PlacementPostcode = Input.PlacementPostcode,
            ReasonPlacementChanged = Input.ReasonPlacementChanged,
            ReasonEpisodeCeased = Input.ReasonEpisodeCeased,
            Reason = Input.Reason,
        };
        return await SaveAsync(() => LookedAfter.CorrectEpisodeAsync(episodeId, Version, correction, Actor, cancellationToken), "The episode is corrected.");
    }

    private async Task<bool> LoadAsync(Guid id, Guid episodeId, CancellationToken cancellationToken)
    {
        if (!await LoadChildAsync(id, cancellationToken) || await LookedAfter.GetEpisodeAsync(episodeId, Actor, cancellationToken) is not { } episode || episode.PersonId != id)
        {
            return false;
        }

        Episode = episode;
        return true;
    }
}
