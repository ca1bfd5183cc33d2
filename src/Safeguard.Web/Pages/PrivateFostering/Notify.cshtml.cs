using Microsoft.AspNetCore.Mvc;
using Safeguard.People;
using Safeguard.PrivateFostering;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.PrivateFostering;

/// <summary>The notification form's fields, as typed.</summary>
public sealed class NotifyInput
{
    public string? CarerName { get; set; }

    public string? CarerAddress { get; set; }

    public string? Parents { get; set; }

    public string? NotifiedBy { get; set; }

    public string? NotifiedByName { get; set; }

    public string? ExpectedLength { get; set; }
}

/// <summary>Record a notification of a private fostering arrangement for a child from the person index.</summary>
[RequirePermission("casework.manage")]
public sealed class NotifyModel(PrivateFosteringService service, PersonIndex people) : ChildAreaPageModel(people)
{
    [BindProperty]
    public NotifyInput Input { get; set; } = new();

    public override string Back => $"/people/{ChildId}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadChildAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadChildAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var notification = new PrivateFosteringNotification(id, Input.CarerName, Input.CarerAddress, Input.Parents,
            PrivateFosteringForm.Parse<PrivateFosteringNotifier>(Input.NotifiedBy), Input.NotifiedByName,
            ReadDate("Input.NotifiedOn", "date the notification was received"), ReadDate("Input.StartedOn", "date the arrangement started"), Input.ExpectedLength);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        PrivateFosteringArrangement? saved = null;
        if (await TryChangeAsync(async () => saved = await service.NotifyAsync(notification, Actor, cancellationToken)))
        {
            Notice = "The notification is recorded. The first visit is due within 7 working days of it.";
            return Redirect($"/private-fostering/{saved!.Id}");
        }

        return Page();
    }
}
