using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.LookedAfter;

/// <summary>
/// Merging two child records moves the duplicate's looked-after records to the record kept, in the merge's audited
/// save; two care histories over the same days refuse the merge. The kept child has been looked after since
/// 8 January 2024; today is 23 November 2026.
/// </summary>
public class MergedLookedAfterRecordsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static async Task<Guid> DuplicateInCareAsync(CareLeaverTests.Fixture f, string family, DateOnly from, DateOnly to)
    {
        var id = await f.Journey.AddChildAsync("Amira", family);
        var db = f.Db;
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            (await db.People.SingleAsync(p => p.Id == id, Ct)).DateOfBirth = D(2009, 5, 10);
            await db.SaveChangesAsync(Ct);
        }

        db.ChangeTracker.Clear();
        await f.LookedAfter.StartAsync(id, new StartDetails
        {
            StartedOn = from,
            LegalStatus = "V2",
            CategoryOfNeed = "N2",
            PlacementType = "U4",
            PlacementProvider = "PR1",
            PlacementPostcode = "BL8 1AA",
            IroUserId = f.Adviser.UserId,
        }, f.Worker, Ct);
        await f.LookedAfter.RecordReviewAsync(id, new ReviewDetails { HeldOn = from.AddDays(15), IroUserId = f.Adviser.UserId, Participation = "PN1" }, f.Worker, Ct);
        var version = await db.Set<CareEpisode>().AsNoTracking().Where(e => e.PersonId == id && e.EndedOn == null).Select(e => e.Version).SingleAsync(Ct);
        await f.LookedAfter.LeaveCareAsync(id, version, new LeaveDetails(to, "E4A"), f.Worker, Ct);
        return id;
    }

    private static async Task<int> VersionAsync(CareLeaverTests.Fixture f, Guid id) =>
        await f.Db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.Version).SingleAsync(Ct);

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Merging_moves_the_duplicates_care_history_and_reviews_to_the_record_kept_with_the_merges_reason(DatabaseProvider provider)
    {
        await using var f = await CareLeaverTests.Fixture.CreateAsync(provider);
        var duplicate = await DuplicateInCareAsync(f, "Rigby", D(2022, 2, 1), D(2023, 6, 1));
        var index = f.Journey.Services.Get<PersonIndex>();

        await index.MergeAsync(f.ChildId, await VersionAsync(f, f.ChildId), duplicate, await VersionAsync(f, duplicate), "Same child: the school confirmed it", f.Worker, Ct);

        var db = f.Db;
        Assert.Empty(await db.Set<CareEpisode>().Where(e => e.PersonId == duplicate).ToListAsync(Ct));
        Assert.Empty(await db.Set<LookedAfterReview>().Where(r => r.PersonId == duplicate).ToListAsync(Ct));
        var record = await f.LookedAfter.ForChildAsync(f.ChildId, f.Worker, Ct);
        Assert.Equal([D(2022, 2, 1), D(2024, 1, 8)], record!.Episodes.Select(e => e.StartedOn).Order());
        Assert.Contains(await db.Set<LookedAfterReview>().Where(r => r.PersonId == f.ChildId).Select(r => r.HeldOn).ToListAsync(Ct), d => d == D(2022, 2, 16));
        Assert.Contains(await db.AuditEvents.Where(e => e.EntityType == nameof(CareEpisode) && e.Action == AuditAction.Updated).Select(e => e.Reason).ToListAsync(Ct),
            r => r != null && r.Contains("school confirmed", StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Two_care_histories_over_the_same_days_refuse_the_merge_and_move_nothing(DatabaseProvider provider)
    {
        await using var f = await CareLeaverTests.Fixture.CreateAsync(provider);
        var duplicate = await DuplicateInCareAsync(f, "Rigby", D(2024, 3, 1), D(2024, 9, 1));
        var index = f.Journey.Services.Get<PersonIndex>();

        var (keptVersion, duplicateVersion) = (await VersionAsync(f, f.ChildId), await VersionAsync(f, duplicate));
        var refused = await Assert.ThrowsAsync<SafeguardValidationException>(() =>
            index.MergeAsync(f.ChildId, keptVersion, duplicate, duplicateVersion, "Same child", f.Worker, Ct));
        Assert.Equal(
            ("MergedId", "Both records were looked after on the same days (the duplicate's episode from 1 March 2024 and the kept record's from 8 January 2024): correct the care episodes of one of them before merging"),
            (Assert.Single(refused.Problems).Field, refused.Problems[0].Message));
        f.Db.ChangeTracker.Clear();
        Assert.Single(await f.Db.Set<CareEpisode>().Where(e => e.PersonId == duplicate).ToListAsync(Ct));
        Assert.Null(await f.Db.People.Where(p => p.Id == duplicate).Select(p => p.MergedIntoId).SingleAsync(Ct));
    }
}
