using Microsoft.AspNetCore.Mvc;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>A child's looked-after record: episodes of care, reviews, health assessments and dental checks, and what is due.</summary>
[RequirePermission("lookedafter.view")]
public sealed class ChildModel(LookedAfterService lookedAfter, AdoptionService adoption, AsylumAndPermanenceService asylum, PersonIndex people, Persistence.SafeguardDbContext db) : LookedAfterPageModel(lookedAfter, people)
{
    public ChildLookedAfterView View { get; private set; } = default!;

    public IReadOnlyList<AdoptionDecision> Adoption { get; private set; } = [];

    /// <summary>The child's unaccompanied asylum-seeking status, when recorded.</summary>
    public UascStatus? Uasc { get; private set; }

    /// <summary>The child's previous permanence option, when recorded.</summary>
    public PreviousPermanence? Permanence { get; private set; }

    /// <summary>The child's missing episodes that started while looked after, with the care episode of each (for readers of missing episodes).</summary>
    public IReadOnlyList<(Safeguard.ComplexSafeguarding.MissingEpisode Missing, CareEpisode Care)> MissingFromCare { get; private set; } = [];

    public bool CanViewMissing => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.ViewMissing.Name);

    public bool CanManage => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.ManageLookedAfter.Name);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadChildAsync(id, cancellationToken) || await LookedAfter.ForChildAsync(id, Actor, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Adoption = await adoption.ForChildAsync(id, Actor, cancellationToken);
        (Uasc, Permanence) = await asylum.ForChildAsync(id, Actor, cancellationToken);
        if (CanViewMissing)
        {
            MissingFromCare = await CareAtTime.MissingFromCareAsync(db, id, cancellationToken);
        }

        return Page();
    }
}
