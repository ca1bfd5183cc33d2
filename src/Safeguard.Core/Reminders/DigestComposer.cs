using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.CaseReviews;
using Safeguard.Dataset;
using Safeguard.FrontDoor;
using Safeguard.Identity;
using Safeguard.Journey;
using Safeguard.Persistence;
using Safeguard.Timescales;
using Safeguard.Work;

namespace Safeguard.Reminders;

/// <summary>
/// Puts together one user's digest from what their roles give them, the same work the home page counts: their
/// allocated work from every area, their team's (team managers), the front door queue, the allegations they hold
/// (the LADO), the quarterly returns their agency owes (data leads), the review and audit actions they or their
/// agency own, and the reviews near a deadline (the business unit). Links only: no child, worker or family is named.
/// </summary>
public sealed class DigestComposer(
    SafeguardDbContext db,
    DueWorkList dueWork,
    FrontDoorQueue queue,
    ReviewTracker tracker,
    Lado.LadoService lado,
    ReminderOptions options)
{
    public async Task<Digest> ComposeAsync(User user, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var granted = (await (from userRole in db.UserRoles
                              join claim in db.RoleClaims on userRole.RoleId equals claim.RoleId
                              where userRole.UserId == user.Id && claim.ClaimType == SafeguardClaimTypes.Permission
                              select claim.ClaimValue).Distinct().ToListAsync(cancellationToken)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        bool Can(Permission permission) => granted.Contains(permission.Name);
        var actor = new Actor(user.Id, user.DisplayName, user.AgencyId);
        var sections = new List<DigestSection>();

        var mine = await dueWork.ReadAsync(new DueWorkQuery(WorkerId: user.Id), cancellationToken);
        sections.Add(Section("Your work", "/casework/my-work", mine.Where(i => JourneyDeadline.NeedsAttention(i.Assessment))
            .Select(i => new DigestLine(i.What, i.Assessment.Deadline.DueDate, i.Assessment.Status == DeadlineStatus.Overdue, i.Link))));

        if (Can(Permissions.AllocateCasework) && user.TeamId is { } teamId)
        {
            var team = DueWorkCounts.Of(await dueWork.ReadAsync(new DueWorkQuery(TeamId: teamId), cancellationToken));
            sections.Add(new("Your team's due work", $"/casework/team?TeamId={teamId}", team.Overdue, team.DueSoon, []));
        }

        if (Can(Permissions.DecideContacts))
        {
            var waiting = await queue.CountAsync(cancellationToken);
            sections.Add(new("Front door queue", "/front-door", waiting.Overdue, waiting.DueSoon, [], waiting.Later));
        }

        if (Can(Permissions.ManageLado))
        {
            var (overdue, soon, _) = await lado.MyCountsAsync(actor, cancellationToken);
            sections.Add(new("Allegations you hold (LADO)", "/lado", overdue, soon, []));
        }

        if (Can(Permissions.SubmitContacts))
        {
            var unanswered = await db.Set<ContactInformationRequest>().AsNoTracking().CountAsync(r => r.AgencyId == user.AgencyId && r.RespondedAt == null, cancellationToken);
            sections.Add(new("Requests for information to your agency", "/my-agency", 0, 0, [], unanswered));
        }

        if (Can(Permissions.SubmitReturns))
        {
            var owed = await db.Set<DataReturnRequest>().AsNoTracking().Include(q => q.DataReturn)
                .Where(q => q.AgencyId == user.AgencyId && q.SubmittedAt == null).ToListAsync(cancellationToken);
            sections.Add(Section("Quarterly figures your agency owes", "/returns", owed
                .Where(q => q.DueOn <= today.AddDays(7))
                .Select(q => new DigestLine($"Figures for {q.DataReturn!.Period.Name}", q.DueOn, q.DueOn < today, $"/returns/{q.Id}"))));
        }

        var actions = await tracker.OutstandingActionsAsync(cancellationToken);
        var owned = actions.Where(a => string.Equals(a.Owner.Trim(), user.DisplayName.Trim(), StringComparison.OrdinalIgnoreCase)
            || (Can(Permissions.SubmitReturns) && string.Equals(a.AgencyName, user.Agency?.Name, StringComparison.Ordinal)));
        sections.Add(Section("Review and audit actions you or your agency own", Can(Permissions.ViewReviews) ? "/case-reviews/actions" : "/", owned
            .Where(a => a.IsOverdue || a.DueOn <= today.AddDays(7))
            .Select(a => new DigestLine($"Action for {a.Reference}", a.DueOn, a.IsOverdue, a.Href))));

        if (Can(Permissions.ManageReviews))
        {
            var reviews = await tracker.OpenItemsAsync(cancellationToken);
            sections.Add(Section("Notifications and reviews near a deadline", "/case-reviews", reviews
                .Where(r => JourneyDeadline.NeedsAttention(r.NextStep.Assessment))
                .Select(r => new DigestLine($"{r.Review} {r.Reference}: {r.NextStep.Description}", r.NextStep.DueOn, r.NextStep.Assessment.Status == DeadlineStatus.Overdue, $"/case-reviews/{r.NotificationId}"))));
        }

        var sectionsWithLinks = sections.Select(s => s with
        {
            Link = Absolute(s.Link),
            Lines = [.. s.Lines.Select(l => l with { Link = Absolute(l.Link) })],
        }).ToList();
        return new Digest(user.DisplayName, today, sectionsWithLinks, Absolute("/account/reminders"));
    }

    private static DigestSection Section(string title, string link, IEnumerable<DigestLine> lines)
    {
        var all = lines.OrderByDescending(l => l.Overdue).ThenBy(l => l.DueOn).ToList();
        return new(title, link, all.Count(l => l.Overdue), all.Count(l => !l.Overdue), [.. all.Take(Digest.MaxLinesPerSection)]);
    }

    private string Absolute(string link) => options.BaseUrl.TrimEnd('/') + "/" + link.TrimStart('/');
}
