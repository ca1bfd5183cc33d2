using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.InformationGovernance;
using Safeguard.Lado;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Lado;

/// <summary>The worker's own records: a subject access export of the allegations about them, and how long allegations are kept.</summary>
public class LadoRecordsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static LadoAllegation Old(string worker, DateOnly referred, DateOnly? closed, LadoOutcome? outcome) => new()
    {
        WorkerName = worker,
        WorkerRole = "Coach",
        Sector = LadoSector.SportAndLeisure,
        ReferredOn = referred,
        ReferrerName = "A parent",
        Category = LadoCategory.Harm,
        Allegation = "Pushed a child",
        ConsideredOn = referred,
        Decision = LadoDecision.ThresholdMet,
        Outcome = outcome,
        ClosedOn = closed,
        OwnerName = "Lou Lado",
        RecordedByName = "Lou Lado",
    };

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_LADO_exports_the_allegations_about_a_worker_they_tick_with_their_audit_trail_and_no_child_named(DatabaseProvider provider)
    {
        await using var f = await LadoFixture.CreateAsync(provider);
        var export = f.Services.Get<LadoSubjectAccess>();
        var allegation = await f.RecordAsync(D(2026, 11, 20));
        var namesake = Old("jo  BLOGGS", D(2024, 5, 1), D(2024, 6, 1), LadoOutcome.Unfounded);
        var other = Old("Sam Other", D(2024, 5, 1), D(2024, 6, 1), LadoOutcome.Unfounded);
        using (f.Db.BeginProcess("Test.Seed", Actor.System()))
        {
            f.Db.AddRange(namesake, other);
            await f.Db.SaveChangesAsync(Ct);
        }

        f.Db.ChangeTracker.Clear();
        await Assert.ThrowsAsync<LadoAccessRefusedException>(() => export.FindAsync("Jo Bloggs", f.BusinessUnit, Ct));
        await Assert.ThrowsAsync<LadoAccessRefusedException>(() => export.ExportAsync("Jo Bloggs", [allegation.Id], "SAR 14", f.Worker, Ct));

        var matches = await export.FindAsync(" jo bloggs ", f.Officer, Ct);
        Assert.Equal([namesake.Id, allegation.Id], matches.Select(m => m.Id));
        Assert.Equal(("Teaching assistant", "Bury Grammar"), (matches[1].WorkerRole, matches[1].Employer));

        var empty = await Assert.ThrowsAsync<SafeguardValidationException>(() => export.ExportAsync(" ", [], null, f.Officer, Ct));
        Assert.Equal(["WorkerName", "Reason"], empty.Problems.Select(p => p.Field));
        var someoneElse = await Assert.ThrowsAsync<SafeguardValidationException>(() => export.ExportAsync("Jo Bloggs", [allegation.Id, other.Id], "SAR 14", f.Officer, Ct));
        Assert.Equal("Select the allegations about this worker", someoneElse.Problems.Single().Message);

        var file = await export.ExportAsync("Jo Bloggs", [allegation.Id], "SAR 2026/14 from Jo Bloggs", f.Officer, Ct);
        Assert.Equal((1, SubjectAccessFile.ContentType), (file.Records, SubjectAccessFile.ContentType));
        using var zip = new ZipArchive(new MemoryStream(file.Content));
        Assert.Equal(["lado-subject-access.json", "lado-subject-access.xlsx"], zip.Entries.Select(e => e.FullName).Order());
        using var reader = new StreamReader(await zip.GetEntry("lado-subject-access.json")!.OpenAsync(Ct));
        var text = await reader.ReadToEndAsync(Ct);
        Assert.DoesNotContain("Amira", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        var record = json.RootElement.GetProperty("Allegations").EnumerateArray().Single();
        var fields = record.GetProperty("Fields");
        Assert.Equal(("Jo Bloggs", "Bury Grammar", 1, "Harm"), (fields.GetProperty("WorkerName").GetString(), fields.GetProperty("EmployerAgency").GetString(), fields.GetProperty("ChildrenConcerned").GetInt32(), fields.GetProperty("Category").GetString()));
        Assert.Contains("Lado.RecordAllegation", json.RootElement.GetProperty("AuditEvents").EnumerateArray().Select(e => e.GetProperty("Process").GetString()));

        var exported = await f.Db.AuditEvents.AsNoTracking().Where(e => e.Process == LadoSubjectAccess.Process).ToListAsync(Ct);
        Assert.Equal([(allegation.Id.ToString(), AuditAction.Exported, "SAR 2026/14 from Jo Bloggs")], exported.Select(e => (e.EntityId, e.Action, e.Reason)));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Allegations_are_reviewed_ten_years_from_the_referral_and_malicious_ones_deleted_a_year_after_closure(DatabaseProvider provider)
    {
        await using var f = await LadoFixture.CreateAsync(provider);
        var reviewed = Old("Ann Old", D(2016, 6, 1), D(2016, 9, 1), LadoOutcome.Unfounded);
        var stillOpen = Old("Ben Open", D(2016, 1, 4), null, null);
        var recent = Old("Cal Recent", D(2020, 1, 6), D(2020, 3, 2), LadoOutcome.Substantiated);
        var malicious = Old("Dee Malicious", D(2025, 6, 2), D(2025, 10, 1), LadoOutcome.Malicious);
        var maliciousLately = Old("Eve Lately", D(2026, 6, 1), D(2026, 11, 2), LadoOutcome.Malicious);
        malicious.Children.Add(new LadoAllegationChild { AllegationId = malicious.Id, PersonId = f.ChildId });
        using (f.Db.BeginProcess("Test.Seed", Actor.System()))
        {
            f.Db.AddRange(reviewed, stillOpen, recent, malicious, maliciousLately);
            await f.Db.SaveChangesAsync(Ct);
        }

        f.Db.ChangeTracker.Clear();
        var schedule = f.Services.Get<RetentionSchedule>();
        var due = (await schedule.DueAsync(null, null, Actor.System(), Ct)).Where(i => i.RecordType.StartsWith("Lado", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                ("LadoAllegation", stillOpen.Id, D(2026, 1, 4), RetentionAction.Review, "an open allegation"),
                ("LadoAllegation", reviewed.Id, D(2026, 6, 1), RetentionAction.Review, ""),
                ("LadoMaliciousAllegation", malicious.Id, D(2026, 10, 1), RetentionAction.Delete, ""),
            ],
            due.Select(i => (i.RecordType, i.Id, i.DueDate, i.Action, string.Join(", ", i.HeldBy))));

        var refused = await Assert.ThrowsAsync<SafeguardValidationException>(() => schedule.SetRuleAsync("LadoAllegation", 10, RetentionAction.Delete, "Tidy up", Actor.System(), Ct));
        Assert.Equal("Action", refused.Problems.Single().Field);

        var applied = await schedule.ApplyAsync(confirm: true, Actor.System(), Ct);
        Assert.Equal([malicious.Id], applied.Deleted.Where(i => i.RecordType.StartsWith("Lado", StringComparison.Ordinal)).Select(i => i.Id));
        Assert.Equal(["Ann Old", "Ben Open", "Cal Recent", "Eve Lately"], await f.Db.Set<LadoAllegation>().AsNoTracking().OrderBy(a => a.WorkerName).Select(a => a.WorkerName).ToListAsync(Ct));
        Assert.Empty(await f.Db.Set<LadoAllegationChild>().AsNoTracking().ToListAsync(Ct));
        var deletion = await f.Db.AuditEvents.AsNoTracking().SingleAsync(e => e.EntityType == LadoService.EntityType && e.EntityId == malicious.Id.ToString() && e.Process == RetentionSchedule.Process, Ct);
        Assert.Equal(AuditAction.Deleted, deletion.Action);
        Assert.StartsWith("Retention rule LadoMaliciousAllegation: 1 year from the closure, then delete", deletion.Reason, StringComparison.Ordinal);
    }
}
