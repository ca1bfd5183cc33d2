using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Core.Tests.Interchange.Cin;
using Safeguard.Interchange.Cin;
using Safeguard.Journey;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Journey;

/// <summary>
/// Re-importing a census: a child whose census content is what the import last applied, with no change to its
/// records since, is skipped by its stored digest (docs/adr/0034); and a refused file leaves nothing behind.
/// </summary>
public sealed class CensusReimportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cin-reimport-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static Task<CensusImportResult> ImportAsync(JourneyFixture f, string path, bool acceptQueries = true) =>
        f.Services.Get<CensusImportService>().ImportAsync(path, new CensusImportOptions { AcceptQueries = acceptQueries, BatchSize = 4 }, f.Worker, Ct);

    private static async Task<Dictionary<string, string>> DigestsAsync(SafeguardDbContext db) =>
        await db.CensusDigests.AsNoTracking()
            .Join(db.People, d => d.PersonId, p => p.Id, (d, p) => new { p.CouncilChildId, d.Digest })
            .ToDictionaryAsync(x => x.CouncilChildId!, x => Convert.ToHexString(x.Digest), Ct);

    private static Dictionary<CensusRecordKind, (int, int, int)> Tallies(CensusImportResult result) =>
        result.Tallies.ToDictionary(t => t.Key, t => (t.Value.Created, t.Value.Changed, t.Value.Unchanged));

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_unchanged_reimport_skips_every_child_counts_as_a_full_one_and_writes_nothing(DatabaseProvider provider)
    {
        await using var f = await JourneyFixture.CreateAsync(provider);
        var db = f.Services.Db;
        var path = Write("census.xml", CinCensusGenerator.ToText(10, CinFixture.Collection));
        await ImportAsync(f, path);
        Assert.Equal(10, (await DigestsAsync(db)).Count);

        // Without digests the import loads and compares every child (as before digests existed) ...
        await db.CensusDigests.ExecuteDeleteAsync(Ct);
        var full = await ImportAsync(f, path);
        Assert.Equal(10, (await DigestsAsync(db)).Count);
        var events = await db.AuditEvents.CountAsync(Ct);
        var versions = await db.NeedEpisodes.SumAsync(e => e.Version, Ct) + await db.People.SumAsync(p => p.Version, Ct);

        // ... which a re-import skipping them all reports in the same way, writing nothing.
        var skipped = await ImportAsync(f, path);

        Assert.Equal((0, 0), (full.Created, full.Changed));
        Assert.Equal(Tallies(full), Tallies(skipped));
        Assert.Equal(full.Notes, skipped.Notes);
        Assert.Equal(events, await db.AuditEvents.CountAsync(Ct));
        Assert.Equal(versions, await db.NeedEpisodes.SumAsync(e => e.Version, Ct) + await db.People.SumAsync(p => p.Version, Ct));

        // Skipped indeed: a value changed behind the application's back (no save, so no invalidation) is not put back.
        await db.People.Where(p => p.CouncilChildId == "C0000001").ExecuteUpdateAsync(s => s.SetProperty(p => p.Ethnicity, "WROM"), Ct);
        var again = await ImportAsync(f, path);
        Assert.Equal(0, again.Changed);
        Assert.Equal("WROM", await db.People.Where(p => p.CouncilChildId == "C0000001").Select(p => p.Ethnicity).SingleAsync(Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_child_changed_in_the_file_is_updated_and_its_digest_replaced(DatabaseProvider provider)
    {
        await using var f = await JourneyFixture.CreateAsync(provider);
        var db = f.Services.Db;
        var census = CinFixture.Valid();
        await ImportAsync(f, Write("first.xml", census.Xml));
        var before = await DigestsAsync(db);

        CinFixture.Set(census.Characteristics(1), "Ethnicity", "WROM");
        var second = Write("second.xml", census.Xml);
        var changed = await ImportAsync(f, second);

        Assert.Equal((0, 1), (changed.Created, changed.Changed));
        Assert.Equal(1, changed.Tallies[CensusRecordKind.Child].Changed);
        Assert.Equal("WROM", await db.People.Where(p => p.CouncilChildId == "C0000001").Select(p => p.Ethnicity).SingleAsync(Ct));
        var after = await DigestsAsync(db);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.Equal([census.ChildId(1)], after.Where(d => before[d.Key] != d.Value).Select(d => d.Key).ToList());

        var again = await ImportAsync(f, second);
        Assert.Equal((0, 0), (again.Created, again.Changed));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_change_to_a_childs_records_after_an_import_clears_its_digest_so_the_file_applies_again(DatabaseProvider provider)
    {
        await using var f = await JourneyFixture.CreateAsync(provider);
        var db = f.Services.Db;
        var path = Write("census.xml", CinCensusGenerator.ToText(10, CinFixture.Collection));
        await ImportAsync(f, path);

        // Casework through the service: an open episode closed.
        var episode = await db.NeedEpisodes.AsNoTracking().Where(e => e.ClosureDate == null).OrderBy(e => e.ReferralDate).FirstAsync(Ct);
        var owner = await db.People.AsNoTracking().Where(p => p.Id == episode.PersonId).Select(p => p.CouncilChildId!).SingleAsync(Ct);
        await f.Casework.CloseAsync(episode.Id, episode.Version, JourneyFixture.Today, "RC4", f.Worker, Ct);
        db.ChangeTracker.Clear();
        var digests = await DigestsAsync(db);
        Assert.Equal(9, digests.Count);
        Assert.DoesNotContain(owner, digests.Keys);

        // A review conference added to a plan, as a page saves it (a record three steps from the child's record).
        var plan = await db.Set<ProtectionPlan>().AsNoTracking()
            .Where(p => db.NeedEpisodes.Any(e => e.Id == p.EpisodeId && e.PersonId != episode.PersonId)).OrderBy(p => p.StartDate).FirstAsync(Ct);
        var planOwner = await db.NeedEpisodes.Where(e => e.Id == plan.EpisodeId).Join(db.People, e => e.PersonId, p => p.Id, (e, p) => p.CouncilChildId!).SingleAsync(Ct);
        var review = new ReviewConference { PlanId = plan.Id, Date = plan.StartDate.AddDays(20) };
        using (db.BeginProcess("Test.Edit", Actor.System()))
        {
            db.Add(review);
            await db.SaveChangesAsync(Ct);
        }

        db.ChangeTracker.Clear();
        Assert.DoesNotContain(planOwner, (await DigestsAsync(db)).Keys);
        Assert.NotEqual(owner, planOwner);

        // A change of a value the file holds, saved as any page saves: the import puts the file's value back.
        using (db.BeginProcess("Test.Edit", Actor.System()))
        {
            var child = await db.People.SingleAsync(p => p.CouncilChildId == "C0000002", Ct);
            child.Ethnicity = "WROM";
            await db.SaveChangesAsync(Ct);
        }

        db.ChangeTracker.Clear();
        Assert.Equal(7, (await DigestsAsync(db)).Count);

        var again = await ImportAsync(f, path);

        Assert.Equal((0, 1), (again.Created, again.Changed));
        Assert.Equal(1, again.Tallies[CensusRecordKind.Child].Changed);
        Assert.NotEqual("WROM", await db.People.Where(p => p.CouncilChildId == "C0000002").Select(p => p.Ethnicity).SingleAsync(Ct));
        Assert.True(await db.Set<ReviewConference>().AnyAsync(r => r.Id == review.Id, Ct)); // the file adds; it never deletes
        var closed = await db.NeedEpisodes.AsNoTracking().SingleAsync(e => e.Id == episode.Id, Ct);
        Assert.Equal((JourneyFixture.Today, "RC4"), (closed.ClosureDate, closed.ReasonForClosure));
        Assert.Equal(10, (await DigestsAsync(db)).Count);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_file_refused_after_batches_were_loaded_leaves_the_database_exactly_as_before(DatabaseProvider provider)
    {
        await using var f = await JourneyFixture.CreateAsync(provider);
        var db = f.Services.Db;
        var census = CinFixture.Valid();
        await ImportAsync(f, Write("first.xml", census.Xml));

        // Children changed and added early in the file, loaded in batches of four, then refused: by a child's
        // error near the end, and by a whole-return error found only after the last child (8510, a repeated id).
        CinFixture.Set(census.Characteristics(0), "Ethnicity", "WROM");
        CinFixture.Set(census.Ids(2), "LAchildID", "NEW0000002");
        CinFixture.Set(census.Ids(2), "UPN", CinCensusGenerator.Upn(50));
        CinFixture.Set(census.Episode(1), "ReasonForClosure", "RC2"); // closed as died, without a date of death: a query
        var lateError = CinFixture.Valid();
        CinFixture.Set(lateError.Characteristics(0), "Ethnicity", "WROM");
        CinFixture.Set(lateError.Ids(9), "Sex", "X");
        var repeated = CinFixture.Valid();
        CinFixture.Set(repeated.Characteristics(0), "Ethnicity", "WROM");
        CinFixture.Set(repeated.Ids(9), "LAchildID", repeated.ChildId(8));
        var before = await SnapshotAsync(db);

        var error = await Assert.ThrowsAsync<SafeguardValidationException>(() => ImportAsync(f, Write("late.xml", lateError.Xml)));
        Assert.Contains("1 error", error.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains(error.Problems, p => p.Field.StartsWith("line ", StringComparison.Ordinal) && p.Message.Contains($"(child {lateError.ChildId(9)})", StringComparison.Ordinal));
        Assert.Equal(before, await SnapshotAsync(db));

        var duplicate = await Assert.ThrowsAsync<SafeguardValidationException>(() => ImportAsync(f, Write("repeated.xml", repeated.Xml)));
        Assert.Contains(duplicate.Problems, p => p.Message.StartsWith("8510 ", StringComparison.Ordinal));
        Assert.Equal(before, await SnapshotAsync(db));

        var queries = Write("changed.xml", census.Xml);
        var refused = await Assert.ThrowsAsync<SafeguardValidationException>(() => ImportAsync(f, queries, acceptQueries: false));
        Assert.Contains("--accept-queries", refused.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(db));
        Assert.True((await AuditTrail.VerifyAsync(db, Ct)).Intact);

        // And the same file accepted is imported in full afterwards.
        var accepted = await ImportAsync(f, queries);
        Assert.Equal(1, accepted.Tallies[CensusRecordKind.Child].Created);
        Assert.True((await AuditTrail.VerifyAsync(db, Ct)).Intact);
    }

    /// <summary>Every row the import could write, as text.</summary>
    private static async Task<string> SnapshotAsync(SafeguardDbContext db)
    {
        var text = new StringBuilder();
        foreach (var p in await db.People.AsNoTracking().OrderBy(p => p.CouncilChildId).ThenBy(p => p.Id).ToListAsync(Ct))
        {
            text.AppendLine($"person {p.Id} {p.CouncilChildId} {p.Upn} {p.Sex} {p.Ethnicity} {p.Disabilities} {p.DateOfBirth} {p.Version}");
        }

        foreach (var e in await db.NeedEpisodes.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct))
        {
            text.AppendLine($"episode {e.Id} {e.PersonId} {e.ReferralDate} {e.ClosureDate} {e.ReasonForClosure} {e.Version}");
        }

        text.AppendLine($"assessments {await db.Set<CaseAssessment>().CountAsync(Ct)} cin plans {await db.Set<ChildInNeedPlan>().CountAsync(Ct)}");
        text.AppendLine($"discussions {await db.Set<StrategyDiscussion>().CountAsync(Ct)} enquiries {await db.Set<S47Enquiry>().CountAsync(Ct)}");
        text.AppendLine($"plans {await db.Set<ProtectionPlan>().CountAsync(Ct)} reviews {await db.Set<ReviewConference>().CountAsync(Ct)} names {await db.Set<Safeguard.People.PersonName>().CountAsync(Ct)}");
        text.AppendLine($"audit {await db.AuditEvents.CountAsync(Ct)}");
        foreach (var (id, digest) in (await DigestsAsync(db)).OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"digest {id} {digest}");
        }

        return text.ToString();
    }
}
