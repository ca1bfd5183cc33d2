using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Core.Tests.Journey;
using Safeguard.Dataset;
using Safeguard.LookedAfter;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.LookedAfter;

/// <summary>
/// Indicators 7.1, 7.2 and 7.3 worked out from the care episodes (today is Monday 23 November 2026, in 2026-27 Q3).
/// The child comes into care in Q1, moves in Q2 and leaves care in Q2, then comes into care again in Q3.
/// </summary>
public class LookedAfterIndicatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static CareEpisode Episode(Guid child, DateOnly start, string rne, DateOnly? end, string? rec, DateTimeOffset recorded) => new()
    {
        PersonId = child,
        StartedOn = start,
        EndedOn = end,
        ReasonForNewEpisode = rne,
        ReasonEpisodeCeased = rec,
        LegalStatus = "V2",
        CategoryOfNeed = "N1",
        PlacementType = "U6",
        PlacementProvider = "PR1",
        PlacementPostcode = rne == "P" ? "BL9 5BT" : "BL9 0EJ",
        IroName = "Ira Reviewing",
        RecordedAt = recorded,
        RecordedByName = "Sam Worker",
    };

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Children_looked_after_at_quarter_end_starting_and_ceasing_are_counted_from_the_episodes_each_child_once(DatabaseProvider provider)
    {
        await using var f = await JourneyFixture.CreateAsync(provider);
        var db = f.Services.Get<SafeguardDbContext>();
        await IndicatorCatalogue.SyncAsync(db, Ct);
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.AddRange(
                Episode(f.ChildId, D(5, 10), "S", D(8, 1), "X1", UkTime.StartOfDay(D(5, 10))),
                Episode(f.ChildId, D(8, 1), "P", D(9, 20), "E4A", UkTime.StartOfDay(D(8, 1))),
                Episode(f.ChildId, D(10, 5), "S", null, null, UkTime.StartOfDay(D(10, 6))));
            await db.SaveChangesAsync(Ct);
        }

        var calculator = f.Services.Get<DatasetCalculator>();
        var rows = (await calculator.ComputeAsync(new ReportingYear(2026), cancellationToken: Ct)).Rows.ToDictionary(r => r.Indicator.Code);
        Assert.All(["7.1", "7.2", "7.3"], code => Assert.Equal(IndicatorSource.Computed, rows[code].Indicator.Source));
        Assert.Equal([1m, 0m], rows["7.1"].Quarters.Take(2)); // in care on 30 June; left on 20 September
        Assert.Equal([1m, 0m], rows["7.2"].Quarters.Take(2)); // the move in Q2 is not a start
        Assert.Equal([0m, 1m], rows["7.3"].Quarters.Take(2));

        // The drill-down names the child and the date counted; the running quarter counts up to today.
        var starting = await db.Set<Indicator>().AsNoTracking().SingleAsync(i => i.Code == "7.2", Ct);
        var q3 = (await calculator.BreakdownAsync(starting.Id, new ReportingYear(2026).Quarter(3), cancellationToken: Ct))!.Breakdown;
        var record = Assert.Single(q3.Records);
        Assert.Equal((f.ChildId, D(10, 5)), (record.Children.Single(), record.Date));
        var lookedAfter = await db.Set<Indicator>().AsNoTracking().SingleAsync(i => i.Code == "7.1", Ct);
        Assert.Single((await calculator.BreakdownAsync(lookedAfter.Id, new ReportingYear(2026).Quarter(3), cancellationToken: Ct))!.Breakdown.Records);

        // As known on 1 October (before the second period was recorded), Q3 so far has no one in care.
        var then = (await calculator.BreakdownAsync(lookedAfter.Id, new ReportingYear(2026).Quarter(3), UkTime.StartOfDay(D(10, 2)), Ct))!.Breakdown;
        Assert.Empty(then.Records);
    }
}
