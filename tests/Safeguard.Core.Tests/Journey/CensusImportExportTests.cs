using System.Text;
using System.Xml;
using System.Xml.Schema;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Core.Tests.Interchange.Cin;
using Safeguard.Interchange.Cin;
using Safeguard.Journey;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Journey;

/// <summary>The census import and export, on both databases.</summary>
public sealed class CensusImportExportTests : IDisposable
{
    private static readonly CinCollection Year = CinCollection.Parse("2024-25");
    private readonly string _folder = Directory.CreateTempSubdirectory("cin-io-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static Task<JourneyFixture> CreateAsync(DatabaseProvider provider) => JourneyFixture.CreateAsync(provider);

    private static Task<CensusImportResult> ImportAsync(JourneyFixture f, string path, bool dryRun = false, bool acceptQueries = false, CinCollection? collection = null, int batchSize = 4) =>
        f.Services.Get<CensusImportService>().ImportAsync(path, new CensusImportOptions { DryRun = dryRun, AcceptQueries = acceptQueries, Collection = collection, BatchSize = batchSize }, f.Worker, Ct);

    private static async Task<int> CountAllAsync(SafeguardDbContext db) =>
        await db.People.CountAsync(Ct) + await db.NeedEpisodes.CountAsync(Ct) + await db.Set<CaseAssessment>().CountAsync(Ct) + await db.Set<S47Enquiry>().CountAsync(Ct)
        + await db.Set<StrategyDiscussion>().CountAsync(Ct) + await db.Set<ProtectionPlan>().CountAsync(Ct) + await db.Set<ReviewConference>().CountAsync(Ct) + await db.Set<ChildInNeedPlan>().CountAsync(Ct);

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Import_creates_children_and_their_records_and_importing_again_changes_nothing(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var path = Write("census-2024-25.xml", CinCensusGenerator.ToText(10, Year));

        var first = await ImportAsync(f, path);

        Assert.Equal((10, 0), (first.Tallies[CensusRecordKind.Child].Created, first.Changed));
        Assert.Equal(14, first.Tallies[CensusRecordKind.Episode].Created);
        Assert.Equal(14, first.Tallies[CensusRecordKind.Assessment].Created);
        Assert.Equal(4, first.Tallies[CensusRecordKind.CinPlan].Created);
        Assert.Equal(10, first.Tallies[CensusRecordKind.Section47Enquiry].Created);
        Assert.Equal(10, first.Tallies[CensusRecordKind.StrategyDiscussion].Created);
        Assert.Equal(10, first.Tallies[CensusRecordKind.InitialConference].Created);
        Assert.Equal(3, first.Tallies[CensusRecordKind.ProtectionPlan].Created);
        Assert.Equal(3, first.Tallies[CensusRecordKind.ReviewConference].Created);

        var db = f.Services.Db;
        var child = await db.People.Include(p => p.Names).SingleAsync(p => p.CouncilChildId == "C0000000", Ct);
        Assert.Equal(("Child C0000000", PersonKind.Child, "F", CinCensusGenerator.Upn(0)), (child.DisplayName, child.Kind, child.Sex, child.Upn));
        Assert.Equal("Child C0000000", Assert.Single(child.Names).FullName);
        var episode = await CaseworkService.WithRecords(db.NeedEpisodes.AsNoTracking().Where(e => e.PersonId == child.Id)).OrderBy(e => e.ReferralDate).FirstAsync(Ct);
        var enquiry = Assert.Single(episode.Enquiries);
        var discussion = Assert.Single(episode.StrategyDiscussions);
        Assert.Equal((discussion.Id, enquiry.StartDate, StrategyOutcome.Section47), (enquiry.StrategyDiscussionId, discussion.Date, discussion.Outcome));
        Assert.Equal(ConferenceOutcome.Plan, enquiry.ConferenceOutcome);
        Assert.Equal(enquiry.Id, Assert.Single(episode.ProtectionPlans).EnquiryId);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Process == CensusImportService.Process && e.Reason!.Contains("census-2024-25.xml"), Ct));

        // Written in bulk, each new record (and each placeholder name) still has its own chained audit event with its fields.
        var created = await db.AuditEvents.Where(e => e.Process == CensusImportService.Process && e.Action == AuditAction.Created).ToListAsync(Ct);
        Assert.Equal(first.Created - first.Tallies[CensusRecordKind.InitialConference].Created + 10, created.Count);
        var childEvent = Assert.Single(created, e => e.EntityType == nameof(Person) && e.EntityId == child.Id.ToString());
        Assert.Contains("\"CouncilChildId\":\"C0000000\"", childEvent.After, StringComparison.Ordinal);
        Assert.Single(created, e => e.EntityType == nameof(S47Enquiry) && e.EntityId == enquiry.Id.ToString());
        Assert.True((await AuditTrail.VerifyAsync(db, Ct)).Intact);
        var events = await db.AuditEvents.CountAsync(Ct);
        var versions = await db.NeedEpisodes.SumAsync(e => e.Version, Ct);

        var again = await ImportAsync(f, path);

        Assert.Equal((0, 0), (again.Created, again.Changed));
        Assert.Equal(first.Created, again.Unchanged);
        Assert.Equal(10, again.Tallies[CensusRecordKind.StrategyDiscussion].Unchanged);
        Assert.Equal(events, await db.AuditEvents.CountAsync(Ct));
        Assert.Equal(versions, await db.NeedEpisodes.SumAsync(e => e.Version, Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_dry_run_counts_what_would_change_and_writes_nothing(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var path = Write("census.xml", CinCensusGenerator.ToText(10, Year));
        var before = await CountAllAsync(f.Services.Db);
        var events = await f.Services.Db.AuditEvents.CountAsync(Ct);

        var dry = await ImportAsync(f, path, dryRun: true);

        Assert.True(dry.DryRun);
        Assert.Equal((10, 14), (dry.Tallies[CensusRecordKind.Child].Created, dry.Tallies[CensusRecordKind.Episode].Created));
        Assert.Equal(before, await CountAllAsync(f.Services.Db));
        Assert.Equal(events, await f.Services.Db.AuditEvents.CountAsync(Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_changed_file_changes_only_what_differs_and_raises_the_episode_version(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var census = CinFixture.Valid();
        await ImportAsync(f, Write("first.xml", census.Xml));
        var db = f.Services.Db;
        var personId = await db.People.Where(p => p.CouncilChildId == "C0000002").Select(p => p.Id).SingleAsync(Ct);
        var version = await db.NeedEpisodes.Where(e => e.PersonId == personId).Select(e => e.Version).SingleAsync(Ct);

        CinFixture.Set(census.Characteristics(1), "Ethnicity", "WROM");
        CinFixture.Set(census.Assessment(2), "AssessmentAuthorisationDate", DateOnly.Parse(census.Assessment(2).Element("AssessmentAuthorisationDate")!.Value, System.Globalization.CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var changed = await ImportAsync(f, Write("second.xml", census.Xml));

        Assert.Equal((0, 2), (changed.Created, changed.Changed));
        Assert.Equal(1, changed.Tallies[CensusRecordKind.Child].Changed);
        Assert.Equal(1, changed.Tallies[CensusRecordKind.Assessment].Changed);
        Assert.Equal("WROM", await db.People.Where(p => p.CouncilChildId == "C0000001").Select(p => p.Ethnicity).SingleAsync(Ct));
        Assert.True(await db.NeedEpisodes.Where(e => e.PersonId == personId).Select(e => e.Version).SingleAsync(Ct) > version);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_child_already_known_by_their_id_is_updated_not_duplicated(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var census = CinFixture.Valid(1);
        var known = await f.Services.Db.People.SingleAsync(p => p.Id == f.ChildId, Ct);
        CinFixture.Set(census.Ids(0), "LAchildID", known.CouncilChildId!.ToLowerInvariant());

        var result = await ImportAsync(f, Write("known.xml", census.Xml), acceptQueries: true);

        Assert.Equal((0, 1), (result.Tallies[CensusRecordKind.Child].Created, result.Tallies[CensusRecordKind.Child].Changed));
        var person = await f.Services.Db.People.AsNoTracking().SingleAsync(p => p.Id == f.ChildId, Ct);
        Assert.Equal(("Amira Khan", CinCensusGenerator.Upn(0), "WBRI"), (person.DisplayName, person.Upn, person.Ethnicity));
        Assert.Equal(1, await f.Services.Db.People.CountAsync(Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_file_that_would_break_a_rule_with_the_records_already_held_is_refused(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        await f.OpenAsync(referral: new DateOnly(2024, 4, 2)); // open in Safeguard, not in the file
        var census = CinFixture.Valid(1);
        CinFixture.Set(census.Ids(0), "LAchildID", "KHA5");
        var path = Write("merged.xml", census.Xml);

        var ex = await Assert.ThrowsAsync<SafeguardValidationException>(() => ImportAsync(f, path, acceptQueries: true));

        Assert.Contains(ex.Problems, p => p.Message.StartsWith("Child KHA5, with the records Safeguard already holds: Census rule", StringComparison.Ordinal));
        Assert.Equal(1, await f.Services.Db.NeedEpisodes.CountAsync(Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_file_with_an_error_is_refused_whole_naming_the_lines(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var census = CinFixture.Valid();
        CinFixture.Set(census.Ids(3), "Sex", "X");
        var before = await CountAllAsync(f.Services.Db);

        var ex = await Assert.ThrowsAsync<SafeguardValidationException>(() => ImportAsync(f, Write("bad.xml", census.Xml), acceptQueries: true));

        Assert.Contains("1 error", ex.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", ex.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains(ex.Problems, p => p.Field.StartsWith("line ", StringComparison.Ordinal) && p.Message.Contains("C0000003", StringComparison.Ordinal));
        Assert.Contains("cin validate", ex.Problems[^1].Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountAllAsync(f.Services.Db));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_file_with_queries_only_is_refused_unless_they_are_accepted(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var census = CinFixture.Valid();
        CinFixture.Set(census.Episode(1), "ReasonForClosure", "RC2"); // closed as died, without a date of death: a query
        var path = Write("queries.xml", census.Xml);

        var ex = await Assert.ThrowsAsync<SafeguardValidationException>(() => ImportAsync(f, path));
        Assert.Contains("--accept-queries", ex.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(1, await f.Services.Db.People.CountAsync(Ct));

        var accepted = await ImportAsync(f, path, acceptQueries: true);
        Assert.True(accepted.Queries > 0);
        Assert.Equal(10, accepted.Tallies[CensusRecordKind.Child].Created);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Files_that_are_not_a_census_of_the_year_are_refused_naming_where(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var valid = CinCensusGenerator.ToText(3, Year);
        var ssda903 = File.ReadLines(Directory.GetFiles(ReferenceFiles.Path("ssda903", "samples"))[0]).First() + "\n1,2,3\n";
        var cases = new (string Name, string Text, string Expected)[]
        {
            ("notes.xml", "this is not XML", "notes.xml"),
            ("cut.xml", valid[..(valid.Length / 2)], "truncated"),
            ("episodes.csv", ssda903, "SSDA903"),
        };
        foreach (var (name, text, expected) in cases)
        {
            var ex = await Assert.ThrowsAsync<SafeguardValidationException>(() => ImportAsync(f, Write(name, text)));
            Assert.Contains(expected, ex.Problems[0].Message, StringComparison.Ordinal);
            Assert.Contains("Nothing was imported", ex.Problems[0].Message, StringComparison.Ordinal);
        }

        var lastYear = valid.Replace("<ReferenceDate>2025-03-31</ReferenceDate>", "<ReferenceDate>2024-03-31</ReferenceDate>", StringComparison.Ordinal);
        var wrongYear = await Assert.ThrowsAsync<SafeguardValidationException>(() => ImportAsync(f, Write("year.xml", lastYear), collection: Year));
        Assert.Matches(@"^year\.xml: line \d+: the reference date 2024-03-31 belongs to the 2023-24 collection, not 2024-25\. Nothing was imported\.$", wrongYear.Problems[0].Message);
        var noRules = await Assert.ThrowsAsync<SafeguardValidationException>(() => ImportAsync(f, Write("rules.xml", valid), collection: CinCollection.Parse("2025-26")));
        Assert.Equal("Collection", noRules.Problems[0].Field);
        Assert.Contains("2025-26", noRules.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(1, await f.Services.Db.People.CountAsync(Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_upn_held_by_another_child_refuses_the_file_and_rolls_back_earlier_batches(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var db = f.Services.Db;
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            var holder = await db.People.SingleAsync(p => p.Id == f.ChildId, Ct);
            holder.Upn = CinCensusGenerator.Upn(9);
            await db.SaveChangesAsync(Ct);
        }

        db.ChangeTracker.Clear();
        var ex = await Assert.ThrowsAsync<SafeguardValidationException>(() => ImportAsync(f, Write("upn.xml", CinCensusGenerator.ToText(10, Year))));

        Assert.Contains(ex.Problems, p => p.Message.Contains($"the UPN {CinCensusGenerator.Upn(9)} is already on the record of child KHA5", StringComparison.Ordinal));
        Assert.Equal(1, await db.People.CountAsync(Ct));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Process == CensusImportService.Process, Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Casework_exports_as_a_census_valid_against_the_schema_with_no_errors(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var c = f.Casework;
        static DateOnly D(int year, int month, int day) => new(year, month, day);
        var episodeId = await f.OpenAsync(referral: D(2024, 10, 1));
        var assessmentId = (await c.StartAssessmentAsync(episodeId, await f.VersionAsync(episodeId), D(2024, 10, 2), D(2024, 10, 3), f.Worker, Ct)).Id;
        await c.CompleteAssessmentAsync(episodeId, await f.VersionAsync(episodeId), assessmentId, null, D(2024, 10, 16), ["3B", "4B"], f.Worker, Ct);
        await c.RecordStrategyDiscussionAsync(episodeId, await f.VersionAsync(episodeId), D(2024, 10, 17), StrategyOutcome.Section47, f.Worker, Ct);
        var enquiry = (await f.EpisodeAsync(episodeId)).Enquiries.Single();
        var planId = (await c.RecordInitialConferenceAsync(episodeId, await f.VersionAsync(episodeId), enquiry.Id, D(2024, 11, 5), ConferenceOutcome.Plan, "NEG", f.Worker, Ct)).Id;
        await c.RecordReviewConferenceAsync(episodeId, await f.VersionAsync(episodeId), planId, D(2025, 2, 3), null, f.Worker, Ct);
        await c.EndProtectionPlanAsync(episodeId, await f.VersionAsync(episodeId), planId, D(2025, 6, 2), f.Worker, Ct); // after 31 March: open in the census
        await c.CloseAsync(episodeId, await f.VersionAsync(episodeId), D(2025, 6, 2), "RC7", f.Worker, Ct);
        var second = await f.AddChildAsync("Tom", "Lee");
        using (f.Services.Db.BeginProcess("Test.Seed", Actor.System()))
        {
            var person = await f.Services.Db.People.SingleAsync(p => p.Id == second, Ct);
            person.Upn = CinCensusGenerator.Upn(7);
            await f.Services.Db.SaveChangesAsync(Ct);
        }

        f.Services.Db.ChangeTracker.Clear();
        await f.OpenAsync(second, D(2025, 1, 6));
        await f.OpenAsync(referral: D(2025, 7, 1)); // in the next collection: left out

        using var output = new MemoryStream();
        var result = await f.Services.Get<CensusExportService>().ExportAsync(output, Year, "201", f.Worker, Ct);

        Assert.Equal((2, 2), (result.Children, result.Episodes));
        var schemas = new XmlSchemaSet();
        schemas.Add(null, ReferenceFiles.Path("cin-census", "CIN_schema_2026.xsd"));
        var schemaProblems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => schemaProblems.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        output.Position = 0;
        using (var reader = XmlReader.Create(output, settings))
        {
            while (reader.Read())
            {
            }
        }

        Assert.Empty(schemaProblems);
        output.Position = 0;
        var issues = new List<CinIssue>();
        var summary = new CinValidator(new WorkingDayCalendar([])).Validate(output, "export.xml", new CinReaderOptions(), issues.Add, cancellationToken: Ct);
        Assert.Empty(issues.Where(i => i.Severity == CinSeverity.Error).Select(i => $"{i.Rule} {i.ChildId} {i.Message}"));
        Assert.Equal(2, summary.Children);
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.Contains("<LEA>201</LEA>", text, StringComparison.Ordinal);
        Assert.Contains("<ReferenceDate>2025-03-31</ReferenceDate>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-06-02", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-07-01", text, StringComparison.Ordinal);
        Assert.True(await f.Services.Db.AuditEvents.AnyAsync(e => e.Process == CensusExportService.Process && e.Action == AuditAction.Exported, Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_imported_census_exports_and_imports_again_with_nothing_changed(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        await ImportAsync(f, Write("generated.xml", CinCensusGenerator.ToText(12, Year)));

        var exported = Path.Combine(_folder, "exported.xml");
        await using (var stream = File.Create(exported))
        {
            var result = await f.Services.Get<CensusExportService>().ExportAsync(stream, Year, "201", f.Worker, Ct);
            Assert.Equal(12, result.Children);
        }

        var again = await ImportAsync(f, exported);

        Assert.Equal((0, 0), (again.Created, again.Changed));
        Assert.Equal(12, again.Tallies[CensusRecordKind.Child].Unchanged);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_export_needs_a_council_code_and_a_child_in_the_year(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var export = f.Services.Get<CensusExportService>();
        using var output = new MemoryStream();

        var badCode = await Assert.ThrowsAsync<SafeguardValidationException>(() => export.ExportAsync(output, Year, "20A", f.Worker, Ct));
        Assert.Equal("La", badCode.Problems[0].Field);
        var nobody = await Assert.ThrowsAsync<SafeguardValidationException>(() => export.ExportAsync(output, Year, "201", f.Worker, Ct));
        Assert.Contains("nothing to export", nobody.Problems[0].Message, StringComparison.Ordinal);

        await f.OpenAsync(referral: new DateOnly(2024, 5, 1));
        var result = await export.ExportAsync(output, Year, "201", f.Worker, Ct);
        Assert.Equal(1, result.Children);
    }

    [Fact]
    public void The_census_sees_a_child_as_at_the_reference_date()
    {
        var child = new CinChild { LaChildId = "A1" };
        var episode = new CinEpisode { ReferralDate = new DateOnly(2025, 1, 6), ClosureDate = new DateOnly(2025, 4, 1), ReasonForClosure = "RC7" };
        episode.Assessments.Add(new CinAssessment { StartDate = new DateOnly(2025, 3, 1), AuthorisationDate = new DateOnly(2025, 4, 1) });
        episode.Assessments[0].Factors.Add("21");
        episode.CinPlans.Add(new CinPlan { StartDate = new DateOnly(2025, 4, 1) });
        child.Episodes.Add(episode);
        child.Episodes.Add(new CinEpisode { ReferralDate = new DateOnly(2024, 1, 6), ClosureDate = new DateOnly(2024, 3, 31) });
        child.Episodes.Add(new CinEpisode { ReferralDate = new DateOnly(2024, 1, 6), ClosureDate = new DateOnly(2024, 4, 1) });

        CensusExportService.AsAt(child, Year);

        Assert.Equal(2, child.Episodes.Count);
        Assert.Equal((null, null), (episode.ClosureDate, episode.ReasonForClosure));
        Assert.Null(episode.Assessments.Single().AuthorisationDate);
        Assert.Empty(episode.Assessments.Single().Factors);
        Assert.Empty(episode.CinPlans);
    }
}
