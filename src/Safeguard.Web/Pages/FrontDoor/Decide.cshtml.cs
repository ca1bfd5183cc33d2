using Microsoft.AspNetCore.Mvc;
using Safeguard.FrontDoor;
using Safeguard.Web.Authorization;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.FrontDoor;

/// <summary>
/// Triage a contact (priority and threshold level), then decide: the decision and its reasons, checked on a
/// check-your-answers page before it is saved. Someone else's triage or decision since the page was opened
/// refuses the save.
/// </summary>
[RequirePermission("frontdoor.decide")]
public sealed class DecideModel(ContactService contacts, ThresholdLevels levels) : SafeguardPageModel
{
    [BindProperty]
    public DecideInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public bool Checking { get; private set; }

    /// <summary>The form was opened from the check page's "Change": saving the triage goes back to the check page.</summary>
    [BindProperty]
    public bool Changing { get; set; }

    public string? DecidedError { get; private set; }

    public ContactView View { get; private set; } = default!;

    public List<RadioItem> Levels { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (View.Contact.IsDecided)
        {
            return Redirect($"/front-door/contacts/{id}");
        }

        Version = View.Contact.Version;
        Input.Priority = View.Contact.Priority;
        Input.ThresholdLevelId = View.Contact.ThresholdLevelId;
        Input.Notes = View.Contact.TriageNotes;
        return Page();
    }

    public async Task<IActionResult> OnPostTriageAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await TryChangeAsync(() => contacts.TriageAsync(id, Version, new ContactTriage(Input.Priority, Input.ThresholdLevelId, Input.Notes), Actor, cancellationToken)))
        {
            Notice = "The triage is saved.";
            var started = Input.Decision is not null || !string.IsNullOrWhiteSpace(Input.Rationale);
            if (!Changing && !started)
            {
                return Redirect($"/front-door/contacts/{id}/decide");
            }

            // The decision's answers are kept: back to the check page when the triage was changed from it, else the form.
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }

            Version = View.Contact.Version;
            if (Changing && Input.Decision is not null && !string.IsNullOrWhiteSpace(Input.Rationale))
            {
                ReadDecidedAt();
                Checking = ModelState.IsValid;
            }

            return Page();
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Check the decision's answers before it is saved.</summary>
    public async Task<IActionResult> OnPostCheckAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ReadDecidedAt();
        if (Input.Decision is null)
        {
            ModelState.AddModelError("Input.Decision", "Select the decision");
        }

        if (string.IsNullOrWhiteSpace(Input.Rationale))
        {
            ModelState.AddModelError("Input.Rationale", "Enter the reasons for the decision");
        }

        Checking = ModelState.IsValid;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Back from the check page to the form, answers kept; the page's address ends with the field to change.</summary>
    public async Task<IActionResult> OnPostChangeAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Changing = true;
        Input.Priority = View.Contact.Priority;
        Input.ThresholdLevelId = View.Contact.ThresholdLevelId;
        Input.Notes = View.Contact.TriageNotes;
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var decidedAt = ReadDecidedAt();
        if (ModelState.IsValid && await TryChangeAsync(() => contacts.DecideAsync(id, Version, new ContactDecisionInput(Input.Decision, Input.Rationale, decidedAt), Actor, cancellationToken), "Input"))
        {
            Notice = Input.Decision == ContactDecision.ReferralToChildrensSocialCare
                ? "The decision is recorded. Each child's referral is ready to open from the list of children below (or from the child's casework page), with the contact's date and source filled in."
                : "The decision is recorded.";
            return Redirect(Input.Decision == ContactDecision.ReferralToChildrensSocialCare ? $"/front-door/contacts/{id}#children" : $"/front-door/contacts/{id}");
        }

        foreach (var key in ModelState.Keys.Where(k => k == "Input.DecidedAt").ToList())
        {
            DecidedError = ModelState[key]!.Errors[0].ErrorMessage;
            ModelState.AddModelError("Input.Decided", DecidedError);
            ModelState.Remove(key);
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private DateTimeOffset? ReadDecidedAt()
    {
        if (string.IsNullOrWhiteSpace(Input.DecidedDay) && string.IsNullOrWhiteSpace(Input.DecidedMonth) && string.IsNullOrWhiteSpace(Input.DecidedYear) && string.IsNullOrWhiteSpace(Input.DecidedTime))
        {
            return null;
        }

        var at = FrontDoorForm.ParseInstant(Input.DecidedDay, Input.DecidedMonth, Input.DecidedYear, Input.DecidedTime, "decision", out var error);
        if (error is not null)
        {
            DecidedError = error;
            ModelState.AddModelError("Input.Decided", error);
        }

        return at;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await contacts.GetAsync(id, Actor, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        Levels = [.. (await levels.ListAsync(cancellationToken: cancellationToken)).Select(l => new RadioItem(l.Id.ToString(), $"{l.Level}: {l.Name}"))];
        return true;
    }
}

public sealed class DecideInput
{
    public RagPriority? Priority { get; set; }

    public Guid? ThresholdLevelId { get; set; }

    public string? Notes { get; set; }

    public ContactDecision? Decision { get; set; }

    public string? Rationale { get; set; }

    public string? DecidedDay { get; set; }

    public string? DecidedMonth { get; set; }

    public string? DecidedYear { get; set; }

    public string? DecidedTime { get; set; }
}
