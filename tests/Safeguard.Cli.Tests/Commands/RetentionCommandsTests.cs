using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.FrontDoor;
using Safeguard.InformationGovernance;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

/// <summary><c>safeguard retention rules | set-rule | due | apply</c> on the demo data.</summary>
public class RetentionCommandsTests
{
    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];

    private static Task<int> NfaContactsAsync(SafeguardDbContext db) =>
        db.Contacts.CountAsync(c => c.Decision == ContactDecision.NoFurtherAction || c.Decision == ContactDecision.InformationAndAdvice, TestContext.Current.CancellationToken);

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_schedule_is_listed_and_applied_after_a_dry_run_as_a_user_who_may_and_deletions_are_audited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // A small area (about 860 children with their years of activity): the schedule reads every record of each type.
        await CliHarness.RunWithDatabaseAsync(On(database, "seed", "demo", "--scale", "0.02"));
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(10));

        var refused = await CliHarness.RunWithDatabaseAsync(On(database, "retention", "due", "--by", "social.worker"));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--by: social.worker may not run the retention schedule", refused.Error, StringComparison.Ordinal);
        var notDeletable = await CliHarness.RunWithDatabaseAsync(On(database, "retention", "set-rule", "ChildRecord", "--years", "25", "--action", "delete", "--reason", "x", "--by", "info.governance"));
        Assert.Equal(1, notDeletable.ExitCode);
        Assert.Contains("Action: ChildRecord records can only be reviewed", notDeletable.Error, StringComparison.Ordinal);

        var set = await CliHarness.RunWithDatabaseAsync(On(database, "retention", "set-rule", "NfaContact", "--years", "1", "--action", "delete", "--reason", "Information governance board, minute 12", "--by", "info.governance"));
        Assert.Equal(0, set.ExitCode);
        Assert.Equal("NfaContact: 1 year from the decision, then delete.\n", set.Output);
        var rules = await CliHarness.RunWithDatabaseAsync(On(database, "retention", "rules", "--by", "info.governance"));
        Assert.Contains("Ida Governance (safeguard CLI) on", rules.Output, StringComparison.Ordinal);
        Assert.Contains("25 years from the child's date of birth, then review", rules.Output, StringComparison.Ordinal);

        var asAt = DateOnly.FromDateTime(later.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var json = await CliHarness.RunWithDatabaseAsync(On(database, "retention", "due", "--as-at", asAt, "--type", "NfaContact", "--format", "json", "--by", "info.governance"));
        Assert.Equal(0, json.ExitCode);
        var due = JsonDocument.Parse(json.Output).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(due);
        Assert.All(due, d => Assert.Equal("NfaContact", d.GetProperty("RecordType").GetString()));
        var deletable = due.Count(d => d.GetProperty("HeldBy").GetArrayLength() == 0);

        // Closed escalations are deleted six years after closure too (ADR 0083): the schedule deletes both types.
        var escalationsDue = await CliHarness.RunWithDatabaseAsync(On(database, "retention", "due", "--as-at", asAt, "--type", "Escalation", "--format", "json", "--by", "info.governance"));
        Assert.Equal(0, escalationsDue.ExitCode);
        var escalations = JsonDocument.Parse(escalationsDue.Output).RootElement.EnumerateArray().Count(d => d.GetProperty("HeldBy").GetArrayLength() == 0);
        var csv = await CliHarness.RunWithDatabaseAsync(On(database, "retention", "due", "--as-at", asAt, "--type", "NfaContact", "--format", "csv", "--by", "info.governance"));
        Assert.StartsWith("Type,Id,Rule,Due,Action,Held by", csv.Output, StringComparison.Ordinal);
        var badDate = await CliHarness.RunWithDatabaseAsync(On(database, "retention", "due", "--as-at", "2030-02-30", "--by", "info.governance"));
        Assert.Equal(1, badDate.ExitCode);
        Assert.StartsWith("--as-at: '2030-02-30'", badDate.Error, StringComparison.Ordinal);

        int before;
        await using (var db = database.NewContext())
        {
            before = await NfaContactsAsync(db);
        }

        var dryRun = await CliHarness.RunWithDatabaseAsync(On(database, "retention", "apply", "--by", "info.governance"), later);
        Assert.Equal(0, dryRun.ExitCode);
        Assert.StartsWith($"Dry run: {deletable + escalations} record(s) would be deleted; nothing has been.", dryRun.Output, StringComparison.Ordinal);
        await using (var db = database.NewContext())
        {
            Assert.Equal(before, await NfaContactsAsync(db));
        }

        var applied = await CliHarness.RunWithDatabaseAsync(On(database, "retention", "apply", "--confirm", "--by", "info.governance"), later);
        Assert.Equal(0, applied.ExitCode);
        Assert.StartsWith($"Deleted {deletable + escalations} record(s).", applied.Output, StringComparison.Ordinal);
        await using (var db = database.NewContext())
        {
            Assert.Equal(before - deletable, await NfaContactsAsync(db));
            Assert.Equal(deletable, await db.AuditEvents.CountAsync(e => e.Process == RetentionSchedule.Process && e.EntityType == "Contact" && e.Action == AuditAction.Deleted, TestContext.Current.CancellationToken));
            Assert.True((await AuditTrail.VerifyAsync(db, TestContext.Current.CancellationToken)).Intact);
        }

        var again = await CliHarness.RunWithDatabaseAsync(On(database, "retention", "apply", "--by", "info.governance"), later);
        Assert.StartsWith("Dry run: 0 record(s) would be deleted", again.Output, StringComparison.Ordinal);
    }
}
