using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>The adoption form's fields other than the dates, as typed.</summary>
public sealed class AdoptionInput
{
    public string? ReasonNoLongerPlaced { get; set; }

    public string? AdoptedByFosterCarers { get; set; }

    public string? NumberOfAdopters { get; set; }

    public string? SexOfAdopters { get; set; }

    public string? LegalStatusOfAdopters { get; set; }
}

/// <summary>
/// Record the decision that a child should be placed for adoption, then the steps that follow it (placement order,
/// matching, placement, the adoption order with the adopters' details), or the decision that the child should no
/// longer be placed.
/// </summary>
[RequirePermission("lookedafter.manage")]
public sealed class AdoptionModel(LookedAfterService lookedAfter, AdoptionService adoption, PersonIndex people) : LookedAfterPageModel(lookedAfter, people)
{
    /// <summary>The dated steps, in the order they happen: the form's date fields and their labels.</summary>
    public static readonly IReadOnlyList<(string Key, string Legend, string? Hint)> Steps =
    [
        ("DecidedOn", "Date of the decision that the child should be placed for adoption", "The agency decision maker's decision"),
        ("PlacementOrderOn", "Date of the placement order (optional)", null),
        ("MatchedOn", "Date the child was matched with prospective adopters (optional)", null),
        ("PlacedOn", "Date the child was placed for adoption (optional)", null),
        ("AdoptionOrderOn", "Date of the adoption order (optional)", "With the order, give the adopters' details below"),
    ];

    [BindProperty]
    public AdoptionInput Input { get; set; } = new();

    public AdoptionDecision? Existing { get; private set; }

    public static List<SelectListItem> Choices(IEnumerable<CodeName> codes) =>
        [new SelectListItem("Select", ""), .. codes.Select(c => new SelectListItem($"{c.Code}: {c.Name}", c.Code))];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? decisionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, decisionId, cancellationToken))
        {
            return NotFound();
        }

        if (Existing is { } d)
        {
            Input = new AdoptionInput
            {
                ReasonNoLongerPlaced = d.ReasonNoLongerPlaced,
                AdoptedByFosterCarers = d.AdoptedByFosterCarers,
                NumberOfAdopters = d.NumberOfAdopters,
                SexOfAdopters = d.SexOfAdopters,
                LegalStatusOfAdopters = d.LegalStatusOfAdopters,
            };
            PrefillDateInput("Input.DecidedOn", d.DecidedOn);
            PrefillDateInput("Input.PlacementOrderOn", d.PlacementOrderOn);
            PrefillDateInput("Input.MatchedOn", d.MatchedOn);
            PrefillDateInput("Input.PlacedOn", d.PlacedOn);
            PrefillDateInput("Input.AdoptionOrderOn", d.AdoptionOrderOn);
            PrefillDateInput("Input.NoLongerPlacedOn", d.NoLongerPlacedOn);
            Version = d.Version;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? decisionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, decisionId, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var details = new AdoptionDetails
        {
            DecidedOn = ReadDate("Input.DecidedOn", "date of the decision"),
            PlacementOrderOn = ReadDate("Input.PlacementOrderOn", "date of the placement order"),
            MatchedOn = ReadDate("Input.MatchedOn", "date the child was matched"),
            PlacedOn = ReadDate("Input.PlacedOn", "date the child was placed for adoption"),
            AdoptionOrderOn = ReadDate("Input.AdoptionOrderOn", "date of the adoption order"),
            NoLongerPlacedOn = ReadDate("Input.NoLongerPlacedOn", "date of the decision that the child should no longer be placed"),
            ReasonNoLongerPlaced = Input.ReasonNoLongerPlaced,
            AdoptedByFosterCarers = Input.AdoptedByFosterCarers,
            NumberOfAdopters = Input.NumberOfAdopters,
            SexOfAdopters = Input.SexOfAdopters,
            LegalStatusOfAdopters = Input.LegalStatusOfAdopters,
        };
        return Existing is null
            ? await SaveAsync(() => adoption.RecordAsync(id, details, Actor, cancellationToken), "The adoption decision is recorded.")
            : await SaveAsync(() => adoption.ChangeAsync(Existing.Id, Version, details, Actor, cancellationToken), "The adoption decision is changed.");
    }

    private async Task<bool> LoadAsync(Guid id, Guid? decisionId, CancellationToken cancellationToken)
    {
        if (!await LoadChildAsync(id, cancellationToken))
        {
            return false;
        }

        if (decisionId is { } did)
        {
            Existing = (await adoption.ForChildAsync(id, Actor, cancellationToken)).FirstOrDefault(d => d.Id == did);
            return Existing is not null;
        }

        return true;
    }
}
