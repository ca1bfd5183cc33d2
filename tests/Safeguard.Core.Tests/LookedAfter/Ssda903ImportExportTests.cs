using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.ComplexSafeguarding;
using Safeguard.Core.Tests.Interchange.Ssda903;
using Safeguard.Core.Tests.Journey;
using Safeguard.Identity;
using Safeguard.Interchange.Ssda903;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Work;

namespace Safeguard.Core.Tests.LookedAfter;

/// <summary>
/// The SSDA903 return into and out of the looked-after records: validated first and refused whole with an error,
/// children matched by the council's child id, idempotent, corrected returns updating, the tables with no home
/// reported; the export of records made through the service validating with no errors, and import then export
/// giving back the same rows.
/// </summary>
public sealed class Ssda903ImportExportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ssda903-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static Ssda903ImportOptions Options(bool dryRun = false) => new() { Collection = Ssda903Fixture.Collection, DryRun = dryRun };

    private static async Task<Actor> AddIroAsync(JourneyFixture journey)
    {
        var db = journey.Services.Db;
        var user = new User { DisplayName = "Ira Reviewing", UserName = "ira.reviewing", AgencyId = journey.Worker.AgencyId!.Value, CreatedAt = JourneyFixture.Now };
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.Add(user);
            await db.SaveChangesAsync(Ct);
        }

        return new Actor(user.Id, user.DisplayName, journey.Worker.AgencyId);
    }

    private static async Task<int> AuditCountAsync(SafeguardDbContext db) => await db.AuditEvents.CountAsync(e => e.Process == Ssda903ImportService.Process, Ct);

    private IReadOnlyList<Ssda903File> Export() => [.. Ssda903File.FromPaths([_folder])];

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Records_made_through_the_service_export_as_a_return_with_no_errors(DatabaseProvider provider)
    {
        await using var journey = await JourneyFixture.CreateAsync(provider);
        var iro = await AddIroAsync(journey);
        var db = journey.Services.Db;
        var service = journey.Services.Get<LookedAfterService>();
        var child = await db.People.SingleAsync(p => p.Id == journey.ChildId, Ct);
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            child.Upn = UniquePupilNumber.ExpectedCheckLetter("A201123412345") + "201123412345";
            await db.SaveChangesAsync(Ct);
        }

        db.ChangeTracker.Clear();
        await service.StartAsync(journey.ChildId, new StartDetails
        {
            StartedOn = D(2024, 6, 1),
            LegalStatus = "C1",
            CategoryOfNeed = "N1",
            PlacementType = "U6",
            PlacementProvider = "PR1",
            PlacementPostcode = "BL9 0EJ",
            HomePostcode = "bl8 1aa",
            PlacementUrn = "sc123456",
            IroUserId = iro.UserId,
        }, journey.Worker, Ct);
        await service.RecordReviewAsync(journey.ChildId, new ReviewDetails { HeldOn = D(2024, 6, 24), IroUserId = iro.UserId, Participation = "PN1" }, journey.Worker, Ct);
        var version = await db.Set<CareEpisode>().Where(e => e.PersonId == journey.ChildId && e.EndedOn == null).Select(e => e.Version).SingleAsync(Ct);
        await service.ChangeAsync(journey.ChildId, version, new ChangeDetails
        {
            ChangedOn = D(2024, 8, 5),
            ReasonForNewEpisode = "P",
            PlacementType = "K2",
            PlacementProvider = "PR4",
            PlacementPostcode = "M1 1AE",
            PlacementUrn = "SC654321",
            ReasonPlacementChanged = "CREQB",
        }, journey.Worker, Ct);
        await service.RecordReviewAsync(journey.ChildId, new ReviewDetails { HeldOn = D(2024, 9, 20), IroUserId = iro.UserId, Participation = "PN2" }, journey.Worker, Ct);

        // A review after 31 March and a child without a council child id are not in the 2024-25 return.
        await service.RecordReviewAsync(journey.ChildId, new ReviewDetails { HeldOn = D(2025, 4, 10), IroUserId = iro.UserId, Participation = "PN1" }, journey.Worker, Ct);

        // A decision to place for adoption, reversed after 31 March (so written open); a missing period from the placement
        // while looked after, one that ended after 31 March (written open) and one before care began (not written).
        var adoption = journey.Services.Get<AdoptionService>();
        var decision = await adoption.RecordAsync(journey.ChildId, new AdoptionDetails { DecidedOn = D(2024, 9, 1) }, journey.Worker, Ct);
        db.ChangeTracker.Clear();
        await adoption.ChangeAsync(decision.Id, decision.Version, new AdoptionDetails { DecidedOn = D(2024, 9, 1), NoLongerPlacedOn = D(2025, 4, 2), ReasonNoLongerPlaced = "RD1" }, journey.Worker, Ct);
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            foreach (var (from, to, kind) in new[]
            {
                (new DateTimeOffset(2024, 10, 3, 21, 0, 0, TimeSpan.Zero), (DateTimeOffset?)new DateTimeOffset(2024, 10, 4, 9, 30, 0, TimeSpan.Zero), MissingKind.Missing),
                (new DateTimeOffset(2025, 3, 30, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 4, 1, 10, 0, 0, TimeSpan.Zero), MissingKind.AwayWithoutAuthorisation),
                (new DateTimeOffset(2024, 5, 1, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 5, 2, 10, 0, 0, TimeSpan.Zero), MissingKind.Missing),
            })
            {
                db.Add(new MissingEpisode
                {
                    PersonId = journey.ChildId,
                    DescribedName = "Test child",
                    Kind = kind,
                    StartedAt = from,
                    EndedAt = to,
                    From = MissingFrom.CarePlacement,
                    ReportedByAgencyId = journey.Worker.AgencyId!.Value,
                    ReportedByName = "Carer",
                    RecordedByName = "Worker",
                    RecordedAt = from,
                });
            }

            await db.SaveChangesAsync(Ct);
        }

        // The child's social worker since before care began (the SWEpisodes table: docs/adr/0087).
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            var need = new Safeguard.Journey.NeedEpisode { PersonId = journey.ChildId, ReferralDate = D(2024, 5, 1), ReferralSource = "5A", PrimaryNeedCode = "N1", CreatedAt = UkTime.StartOfDay(D(2024, 5, 1)) };
            db.Add(need);
            db.Add(new Safeguard.Journey.CaseAllocation
            {
                EpisodeId = need.Id,
                PersonId = journey.ChildId,
                TeamId = journey.Team.Id,
                WorkerId = journey.Worker.UserId,
                From = UkTime.StartOfDay(D(2024, 5, 1)),
                AllocatedByName = "Test",
                SocialWorkerReason = "FCONTA",
            });
            (await db.Users.SingleAsync(u => u.Id == journey.Worker.UserId, Ct)).SocialWorkEnglandNumber = "SW100001";
            await db.SaveChangesAsync(Ct);
        }

        db.ChangeTracker.Clear();

        // Previous permanence is asked of every child who starts to be looked after (rule 630).
        await journey.Services.Get<AsylumAndPermanenceService>().SavePermanenceAsync(journey.ChildId, null, new PermanenceDetails { Option = "Z1" }, journey.Worker, Ct);
        var result = await journey.Services.Get<Ssda903ExportService>().ExportAsync(_folder, Ssda903Fixture.Collection, journey.Worker, Ct);

        Assert.Equal(1, result.Children);
        Assert.Equal([("Header", 1), ("Episodes", 2), ("Reviews", 2), ("OC3", 0), ("AD1", 0), ("PlacedAdoption", 1), ("Missing", 2), ("OC2", 0), ("UASC", 0), ("PrevPerm", 1), ("SWEpisodes", 1)], result.Files.Select(f => (f.Table, f.Rows)));
        Assert.Equal(["CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON", "KHA5,14/03/2018,SW100001,01/05/2024,,FCONTA"], File.ReadAllLines(Path.Combine(_folder, "swepisodes.csv")));
        Assert.Equal(
            ["ad1.csv", "episodes.csv", "header.csv", "missing.csv", "oc2.csv", "oc3.csv", "placedadoption.csv", "prevperm.csv", "reviews.csv", "swepisodes.csv", "uasc.csv"],
            Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(result.NotExported, n => n.StartsWith("OC2: ", StringComparison.Ordinal));
        Assert.Equal(["CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED", "KHA5,14/03/2018,01/09/2024,,"], File.ReadAllLines(Path.Combine(_folder, "placedadoption.csv")));
        Assert.Equal(
            ["CHILD,DOB,MISSING,MIS_START,MIS_END", "KHA5,14/03/2018,M,03/10/2024,04/10/2024", "KHA5,14/03/2018,A,30/03/2025,"],
            File.ReadAllLines(Path.Combine(_folder, "missing.csv")));
        var (summary, issues) = Ssda903Validator.Validate(Export(), Ssda903Fixture.Collection);
        Assert.Empty(issues.Select(i => $"{i.Rule} {i.Table} {i.Line}: {i.Message}"));
        Assert.Equal(1, summary.Children);
        var episodes = File.ReadAllLines(Path.Combine(_folder, "episodes.csv"));
        Assert.Equal(
            ["CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN", "KHA5,01/06/2024,S,C1,N1,U6,PR1,05/08/2024,X1,CREQB,BL8 1AA,BL9 0EJ,SC123456", "KHA5,05/08/2024,P,C1,N1,K2,PR4,,,,BL8 1AA,M1 1AE,SC654321"],
            episodes);
        Assert.Equal(["CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB", $"KHA5,2,14/03/2018,APKN,{child.Upn},,"], File.ReadAllLines(Path.Combine(_folder, "header.csv")));
        Assert.Equal(AuditAction.Exported, await journey.Services.Db.AuditEvents.Where(e => e.Process == Ssda903ExportService.Process && e.EntityId == "ssda903").Select(e => e.Action).SingleAsync(Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_return_imported_then_exported_gives_back_the_same_rows_and_importing_it_again_changes_nothing(DatabaseProvider provider)
    {
        await using var journey = await JourneyFixture.CreateAsync(provider);
        var db = journey.Services.Db;
        var import = journey.Services.Get<Ssda903ImportService>();
        var source = Ssda903Fixture.Valid();
        source.Add(Ssda903Table.Header, ("CHILD", "C2"), ("SEX", "2"), ("UPN", "UN2"), ("MOTHER", "0"));
        Ssda903Fixture.Set(source.Episode, ("DEC", "01/07/2024"), ("REC", "X1"), ("REASON_PLACE_CHANGE", "CARPL"), ("URN", "1234567"));
        source.Add(Ssda903Table.Episodes, ("DECOM", "01/07/2024"), ("RNE", "P"), ("PLACE", "U4"), ("PL_POST", "M3 3CC"));
        source.Add(Ssda903Table.Episodes, ("CHILD", "C2"), ("DECOM", "20/05/2024"), ("LS", "V2"), ("PLACE", "U1"), ("DEC", "10/09/2024"), ("REC", "E13"), ("PL_POST", "BL9 0EJ"));
        source.Add(Ssda903Table.Reviews, ("CHILD", "C2"), ("REVIEW", "12/06/2024"), ("REVIEW_CODE", "PN3"));
        source.Add(Ssda903Table.Missing);
        source.Add(Ssda903Table.Missing, ("MISSING", "A"), ("MIS_START", "30/03/2025"), ("MIS_END", null));
        source.Add(Ssda903Table.PrevPerm, ("CHILD", "C2"));

        // C3 was placed for adoption and adopted in the year: PlacedAdoption and AD1 from one decision.
        source.Add(Ssda903Table.Header, ("CHILD", "C3"), ("DOB", "01/01/2020"), ("UPN", "UN2"));
        source.Add(Ssda903Table.Episodes, ("CHILD", "C3"), ("DECOM", "01/02/2024"), ("DEC", "01/08/2024"), ("REC", "X1"), ("REASON_PLACE_CHANGE", "CARPL"));
        source.Add(Ssda903Table.Episodes, ("CHILD", "C3"), ("DECOM", "01/08/2024"), ("RNE", "B"), ("LS", "E1"), ("PLACE", "A4"), ("DEC", "31/01/2025"), ("REC", "E11"), ("PL_POST", "M4 4DD"), ("URN", "XXXXXXX"));
        source.Add(Ssda903Table.PlacedAdoption, ("CHILD", "C3"), ("DOB", "01/01/2020"));
        source.Add(Ssda903Table.Ad1, ("CHILD", "C3"), ("DOB", "01/01/2020"));

        // C4 is a care leaver, 18 in the year and not looked after in it: a header row and OC3.
        source.Add(Ssda903Table.Header, ("CHILD", "C4"), ("DOB", "10/10/2006"), ("UPN", "UN2"));
        source.Add(Ssda903Table.Oc3, ("CHILD", "C4"), ("DOB", "10/10/2006"));
        Assert.Empty(source.Validate());
        var dry = await import.ImportAsync([.. source.Files()], Options(dryRun: true), journey.Worker, Ct);
        Assert.Equal((18, 0), (dry.Created, dry.Changed));
        Assert.Equal(0, await AuditCountAsync(db));

        var first = await import.ImportAsync([.. source.Files()], Options(), journey.Worker, Ct);
        Assert.Equal([(4, 0, 0), (5, 0, 0), (2, 0, 0), (1, 0, 0), (2, 0, 0), (1, 0, 0), (1, 0, 0), (0, 0, 0), (2, 0, 0), (0, 0, 0)], first.Tallies.Values.Select(t => (t.Created, t.Changed, t.Unchanged)));
        Assert.Equal(["SWEpisodes"], first.NotImported.Select(n => n.Table));
        Assert.Equal([1], first.NotImported.Select(n => n.Rows));
        Assert.Contains(first.Notes, n => n.Contains("UN1 to UN5", StringComparison.Ordinal));
        var events = await AuditCountAsync(db);
        Assert.True(events >= 4 + 5 + 2 + 1 + 2 + 1);
        var birthday = await db.Set<CareLeaverContact>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal((18, D(2024, 10, 10), "YES", "F1", "K1"), (birthday.Birthday, birthday.ContactedOn, birthday.InTouch, birthday.Activity, birthday.Accommodation));
        var c2 = await db.People.AsNoTracking().SingleAsync(p => p.CouncilChildId == "C2", Ct);
        Assert.Equal(("Child C2", "F", (string?)null), (c2.DisplayName, c2.Sex, c2.Upn));
        var adopted = await db.Set<AdoptionDecision>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal((D(2024, 6, 1), D(2024, 7, 1), D(2025, 1, 31), "MF"), (adopted.DecidedOn, adopted.MatchedOn, adopted.AdoptionOrderOn, adopted.SexOfAdopters));
        var fromReturn = await db.Set<MissingEpisode>().AsNoTracking().OrderBy(m => m.StartedAt).ToListAsync(Ct);
        Assert.All(fromReturn, m => Assert.True(m.FromReturn && m.LookedAfter && m.ReportedByName == Ssda903ImportService.MissingReporterNotRecorded));
        Assert.Equal([(MissingKind.Missing, true), (MissingKind.AwayWithoutAuthorisation, false)], fromReturn.Select(m => (m.Kind, m.HasEnded)));

        var second = await import.ImportAsync([.. source.Files()], Options(), journey.Worker, Ct);
        Assert.Equal((0, 0, 18), (second.Created, second.Changed, second.Unchanged));
        Assert.Equal(events, await AuditCountAsync(db));

        await journey.Services.Get<Ssda903ExportService>().ExportAsync(_folder, Ssda903Fixture.Collection, journey.Worker, Ct);
        foreach (var table in new[] { Ssda903Table.Header, Ssda903Table.Episodes, Ssda903Table.Reviews, Ssda903Table.Oc3, Ssda903Table.Ad1, Ssda903Table.PlacedAdoption, Ssda903Table.Missing, Ssda903Table.PrevPerm })
        {
            var given = source.Files().Single(f => f.Name == Ssda903ExportService.FileName(table));
            using var reader = new StreamReader(given.Open());
            var expected = (await reader.ReadToEndAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
                .Select(l => table == Ssda903Table.Header ? l.Replace("UN2", "", StringComparison.Ordinal) : l);
            Assert.Equal(expected.Order(StringComparer.Ordinal), File.ReadAllLines(Path.Combine(_folder, Ssda903ExportService.FileName(table))).Order(StringComparer.Ordinal));
        }

        // A corrected return updates what it corrects, and only that.
        Ssda903Fixture.Set(source.Review, ("REVIEW_CODE", "PN4"));
        Ssda903Fixture.Set(source.Rows(Ssda903Table.Episodes)[1], ("PL_POST", "M4 4DD"));
        Ssda903Fixture.Set(source.Rows(Ssda903Table.Missing)[1], ("MIS_END", "31/03/2025"));
        Ssda903Fixture.Set(source.Rows(Ssda903Table.Oc3)[0], ("ACCOM", "S1"));
        var corrected = await import.ImportAsync([.. source.Files()], Options(), journey.Worker, Ct);
        Assert.Equal([(0, 0, 4), (0, 1, 4), (0, 1, 1), (0, 0, 1), (0, 1, 1), (0, 1, 0), (0, 0, 1), (0, 0, 0), (0, 0, 2), (0, 0, 0)], corrected.Tallies.Values.Select(t => (t.Created, t.Changed, t.Unchanged)));
        Assert.Equal("S1", await db.Set<CareLeaverContact>().Select(c => c.Accommodation).SingleAsync(Ct));
        Assert.Equal("M4 4DD", await db.Set<CareEpisode>().Where(e => e.StartedOn == D(2024, 7, 1)).Select(e => e.PlacementPostcode).SingleAsync(Ct));
        var back = await db.Set<MissingEpisode>().AsNoTracking().Where(m => m.Kind == MissingKind.AwayWithoutAuthorisation).Select(m => m.EndedAt).SingleAsync(Ct);
        Assert.Equal(D(2025, 3, 31), UkTime.ToUkDate(Assert.NotNull(back)));
        Assert.Equal(events + 4, await AuditCountAsync(db));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Children_are_matched_to_people_by_the_council_child_id_and_a_return_with_errors_is_refused_whole(DatabaseProvider provider)
    {
        await using var journey = await JourneyFixture.CreateAsync(provider);
        var db = journey.Services.Db;
        var import = journey.Services.Get<Ssda903ImportService>();
        var people = await db.People.CountAsync(Ct);

        var bad = Ssda903Fixture.Valid();
        Ssda903Fixture.Set(bad.Episode, ("RNE", "Z"));
        bad.Add(Ssda903Table.Header, ("CHILD", "C2"));
        bad.Add(Ssda903Table.Episodes, ("CHILD", "C2"));
        var refused = await Assert.ThrowsAsync<SafeguardValidationException>(() => import.ImportAsync([.. bad.Files()], Options(), journey.Worker, Ct));
        Assert.StartsWith("The return has ", refused.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains(refused.Problems, p => p.Field == "Episodes line 2" && p.Message.StartsWith("143 (child C1): ", StringComparison.Ordinal) && p.Message.EndsWith("[RNE]", StringComparison.Ordinal));
        Assert.Equal(people, await db.People.CountAsync(Ct));
        Assert.Empty(await db.Set<CareEpisode>().ToListAsync(Ct));

        var matched = Ssda903Fixture.Valid();
        foreach (var table in Ssda903Schema.CurrentTables)
        {
            foreach (var row in matched.Rows(table.Table))
            {
                row["CHILD"] = "KHA5";
            }
        }

        Ssda903Fixture.Set(matched.Header, ("SEX", "2"), ("DOB", "14/03/2018"), ("ETHNIC", "APKN"));
        Ssda903Fixture.Set(matched.Review, ("DOB", "14/03/2018"));
        matched.Remove(Ssda903Table.Oc2);
        matched.Remove(Ssda903Table.PrevPerm);
        matched.Remove(Ssda903Table.SocialWorker);
        var result = await import.ImportAsync([.. matched.Files()], Options(), journey.Worker, Ct);
        Assert.Equal((0, 1, 0), (result.Tallies[Ssda903RecordKind.Child].Created, result.Tallies[Ssda903RecordKind.Child].Changed, result.Tallies[Ssda903RecordKind.Child].Unchanged));
        Assert.Equal(people, await db.People.CountAsync(Ct));
        var episode = await db.Set<CareEpisode>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal((journey.ChildId, D(2023, 3, 1), "C2", "U1", "M1 1AA", Ssda903ImportService.IroNotRecorded), (episode.PersonId, episode.StartedOn, episode.LegalStatus, episode.PlacementType, episode.HomePostcode, episode.IroName));
        Assert.Contains(Ssda903ImportService.Process, await db.AuditEvents.Where(e => e.EntityType == "CareEpisode" && e.EntityId == episode.Id.ToString()).Select(e => e.Process).ToListAsync(Ct));

        // With what Safeguard already holds, a return that overlaps the recorded episodes is refused.
        var overlapping = Ssda903Fixture.Valid();
        foreach (var row in overlapping.Rows(Ssda903Table.Header).Concat(overlapping.Rows(Ssda903Table.Episodes)).Concat(overlapping.Rows(Ssda903Table.Reviews)))
        {
            row["CHILD"] = "KHA5";
        }

        overlapping.Remove(Ssda903Table.Oc2);
        overlapping.Remove(Ssda903Table.PrevPerm);
        overlapping.Remove(Ssda903Table.SocialWorker);
        Ssda903Fixture.Set(overlapping.Header, ("SEX", "2"), ("DOB", "14/03/2018"), ("ETHNIC", "APKN"));
        Ssda903Fixture.Set(overlapping.Review, ("DOB", "14/03/2018"));
        Ssda903Fixture.Set(overlapping.Episode, ("DECOM", "01/05/2024"));
        var clash = await Assert.ThrowsAsync<SafeguardValidationException>(() => import.ImportAsync([.. overlapping.Files()], Options(), journey.Worker, Ct));
        Assert.Contains(clash.Problems, p => p.Message.Contains("the episode starting 01/03/2023 is open when the next starts on 01/05/2024", StringComparison.Ordinal));
        Assert.Single(await db.Set<CareEpisode>().ToListAsync(Ct));
    }
    [Theory, ClassData(typeof(BothProviders))]
    public async Task Missing_periods_are_matched_to_the_missing_areas_reports_by_their_start_and_decisions_by_their_date(DatabaseProvider provider)
    {
        await using var journey = await JourneyFixture.CreateAsync(provider);
        var db = journey.Services.Db;
        var adoption = journey.Services.Get<AdoptionService>();
        await journey.Services.Get<LookedAfterService>().StartAsync(journey.ChildId, new StartDetails
        {
            StartedOn = D(2023, 3, 1),
            LegalStatus = "C2",
            CategoryOfNeed = "N1",
            PlacementType = "U1",
            PlacementProvider = "PR1",
            PlacementPostcode = "M2 2BB",
            HomePostcode = "M1 1AA",
            PlacementUrn = "SC123456",
            IroUserId = (await AddIroAsync(journey)).UserId,
        }, journey.Worker, Ct);
        var recorded = await adoption.RecordAsync(journey.ChildId, new AdoptionDetails { DecidedOn = D(2024, 6, 1) }, journey.Worker, Ct);
        var reported = new MissingEpisode
        {
            PersonId = journey.ChildId,
            DescribedName = "Test child",
            Kind = MissingKind.Missing,
            StartedAt = new DateTimeOffset(2024, 5, 1, 21, 0, 0, TimeSpan.Zero),
            EndedAt = new DateTimeOffset(2024, 5, 2, 9, 0, 0, TimeSpan.Zero),
            From = MissingFrom.CarePlacement,
            LookedAfter = true,
            ReportedByAgencyId = journey.Worker.AgencyId!.Value,
            ReportedByName = "Carer",
            RecordedByName = "Worker",
            RecordedAt = JourneyFixture.Now,
        };
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.Add(reported);
            await db.SaveChangesAsync(Ct);
        }

        db.ChangeTracker.Clear();
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
        source.Remove(Ssda903Table.SocialWorker);
        Ssda903Fixture.Set(source.Header, ("SEX", "2"), ("DOB", "14/03/2018"), ("ETHNIC", "APKN"));
        Ssda903Fixture.Set(source.Review, ("DOB", "14/03/2018"));

        // The first period is the one the carer reported (the return's end differs: the report is kept); the second is new.
        source.Add(Ssda903Table.Missing, ("CHILD", "KHA5"), ("DOB", "14/03/2018"));
        source.Add(Ssda903Table.Missing, ("CHILD", "KHA5"), ("DOB", "14/03/2018"), ("MISSING", "A"), ("MIS_START", "10/06/2024"), ("MIS_END", "11/06/2024"));
        source.Add(Ssda903Table.PlacedAdoption, ("CHILD", "KHA5"), ("DOB", "14/03/2018"), ("DATE_PLACED_CEASED", "01/09/2024"), ("REASON_PLACED_CEASED", "RD1"));
        var result = await journey.Services.Get<Ssda903ImportService>().ImportAsync([.. source.Files()], Options(), journey.Worker, Ct);

        Assert.Equal((0, 1, 0), (result.Tallies[Ssda903RecordKind.AdoptionDecision].Created, result.Tallies[Ssda903RecordKind.AdoptionDecision].Changed, result.Tallies[Ssda903RecordKind.AdoptionDecision].Unchanged));
        Assert.Equal((1, 0, 1), (result.Tallies[Ssda903RecordKind.MissingPeriod].Created, result.Tallies[Ssda903RecordKind.MissingPeriod].Changed, result.Tallies[Ssda903RecordKind.MissingPeriod].Unchanged));
        Assert.Contains(result.Notes, n => n.Contains("starting 01/05/2024 was reported in the missing area", StringComparison.Ordinal));
        var decision = await db.Set<AdoptionDecision>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal((recorded.Id, D(2024, 9, 1), "RD1"), (decision.Id, decision.NoLongerPlacedOn, decision.ReasonNoLongerPlaced));
        Assert.Contains(Ssda903ImportService.Process, await db.AuditEvents.Where(e => e.EntityId == decision.Id.ToString()).Select(e => e.Process).ToListAsync(Ct));
        var episodes = await db.Set<MissingEpisode>().AsNoTracking().OrderBy(m => m.StartedAt).ToListAsync(Ct);
        Assert.Equal([(reported.Id, false, reported.EndedAt), (episodes[1].Id, true, UkTime.StartOfDay(D(2024, 6, 11)))], episodes.Select(m => (m.Id, m.FromReturn, m.EndedAt)));

        // A period from the return has no report behind it: no return home interview is due for it.
        var due = await journey.Services.Get<IEnumerable<IDueWorkSource>>().OfType<MissingDueWorkSource>().Single().DueAsync(new DueWorkQuery(), Ct);
        Assert.Single(due);
    }
}
