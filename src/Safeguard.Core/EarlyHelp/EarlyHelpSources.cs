using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Chronology;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Work;

namespace Safeguard.EarlyHelp;

/// <summary>
/// Team around the family reviews due: each open episode's next review (timescale <c>early-help-review</c>, 6 weeks
/// after the last review or the start by default), on the lead professional's due work (a lead with a user account)
/// and their team's; every one is in the all-work view. A partner lead professional (a school or health user, who
/// leads early help for their agency but does not see every episode) finds theirs linked to
/// <c>/my-agency/early-help/{id}</c>, the page they may open.
/// </summary>
public sealed class EarlyHelpDueWorkSource(SafeguardDbContext db, CalendarAdministration calendar) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> DueAsync(DueWorkQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var open = await db.Set<EarlyHelpEpisode>().AsNoTracking()
            .Where(e => e.ClosedOn == null)
            .Select(e => new
            {
                e.Id,
                e.FamilyName,
                e.StartedOn,
                Child = e.Members.Where(m => m.IsChild).OrderBy(m => m.PersonId).Select(m => (Guid?)m.PersonId).FirstOrDefault(),
                Lead = e.Leads.Where(l => l.To == null).Select(l => l.UserId).FirstOrDefault(),
                LastReview = e.Reviews.Max(r => (DateOnly?)r.HeldOn),
            })
            .ToListAsync(cancellationToken);
        var leads = open.Where(e => e.Lead is not null).Select(e => e.Lead!.Value).Distinct().ToList();
        var teams = leads.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => leads.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.TeamId, cancellationToken);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var page = query.WorkerId is { } worker && !await UserPermissions.HoldsAsync(db, worker, Permissions.ViewEarlyHelp, cancellationToken)
            ? "/my-agency/early-help"
            : "/early-help";
        return [.. open
            .Select(e => (e, Team: e.Lead is { } l ? teams.GetValueOrDefault(l) : null))
            .Where(x => (query.WorkerId is not { } w || x.e.Lead == w) && (query.TeamId is not { } t || x.Team == t))
            .Select(x => new DueItem(
                x.e.Child,
                x.e.FamilyName,
                x.e.LastReview is null ? "Early help: first team around the family review" : "Early help: team around the family review",
                x.Team,
                x.e.Lead,
                deadlines.Assess(deadlines.Calculate(EarlyHelpService.ReviewTimescale, x.e.LastReview ?? x.e.StartedOn)),
                $"{page}/{x.e.Id}"))];
    }
}

/// <summary>A child's early help on their chronology: the start, lead professionals, the assessment, reviews, step-up and closure.</summary>
public sealed class EarlyHelpChronologySource(SafeguardDbContext db) : IChronologySource
{
    public async Task<IReadOnlyList<ChronologyEntry>> EntriesForAsync(Guid personId, CancellationToken cancellationToken)
    {
        var episodes = await db.Set<EarlyHelpEpisode>().AsNoTracking()
            .Where(e => e.Members.Any(m => m.PersonId == personId))
            .Include(e => e.Leads).ThenInclude(l => l.Agency).Include(e => e.Reviews).Include(e => e.TeamMembers).ThenInclude(m => m.Agency)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var entries = new List<ChronologyEntry>();
        foreach (var e in episodes)
        {
            var link = $"/early-help/{e.Id}";
            ChronologyEntry Entry(DateOnly day, string title, string? detail = null, Guid? agencyId = null, string? agency = null) =>
                new(UkTime.StartOfDay(day), ChronologyKinds.EarlyHelp, title, detail, agencyId, agency, EarlyHelpService.EntityType, e.Id, link);

            entries.Add(Entry(e.StartedOn, $"Early help started ({EarlyHelpText.Describe(e.Source).ToLowerInvariant()})", e.FamilyName));
            foreach (var lead in e.Leads)
            {
                entries.Add(Entry(lead.From, $"Early help lead professional: {lead.Name}" + (lead.Role is null ? "" : $", {lead.Role}"), null, lead.AgencyId, lead.Agency?.Name));
            }

            foreach (var member in e.TeamMembers)
            {
                entries.Add(Entry(member.JoinedOn, $"Joined the team around the family: {member.Name}, {member.Role}", null, member.AgencyId, member.Agency?.Name));
            }

            if (e.AssessmentAuthorisedOn is { } authorised)
            {
                entries.Add(Entry(authorised, "Early help assessment authorised", e.NeedCodes.Count == 0 ? null : "Needs: " + string.Join("; ", e.NeedCodes.Select(EarlyHelpNeeds.Name))));
            }
            else if (e.AssessmentStartedOn is { } started)
            {
                entries.Add(Entry(started, "Early help assessment started"));
            }

            foreach (var review in e.Reviews)
            {
                entries.Add(Entry(review.HeldOn, $"Team around the family review: {EarlyHelpText.Describe(review.Progress).ToLowerInvariant()}", review.Notes));
            }

            if (e.SteppedUpOn is { } up)
            {
                entries.Add(Entry(up, "Early help stepped up to children's social care (contact to the front door)"));
            }

            if (e.ClosedOn is { } closed)
            {
                entries.Add(Entry(closed, $"Early help closed: {EarlyHelpText.Describe(e.Outcome!.Value).ToLowerInvariant()}", e.ClosureNote));
            }
        }

        return entries;
    }
}
