using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Core.Tests.Interchange.Ssda903;
using Safeguard.Core.Tests.Journey;
using Safeguard.Identity;
using Safeguard.Interchange.Ssda903;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.LookedAfter;

/// <summary>
/// A looked-after child's health and wellbeing a year (docs/adr/0089): checked against the return's rules for the
/// child's age, versioned and audited; written to OC2 for the 12-month cohort with the health assessment and dental
/// check items worked out from the dated checks, an item not recorded written blank and listed, never guessed; read
/// back from a return's OC2, idempotent, and a corrected return updating what it corrects.
/// </summary>
public sealed class WellbeingOc2Tests : IDisposable
{
    private const int Year = 2024;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "oc2-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static readonly WellbeingDetails Complete = new()
    {
        SdqScore = 12,
        SdqDoneOn = D(2024, 10, 1),
        ImmunisationsUpToDate = true,
        ImmunisationsAsAt = D(2024, 9, 1),
        SubstanceMisuse = false,
    };

    /// <summary>The journey's child (born 14 March 2018, council id KHA5) looked after since 1 June 2023, so in the 2024-25 cohort.</summary>
    private static async Task<JourneyFixture> LookedAfterAsync(DatabaseProvider provider)
    {
        var journey = await JourneyFixture.CreateAsync(provider);
        var db = journey.Services.Db;
        var user = new User { DisplayName = "Ira Reviewing", UserName = "ira.reviewing", AgencyId = journey.Worker.AgencyId!.Value, CreatedAt = JourneyFixture.Now };
        var child = await db.People.SingleAsync(p => p.Id == journey.ChildId, Ct);
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.Add(user);
            child.Upn = UniquePupilNumber.ExpectedCheckLetter("A201123412345") + "201123412345";
            await db.SaveChangesAsync(Ct);
        }

        db.ChangeTracker.Clear();
        await journey.Services.Get<LookedAfterService>().StartAsync(journey.ChildId, new StartDetails
        {
            StartedOn = D(2023, 6, 1),
            LegalStatus = "C2",
            CategoryOfNeed = "N1",
            PlacementType = "U1",
            PlacementProvider = "PR1",
            PlacementPostcode = "BL9 0EJ",
            HomePostcode = "BL8 1AA",
            PlacementUrn = "SC123456",
            IroUserId = user.Id,
        }, journey.Worker, Ct);
        return journey;
    }

    private static async Task<IReadOnlyList<ValidationProblem>> RefusedAsync(Func<Task> act) =>
        (await Assert.ThrowsAsync<SafeguardValidationException>(act)).Problems;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_record_is_checked_against_the_returns_rules_for_the_childs_age_versioned_and_audited(DatabaseProvider provider)
    {
        await using var journey = await LookedAfterAsync(provider);
        var service = journey.Services.Get<WellbeingService>();
        var db = journey.Services.Db;
        var child = journey.ChildId;

        // The child is 7 on 31 March 2025: no convictions (under 10), no development checks (5 or over), SDQ1 is for other ages.
        var refused = await RefusedAsync(() => service.RecordAsync(child, Year, null, Complete with
        {
            SdqReason = "SDQ2",
            Convicted = false,
            DevelopmentChecksUpToDate = true,
            SubstanceMisuse = true,
        }, journey.Worker, Ct));
        Assert.Equal(["SdqReason", "DevelopmentChecks", "Convicted", "InterventionReceived"], refused.Select(p => p.Field));
        Assert.Contains("542", refused.Single(p => p.Field == "Convicted").Message, StringComparison.Ordinal);
        Assert.Equal(["SdqReason"], (await RefusedAsync(() => service.RecordAsync(child, Year, null, new WellbeingDetails { SdqReason = "SDQ1" }, journey.Worker, Ct))).Select(p => p.Field));
        Assert.Equal(["SdqDoneOn", "ImmunisationsAsAt"], (await RefusedAsync(() => service.RecordAsync(child, Year, null, Complete with { SdqDoneOn = D(2025, 4, 1), ImmunisationsAsAt = null }, journey.Worker, Ct))).Select(p => p.Field));
        Assert.Equal(["SdqScore"], (await RefusedAsync(() => service.RecordAsync(child, Year, null, Complete with { SdqScore = 41 }, journey.Worker, Ct))).Select(p => p.Field));
        Assert.Equal(["Year"], (await RefusedAsync(() => service.RecordAsync(child, 2022, null, new WellbeingDetails { SubstanceMisuse = false }, journey.Worker, Ct))).Select(p => p.Field));
        Assert.Equal(["InterventionOffered"], (await RefusedAsync(() => service.RecordAsync(child, Year, null, Complete with { SubstanceMisuse = true, InterventionReceived = false }, journey.Worker, Ct))).Select(p => p.Field));
        Assert.Equal(0, await db.Set<WellbeingRecord>().CountAsync(Ct));

        // A partial record is kept: what is not known stays not recorded.
        var first = await service.RecordAsync(child, Year, null, new WellbeingDetails { SubstanceMisuse = false }, journey.Worker, Ct);
        var view = Assert.IsType<WellbeingView>(await service.ForChildAsync(child, Year, journey.Worker, Ct));
        Assert.True(view.InCohort && view.AsksSdq && !view.AsksConvictions && !view.AsksDevelopmentChecks);
        Assert.Equal(["SDQ_SCORE or SDQ_REASON", "IMMUNISATIONS"], view.Oc2.NotRecorded);
        Assert.Equal(("0", "0"), (view.Oc2.HealthAssessment, view.Oc2.TeethCheck));

        // A new record when one is kept, or a change from a version since changed, is refused as a conflict.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.RecordAsync(child, Year, null, Complete, journey.Worker, Ct));
        var changed = await service.RecordAsync(child, Year, first.Version, Complete with { SubstanceMisuse = true, InterventionReceived = false, InterventionOffered = true }, journey.Worker, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.RecordAsync(child, Year, first.Version, Complete, journey.Worker, Ct));
        var kept = await db.Set<WellbeingRecord>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal((12, D(2024, 10, 1), (string?)null, true, true, false, true), (kept.SdqScore!.Value, kept.SdqDoneOn!.Value, kept.SdqReason, kept.ImmunisationsUpToDate!.Value, kept.SubstanceMisuse!.Value, kept.InterventionReceived!.Value, kept.InterventionOffered!.Value));
        Assert.Equal(changed.Version, kept.Version);

        var audit = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == WellbeingService.EntityType).OrderBy(e => e.Sequence).Select(e => new { e.Process, e.Action }).ToListAsync(Ct);
        Assert.Equal([AuditAction.Created, AuditAction.Updated], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("LookedAfter.RecordWellbeing", a.Process));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Process == "LookedAfter.ViewWellbeing" && e.Action == AuditAction.Viewed && e.EntityId == child.ToString(), Ct));
        Assert.Null(await service.ForChildAsync(child, 1999, journey.Worker, Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_export_writes_oc2_for_the_cohort_from_the_records_and_lists_the_children_with_items_not_recorded(DatabaseProvider provider)
    {
        await using var journey = await LookedAfterAsync(provider);
        var service = journey.Services.Get<WellbeingService>();
        var lookedAfter = journey.Services.Get<LookedAfterService>();
        var export = journey.Services.Get<Ssda903ExportService>();
        await lookedAfter.RecordHealthCheckAsync(journey.ChildId, new HealthCheckDetails { Kind = HealthCheckKind.HealthAssessment, DoneOn = D(2024, 7, 1), DoneBy = "Dr Patel" }, journey.Worker, Ct);
        await lookedAfter.RecordHealthCheckAsync(journey.ChildId, new HealthCheckDetails { Kind = HealthCheckKind.DentalCheck, DoneOn = D(2023, 11, 1), DoneBy = "Bury Dental" }, journey.Worker, Ct);

        // No record: a row with what the records say (an assessment in the year, no dental check in it) and blanks, listed.
        var missing = await export.ExportAsync(_folder, Ssda903Fixture.Collection, journey.Worker, Ct);
        Assert.Equal(["CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED", "KHA5,14/03/2018,,,,,,0,1,,,"], File.ReadAllLines(Path.Combine(_folder, "oc2.csv")));
        Assert.Equal(["KHA5: SDQ_SCORE or SDQ_REASON, IMMUNISATIONS, SUBSTANCE_MISUSE"], missing.Oc2NotRecorded);
        var (_, issues) = Ssda903Validator.Validate([.. Ssda903File.FromPaths([_folder])], Ssda903Fixture.Collection);
        Assert.Contains(issues, i => i.Rule == "191" && i.ChildId == "KHA5");
        Assert.Contains(issues, i => i.Rule == "186" && i.ChildId == "KHA5");

        await lookedAfter.RecordHealthCheckAsync(journey.ChildId, new HealthCheckDetails { Kind = HealthCheckKind.DentalCheck, DoneOn = D(2024, 11, 1), DoneBy = "Bury Dental" }, journey.Worker, Ct);
        await service.RecordAsync(journey.ChildId, Year, null, Complete, journey.Worker, Ct);
        var complete = await export.ExportAsync(_folder, Ssda903Fixture.Collection, journey.Worker, Ct);
        Assert.Empty(complete.Oc2NotRecorded);
        Assert.Contains(("OC2", 1), complete.Files.Select(f => (f.Table, f.Rows)));
        Assert.Equal("KHA5,14/03/2018,12,,,,1,1,1,0,,", File.ReadAllLines(Path.Combine(_folder, "oc2.csv"))[1]);
        // The child has no allocation to a named social worker here, so the return's social worker episodes are left out
        // (with them, SW01 would report the child: Ssda903SwEpisodesTests covers that table).
        File.Delete(Path.Combine(_folder, "swepisodes.csv"));
        (_, issues) = Ssda903Validator.Validate([.. Ssda903File.FromPaths([_folder])], Ssda903Fixture.Collection);
        Assert.Empty(issues.Select(i => $"{i.Rule} {i.Table} {i.Line}: {i.Message}"));

        // The year before: looked after from 1 June 2023, not for 12 months at 31 March 2024, so no row.
        await export.ExportAsync(_folder, Safeguard.Interchange.Cin.CinCollection.Parse("2023-24"), journey.Worker, Ct);
        Assert.Single(File.ReadAllLines(Path.Combine(_folder, "oc2.csv")));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Oc2_is_read_into_the_records_again_changing_nothing_and_a_corrected_row_updates_them(DatabaseProvider provider)
    {
        await using var journey = await LookedAfterAsync(provider);
        await journey.Services.Get<WellbeingService>().RecordAsync(journey.ChildId, Year, null, Complete, journey.Worker, Ct);
        await journey.Services.Get<Ssda903ExportService>().ExportAsync(_folder, Ssda903Fixture.Collection, journey.Worker, Ct);
        File.Delete(Path.Combine(_folder, "swepisodes.csv")); // no named social worker here (SW01 would refuse the return)
        var import = journey.Services.Get<Ssda903ImportService>();
        var options = new Ssda903ImportOptions { Collection = Ssda903Fixture.Collection };

        // The exported return read back into the records it came from changes nothing.
        var again = await import.ImportAsync([.. Ssda903File.FromPaths([_folder])], options, journey.Worker, Ct);
        Assert.Equal((0, 0, 1), Tally(again));
        Assert.Contains(again.Notes, n => n.StartsWith("1 OC2 row: HEALTH_ASSESSMENT and TEETH_CHECK are not imported", StringComparison.Ordinal));

        // Into a new area: a record for the year, with no dates (the return has none).
        await using var other = await JourneyFixture.CreateAsync(provider);
        var otherImport = other.Services.Get<Ssda903ImportService>();
        var created = await otherImport.ImportAsync([.. Ssda903File.FromPaths([_folder])], options, other.Worker, Ct);
        Assert.Equal((1, 0, 0), Tally(created));
        var record = await other.Services.Db.Set<WellbeingRecord>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal((Year, 12, (DateOnly?)null, true, (DateOnly?)null, false, Ssda903ImportService.WellbeingRecordedBy), (record.Year, record.SdqScore!.Value, record.SdqDoneOn, record.ImmunisationsUpToDate!.Value, record.ImmunisationsAsAt, record.SubstanceMisuse!.Value, record.RecordedByName));
        var events = await other.Services.Db.AuditEvents.CountAsync(e => e.EntityType == WellbeingService.EntityType, Ct);
        Assert.Equal(1, events);
        Assert.Equal((0, 0, 1), Tally(await otherImport.ImportAsync([.. Ssda903File.FromPaths([_folder])], options, other.Worker, Ct)));
        Assert.Equal(events, await other.Services.Db.AuditEvents.CountAsync(e => e.EntityType == WellbeingService.EntityType, Ct));

        // A corrected row: another score (the recorded date goes: the return has none), immunisations not up to date.
        var oc2 = Path.Combine(_folder, "oc2.csv");
        var lines = File.ReadAllLines(oc2);
        File.WriteAllLines(oc2, [lines[0], "KHA5,14/03/2018,15,,,,0,1,1,0,,"]);
        var corrected = await import.ImportAsync([.. Ssda903File.FromPaths([_folder])], options, journey.Worker, Ct);
        Assert.Equal((0, 1, 0), Tally(corrected));
        var changed = await journey.Services.Db.Set<WellbeingRecord>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal(((int?)15, (DateOnly?)null, (string?)null, false, (DateOnly?)null), (changed.SdqScore, changed.SdqDoneOn, changed.SdqReason, changed.ImmunisationsUpToDate!.Value, changed.ImmunisationsAsAt));
    }

    private static (int, int, int) Tally(Ssda903ImportResult result) =>
        (result.Tallies[Ssda903RecordKind.Wellbeing].Created, result.Tallies[Ssda903RecordKind.Wellbeing].Changed, result.Tallies[Ssda903RecordKind.Wellbeing].Unchanged);
}
