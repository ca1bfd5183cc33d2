using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.CaseReviews;
using Safeguard.Common;

namespace Safeguard.ImprovementPlan;

/// <summary>
/// Changes to the parts of a plan already added: an outcome, a workstream, a milestone or action. Each is made from the
/// version the editor read (a change from an older version is refused, not saved over the other), checked as adding
/// them is, and audited under its own <c>ImprovementPlan.Change*</c> process.
/// </summary>
public sealed partial class PlanService
{
    /// <summary>Changes an outcome's number (unique in the plan), its wording or its theme.</summary>
    public async Task ChangeOutcomeAsync(Guid outcomeId, int version, OutcomeInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var outcome = await db.Set<PlanOutcome>().FirstOrDefaultAsync(o => o.Id == outcomeId, cancellationToken)
            ?? throw new SafeguardValidationException("Outcome", "There is no such outcome");
        var problems = new Problems();
        var title = problems.Required("Title", input.Title, "Enter the outcome", Plan.MaxTextLength);
        var theme = problems.Optional("Theme", input.Theme, "The theme", Plan.MaxTitleLength);
        if (input.Number is not { } number || number is < 1 or > 99)
        {
            problems.Add("Number", "Enter the outcome's number, from 1 to 99");
        }
        else if (await db.Set<PlanOutcome>().AnyAsync(o => o.PlanId == outcome.PlanId && o.Number == number && o.Id != outcomeId, cancellationToken))
        {
            problems.Add("Number", $"The plan already has an outcome {number}");
        }

        problems.ThrowIfAny();
        using var process = db.BeginProcess("ImprovementPlan.ChangeOutcome", actor);
        db.Entry(outcome).Property(o => o.Version).OriginalValue = version;
        db.Entry(outcome).State = EntityState.Modified;
        outcome.Number = input.Number!.Value;
        outcome.Title = title;
        outcome.Theme = theme;
        await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Changes a workstream's title, lead (their agency becomes the lead agency) or reported impact. A lead who has
    /// left Safeguard since may be kept; a new lead must be an active user.
    /// </summary>
    public async Task ChangeWorkstreamAsync(Guid workstreamId, int version, WorkstreamInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var workstream = await db.Set<Workstream>().FirstOrDefaultAsync(w => w.Id == workstreamId, cancellationToken)
            ?? throw new SafeguardValidationException("Workstream", "There is no such workstream");
        var problems = new Problems();
        var title = problems.Required("Title", input.Title, "Enter the workstream's title", Plan.MaxTitleLength);
        var impact = problems.Optional("Impact", input.Impact, "The impact so far", Plan.MaxTextLength);
        var lead = await PersonAsync(problems, "LeadUserId", input.LeadUserId, "Select the workstream's lead", cancellationToken, workstream.LeadUserId);
        problems.ThrowIfAny();
        using var process = db.BeginProcess("ImprovementPlan.ChangeWorkstream", actor);
        db.Entry(workstream).Property(w => w.Version).OriginalValue = version;
        db.Entry(workstream).State = EntityState.Modified;
        workstream.Title = title;
        workstream.Impact = impact;
        (workstream.LeadUserId, workstream.LeadName, workstream.LeadAgencyId) = (lead!.Value.Id, lead.Value.Name, lead.Value.AgencyId);
        await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Changes a milestone or action: kind, what, due date, owner (their agency becomes the owning agency), status and,
    /// when completed, the completion date (today when not given; never in the future). Its ratings are kept.
    /// </summary>
    public async Task ChangeActionAsync(Guid actionId, int version, ActionChange input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var action = await db.Set<PlanAction>().FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken)
            ?? throw new SafeguardValidationException("Action", "There is no such milestone or action");
        var problems = new Problems();
        if (input.Kind is null)
        {
            problems.Add("Kind", "Select milestone or action");
        }

        var title = problems.Required("Title", input.Title, "Enter what is to be done", Plan.MaxTextLength);
        if (input.DueOn is null)
        {
            problems.Add("DueOn", "Enter the date it is due");
        }

        var owner = await PersonAsync(problems, "OwnerUserId", input.OwnerUserId, "Select who owns it", cancellationToken, action.OwnerUserId);
        var today = UkTime.Today(db.Time);
        if (input.Status is null)
        {
            problems.Add("Status", "Select where it stands");
        }
        else if (input.Status != PlanActionStatus.Completed && input.CompletedOn is not null)
        {
            problems.Add("CompletedOn", "Leave the completion date blank unless it is completed");
        }
        else if (input.CompletedOn is { } done && done > today)
        {
            problems.Add("CompletedOn", $"The completion date must be today or earlier, not {Problems.Format(done)}");
        }

        problems.ThrowIfAny();
        using var process = db.BeginProcess("ImprovementPlan.ChangeAction", actor);
        db.Entry(action).Property(a => a.Version).OriginalValue = version;
        db.Entry(action).State = EntityState.Modified;
        action.Kind = input.Kind!.Value;
        action.Title = title;
        action.DueOn = input.DueOn!.Value;
        (action.OwnerUserId, action.OwnerName, action.OwnerAgencyId) = (owner!.Value.Id, owner.Value.Name, owner.Value.AgencyId);
        action.Status = input.Status!.Value;
        action.CompletedOn = action.Status == PlanActionStatus.Completed ? input.CompletedOn ?? action.CompletedOn ?? today : null;
        await SaveAsync(cancellationToken);
    }
}
