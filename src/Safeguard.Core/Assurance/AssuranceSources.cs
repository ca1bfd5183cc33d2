using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Timescales;
using Safeguard.Work;

namespace Safeguard.Assurance;

/// <summary>
/// The audit returns an agency still owes, on the due work of each member of the agency who answers them
/// (<see cref="Permissions.AnswerAssurance"/>): one item per audit, naming how many cases are outstanding.
/// </summary>
public sealed class AuditReturnDueWorkSource(SafeguardDbContext db, CalendarAdministration calendar) : IDueWorkSource
{
    /// <summary>An audit return's due date is set by the business unit, not a timescale: this rule names it on due work.</summary>
    public static readonly TimescaleRule Rule = TimescaleRule.DueDateSetBy(
        "audit-return",
        "An agency's return to a multi-agency audit",
        "the request to the agency",
        "The business unit's request");

    public async Task<IReadOnlyList<DueItem>> DueAsync(DueWorkQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.WorkerId is not { } worker)
        {
            return [];
        }

        var agencyId = await UserPermissions.AgencyAnsweringAsync(db, worker, Permissions.AnswerAssurance, cancellationToken);
        if (agencyId is null)
        {
            return [];
        }

        var owed = await db.Set<AuditReturn>().AsNoTracking()
            .Where(r => r.AgencyId == agencyId && r.SubmittedAt == null)
            .Join(db.Set<MultiAgencyAudit>().Where(a => a.Status == AuditStatus.ReturnsOpen), r => r.AuditId, a => a.Id, (r, a) => new { a.Id, a.Title, r.DueOn, a.CreatedAt })
            .ToListAsync(cancellationToken);
        if (owed.Count == 0)
        {
            return [];
        }

        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        return [.. owed.GroupBy(o => (o.Id, o.Title, o.DueOn)).Select(g =>
        {
            var asked = UkTime.ToUkDate(g.Min(o => o.CreatedAt));
            return new DueItem(
                null,
                g.Count() == 1 ? "1 case" : $"{g.Count()} cases",
                "Audit return: " + (g.Key.Title.Length <= 80 ? g.Key.Title : g.Key.Title[..79] + "…"),
                null,
                worker,
                deadlines.Assess(new Deadline(Rule, asked > g.Key.DueOn ? g.Key.DueOn : asked, g.Key.DueOn)),
                "/my-agency/audits");
        })];
    }
}
