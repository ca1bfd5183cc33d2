using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.FrontDoor;
using Safeguard.Identity;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.Lado;

/// <summary>
/// Allegations about people who work with children, managed by the local authority designated officer (LADO): the
/// referral, the initial consideration and decision, the strategy discussion and section 47 enquiry, the police's and
/// employer's actions, the outcome and closure. Only the LADO role reads or changes them (<see cref="LadoAccess"/>);
/// every change is audited and carries the version it was made from, and every read is audited.
/// </summary>
public sealed partial class LadoService(SafeguardDbContext db, PersonIndex people, CalendarAdministration calendar)
{
    public const string EntityType = nameof(LadoAllegation);
    public const string InitialConsiderationRule = "lado-initial-consideration";
    public const string ResolutionRule = "lado-resolution";

    private DateTimeOffset Now => db.Time.GetUtcNow();

    private DateOnly Today => UkTime.Today(db.Time);

    /// <summary>Records a referral to the LADO; the actor becomes the designated officer holding it.</summary>
    public async Task<LadoAllegation> RecordAsync(AllegationDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        await LadoAccess.DemandAsync(db, actor, Permissions.ManageLado, cancellationToken);
        var problems = await CheckAsync(details, null, actor, cancellationToken);
        RecordKeeping.ThrowIfAny(problems);
        var allegation = new LadoAllegation
        {
            WorkerName = "",
            WorkerRole = "",
            ReferrerName = "",
            Allegation = "",
            OwnerUserId = actor.UserId,
            OwnerName = RecordKeeping.Fit(actor.Name, LadoAllegation.MaxNameLength),
            RecordedAt = Now,
            RecordedByName = RecordKeeping.Fit(actor.Name, LadoAllegation.MaxNameLength),
            ContactId = details.ContactId,
        };
        Apply(allegation, details);
        using (db.BeginProcess("Lado.RecordAllegation", actor))
        {
            db.Add(allegation);
            foreach (var child in details.ChildIds.Distinct())
            {
                db.Add(new LadoAllegationChild { AllegationId = allegation.Id, PersonId = child });
            }

            await db.SaveAndClearAsync(cancellationToken);
        }

        return allegation;
    }

    /// <summary>Changes the referral (the worker, children, referrer, category, what is alleged); refused when changed since <paramref name="version"/> was read.</summary>
    public async Task ChangeAsync(Guid id, int version, AllegationDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var allegation = await ForChangeAsync(id, actor, cancellationToken);
        var problems = await CheckAsync(details, allegation, actor, cancellationToken);
        RecordKeeping.ThrowIfAny(problems);
        using (db.BeginProcess("Lado.ChangeAllegation", actor))
        {
            db.Entry(allegation).Property(a => a.Version).OriginalValue = version;
            Apply(allegation, details);
            var wanted = details.ChildIds.Distinct().ToHashSet();
            foreach (var gone in allegation.Children.Where(c => !wanted.Contains(c.PersonId)).ToList())
            {
                db.Remove(gone);
            }

            foreach (var added in wanted.Where(w => allegation.Children.All(c => c.PersonId != w)))
            {
                db.Add(new LadoAllegationChild { AllegationId = allegation.Id, PersonId = added });
            }

            await db.SaveAndClearAsync(cancellationToken);
        }
    }

    /// <summary>Records (or corrects) the initial consideration: the day, threshold met or advice only, and why.</summary>
    public async Task RecordDecisionAsync(Guid id, int version, DecisionDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var allegation = await ForChangeAsync(id, actor, cancellationToken);
        var problems = new List<ValidationProblem>();
        if (details.ConsideredOn is not { } on)
        {
            problems.Add(new("ConsideredOn", "Enter the date of the initial consideration"));
        }
        else if (on < allegation.ReferredOn)
        {
            problems.Add(new("ConsideredOn", "The initial consideration cannot be before the referral"));
        }
        else if (on > Today)
        {
            problems.Add(new("ConsideredOn", "The date of the initial consideration must be today or in the past"));
        }

        if (details.Decision is null)
        {
            problems.Add(new("Decision", "Select whether the threshold is met or the LADO gave advice only"));
        }
        else if (details.Decision == LadoDecision.AdviceOnly && (allegation.StrategyDiscussionOn is not null || allegation.Section47StartedOn is not null || allegation.Outcome is not null))
        {
            problems.Add(new("Decision", "A strategy discussion, section 47 enquiry or outcome is recorded: the threshold was met"));
        }

        if (string.IsNullOrWhiteSpace(details.Reason))
        {
            problems.Add(new("Reason", "Enter the reason for the decision"));
        }

        if (allegation.ClosedOn is { } closed && details.ConsideredOn is { } c && c > closed)
        {
            problems.Add(new("ConsideredOn", "The initial consideration cannot be after the allegation was closed"));
        }

        RecordKeeping.ThrowIfAny(problems);
        using (db.BeginProcess("Lado.RecordDecision", actor))
        {
            db.Entry(allegation).Property(a => a.Version).OriginalValue = version;
            allegation.ConsideredOn = details.ConsideredOn;
            allegation.Decision = details.Decision;
            allegation.DecisionReason = Text(details.Reason);
            await db.SaveAndClearAsync(cancellationToken);
        }
    }

    /// <summary>Records the strategy discussion and section 47 enquiry (threshold met only), and the police's and employer's actions.</summary>
    public async Task RecordActionsAsync(Guid id, int version, ActionDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var allegation = await ForChangeAsync(id, actor, cancellationToken);
        var problems = new List<ValidationProblem>();
        if ((details.StrategyDiscussionOn is not null || details.Section47StartedOn is not null) && allegation.Decision != LadoDecision.ThresholdMet)
        {
            problems.Add(new("StrategyDiscussionOn", "Record the decision that the threshold is met before a strategy discussion or section 47 enquiry"));
        }

        NotBefore(problems, "StrategyDiscussionOn", details.StrategyDiscussionOn, allegation.ReferredOn, "strategy discussion");
        NotBefore(problems, "Section47StartedOn", details.Section47StartedOn, details.StrategyDiscussionOn ?? allegation.ReferredOn, "section 47 enquiry");
        if (details.Section47StartedOn is not null && details.StrategyDiscussionOn is null)
        {
            problems.Add(new("StrategyDiscussionOn", "A section 47 enquiry follows a strategy discussion: enter when it was held"));
        }

        if (details.Suspended == true)
        {
            if (details.SuspendedFrom is null)
            {
                problems.Add(new("SuspendedFrom", "Enter the date the worker was suspended"));
            }

            NotBefore(problems, "SuspendedFrom", details.SuspendedFrom, allegation.ReferredOn.AddYears(-1), "suspension");
            if (details.SuspendedUntil is { } until && details.SuspendedFrom is { } from && until < from)
            {
                problems.Add(new("SuspendedUntil", "The suspension cannot end before it started"));
            }
        }

        RecordKeeping.ThrowIfAny(problems);
        using (db.BeginProcess("Lado.RecordActions", actor))
        {
            db.Entry(allegation).Property(a => a.Version).OriginalValue = version;
            allegation.StrategyDiscussionOn = details.StrategyDiscussionOn;
            allegation.Section47StartedOn = details.Section47StartedOn;
            allegation.StrategyNotes = Text(details.StrategyNotes);
            allegation.PoliceActions = Text(details.PoliceActions);
            allegation.Suspended = details.Suspended;
            allegation.SuspendedFrom = details.Suspended == true ? details.SuspendedFrom : null;
            allegation.SuspendedUntil = details.Suspended == true ? details.SuspendedUntil : null;
            allegation.EmployerInvestigation = Text(details.EmployerInvestigation);
            allegation.Disciplinary = Text(details.Disciplinary);
            await db.SaveAndClearAsync(cancellationToken);
        }
    }

    /// <summary>Closes the allegation: an outcome for one that met the threshold (none for advice only) and the day it closed.</summary>
    public async Task CloseAsync(Guid id, int version, ClosureDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var allegation = await ForChangeAsync(id, actor, cancellationToken);
        if (allegation.Decision is null)
        {
            throw new SafeguardValidationException("Outcome", "Record the initial consideration and decision before closing the allegation");
        }

        var problems = new List<ValidationProblem>();
        if (allegation.Decision == LadoDecision.ThresholdMet && details.Outcome is null)
        {
            problems.Add(new("Outcome", "Select the outcome of the allegation"));
        }
        else if (allegation.Decision == LadoDecision.AdviceOnly && details.Outcome is not null)
        {
            problems.Add(new("Outcome", "An allegation closed with advice only has no outcome"));
        }

        if (details.ClosedOn is not { } closed)
        {
            problems.Add(new("ClosedOn", "Enter the date the allegation was closed"));
        }
        else if (closed > Today)
        {
            problems.Add(new("ClosedOn", "The date of closure must be today or in the past"));
        }
        else
        {
            NotBefore(problems, "ClosedOn", closed, allegation.ConsideredOn ?? allegation.ReferredOn, "closure");
        }

        RecordKeeping.ThrowIfAny(problems);
        using (db.BeginProcess("Lado.CloseAllegation", actor))
        {
            db.Entry(allegation).Property(a => a.Version).OriginalValue = version;
            allegation.Outcome = details.Outcome;
            allegation.ClosedOn = details.ClosedOn;
            allegation.OutcomeNotes = Text(details.Notes);
            if (allegation.Suspended == true && allegation.SuspendedUntil is null)
            {
                allegation.SuspendedUntil = details.ClosedOn;
            }

            await db.SaveAndClearAsync(cancellationToken);
        }
    }

    private async Task<LadoAllegation> ForChangeAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        await LadoAccess.DemandAsync(db, actor, Permissions.ManageLado, cancellationToken);
        return await db.Set<LadoAllegation>().Include(a => a.Children).FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new SafeguardValidationException("Id", "There is no such allegation");
    }

    private async Task<List<ValidationProblem>> CheckAsync(AllegationDetails details, LadoAllegation? existing, Actor actor, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        Required(problems, "WorkerName", details.WorkerName, "Enter the name of the person the allegation is about", LadoAllegation.MaxNameLength);
        if (details.EmployerAgencyId is { } employer)
        {
            if (!await db.Agencies.AnyAsync(a => a.Id == employer, cancellationToken))
            {
                problems.Add(new("EmployerAgencyId", "Select an agency of the partnership, or enter the employer's name"));
            }
        }
        else
        {
            Required(problems, "EmployerName", details.EmployerName, "Select the employer from the partnership's agencies or enter the employer's name", LadoAllegation.MaxNameLength);
        }

        Required(problems, "WorkerRole", details.WorkerRole, "Enter their role or job title", LadoAllegation.MaxNameLength);
        if (details.Sector is null)
        {
            problems.Add(new("Sector", "Select the sector they work or volunteer in"));
        }

        var children = details.ChildIds.Distinct().ToList();
        var kept = existing?.Children.Select(c => c.PersonId).ToHashSet() ?? [];
        var added = children.Where(c => !kept.Contains(c)).ToList();
        if (children.Count == 0)
        {
            problems.Add(new("ChildIds", "Add at least one child the allegation concerns"));
        }
        else if (added.Count > 0
            && await people.Visible(actor).CountAsync(p => added.Contains(p.Id) && p.Kind == PersonKind.Child && p.MergedIntoId == null, cancellationToken) != added.Count)
        {
            problems.Add(new("ChildIds", "A child is not in the person index, or their record was merged into another"));
        }

        if (details.ReferredOn is not { } referred)
        {
            problems.Add(new("ReferredOn", "Enter the date the LADO received the referral"));
        }
        else if (referred > Today)
        {
            problems.Add(new("ReferredOn", "The date of the referral must be today or in the past"));
        }
        else if (existing?.ConsideredOn is { } considered && considered < referred)
        {
            problems.Add(new("ReferredOn", "The referral cannot be after the initial consideration"));
        }

        if (details.ReferrerAgencyId is { } referrer && !await db.Agencies.AnyAsync(a => a.Id == referrer, cancellationToken))
        {
            problems.Add(new("ReferrerAgencyId", "Select an agency of the partnership, or leave it blank"));
        }

        Required(problems, "ReferrerName", details.ReferrerName, "Enter who made the referral", LadoAllegation.MaxNameLength);
        if (details.Category is null)
        {
            problems.Add(new("Category", "Select the category of the allegation"));
        }

        Required(problems, "Allegation", details.Allegation, "Enter what is alleged", LadoAllegation.MaxTextLength);
        if (existing is null && details.ContactId is { } contactId)
        {
            var contact = await db.Set<Contact>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactId, cancellationToken);
            if (contact?.Decision != ContactDecision.ReferToLado)
            {
                problems.Add(new("ContactId", "That contact was not decided \"refer to the LADO\""));
            }
            else if (await db.Set<LadoAllegation>().AnyAsync(a => a.ContactId == contactId, cancellationToken))
            {
                problems.Add(new("ContactId", "An allegation was already opened from that contact"));
            }
        }

        return problems;
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

    private static void NotBefore(List<ValidationProblem> problems, string field, DateOnly? date, DateOnly earliest, string what)
    {
        if (date is { } d && d < earliest)
        {
            problems.Add(new(field, $"The {what} cannot be before {earliest:d MMMM yyyy}"));
        }
    }

    private static string? Text(string? value) => RecordKeeping.Tidy(value) is { } t ? RecordKeeping.Fit(t, LadoAllegation.MaxTextLength) : null;

    private static void Apply(LadoAllegation allegation, AllegationDetails details)
    {
        allegation.WorkerName = details.WorkerName!.Trim();
        allegation.EmployerAgencyId = details.EmployerAgencyId;
        allegation.EmployerName = details.EmployerAgencyId is null ? RecordKeeping.Tidy(details.EmployerName) : null;
        allegation.WorkerRole = details.WorkerRole!.Trim();
        allegation.Sector = details.Sector!.Value;
        allegation.ReferredOn = details.ReferredOn!.Value;
        allegation.ReferrerAgencyId = details.ReferrerAgencyId;
        allegation.ReferrerName = details.ReferrerName!.Trim();
        allegation.Category = details.Category!.Value;
        allegation.Allegation = details.Allegation!.Trim();
    }
}
