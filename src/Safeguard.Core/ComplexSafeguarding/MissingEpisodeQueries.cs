using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.People;
using Safeguard.Work;

namespace Safeguard.ComplexSafeguarding;

/// <summary>Reading episodes: a child's, one, the overview and a reporting agency's own; every read is audited.</summary>
public sealed partial class MissingEpisodeService
{
    /// <summary>A child's episodes, newest first, with the repeat-missing count; the view of the child's record is audited.</summary>
    public async Task<ChildMissingView?> ForChildAsync(Guid personId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var child = await people.Visible(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (child is null)
        {
            return null;
        }

        var episodes = await db.Set<MissingEpisode>().AsNoTracking().Include(e => e.Interview).Include(e => e.ReportedByAgency)
            .Where(e => e.PersonId == personId)
            .ToListAsync(cancellationToken);
        using (db.BeginProcess("Missing.ViewChild", actor))
        {
            db.RecordAccess(PersonIndex.EntityType, personId.ToString(), AuditAction.Viewed, "missing episodes");
            await db.SaveChangesAsync(cancellationToken);
        }

        var views = await ViewsAsync(episodes, new Dictionary<Guid, string> { [child.Id] = child.DisplayName }, cancellationToken);
        var today = UkTime.Today(db.Time);
        return new ChildMissingView(views, RepeatMissing.InWindow(episodes.Select(e => UkTime.ToUkDate(e.StartedAt)), today));
    }

    /// <summary>One episode for the front door or a social worker, audited; null when there is none or its child is a record they may not see.</summary>
    public async Task<EpisodeView?> GetAsync(Guid episodeId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var episode = await db.Set<MissingEpisode>().AsNoTracking().Include(e => e.Interview).Include(e => e.ReportedByAgency)
            .FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken);
        if (episode is null)
        {
            return null;
        }

        var names = new Dictionary<Guid, string>();
        if (episode.PersonId is { } personId)
        {
            var child = await people.Visible(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
            if (child is null)
            {
                return null;
            }

            names[personId] = child.DisplayName;
        }

        using (db.BeginProcess("Missing.ViewEpisode", actor))
        {
            db.RecordAccess(EntityType, episodeId.ToString(), AuditAction.Viewed);
            if (episode.PersonId is { } id)
            {
                db.RecordAccess(PersonIndex.EntityType, id.ToString(), AuditAction.Viewed, $"missing episode {episodeId}");
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return (await ViewsAsync([episode], names, cancellationToken))[0];
    }

    /// <summary>
    /// The overview for the front door and social workers: children missing now, ended episodes whose interview has
    /// not been offered (oldest clock first, a page at a time, with how many are overdue), reports whose child is not
    /// yet identified, and the last 30 days' returns (newest first, a page at a time). Only the episodes shown are
    /// read in full. Restricted records the actor may not see are named as such. The list is audited as a search.
    /// </summary>
    public async Task<MissingOverview> OverviewAsync(Actor actor, MissingOverviewPages? pages = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        pages ??= new MissingOverviewPages();
        var since = Now.AddDays(-30);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var set = db.Set<MissingEpisode>().AsNoTracking();

        // The long lists are worked out on the ids and times alone; a page of each is then read in full.
        var awaiting = (await set.Where(e => e.EndedAt != null && e.PersonId != null && e.Interview == null)
                .Select(e => new { e.Id, EndedAt = e.EndedAt!.Value }).ToListAsync(cancellationToken))
            .OrderBy(e => e.EndedAt).ThenBy(e => e.Id).ToList();
        // Overdue as DeadlineService.Assess has it (past the due instant for an hour timescale, else past the due
        // date), with "now" and "today" read once rather than for every episode.
        var now = Now;
        var today = UkTime.ToUkDate(now);
        var overdue = awaiting.Count(e => deadlines.Calculate(TimescaleRule, e.EndedAt) is var d && (d.DueInstant is { } due ? now > due : today > d.DueDate));
        var (interviewsPage, interviewsSkip) = ListPage.Clamp(awaiting.Count, pages.InterviewsPage, pages.PageSize);
        var interviewIds = awaiting.Skip(interviewsSkip).Take(pages.PageSize).Select(e => e.Id).ToList();

        var returned = (await set.Where(e => e.EndedAt >= since).Select(e => new { e.Id, EndedAt = e.EndedAt!.Value }).ToListAsync(cancellationToken))
            .OrderByDescending(e => e.EndedAt).ThenBy(e => e.Id).ToList();
        var (recentPage, recentSkip) = ListPage.Clamp(returned.Count, pages.RecentPage, pages.PageSize);
        var recentIds = returned.Skip(recentSkip).Take(pages.PageSize).Select(e => e.Id).ToList();

        var shownIds = interviewIds.Concat(recentIds).Distinct().ToList();
        var episodes = await set.Include(e => e.Interview).Include(e => e.ReportedByAgency)
            .Where(e => e.EndedAt == null || e.PersonId == null || EF.Parameter(shownIds).Contains(e.Id))
            .ToListAsync(cancellationToken);
        var names = await NamesAsync(episodes.Where(e => e.PersonId is not null).Select(e => e.PersonId!.Value), actor, cancellationToken);
        using (db.BeginProcess("Missing.Overview", actor))
        {
            db.RecordAccess(EntityType, "overview", AuditAction.Searched, $"results={episodes.Count}");
            await db.SaveChangesAsync(cancellationToken);
        }

        var views = (await ViewsAsync(episodes, names, cancellationToken)).ToDictionary(v => v.Episode.Id);
        return new MissingOverview(
            [.. views.Values.Where(v => !v.Episode.HasEnded).OrderBy(v => v.Episode.StartedAt)],
            new ListPage<EpisodeView>([.. interviewIds.Select(id => views[id])], awaiting.Count, interviewsPage, pages.PageSize),
            overdue,
            [.. views.Values.Where(v => v.Episode.PersonId is null).OrderBy(v => v.Episode.RecordedAt)],
            new ListPage<EpisodeView>([.. recentIds.Select(id => views[id])], returned.Count, recentPage, pages.PageSize));
    }

    /// <summary>The episodes the actor's agency reported, newest first: what was sent, never the child's record.</summary>
    public async Task<IReadOnlyList<AgencyEpisodeView>> ReportedByAgencyAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var agencyId = actor.AgencyId ?? Guid.Empty;
        var episodes = await db.Set<MissingEpisode>().AsNoTracking().Include(e => e.Interview)
            .Where(e => e.ReportedByAgencyId == agencyId)
            .OrderByDescending(e => e.StartedAt)
            .Take(200)
            .ToListAsync(cancellationToken);
        using (db.BeginProcess("Missing.AgencyEpisodes", actor))
        {
            db.RecordAccess(EntityType, "agency:" + agencyId, AuditAction.Searched, $"results={episodes.Count}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return [.. episodes.Select(AgencyView)];
    }

    /// <summary>One episode the actor's agency reported; null for any other.</summary>
    public async Task<AgencyEpisodeView?> ReportedEpisodeAsync(Guid episodeId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var agencyId = actor.AgencyId ?? Guid.Empty;
        var episode = await db.Set<MissingEpisode>().AsNoTracking().Include(e => e.Interview)
            .FirstOrDefaultAsync(e => e.Id == episodeId && e.ReportedByAgencyId == agencyId, cancellationToken);
        if (episode is null)
        {
            return null;
        }

        using (db.BeginProcess("Missing.ViewAgencyEpisode", actor))
        {
            db.RecordAccess(EntityType, episodeId.ToString(), AuditAction.Viewed);
            await db.SaveChangesAsync(cancellationToken);
        }

        return AgencyView(episode);
    }

    /// <summary>The UK start dates of each child's episodes, for the repeat-missing flag.</summary>
    internal async Task<ILookup<Guid, DateOnly>> StartDatesAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
        (await db.Set<MissingEpisode>().AsNoTracking()
            .Where(e => e.PersonId != null && personIds.Contains(e.PersonId.Value))
            .Select(e => new { PersonId = e.PersonId!.Value, e.StartedAt })
            .ToListAsync(cancellationToken))
        .ToLookup(e => e.PersonId, e => UkTime.ToUkDate(e.StartedAt));

    private async Task<IReadOnlyList<EpisodeView>> ViewsAsync(IReadOnlyList<MissingEpisode> episodes, IReadOnlyDictionary<Guid, string> names, CancellationToken cancellationToken)
    {
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var starts = await StartDatesAsync([.. episodes.Where(e => e.PersonId is not null).Select(e => e.PersonId!.Value).Distinct()], cancellationToken);
        return [.. episodes
            .OrderByDescending(e => e.StartedAt)
            .Select(e => new EpisodeView(
                e,
                e.PersonId is { } id ? names.GetValueOrDefault(id, RestrictedName) : e.DescribedName,
                e.ReportedByAgency?.Name ?? "",
                e.EndedAt is { } ended ? deadlines.AssessAt(deadlines.Calculate(TimescaleRule, ended), e.Interview?.OfferedAt) : null,
                e.PersonId is { } pid ? RepeatMissing.InWindow(starts[pid], UkTime.ToUkDate(e.StartedAt)) : 1))];
    }

    /// <summary>What a child whose record the reader may not see is called on a list.</summary>
    public const string RestrictedName = "A child whose record is restricted";

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> personIds, Actor actor, CancellationToken cancellationToken)
    {
        var ids = personIds.Distinct().ToList();
        return await people.Visible(actor).AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
    }

    private static AgencyEpisodeView AgencyView(MissingEpisode e) => new(
        e.Id, e.Version, e.DescribedName, e.PersonId is not null, e.Kind, e.StartedAt, e.EndedAt, e.From, e.WhereFound, e.RiskAtReport, e.LookedAfter,
        e.PoliceReference, e.ReportedByName, e.RecordedAt, e.Interview is not null);
}
