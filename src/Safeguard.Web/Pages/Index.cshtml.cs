using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Safeguard.FrontDoor;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;
using Safeguard.Work;

namespace Safeguard.Web.Pages;

/// <summary>One count on the home page: how much of a list is overdue, due soon, or waiting, linking to the list.</summary>
public sealed record HomeCount(string Title, string Href, int Overdue, int DueSoon, int Total, string TotalText);

/// <summary>
/// The home page: what the user's work looks like today (by their roles: their allocated children's due work, their
/// team's, the front door queue, the requests waiting for their agency), then what their roles let them do.
/// </summary>
[RequirePermission("service.use")]
public sealed class IndexModel(DueWorkList dueWork, FrontDoorQueue queue, SafeguardDbContext db, Safeguard.Lado.LadoService lado) : SafeguardPageModel
{
    public IReadOnlyList<NavigationLink> Tasks { get; private set; } = [];

    public IReadOnlyList<RoleDefinition> MyRoles { get; private set; } = [];

    public IReadOnlyList<HomeCount> Counts { get; private set; } = [];

    public string DisplayName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DisplayName = User.FindFirstValue(SafeguardClaimTypes.DisplayName) ?? User.Identity?.Name ?? "";
        Tasks = [.. Navigation.For(User).Where(l => l.Href != "/")];
        MyRoles = [.. User.FindAll(ClaimTypes.Role).Select(r => Roles.Find(r.Value)).OfType<RoleDefinition>()];
        Counts = await CountsAsync(cancellationToken);
    }

    private bool Can(Permission permission) => User.HasClaim(SafeguardClaimTypes.Permission, permission.Name);

    private async Task<List<HomeCount>> CountsAsync(CancellationToken cancellationToken)
    {
        var counts = new List<HomeCount>();
        if (Actor.UserId is not { } userId)
        {
            return counts;
        }

        if (Can(Permissions.ViewChildRecords) && (User.IsInRole(Roles.SocialWorker) || User.IsInRole(Roles.TeamManager)))
        {
            var mine = await dueWork.CountAsync(new DueWorkQuery(WorkerId: userId), cancellationToken);
            counts.Add(new("My work", "/casework/my-work", mine.Overdue, mine.DueSoon, mine.Total, "for the children allocated to you"));
        }

        if (Can(Permissions.ViewChildRecords) && User.IsInRole(Roles.TeamManager)
            && await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.TeamId, Team = u.Team!.Name }).FirstOrDefaultAsync(cancellationToken) is { TeamId: { } teamId } team)
        {
            var due = await dueWork.CountAsync(new DueWorkQuery(TeamId: teamId), cancellationToken);
            counts.Add(new($"{team.Team}'s due work", $"/casework/team?TeamId={teamId}", due.Overdue, due.DueSoon, due.Total, "with a timescale for the team"));
        }

        if (Can(Permissions.LeadEarlyHelp) && !Can(Permissions.ViewEarlyHelp))
        {
            // A partner lead professional's reviews are on their due work, linked to their agency's early help pages.
            var reviews = DueWorkCounts.Of((await dueWork.AllAsync(new DueWorkQuery(WorkerId: userId), cancellationToken))
                .Where(i => i.Link.StartsWith("/my-agency/early-help/", StringComparison.Ordinal)));
            counts.Add(new("Early help reviews you lead", "/my-agency/early-help", reviews.Overdue, reviews.DueSoon, reviews.Total, "for the families you are lead professional for"));
        }

        if (Can(Permissions.ViewFrontDoor))
        {
            var waiting = await queue.CountAsync(cancellationToken);
            counts.Add(new("Front door queue", "/front-door", waiting.Overdue, waiting.DueSoon, waiting.Total, "contacts awaiting a decision"));
        }

        if (Can(Permissions.ViewLado))
        {
            var (overdue, soon, total) = await lado.MyCountsAsync(Actor, cancellationToken);
            counts.Add(new("Allegations you hold (LADO)", "/lado", overdue, soon, total, "open allegations"));
        }

        if (Can(Permissions.SubmitContacts) && Actor.AgencyId is { } agencyId)
        {
            var unanswered = await db.Set<ContactInformationRequest>().AsNoTracking().CountAsync(r => r.AgencyId == agencyId && r.RespondedAt == null, cancellationToken);
            counts.Add(new("Requests for information to your agency", "/my-agency", 0, 0, unanswered, "waiting for an answer"));
        }

        return counts;
    }
}
