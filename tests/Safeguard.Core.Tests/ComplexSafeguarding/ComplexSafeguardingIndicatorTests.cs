using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.ComplexSafeguarding;
using Safeguard.Dataset;
using Safeguard.Persistence;
using Safeguard.Testing;
using static Safeguard.Core.Tests.ComplexSafeguarding.MissingFixture;

namespace Safeguard.Core.Tests.ComplexSafeguarding;

/// <summary>Indicators 3.4a, 3.4b, 3.5, 3.7 and 3.8 worked out from known missing episodes, interviews and screenings (today is Monday 23 November 2026, in 2026-27 Q3).</summary>
public class ComplexSafeguardingIndicatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    private static DateOnly D(int month, int day) => new(2026, month, day);

    /// <summary>
    /// A database that had 3.5 as a returned indicator, with figures returned up to 2026-27 Q1: the sync switches it to
    /// computed from Q2, and Q1 and the year before keep the returned figures (ADR 0035).
    /// </summary>
    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_indicator_switched_to_computed_keeps_its_returned_quarters(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var db = f.Services.Get<SafeguardDbContext>();
        await IndicatorCatalogue.SyncAsync(db, Ct);
        var csc = await db.Agencies.Where(x => x.Code == "CSC").Select(x => x.Id).SingleAsync(Ct);
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            var rhi = await db.Set<Indicator>().SingleAsync(i => i.Code == "3.5", Ct);
            (rhi.Source, rhi.Calculation, rhi.SupplierAgencyId, rhi.ComputedFrom) = (IndicatorSource.Returned, null, csc, null);
            foreach (var (quarter, value) in new[] { (new ReportingYear(2025).Quarter(4), 51m), (new ReportingYear(2026).Quarter(1), 56m) })
            {
                var dataReturn = new DataReturn { YearStart = quarter.Year.StartYear, Quarter = quarter.Number, DueOn = quarter.End.AddMonths(1), OpenedAt = UkTime.StartOfDay(quarter.End.AddDays(1)), OpenedBy = "Bea" };
                var request = new DataReturnRequest { DataReturnId = dataReturn.Id, AgencyId = csc, DueOn = dataReturn.DueOn, SubmittedAt = UkTime.StartOfDay(quarter.End.AddDays(10)), SubmittedBy = "Dee" };
                dataReturn.Requests.Add(request);
                db.AddRange(dataReturn, new ReturnedFigure { RequestId = request.Id, IndicatorId = rhi.Id, Value = value, RecordedAt = request.SubmittedAt!.Value, RecordedBy = "Dee" });
            }

            await db.SaveChangesAsync(Ct);
        }

        db.ChangeTracker.Clear();
        await IndicatorCatalogue.SyncAsync(db, Ct);
        var switched = await db.Set<Indicator>().AsNoTracking().SingleAsync(i => i.Code == "3.5", Ct);
        Assert.Equal((IndicatorSource.Computed, "return-interviews-within-72-hours", (DateOnly?)new DateOnly(2026, 7, 1), (Guid?)csc),
            (switched.Source, switched.Calculation, switched.ComputedFrom, switched.SupplierAgencyId));
        Assert.Contains(await db.AuditEvents.Where(e => e.EntityType == "Indicator" && e.EntityId == switched.Id.ToString()).Select(e => e.Process).ToListAsync(Ct), p => p == "Dataset.SyncCatalogue");

        // One episode ended in Q2, interviewed on time by an independent person: Q2 is computed (100%); Q1 keeps the 56% returned.
        var episode = await f.RecordAsync(Utc(8, 3, 12), Utc(8, 3, 20));
        await f.Missing.RecordInterviewAsync(episode.Id, 0, Interview(Utc(8, 4, 9)), f.Worker, Ct);
        var calculator = f.Services.Get<DatasetCalculator>();
        var row = (await calculator.ComputeAsync(new ReportingYear(2026), cancellationToken: Ct)).Rows.Single(r => r.Indicator.Code == "3.5");
        Assert.Equal([56m, 100m], row.Quarters.Take(2));
        Assert.Equal(51m, (await calculator.ComputeAsync(new ReportingYear(2025), cancellationToken: Ct)).Rows.Single(r => r.Indicator.Code == "3.5").Q4);
        Assert.Null(await calculator.BreakdownAsync(switched.Id, new ReportingYear(2026).Quarter(1), cancellationToken: Ct));
        Assert.Equal(1, (await calculator.BreakdownAsync(switched.Id, new ReportingYear(2026).Quarter(2), cancellationToken: Ct))!.Breakdown.Numerator);

        // A quarter before the switch with no figure returned is a gap that says so, never a figure made up from records.
        var q3Before = (await calculator.ComputeAsync(new ReportingYear(2025), cancellationToken: Ct)).Rows.Single(r => r.Indicator.Code == "3.5");
        Assert.Null(q3Before.Q3);
        Assert.Contains(q3Before.Gaps, g => g.Period == "Q3" && g.Reason.StartsWith("No figure was returned for 2025-26 Q3", StringComparison.Ordinal));

        // A database where nothing was ever returned for it computes every quarter.
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            var rhi = await db.Set<Indicator>().SingleAsync(i => i.Code == "3.8", Ct);
            (rhi.Source, rhi.Calculation) = (IndicatorSource.Returned, null);
            await db.SaveChangesAsync(Ct);
        }

        db.ChangeTracker.Clear();
        await IndicatorCatalogue.SyncAsync(db, Ct);
        Assert.Equal((IndicatorSource.Computed, (DateOnly?)null), await db.Set<Indicator>().Where(i => i.Code == "3.8").Select(i => new ValueTuple<IndicatorSource, DateOnly?>(i.Source, i.ComputedFrom)).SingleAsync(Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Each_indicator_counts_what_its_definition_says(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var exploitation = f.Services.Get<ExploitationService>();
        var a = f.ChildId;
        var b = await f.Journey.AddChildAsync("Bea", "Care");
        var c = await f.Journey.AddChildAsync("Cal", "Third");

        // Child A, at home: two episodes in Q3 (counted once), one in Q2.
        var a1 = await f.RecordAsync(Utc(10, 2, 12), Utc(10, 2, 20), a);
        await f.Missing.RecordInterviewAsync(a1.Id, 0, Interview(Utc(10, 3, 6)), f.Worker, Ct); // independent, 10 hours: counts
        var a2 = await f.RecordAsync(Utc(10, 20, 12), Utc(10, 21, 1), a);
        await f.Missing.RecordInterviewAsync(a2.Id, 0, Interview(Utc(10, 24, 2)), f.Worker, Ct); // 73 hours: late
        await f.RecordAsync(Utc(9, 10, 12), Utc(9, 10, 18), a);

        // Child B, looked after: missing from a placement (interview by someone not independent), then away without authorisation, still away.
        var b1 = await f.Missing.RecordAsync(b, Episode(Utc(11, 1, 2), Utc(11, 1, 10), f.PoliceAgencyId, from: MissingFrom.CarePlacement, lookedAfter: true), f.Worker, Ct);
        await f.Missing.RecordInterviewAsync(b1.Id, 0, Interview(Utc(11, 1, 15)) with { Independent = false }, f.Worker, Ct);
        await f.Missing.RecordAsync(b, Episode(Utc(11, 5, 2), null, f.PoliceAgencyId, MissingKind.AwayWithoutAuthorisation, MissingFrom.CarePlacement, lookedAfter: true), f.Worker, Ct);

        // Screenings: A's CSE referral (Q2, high) with an intervention open across 31 October; B's CSE and CCE referral (Q3, medium) open;
        // C's CCE-only referral at high risk (not CSE), and a CSE high-risk screening without a referral, and one with.
        await exploitation.ScreenAsync(a, ExploitationTests.Screening(D(9, 15), started: D(9, 20), ended: D(11, 1), categories: ExploitationCategories.Sexual), f.Worker, Ct);
        await exploitation.ScreenAsync(b, ExploitationTests.Screening(D(10, 10), ExploitationRisk.Medium, started: D(10, 12)), f.Worker, Ct);
        await exploitation.ScreenAsync(c, ExploitationTests.Screening(D(11, 1), categories: ExploitationCategories.Criminal, started: D(11, 2)), f.Worker, Ct);
        await exploitation.ScreenAsync(c, ExploitationTests.Screening(D(11, 3), outcome: ScreeningOutcome.SupportWithoutReferral), f.Worker, Ct);
        await exploitation.ScreenAsync(c, ExploitationTests.Screening(D(11, 4)), f.Worker, Ct);

        var year = new ReportingYear(2026);
        var (q2, q3) = (year.Quarter(2), year.Quarter(3));
        async Task<(decimal? Value, IndicatorBreakdown Breakdown)> Figure(string key, ReportingQuarter quarter, DateTimeOffset? asAt = null)
        {
            var calculation = Assert.Single(f.Services.Get<IEnumerable<IIndicatorCalculation>>(), x => x.Key == key);
            var context = new CalculationContext(asAt ?? f.Clock.GetUtcNow(), null, year.Start, year.End);
            var breakdown = await calculation.BreakdownAsync(quarter, context, Ct);
            Assert.Equal(breakdown.Figure(null).Value, (await calculation.CalculateAsync(quarter, context, Ct)).Value);
            return (breakdown.Figure(null).Value, breakdown);
        }

        // 3.4a and 3.4b: children, once each, by the start of their episodes while at home or looked after.
        var home = await Figure("children-missing-from-home", q3);
        Assert.Equal((1m, D(10, 2)), (home.Value!.Value, Assert.Single(home.Breakdown.Records).Date));
        Assert.Equal(1m, (await Figure("children-missing-from-home", q2)).Value);
        var care = await Figure("children-missing-from-care", q3);
        Assert.Equal((1m, b), (care.Value!.Value, Assert.Single(care.Breakdown.Records).Children[0]));

        // 3.5: of the three episodes that ended in Q3, one had an independent interview offered within 72 hours.
        var rhi = await Figure("return-interviews-within-72-hours", q3);
        Assert.Equal((3, 1), (rhi.Breakdown.Denominator, rhi.Breakdown.Numerator));
        Assert.Equal(100m / 3, rhi.Value);
        Assert.Equal(0m, (await Figure("return-interviews-within-72-hours", q2)).Value); // returned 10 September, no interview

        // 3.7: only 31 October has passed in Q3: A's and B's CSE interventions were open then (C's is CCE); Q2's 30 September had A's.
        var open = await Figure("cse-open-month-end", q3);
        Assert.Equal((2m, 1), (open.Value!.Value, open.Breakdown.Snapshots));
        var q2Open = await Figure("cse-open-month-end", q2);
        Assert.Equal((1, 3), (q2Open.Breakdown.Numerator, q2Open.Breakdown.Snapshots));
        Assert.Equal(1m / 3, q2Open.Value);

        // 3.8: CSE referrals at high risk: A's in Q2; C's of 4 November in Q3 (not the CCE one, nor the one without a referral, nor B's at medium).
        Assert.Equal(1m, (await Figure("cse-high-risk-referrals", q2)).Value);
        var high = await Figure("cse-high-risk-referrals", q3);
        Assert.Equal((1m, c, D(11, 4)), (high.Value!.Value, high.Breakdown.Records[0].Children[0], high.Breakdown.Records[0].Date));

        // As at an instant before the records were made, nothing counts.
        var before = f.Clock.GetUtcNow().AddMinutes(-1);
        Assert.Equal(0m, (await Figure("children-missing-from-home", q3, before)).Value);
        Assert.Null((await Figure("return-interviews-within-72-hours", q3, before)).Value);
        Assert.Equal(0m, (await Figure("cse-open-month-end", q3, before)).Value);
    }
}
