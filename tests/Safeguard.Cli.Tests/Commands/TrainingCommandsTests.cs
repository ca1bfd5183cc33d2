using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Training;

namespace Safeguard.Cli.Tests.Commands;

public class TrainingCommandsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_figures_count_places_attendance_and_confidence_for_the_year(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await database.MigratedContextAsync(clock)).DisposeAsync();
        await using (var services = database.Services(clock))
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var police = new Agency { Name = "Police", Code = "GMP", Type = AgencyType.Police };
            using (db.BeginProcess("Test.Seed", Actor.System()))
            {
                db.Add(police);
                await db.SaveChangesAsync(Ct);
            }

            var training = scope.ServiceProvider.GetRequiredService<TrainingService>();
            var bookings = scope.ServiceProvider.GetRequiredService<TrainingBookingService>();
            var course = await training.CreateCourseAsync(new CourseInput("Safer recruitment", "Recruit safely", "Recruiters", null), Actor.System(), Ct);
            var session = await training.AddSessionAsync(course.Id, new SessionInput(new DateOnly(2026, 11, 23), true, null, "Lou Lado", 20), Actor.System(), Ct);
            var lead = new Actor(Guid.NewGuid(), "Dev Data", police.Id);
            var one = await bookings.BookAsync(new BookingInput(session.Id, "PC One", "Police officer or staff"), lead, Ct);
            var two = await bookings.BookAsync(new BookingInput(session.Id, "PC Two", "Police officer or staff"), lead, Ct);
            await training.RecordAttendanceAsync(session.Id, new Dictionary<Guid, (int, Attendance)> { [one.Id] = (one.Version, Attendance.Attended), [two.Id] = (two.Version, Attendance.DidNotAttend) }, Actor.System(), Ct);
            var version = await db.Set<TrainingBooking>().Where(b => b.Id == one.Id).Select(b => b.Version).SingleAsync(Ct);
            await training.RecordEvaluationAsync(one.Id, version, 2, 5, null, Actor.System(), Ct);
        }

        var result = await CliHarness.RunWithDatabaseAsync(On(database, "training", "figures", "--year", "2026"), clock);
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        var rows = result.OutputLines.Skip(1).Select(l => System.Text.RegularExpressions.Regex.Split(l.TrimEnd(), "  +")).ToList();
        Assert.Contains(["Sessions delivered", "2026-27", "1"], rows);
        Assert.Contains(["Places offered", "20"], rows);
        Assert.Contains(["Did not attend", "50.0%", "1"], rows);
        Assert.Contains(["Attended by agency", "Police", "1 of 2 (did not attend 50.0%)"], rows);
        Assert.Contains(["Change in confidence", "3.00"], rows);

        var bad = await CliHarness.RunWithDatabaseAsync(On(database, "training", "figures", "--year", "99"), clock);
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("--year", bad.Error, StringComparison.Ordinal);
    }
}
