using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.ComplexSafeguarding;
using Safeguard.Core.Tests.ComplexSafeguarding;
using Safeguard.LookedAfter;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.LookedAfter;

/// <summary>
/// A missing episode of a child looked after when it started is missing from care, linked to the care episode and
/// placement it happened in (today is Monday 23 November 2026). The child is in care from 1 June 2026, moves on
/// 1 September and leaves care on 1 November.
/// </summary>
public class MissingFromCareTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static DateTimeOffset Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    private static CareEpisode Episode(Guid child, DateOnly start, string rne, DateOnly end, string rec, string postcode) => new()
    {
        PersonId = child,
        StartedOn = start,
        EndedOn = end,
        ReasonForNewEpisode = rne,
        ReasonEpisodeCeased = rec,
        LegalStatus = "V2",
        CategoryOfNeed = "N1",
        PlacementType = rne == "S" ? "U6" : "K2",
        PlacementProvider = "PR1",
        PlacementPostcode = postcode,
        IroName = "Ira Reviewing",
        RecordedAt = UkTime.StartOfDay(start),
        RecordedByName = "Sam Worker",
    };

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_episode_starting_while_looked_after_is_marked_missing_from_care_and_linked_to_the_care_episode_it_started_in(DatabaseProvider provider)
    {
        await using var f = await MissingFixture.CreateAsync(provider);
        var db = f.Services.Get<SafeguardDbContext>();
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.AddRange(Episode(f.ChildId, D(6, 1), "S", D(9, 1), "X1", "BL9 0EJ"), Episode(f.ChildId, D(9, 1), "P", D(11, 1), "E4A", "OL10 1LR"));
            await db.SaveChangesAsync(Ct);
        }

        // Reported as not looked after, but the care records say otherwise: marked missing from care.
        var inFirst = await f.RecordAsync(Utc(7, 10, 20), Utc(7, 11, 8));
        var onMoveDay = await f.RecordAsync(Utc(9, 1, 20), Utc(9, 2, 8));
        var afterCare = await f.RecordAsync(Utc(11, 10, 20), Utc(11, 11, 8));
        var before = await f.RecordAsync(Utc(5, 10, 20), Utc(5, 11, 8));
        var flags = await db.Set<MissingEpisode>().AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.LookedAfter, Ct);
        Assert.Equal((true, true, false, false), (flags[inFirst.Id], flags[onMoveDay.Id], flags[afterCare.Id], flags[before.Id]));

        // Each is linked to the episode (and placement) it started in: on the day of a move, the new placement.
        Assert.Equal("BL9 0EJ", (await CareAtTime.EpisodeOnAsync(db, f.ChildId, D(7, 10), Ct))!.PlacementPostcode);
        Assert.Equal("OL10 1LR", (await CareAtTime.EpisodeOnAsync(db, f.ChildId, D(9, 1), Ct))!.PlacementPostcode);
        Assert.Equal("OL10 1LR", (await CareAtTime.EpisodeOnAsync(db, f.ChildId, D(11, 1), Ct))!.PlacementPostcode); // the day care ended
        Assert.Null(await CareAtTime.EpisodeOnAsync(db, f.ChildId, D(11, 2), Ct));
        var linked = await CareAtTime.MissingFromCareAsync(db, f.ChildId, Ct);
        Assert.Equal([(onMoveDay.Id, "K2"), (inFirst.Id, "U6")], linked.Select(x => (x.Missing.Id, x.Care.PlacementType)));

        // Changing an episode's start into the period of care marks it too (3.4b counts the mark).
        var episode = await db.Set<MissingEpisode>().AsNoTracking().SingleAsync(e => e.Id == before.Id, Ct);
        await f.Missing.ChangeAsync(before.Id, episode.Version, MissingFixture.Episode(Utc(6, 10, 20), Utc(6, 11, 8), f.PoliceAgencyId), f.Worker, Ct);
        Assert.True(await db.Set<MissingEpisode>().AsNoTracking().Where(e => e.Id == before.Id).Select(e => e.LookedAfter).SingleAsync(Ct));
    }
}
