using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.PrivateFostering;

/// <summary>A notification of a private fostering arrangement, as entered.</summary>
public sealed record PrivateFosteringNotification(
    Guid PersonId,
    string? CarerName,
    string? CarerAddress,
    string? Parents,
    PrivateFosteringNotifier? NotifiedBy,
    string? NotifiedByName,
    DateOnly? NotifiedOn,
    DateOnly? StartedOn,
    string? ExpectedLength);

/// <summary>A visit, as entered.</summary>
public sealed record PrivateFosteringVisitDetails(DateOnly? VisitedOn, bool? ChildSeen, bool? ChildSeenAlone, string? VisitedBy, string? Notes);

/// <summary>
/// Private fostering: notifications, visits, the assessment's decision and the arrangement's end. Every change is
/// audited and carries the version it was made from (a stale change is refused); every view of an arrangement is
/// audited as a view of the child's record.
/// </summary>
public sealed class PrivateFosteringService(SafeguardDbContext db, PersonIndex people, CalendarAdministration calendar)
{
    public const string EntityType = nameof(PrivateFosteringArrangement);
    public const string VisitEntityType = nameof(PrivateFosteringVisit);
    public const string RestrictedName = "Restricted record";

    private DateOnly Today => UkTime.Today(db.Time);

    /// <summary>
    /// Every arrangement the actor may see: open ones first by their next visit's due date (overdue first), then ended
    /// ones, latest first. The list is audited as a search.
    /// </summary>
    public async Task<IReadOnlyList<ArrangementRow>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var hidden = people.Hidden(actor);
        var arrangements = await db.Set<PrivateFosteringArrangement>().AsNoTracking().Include(a => a.Visits)
            .Where(a => !hidden.Contains(a.PersonId))
            .ToListAsync(cancellationToken);
        var ids = arrangements.Select(a => a.PersonId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        using (db.BeginProcess("PrivateFostering.List", actor))
        {
            db.RecordAccess(EntityType, "list", AuditAction.Searched, $"{arrangements.Count} arrangements");
            await db.SaveChangesAsync(cancellationToken);
        }

        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        return [.. arrangements
            .Select(a => new ArrangementRow(a, names.GetValueOrDefault(a.PersonId, ""), PrivateFosteringSchedule.Next(a, deadlines)))
            .OrderBy(r => r.Arrangement.IsOpen ? 0 : 1)
            .ThenBy(r => r.NextVisit?.Assessment.Deadline.DueDate ?? DateOnly.MaxValue)
            .ThenByDescending(r => r.Arrangement.EndedOn)
            .ThenBy(r => r.ChildName, StringComparer.Ordinal)];
    }

    /// <summary>One arrangement with its visits due and made, audited; null when there is none or the actor may not see its child.</summary>
    public async Task<ArrangementView?> GetAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var arrangement = await db.Set<PrivateFosteringArrangement>().AsNoTracking().Include(a => a.Visits).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        var child = arrangement is null ? null : await people.Visible(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == arrangement.PersonId, cancellationToken);
        if (arrangement is null || child is null)
        {
            return null;
        }

        using (db.BeginProcess("PrivateFostering.View", actor))
        {
            db.RecordAccess(EntityType, id.ToString(), AuditAction.Viewed);
            db.RecordAccess(PersonIndex.EntityType, child.Id.ToString(), AuditAction.Viewed, $"private fostering arrangement {id}");
            await db.SaveChangesAsync(cancellationToken);
        }

        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        return new ArrangementView(arrangement, child.DisplayName, PrivateFosteringSchedule.Visits(arrangement, deadlines));
    }

    /// <summary>Records a notification of an arrangement (proposed or started).</summary>
    public async Task<PrivateFosteringArrangement> NotifyAsync(PrivateFosteringNotification n, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(n);
        ArgumentNullException.ThrowIfNull(actor);
        var child = await people.Visible(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == n.PersonId, cancellationToken);
        var problems = new List<ValidationProblem>();
        if (child is not { Kind: PersonKind.Child, MergedIntoId: null })
        {
            problems.Add(new("PersonId", "Select the child from the person index"));
        }

        Required(problems, "CarerName", n.CarerName, "Enter the private foster carer's name");
        Required(problems, "Parents", n.Parents, "Enter the child's parent or parents");
        Required(problems, "NotifiedByName", n.NotifiedByName, "Enter who notified the council");
        if (n.NotifiedBy is null)
        {
            problems.Add(new("NotifiedBy", "Select who notified the council"));
        }

        if (n.NotifiedOn is not { } notified)
        {
            problems.Add(new("NotifiedOn", "Enter the date the notification was received"));
        }
        else if (notified > Today)
        {
            problems.Add(new("NotifiedOn", "The date of the notification must be today or in the past"));
        }

        if (n.StartedOn is null)
        {
            problems.Add(new("StartedOn", "Enter the date the arrangement started or is to start"));
        }

        if (child is not null && await db.Set<PrivateFosteringArrangement>().AnyAsync(a => a.PersonId == child.Id && a.EndedOn == null, cancellationToken))
        {
            problems.Insert(0, new("PersonId", "The child already has an open private fostering arrangement: end it before recording a new one"));
        }

        Throw(problems);
        var arrangement = new PrivateFosteringArrangement
        {
            PersonId = child!.Id,
            CarerName = n.CarerName!.Trim(),
            CarerAddress = Tidy(n.CarerAddress),
            Parents = n.Parents!.Trim(),
            NotifiedBy = n.NotifiedBy!.Value,
            NotifiedByName = n.NotifiedByName!.Trim(),
            NotifiedOn = n.NotifiedOn!.Value,
            StartedOn = n.StartedOn!.Value,
            ExpectedLength = Tidy(n.ExpectedLength),
            RecordedAt = db.Time.GetUtcNow(),
            RecordedByName = Name(actor),
        };
        using (db.BeginProcess("PrivateFostering.Notify", actor))
        {
            db.Add(arrangement);
            await SaveAsync(cancellationToken);
        }

        return arrangement;
    }

    /// <summary>Records a visit to the child, on the arrangement read at <paramref name="version"/>.</summary>
    public async Task<PrivateFosteringVisit> RecordVisitAsync(Guid id, int version, PrivateFosteringVisitDetails d, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(d);
        var arrangement = await ArrangementAsync(id, actor, cancellationToken);
        var problems = new List<ValidationProblem>();
        if (d.VisitedOn is not { } on)
        {
            problems.Add(new("VisitedOn", "Enter the date of the visit"));
        }
        else if (on > Today)
        {
            problems.Add(new("VisitedOn", "The date of the visit must be today or in the past"));
        }
        else if (on < arrangement.NotifiedOn && on < arrangement.StartedOn)
        {
            problems.Add(new("VisitedOn", "The visit must be on or after the notification or the start of the arrangement"));
        }
        else if (arrangement.EndedOn is { } ended && on > ended)
        {
            problems.Add(new("VisitedOn", "The arrangement had ended by the date of the visit"));
        }

        if (d.ChildSeen is null)
        {
            problems.Add(new("ChildSeen", "Select whether the child was seen"));
        }
        else if (d.ChildSeen == true && d.ChildSeenAlone is null)
        {
            problems.Add(new("ChildSeenAlone", "Select whether the child was seen alone"));
        }

        Required(problems, "VisitedBy", d.VisitedBy, "Enter who visited");
        Throw(problems);
        var visit = new PrivateFosteringVisit
        {
            ArrangementId = id,
            VisitedOn = d.VisitedOn!.Value,
            ChildSeen = d.ChildSeen!.Value,
            ChildSeenAlone = d.ChildSeen == true && d.ChildSeenAlone == true,
            VisitedBy = d.VisitedBy!.Trim(),
            Notes = Tidy(d.Notes),
            RecordedAt = db.Time.GetUtcNow(),
            RecordedByName = Name(actor),
        };
        using (db.BeginProcess("PrivateFostering.RecordVisit", actor))
        {
            // The arrangement's version moves with the visit, so two people recording from the same page do not both save.
            db.Entry(arrangement).Property(a => a.Version).OriginalValue = version;
            db.Entry(arrangement).State = EntityState.Modified;
            db.Add(visit);
            await SaveAsync(cancellationToken);
        }

        return visit;
    }

    /// <summary>Records the assessment's decision: suitable, or not suitable with the reason.</summary>
    public async Task DecideAsync(Guid id, int version, DateOnly? decidedOn, PrivateFosteringDecision? decision, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        var arrangement = await ArrangementAsync(id, actor, cancellationToken);
        var problems = new List<ValidationProblem>();
        if (decidedOn is not { } on)
        {
            problems.Add(new("DecidedOn", "Enter the date of the decision"));
        }
        else if (on > Today)
        {
            problems.Add(new("DecidedOn", "The date of the decision must be today or in the past"));
        }
        else if (on < arrangement.NotifiedOn)
        {
            problems.Add(new("DecidedOn", "The decision must be on or after the notification"));
        }

        if (decision is null)
        {
            problems.Add(new("Decision", "Select whether the arrangement is suitable"));
        }
        else if (decision == PrivateFosteringDecision.NotSuitable && Tidy(reason) is null)
        {
            problems.Add(new("DecisionReason", "Enter why the arrangement is not suitable"));
        }

        Throw(problems);
        using (db.BeginProcess("PrivateFostering.Decide", actor))
        {
            db.Entry(arrangement).Property(a => a.Version).OriginalValue = version;
            (arrangement.DecidedOn, arrangement.Decision, arrangement.DecisionReason) = (decidedOn, decision, Tidy(reason));
            await SaveAsync(cancellationToken);
        }
    }

    /// <summary>Records the end of the arrangement with its reason.</summary>
    public async Task EndAsync(Guid id, int version, DateOnly? endedOn, PrivateFosteringEndReason? reason, string? note, Actor actor, CancellationToken cancellationToken = default)
    {
        var arrangement = await ArrangementAsync(id, actor, cancellationToken);
        var problems = new List<ValidationProblem>();
        if (arrangement.EndedOn is not null)
        {
            problems.Add(new("EndedOn", "The arrangement has already ended"));
        }
        else if (endedOn is not { } on)
        {
            problems.Add(new("EndedOn", "Enter the date the arrangement ended"));
        }
        else if (on > Today)
        {
            problems.Add(new("EndedOn", "The date the arrangement ended must be today or in the past"));
        }
        else if (on < arrangement.StartedOn)
        {
            problems.Add(new("EndedOn", "The arrangement cannot end before it started"));
        }

        if (reason is null)
        {
            problems.Add(new("EndReason", "Select why the arrangement ended"));
        }
        else if (reason == PrivateFosteringEndReason.Other && Tidy(note) is null)
        {
            problems.Add(new("EndNote", "Say why the arrangement ended"));
        }

        Throw(problems);
        using (db.BeginProcess("PrivateFostering.End", actor))
        {
            db.Entry(arrangement).Property(a => a.Version).OriginalValue = version;
            (arrangement.EndedOn, arrangement.EndReason, arrangement.EndNote) = (endedOn, reason, Tidy(note));
            await SaveAsync(cancellationToken);
        }
    }

    private async Task<PrivateFosteringArrangement> ArrangementAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var arrangement = await db.Set<PrivateFosteringArrangement>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (arrangement is null || !await people.Visible(actor).AnyAsync(p => p.Id == arrangement.PersonId, cancellationToken))
        {
            db.ChangeTracker.Clear();
            throw new SafeguardValidationException("Id", "There is no such private fostering arrangement");
        }

        return arrangement;
    }

    private static void Required(List<ValidationProblem> problems, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(field, message));
        }
        else if (value.Trim().Length > (field is "Parents" or "CarerAddress" ? PrivateFosteringArrangement.MaxTextLength : PrivateFosteringArrangement.MaxNameLength))
        {
            problems.Add(new(field, "The answer is too long"));
        }
    }

    private static string Name(Actor actor) => actor.Name.Length <= PrivateFosteringArrangement.MaxNameLength ? actor.Name : actor.Name[..PrivateFosteringArrangement.MaxNameLength];

    private static void Throw(List<ValidationProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }
    }

    private static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>An arrangement in the list, with its child's name and the next visit due (null once ended).</summary>
public sealed record ArrangementRow(PrivateFosteringArrangement Arrangement, string ChildName, DueVisit? NextVisit);

/// <summary>An arrangement with each visit due and made.</summary>
public sealed record ArrangementView(PrivateFosteringArrangement Arrangement, string ChildName, IReadOnlyList<DueVisit> Visits);
