using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Core.Tests.Journey;
using Safeguard.Governance;
using Safeguard.Identity;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Timescales;
using Safeguard.Work;

namespace Safeguard.Core.Tests.Governance;

/// <summary>
/// Boards and their meetings: attendance recorded for every member on the meeting's date (a deputy counts as
/// attending, nothing recorded as absent), quorum, rates by board, agency and quarter, members' apologies, the action
/// log on the owner's due work, and edits refused when made from an older version.
/// </summary>
public partial class GovernanceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // JourneyFixture's today is Monday 23 November 2026: reporting year 2026-27, Q3.
    private static readonly ReportingYear Year = new(2026);

    private sealed class Fixture : IAsyncDisposable
    {
        public required JourneyFixture Journey { get; init; }

        public required Actor BusinessUnit { get; init; }

        public required Actor PoliceUser { get; init; }

        public required Actor CouncilUser { get; init; }

        public required Guid Police { get; init; }

        public required Guid Council { get; init; }

        public required Guid Health { get; init; }

        public BoardService Boards => Journey.Services.Get<BoardService>();

        public MeetingService Meetings => Journey.Services.Get<MeetingService>();

        public GovernanceFigures Figures => Journey.Services.Get<GovernanceFigures>();

        public GovernanceActionDueWorkSource DueWork => Journey.Services.Get<IEnumerable<IDueWorkSource>>().OfType<GovernanceActionDueWorkSource>().Single();

        public ValueTask DisposeAsync() => Journey.DisposeAsync();
    }

    private static async Task<Fixture> CreateAsync(DatabaseProvider provider)
    {
        var journey = await JourneyFixture.CreateAsync(provider);
        var db = journey.Services.Db;
        var police = new Agency { Name = "Police", Code = "GMP", Type = AgencyType.Police };
        var health = new Agency { Name = "Integrated Care Board", Code = "ICB", Type = AgencyType.HealthCommissioner };
        var officer = new User { DisplayName = "Piers Police", UserName = "piers", AgencyId = police.Id, CreatedAt = JourneyFixture.Now };
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.AddRange(police, health, officer);
            await db.SaveChangesAsync(Ct);
        }

        return new Fixture
        {
            Journey = journey,
            BusinessUnit = new Actor(null, "Bea Business", null),
            PoliceUser = new Actor(officer.Id, officer.DisplayName, police.Id),
            CouncilUser = journey.Worker,
            Police = police.Id,
            Council = journey.Worker.AgencyId!.Value,
            Health = health.Id,
        };
    }

    /// <summary>A subgroup with a quorum of 3 and four members: council (a user), police (a user, with a named deputy), health, and a health member who left in the summer.</summary>
    private static async Task<(Board Board, BoardMember Council, BoardMember Police, BoardMember Health, BoardMember Left)> SubgroupAsync(Fixture f, int? quorum = 3)
    {
        var board = await f.Boards.CreateAsync(new NewBoard("Quality Assurance Subgroup", BoardKind.Subgroup, null, quorum), f.BusinessUnit, Ct);
        var start = new DateOnly(2026, 4, 1);
        var council = await f.Boards.AddMemberAsync(board.Id, new NewMember(f.Council, "Sam Worker", f.CouncilUser.UserId, "Chair", null, start), f.BusinessUnit, Ct);
        var police = await f.Boards.AddMemberAsync(board.Id, new NewMember(f.Police, "Piers Police", f.PoliceUser.UserId, "Member", "DS Deputy", start), f.BusinessUnit, Ct);
        var health = await f.Boards.AddMemberAsync(board.Id, new NewMember(f.Health, "Nurse Named", null, "Member", null, start), f.BusinessUnit, Ct);
        var left = await f.Boards.AddMemberAsync(board.Id, new NewMember(f.Health, "Doctor Gone", null, "Member", null, start), f.BusinessUnit, Ct);
        var row = await f.Journey.Services.Db.Set<BoardMember>().AsNoTracking().SingleAsync(m => m.Id == left.Id, Ct);
        await f.Boards.ChangeMemberAsync(left.Id, row.Version, new MemberChange("Member", null, new DateOnly(2026, 7, 31)), f.BusinessUnit, Ct);
        return (board, council, police, health, left);
    }

    private static async Task<BoardMeeting> HeldAsync(Fixture f, Guid boardId, DateOnly on, params (Guid Member, AttendanceStatus Status)[] attendance)
    {
        var meeting = await f.Meetings.ArrangeAsync(boardId, on, "Apologies\nAction log", f.BusinessUnit, Ct);
        await f.Meetings.RecordAttendanceAsync(meeting.Id, meeting.Version, [.. attendance.Select(a => new AttendanceEntry(a.Member, a.Status, null))], f.BusinessUnit, Ct);
        return (await f.Meetings.GetAsync(meeting.Id, Ct))!;
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Attendance_counts_deputies_as_attending_and_the_rates_show_by_board_agency_and_quarter(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var (board, council, police, health, left) = await SubgroupAsync(f);

        // Q1 (June): everyone there, including the member who later left.
        var june = await HeldAsync(f, board.Id, new DateOnly(2026, 6, 10), (council.Id, AttendanceStatus.Present), (police.Id, AttendanceStatus.Present), (health.Id, AttendanceStatus.Present), (left.Id, AttendanceStatus.Present));
        Assert.Equal(4, (await f.Meetings.AttendanceAsync(june.Id, Ct)).Count);

        // Q3 (October): the member who left is no longer expected; police send their deputy, health send apologies.
        var october = await HeldAsync(f, board.Id, new DateOnly(2026, 10, 14), (council.Id, AttendanceStatus.Present), (police.Id, AttendanceStatus.SentDeputy), (health.Id, AttendanceStatus.Apologies));
        var rows = await f.Meetings.AttendanceAsync(october.Id, Ct);
        Assert.Equal(["Nurse Named", "Piers Police", "Sam Worker"], rows.Select(r => r.Member.Name).Order(StringComparer.Ordinal));
        Assert.Equal("DS Deputy", rows.Single(r => r.Member.Id == police.Id).Attendance!.DeputyName);

        // A cancelled meeting and a planned one count for nothing.
        var cancelled = await f.Meetings.ArrangeAsync(board.Id, new DateOnly(2026, 11, 4), null, f.BusinessUnit, Ct);
        await f.Meetings.CancelAsync(cancelled.Id, cancelled.Version, f.BusinessUnit, Ct);
        await f.Meetings.ArrangeAsync(board.Id, new DateOnly(2027, 1, 13), null, f.BusinessUnit, Ct);

        var year = await f.Figures.ForYearAsync(Year, Ct);
        var b = Assert.Single(year.Boards);
        Assert.Equal((2, 1, (int?)1), (b.Held, b.Cancelled, b.Quorate));
        Assert.Equal((7, 6, 1, 0), (b.Attendance.Expected, b.Attendance.Attended, b.Attendance.Apologies, b.Attendance.Absent));
        Assert.Equal(85.7m, b.Attendance.Rate);

        var byAgency = year.Agencies.ToDictionary(a => a.Agency);
        Assert.Equal(100m, byAgency["Police"].Attendance.Rate);
        Assert.Equal(1, byAgency["Police"].Attendance.ByDeputy);
        Assert.Equal(66.7m, byAgency["Integrated Care Board"].Attendance.Rate);
        Assert.Equal([100m, null, 0m, null], byAgency["Integrated Care Board"].Quarters.Select(q => q.Rate));
        Assert.Equal(100m, byAgency["Children's services"].Attendance.Rate);

        // Re-recording the attendance changes the rows, not their number; nothing recorded for a member would be absent.
        await f.Meetings.RecordAttendanceAsync(october.Id, october.Version, [new(council.Id, AttendanceStatus.Present, null), new(police.Id, AttendanceStatus.Absent, null), new(health.Id, AttendanceStatus.Apologies, null)], f.BusinessUnit, Ct);
        Assert.Equal(3, await f.Journey.Services.Db.Set<MeetingAttendance>().CountAsync(a => a.MeetingId == october.Id, Ct));
        year = await f.Figures.ForYearAsync(Year, Ct);
        Assert.Equal(50m, year.Agencies.Single(a => a.Agency == "Police").Attendance.Rate);
        Assert.Equal((int?)1, year.Boards[0].Quorate);
        Assert.Null(year.Agencies.Single(a => a.Agency == "Police").Quarters[1].Rate);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_meeting_is_quorate_when_enough_members_come_in_person_or_by_deputy(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var (board, council, police, health, _) = await SubgroupAsync(f, quorum: 3);
        var full = await HeldAsync(f, board.Id, new DateOnly(2026, 9, 9), (council.Id, AttendanceStatus.Present), (police.Id, AttendanceStatus.SentDeputy), (health.Id, AttendanceStatus.Present));
        var thin = await HeldAsync(f, board.Id, new DateOnly(2026, 10, 7), (council.Id, AttendanceStatus.Present), (police.Id, AttendanceStatus.SentDeputy), (health.Id, AttendanceStatus.Absent));
        Assert.Equal(new Quoracy(3, 3, 3), await f.Meetings.QuoracyAsync(full.Id, Ct));
        Assert.True((await f.Meetings.QuoracyAsync(full.Id, Ct))!.IsQuorate);
        Assert.False((await f.Meetings.QuoracyAsync(thin.Id, Ct))!.IsQuorate);

        // A planned meeting has no quoracy yet; terms with no quorum make it "not applicable".
        var planned = await f.Meetings.ArrangeAsync(board.Id, new DateOnly(2026, 12, 2), null, f.BusinessUnit, Ct);
        Assert.Null(await f.Meetings.QuoracyAsync(planned.Id, Ct));
        var current = (await f.Boards.GetAsync(board.Id, Ct))!;
        await f.Boards.ChangeTermsAsync(board.Id, current.Version, new TermsInput("Quality assure the partnership's work.", new DateOnly(2027, 3, 31), null, null), f.BusinessUnit, Ct);
        Assert.Null((await f.Meetings.QuoracyAsync(thin.Id, Ct))!.IsQuorate);
        Assert.Null((await f.Figures.ForYearAsync(Year, Ct)).Boards[0].Quorate);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_attendance_form_names_every_problem_and_a_stale_version_is_refused(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var (board, council, police, health, left) = await SubgroupAsync(f);
        var future = await f.Meetings.ArrangeAsync(board.Id, new DateOnly(2026, 12, 9), null, f.BusinessUnit, Ct);
        var early = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Meetings.RecordAttendanceAsync(future.Id, future.Version, [new(council.Id, AttendanceStatus.Present, null), new(police.Id, AttendanceStatus.Present, null), new(health.Id, AttendanceStatus.Present, null)], f.BusinessUnit, Ct));
        Assert.Contains("has not happened yet", early.Problems[0].Message, StringComparison.Ordinal);

        var meeting = await f.Meetings.ArrangeAsync(board.Id, new DateOnly(2026, 11, 11), null, f.BusinessUnit, Ct);
        var twice = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Meetings.ArrangeAsync(board.Id, new DateOnly(2026, 11, 11), null, f.BusinessUnit, Ct));
        Assert.Equal("HeldOn", twice.Problems[0].Field);

        var refused = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Meetings.RecordAttendanceAsync(meeting.Id, meeting.Version,
            [new(council.Id, AttendanceStatus.Present, null), new(health.Id, AttendanceStatus.SentDeputy, null), new(left.Id, AttendanceStatus.Present, null)], f.BusinessUnit, Ct));
        Assert.Equal(
            [$"Deputy-{health.Id}", $"Status-{police.Id}", "Attendance"],
            refused.Problems.Select(p => p.Field).OrderBy(x => x.StartsWith("Deputy", StringComparison.Ordinal) ? 0 : x.StartsWith("Status", StringComparison.Ordinal) ? 1 : 2));
        Assert.Contains(refused.Problems, p => p.Message == "Select how Piers Police (Police) was at the meeting");

        // The police member's named deputy is used when no name is typed.
        var read = meeting.Version;
        await f.Meetings.RecordAttendanceAsync(meeting.Id, read, [new(council.Id, AttendanceStatus.Present, null), new(police.Id, AttendanceStatus.SentDeputy, null), new(health.Id, AttendanceStatus.Absent, null)], f.BusinessUnit, Ct);
        Assert.Equal("DS Deputy", (await f.Meetings.AttendanceAsync(meeting.Id, Ct)).Single(r => r.Member.Id == police.Id).Attendance!.DeputyName);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Meetings.RecordAttendanceAsync(meeting.Id, read, [new(council.Id, AttendanceStatus.Absent, null), new(police.Id, AttendanceStatus.Absent, null), new(health.Id, AttendanceStatus.Absent, null)], f.BusinessUnit, Ct));
        var stored = (await f.Meetings.GetAsync(meeting.Id, Ct))!;
        Assert.Equal((MeetingStatus.Held, read + 1), (stored.Status, stored.Version));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Meetings.SaveRecordAsync(meeting.Id, read, "Minutes", f.BusinessUnit, Ct));
        await f.Meetings.SaveRecordAsync(meeting.Id, stored.Version, "The minutes.", f.BusinessUnit, Ct);
        Assert.Equal("The minutes.", (await f.Meetings.GetAsync(meeting.Id, Ct))!.Minutes);
        var cancel = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Meetings.CancelAsync(meeting.Id, stored.Version + 1, f.BusinessUnit, Ct));
        Assert.Contains("was held", cancel.Problems[0].Message, StringComparison.Ordinal);

        // Every change is on the audit trail under its process.
        var processes = await f.Journey.Services.Db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(MeetingAttendance)).Select(e => e.Process).Distinct().ToListAsync(Ct);
        Assert.Equal(["Governance.RecordAttendance"], processes);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_member_sends_apologies_or_names_a_deputy_for_their_own_boards_meetings_only(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var (board, council, police, health, _) = await SubgroupAsync(f);
        var other = await f.Boards.CreateAsync(new NewBoard("Case Review Subgroup", BoardKind.Subgroup, board.Id, null), f.BusinessUnit, Ct);
        var theirs = await f.Meetings.ArrangeAsync(other.Id, new DateOnly(2026, 12, 3), null, f.BusinessUnit, Ct);
        var coming = await f.Meetings.ArrangeAsync(board.Id, new DateOnly(2026, 12, 9), "Exceptions report", f.BusinessUnit, Ct);

        Assert.Equal(["Quality Assurance Subgroup"], (await f.Meetings.MembershipsAsync(f.PoliceUser, Ct)).Select(m => m.Board.Name));
        Assert.Equal([coming.Id], (await f.Meetings.MemberMeetingsAsync(f.PoliceUser, JourneyFixture.Today, Ct)).Select(m => m.Meeting.Id));
        var notMine = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Meetings.SendApologiesAsync(theirs.Id, null, f.PoliceUser, Ct));
        Assert.Equal("Meeting", notMine.Problems[0].Field);

        await f.Meetings.SendApologiesAsync(coming.Id, null, f.PoliceUser, Ct);
        await f.Meetings.SendApologiesAsync(coming.Id, "  DC Stand-in ", f.PoliceUser, Ct);
        var row = Assert.Single(await f.Journey.Services.Db.Set<MeetingAttendance>().AsNoTracking().Where(a => a.MeetingId == coming.Id).ToListAsync(Ct));
        Assert.Equal((police.Id, AttendanceStatus.SentDeputy, "DC Stand-in", "Piers Police"), (row.MemberId, row.Status, row.DeputyName, row.RecordedBy));

        // Once the business unit records the meeting as held, apologies can no longer change it.
        var held = await f.Meetings.ArrangeAsync(board.Id, new DateOnly(2026, 11, 18), null, f.BusinessUnit, Ct);
        await f.Meetings.RecordAttendanceAsync(held.Id, held.Version, [new(council.Id, AttendanceStatus.Present, null), new(police.Id, AttendanceStatus.Present, null), new(health.Id, AttendanceStatus.Present, null)], f.BusinessUnit, Ct);
        var late = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Meetings.SendApologiesAsync(held.Id, null, f.PoliceUser, Ct));
        Assert.Contains("already recorded", late.Problems[0].Message, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Overdue_actions_are_on_their_owners_due_work_until_completed_and_count_on_time_or_late(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var (board, council, police, health, _) = await SubgroupAsync(f);
        var meeting = await HeldAsync(f, board.Id, new DateOnly(2026, 9, 9), (council.Id, AttendanceStatus.Present), (police.Id, AttendanceStatus.Present), (health.Id, AttendanceStatus.Present));
        var overdue = await f.Meetings.AddActionAsync(meeting.Id, new NewAction("Send the police data return", police.Id, null, null, new DateOnly(2026, 10, 31)), f.BusinessUnit, Ct);
        var coming = await f.Meetings.AddActionAsync(meeting.Id, new NewAction("Present the supervision audit", police.Id, null, null, new DateOnly(2026, 12, 31)), f.BusinessUnit, Ct);
        var early = await f.Meetings.AddActionAsync(meeting.Id, new NewAction("Circulate the briefing", council.Id, null, null, new DateOnly(2026, 12, 1)), f.BusinessUnit, Ct);
        var named = await f.Meetings.AddActionAsync(meeting.Id, new NewAction("Confirm the health deputy", null, "Designated Nurse", f.Health, new DateOnly(2026, 10, 1)), f.BusinessUnit, Ct);
        Assert.Equal(("Designated Nurse", f.Health, (Guid?)null), (named.Owner, named.OwningAgencyId, named.OwnerUserId));
        var bad = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Meetings.AddActionAsync(meeting.Id, new NewAction("", null, null, null, new DateOnly(2026, 9, 1)), f.BusinessUnit, Ct));
        Assert.Equal(["Description", "Owner", "OwningAgencyId", "DueOn"], bad.Problems.Select(p => p.Field));

        var due = await f.DueWork.DueAsync(new DueWorkQuery(WorkerId: f.PoliceUser.UserId), Ct);
        Assert.Equal([DeadlineStatus.Overdue, DeadlineStatus.NotYetDue], due.Select(d => d.Assessment.Status));
        Assert.Equal(("Quality Assurance Subgroup", "Board action: Send the police data return", "/my-agency/meetings"), (due[0].ChildName, due[0].What, due[0].Link));
        Assert.Empty(await f.DueWork.DueAsync(new DueWorkQuery(TeamId: f.Journey.Team.Id), Ct));

        // Only the owner updates their action from their agency's pages, and cannot drop it.
        var notTheirs = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Meetings.UpdateActionAsync(overdue.Id, overdue.Version, GovernanceActionStatus.Completed, "Done", f.CouncilUser, asOwner: true, Ct));
        Assert.Equal("Action", notTheirs.Problems[0].Field);
        var drop = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Meetings.UpdateActionAsync(overdue.Id, overdue.Version, GovernanceActionStatus.Dropped, "No", f.PoliceUser, asOwner: true, Ct));
        Assert.Equal("Status", drop.Problems[0].Field);
        var actionRead = overdue.Version;
        await f.Meetings.UpdateActionAsync(overdue.Id, actionRead, GovernanceActionStatus.Completed, "Sent on Monday", f.PoliceUser, asOwner: true, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Meetings.UpdateActionAsync(overdue.Id, actionRead, GovernanceActionStatus.InProgress, "Again", f.PoliceUser, asOwner: true, Ct));
        await f.Meetings.UpdateActionAsync(early.Id, early.Version, GovernanceActionStatus.Completed, "Circulated", f.CouncilUser, asOwner: true, Ct);
        await f.Meetings.UpdateActionAsync(named.Id, named.Version, GovernanceActionStatus.Dropped, "Overtaken", f.BusinessUnit, asOwner: false, Ct);

        var stored = (await f.Meetings.ActionsAsync(board.Id, cancellationToken: Ct)).ToDictionary(a => a.Id);
        Assert.Equal((GovernanceActionStatus.Completed, (DateOnly?)JourneyFixture.Today), (stored[overdue.Id].Status, stored[overdue.Id].CompletedOn));
        Assert.Equal(["Sent on Monday"], stored[overdue.Id].Updates.Select(u => u.Text));
        Assert.Equal(["Board action: Present the supervision audit"], (await f.DueWork.DueAsync(new DueWorkQuery(WorkerId: f.PoliceUser.UserId), Ct)).Select(d => d.What));
        Assert.Equal([coming.Id], (await f.Meetings.MyActionsAsync(f.PoliceUser, Ct)).Where(a => a.IsOpen).Select(a => a.Id));

        var actions = (await f.Figures.ForYearAsync(Year, Ct)).Actions;
        Assert.Equal((4, 1, 1, 1, 0, 1), (actions.Due, actions.OnTime, actions.Late, actions.Open, actions.Overdue, actions.Dropped));
        Assert.Equal(33.3m, actions.OnTimeRate);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Terms_members_and_the_business_plan_are_versioned_and_checked(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var executive = await f.Boards.CreateAsync(new NewBoard("Strategic Partnership Group", BoardKind.Executive, null, 4), f.BusinessUnit, Ct);
        var (board, council, _, _, _) = await SubgroupAsync(f);
        var same = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Boards.CreateAsync(new NewBoard("Quality Assurance Subgroup", null, null, 0), f.BusinessUnit, Ct));
        Assert.Equal(["Kind", "Quorum", "Name"], same.Problems.Select(p => p.Field));

        var read = (await f.Boards.GetAsync(board.Id, Ct))!;
        var noDate = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Boards.ChangeTermsAsync(board.Id, read.Version, new TermsInput("Terms", null, 3, board.Id), f.BusinessUnit, Ct));
        Assert.Equal(["ParentBoardId", "ReviewDueOn"], noDate.Problems.Select(p => p.Field));
        await f.Boards.ChangeTermsAsync(board.Id, read.Version, new TermsInput("Quality assure the partnership's work.", new DateOnly(2027, 3, 31), 3, executive.Id), f.BusinessUnit, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Boards.ChangeTermsAsync(board.Id, read.Version, new TermsInput("Older terms", new DateOnly(2027, 1, 1), 2, null), f.BusinessUnit, Ct));
        var changed = (await f.Boards.GetAsync(board.Id, Ct))!;
        Assert.Equal(("Quality assure the partnership's work.", (Guid?)executive.Id, read.Version + 1), (changed.TermsOfReference, changed.ParentBoardId, changed.Version));
        Assert.Equal(["Strategic Partnership Group", "Quality Assurance Subgroup"], (await f.Boards.BoardsAsync(Ct)).Select(b => b.Name));

        var member = (await f.Boards.MembersAsync(board.Id, Ct)).Single(m => m.Id == council.Id);
        var early = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Boards.ChangeMemberAsync(council.Id, member.Version, new MemberChange("Chair", null, new DateOnly(2026, 3, 1)), f.BusinessUnit, Ct));
        Assert.Equal("EndOn", early.Problems[0].Field);
        var wrongUser = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Boards.AddMemberAsync(board.Id, new NewMember(f.Health, "Someone", f.PoliceUser.UserId, "Member", null, new DateOnly(2026, 4, 1)), f.BusinessUnit, Ct));
        Assert.Equal("UserId", wrongUser.Problems[0].Field);

        // The business plan: numbered priorities per year, owned by a subgroup, with a note on the improvement plan.
        Assert.Empty(await f.Boards.PlanAsync(Year, Ct));
        var first = await f.Boards.SavePriorityAsync(new PriorityInput(null, 2026, "Neglect", "Recognise neglect early.", board.Id, null, "Workstream 2"), 0, f.BusinessUnit, Ct);
        var second = await f.Boards.SavePriorityAsync(new PriorityInput(null, 2026, "Exploitation", "Safety plans for every child at risk.", null, null, null), 0, f.BusinessUnit, Ct);
        Assert.Equal((1, 2), (first.Number, second.Number));
        var priorityRead = first.Version;
        await f.Boards.SavePriorityAsync(new PriorityInput(first.Id, 2026, "Neglect and early help", "Recognise neglect early.", board.Id, null, null), priorityRead, f.BusinessUnit, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Boards.SavePriorityAsync(new PriorityInput(first.Id, 2026, "Stale", "Stale", null, null, null), priorityRead, f.BusinessUnit, Ct));
        var plan = await f.Boards.PlanAsync(Year, Ct);
        Assert.Equal([("Neglect and early help", (Guid?)board.Id, (string?)null), ("Exploitation", null, null)], plan.Select(p => (p.Title, p.OwnerBoardId, p.ImprovementPlanNote)));
        var missing = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Boards.SavePriorityAsync(new PriorityInput(null, 1999, " ", "", Guid.NewGuid(), null, null), 0, f.BusinessUnit, Ct));
        Assert.Equal(["Title", "Description", "YearStart", "OwnerBoardId"], missing.Problems.Select(p => p.Field));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_priority_names_an_improvement_plan_workstream_which_lists_the_priorities_citing_it(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var plans = f.Journey.Services.Get<Safeguard.ImprovementPlan.PlanService>();
        var plan = await plans.CreateAsync(new Safeguard.ImprovementPlan.NewPlan("Improvement plan 2025-27", new DateOnly(2025, 4, 1), new DateOnly(2027, 3, 31), Safeguard.ImprovementPlan.ReportingFrequency.Quarterly), f.BusinessUnit, Ct);
        var outcome = await plans.AddOutcomeAsync(plan.Id, plan.Version, new Safeguard.ImprovementPlan.OutcomeInput(null, "Identify and support children in need of help", null), f.BusinessUnit, Ct);
        var earlyHelp = await plans.AddWorkstreamAsync(outcome.Id, new Safeguard.ImprovementPlan.WorkstreamInput("Consistent offer of Early Help", f.PoliceUser.UserId, null), f.BusinessUnit, Ct);
        var other = await plans.AddWorkstreamAsync(outcome.Id, new Safeguard.ImprovementPlan.WorkstreamInput("Implement Family Safeguarding", f.PoliceUser.UserId, null), f.BusinessUnit, Ct);
        Assert.Equal(
            [("Consistent offer of Early Help", "Improvement plan 2025-27"), ("Implement Family Safeguarding", "Improvement plan 2025-27")],
            (await f.Boards.WorkstreamChoicesAsync(Ct)).Select(c => (c.Title, c.PlanTitle)));

        var neglect = await f.Boards.SavePriorityAsync(new PriorityInput(null, 2026, "Neglect", "Recognise neglect early.", null, earlyHelp.Id, null), 0, f.BusinessUnit, Ct);
        await f.Boards.SavePriorityAsync(new PriorityInput(null, 2025, "Neglect (last year)", "Recognise neglect early.", null, earlyHelp.Id, "Carried over"), 0, f.BusinessUnit, Ct);
        await f.Boards.SavePriorityAsync(new PriorityInput(null, 2026, "The child's voice", "Wishes and feelings.", null, null, "Not in the improvement plan"), 0, f.BusinessUnit, Ct);
        Assert.Equal([(2026, "Neglect"), (2025, "Neglect (last year)")], (await f.Boards.PrioritiesCitingAsync(earlyHelp.Id, Ct)).Select(p => (p.YearStart, p.Title)));
        Assert.Empty(await f.Boards.PrioritiesCitingAsync(other.Id, Ct));

        // Moved to another workstream from the version read; an unknown workstream is refused beside the drop-down.
        var read = neglect.Version;
        await f.Boards.SavePriorityAsync(new PriorityInput(neglect.Id, 2026, "Neglect", "Recognise neglect early.", null, other.Id, null), read, f.BusinessUnit, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Boards.SavePriorityAsync(new PriorityInput(neglect.Id, 2026, "Neglect", "Stale", null, null, null), read, f.BusinessUnit, Ct));
        Assert.Equal(["Neglect"], (await f.Boards.PrioritiesCitingAsync(other.Id, Ct)).Select(p => p.Title));
        var unknown = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Boards.SavePriorityAsync(new PriorityInput(null, 2026, "Exploitation", "Safety plans.", null, Guid.NewGuid(), null), 0, f.BusinessUnit, Ct));
        Assert.Equal("WorkstreamId", Assert.Single(unknown.Problems).Field);
        var plan2026 = await f.Boards.PlanAsync(Year, Ct);
        Assert.Equal([("Neglect", (Guid?)other.Id, (string?)null), ("The child's voice", null, "Not in the improvement plan")], plan2026.Select(p => (p.Title, p.WorkstreamId, p.ImprovementPlanNote)));
        Assert.True(await f.Journey.Services.Db.AuditEvents.AsNoTracking().CountAsync(e => e.Process == "Governance.SavePriority", Ct) >= 4);
    }
}
