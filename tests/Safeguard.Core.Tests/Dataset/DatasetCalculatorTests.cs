using Microsoft.EntityFrameworkCore;
using Safeguard.Common;
using Safeguard.Core.Tests.CaseReviews;
using Safeguard.Dataset;
using Safeguard.Persistence;
using Safeguard.Testing;
using static Safeguard.Core.Tests.Dataset.DataReturnTests;

namespace Safeguard.Core.Tests.Dataset;

public class DatasetCalculatorTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;
    private static readonly ReportingYear LastYear = new(2025);

    [Theory]
    [InlineData("2025-04-01", 2025, 1)]
    [InlineData("2025-06-30", 2025, 1)]
    [InlineData("2025-07-01", 2025, 2)]
    [InlineData("2025-12-31", 2025, 3)]
    [InlineData("2026-01-01", 2025, 4)]
    [InlineData("2026-03-31", 2025, 4)]
    [InlineData("2026-04-01", 2026, 1)]
    public void Quarters_run_April_to_March(string date, int year, int quarter)
    {
        var q = ReportingQuarter.Of(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((year, quarter), (q.Year.StartYear, q.Number));
        Assert.True(q.Contains(q.Start) && q.Contains(q.End) && !q.Contains(q.End.AddDays(1)));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Quarters_make_the_year_by_each_aggregation_and_a_missing_quarter_is_a_gap_never_a_zero(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var returns = f.Get<DataReturnService>();
        var police = await f.ActorAsync("data.police");
        var council = await f.ActorAsync("data.council");
        var total = new[] { "100", "110", "120", "130" };
        var percent = new[] { "50", "60", "70", "80" };
        var snapshot = new[] { "340", "345", "350", "355" };
        for (var q = 1; q <= 4; q++)
        {
            var p = await OpenFor(f, LastYear.Quarter(q), "POLICE");
            List<FigureEntry> policeFigures = [new("3.1", total[q - 1]), new("3.6", "300"), new("6.2", "5")];
            if (q == 4)
            {
                policeFigures.Add(new("3.3", "254"));
            }

            await returns.SaveAsync(p.Id, p.Version, policeFigures, submit: true, police, Token);
            if (q != 3)
            {
                var c = await OpenFor(f, LastYear.Quarter(q), "CSC");
                var lines = await returns.LinesAsync((await returns.RequestAsync(c.Id, Token))!, Token);
                var entries = lines.Select(l => l.Indicator.Code switch
                {
                    "8.4" => new FigureEntry("8.4", percent[q - 1]),
                    "2.2" => new FigureEntry("2.2", snapshot[q - 1]),
                    _ => new FigureEntry(l.Indicator.Code, "10"),
                }).ToList();
                await returns.SaveAsync(c.Id, c.Version, entries, submit: true, council, Token);
            }
        }

        var dataset = await f.Get<DatasetCalculator>().ComputeAsync(LastYear, cancellationToken: Token);
        var row = dataset.Rows.ToDictionary(r => r.Indicator.Code);
        Assert.Equal([100m, 110m, 120m, 130m, 460m], [.. row["3.1"].Quarters, row["3.1"].Year]);
        Assert.Equal([null, null, null, 254m, 254m], [.. row["3.3"].Quarters, row["3.3"].Year]);
        Assert.Empty(row["3.3"].Gaps);

        // The council did not submit Q3: its quarter is a gap with the reason, and no year figure is made up.
        Assert.Equal([50m, 60m, null, 80m], row["8.4"].Quarters);
        Assert.Null(row["8.4"].Year);
        var gap = Assert.Single(row["8.4"].Gaps);
        Assert.Equal(("Q3", "Testshire Council Children's Social Care"), (gap.Period, gap.Agency));
        Assert.StartsWith("Not yet submitted (late: was due 31 January 2026)", gap.Reason, StringComparison.Ordinal);
        Assert.Equal([340m, 345m, null, 355m, 355m], [.. row["2.2"].Quarters, row["2.2"].Year]); // quarter end: the year is 31 March

        // Context figures, and the previous year (2024-25) with nothing at all.
        Assert.Equal(43180m, row["1.3"].Year);
        Assert.Null(row["1.3"].PreviousYear);
        Assert.Null(row["1.3"].Difference);
        Assert.Equal(0m, row["5.1"].Q1); // computed from records: the demo has no referrals in that year

        // A computed indicator whose calculation is not part of this build is a gap saying so, never a zero.
        using (f.Db.BeginProcess("Test.Catalogue", Safeguard.Auditing.Actor.System()))
        {
            var referrals = await f.Db.Set<Indicator>().SingleAsync(i => i.Code == "5.1", Token);
            referrals.Calculation = "not-in-this-build";
            await f.Db.SaveChangesAsync(Token);
        }

        var without = await f.Get<DatasetCalculator>().ComputeAsync(LastYear, cancellationToken: Token);
        Assert.Contains(without.Rows.Single(r => r.Indicator.Code == "5.1").Gaps, g => g.Reason == "Safeguard does not yet hold the records this indicator is computed from");
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_dataset_as_at_a_past_instant_shows_what_was_known_then(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var returns = f.Get<DataReturnService>();
        var police = await f.ActorAsync("data.police");
        var request = await OpenFor(f, LastYear.Quarter(1), "POLICE");
        var beforeSubmission = f.Clock.GetUtcNow();
        f.Clock.Advance(TimeSpan.FromMinutes(5));
        await returns.SaveAsync(request.Id, request.Version, [new("3.1", "100"), new("3.6", "300"), new("6.2", "5")], submit: true, police, Token);
        var published = f.Clock.GetUtcNow();
        f.Clock.Advance(TimeSpan.FromDays(20));
        var fresh = await Fresh(f, request.Id);
        await returns.SaveAsync(fresh.Id, fresh.Version, [new("3.1", "104", Comment: "Late recorded incidents added")], submit: false, police, Token);

        var calculator = f.Get<DatasetCalculator>();
        Assert.Equal(104m, Row(await calculator.ComputeAsync(LastYear, cancellationToken: Token), "3.1").Q1);
        Assert.Equal(100m, Row(await calculator.ComputeAsync(LastYear, published, Token), "3.1").Q1);
        var then = Row(await calculator.ComputeAsync(LastYear, beforeSubmission, Token), "3.1");
        Assert.Null(then.Q1);
        Assert.StartsWith("Not yet submitted", then.Gaps.Single(g => g.Period == "Q1").Reason, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task This_years_demo_dataset_shows_the_late_agency_and_the_reason_for_a_missing_figure(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var dataset = await f.Get<DatasetCalculator>().ComputeAsync(new ReportingYear(2026), cancellationToken: Token);
        var row = dataset.Rows.ToDictionary(r => r.Indicator.Code);
        Assert.NotNull(row["3.1"].Q1);
        Assert.NotNull(row["3.1"].Q2);
        Assert.Null(row["3.1"].Q3); // the quarter is not over: no figure, and no gap either
        Assert.DoesNotContain(row["3.1"].Gaps, g => g.Period is "Q3" or "Q4");
        Assert.Null(row["3.1"].Year);
        Assert.StartsWith("Not yet submitted (late", row["2.2"].Gaps.Single().Reason, StringComparison.Ordinal);
        Assert.StartsWith("The agency's system was unavailable: ", row["6.1"].Gaps.Single().Reason, StringComparison.Ordinal);
        Assert.Equal(22.9m, row["1.1"].Year);
        Assert.Equal(0m, row["1.1"].Difference);
    }

    [Fact]
    public void Rates_and_percentages_say_why_when_they_cannot_be_worked_out()
    {
        Assert.Equal(215.0m, Math.Round(CalculatedFigure.RatePer10000(930, 43256m).Value!.Value, 1));
        Assert.Equal("The child population (1.3) for the year has not been entered", CalculatedFigure.RatePer10000(930, null).MissingReason);
        Assert.Equal(25m, CalculatedFigure.Percentage(1, 4, "none").Value);
        Assert.Equal("No referrals", CalculatedFigure.Percentage(0, 0, "No referrals").MissingReason);
        Assert.True(DataReturnService.IsUnusual(200, [100, 110], out _, out _));
        Assert.False(DataReturnService.IsUnusual(160, [100, 110], out _, out _));
        Assert.False(DataReturnService.IsUnusual(8, [2, 3], out _, out _)); // small numbers swing: more than 5 apart is needed
    }

    private static DatasetRow Row(DatasetResult result, string code) => result.Rows.Single(r => r.Indicator.Code == code);
}
