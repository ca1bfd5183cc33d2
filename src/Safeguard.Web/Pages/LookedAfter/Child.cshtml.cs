using Microsoft.AspNetCore.Mvc;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>A child's looked-after record: episodes of care, reviews, health assessments and dental checks, and what is due.</summary>
[RequirePermission("lookedafter.view")]
public sealed class ChildModel(LookedAfterService lookedAfter, AdoptionService adoption, PersonIndex people) : LookedAfterPageModel(lookedAfter, people)
{
    public ChildLookedAfterView View { get; private set; } = default!;

    public IReadOnlyList<AdoptionDecision> Adoption { get; private set; } = [];

    public bool CanManage => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.ManageLookedAfter.Name);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadChildAsync(id, cancellationToken) || await LookedAfter.ForChildAsync(id, Actor, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Adoption = await adoption.ForChildAsync(id, Actor, cancellationToken);
        return Page();
    }
}
