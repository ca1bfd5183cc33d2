using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Escalations;
using Safeguard.Web.Authorization;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Escalations;

/// <summary>The response form's fields, as typed.</summary>
public sealed class RespondInput
{
    public string? Response { get; set; }
}

/// <summary>The agency raised with records its response at the current stage.</summary>
[RequirePermission("escalations.raise")]
public sealed class RespondModel(EscalationService escalations, TimeProvider time) : EscalationStepModel(escalations)
{
    [BindProperty]
    public RespondInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (View.Escalation.IsClosed)
        {
            return Redirect($"/my-agency/escalations/{id}");
        }

        PrefillDateInput("Input.RespondedOn", Calendar.UkTime.Today(time));
        Version = View.Escalation.Version;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var on = ReadDate("Input.RespondedOn", "date of the response");
        return SaveAsync(id, () => Escalations.RespondAsync(id, Version, new(Input.Response, on), Actor, cancellationToken), "Your agency's response is recorded.", cancellationToken);
    }
}

/// <summary>The escalate form's fields, as typed.</summary>
public sealed class EscalateInput
{
    public string? Reason { get; set; }

    public string? RaisingName { get; set; }

    public string? RaisingRole { get; set; }

    public Guid? RespondingUserId { get; set; }

    public string? RespondingName { get; set; }

    public string? RespondingRole { get; set; }
}

/// <summary>Escalate to the next stage: why, and who at each side at the new level; its resolution date is counted from its start.</summary>
[RequirePermission("escalations.raise")]
public sealed class EscalateModel(EscalationService escalations, TimeProvider time) : EscalationStepModel(escalations)
{
    [BindProperty]
    public EscalateInput Input { get; set; } = new();

    public List<SelectListItem> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (View.Escalation.IsClosed)
        {
            return Redirect($"/my-agency/escalations/{id}");
        }

        PrefillDateInput("Input.StartedOn", Calendar.UkTime.Today(time));
        Version = View.Escalation.Version;
        if (Raiser)
        {
            Input.RaisingName = Actor.Name;
        }

        await StaffAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var step = new EscalationStep
        {
            StartedOn = ReadDate("Input.StartedOn", "date the next stage started"),
            Reason = Input.Reason,
            RaisingName = Input.RaisingName,
            RaisingRole = Input.RaisingRole,
            RespondingUserId = Input.RespondingUserId,
            RespondingName = Input.RespondingName,
            RespondingRole = Input.RespondingRole,
        };
        var result = await SaveAsync(id, () => Escalations.EscalateAsync(id, Version, step, Actor, cancellationToken), "The escalation is at the next stage.", cancellationToken);
        if (result is PageResult)
        {
            await StaffAsync(cancellationToken);
        }

        return result;
    }

    private async Task StaffAsync(CancellationToken cancellationToken)
    {
        var staff = await Escalations.StaffAsync([View.Escalation.RaisedWithAgencyId], cancellationToken);
        Staff = [new("Not known, or not listed", ""), .. staff.Select(s => new SelectListItem(s.Name, s.Id.ToString()))];
    }
}

/// <summary>The closure form's fields, as typed.</summary>
public sealed class CloseInput
{
    public string? Outcome { get; set; }

    public string? Notes { get; set; }

    public string? Learning { get; set; }
}

/// <summary>Record the outcome and learning, and close the escalation (the agencies' page and the business unit's at stage 4 share it).</summary>
public abstract class CloseModelBase(EscalationService escalations, TimeProvider time) : EscalationStepModel(escalations)
{
    [BindProperty]
    public CloseInput Input { get; set; } = new();

    /// <summary>The outcomes offered: only the agencies withdraw.</summary>
    public virtual List<RadioItem> Outcomes { get; } = EscalationForm.OutcomeRadios();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (View.Escalation.IsClosed || !MayClose)
        {
            return Redirect($"{Home}/{id}");
        }

        PrefillDateInput("Input.ClosedOn", Calendar.UkTime.Today(time));
        Version = View.Escalation.Version;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var closure = new EscalationClosure(EscalationForm.Parse<EscalationOutcome>(Input.Outcome), ReadDate("Input.ClosedOn", "date of closure"), Input.Notes, Input.Learning);
        return SaveAsync(id, () => Escalations.CloseAsync(id, Version, closure, Actor, cancellationToken), "The escalation is closed.", cancellationToken);
    }

    /// <summary>Whether the page offers the form for this escalation (Core decides on saving).</summary>
    protected virtual bool MayClose => true;
}

/// <summary>An agency records the outcome and learning, and closes the escalation.</summary>
[RequirePermission("escalations.raise")]
public sealed class CloseModel(EscalationService escalations, TimeProvider time) : CloseModelBase(escalations, time);

/// <summary>The business unit records the partnership's outcome and learning at stage 4, and closes the escalation.</summary>
[RequirePermission("assurance.manage")]
public sealed class PartnershipCloseModel(EscalationService escalations, TimeProvider time) : CloseModelBase(escalations, time)
{
    public override string Home => "/assurance/escalations";

    public override List<RadioItem> Outcomes { get; } = [.. EscalationForm.OutcomeRadios().Where(r => r.Value != nameof(EscalationOutcome.Withdrawn))];

    protected override bool MayClose => View.Escalation.Stage == Escalation.LastStage;
}

/// <summary>The change form's fields, as typed.</summary>
public sealed class ChangeInput
{
    public string? Subject { get; set; }

    public string? Theme { get; set; }

    public string? Concern { get; set; }
}

/// <summary>The raising agency changes what the escalation is about (a new version; a change made meanwhile is not overwritten).</summary>
[RequirePermission("escalations.raise")]
public sealed class ChangeModel(EscalationService escalations) : EscalationStepModel(escalations)
{
    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public List<RadioItem> Themes { get; } = EscalationForm.ThemeRadios();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (View.Escalation.IsClosed)
        {
            return Redirect($"/my-agency/escalations/{id}");
        }

        var e = View.Escalation;
        (Input.Subject, Input.Theme, Input.Concern, Version) = (e.Subject, e.Theme.ToString(), e.Concern, e.Version);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var change = new EscalationChange(Input.Subject, EscalationForm.Parse<EscalationTheme>(Input.Theme), Input.Concern);
        return SaveAsync(id, () => Escalations.ChangeAsync(id, Version, change, Actor, cancellationToken), "The escalation is changed.", cancellationToken);
    }
}
