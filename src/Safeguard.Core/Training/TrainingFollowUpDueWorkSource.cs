using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Timescales;
using Safeguard.Work;

namespace Safeguard.Training;

/// <summary>
/// The three-month follow-ups an agency still owes for its delegates who attended, on the due work of each member of
/// the agency who books its training (<see cref="Permissions.BookTraining"/>): one item per session, counting the
/// delegates, due three months after the session. Names no delegate (due work and the daily digest travel further).
/// </summary>
public sealed class TrainingFollowUpDueWorkSource(SafeguardDbContext db, CalendarAdministration calendar) : IDueWorkSource
{
    /// <summary>The partnership asks each delegate's agency, three months on, whether the training changed their practice.</summary>
    public static readonly TimescaleRule Rule = new()
    {
        Id = "training-follow-up",
        Description = "A delegate's three-month follow-up to partnership training",
        CountedFrom = "the training session",
        Duration = 3,
        Unit = TimescaleUnit.Months,
        Source = "The partnership's evaluation of the training it commissions (Working Together: monitor and evaluate its effectiveness)",
        LocallyChangeable = false,
        DefaultDuration = 3,
    };

    public async Task<IReadOnlyList<DueItem>> DueAsync(DueWorkQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.WorkerId is not { } worker)
        {
            return [];
        }

        var agencyId = await UserPermissions.AgencyAnsweringAsync(db, worker, Permissions.BookTraining, cancellationToken);
        if (agencyId is null)
        {
            return [];
        }

        var owed = await db.Set<TrainingBooking>().AsNoTracking()
            .Where(b => b.AgencyId == agencyId && b.Attendance == Attendance.Attended && b.FollowUpOn == null && b.FollowUpDueOn != null)
            .GroupBy(b => new { b.SessionId, b.Session!.HeldOn, b.Session.Course!.Title, b.FollowUpDueOn })
            .Select(g => new { g.Key.SessionId, g.Key.HeldOn, g.Key.Title, g.Key.FollowUpDueOn, Count = g.Count() })
            .ToListAsync(cancellationToken);
        if (owed.Count == 0)
        {
            return [];
        }

        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        return [.. owed.Select(o => new DueItem(
            null,
            o.Count == 1 ? "1 delegate" : $"{o.Count} delegates",
            "Training follow-up: " + (o.Title.Length <= 80 ? o.Title : o.Title[..79] + "…"),
            null,
            worker,
            deadlines.Assess(new Deadline(Rule, o.HeldOn, o.FollowUpDueOn!.Value)),
            "/my-agency/training?owing=1"))];
    }
}
