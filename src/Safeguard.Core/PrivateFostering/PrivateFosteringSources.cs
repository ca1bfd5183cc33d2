using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Calendar;
using Safeguard.Chronology;
using Safeguard.Dataset;
using Safeguard.Persistence;
using Safeguard.Work;

namespace Safeguard.PrivateFostering;

/// <summary>
/// The next visit due on each open arrangement: the child's allocated worker's and team's when the child has an open
/// episode of need, and in the all-work view always.
/// </summary>
public sealed class PrivateFosteringDueWorkSource(SafeguardDbContext db, CalendarAdministration calendar) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> DueAsync(DueWorkQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var open = await db.Set<PrivateFosteringArrangement>().AsNoTracking().Include(a => a.Visits).Where(a => a.EndedOn == null).ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return [];
        }

        var personIds = open.Select(a => a.PersonId).Distinct().ToList();
        var episodes = db.NeedEpisodes.Where(n => n.ClosureDate == null && !n.ReferralNfa).Select(n => n.Id);
        var allocations = (await db.Set<Journey.CaseAllocation>().AsNoTracking()
                .Where(a => a.To == null && personIds.Contains(a.PersonId) && episodes.Contains(a.EpisodeId))
                .Select(a => new { a.PersonId, a.TeamId, a.WorkerId })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.PersonId)
            .ToDictionary(g => g.Key, g => g.First());
        if (query.WorkerId is { } worker)
        {
            open = [.. open.Where(a => allocations.TryGetValue(a.PersonId, out var x) && x.WorkerId == worker)];
        }

        if (query.TeamId is { } team)
        {
            open = [.. open.Where(a => allocations.TryGetValue(a.PersonId, out var x) && x.TeamId == team)];
        }

        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.IsRestricted ? PrivateFosteringService.RestrictedName : p.DisplayName, cancellationToken);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        return [.. open.Select(a => (Arrangement: a, Next: PrivateFosteringSchedule.Next(a, deadlines)))
            .Where(x => x.Next is not null)
            .Select(x =>
            {
                allocations.TryGetValue(x.Arrangement.PersonId, out var allocation);
                return new DueItem(x.Arrangement.PersonId, names.GetValueOrDefault(x.Arrangement.PersonId, ""),
                    x.Next!.IsFirst ? "Private fostering: first visit" : "Private fostering visit",
                    allocation?.TeamId, allocation?.WorkerId, x.Next.Assessment, $"/private-fostering/{x.Arrangement.Id}");
            })];
    }
}

/// <summary>A child's private fostering notifications, visits, decisions and ends on their chronology.</summary>
public sealed class PrivateFosteringChronologySource(SafeguardDbContext db) : IChronologySource
{
    public async Task<IReadOnlyList<ChronologyEntry>> EntriesForAsync(Guid personId, CancellationToken cancellationToken)
    {
        var arrangements = await db.Set<PrivateFosteringArrangement>().AsNoTracking().Include(a => a.Visits).Where(a => a.PersonId == personId).ToListAsync(cancellationToken);
        var entries = new List<ChronologyEntry>();
        const string kind = ChronologyKinds.PrivateFostering;
        foreach (var a in arrangements)
        {
            var link = $"/private-fostering/{a.Id}";
            entries.Add(new(UkTime.StartOfDay(a.NotifiedOn), kind, $"Private fostering arrangement notified (carer {a.CarerName})",
                $"Notified by {a.NotifiedByName} ({PrivateFosteringText.Describe(a.NotifiedBy).ToLowerInvariant()}); started {a.StartedOn:d MMMM yyyy}" + (a.ExpectedLength is null ? "" : $"; expected to last {a.ExpectedLength}"),
                null, null, PrivateFosteringService.EntityType, a.Id, link));
            foreach (var v in a.Visits)
            {
                entries.Add(new(UkTime.StartOfDay(v.VisitedOn), kind, v.ChildSeen ? (v.ChildSeenAlone ? "Private fostering visit: child seen alone" : "Private fostering visit: child seen") : "Private fostering visit: child not seen",
                    v.Notes, null, null, PrivateFosteringService.VisitEntityType, v.Id, link));
            }

            if (a.DecidedOn is { } decided && a.Decision is { } decision)
            {
                entries.Add(new(UkTime.StartOfDay(decided), kind, $"Private fostering arrangement assessed: {PrivateFosteringText.Describe(decision).ToLowerInvariant()}",
                    a.DecisionReason, null, null, PrivateFosteringService.EntityType, a.Id, link));
            }

            if (a.EndedOn is { } ended && a.EndReason is { } reason)
            {
                entries.Add(new(UkTime.StartOfDay(ended), kind, $"Private fostering arrangement ended: {PrivateFosteringText.Describe(reason).ToLowerInvariant()}",
                    a.EndNote, null, null, PrivateFosteringService.EntityType, a.Id, link));
            }
        }

        return entries;
    }
}

/// <summary>The names shown for the area's choices.</summary>
public static class PrivateFosteringText
{
    public static string Describe(PrivateFosteringNotifier value) => value switch
    {
        PrivateFosteringNotifier.Parent => "A parent",
        PrivateFosteringNotifier.Carer => "The private foster carer",
        PrivateFosteringNotifier.School => "A school",
        PrivateFosteringNotifier.Health => "A health service",
        _ => "Someone else",
    };

    public static string Describe(PrivateFosteringDecision value) => value == PrivateFosteringDecision.Suitable ? "Suitable" : "Not suitable";

    public static string Describe(PrivateFosteringEndReason value) => value switch
    {
        PrivateFosteringEndReason.ReturnedToParents => "Returned to their parents",
        PrivateFosteringEndReason.CarerGainedParentalResponsibility => "The carer gained parental responsibility (child arrangements or special guardianship order)",
        PrivateFosteringEndReason.BecameLookedAfter => "Became looked after",
        PrivateFosteringEndReason.ReachedAge => "Reached 16 (18 if disabled)",
        PrivateFosteringEndReason.MovedAway => "Moved to another council's area",
        PrivateFosteringEndReason.NotSuitable => "Brought to an end as not suitable",
        _ => "Other",
    };
}

/// <summary>The private fostering area's services.</summary>
public static class PrivateFosteringRegistration
{
    public static IServiceCollection AddPrivateFostering(this IServiceCollection services)
    {
        services.AddScoped<PrivateFosteringService>();
        services.AddScoped<PrivateFosteringFigures>();
        services.AddScoped<IDueWorkSource, PrivateFosteringDueWorkSource>();
        services.AddScoped<IChronologySource, PrivateFosteringChronologySource>();
        services.AddRecordIndicators<PrivateFosteringIndicatorData, PrivateFosteringFacts>(PrivateFosteringIndicators.All);
        return services;
    }
}
