using Microsoft.AspNetCore.Mvc;
using Safeguard.Common;
using Safeguard.ComplexSafeguarding;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Missing;

/// <summary>A missing episode: the report, the return, the 72-hour clock and the return home interview; identifying the child on a police report.</summary>
[RequirePermission("missing.view")]
public sealed class EpisodeModel(MissingEpisodeService missing, PersonIndex people, ContextualService contextual, Persistence.SafeguardDbContext db) : SafeguardPageModel
{
    /// <summary>The care episode the child was in when they went missing (for readers of looked-after records).</summary>
    public Safeguard.LookedAfter.CareEpisode? Care { get; private set; }

    public bool CanViewLookedAfter => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.ViewLookedAfter.Name);

    public EpisodeView View { get; private set; } = default!;

    [BindProperty]
    public string? SearchName { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public IReadOnlyList<PersonSummary> SearchResults { get; private set; } = [];

    public bool CanManage => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.ManageMissing.Name);

    public bool CanViewContextual => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.ViewContextual.Name);

    public bool CanManageContextual => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.ManageContextual.Name);

    /// <summary>The places and people linked to the episode (where found, with whom).</summary>
    public IReadOnlyList<LinkView> Links { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Find the record of the child a police report described.</summary>
    public async Task<IActionResult> OnPostSearchAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        try
        {
            SearchResults = [.. (await people.SearchAsync(new PersonSearch(SearchName), Actor, cancellationToken)).Where(p => p.Kind == PersonKind.Child)];
        }
        catch (SafeguardValidationException ex)
        {
            ModelState.AddModelError(nameof(SearchName), ex.Problems[0].Message);
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id, Guid person, CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var version = Version;
        if (await TryChangeAsync(() => missing.LinkChildAsync(id, version, person, Actor, cancellationToken), prefix: "Link"))
        {
            Notice = "The child's record is linked to the episode.";
            return Redirect($"/missing/episodes/{id}");
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await missing.GetAsync(id, Actor, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        Version = view.Episode.Version;
        if (CanViewContextual)
        {
            Links = await contextual.ForEpisodeAsync(id, Actor, cancellationToken);
        }

        if (CanViewLookedAfter && view.Episode.PersonId is { } child && view.Episode.LookedAfter)
        {
            Care = await Safeguard.LookedAfter.CareAtTime.EpisodeOnAsync(db, child, Calendar.UkTime.ToUkDate(view.Episode.StartedAt), cancellationToken);
        }

        return true;
    }
}
