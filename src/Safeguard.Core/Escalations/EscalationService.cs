using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Identity;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.Escalations;

/// <summary>
/// Professional disagreements between agencies (escalations): raised by one agency with another, answered, escalated
/// stage by stage (each stage with its resolution due date in working days from the stage's start, timescales
/// <c>escalation-stage-1</c> to <c>-4</c>), and closed with an outcome and learning. Every change is audited and carries
/// the version it was made from; every read is audited, and a read of one linked to a child's record is written to
/// that child's access audit (<see cref="EscalationAccess"/>, ADR 0073).
/// </summary>
public sealed partial class EscalationService(SafeguardDbContext db, PersonIndex people, CalendarAdministration calendar)
{
    public const string EntityType = nameof(Escalation);

    private DateOnly Today => UkTime.Today(db.Time);

    /// <summary>Raises an escalation for the actor's agency (the business unit and the command line may not raise one: it is an agency's).</summary>
    public async Task<Escalation> RaiseAsync(NewEscalation details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        await EscalationAccess.DemandAsync(db, actor, cancellationToken);
        var problems = new List<ValidationProblem>();
        if (actor.AgencyId is not { } own)
        {
            throw new SafeguardValidationException("RaisedWithAgencyId", "Only a member of one of the partnership's agencies can raise an escalation for their agency");
        }

        if (details.RaisedWithAgencyId is not { } with || !await db.Agencies.AnyAsync(a => a.Id == with && a.IsActive, cancellationToken))
        {
            problems.Add(new("RaisedWithAgencyId", "Select the agency you disagree with"));
        }
        else if (with == own)
        {
            problems.Add(new("RaisedWithAgencyId", "An escalation is between two agencies: select another agency than your own"));
        }

        Required(problems, "RaisedByRole", details.RaisedByRole, "Enter your role or job title", Escalation.MaxNameLength);
        var mayLink = actor.UserId is not { } userId || await UserPermissions.HoldsAsync(db, userId, Permissions.ViewPeople, cancellationToken);
        var child = details.PersonId is { } personId && mayLink
            ? await people.Visible(actor).Where(p => p.Id == personId && p.Kind == PersonKind.Child && p.MergedIntoId == null).Select(p => p.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (details.PersonId is not null && child is null)
        {
            problems.Add(new("PersonId", mayLink
                ? "The child is not in the person index, or you may not see their record"
                : "Only staff who may see children's records can link an escalation to a child's record: describe the child or family instead"));
        }

        if (child is null)
        {
            Required(problems, "Subject", details.Subject, "Enter the child or family the disagreement is about", Escalation.MaxNameLength);
        }

        if (details.Theme is null)
        {
            problems.Add(new("Theme", "Select what the disagreement is about"));
        }

        Required(problems, "Concern", details.Concern, "Enter what you disagree with and what you are asking for", Escalation.MaxTextLength);
        if (details.RaisedOn is not { } raised)
        {
            problems.Add(new("RaisedOn", "Enter the date the disagreement was raised"));
        }
        else if (raised > Today)
        {
            problems.Add(new("RaisedOn", "The date raised must be today or in the past"));
        }
        else if (raised < Today.AddYears(-1))
        {
            problems.Add(new("RaisedOn", "The date raised must be within the last year"));
        }

        var responder = await ResponderAsync(problems, "RespondingUserId", details.RespondingUserId, details.RaisedWithAgencyId, cancellationToken);
        RecordKeeping.ThrowIfAny(problems);

        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var startedOn = details.RaisedOn!.Value;
        var due = deadlines.Calculate(EscalationText.RuleFor(1), startedOn).DueDate;
        var name = RecordKeeping.Fit(actor.Name, Escalation.MaxNameLength);
        var escalation = new Escalation
        {
            RaisedByAgencyId = own,
            RaisedByUserId = actor.UserId,
            RaisedByName = name,
            RaisedByRole = details.RaisedByRole!.Trim(),
            RaisedWithAgencyId = details.RaisedWithAgencyId!.Value,
            PersonId = child is null ? null : details.PersonId,
            Subject = RecordKeeping.Tidy(details.Subject) is { } s ? RecordKeeping.Fit(s, Escalation.MaxNameLength) : child!,
            Theme = details.Theme!.Value,
            Concern = details.Concern!.Trim(),
            RaisedOn = startedOn,
            Stage = 1,
            CurrentDueOn = due,
            RecordedAt = db.Time.GetUtcNow(),
            RecordedByName = name,
        };
        escalation.Stages.Add(new EscalationStage
        {
            EscalationId = escalation.Id,
            Number = 1,
            StartedOn = startedOn,
            DueOn = due,
            RaisingUserId = actor.UserId,
            RaisingName = name,
            RaisingRole = escalation.RaisedByRole,
            RespondingUserId = responder?.Id,
            RespondingName = responder?.Name ?? Name(details.RespondingName),
        });
        using (db.BeginProcess("Escalations.Raise", actor))
        {
            db.Add(escalation);
            await db.SaveAndClearAsync(cancellationToken);
        }

        return escalation;
    }

    /// <summary>Changes what the escalation is about (the raising agency or the business unit); refused when changed since <paramref name="version"/> was read.</summary>
    public async Task ChangeAsync(Guid id, int version, EscalationChange change, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (escalation, reach) = await ForChangeAsync(id, actor, cancellationToken);
        if (reach == EscalationReach.OwnAgency && escalation.RaisedByAgencyId != actor.AgencyId)
        {
            throw new SafeguardValidationException("Concern", "Only the agency that raised the escalation can change what it is about");
        }

        var problems = new List<ValidationProblem>();
        if (escalation.PersonId is null)
        {
            Required(problems, "Subject", change.Subject, "Enter the child or family the disagreement is about", Escalation.MaxNameLength);
        }

        if (change.Theme is null)
        {
            problems.Add(new("Theme", "Select what the disagreement is about"));
        }

        Required(problems, "Concern", change.Concern, "Enter what you disagree with and what you are asking for", Escalation.MaxTextLength);
        RecordKeeping.ThrowIfAny(problems);
        using (db.BeginProcess("Escalations.Change", actor))
        {
            db.Entry(escalation).Property(e => e.Version).OriginalValue = version;
            if (RecordKeeping.Tidy(change.Subject) is { } subject)
            {
                escalation.Subject = RecordKeeping.Fit(subject, Escalation.MaxNameLength);
            }

            escalation.Theme = change.Theme!.Value;
            escalation.Concern = change.Concern!.Trim();
            await db.SaveAndClearAsync(cancellationToken);
        }
    }

    /// <summary>Records the other agency's response at the current stage (the agency raised with, or the business unit at stage 4); its author becomes the responding person when none was named.</summary>
    public async Task RespondAsync(Guid id, int version, EscalationResponse response, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var (escalation, reach) = await ForChangeAsync(id, actor, cancellationToken);
        if (reach == EscalationReach.OwnAgency && escalation.RaisedWithAgencyId != actor.AgencyId)
        {
            throw new SafeguardValidationException("Response", "Only the agency the escalation was raised with can respond to it");
        }

        var stage = Current(escalation);
        var problems = new List<ValidationProblem>();
        Required(problems, "Response", response.Response, "Enter your agency's response", Escalation.MaxTextLength);
        DateOnStage(problems, "RespondedOn", response.RespondedOn, stage, "response");
        RecordKeeping.ThrowIfAny(problems);
        using (db.BeginProcess("Escalations.Respond", actor))
        {
            db.Entry(escalation).Property(e => e.Version).OriginalValue = version;
            stage.Response = response.Response!.Trim();
            stage.RespondedOn = response.RespondedOn;
            if (stage.RespondingUserId is null && stage.RespondingName is null && actor.UserId is not null)
            {
                stage.RespondingUserId = actor.UserId;
                stage.RespondingName = RecordKeeping.Fit(actor.Name, Escalation.MaxNameLength);
            }

            escalation.Version++;
            await db.SaveAndClearAsync(cancellationToken);
        }
    }

    /// <summary>Escalates to the next stage (either agency, or the business unit): the current stage ends the day the next starts, whose due date is counted from that day.</summary>
    public async Task EscalateAsync(Guid id, int version, EscalationStep step, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        var (escalation, _) = await ForChangeAsync(id, actor, cancellationToken);
        if (escalation.Stage >= Escalation.LastStage)
        {
            throw new SafeguardValidationException("Stage", "The escalation is at stage 4, the partnership: there is no further stage. Record the outcome.");
        }

        var stage = Current(escalation);
        var problems = new List<ValidationProblem>();
        DateOnStage(problems, "StartedOn", step.StartedOn, stage, "next stage");
        Required(problems, "Reason", step.Reason, "Enter why it is escalated", Escalation.MaxTextLength);
        Required(problems, "RaisingName", step.RaisingName, $"Enter who at {await AgencyNameAsync(escalation.RaisedByAgencyId, cancellationToken)} takes it on at this stage", Escalation.MaxNameLength);
        Required(problems, "RaisingRole", step.RaisingRole, "Enter their role", Escalation.MaxNameLength);
        var responder = await ResponderAsync(problems, "RespondingUserId", step.RespondingUserId, escalation.RaisedWithAgencyId, cancellationToken);
        RecordKeeping.ThrowIfAny(problems);

        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var number = escalation.Stage + 1;
        var startedOn = step.StartedOn!.Value;
        var due = deadlines.Calculate(EscalationText.RuleFor(number), startedOn).DueDate;
        using (db.BeginProcess("Escalations.Escalate", actor))
        {
            db.Entry(escalation).Property(e => e.Version).OriginalValue = version;
            stage.EndedOn = startedOn;
            escalation.Stage = number;
            escalation.CurrentDueOn = due;
            db.Add(new EscalationStage
            {
                EscalationId = escalation.Id,
                Number = number,
                StartedOn = startedOn,
                DueOn = due,
                Reason = step.Reason!.Trim(),
                RaisingUserId = actor.UserId is { } u && actor.Name == step.RaisingName?.Trim() ? u : null,
                RaisingName = step.RaisingName!.Trim(),
                RaisingRole = step.RaisingRole!.Trim(),
                RespondingUserId = responder?.Id,
                RespondingName = responder?.Name ?? Name(step.RespondingName),
                RespondingRole = Name(step.RespondingRole),
            });
            await db.SaveAndClearAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Closes the escalation with its outcome and learning: either agency at any stage, the business unit at stage 4 (the
    /// partnership's decision); only the raising agency withdraws it.
    /// </summary>
    public async Task CloseAsync(Guid id, int version, EscalationClosure closure, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(closure);
        var (escalation, reach) = await ForChangeAsync(id, actor, cancellationToken);
        var stage = Current(escalation);
        var problems = new List<ValidationProblem>();
        if (closure.Outcome is null)
        {
            problems.Add(new("Outcome", "Select the outcome"));
        }
        else if (closure.Outcome == EscalationOutcome.Withdrawn && (IsBusinessUnit(reach, actor) || (reach == EscalationReach.OwnAgency && escalation.RaisedByAgencyId != actor.AgencyId)))
        {
            problems.Add(new("Outcome", "Only the agency that raised the escalation can withdraw it"));
        }

        if (IsBusinessUnit(reach, actor) && escalation.Stage < Escalation.LastStage)
        {
            problems.Add(new("Outcome", $"The escalation is at stage {escalation.Stage}: the agencies record its outcome; the business unit records the partnership's at stage 4"));
        }

        DateOnStage(problems, "ClosedOn", closure.ClosedOn, stage, "closure");
        if (closure.Outcome is EscalationOutcome.Resolved or EscalationOutcome.NotResolved)
        {
            Required(problems, "Notes", closure.Notes, closure.Outcome == EscalationOutcome.Resolved ? "Enter what was agreed" : "Enter why it was not resolved and what happens now", Escalation.MaxTextLength);
        }

        RecordKeeping.ThrowIfAny(problems);
        using (db.BeginProcess("Escalations.Close", actor))
        {
            db.Entry(escalation).Property(e => e.Version).OriginalValue = version;
            stage.EndedOn = closure.ClosedOn;
            escalation.Outcome = closure.Outcome;
            escalation.ClosedOn = closure.ClosedOn;
            escalation.OutcomeNotes = Text(closure.Notes);
            escalation.Learning = Text(closure.Learning);
            escalation.ClosedByName = RecordKeeping.Fit(actor.Name, Escalation.MaxNameLength);
            await db.SaveAndClearAsync(cancellationToken);
        }
    }

    private async Task<(Escalation Escalation, EscalationReach Reach)> ForChangeAsync(Guid id, Actor actor, CancellationToken cancellationToken, bool allowClosed = false)
    {
        var reach = await EscalationAccess.DemandAsync(db, actor, cancellationToken);
        var escalation = await db.Set<Escalation>().Include(e => e.Stages).Include(e => e.Notes).AsSplitQuery().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (escalation is null || (reach == EscalationReach.OwnAgency && escalation.RaisedByAgencyId != actor.AgencyId && escalation.RaisedWithAgencyId != actor.AgencyId))
        {
            throw new SafeguardValidationException("Id", "There is no such escalation");
        }

        if (escalation.IsClosed && !allowClosed)
        {
            throw new SafeguardValidationException("Id", "The escalation is closed");
        }

        return (escalation, reach);
    }

    private static EscalationStage Current(Escalation escalation) => escalation.Stages.Single(s => s.Number == escalation.Stage);

    private async Task<(Guid Id, string Name)?> ResponderAsync(List<ValidationProblem> problems, string field, Guid? userId, Guid? agencyId, CancellationToken cancellationToken)
    {
        if (userId is not { } id)
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == id && u.AgencyId == agencyId && !u.IsDisabled).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            problems.Add(new(field, "Select a member of staff of the agency the escalation is raised with, or leave it blank"));
            return null;
        }

        return (user.Id, RecordKeeping.Fit(user.DisplayName, Escalation.MaxNameLength));
    }

    private async Task<string> AgencyNameAsync(Guid agencyId, CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken) ?? "the raising agency";

    private void DateOnStage(List<ValidationProblem> problems, string field, DateOnly? date, EscalationStage stage, string what)
    {
        if (date is not { } d)
        {
            problems.Add(new(field, $"Enter the date of the {what}"));
        }
        else if (d > Today)
        {
            problems.Add(new(field, $"The date of the {what} must be today or in the past"));
        }
        else if (d < stage.StartedOn)
        {
            problems.Add(new(field, $"The date of the {what} cannot be before stage {stage.Number} started on {stage.StartedOn:d MMMM yyyy}"));
        }
    }

    private static void Required(List<ValidationProblem> problems, string field, string? value, string message, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(field, message));
        }
        else if (value.Trim().Length > max)
        {
            problems.Add(new(field, $"Enter no more than {max} characters"));
        }
    }

    private static string? Name(string? value) => RecordKeeping.Tidy(value) is { } t ? RecordKeeping.Fit(t, Escalation.MaxNameLength) : null;

    private static string? Text(string? value) => RecordKeeping.Tidy(value) is { } t ? RecordKeeping.Fit(t, Escalation.MaxTextLength) : null;
}
