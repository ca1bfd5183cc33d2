using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.FrontDoor;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Dataset;

/// <summary>
/// The drill-down from a computed figure to the records it counted: for every computed indicator and quarter
/// the breakdown's counts reproduce the dataset's figure, and the records are the ones the definition names.
/// </summary>
public class IndicatorBreakdownTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly ReportingYear Year = new(2025);

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Every_computed_indicators_breakdown_reproduces_its_figure_in_every_quarter(DatabaseProvider provider)
    {
        await using var services = await TestServices.CreateAsync(provider, new FakeTimeProvider(Now));
        var db = services.Db;
        await SeedAsync(services);

        var calculator = services.Get<DatasetCalculator>();
        var rows = (await calculator.ComputeAsync(Year, cancellationToken: Token)).Rows.Where(r => r.Indicator.Source == IndicatorSource.Computed).ToList();
        Assert.Equal(28, rows.Count);
        var nonEmpty = 0;
        foreach (var row in rows)
        {
            foreach (var quarter in Year.Quarters)
            {
                var result = await calculator.BreakdownAsync(row.Indicator.Id, quarter, cancellationToken: Token);
                Assert.NotNull(result);
                var b = result.Breakdown;
                nonEmpty += b.Records.Count > 0 ? 1 : 0;
                decimal? fromCounts = b.Kind switch
                {
                    FigureKind.Count => b.Records.Count,
                    FigureKind.Percentage => b.Records.Count == 0 ? null : 100m * b.Records.Count(r => r.InNumerator) / b.Records.Count,
                    FigureKind.AverageWorkingDays => b.Records.Count == 0 ? null : (decimal)b.Records.Sum(r => r.WorkingDays!.Value) / b.Records.Count,
                    FigureKind.MonthEndAverage => b.Snapshots == 0 ? null : (decimal)b.Records.Count / b.Snapshots,
                    _ => 10000m * b.Records.Count / 40000m,
                };
                var places = row.Indicator.Unit switch
                {
                    IndicatorUnit.Count => row.Indicator.Aggregation == IndicatorAggregation.MonthEnd ? 1 : 0,
                    IndicatorUnit.WorkingDays => 2,
                    _ => 1,
                };
                var expected = fromCounts is { } v ? Math.Round(v, places, MidpointRounding.AwayFromZero) : (decimal?)null;
                Assert.True(expected == row.Quarters[quarter.Number - 1], $"{row.Indicator.Code} {quarter.Label}: the breakdown makes {expected}, the dataset shows {row.Quarters[quarter.Number - 1]}");
                Assert.Equal(row.Quarters[quarter.Number - 1], result.Figure);
            }
        }

        Assert.True(nonEmpty >= 20, "The fixture gives most indicators something to count");
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_breakdown_lists_each_child_with_the_working_days_and_whether_it_met_the_measure(DatabaseProvider provider)
    {
        await using var services = await TestServices.CreateAsync(provider, new FakeTimeProvider(Now));
        var db = services.Db;
        await SeedAsync(services);
        var ids = await db.People.AsNoTracking().ToDictionaryAsync(p => p.DisplayName, p => p.Id, Token);
        var calculator = services.Get<DatasetCalculator>();
        var indicators = await db.Set<Indicator>().AsNoTracking().ToDictionaryAsync(i => i.Code, Token);

        // 5.4 in Q1: A authorised on the 45th working day from referral (on time), D on the 46th (late).
        var onTime = (await calculator.BreakdownAsync(indicators["5.4"].Id, Year.Quarter(1), cancellationToken: Token))!;
        Assert.Equal(FigureKind.Percentage, onTime.Breakdown.Kind);
        var a = Assert.Single(onTime.Breakdown.Records, r => r.Children.SequenceEqual([ids["Child A"]]));
        Assert.True(a.InNumerator);
        Assert.Equal(45, a.WorkingDays);
        Assert.Equal(new DateOnly(2025, 6, 9), a.Date);
        var d = Assert.Single(onTime.Breakdown.Records, r => r.Children.SequenceEqual([ids["Child D"]]));
        Assert.False(d.InNumerator);
        Assert.Equal(46, d.WorkingDays);
        Assert.Equal((1, 2), (onTime.Breakdown.Numerator, onTime.Breakdown.Denominator));

        // 6.4 in Q2: H's conference 10 working days after the strategy discussion; B's a day past its target.
        var icpc = (await calculator.BreakdownAsync(indicators["6.4"].Id, Year.Quarter(2), cancellationToken: Token))!;
        Assert.True(icpc.Breakdown.Records.Single(r => r.Children[0] == ids["Child H"]).InNumerator);
        Assert.False(icpc.Breakdown.Records.Single(r => r.Children[0] == ids["Child B"]).InNumerator);
        Assert.Equal(10, icpc.Breakdown.Records.Single(r => r.Children[0] == ids["Child H"]).WorkingDays);

        // 4.4 in Q1 counts per child: a contact about two identified children and one about a child not yet identified.
        var contacts = (await calculator.BreakdownAsync(indicators["4.4"].Id, Year.Quarter(1), cancellationToken: Token))!;
        Assert.Equal(3, contacts.Breakdown.Records.Count);
        Assert.Equal(3m, contacts.Figure);
        Assert.Single(contacts.Breakdown.Records, r => r.Children.Count == 0);

        // A figure with nothing to count says why, and a returned indicator has no breakdown.
        var none = (await calculator.BreakdownAsync(indicators["5.4"].Id, Year.Quarter(2), cancellationToken: Token))!;
        Assert.Empty(none.Breakdown.Records);
        Assert.Null(none.Figure);
        Assert.Equal("No assessments completed in the quarter", none.MissingReason);
        var returned = indicators.Values.First(i => i.Source == IndicatorSource.Returned);
        Assert.Null(await calculator.BreakdownAsync(returned.Id, Year.Quarter(1), cancellationToken: Token));
    }

    /// <summary>The journey fixture of <see cref="JourneyIndicatorTests"/>, the child population and two contacts in Q1.</summary>
    internal static async Task SeedAsync(TestServices services)
    {
        var db = services.Db;
        await IndicatorCatalogue.SyncAsync(db, Token);
        await services.Get<IndicatorAdministration>().RecordContextAsync("1.3", Year, null, "40000", null, Actor.System(), Token);
        await JourneyIndicatorTests.SeedAsync(db);
        var a = await db.People.Where(p => p.DisplayName == "Child A").Select(p => p.Id).SingleAsync(Token);
        var d = await db.People.Where(p => p.DisplayName == "Child D").Select(p => p.Id).SingleAsync(Token);
        var police = new Agency { Name = "Police", Code = "POLICE", Type = AgencyType.Police };
        Contact Make(string received, string decided, ContactDecision decision, params Guid?[] children)
        {
            var at = UkTime.FromUkLocal(DateTime.Parse(received, System.Globalization.CultureInfo.InvariantCulture));
            var contact = new Contact
            {
                ReceivedAt = at,
                RecordedAt = at,
                FromAgencyId = police.Id,
                ReferrerName = "PC Smith",
                ReferralSource = "5A",
                Concerns = "Domestic abuse incident with children present",
                RecordedByName = "Farah Frontdoor",
                Decision = decision,
                DecidedAt = UkTime.FromUkLocal(DateTime.Parse(decided, System.Globalization.CultureInfo.InvariantCulture)),
                DecidedByName = "Farah Frontdoor",
            };
            foreach (var child in children)
            {
                contact.Children.Add(new ContactChild { ContactId = contact.Id, PersonId = child, DescribedName = child is null ? "Unknown child" : "Known child" });
            }

            return contact;
        }

        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.Add(police);
            db.AddRange(
                Make("2025-04-17T16:00", "2025-04-22T09:00", ContactDecision.EarlyHelp, a, d),
                Make("2025-05-01T09:00", "2025-05-01T15:00", ContactDecision.ReferralToChildrensSocialCare, [null]));
            await db.SaveChangesAsync(Token);
        }
    }
}
