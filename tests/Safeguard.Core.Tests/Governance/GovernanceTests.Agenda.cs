using Microsoft.EntityFrameworkCore;
using Safeguard.Common;
using Safeguard.Governance;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Governance;

/// <summary>
/// Agenda items as records (ADR 0084): arranged from lines, added, changed, moved and removed while the meeting is
/// planned, each change checked against the item's version; decisions and actions name their item; the registers the
/// command line lists.
/// </summary>
public partial class GovernanceTests
{
    [Theory, ClassData(typeof(BothProviders))]
    public async Task Agenda_items_are_added_changed_moved_and_removed_before_the_meeting_and_checked_against_their_version(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var (board, _, police, _, _) = await SubgroupAsync(f);
        var meeting = await f.Meetings.ArrangeAsync(board.Id, JourneyToday.AddDays(14), "  Welcome \n\nAction log\r\n", f.BusinessUnit, Ct);
        Assert.Equal(["Welcome", "Action log"], (await f.Meetings.AgendaAsync(meeting.Id, Ct)).Select(i => i.Title));

        var exceptions = await f.Meetings.AddAgendaItemAsync(meeting.Id, new AgendaItemInput("Performance exceptions", "Piers Police", f.Police, "Paper 3", "10:45"), f.BusinessUnit, Ct);
        Assert.Equal((3, new TimeOnly(10, 45), "Paper 3"), (exceptions.Number, exceptions.StartsAt, exceptions.PaperReference));
        var versionAdded = exceptions.Version;

        var bad = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Meetings.AddAgendaItemAsync(meeting.Id, new AgendaItemInput(" ", null, Guid.NewGuid(), null, "quarter past ten"), f.BusinessUnit, Ct));
        Assert.Equal(["PresenterAgencyId", "StartsAt", "Title"], bad.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.Contains(bad.Problems, p => p.Message == "Enter the time the item starts as hours and minutes, such as 10:30");

        // Moved to the top; the others move down one place.
        await f.Meetings.MoveAgendaItemAsync(exceptions.Id, exceptions.Version, up: true, f.BusinessUnit, Ct);
        var moved = await f.Meetings.AgendaAsync(meeting.Id, Ct);
        await f.Meetings.MoveAgendaItemAsync(exceptions.Id, moved.Single(i => i.Id == exceptions.Id).Version, up: true, f.BusinessUnit, Ct);
        Assert.Equal([("Performance exceptions", 1), ("Welcome", 2), ("Action log", 3)], (await f.Meetings.AgendaAsync(meeting.Id, Ct)).Select(i => (i.Title, i.Number)));
        var first = await Assert.ThrowsAsync<SafeguardValidationException>(async () =>
            await f.Meetings.MoveAgendaItemAsync(exceptions.Id, (await f.Meetings.AgendaAsync(meeting.Id, Ct))[0].Version, up: true, f.BusinessUnit, Ct));
        Assert.Equal("Item 1 is already first", first.Problems[0].Message);

        // A change made from an older version is refused, and leaves the item as it was.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Meetings.ChangeAgendaItemAsync(exceptions.Id, versionAdded, new AgendaItemInput("Stale", null, null, null, null), f.BusinessUnit, Ct));
        var current = (await f.Meetings.AgendaAsync(meeting.Id, Ct))[0];
        Assert.Equal("Performance exceptions", current.Title);
        await f.Meetings.ChangeAgendaItemAsync(current.Id, current.Version, new AgendaItemInput("Exceptions report", "Dee Data", null, "QA/2026/14", "9:30"), f.BusinessUnit, Ct);
        current = (await f.Meetings.AgendaAsync(meeting.Id, Ct))[0];
        Assert.Equal(("Exceptions report", "Dee Data", (Guid?)null, "QA/2026/14", (TimeOnly?)new TimeOnly(9, 30)), (current.Title, current.Presenter, current.PresenterAgencyId, current.PaperReference, current.StartsAt));

        // Removed: the items after it move up; an item with a decision or an action under it stays.
        var welcome = (await f.Meetings.AgendaAsync(meeting.Id, Ct))[1];
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Meetings.RemoveAgendaItemAsync(welcome.Id, welcome.Version - 1, f.BusinessUnit, Ct));
        await f.Meetings.RemoveAgendaItemAsync(welcome.Id, welcome.Version, f.BusinessUnit, Ct);
        Assert.Equal([("Exceptions report", 1), ("Action log", 2)], (await f.Meetings.AgendaAsync(meeting.Id, Ct)).Select(i => (i.Title, i.Number)));
        await f.Meetings.AddDecisionAsync(meeting.Id, current.Id, "The report goes to the business group", f.BusinessUnit, Ct);
        current = (await f.Meetings.AgendaAsync(meeting.Id, Ct))[0];
        var held = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Meetings.RemoveAgendaItemAsync(current.Id, current.Version, f.BusinessUnit, Ct));
        Assert.Equal("Item 1 (Exceptions report) has 1 decision(s) and 0 action(s) recorded under it: it cannot be removed", held.Problems[0].Message);

        var events = await f.Journey.Services.Db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(AgendaItem)).Select(e => e.Process).Distinct().ToListAsync(Ct);
        Assert.Equal(["Governance.AddAgendaItem", "Governance.ArrangeMeeting", "Governance.ChangeAgendaItem", "Governance.MoveAgendaItem", "Governance.RemoveAgendaItem"], events.Order(StringComparer.Ordinal));
        _ = police;
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_held_meetings_agenda_stays_and_decisions_and_actions_name_an_item_of_their_own_meeting(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var (board, council, police, health, _) = await SubgroupAsync(f);
        var meeting = await HeldAsync(f, board.Id, new DateOnly(2026, 10, 14), (council.Id, AttendanceStatus.Present), (police.Id, AttendanceStatus.Present), (health.Id, AttendanceStatus.Absent));
        var other = await f.Meetings.ArrangeAsync(board.Id, JourneyToday.AddDays(7), "Elsewhere", f.BusinessUnit, Ct);
        var agenda = await f.Meetings.AgendaAsync(meeting.Id, Ct);
        var elsewhere = (await f.Meetings.AgendaAsync(other.Id, Ct)).Single();

        var closed = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Meetings.AddAgendaItemAsync(meeting.Id, new AgendaItemInput("Late item", null, null, null, null), f.BusinessUnit, Ct));
        Assert.Equal("The meeting was held: its agenda stays as it was", closed.Problems[0].Message);
        await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Meetings.MoveAgendaItemAsync(agenda[1].Id, agenda[1].Version, up: true, f.BusinessUnit, Ct));

        var decision = await f.Meetings.AddDecisionAsync(meeting.Id, agenda[1].Id, "The log is closed", f.BusinessUnit, Ct);
        var loose = await f.Meetings.AddDecisionAsync(meeting.Id, "Thanks to the chair", f.BusinessUnit, Ct);
        var action = await f.Meetings.AddActionAsync(meeting.Id, new NewAction("Send the log", police.Id, null, null, new DateOnly(2026, 11, 30), agenda[1].Id), f.BusinessUnit, Ct);
        Assert.Equal((agenda[1].Id, (Guid?)null, (Guid?)agenda[1].Id), (decision.AgendaItemId!.Value, loose.AgendaItemId, action.AgendaItemId));

        var wrong = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Meetings.AddDecisionAsync(meeting.Id, elsewhere.Id, "Not here", f.BusinessUnit, Ct));
        Assert.Equal(("AgendaItemId", "Select an item of this meeting's agenda, or none"), (wrong.Problems[0].Field, wrong.Problems[0].Message));
        await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Meetings.AddActionAsync(meeting.Id, new NewAction("Not here", police.Id, null, null, new DateOnly(2026, 11, 30), elsewhere.Id), f.BusinessUnit, Ct));

        // The registers the command line lists.
        var registers = f.Journey.Services.Get<GovernanceRegisters>();
        var line = (await registers.MeetingsAsync(board.Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), Ct)).Single();
        Assert.Equal((2, 3, 2, 2, 1), (line.AgendaItems, line.Expected, line.Attended, line.Decisions, line.Actions));
        Assert.Equal([(board.Name, 0, 3)], (await registers.BoardsAsync(Ct)).Select(b => (b.Board.Name, b.Depth, b.Members)));
        var log = (await registers.ActionsAsync(overdueOnly: false, cancellationToken: Ct)).Single();
        Assert.Equal(("Action log", new DateOnly(2026, 10, 14)), (log.AgendaItem!.Title, log.MeetingOn));
        Assert.Empty(await registers.ActionsAsync(overdueOnly: true, cancellationToken: Ct));
    }

    private static DateOnly JourneyToday => Safeguard.Core.Tests.Journey.JourneyFixture.Today;
}
