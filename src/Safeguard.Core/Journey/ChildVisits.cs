using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Chronology;
using Safeguard.Common;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Timescales;
using Safeguard.Work;

namespace Safeguard.Journey;

/// <summary>
/// A social worker's visit to a child: when, whether the child was seen (and seen alone), who visited and a
/// note. A child on a child protection plan is due a visit at which they are seen every <c>cp-visit</c>
/// working days (local practice: 10).
/// </summary>
public sealed class ChildVisit : Entity
{
    public const int MaxNameLength = 200;
    public const int MaxNoteLength = 4000;

    public Guid PersonId { get; set; }

    public DateOnly VisitDate { get; set; }

    public bool ChildSeen { get; set; }

    /// <summary>Seen on their own, without a parent or carer present; only when <see cref="ChildSeen"/>.</summary>
    public bool SeenAlone { get; set; }

    /// <summary>Who made the visit.</summary>
    public required string VisitedBy { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedByName { get; set; }
}

/// <summary>A visit as entered: every field may be missing or wrong, and is checked.</summary>
public sealed record VisitDetails(DateOnly? VisitDate, bool? ChildSeen, bool SeenAlone, string? VisitedBy, string? Note);

/// <summary>Recording and changing a child's visits; each change is audited and carries the visit's version.</summary>
public sealed class ChildVisitService(SafeguardDbContext db, PersonIndex people)
{
    public const string EntityType = nameof(ChildVisit);

    private DateOnly Today => UkTime.Today(db.Time);

    /// <summary>The child's visits, newest first. The caller has audited the view of the child's record.</summary>
    public async Task<IReadOnlyList<ChildVisit>> ForChildAsync(Guid personId, CancellationToken cancellationToken = default) =>
        (await db.Set<ChildVisit>().AsNoTracking().Where(v => v.PersonId == personId).ToListAsync(cancellationToken))
            .OrderByDescending(v => v.VisitDate).ThenByDescending(v => v.RecordedAt).ToList();

    /// <summary>One visit, when the actor may see its child; null otherwise.</summary>
    public async Task<ChildVisit?> FindAsync(Guid visitId, Actor actor, CancellationToken cancellationToken = default)
    {
        var visit = await db.Set<ChildVisit>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId, cancellationToken);
        return visit is not null && await people.Visible(actor).AnyAsync(p => p.Id == visit.PersonId, cancellationToken) ? visit : null;
    }

    public async Task<Guid> RecordAsync(Guid personId, VisitDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var child = await ChildAsync(personId, actor, cancellationToken);
        Check(details, child);
        var visit = new ChildVisit
        {
            PersonId = personId,
            VisitedBy = details.VisitedBy!.Trim(),
            RecordedAt = db.Time.GetUtcNow(),
            RecordedByName = RecordKeeping.Fit(actor.Name, ChildVisit.MaxNameLength),
        };
        Apply(visit, details);
        using (db.BeginProcess("Casework.RecordVisit", actor))
        {
            db.Add(visit);
            await db.SaveAndClearAsync(cancellationToken);
        }

        return visit.Id;
    }

    /// <summary>Changes a visit; refused when it was changed since <paramref name="version"/> was read.</summary>
    public async Task ChangeAsync(Guid visitId, int version, VisitDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var visit = await db.Set<ChildVisit>().FirstOrDefaultAsync(v => v.Id == visitId, cancellationToken)
            ?? throw new SafeguardValidationException("VisitId", "There is no such visit");
        try
        {
            var child = await ChildAsync(visit.PersonId, actor, cancellationToken);
            Check(details, child);
            Apply(visit, details);
            using (db.BeginProcess("Casework.ChangeVisit", actor))
            {
                db.Entry(visit).Property(v => v.Version).OriginalValue = version;
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<Person> ChildAsync(Guid personId, Actor actor, CancellationToken cancellationToken)
    {
        var child = await people.Visible(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        return child is { Kind: PersonKind.Child, MergedIntoId: null }
            ? child
            : throw new SafeguardValidationException("PersonId", "There is no such child, or their record was merged into another");
    }

    /// <summary>A visit is today or in the past, not before the child's birth; a child not seen was not seen alone.</summary>
    private void Check(VisitDetails details, Person child)
    {
        var problems = new JourneyProblems(Today);
        problems.RequiredDate("VisitDate", details.VisitDate, "the date of the visit", child.DateOfBirth, "the child's date of birth");
        if (details.ChildSeen is null)
        {
            problems.Add("ChildSeen", "Select whether the child was seen");
        }
        else if (details.ChildSeen == false && details.SeenAlone)
        {
            problems.Add("SeenAlone", "A child who was not seen cannot have been seen alone");
        }

        if (string.IsNullOrWhiteSpace(details.VisitedBy))
        {
            problems.Add("VisitedBy", "Enter who made the visit");
        }
        else if (details.VisitedBy.Trim().Length > ChildVisit.MaxNameLength)
        {
            problems.Add("VisitedBy", $"Who made the visit must be {ChildVisit.MaxNameLength} characters or fewer");
        }

        if (details.Note is { Length: > ChildVisit.MaxNoteLength })
        {
            problems.Add("Note", $"The note must be {ChildVisit.MaxNoteLength} characters or fewer");
        }

        problems.ThrowIfAny();
    }

    private static void Apply(ChildVisit visit, VisitDetails details)
    {
        visit.VisitDate = details.VisitDate!.Value;
        visit.ChildSeen = details.ChildSeen!.Value;
        visit.SeenAlone = details.ChildSeen.Value && details.SeenAlone;
        visit.VisitedBy = details.VisitedBy!.Trim();
        visit.Note = string.IsNullOrWhiteSpace(details.Note) ? null : details.Note.Trim();
    }

}

/// <summary>When a child on a child protection plan is next due a visit.</summary>
public static class CpVisits
{
    public const string RuleId = "cp-visit";

    /// <summary>
    /// The next visit's deadline for a plan: <c>cp-visit</c> working days from the plan's start, or from the last
    /// visit on or after it at which the child was seen. A visit at which the child was not seen does not count.
    /// </summary>
    public static Deadline Due(DateOnly planStart, IEnumerable<ChildVisit> visits, DeadlineService deadlines)
    {
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(deadlines);
        var lastSeen = visits.Where(v => v.ChildSeen && v.VisitDate >= planStart).Select(v => (DateOnly?)v.VisitDate).Max();
        return deadlines.Calculate(RuleId, lastSeen ?? planStart);
    }
}

/// <summary>A visit due (or overdue) for each child on an open child protection plan, on "my work" and the team's due work.</summary>
public sealed class ChildVisitDueWork(SafeguardDbContext db, CalendarAdministration calendar) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> DueAsync(DueWorkQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scope = await JourneyDueWork.ScopeAsync(db, query, cancellationToken);
        if (scope.Count == 0)
        {
            return [];
        }

        // One set-based query: each open plan of an episode in scope, with the last visit on or after its start at
        // which the child was seen (the visits' index on child and date answers it).
        var ids = scope.Keys.ToList();
        var plans = await (from p in db.Set<ProtectionPlan>().AsNoTracking()
                           where p.EndDate == null && EF.Parameter(ids).Contains(p.EpisodeId)
                           join e in db.NeedEpisodes on p.EpisodeId equals e.Id
                           select new
                           {
                               p.EpisodeId,
                               p.StartDate,
                               LastSeen = db.ChildVisits.Where(v => v.PersonId == e.PersonId && v.ChildSeen && v.VisitDate >= p.StartDate).Max(v => (DateOnly?)v.VisitDate),
                           }).ToListAsync(cancellationToken);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        // An episode's visits are due from its earliest open plan, as one item.
        return [.. plans.GroupBy(p => p.EpisodeId).Select(g =>
        {
            var plan = g.OrderBy(p => p.StartDate).First();
            var episode = scope[plan.EpisodeId];
            var due = deadlines.Calculate(CpVisits.RuleId, plan.LastSeen ?? plan.StartDate);
            return new DueItem(episode.PersonId, episode.Name, "Child protection visit", episode.TeamId, episode.WorkerId,
                deadlines.Assess(due), $"/people/{episode.PersonId}/casework/visits");
        })];
    }
}

/// <summary>The child's visits on their chronology.</summary>
public sealed class ChildVisitChronology(SafeguardDbContext db) : IChronologySource
{
    public async Task<IReadOnlyList<ChronologyEntry>> EntriesForAsync(Guid personId, CancellationToken cancellationToken)
    {
        var visits = await db.Set<ChildVisit>().AsNoTracking().Where(v => v.PersonId == personId).ToListAsync(cancellationToken);
        return [.. visits.Select(v => new ChronologyEntry(
            UkTime.StartOfDay(v.VisitDate),
            ChronologyKinds.Visit,
            !v.ChildSeen ? "Visit: the child was not seen" : v.SeenAlone ? "Visit: the child was seen alone" : "Visit: the child was seen",
            $"By {v.VisitedBy}" + (v.Note is null ? "" : $". {v.Note}"),
            null,
            null,
            ChildVisitService.EntityType,
            v.Id,
            $"/people/{personId}/casework/visits"))];
    }
}
