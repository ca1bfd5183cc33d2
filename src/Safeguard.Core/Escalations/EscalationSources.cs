using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Calendar;
using Safeguard.Chronology;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Work;

namespace Safeguard.Escalations;

/// <summary>
/// The open stages of escalations on the due work of the people responsible for them: the raising agency's person and
/// the other agency's named person at the current stage, each against the stage's resolution due date (so an overdue
/// stage shows as overdue). Only while they still hold <c>escalations.raise</c>; never on a team's list. The item
/// names the child or family in words, as the people on both sides already know it.
/// </summary>
public sealed class EscalationDueWorkSource(SafeguardDbContext db, CalendarAdministration calendar) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> DueAsync(DueWorkQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.WorkerId is not { } worker || query.TeamId is not null || !await UserPermissions.HoldsAsync(db, worker, Permissions.RaiseEscalations, cancellationToken))
        {
            return [];
        }

        var open = await db.Set<EscalationStage>().AsNoTracking()
            .Where(s => s.EndedOn == null && (s.RaisingUserId == worker || s.RespondingUserId == worker))
            .Join(db.Set<Escalation>().Where(e => e.ClosedOn == null), s => s.EscalationId, e => e.Id, (s, e) => new { e.Id, e.Subject, e.Theme, s.Number, s.StartedOn, s.DueOn, Raising = s.RaisingUserId == worker })
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return [];
        }

        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        return [.. open.Select(e => new DueItem(
            null,
            e.Subject,
            $"Escalation stage {e.Number} ({EscalationText.Describe(e.Theme).ToLowerInvariant()}): " + (e.Raising ? "resolve or escalate" : "respond and resolve"),
            null,
            worker,
            deadlines.Assess(deadlines.Calculate(EscalationText.RuleFor(e.Number), e.StartedOn) with { DueDate = e.DueOn }),
            $"/my-agency/escalations/{e.Id}"))];
    }
}

/// <summary>An escalation linked to a child's record on their chronology: raised, each later stage, and the outcome.</summary>
public sealed class EscalationChronologySource(SafeguardDbContext db) : IChronologySource
{
    public async Task<IReadOnlyList<ChronologyEntry>> EntriesForAsync(Guid personId, CancellationToken cancellationToken)
    {
        var escalations = await db.Set<Escalation>().AsNoTracking().Include(e => e.Stages).Where(e => e.PersonId == personId).ToListAsync(cancellationToken);
        if (escalations.Count == 0)
        {
            return [];
        }

        var ids = escalations.SelectMany(e => new[] { e.RaisedByAgencyId, e.RaisedWithAgencyId }).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var entries = new List<ChronologyEntry>();
        const string kind = ChronologyKinds.Escalation;
        foreach (var e in escalations)
        {
            var by = agencies.GetValueOrDefault(e.RaisedByAgencyId);
            var with = agencies.GetValueOrDefault(e.RaisedWithAgencyId);
            var link = $"/assurance/escalations/{e.Id}";
            entries.Add(new(UkTime.StartOfDay(e.RaisedOn), kind, $"Professional disagreement raised with {with}: {EscalationText.Describe(e.Theme).ToLowerInvariant()}",
                $"Raised by {e.RaisedByName} ({e.RaisedByRole})", e.RaisedByAgencyId, by, EscalationService.EntityType, e.Id, link));
            foreach (var s in e.Stages.Where(s => s.Number > 1))
            {
                entries.Add(new(UkTime.StartOfDay(s.StartedOn), kind, $"Professional disagreement escalated to {EscalationText.StageName(s.Number).ToLowerInvariant()}",
                    s.Reason, e.RaisedByAgencyId, by, EscalationService.EntityType, e.Id, link));
            }

            if (e.ClosedOn is { } closed && e.Outcome is { } outcome)
            {
                entries.Add(new(UkTime.StartOfDay(closed), kind, $"Professional disagreement closed: {EscalationText.Describe(outcome).ToLowerInvariant()}",
                    e.OutcomeNotes, e.RaisedByAgencyId, by, EscalationService.EntityType, e.Id, link));
            }
        }

        return entries;
    }
}

/// <summary>When two person records are merged, the escalations linked to the duplicate link to the record kept.</summary>
internal sealed class EscalationRecordsMover(SafeguardDbContext db) : People.IPersonRecordsMover
{
    public async Task MoveAsync(Guid mergedId, Guid survivorId, CancellationToken cancellationToken)
    {
        foreach (var escalation in await db.Set<Escalation>().Where(e => e.PersonId == mergedId).ToListAsync(cancellationToken))
        {
            escalation.PersonId = survivorId;
        }
    }
}

/// <summary>The escalations area's services.</summary>
public static class EscalationRegistration
{
    public static IServiceCollection AddEscalations(this IServiceCollection services)
    {
        services.AddScoped<EscalationService>();
        services.AddScoped<EscalationFiguresQuery>();
        services.AddScoped<AnnualReport.IAnnualReportSection, EscalationReportSection>();
        services.AddScoped<IDueWorkSource, EscalationDueWorkSource>();
        services.AddScoped<IChronologySource, EscalationChronologySource>();
        services.AddScoped<People.IPersonRecordsMover, EscalationRecordsMover>();
        return services;
    }
}
