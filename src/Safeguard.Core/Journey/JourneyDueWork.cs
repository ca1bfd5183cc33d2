using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Persistence;
using Safeguard.Work;

namespace Safeguard.Journey;

/// <summary>The journey's timescale-governed work: open assessments, initial conferences and review conferences.</summary>
public sealed class JourneyDueWork(SafeguardDbContext db, CalendarAdministration calendar) : IDueWorkSource
{
    /// <summary>How a restricted child is named in lists of work.</summary>
    public const string RestrictedName = "Restricted record";

    public async Task<IReadOnlyList<DueItem>> DueAsync(DueWorkQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var episodes = db.NeedEpisodes.AsNoTracking().Where(e => e.ClosureDate == null && !e.ReferralNfa);
        if (query.WorkerId is { } worker)
        {
            episodes = episodes.Where(e => e.Allocations.Any(a => a.To == null && a.WorkerId == worker));
        }

        if (query.TeamId is { } team)
        {
            episodes = episodes.Where(e => e.Allocations.Any(a => a.To == null && a.TeamId == team));
        }

        var open = await CaseworkService.WithRecords(episodes).ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return [];
        }

        var personIds = open.Select(e => e.PersonId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.IsRestricted ? RestrictedName : p.DisplayName, cancellationToken);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var items = new List<DueItem>();
        foreach (var episode in open)
        {
            var allocation = episode.Allocations.FirstOrDefault(a => a.To is null);
            foreach (var due in JourneyDeadline.For(episode, deadlines))
            {
                items.Add(new DueItem(episode.PersonId, names.GetValueOrDefault(episode.PersonId, ""), due.What, allocation?.TeamId, allocation?.WorkerId, due.Assessment, $"/people/{episode.PersonId}/casework"));
            }
        }

        return items;
    }
}
