using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

/// <summary><c>safeguard records restrict | lift-restriction | restriction</c> on a real database.</summary>
public class RecordCommandsTests
{
    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_record_is_restricted_shown_and_lifted_with_reasons_audited_as_the_named_user(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CliHarness.RunWithDatabaseAsync(On(database, "seed", "demo"));
        Guid childId;
        await using (var db = database.NewContext())
        {
            childId = await db.People.Where(p => p.Kind == PersonKind.Child).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);
        }

        var restrict = await CliHarness.RunWithDatabaseAsync(On(database, "records", "restrict", childId.ToString(), "--user", "social.worker", "--by", "team.manager", "--reason", "Staff relative"));
        Assert.Equal(0, restrict.ExitCode);
        Assert.Contains("is restricted to", restrict.Output, StringComparison.Ordinal);

        // A user not on the list cannot see it, from the command line either.
        var hidden = await CliHarness.RunWithDatabaseAsync(On(database, "records", "restriction", childId.ToString(), "--by", "front.door"));
        Assert.Equal(1, hidden.ExitCode);
        var shown = await CliHarness.RunWithDatabaseAsync(On(database, "records", "restriction", childId.ToString(), "--by", "social.worker"));
        Assert.Contains("restricted to", shown.Output, StringComparison.Ordinal);
        Assert.Contains("team.manager", shown.Output, StringComparison.Ordinal);
        Assert.Contains("restricted by Tariq Manager (safeguard CLI): Staff relative", shown.Output, StringComparison.Ordinal);

        var unknown = await CliHarness.RunWithDatabaseAsync(On(database, "records", "restrict", childId.ToString(), "--user", "nobody.here", "--by", "team.manager", "--reason", "x"));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("There is no user called 'nobody.here'", unknown.Error, StringComparison.Ordinal);

        var lift = await CliHarness.RunWithDatabaseAsync(On(database, "records", "lift-restriction", childId.ToString(), "--by", "team.manager", "--reason", "No longer needed"));
        Assert.Equal(0, lift.ExitCode);
        Assert.Contains("no longer restricted", lift.Output, StringComparison.Ordinal);

        await using var check = database.NewContext();
        Assert.False(await check.People.Where(p => p.Id == childId).Select(p => p.IsRestricted).SingleAsync(TestContext.Current.CancellationToken));
        var reasons = await check.AuditEvents.AsNoTracking()
            .Where(e => e.Process == RecordRestriction.Process && e.EntityType == "Person" && e.EntityId == childId.ToString())
            .OrderBy(e => e.Sequence).Select(e => e.Reason).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["Staff relative", "No longer needed"], reasons);
        Assert.True((await AuditTrail.VerifyAsync(check, TestContext.Current.CancellationToken)).Intact);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_subject_access_export_is_written_as_a_user_who_may_make_one_and_audited_with_its_reason(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CliHarness.RunWithDatabaseAsync(On(database, "seed", "demo", "--scale", "0.02"));
        Guid childId;
        await using (var db = database.NewContext())
        {
            childId = await db.NeedEpisodes.OrderBy(e => e.Id).Select(e => e.PersonId).FirstAsync(TestContext.Current.CancellationToken);
        }

        var folder = Directory.CreateTempSubdirectory("safeguard-sar-");
        try
        {
            var path = Path.Combine(folder.FullName, "sar.zip");
            var refused = await CliHarness.RunWithDatabaseAsync(On(database, "records", "sar", childId.ToString(), "--by", "social.worker", "--reason", "SAR-1", "-o", path));
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("--by: social.worker may not make subject access exports", refused.Error, StringComparison.Ordinal);
            var noReason = await CliHarness.RunWithDatabaseAsync(On(database, "records", "sar", childId.ToString(), "--by", "info.governance", "--reason", " ", "-o", path));
            Assert.Equal(1, noReason.ExitCode);
            Assert.Contains("Reason: Enter why the export is being made", noReason.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(path));

            var made = await CliHarness.RunWithDatabaseAsync(On(database, "records", "sar", childId.ToString(), "--by", "info.governance", "--reason", "SAR-2026-7 from the child's father", "-o", path));
            Assert.Equal(0, made.ExitCode);
            Assert.Matches(@"Wrote \d+ records and \d+ audit events to ", made.Output);
            using (var zip = System.IO.Compression.ZipFile.OpenRead(path))
            {
                using var json = await System.Text.Json.JsonDocument.ParseAsync(await zip.GetEntry("subject-access.json")!.OpenAsync(TestContext.Current.CancellationToken), cancellationToken: TestContext.Current.CancellationToken);
                Assert.Contains(json.RootElement.GetProperty("Records").EnumerateArray(), r => r.GetProperty("Type").GetString() == "NeedEpisode");
            }

            await using var check = database.NewContext();
            var audit = await check.AuditEvents.AsNoTracking().SingleAsync(e => e.Process == Safeguard.InformationGovernance.SubjectAccessExport.Process, TestContext.Current.CancellationToken);
            Assert.Equal(("Person", childId.ToString(), "SAR-2026-7 from the child's father", "Ida Governance (safeguard CLI)"), (audit.EntityType, audit.EntityId, audit.Reason, audit.ActorName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
