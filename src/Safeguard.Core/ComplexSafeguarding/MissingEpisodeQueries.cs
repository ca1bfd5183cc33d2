using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.People;
using Safeguard.Timescales;
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

    /// <summary>How long an overview worked out with no change to the records is shown before it is worked out again (its interview clock runs in hours).</summary>
    public static readonly TimeSpan MaxAgeOfOverview = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The overview for the front door and social workers: children missing now, ended episodes whose interview has
    /// not been offered (oldest clock first, a page at a time, with how many of all of them are overdue), reports whose
    /// child is not yet identified, and the last 30 days' returns (newest first, a page at a time). Restricted records
    /// the actor may not see are named as such. The list is audited as a search. The overview is worked out once while
    /// the records are unchanged, for at most <see cref="MaxAgeOfOverview"/> and within the day (ADR 0032); each
    /// request takes its pages, names restricted children for its reader and writes its access event.
    /// </summary>
    public async Task<MissingOverview> OverviewAsync(Actor actor, MissingOverviewPages? pages = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        pages ??= new MissingOverviewPages();
        var kept = await keptOverviews.GetAsync(db, "overview", MaxAgeOfOverview, async now =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MissingEpisodeService>().WorkOutOverviewAsync(now, CancellationToken.None);
        }, cancellationToken);
        var interviews = ListPage.Of(kept.InterviewsDue, pages.InterviewsPage, pages.PageSize);
        var recent = ListPage.Of(kept.RecentlyEnded, pages.RecentPage, pages.PageSize);

        var hidden = new HashSet<Guid>();
        if (kept.Restricted.Count > 0)
        {
            var restricted = kept.Restricted;
            var visible = await people.Visible(actor).AsNoTracking().Where(p => EF.Parameter(restricted).Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
            hidden.UnionWith(restricted.Except(visible));
        }

        var shown = kept.MissingNow.Count + interviews.Items.Count + kept.ToIdentify.Count + recent.Items.Count;
        using (db.BeginProcess("Missing.Overview", actor))
        {
            db.RecordAccess(EntityType, "overview", AuditAction.Searched, $"results={shown}");
            await db.SaveChangesAsync(cancellationToken);
        }

        IReadOnlyList<EpisodeView> ForReader(IReadOnlyList<EpisodeView> views) => hidden.Count == 0
            ? views
            : [.. views.Select(v => v.Episode.PersonId is { } id && hidden.Contains(id) ? v with { ChildName = RestrictedName } : v)];
        return new MissingOverview(
            ForReader(kept.MissingNow),
            interviews with { Items = ForReader(interviews.Items) },
            kept.InterviewsOverdue,
            ForReader(kept.ToIdentify),
            recent with { Items = ForReader(recent.Items) });
    }

    /// <summary>The overview as anyone who may see every record would see it, every row of every list, and which of its children's records are restricted.</summary>
    private async Task<KeptMissingOverview> WorkOutOverviewAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now.AddDays(-30);
        var episodes = await db.Set<MissingEpisode>().AsNoTracking().Include(e => e.Interview).Include(e => e.ReportedByAgency)
            .Where(e => !e.FromReturn && (e.EndedAt == null || e.PersonId == null || e.Interview == null || e.EndedAt >= since))
            .ToListAsync(cancellationToken);
        var ids = episodes.Where(e => e.PersonId is not null).Select(e => e.PersonId!.Value).Distinct().ToList();
        var children = await db.Set<Person>().AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.Id))
            .Select(p => new { p.Id, p.DisplayName, p.IsRestricted }).ToListAsync(cancellationToken);
        var views = await ViewsAsync(episodes, children.ToDictionary(c => c.Id, c => c.DisplayName), cancellationToken);
        var interviewsDue = views.Where(v => v.Episode.HasEnded && v.Episode.Interview is null && v.Episode.PersonId is not null)
            .OrderBy(v => v.Episode.EndedAt).ThenBy(v => v.Episode.Id).ToList();
        return new KeptMissingOverview(
            [.. views.Where(v => !v.Episode.HasEnded).OrderBy(v => v.Episode.StartedAt)],
            interviewsDue,
            interviewsDue.Count(v => v.Clock?.Status == DeadlineStatus.Overdue),
            [.. views.Where(v => v.Episode.PersonId is null).OrderBy(v => v.Episode.RecordedAt)],
            [.. views.Where(v => v.Episode.EndedAt >= since).OrderByDescending(v => v.Episode.EndedAt).ThenBy(v => v.Episode.Id)],
            [.. children.Where(c => c.IsRestricted).Select(c => c.Id)]);
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
            .Where(e => e.PersonId != null && EF.Parameter(personIds).Contains(e.PersonId.Value))
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
                e.EndedAt is { } ended && !e.FromReturn ? deadlines.AssessAt(deadlines.Calculate(TimescaleRule, ended), e.Interview?.OfferedAt) : null,
                e.PersonId is { } pid ? RepeatMissing.InWindow(starts[pid], UkTime.ToUkDate(e.StartedAt)) : 1))];
    }

    /// <summary>What a child whose record the reader may not see is called on a list.</summary>
    public const string RestrictedName = "A child whose record is restricted";

    private static AgencyEpisodeView AgencyView(MissingEpisode e) => new(
        e.Id, e.Version, e.DescribedName, e.PersonId is not null, e.Kind, e.StartedAt, e.EndedAt, e.From, e.WhereFound, e.RiskAtReport, e.LookedAfter,
        e.PoliceReference, e.ReportedByName, e.RecordedAt, e.Interview is not null);
}
