using Microsoft.EntityFrameworkCore;
using Safeguard.Persistence;
using Safeguard.Work;

namespace Safeguard.Web.Pages.Casework;

/// <summary>Due work from every registered source, with team and worker names for display.</summary>
public sealed class DueWorkList(IEnumerable<IDueWorkSource> sources, SafeguardDbContext db)
{
    public async Task<(IReadOnlyList<DueItem> Items, IReadOnlyDictionary<Guid, string> Names)> ListAsync(DueWorkQuery query, CancellationToken cancellationToken)
    {
        var items = new List<DueItem>();
        foreach (var source in sources)
        {
            items.AddRange(await source.DueAsync(query, cancellationToken));
        }

        var ids = items.SelectMany(i => new[] { i.TeamId, i.WorkerId }).OfType<Guid>().Distinct().ToList();
        var names = (await db.Teams.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken))
            .Concat(await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, Name = u.DisplayName }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.Id, x => x.Name);
        return ([.. items.OrderBy(i => i.Assessment.Deadline.DueDate).ThenBy(i => i.ChildName, StringComparer.Ordinal)], names);
    }
}
