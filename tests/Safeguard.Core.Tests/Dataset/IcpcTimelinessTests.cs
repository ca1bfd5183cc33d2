using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Safeguard.Common;
using Safeguard.Core.Tests.Interchange.Cin;
using Safeguard.Core.Tests.Journey;
using Safeguard.Dataset;
using Safeguard.Journey;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Dataset;

/// <summary>
/// Indicator 6.4 (initial conferences within 15 working days of the strategy discussion), computed from a census
/// file imported into a database, against a computation of its own over the same file written here without
/// Safeguard's calendar. The file is built for the readings that could differ: a conference on the 15th working
/// day when a bank holiday falls in the 15 (Early May and Spring, Easter, Christmas and New Year), the 16th day,
/// a conference in a later quarter than its strategy discussion, a second enquiry in one episode, an enquiry that
/// needed no conference and one still waiting, a conference the same day as the discussion, and target dates in
/// the file that disagree with the calendar (as a council's system may have worked them out without bank holidays).
/// </summary>
public sealed class IcpcTimelinessTests : IDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly string _folder = Directory.CreateTempSubdirectory("icpc-").FullName;

    /// <summary>England and Wales bank holidays from 28 March 2024 to 31 March 2025, as published (not Safeguard's list).</summary>
    private static readonly HashSet<DateOnly> BankHolidays =
        [.. new[] { "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26", "2025-01-01" }.Select(D)];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Conferences_count_in_their_own_quarter_against_15_working_days_from_the_strategy_discussion(DatabaseProvider provider)
    {
        var census = BoundaryCensus();
        var path = Path.Combine(_folder, "census-2024-25.xml");
        await File.WriteAllTextAsync(path, census.Xml, new UTF8Encoding(false), Ct);
        await using var f = await JourneyFixture.CreateAsync(provider);
        await f.Services.Get<CensusImportService>().ImportAsync(path, new CensusImportOptions { AcceptQueries = true }, f.Worker, Ct);
        await IndicatorCatalogue.SyncAsync(f.Services.Db, Ct);

        var row = (await f.Services.Get<DatasetCalculator>().ComputeAsync(new ReportingYear(2024), cancellationToken: Ct)).Rows.Single(r => r.Indicator.Code == "6.4");

        var independent = Independent(census.Document, (start, _, held) => WorkingDaysAfter(start, held) <= 15);
        Assert.Equal(independent, row.Quarters);
        Assert.Equal(new decimal?[] { 66.7m, 100m, 50m, 50m }, row.Quarters);

        // The readings the figure is not: the file's own target dates, or counting by the strategy discussion's quarter.
        Assert.NotEqual(independent, Independent(census.Document, (_, target, held) => held <= target));
        Assert.NotEqual(independent, Independent(census.Document, (start, _, held) => WorkingDaysAfter(start, held) <= 15, byStrategyQuarter: true));
    }

    /// <summary>Ten children of the 2024-25 census, one open episode each, with the section 47 enquiries below.</summary>
    private static CinFixture BoundaryCensus()
    {
        (string Referral, (string Start, string? Target, string? Held, bool NotRequired)[] Enquiries)[] cases =
        [
            // Q1: Friday 3 May; Early May (6th) and Spring (27th) bank holidays: the 15th working day is Tuesday 28 May.
            ("2024-05-01", [("2024-05-03", "2024-05-24", "2024-05-28", false)]),
            ("2024-05-01", [("2024-05-03", "2024-05-28", "2024-05-29", false)]),          // the 16th working day: late
            ("2024-06-17", [("2024-06-20", "2024-07-11", "2024-07-01", false)]),          // discussed in Q1, held in Q2 (7 days)
            ("2024-06-03", [("2024-06-04", null, null, true)]),                           // no conference needed: not counted
            ("2024-09-30", [("2024-10-01", "2024-10-22", "2024-10-15", false),            // Q3: two enquiries, 10 days
                            ("2024-11-04", "2024-11-26", "2024-11-26", false)]),          // and 16 days, though the file's target says on time
            ("2024-12-12", [("2024-12-13", "2025-01-03", "2025-01-08", false)]),          // Q4: over Christmas and New Year, day 15
            ("2025-01-31", [("2025-02-03", "2025-02-24", "2025-02-25", false)]),          // day 16: late
            ("2025-03-20", [("2025-03-24", "2025-04-14", null, false)]),                  // still waiting for its conference
            ("2024-07-01", [("2024-07-01", "2024-07-22", "2024-07-01", false)]),          // Q2: held the day of the discussion
            ("2024-03-27", [("2024-03-28", "2024-04-18", "2024-04-22", false)]),          // Q1: over Easter 2024, day 15
        ];
        var census = CinFixture.Valid(cases.Length);
        for (var i = 0; i < cases.Length; i++)
        {
            var (referral, enquiries) = cases[i];
            foreach (var later in census.Child(i).Elements("CINdetails").Skip(1).ToList())
            {
                later.Remove();
            }

            var episode = census.Episode(i);
            CinFixture.Set(episode, "CINreferralDate", referral);
            CinFixture.Set(episode, "CINclosureDate", null);
            CinFixture.Set(episode, "ReasonForClosure", null);
            episode.Elements("ChildProtectionPlans").Remove();
            episode.Elements("Section47").Remove();
            var assessment = census.Assessment(i);
            CinFixture.Set(assessment, "AssessmentActualStartDate", referral);
            var authorised = D(referral).AddDays(14);
            CinFixture.Set(assessment, "AssessmentAuthorisationDate", Text(authorised > CinFixture.Collection.ReferenceDate ? CinFixture.Collection.ReferenceDate : authorised));
            foreach (var (start, target, held, notRequired) in enquiries)
            {
                CinFixture.Add(episode, CinFixture.E(
                    "Section47",
                    CinFixture.E("S47ActualStartDate", start),
                    target is null ? null! : CinFixture.E("InitialCPCtarget", target),
                    held is null ? null! : CinFixture.E("DateOfInitialCPC", held),
                    CinFixture.E("ICPCnotRequired", notRequired ? "1" : "0")));
            }
        }

        return census;
    }

    /// <summary>
    /// Per quarter of 2024-25, the percentage of conferences on time by <paramref name="onTime"/>(start of the enquiry,
    /// the file's target, the day held), counted in the quarter the conference was held (or the enquiry started).
    /// </summary>
    private static decimal?[] Independent(XDocument census, Func<DateOnly, DateOnly?, DateOnly, bool> onTime, bool byStrategyQuarter = false)
    {
        var held = census.Descendants("Section47")
            .Where(s => s.Element("DateOfInitialCPC") is not null)
            .Select(s => (Start: D(s.Element("S47ActualStartDate")!.Value), Target: s.Element("InitialCPCtarget") is { } t ? D(t.Value) : (DateOnly?)null, Held: D(s.Element("DateOfInitialCPC")!.Value)))
            .ToList();
        var quarters = new decimal?[4];
        for (var q = 0; q < 4; q++)
        {
            var first = new DateOnly(2024, 4, 1).AddMonths(3 * q);
            var inQuarter = held.Where(x => (byStrategyQuarter ? x.Start : x.Held) is var d && d >= first && d < first.AddMonths(3)).ToList();
            quarters[q] = inQuarter.Count == 0 ? null : Math.Round(100m * inQuarter.Count(x => onTime(x.Start, x.Target, x.Held)) / inQuarter.Count, 1, MidpointRounding.AwayFromZero);
        }

        return quarters;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>: not weekends, not bank holidays.</summary>
    private static int WorkingDaysAfter(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            count += d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || BankHolidays.Contains(d) ? 0 : 1;
        }

        return count;
    }

    private static DateOnly D(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
