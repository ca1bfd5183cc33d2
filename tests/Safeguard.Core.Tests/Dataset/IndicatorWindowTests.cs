using Microsoft.Extensions.DependencyInjection;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.DemoData;
using Safeguard.FrontDoor;
using Safeguard.Journey;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Dataset;

/// <summary>
/// The dataset reads only the records that can count in the years it is asked about (with the history those
/// years look back on). Whatever those years, every computed indicator must count exactly the same
/// records as when everything is read: checked on a generated area for every quarter from three years back to
/// a year still to come, as at today and as at an earlier day.
/// </summary>
public sealed class IndicatorWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly (DateOnly From, DateOnly Until) Everything = (new(2000, 4, 1), new(2100, 3, 31));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Every_computed_indicator_counts_the_same_records_whatever_years_its_records_were_read_for(DatabaseProvider provider)
    {
        await using var services = await TestServices.CreateAsync(provider, new FakeTimeProvider(Now));
        await services.Get<DemoSeeder>().SeedAsync("Testshire", new DemoOptions(Scale: 0.02), Ct);
        services.Db.ChangeTracker.Clear();
        var scopes = services.Get<IServiceScopeFactory>();

        var compared = 0;
        foreach (var asAt in new[] { Now, UkTime.EndOfDay(new DateOnly(2025, 6, 15)) })
        {
            for (var start = 2023; start <= 2027; start++)
            {
                var year = new ReportingYear(start);
                var all = Calculations(new FrontDoorIndicatorData(scopes), new JourneyIndicatorData(scopes));
                var sameYear = Calculations(new FrontDoorIndicatorData(scopes), new JourneyIndicatorData(scopes));
                var yearBefore = Calculations(new FrontDoorIndicatorData(scopes), new JourneyIndicatorData(scopes));
                for (var i = 0; i < all.Count; i++)
                {
                    foreach (var quarter in year.Quarters)
                    {
                        var expected = Describe(await all[i].BreakdownAsync(quarter, new CalculationContext(asAt, 1000m, Everything.From, Everything.Until), Ct));
                        Assert.Equal(expected, Describe(await sameYear[i].BreakdownAsync(quarter, new CalculationContext(asAt, 1000m, year.Start, year.End), Ct)));
                        Assert.Equal(expected, Describe(await yearBefore[i].BreakdownAsync(quarter, new CalculationContext(asAt, 1000m, year.Previous.Start, new ReportingYear(start + 1).End), Ct)));
                        compared += expected.Count > 1 ? 1 : 0;
                    }
                }
            }
        }

        // Most of those quarters counted something, so the comparison was not between empty lists.
        Assert.InRange(compared, 300, 16 * 4 * 5 * 2);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Years_computed_together_have_the_figures_each_has_computed_alone(DatabaseProvider provider)
    {
        await using var services = await TestServices.CreateAsync(provider, new FakeTimeProvider(Now));
        await services.Get<DemoSeeder>().SeedAsync("Testshire", new DemoOptions(Scale: 0.02), Ct);
        ReportingYear[] years = [new(2023), new(2024), new(2025), new(2026)];

        IReadOnlyList<DatasetResult> together;
        using (var scope = services.Provider.CreateScope())
        {
            together = await scope.ServiceProvider.GetRequiredService<DatasetCalculator>().ComputeAsync(years, Now, Ct);
        }

        Assert.Equal(years, together.Select(d => d.Year));
        foreach (var (year, computed) in years.Zip(together))
        {
            using var scope = services.Provider.CreateScope();
            var alone = await scope.ServiceProvider.GetRequiredService<DatasetCalculator>().ComputeAsync(year, Now, Ct);
            Assert.Equal(Figures(alone), Figures(computed));
        }

        // Not a comparison of empty datasets: the middle years have computed figures for the year and the one before.
        Assert.Contains(together[2].Rows, r => r.Indicator.Source == IndicatorSource.Computed && r.Year is > 0 && r.PreviousYear is > 0);
    }

    private static List<string> Figures(DatasetResult dataset) =>
        [.. dataset.Rows.Select(r => $"{r.Indicator.Code} {string.Join(' ', r.Quarters)} {r.Year} {r.PreviousYear} {r.Difference} {string.Join(';', r.Gaps)}")];

    private static List<RecordIndicator<FrontDoorFacts>> FrontDoor(FrontDoorIndicatorData facts) =>
        [.. FrontDoorIndicators.All.Select(c => new RecordIndicator<FrontDoorFacts>(c.Key, c.Count, facts))];

    private static List<IIndicatorCalculation> Calculations(FrontDoorIndicatorData frontDoor, JourneyIndicatorData journey) =>
        [.. FrontDoor(frontDoor), .. JourneyIndicators.All.Select(c => new RecordIndicator<JourneyFacts>(c.Key, c.Count, journey))];

    /// <summary>The figure, then every record counted, in a fixed order.</summary>
    private static List<string> Describe(IndicatorBreakdown breakdown) =>
        [
            $"{breakdown.Figure(1000m).Value} {breakdown.Figure(1000m).MissingReason}",
            .. breakdown.Records
                .Select(r => $"{string.Join('+', r.Children)} {r.Event} {r.Date:yyyy-MM-dd} {r.InNumerator} {r.WorkingDays}")
                .Order(StringComparer.Ordinal),
        ];
}
