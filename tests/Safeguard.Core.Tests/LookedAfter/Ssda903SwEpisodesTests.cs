using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Core.Tests.Interchange.Ssda903;
using Safeguard.Core.Tests.Journey;
using Safeguard.Identity;
using Safeguard.Interchange.Ssda903;
using Safeguard.Journey;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.LookedAfter;

/// <summary>
/// The SSDA903 return's social worker episodes (SWEpisodes) from and into the child's casework allocations, with the
/// worker's Social Work England number as SW_ID and the reason recorded on the allocation (docs/adr/0087).
/// </summary>
public sealed class Ssda903SwEpisodesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ssda903-sw-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static DateTimeOffset Noon(int year, int month, int day) => UkTime.FromUkLocal(new DateTime(year, month, day, 12, 0, 0, DateTimeKind.Unspecified));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A second social worker in the fixture's team, with casework, and the fixture's worker's registration number.</summary>
    private static async Task<Guid> AddSecondWorkerAsync(JourneyFixture journey, string? number)
    {
        var db = journey.Services.Db;
        var user = new User { DisplayName = "Bea Worker", UserName = "bea.worker", Email = "bea.worker@example.org", NormalizedEmail = "BEA.WORKER@EXAMPLE.ORG", NormalizedUserName = "BEA.WORKER", AgencyId = journey.Worker.AgencyId!.Value, TeamId = journey.Team.Id, CreatedAt = JourneyFixture.Now, SocialWorkEnglandNumber = number };
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.Add(user);
            var role = await db.Roles.SingleAsync(r => r.Name == Roles.SocialWorker, Ct);
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = user.Id, RoleId = role.Id });
            var sam = await db.Users.SingleAsync(u => u.Id == journey.Worker.UserId, Ct);
            sam.SocialWorkEnglandNumber = "SW100001";
            await db.SaveChangesAsync(Ct);
        }

        db.ChangeTracker.Clear();
        return user.Id;
    }

    private static async Task<NeedEpisode> AddNeedEpisodeAsync(JourneyFixture journey, DateOnly referral)
    {
        var db = journey.Services.Db;
        var episode = new NeedEpisode { PersonId = journey.ChildId, ReferralDate = referral, ReferralSource = "5A", PrimaryNeedCode = "N1", CreatedAt = UkTime.StartOfDay(referral) };
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.Add(episode);
            await db.SaveChangesAsync(Ct);
        }

        db.ChangeTracker.Clear();
        return episode;
    }

    private static async Task StartCareAsync(JourneyFixture journey, DateOnly on)
    {
        var db = journey.Services.Db;
        var iro = new User { DisplayName = "Ira Reviewing", UserName = "ira.reviewing", AgencyId = journey.Worker.AgencyId!.Value, CreatedAt = JourneyFixture.Now };
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.Add(iro);
            var child = await db.People.SingleAsync(p => p.Id == journey.ChildId, Ct);
            child.Upn = UniquePupilNumber.ExpectedCheckLetter("A201123412345") + "201123412345";
            await db.SaveChangesAsync(Ct);
        }

        await journey.Services.Get<LookedAfterService>().StartAsync(journey.ChildId, new StartDetails
        {
            StartedOn = on,
            LegalStatus = "C1",
            CategoryOfNeed = "N1",
            PlacementType = "U6",
            PlacementProvider = "PR1",
            PlacementPostcode = "BL9 0EJ",
            HomePostcode = "BL8 1AA",
            PlacementUrn = "SC123456",
            IroUserId = iro.Id,
        }, journey.Worker, Ct);

        // Asked of every child who starts to be looked after (rule 630): none before care.
        await journey.Services.Get<AsylumAndPermanenceService>().SavePermanenceAsync(journey.ChildId, null, new PermanenceDetails { Option = "Z1" }, journey.Worker, Ct);
        db.ChangeTracker.Clear();
    }

    private IReadOnlyList<Ssda903File> Export() => [.. Ssda903File.FromPaths([_folder])];

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_periods_a_named_worker_held_the_case_in_the_year_export_as_social_worker_episodes_that_validate(DatabaseProvider provider)
    {
        await using var journey = await JourneyFixture.CreateAsync(provider);
        var db = journey.Services.Db;
        var bea = await AddSecondWorkerAsync(journey, "SW100002");
        var need = await AddNeedEpisodeAsync(journey, D(2024, 3, 1));
        var otherTeam = new Safeguard.Organisations.Team { Name = "Children looked after team", AgencyId = journey.Team.AgencyId };
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.Add(otherTeam);
            db.AddRange(
                new CaseAllocation { EpisodeId = need.Id, PersonId = journey.ChildId, TeamId = journey.Team.Id, From = Noon(2024, 3, 1), To = Noon(2024, 3, 10), AllocatedByName = "Test" },
                new CaseAllocation { EpisodeId = need.Id, PersonId = journey.ChildId, TeamId = journey.Team.Id, WorkerId = journey.Worker.UserId, From = Noon(2024, 3, 10), To = Noon(2024, 7, 1), AllocatedByName = "Test", SocialWorkerReason = "FCONTA" },
                new CaseAllocation { EpisodeId = need.Id, PersonId = journey.ChildId, TeamId = otherTeam.Id, WorkerId = journey.Worker.UserId, From = Noon(2024, 7, 1), To = Noon(2024, 9, 15), AllocatedByName = "Test" },
                new CaseAllocation { EpisodeId = need.Id, PersonId = journey.ChildId, TeamId = journey.Team.Id, WorkerId = bea, From = Noon(2024, 9, 15), To = Noon(2024, 9, 15).AddHours(3), AllocatedByName = "Test", SocialWorkerReason = "LEFTRL" },
                new CaseAllocation { EpisodeId = need.Id, PersonId = journey.ChildId, TeamId = journey.Team.Id, WorkerId = journey.Worker.UserId, From = Noon(2024, 9, 15).AddHours(3), AllocatedByName = "Test", SocialWorkerReason = "MANAGE" });
            await db.SaveChangesAsync(Ct);
        }

        db.ChangeTracker.Clear();
        await StartCareAsync(journey, D(2024, 6, 1));
        var export = journey.Services.Get<Ssda903ExportService>();
        var result = await export.ExportAsync(_folder, Ssda903Fixture.Collection, journey.Worker, Ct);

        // A change of team with the same worker is one episode; Bea's three hours (the same day) are not an episode (SW09).
        Assert.Contains(("SWEpisodes", "swepisodes.csv", 2), result.Files);
        Assert.DoesNotContain(result.NotExported, n => n.StartsWith("SWEpisodes", StringComparison.Ordinal));
        Assert.Equal(
            ["CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON", "KHA5,14/03/2018,SW100001,10/03/2024,15/09/2024,FCONTA", "KHA5,14/03/2018,SW100001,15/09/2024,,MANAGE"],
            File.ReadAllLines(Path.Combine(_folder, "swepisodes.csv")));
        var (_, issues) = Ssda903Validator.Validate(Export(), Ssda903Fixture.Collection);
        Assert.Empty(issues.Select(i => $"{i.Rule} {i.Table} {i.Line}: {i.Message}"));

        // Care ending in the year ends the episode still running then, for the return (SW14), on the day care ended.
        var version = await db.Set<CareEpisode>().Where(e => e.PersonId == journey.ChildId).Select(e => e.Version).SingleAsync(Ct);
        await journey.Services.Get<LookedAfterService>().LeaveCareAsync(journey.ChildId, version, new LeaveDetails(D(2025, 1, 10), "E13"), journey.Worker, Ct);
        Directory.Delete(_folder, recursive: true);
        await export.ExportAsync(_folder, Ssda903Fixture.Collection, journey.Worker, Ct);
        Assert.Equal("KHA5,14/03/2018,SW100001,15/09/2024,10/01/2025,MANAGE", File.ReadAllLines(Path.Combine(_folder, "swepisodes.csv"))[^1]);
        (_, issues) = Ssda903Validator.Validate(Export(), Ssda903Fixture.Collection);
        Assert.Empty(issues.Select(i => $"{i.Rule} {i.Table} {i.Line}: {i.Message}"));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Social_worker_episodes_import_into_allocations_by_the_workers_number_and_a_number_no_one_has_is_noted_and_counted(DatabaseProvider provider)
    {
        await using var journey = await JourneyFixture.CreateAsync(provider);
        var db = journey.Services.Db;
        var bea = await AddSecondWorkerAsync(journey, null);
        var need = await AddNeedEpisodeAsync(journey, D(2023, 1, 10));
        var import = journey.Services.Get<Ssda903ImportService>();
        var source = Ssda903Fixture.Valid();
        foreach (var table in Ssda903Schema.CurrentTables)
        {
            foreach (var row in source.Rows(table.Table))
            {
                row["CHILD"] = "KHA5";
            }
        }

        source.Remove(Ssda903Table.Oc2);
        source.Remove(Ssda903Table.PrevPerm);
        Ssda903Fixture.Set(source.Header, ("SEX", "2"), ("DOB", "14/03/2018"), ("ETHNIC", "APKN"));
        Ssda903Fixture.Set(source.Review, ("DOB", "14/03/2018"));
        Ssda903Fixture.Set(source.SocialWorker, ("DOB", "14/03/2018"), ("SW_ID", "SW100001"), ("SW_DECOM", "01/04/2024"), ("SW_DEC", "01/10/2024"), ("SW_REASON", "FCONTA"));
        source.Add(Ssda903Table.SocialWorker, ("CHILD", "KHA5"), ("DOB", "14/03/2018"), ("SW_ID", "SW100002"), ("SW_DECOM", "01/10/2024"), ("SW_DEC", null), ("SW_REASON", "MANAGE"));
        Assert.Empty(source.Validate());

        // Bea has no number yet: her row is not imported, and said so (line, field, value) and counted.
        var first = await import.ImportAsync([.. source.Files()], new Ssda903ImportOptions { Collection = Ssda903Fixture.Collection }, journey.Worker, Ct);
        Assert.Equal((1, 0, 0), Tally(first));
        var notImported = Assert.Single(first.NotImported);
        Assert.Equal(("SWEpisodes", 1), (notImported.Table, notImported.Rows));
        Assert.Contains(first.Notes, n => n.StartsWith("SWEpisodes line 3: child KHA5: no staff member has the Social Work England number SW100002 (SW_ID)", StringComparison.Ordinal));
        var sam = await db.Set<CaseAllocation>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal((need.Id, journey.Team.Id, journey.Worker.UserId, D(2024, 4, 1), D(2024, 10, 1), "FCONTA", Ssda903ImportService.AllocatedByReturn),
            (sam.EpisodeId, sam.TeamId, sam.WorkerId, UkTime.ToUkDate(sam.From), UkTime.ToUkDate(sam.To!.Value), sam.SocialWorkerReason, sam.AllocatedByName));
        Assert.Contains(Ssda903ImportService.Process, await db.AuditEvents.Where(e => e.EntityType == "CaseAllocation" && e.EntityId == sam.Id.ToString()).Select(e => e.Process).ToListAsync(Ct));

        // Her number recorded on her staff record (as the user page does), the same return imports her episode; then nothing changes.
        var stamp = await db.Users.Where(u => u.Id == bea).Select(u => u.ConcurrencyStamp).SingleAsync(Ct);
        await journey.Services.Get<UserAdministration>().ChangeAsync(bea, new UserChange("Bea Worker", journey.Worker.AgencyId!.Value, journey.Team.Id, [Roles.SocialWorker], stamp, "sw 100002"), Actor.System(), Ct);
        db.ChangeTracker.Clear();
        var second = await import.ImportAsync([.. source.Files()], new Ssda903ImportOptions { Collection = Ssda903Fixture.Collection }, journey.Worker, Ct);
        Assert.Equal((1, 0, 1), Tally(second));
        Assert.Empty(second.NotImported);
        var events = await db.AuditEvents.CountAsync(e => e.Process == Ssda903ImportService.Process, Ct);
        var third = await import.ImportAsync([.. source.Files()], new Ssda903ImportOptions { Collection = Ssda903Fixture.Collection }, journey.Worker, Ct);
        Assert.Equal((0, 0, 2), Tally(third));
        Assert.Equal(events, await db.AuditEvents.CountAsync(e => e.Process == Ssda903ImportService.Process, Ct));

        // Exported, the episodes are the return's.
        await journey.Services.Get<Ssda903ExportService>().ExportAsync(_folder, Ssda903Fixture.Collection, journey.Worker, Ct);
        Assert.Equal(
            ["CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON", "KHA5,14/03/2018,SW100001,01/04/2024,01/10/2024,FCONTA", "KHA5,14/03/2018,SW100002,01/10/2024,,MANAGE"],
            File.ReadAllLines(Path.Combine(_folder, "swepisodes.csv")));

        // A corrected reason is taken; an end that differs from the recorded allocation is noted, not applied.
        Ssda903Fixture.Set(source.Rows(Ssda903Table.SocialWorker)[1], ("SW_REASON", "ABSENC"));
        Ssda903Fixture.Set(source.Rows(Ssda903Table.SocialWorker)[0], ("SW_DEC", "01/10/2024"));
        source.Rows(Ssda903Table.SocialWorker)[1]["SW_DEC"] = "31/03/2025";
        var corrected = await import.ImportAsync([.. source.Files()], new Ssda903ImportOptions { Collection = Ssda903Fixture.Collection }, journey.Worker, Ct);
        Assert.Equal((0, 1, 1), Tally(corrected));
        Assert.Contains(corrected.Notes, n => n.Contains("is recorded as open; the return's end 31 March 2025 (SW_DEC) is not applied", StringComparison.Ordinal));
        var open = await db.Set<CaseAllocation>().AsNoTracking().SingleAsync(a => a.WorkerId == bea, Ct);
        Assert.Equal(("ABSENC", (DateTimeOffset?)null), (open.SocialWorkerReason, open.To));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_row_for_a_child_with_no_episode_of_need_then_is_noted_and_a_dry_run_writes_nothing(DatabaseProvider provider)
    {
        await using var journey = await JourneyFixture.CreateAsync(provider);
        var db = journey.Services.Db;
        await AddSecondWorkerAsync(journey, "SW100002");
        var source = Ssda903Fixture.Valid();
        source.Remove(Ssda903Table.Oc2);
        source.Remove(Ssda903Table.PrevPerm);
        Ssda903Fixture.Set(source.SocialWorker, ("SW_ID", "SW100002"), ("SW_REASON", "FCONTA"));
        var dry = await journey.Services.Get<Ssda903ImportService>().ImportAsync([.. source.Files()], new Ssda903ImportOptions { Collection = Ssda903Fixture.Collection, DryRun = true }, journey.Worker, Ct);
        Assert.Equal(("SWEpisodes", 1), (dry.NotImported.Single().Table, dry.NotImported.Single().Rows));
        Assert.Contains(dry.Notes, n => n.StartsWith("SWEpisodes line 2: child C1: the child has no episode of need open on 1 April 2024 (SW_DECOM)", StringComparison.Ordinal));
        Assert.Empty(await db.Set<CaseAllocation>().ToListAsync(Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_new_social_worker_needs_the_reason_from_DfEs_list_and_the_first_of_an_episode_is_a_first_contact(DatabaseProvider provider)
    {
        await using var journey = await JourneyFixture.CreateAsync(provider);
        var db = journey.Services.Db;
        var bea = await AddSecondWorkerAsync(journey, null);
        var episode = await journey.OpenAsync();
        var casework = journey.Casework;
        await casework.AllocateAsync(episode, await journey.VersionAsync(episode), journey.Team.Id, journey.Worker.UserId, journey.Worker, Ct);
        Assert.Equal("FCONTA", await db.Set<CaseAllocation>().Where(a => a.To == null).Select(a => a.SocialWorkerReason).SingleAsync(Ct));

        var without = await Assert.ThrowsAsync<SafeguardValidationException>(async () => await casework.AllocateAsync(episode, await journey.VersionAsync(episode), journey.Team.Id, bea, journey.Worker, Ct));
        Assert.Contains(without.Problems, p => p.Field == "SocialWorkerReason" && p.Message.StartsWith("Select the reason for the new social worker", StringComparison.Ordinal));
        var unknown = await Assert.ThrowsAsync<SafeguardValidationException>(async () => await casework.AllocateAsync(episode, await journey.VersionAsync(episode), journey.Team.Id, bea, "LEFT", journey.Worker, Ct));
        Assert.Contains(unknown.Problems, p => p.Field == "SocialWorkerReason");
        await casework.AllocateAsync(episode, await journey.VersionAsync(episode), journey.Team.Id, bea, "leftrl", journey.Worker, Ct);
        Assert.Equal("LEFTRL", await db.Set<CaseAllocation>().Where(a => a.To == null).Select(a => a.SocialWorkerReason).SingleAsync(Ct));

        // The team alone changing keeps the worker: no reason is recorded.
        await casework.AllocateAsync(episode, await journey.VersionAsync(episode), journey.Team.Id, null, journey.Worker, Ct);
        Assert.Null(await db.Set<CaseAllocation>().Where(a => a.To == null).Select(a => a.SocialWorkerReason).SingleAsync(Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_staff_members_Social_Work_England_number_is_SW_and_digits_and_one_persons(DatabaseProvider provider)
    {
        await using var journey = await JourneyFixture.CreateAsync(provider);
        var db = journey.Services.Db;
        var bea = await AddSecondWorkerAsync(journey, null);
        var users = journey.Services.Get<UserAdministration>();
        async Task<SafeguardValidationException> RefusedAsync(string number) => await Assert.ThrowsAsync<SafeguardValidationException>(async () =>
            await users.ChangeAsync(bea, new UserChange("Bea Worker", journey.Worker.AgencyId!.Value, journey.Team.Id, [Roles.SocialWorker],
                await db.Users.Where(u => u.Id == bea).Select(u => u.ConcurrencyStamp).SingleAsync(Ct), number), Actor.System(), Ct));

        Assert.Equal("SocialWorkEnglandNumber", (await RefusedAsync("XX12345")).Problems.Single().Field);
        Assert.Contains("Sam Worker already has the Social Work England number SW100001", (await RefusedAsync("SW100001")).Problems.Single().Message, StringComparison.Ordinal);
        Assert.Null(await db.Users.Where(u => u.Id == bea).Select(u => u.SocialWorkEnglandNumber).SingleAsync(Ct));
    }

    private static (int Created, int Changed, int Unchanged) Tally(Ssda903ImportResult result) =>
        (result.Tallies[Ssda903RecordKind.SocialWorkerEpisode].Created, result.Tallies[Ssda903RecordKind.SocialWorkerEpisode].Changed, result.Tallies[Ssda903RecordKind.SocialWorkerEpisode].Unchanged);
}
