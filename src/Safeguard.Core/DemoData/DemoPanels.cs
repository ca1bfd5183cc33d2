using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.ComplexSafeguarding;
using Safeguard.Persistence;

namespace Safeguard.DemoData;

/// <summary>
/// The exploitation and missing panel's last three monthly meetings, held through <see cref="PanelService"/> as the
/// panel's coordinator would: scheduled, the agenda built from the criteria, the agencies' attendance, a decision for
/// every child, and actions on some, owned by the demo social worker and team manager (the oldest meeting's done).
/// </summary>
internal static class DemoPanels
{
    private static readonly string[] Decisions =
    [
        "Risk remains high: the safety plan continues; disruption activity by police at the address of concern.",
        "Risk reducing: keep on the panel's list for one more month, then step down to the team's review.",
        "Refer to the complex safeguarding team for a WISE assessment; strategy discussion to be held.",
        "Missing episodes have stopped since the placement move; no further panel oversight needed.",
    ];

    private static readonly string[] ActionTexts =
    [
        "Hold a strategy discussion about the exploitation concerns",
        "Share the locations of concern with the neighbourhood policing team",
        "Review the trigger plan with the carers",
    ];

    public static async Task<int> SeedAsync(SafeguardDbContext db, PanelService panels, Actor actor, CancellationToken cancellationToken)
    {
        if (await db.Set<PanelMeeting>().AnyAsync(cancellationToken))
        {
            return 0;
        }

        var today = UkTime.Today(db.Time);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        var owners = await panels.OwnersAsync(cancellationToken);
        var ownerIds = await db.Users.AsNoTracking().Where(u => u.UserName == "social.worker" || u.UserName == "team.manager").Select(u => u.Id).ToListAsync(cancellationToken);
        var actionOwners = owners.Where(o => ownerIds.Contains(o.UserId)).ToList();
        var lastTuesday = today.AddDays(-(((int)today.DayOfWeek - (int)DayOfWeek.Tuesday + 7) % 7) - 7);
        var meetings = 0;
        foreach (var weeksBack in new[] { 8, 4, 0 })
        {
            var meeting = await panels.ScheduleAsync(new PanelMeetingDetails(lastTuesday.AddDays(-7 * weeksBack), "Head of Safeguarding (chair)"), actor, cancellationToken);
            foreach (var (code, name, role) in new[] { ("CSC", "Kate Morris", "Complex safeguarding team manager"), ("POLICE", "DS Neil Barlow", "Missing from home coordinator"), ("ICB", "Hana Health", "Complex safeguarding nurse"), ("EHE", "Beth Crossley", "Education inclusion officer") })
            {
                await panels.AddAttendeeAsync(meeting.Id, new PanelAttendeeDetails(agencies[code], name, role, code != "EHE" || weeksBack != 4), actor, cancellationToken);
            }

            await panels.BuildAgendaAsync(meeting.Id, actor, cancellationToken);
            var cases = await db.Set<PanelCase>().AsNoTracking().Where(c => c.MeetingId == meeting.Id).OrderBy(c => c.AddedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
            for (var i = 0; i < cases.Count; i++)
            {
                await panels.RecordDecisionAsync(cases[i].Id, cases[i].Version, Decisions[i % Decisions.Length], actor, cancellationToken);
                if (i < 3 && actionOwners.Count > 0)
                {
                    var action = await panels.AddActionAsync(cases[i].Id, new PanelActionDetails(ActionTexts[i], actionOwners[i % actionOwners.Count].UserId, meeting.MeetingDate.AddDays(14 + (7 * i))), actor, cancellationToken);
                    if (weeksBack == 8)
                    {
                        await panels.CompleteActionAsync(action.Id, action.Version, manager: true, actor, cancellationToken);
                    }
                }
            }

            await panels.RecordMinutesAsync(meeting.Id, (await db.Set<PanelMeeting>().AsNoTracking().FirstAsync(m => m.Id == meeting.Id, cancellationToken)).Version, $"{cases.Count} children discussed; decisions and actions recorded against each child.", actor, cancellationToken);
            meetings++;
        }

        return meetings;
    }
}
