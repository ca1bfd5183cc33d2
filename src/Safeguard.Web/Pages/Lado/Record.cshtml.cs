using Microsoft.AspNetCore.Mvc;
using Safeguard.Lado;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Lado;

/// <summary>Record a new allegation, blank or opened from a front door contact decided "refer to the LADO" (referrer, date, concerns and children prefilled).</summary>
[RequirePermission("lado.manage")]
public sealed class RecordModel(LadoService lado, PersonIndex people, SafeguardDbContext db, TimeProvider time) : AllegationFormModel(lado, people, db)
{
    [BindProperty]
    public Guid? ContactId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? contact, CancellationToken cancellationToken)
    {
        if (contact is { } contactId)
        {
            if (await Lado.FromContactAsync(contactId, Actor, cancellationToken) is not { } details)
            {
                return NotFound();
            }

            ContactId = contactId;
            Fill(details);
        }
        else
        {
            PrefillDateInput("Input.ReferredOn", Calendar.UkTime.Today(time));
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (FindRequested)
        {
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        var details = Details(ContactId);
        if (ModelState.IsValid)
        {
            try
            {
                var allegation = await Lado.RecordAsync(details, Actor, cancellationToken);
                Notice = "The allegation is recorded. The initial consideration is due within one working day of the referral.";
                return Redirect($"/lado/allegations/{allegation.Id}");
            }
            catch (Common.SafeguardValidationException ex)
            {
                ShowRefusal(ex);
            }
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }
}
