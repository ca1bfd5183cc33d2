using Microsoft.AspNetCore.Mvc;
using Safeguard.Lado;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Lado;

/// <summary>The decision form's fields, as typed.</summary>
public sealed class DecisionInput
{
    public string? Decision { get; set; }

    public string? Reason { get; set; }
}

/// <summary>Record (or correct) the initial consideration: the day, threshold met or advice only, and why.</summary>
[RequirePermission("lado.manage")]
public sealed class DecisionModel(LadoService lado, TimeProvider time) : AllegationStepModel(lado)
{
    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var a = View.Allegation;
        Input.Decision = a.Decision?.ToString();
        Input.Reason = a.DecisionReason;
        PrefillDateInput("Input.ConsideredOn", a.ConsideredOn ?? Calendar.UkTime.Today(time));
        Version = a.Version;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var considered = ReadDate("Input.ConsideredOn", "date of the initial consideration");
        var details = new DecisionDetails(considered, LadoForm.Parse<LadoDecision>(Input.Decision), Input.Reason);
        return SaveAsync(id, () => Lado.RecordDecisionAsync(id, Version, details, Actor, cancellationToken), "The decision is recorded.", cancellationToken);
    }
}

/// <summary>The actions form's fields, as typed.</summary>
public sealed class ActionsInput
{
    public string? StrategyNotes { get; set; }

    public string? PoliceActions { get; set; }

    /// <summary>"yes", "no" or blank (not known).</summary>
    public string? Suspended { get; set; }

    public string? EmployerInvestigation { get; set; }

    public string? Disciplinary { get; set; }
}

/// <summary>Record the strategy discussion and section 47 enquiry, and the police's and employer's actions (suspension, investigation, disciplinary).</summary>
[RequirePermission("lado.manage")]
public sealed class ActionsModel(LadoService lado) : AllegationStepModel(lado)
{
    [BindProperty]
    public ActionsInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var a = View.Allegation;
        PrefillDateInput("Input.StrategyDiscussionOn", a.StrategyDiscussionOn);
        PrefillDateInput("Input.Section47StartedOn", a.Section47StartedOn);
        PrefillDateInput("Input.SuspendedFrom", a.SuspendedFrom);
        PrefillDateInput("Input.SuspendedUntil", a.SuspendedUntil);
        Input.StrategyNotes = a.StrategyNotes;
        Input.PoliceActions = a.PoliceActions;
        Input.Suspended = a.Suspended switch { true => "yes", false => "no", null => null };
        Input.EmployerInvestigation = a.EmployerInvestigation;
        Input.Disciplinary = a.Disciplinary;
        Version = a.Version;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var details = new ActionDetails
        {
            StrategyDiscussionOn = ReadDate("Input.StrategyDiscussionOn", "date of the strategy discussion"),
            Section47StartedOn = ReadDate("Input.Section47StartedOn", "date the section 47 enquiry started"),
            StrategyNotes = Input.StrategyNotes,
            PoliceActions = Input.PoliceActions,
            Suspended = Input.Suspended switch { "yes" => true, "no" => false, _ => null },
            SuspendedFrom = ReadDate("Input.SuspendedFrom", "date of the suspension"),
            SuspendedUntil = ReadDate("Input.SuspendedUntil", "date the suspension ended"),
            EmployerInvestigation = Input.EmployerInvestigation,
            Disciplinary = Input.Disciplinary,
        };
        return SaveAsync(id, () => Lado.RecordActionsAsync(id, Version, details, Actor, cancellationToken), "The actions are recorded.", cancellationToken);
    }
}

/// <summary>The closure form's fields, as typed.</summary>
public sealed class CloseInput
{
    public string? Outcome { get; set; }

    public string? Notes { get; set; }
}

/// <summary>Record the outcome (threshold met) and close the allegation.</summary>
[RequirePermission("lado.manage")]
public sealed class CloseModel(LadoService lado, TimeProvider time) : AllegationStepModel(lado)
{
    [BindProperty]
    public CloseInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var a = View.Allegation;
        Input.Outcome = a.Outcome?.ToString();
        Input.Notes = a.OutcomeNotes;
        PrefillDateInput("Input.ClosedOn", a.ClosedOn ?? Calendar.UkTime.Today(time));
        Version = a.Version;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var details = new ClosureDetails(LadoForm.Parse<LadoOutcome>(Input.Outcome), ReadDate("Input.ClosedOn", "date of closure"), Input.Notes);
        return SaveAsync(id, () => Lado.CloseAsync(id, Version, details, Actor, cancellationToken), "The allegation is closed.", cancellationToken);
    }
}
