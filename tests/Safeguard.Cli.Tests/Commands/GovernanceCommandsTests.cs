using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Governance;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

public class GovernanceCommandsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];

    private static List<string[]> Rows(CliHarness.Result result) =>
        result.OutputLines.Select(l => System.Text.RegularExpressions.Regex.Split(l.TrimEnd(), "  +")).ToList();

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Boards_meetings_attendance_and_the_action_log_are_listed_as_table_csv_and_json(DatabaseProvider provider)
    {
        // Monday 23 November 2026: reporting year 2026-27, Q3.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await database.MigratedContextAsync(clock)).DisposeAsync();
        await using (var services = database.Services(clock))
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var police = new Agency { Name = "Police", Code = "GMP", Type = AgencyType.Police };
            var council = new Agency { Name = "Council", Code = "LA", Type = AgencyType.ChildrensSocialCare };
            using (db.BeginProcess("Test.Seed", Actor.System()))
            {
                db.AddRange(police, council);
                await db.SaveChangesAsync(Ct);
            }

            var boards = scope.ServiceProvider.GetRequiredService<BoardService>();
            var meetings = scope.ServiceProvider.GetRequiredService<MeetingService>();
            var actor = Actor.System();
            var strategic = await boards.CreateAsync(new NewBoard("Strategic Group", BoardKind.Executive, null, 2), actor, Ct);
            var qa = await boards.CreateAsync(new NewBoard("QA Subgroup", BoardKind.Subgroup, strategic.Id, null), actor, Ct);
            var start = new DateOnly(2026, 4, 1);
            var chair = await boards.AddMemberAsync(qa.Id, new NewMember(council.Id, "Chair Council", null, "Chair", null, start), actor, Ct);
            var officer = await boards.AddMemberAsync(qa.Id, new NewMember(police.Id, "Officer Police", null, "Member", null, start), actor, Ct);
            await boards.AddMemberAsync(strategic.Id, new NewMember(council.Id, "Director", null, "Chair", null, start), actor, Ct);

            // June: both there. October: the police member absent.
            foreach (var (on, policeStatus, weeks) in new[] { (new DateOnly(2026, 6, 10), AttendanceStatus.Present, 4), (new DateOnly(2026, 10, 14), AttendanceStatus.Absent, 8) })
            {
                var meeting = await meetings.ArrangeAsync(qa.Id, on, "Apologies\nAudit findings", actor, Ct);
                await meetings.RecordAttendanceAsync(meeting.Id, meeting.Version, [new(chair.Id, AttendanceStatus.Present, null), new(officer.Id, policeStatus, null)], actor, Ct);
                var item = (await meetings.AgendaAsync(meeting.Id, Ct))[1];
                await meetings.AddActionAsync(meeting.Id, new NewAction($"Report on {on:MMMM}", officer.Id, null, null, on.AddDays(7 * weeks), item.Id), actor, Ct);
            }

            await meetings.ArrangeAsync(qa.Id, new DateOnly(2026, 12, 9), null, actor, Ct);
        }

        var boardsTable = await CliHarness.RunWithDatabaseAsync(On(database, "governance", "boards"), clock);
        Assert.Equal((0, ""), (boardsTable.ExitCode, boardsTable.Error));
        var rows = Rows(boardsTable);
        Assert.Equal(["Board", "Kind", "Reports to", "Members", "Quorum", "Terms review due", "Id"], rows[0]);
        Assert.Equal(["Strategic Group", "Strategic partnership", "1", "2"], rows[1][..4]);
        Assert.StartsWith("  QA Subgroup  ", boardsTable.OutputLines[2], StringComparison.Ordinal); // indented under the board it reports to
        Assert.Equal(["", "QA Subgroup", "Subgroup", "Strategic Group", "2"], rows[2][..5]);

        var meetingsTable = await CliHarness.RunWithDatabaseAsync(On(database, "governance", "meetings", "--board", "qa subgroup", "--from", "2026-10-01"), clock);
        Assert.Equal((0, ""), (meetingsTable.ExitCode, meetingsTable.Error));
        rows = Rows(meetingsTable);
        Assert.Equal(3, rows.Count);
        Assert.Equal(["2026-10-14", "QA Subgroup", "Held", "2", "1 of 2", "0", "1"], rows[1][..7]);
        Assert.Equal(["2026-12-09", "QA Subgroup", "Planned", "0"], rows[2][..4]);

        var attendance = await CliHarness.RunWithDatabaseAsync(On(database, "governance", "attendance", "--year", "2026", "--format", "csv"), clock);
        Assert.Equal((0, ""), (attendance.ExitCode, attendance.Error));
        Assert.Equal(
            ["Agency,Expected,Attended,By deputy,Apologies,Absent,Rate,Q1,Q2,Q3,Q4", "Council,2,2,0,0,0,100.0%,100.0%,,100.0%,", "Police,2,1,0,0,1,50.0%,100.0%,,0.0%,", "All agencies,4,3,0,0,1,75.0%,100.0%,,50.0%,"],
            attendance.OutputLines.Select(l => l.TrimEnd('\r')));

        var overdue = await CliHarness.RunWithDatabaseAsync(On(database, "governance", "actions", "--overdue", "--format", "json"), clock);
        Assert.Equal((0, ""), (overdue.ExitCode, overdue.Error));
        using (var json = JsonDocument.Parse(overdue.Output))
        {
            var action = Assert.Single(json.RootElement.EnumerateArray());
            Assert.Equal(("Report on June", "Overdue", "2. Audit findings", "Officer Police", "Police", "2026-07-08"),
                (action.GetProperty("Action").GetString(), action.GetProperty("Status").GetString(), action.GetProperty("Agenda item").GetString(), action.GetProperty("Owner").GetString(), action.GetProperty("Agency").GetString(), action.GetProperty("Due").GetString()));
        }

        var all = await CliHarness.RunWithDatabaseAsync(On(database, "governance", "actions"), clock);
        Assert.Equal(3, all.OutputLines.Length);
        Assert.Equal(["2026-07-08", "Overdue"], Rows(all)[1][..2]);
        Assert.Equal(["2026-12-09", "Open"], Rows(all)[2][..2]);

        // Bad input names the option, with exit code 1 and nothing on the output.
        var noBoard = await CliHarness.RunWithDatabaseAsync(On(database, "governance", "meetings", "--board", "Nowhere"), clock);
        Assert.Equal((1, ""), (noBoard.ExitCode, noBoard.Output));
        Assert.StartsWith("--board: there is no board named 'Nowhere'. The boards are: Strategic Group; QA Subgroup.", noBoard.Error, StringComparison.Ordinal);
        var badDate = await CliHarness.RunWithDatabaseAsync(On(database, "governance", "meetings", "--from", "2026-02-30"), clock);
        Assert.Equal((1, "--from: '2026-02-30' is not a date: February 2026 has 28 days.\n"), (badDate.ExitCode, badDate.Error));
        var backwards = await CliHarness.RunWithDatabaseAsync(On(database, "governance", "meetings", "--from", "2026-10-01", "--to", "2026-09-01"), clock);
        Assert.Equal(1, backwards.ExitCode);
        Assert.Contains("--to", backwards.Error, StringComparison.Ordinal);
        var badYear = await CliHarness.RunWithDatabaseAsync(On(database, "governance", "attendance", "--year", "26"), clock);
        Assert.NotEqual(0, badYear.ExitCode);
        Assert.Contains("--year", badYear.Error, StringComparison.Ordinal);
        var notAYear = await CliHarness.RunWithDatabaseAsync(On(database, "governance", "attendance", "--year", "abc"), clock);
        Assert.Equal((1, ""), (notAYear.ExitCode, notAYear.Output));
        Assert.Contains("'abc'", notAYear.Error, StringComparison.Ordinal);
        Assert.Contains("--year", notAYear.Error, StringComparison.Ordinal);
        var badFormat = await CliHarness.RunWithDatabaseAsync(On(database, "governance", "boards", "--format", "xml"), clock);
        Assert.NotEqual(0, badFormat.ExitCode);
        var none = await CliHarness.RunWithDatabaseAsync(On(database, "governance", "attendance", "--year", "2024"), clock);
        Assert.Equal((0, "No meeting was held in 2024-25.\n"), (none.ExitCode, none.Output));
    }
}
