using Microsoft.AspNetCore.Mvc;
using Safeguard.Journey;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Casework;

/// <summary>Record the initial child protection conference of the open section 47 enquiry, or that none is needed.</summary>
[RequirePermission("casework.manage")]
public sealed class ConferenceModel(CaseworkService casework) : CaseworkPageModel(casework)
{
    public S47Enquiry? Enquiry => Episode?.Enquiries.FirstOrDefault(s => s.IsOpen);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return Enquiry is null ? NoOpenEpisode() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Enquiry is not { } enquiry)
        {
            return NoOpenEpisode();
        }

        var date = DateFrom("ConferenceDate", "date of the conference");
        var outcome = ParseEnum<ConferenceOutcome>(Input.Outcome);
        return await SaveAsync(
            () => Casework.RecordInitialConferenceAsync(Episode!.Id, Version, enquiry.Id, date, outcome, Input.Category, Actor, cancellationToken),
            outcome == ConferenceOutcome.Plan ? "The conference is recorded and the child protection plan has started." : "The conference is recorded.",
            cancellationToken);
    }

    public async Task<IActionResult> OnPostNotRequiredAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Enquiry is not { } enquiry)
        {
            return NoOpenEpisode();
        }

        return await SaveAsync(
            () => Casework.MarkConferenceNotRequiredAsync(Episode!.Id, Version, enquiry.Id, Actor, cancellationToken),
            "The section 47 enquiry is recorded as not needing an initial conference.", cancellationToken);
    }
}
