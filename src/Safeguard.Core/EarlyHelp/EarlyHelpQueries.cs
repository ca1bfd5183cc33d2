using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.People;
using Safeguard.Timescales;
using Safeguard.Work;

namespace Safeguard.EarlyHelp;

/// <summary>Reading episodes: the list, a partner agency's own and one episode; every read is audited.</summary>
public sealed partial class EarlyHelpService
{
    /// <summary>
    /// Episodes, open ones only unless asked (due reviews first: overdue, then by the next review's date), filtered by
    /// the lead professional's agency; for a partner, only those their agency leads or is in the team around the family
    /// of. Episodes with a restricted record the actor may not see are left out. Audited as a search.
    /// </summary>
    public async Task<IReadOnlyList<EarlyHelpListItem>> ListAsync(EarlyHelpListQuery query, bool partner, Actor actor, CancellationToken cancellationToken = default)
    {
        var items = await ItemsAsync(await Ordered(Filtered(query, partner, actor)).Select(e => e.Id).ToListAsync(cancellationToken), cancellationToken);
        await AuditListAsync(partner, actor, items.Count, cancellationToken);
        return items;
    }

    /// <summary>
    /// One page of <see cref="ListAsync"/>'s list (the same filters and order), counted and paged in the database: only
    /// the page's episodes are read. The page number is kept between 1 and the last page. Audited as a search.
    /// </summary>
    public async Task<ListPage<EarlyHelpListItem>> ListPageAsync(EarlyHelpListQuery query, bool partner, Actor actor, int page, int pageSize = ListPage.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var episodes = Filtered(query, partner, actor);
        var total = await episodes.CountAsync(cancellationToken);
        var (number, skip) = ListPage.Clamp(total, page, pageSize);
        var items = total == 0 ? [] : await ItemsAsync(await Ordered(episodes).Skip(skip).Take(pageSize).Select(e => e.Id).ToListAsync(cancellationToken), cancellationToken);
        await AuditListAsync(partner, actor, total, cancellationToken);
        return new ListPage<EarlyHelpListItem>(items, total, number, pageSize);
    }

    /// <summary>
    /// The episodes of the list as a query: open only unless asked, the lead's agency, a partner's own, and none with a
    /// restricted record the actor may not see.
    /// </summary>
    private IQueryable<EarlyHelpEpisode> Filtered(EarlyHelpListQuery query, bool partner, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(actor);
        var episodes = db.Set<EarlyHelpEpisode>().AsNoTracking();
        if (!query.IncludeClosed)
        {
            episodes = episodes.Where(e => e.ClosedOn == null);
        }

        if (partner)
        {
            var agency = actor.AgencyId ?? Guid.Empty;
            episodes = episodes.Where(e => e.Leads.Any(l => l.To == null && l.AgencyId == agency) || e.TeamMembers.Any(m => m.LeftOn == null && m.AgencyId == agency));
        }

        if (query.LeadAgencyId is { } lead)
        {
            episodes = episodes.Where(e => e.Leads.Any(l => l.To == null && l.AgencyId == lead));
        }

        var hidden = people.Hidden(actor);
        return episodes.Where(e => !e.Members.Any(m => hidden.Contains(m.PersonId)));
    }

    /// <summary>
    /// Open episodes first, by the day the next review is counted from (the last review, or the start when there is
    /// none): the review timescale only adds time to that day, so this is the next review's due date order, overdue ones
    /// first. Then the closed ones, most recently closed first (a closed episode has no review due; its last review is
    /// looked up for the open ones only, not for the thousands closed over the years). Then by family name, then by id
    /// so that pages never overlap.
    /// </summary>
    private static IQueryable<EarlyHelpEpisode> Ordered(IQueryable<EarlyHelpEpisode> episodes) => episodes
        .OrderBy(e => e.ClosedOn == null ? 0 : 1)
        .ThenBy(e => e.ClosedOn == null ? e.Reviews.Max(r => (DateOnly?)r.HeldOn) ?? e.StartedOn : (DateOnly?)null)
        .ThenByDescending(e => e.ClosedOn)
        .ThenBy(e => e.FamilyName)
        .ThenBy(e => e.Id);

    /// <summary>
    /// The list's rows of the episodes given, in the order given, read with one query: each row's children, current lead
    /// (the latest agreed and not ended) with the agency's name, and last review are worked out by the database for these
    /// episodes only (in the ordering query they would be worked out for every episode before the page is cut).
    /// </summary>
    private async Task<IReadOnlyList<EarlyHelpListItem>> ItemsAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Set<EarlyHelpEpisode>().AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new
        {
            e.Id,
            e.FamilyName,
            Children = e.Members.Count(m => m.IsChild),
            e.StartedOn,
            e.Source,
            // One scalar each (a lookup by the episode's index) rather than one object (a window over every open lead).
            LeadName = e.Leads.Where(l => l.To == null).OrderByDescending(l => l.From).Select(l => l.Name).FirstOrDefault(),
            LeadAgencyId = e.Leads.Where(l => l.To == null).OrderByDescending(l => l.From).Select(l => (Guid?)l.AgencyId).FirstOrDefault(),
            LeadAgency = e.Leads.Where(l => l.To == null).OrderByDescending(l => l.From).Select(l => l.Agency!.Name).FirstOrDefault(),
            Authorised = e.AssessmentAuthorisedOn != null,
            LastReview = e.Reviews.Max(r => (DateOnly?)r.HeldOn),
            e.ClosedOn,
        }).ToDictionaryAsync(e => e.Id, cancellationToken);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id]).Select(e => new EarlyHelpListItem(e.Id, e.FamilyName, e.Children, e.StartedOn, e.Source, e.LeadName, e.LeadAgencyId, e.LeadAgency,
            e.Authorised, e.LastReview, NextReview(deadlines, e.StartedOn, e.LastReview, e.ClosedOn), e.ClosedOn))];
    }

    private async Task AuditListAsync(bool partner, Actor actor, int results, CancellationToken cancellationToken)
    {
        using (db.BeginProcess(partner ? "EarlyHelp.AgencyList" : "EarlyHelp.List", actor))
        {
            db.RecordAccess(EntityType, "list", AuditAction.Searched, $"results={results}");
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>One episode with its family, audited (the episode and each person's record); null when there is none the actor may see.</summary>
    public async Task<EarlyHelpEpisodeView?> GetAsync(Guid episodeId, bool partner, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var episode = await db.Set<EarlyHelpEpisode>().AsNoTracking()
            .Include(e => e.Members).Include(e => e.Leads).Include(e => e.TeamMembers).Include(e => e.Reviews)
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken);
        if (episode is null || !await MayReadAsync(episode, partner, actor, cancellationToken))
        {
            return null;
        }

        var ids = episode.Members.Select(m => m.PersonId).ToList();
        var persons = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var family = episode.Members
            .Select(m => new EarlyHelpPersonView(m.PersonId, persons.TryGetValue(m.PersonId, out var p) ? p.DisplayName : "", persons.GetValueOrDefault(m.PersonId)?.DateOfBirth, m.IsChild))
            .OrderByDescending(m => m.IsChild).ThenBy(m => m.DateOfBirth).ToList();
        var agencyIds = episode.Leads.Select(l => l.AgencyId).Concat(episode.TeamMembers.Select(m => m.AgencyId)).Append(episode.RequestedByAgencyId ?? Guid.Empty).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        using (db.BeginProcess(partner ? "EarlyHelp.AgencyViewEpisode" : "EarlyHelp.ViewEpisode", actor))
        {
            db.RecordAccess(EntityType, episodeId.ToString(), AuditAction.Viewed);
            foreach (var id in ids)
            {
                db.RecordAccess(PersonIndex.EntityType, id.ToString(), AuditAction.Viewed, $"early help episode {episodeId}");
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var last = episode.Reviews.Count == 0 ? (DateOnly?)null : episode.Reviews.Max(r => r.HeldOn);
        return new EarlyHelpEpisodeView(episode, family, agencies, episode.IsOpen ? NextReview(deadlines, episode, last) : null,
            episode.RequestedByAgencyId is { } r ? agencies.GetValueOrDefault(r) : null);
    }

    /// <summary>The contacts decided early help in the last 90 days with no episode started from them, newest first (the start page offers them).</summary>
    public async Task<IReadOnlyList<(Guid ContactId, DateTimeOffset DecidedAt, string Children)>> ContactsWaitingAsync(CancellationToken cancellationToken = default)
    {
        var since = db.Time.GetUtcNow().AddDays(-90);
        var started = db.Set<EarlyHelpEpisode>().Where(e => e.FrontDoorContactId != null).Select(e => e.FrontDoorContactId!.Value);
        var waiting = await db.Contacts.AsNoTracking()
            .Where(c => c.Decision == FrontDoor.ContactDecision.EarlyHelp && c.DecidedAt >= since && !started.Contains(c.Id))
            .OrderByDescending(c => c.DecidedAt)
            .Take(50)
            .Select(c => new { c.Id, c.DecidedAt, Names = c.Children.Select(x => x.DescribedName).ToList() })
            .ToListAsync(cancellationToken);
        return [.. waiting.Select(c => (c.Id, c.DecidedAt!.Value, string.Join(", ", c.Names)))];
    }

    /// <summary>The episode started from a contact, if one was.</summary>
    public Task<Guid?> EpisodeFromContactAsync(Guid contactId, CancellationToken cancellationToken = default) =>
        db.Set<EarlyHelpEpisode>().Where(e => e.FrontDoorContactId == contactId).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The users who may lead early help or sit in a team around the family (who hold an early help permission), by name, with their agency.</summary>
    public async Task<IReadOnlyList<(Guid UserId, string Name, string Agency)>> PractitionerChoicesAsync(CancellationToken cancellationToken = default)
    {
        var permissions = new[] { Identity.Permissions.ManageEarlyHelp.Name, Identity.Permissions.LeadEarlyHelp.Name };
        var roles = db.RoleClaims.Where(c => c.ClaimType == Identity.SafeguardClaimTypes.Permission && permissions.Contains(c.ClaimValue!)).Select(c => c.RoleId);
        var users = db.UserRoles.Where(r => roles.Contains(r.RoleId)).Select(r => r.UserId);
        var rows = await db.Users.AsNoTracking().Where(u => !u.IsDisabled && users.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, Agency = db.Agencies.Where(a => a.Id == u.AgencyId).Select(a => a.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.DisplayName, StringComparer.Ordinal).Select(r => (r.Id, r.DisplayName, r.Agency ?? ""))];
    }

    /// <summary>The next review's deadline: 6 weeks (by default) after the last review, or after the start when there is none.</summary>
    public static DeadlineAssessment NextReview(DeadlineService deadlines, EarlyHelpEpisode episode, DateOnly? lastReview)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        ArgumentNullException.ThrowIfNull(episode);
        return NextReview(deadlines, episode.StartedOn, lastReview, episode.ClosedOn);
    }

    private static DeadlineAssessment NextReview(DeadlineService deadlines, DateOnly startedOn, DateOnly? lastReview, DateOnly? closedOn) =>
        deadlines.Assess(deadlines.Calculate(ReviewTimescale, lastReview ?? startedOn), closedOn);
}
