using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Governance;
using Safeguard.Persistence;

namespace Safeguard.DemoData;

/// <summary>
/// The partnership's boards and subgroups as its published arrangements give them (the strategic partnership group, the
/// children's business group and five subgroups), their members by agency, and two years of meetings with attendance,
/// decisions and actions. Attendance drifts as the annual report describes: the quality assurance subgroup loses its
/// police and health members' attendance over the two years, and the strategic group's police seat is filled by
/// whichever officer could come between its longstanding representative leaving and a new one being named.
/// Business plans exist for this year and last year only (the year before had none).
/// </summary>
public static class DemoGovernance
{
    private sealed record BoardPlan(string Name, BoardKind Kind, string? Parent, int? Quorum, int EveryWeeks, string Terms, int ReviewMonths, (string Agency, string Name, string Role, string? Deputy, string? User)[] Members);

    private static readonly BoardPlan[] Plans =
    [
        new("Strategic Partnership Group", BoardKind.Executive, null, 4, 10,
            "Identify and respond to new safeguarding issues and emerging threats; promote and embed learning from local and national reviews and quality assurance; oversee the work of the business groups; hold partners to account; approve the business plan and the annual report.",
            8,
            [("SP", "Independent Chair", "Independent chair", null, null), ("CSC", "Lee Council", "Member (local authority)", "Director of Education", "partner.la"), ("POLICE", "Piers Police", "Member (police)", "Detective Inspector, Public Protection", "partner.police"), ("ICB", "Hana Health", "Member (health)", "Deputy Designated Nurse", "partner.health"), ("HOSP", "Chief Nurse", "Member", null, null), ("SP", "Bea Business", "Business unit manager", null, "business.unit")]),
        new("Children's Business Group", BoardKind.BusinessGroup, "Strategic Partnership Group", 4, 10,
            "Develop and drive the implementation of the business plan; make sure the partnership's work is understood and its actions carried out; analyse the performance data; oversee and challenge the subgroups.",
            -2,
            [("SP", "Independent Chair", "Chair", null, null), ("CSC", "Head of Safeguarding and Quality Assurance", "Member", "Service Manager, Safeguarding", null), ("POLICE", "Detective Chief Inspector, Public Protection", "Member", null, null), ("ICB", "Designated Nurse, Safeguarding Children", "Member", "Named Nurse", null), ("EHE", "Head of Early Help", "Member", null, null), ("SP", "Bea Business", "Business unit manager", null, "business.unit")]),
        new("Quality Assurance and Performance Subgroup", BoardKind.Subgroup, "Children's Business Group", 4, 8,
            "Quality assure the effectiveness of safeguarding arrangements; provide the performance information that sets priorities; run multi-agency audits; monitor exceptions in the partnership dataset; report to the business group.",
            -3,
            [("CSC", "Head of Service for Quality Assurance", "Chair", null, null), ("CSC", "Dee Data", "Member (data)", null, "data.council"), ("POLICE", "Dev Data", "Member (police performance)", "Police Analyst", "data.police"), ("ICB", "Named Nurse, Quality", "Deputy chair", null, null), ("HOSP", "Safeguarding Lead, Hospitals Trust", "Member", null, null), ("SP", "Quality Assurance and Performance Officer", "Business unit officer", null, null)]),
        new("Case Review Subgroup", BoardKind.Subgroup, "Children's Business Group", 3, 6,
            "Consider notifications of serious incidents and run rapid reviews within 15 working days; commission and oversee local child safeguarding practice reviews; track their actions to completion.",
            10,
            [("CSC", "Service Manager, Safeguarding", "Chair", null, null), ("HOSP", "Nia Nurse", "Member (health provider)", "Named Midwife", "review.member"), ("POLICE", "Detective Inspector, Major Crime Review", "Member", null, null), ("ICB", "Designated Doctor", "Deputy chair", null, null), ("SP", "Bea Business", "Business unit manager", null, "business.unit")]),
        new("Complex Safeguarding Subgroup", BoardKind.Subgroup, "Children's Business Group", 3, 8,
            "Develop an integrated response to child sexual and criminal exploitation, radicalisation and missing children; monitor the complex safeguarding action plan; make sure the child's voice is heard.",
            6,
            [("POLICE", "Detective Inspector, Complex Safeguarding", "Chair", null, null), ("CSC", "Complex Safeguarding Team Manager", "Deputy chair", null, null), ("ICB", "Named Nurse, Looked After Children", "Member", null, null), ("VCS", "Family Support Charity Manager", "Member", null, null), ("EHE", "Youth Service Lead", "Member", null, null)]),
        new("Learning and Development Subgroup", BoardKind.Subgroup, "Children's Business Group", 3, 8,
            "Make sure single and multi-agency training meets local need; turn learning from reviews and audits into training and briefings; keep the multi-agency training strategy fit for purpose.",
            5,
            [("CSC", "Principal Social Worker", "Chair", null, null), ("SP", "Learning and Development Officer", "Business unit officer", null, null), ("HOSP", "Safeguarding Trainer", "Member", null, null), ("SCHOOLS", "Sid School", "Member (education)", null, "school"), ("VCS", "Volunteer Coordinator", "Member", null, null)]),
        new("Schools, Colleges and Adult Learning Subgroup", BoardKind.Subgroup, "Children's Business Group", 3, 8,
            "Develop strategies and actions that help schools, colleges and adult education meet their safeguarding duties; oversee the section 175 self-assessment; share learning with designated safeguarding leads.",
            7,
            [("EHE", "Head of Education Safeguarding", "Chair", null, null), ("SCHOOLS", "Sid School", "Member (designated safeguarding lead)", "Deputy Designated Safeguarding Lead", "school"), ("SCHOOLS", "College Safeguarding Lead", "Member", null, null), ("CSC", "Education Liaison Social Worker", "Member", null, null)]),
    ];

    private static readonly string[] Decisions =
    [
        "The exceptions report is accepted; the business group is asked to look at the fall in timeliness of initial conferences.",
        "The multi-agency audit on neglect goes ahead in the next quarter with a sample of ten children.",
        "The terms of reference are agreed, subject to the quorum being confirmed at the next meeting.",
        "The partnership endorses the rapid review's recommendation and shares it with the National Panel.",
        "The training programme for the coming year is approved.",
        "Agencies are asked to confirm a named deputy for every member by the next meeting.",
        "The risk to the plan from missing data returns is escalated to the strategic group.",
    ];

    private static readonly string[] Actions =
    [
        "Send the agency's data return for the quarter",
        "Circulate the learning briefing to frontline staff",
        "Confirm a named deputy for the subgroup",
        "Report on the audit's findings to the next meeting",
        "Review the escalation policy and bring a draft",
        "Provide figures on return home interviews offered within 72 hours",
        "Present the single-agency audit of supervision",
        "Update the training needs analysis with the review's learning",
    ];

    public static async Task<int> SeedAsync(SafeguardDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Set<Board>().AnyAsync(cancellationToken))
        {
            return 0;
        }

        var random = new Random(74);
        var today = UkTime.Today(db.Time);
        var start = today.AddYears(-2);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => u.UserName != null).ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        if (!agencies.ContainsKey("SP"))
        {
            return 0;
        }

        using var process = db.BeginProcess("Demo.Governance", actor);
        var boards = new Dictionary<string, Board>(StringComparer.Ordinal);
        var meetings = 0;
        foreach (var plan in Plans)
        {
            var board = new Board
            {
                Name = plan.Name,
                Kind = plan.Kind,
                ParentBoardId = plan.Parent is null ? null : boards[plan.Parent].Id,
                Quorum = plan.Quorum,
                TermsOfReference = plan.Terms,
                TermsReviewDueOn = today.AddMonths(plan.ReviewMonths),
                CreatedAt = UkTime.StartOfDay(start).AddHours(9),
            };
            boards[plan.Name] = board;
            db.Add(board);
            var members = new List<BoardMember>();
            foreach (var (agency, name, role, deputy, user) in plan.Members)
            {
                if (!agencies.TryGetValue(agency, out var agencyId))
                {
                    continue;
                }

                var member = new BoardMember { BoardId = board.Id, AgencyId = agencyId, Name = name, Role = role, DeputyName = deputy, UserId = user is not null && users.TryGetValue(user, out var u) ? u : null, StartOn = start };
                members.Add(member);
            }

            if (plan.Kind == BoardKind.Executive && members.FirstOrDefault(m => m.Role == "Member (police)") is { } police)
            {
                // The longstanding police representative left; for months the seat relied on whichever officer could attend.
                var left = start.AddMonths(5);
                police.StartOn = left.AddDays(1);
                members.Add(new BoardMember { BoardId = board.Id, AgencyId = police.AgencyId, Name = "Chief Superintendent (retired)", Role = "Member (police)", StartOn = start, EndOn = left });
            }

            db.AddRange(members);
            meetings += AddMeetings(db, random, plan, board, members, today, start);
        }

        // The improvement plan's workstreams (seeded first) that the priorities are delivered through, by title.
        var workstreams = (await db.Set<Safeguard.ImprovementPlan.Workstream>().AsNoTracking().Select(w => new { w.Id, w.Title }).ToListAsync(cancellationToken))
            .GroupBy(w => w.Title, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        AddPlan(db, boards, workstreams, ReportingYear.Of(today));
        AddPlan(db, boards, workstreams, ReportingYear.Of(today).Previous);
        await db.SaveChangesAsync(cancellationToken);
        return meetings;
    }

    private static int AddMeetings(SafeguardDbContext db, Random random, BoardPlan plan, Board board, List<BoardMember> members, DateOnly today, DateOnly start)
    {
        var count = 0;
        var chair = members.FirstOrDefault(m => m.Role.Contains("hair", StringComparison.Ordinal));
        var officer = members.FirstOrDefault(m => m.Role.StartsWith("Business", StringComparison.Ordinal)) ?? chair;
        (string Title, BoardMember? Presenter, string? Paper, int Minutes)[] agenda =
        [
            ("Apologies and attendance", chair, null, 0),
            ("Minutes and action log of the last meeting", officer, "Paper 1", 5),
            (plan.Kind == BoardKind.Subgroup ? "Work plan and the business plan priorities" : "Reports from the subgroups", chair, "Paper 2", 15),
            ("Performance exceptions", officer, "Paper 3", 50),
            ("Any other business", chair, null, 80),
        ];
        var totalDays = today.DayNumber - start.DayNumber;
        for (var on = start.AddDays(7 + random.Next(14)); ; on = on.AddDays(plan.EveryWeeks * 7))
        {
            while (on.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                on = on.AddDays(1);
            }

            var held = on < today;
            var meeting = new BoardMeeting { BoardId = board.Id, HeldOn = on, Status = held ? MeetingStatus.Held : MeetingStatus.Planned, CreatedAt = UkTime.StartOfDay(on.AddDays(-28)).AddHours(9) };
            db.Add(meeting);
            var items = agenda.Select((a, n) => new AgendaItem
            {
                MeetingId = meeting.Id,
                Number = n + 1,
                Title = a.Title,
                Presenter = a.Presenter?.Name,
                PresenterAgencyId = a.Presenter?.AgencyId,
                PaperReference = a.Paper is null ? null : $"{a.Paper} ({on:yyyy-MM})",
                StartsAt = new TimeOnly(10, 0).AddMinutes(a.Minutes),
            }).ToList();
            db.AddRange(items);

            // Decisions and actions come from the reports and the exceptions (items 3 and 4).
            Guid ItemFor(int n) => items[2 + (n % 2)].Id;
            count++;
            if (!held)
            {
                break;
            }

            if (random.NextDouble() < 0.05)
            {
                meeting.Status = MeetingStatus.Cancelled;
                continue;
            }

            var progress = (double)(on.DayNumber - start.DayNumber) / totalDays;
            var present = new List<BoardMember>();
            foreach (var member in members.Where(m => m.IsMemberOn(on)))
            {
                var status = Attendance(random, plan, member, on, start, progress);
                db.Add(new MeetingAttendance { MeetingId = meeting.Id, MemberId = member.Id, Status = status, DeputyName = status == AttendanceStatus.SentDeputy ? member.DeputyName ?? "A colleague" : null, RecordedBy = "Bea Business", RecordedAt = UkTime.StartOfDay(on).AddHours(17) });
                if (status == AttendanceStatus.Present)
                {
                    present.Add(member);
                }
            }

            meeting.Minutes = $"The meeting was chaired by {chair?.Name ?? "the chair"}. The action log was reviewed and the reports were discussed. {(present.Count < (plan.Quorum ?? 0) ? "The meeting was not quorate: decisions were taken subject to confirmation by the members absent." : "")}".Trim();
            for (var d = 0; d < 1 + random.Next(2); d++)
            {
                db.Add(new MeetingDecision { MeetingId = meeting.Id, Number = d + 1, AgendaItemId = ItemFor(d), Text = Decisions[random.Next(Decisions.Length)] });
            }

            var owners = members.Where(m => m.IsMemberOn(on)).ToList();
            for (var a = 0; a < random.Next(4) && owners.Count > 0; a++)
            {
                var owner = owners[random.Next(owners.Count)];
                var due = on.AddDays(7 * (3 + random.Next(8)));
                var action = new GovernanceAction { BoardId = board.Id, MeetingId = meeting.Id, AgendaItemId = ItemFor(a + 1), Description = Actions[random.Next(Actions.Length)], Owner = owner.Name, OwningAgencyId = owner.AgencyId, OwnerUserId = owner.UserId, DueOn = due, Status = GovernanceActionStatus.Open };
                var roll = random.NextDouble();
                if (due < today && roll < 0.72)
                {
                    // Completed: most on time, more late as attendance drifts.
                    var late = random.NextDouble() < 0.2 + (0.3 * progress);
                    var done = late ? due.AddDays(7 + random.Next(35)) : due.AddDays(-random.Next(21));
                    action.Status = GovernanceActionStatus.Completed;
                    action.CompletedOn = done > today ? today : done;
                    action.Updates.Add(new GovernanceActionUpdate { ActionId = action.Id, At = UkTime.StartOfDay(action.CompletedOn.Value).AddHours(11), By = owner.Name, Text = "Done and reported to the business unit.", Status = GovernanceActionStatus.Completed });
                }
                else if (due < today && roll < 0.8)
                {
                    action.Status = GovernanceActionStatus.Dropped;
                    action.Updates.Add(new GovernanceActionUpdate { ActionId = action.Id, At = UkTime.StartOfDay(due).AddHours(11), By = "Bea Business", Text = "Overtaken by the independent review: dropped by the board.", Status = GovernanceActionStatus.Dropped });
                }
                else if (roll < 0.9)
                {
                    action.Status = GovernanceActionStatus.InProgress;
                    action.Updates.Add(new GovernanceActionUpdate { ActionId = action.Id, At = UkTime.StartOfDay(on.AddDays(14)).AddHours(11), By = owner.Name, Text = "Started; a first draft is with the business unit.", Status = GovernanceActionStatus.InProgress });
                }

                db.Add(action);
            }
        }

        return count;
    }

    /// <summary>How a member was at a meeting: most attend; the drift the annual report describes is in the quality assurance subgroup and the strategic group's police seat.</summary>
    private static AttendanceStatus Attendance(Random random, BoardPlan plan, BoardMember member, DateOnly on, DateOnly start, double progress)
    {
        var code = member.Role;
        var attend = 0.9;
        if (plan.Name.StartsWith("Quality Assurance", StringComparison.Ordinal) && !code.StartsWith("Chair", StringComparison.Ordinal) && !code.StartsWith("Business", StringComparison.Ordinal))
        {
            attend = 0.9 - (0.55 * progress);
        }
        else if (plan.Kind == BoardKind.Executive && code == "Member (police)" && on >= start.AddMonths(5) && on < start.AddMonths(11))
        {
            // A new officer is named, but for months the seat is filled by whoever can come, or no one.
            return random.NextDouble() < 0.45 ? AttendanceStatus.SentDeputy : random.NextDouble() < 0.5 ? AttendanceStatus.Apologies : AttendanceStatus.Absent;
        }
        else if (member.Name.Contains("Volunteer", StringComparison.Ordinal) || member.Name.Contains("Charity", StringComparison.Ordinal))
        {
            attend = 0.6;
        }

        var roll = random.NextDouble();
        if (roll < attend)
        {
            return member.DeputyName is not null && random.NextDouble() < 0.25 ? AttendanceStatus.SentDeputy : AttendanceStatus.Present;
        }

        return random.NextDouble() < 0.6 ? AttendanceStatus.Apologies : AttendanceStatus.Absent;
    }

    private static void AddPlan(SafeguardDbContext db, Dictionary<string, Board> boards, Dictionary<string, Guid> workstreams, ReportingYear year)
    {
        // Each priority names the improvement plan workstream that delivers it, or says why there is none.
        (string Title, string Description, string Owner, string? Workstream, string? Note)[] priorities =
        [
            ("Neglect", "Practitioners recognise and respond to neglect early, using the neglect toolkit; measured by the neglect audit and the share of child protection plans for neglect re-registered within two years.", "Quality Assurance and Performance Subgroup", "Consistent offer of Early Help across universal and targeted services", null),
            ("Exploitation and children missing from home", "Children at risk of criminal and sexual exploitation are identified and safety-planned; every child returning from a missing episode is offered a return home interview within 72 hours.", "Complex Safeguarding Subgroup", "Partnership strategies to ensure co-ordinated response to missing & exploitation", null),
            ("Learning from reviews changes practice", "Every review's recommendations have owned actions, tracked to completion, and their learning reaches the workforce through briefings and training within three months.", "Case Review Subgroup", "Ensure Quality Assurance Framework supports focused, ongoing improvement", null),
            ("The child's voice", "Every agency's records show the child's wishes and feelings and how they shaped the plan; schools and colleges take part through their designated safeguarding leads.", "Schools, Colleges and Adult Learning Subgroup", null, "Not in the improvement plan: carried by each agency's own quality assurance"),
        ];
        for (var i = 0; i < priorities.Length; i++)
        {
            var p = priorities[i];
            db.Add(new BusinessPriority
            {
                YearStart = year.StartYear,
                Number = i + 1,
                Title = p.Title,
                Description = p.Description,
                OwnerBoardId = boards.TryGetValue(p.Owner, out var b) ? b.Id : null,
                WorkstreamId = p.Workstream is not null && workstreams.TryGetValue(p.Workstream, out var w) ? w : null,
                ImprovementPlanNote = p.Note,
            });
        }
    }
}
