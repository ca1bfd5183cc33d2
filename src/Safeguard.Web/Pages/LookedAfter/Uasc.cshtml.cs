using Microsoft.AspNetCore.Mvc;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>The asylum-seeking status form's field other than the dates, as typed.</summary>
public sealed class UascInput
{
    public string? CeasedReason { get; set; }
}

/// <summary>Record or change a child's status as an unaccompanied asylum-seeking child (the SSDA903 UASC table).</summary>
[RequirePermission("lookedafter.manage")]
public sealed class UascModel(LookedAfterService lookedAfter, AsylumAndPermanenceService asylum, PersonIndex people) : LookedAfterPageModel(lookedAfter, people)
{
    [BindProperty]
    public UascInput Input { get; set; } = new();

    /// <summary>True when a status was recorded when the form was read (the change carries <see cref="Shared.ChildAreaPageModel.Version"/>).</summary>
    [BindProperty]
    public bool Recorded { get; set; }

    public UascStatus? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadChildAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Existing = (await asylum.ForChildAsync(id, Actor, cancellationToken)).Uasc;
        if (Existing is { } u)
        {
            (Recorded, Version, Input.CeasedReason) = (true, u.Version, u.CeasedReason);
            PrefillDateInput("Input.BecameOn", u.BecameOn);
            PrefillDateInput("Input.CeasedOn", u.CeasedOn);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadChildAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        Existing = (await asylum.ForChildAsync(id, Actor, cancellationToken)).Uasc;
        var details = new UascDetails
        {
            BecameOn = ReadDate("Input.BecameOn", "date the child became an unaccompanied asylum-seeking child"),
            CeasedOn = ReadDate("Input.CeasedOn", "date the status ceased"),
            CeasedReason = Input.CeasedReason,
        };
        return await SaveAsync(
            () => asylum.SaveUascAsync(id, Recorded ? Version : null, details, Actor, cancellationToken),
            Recorded ? $"{ChildName}'s asylum-seeking status is changed." : $"{ChildName} is recorded as an unaccompanied asylum-seeking child.");
    }
}
