using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Journey;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Dataset;

/// <summary>
/// The indicators computed from the children in need and child protection records, against a hand-worked
/// fixture for 2025-26: period edges (31 March / 1 April, 30 June), the 12-month re-referral window, the
/// 45-working-day assessment clock across Easter and the May bank holidays, plans ending exactly at two years,
/// and a second plan ten years after the first.
/// </summary>
public class JourneyIndicatorTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly ReportingYear Year = new(2025);

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Each_indicator_counts_what_its_definition_says_at_the_edges(DatabaseProvider provider)
    {
        await using var services = await TestServices.CreateAsync(provider, new FakeTimeProvider(Now));
        var db = services.Db;
        await IndicatorCatalogue.SyncAsync(db, Token);
        await services.Get<IndicatorAdministration>().RecordContextAsync("1.3", Year, null, "40000", null, Actor.System(), Token);
        await SeedAsync(db);

        var result = await services.Get<DatasetCalculator>().ComputeAsync(Year, cancellationToken: Token);
        var row = result.Rows.ToDictionary(r => r.Indicator.Code);
        Assert.Equal(4m, row["5.1"].Q1);                 // A (1 Apr), B and C (30 Jun), D (1 Apr); not A's 31 March
        Assert.Equal(1m, row["5.1"].Q2);                 // H's second referral on 1 July
        Assert.Equal(50m, row["5.2"].Q1);                // A and B of four
        Assert.Equal(75m, row["5.3"].Q1);                // A, B and D assessed; C no further action
        Assert.Equal(50m, row["5.4"].Q1);                // A on day 45, D a day late
        Assert.DoesNotContain(row["5.4"].Gaps, x => x.Period == "Q1");
        Assert.Equal("No assessments completed in the quarter", row["5.4"].Gaps.Single(x => x.Period == "Q2").Reason);

        // Children in need on 30 June: A, B, D (C's referral was no further action; E and G closed in May).
        Assert.Equal(3m, row["5.5a"].Q1);
        Assert.Equal(0.8m, row["5.5b"].Q1);              // 3 / 40,000 × 10,000 = 0.75, one decimal place
        Assert.Equal(33.3m, row["2.1"].Q1);              // A of three
        Assert.Equal(4m, row["5.5a"].Q2);                // and H from 1 July
        Assert.Equal(4m, row["5.5a"].Year);              // quarter end: the year is 31 March

        Assert.Equal(1m, row["6.6"].Q1);                 // E's plan, exactly two years; not G's
        Assert.Equal(2m, row["6.5"].Q2);                 // H and B on plans at 30 September
        Assert.Equal(0m, row["6.5"].Q1);
        Assert.Equal(50m, row["6.7"].Q2);                // H's second plan ten years on; B's first
        Assert.Equal(50m, row["6.4"].Q2);                // H's conference on time, B's a day after its target
        Assert.Equal(0.5m, row["6.3"].Q2);               // 2 enquiries by 30 September / 40,000 × 10,000
        Assert.Equal(0m, row["6.3"].Q1);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_rate_without_the_child_population_is_a_gap_with_the_reason(DatabaseProvider provider)
    {
        await using var services = await TestServices.CreateAsync(provider, new FakeTimeProvider(Now));
        await IndicatorCatalogue.SyncAsync(services.Db, Token);
        var result = await services.Get<DatasetCalculator>().ComputeAsync(Year, cancellationToken: Token);
        var rate = result.Rows.Single(r => r.Indicator.Code == "5.5b");
        Assert.All(rate.Quarters, Assert.Null);
        Assert.Equal("The child population (1.3) for the year has not been entered", rate.Gaps[0].Reason);
        Assert.Equal(0m, result.Rows.Single(r => r.Indicator.Code == "5.1").Q1); // a count of nothing is a true zero
    }

    /// <summary>The hand-worked 2025-26 fixture the figures above are worked out from.</summary>
    internal static async Task SeedAsync(SafeguardDbContext db)
    {
        var f = new Builder(db);

        // Referrals. A: 31 March 2025 (last year) then 1 April 2025 (Q1): a re-referral inside 12 months.
        var a = f.Child("A", disabled: true);
        var a1 = f.Episode(a, "2025-03-31", closed: "2025-03-31");
        var a2 = f.Episode(a, "2025-04-01");
        f.Assessment(a2, "2025-04-02", authorised: "2025-06-09"); // day 45 counting Easter and both May bank holidays: on time
        // B: 30 June 2025 (Q1), earlier referral exactly 12 months before: a re-referral.
        var b = f.Child("B");
        f.Episode(b, "2024-06-30", closed: "2024-08-01");
        var b2 = f.Episode(b, "2025-06-30");
        f.Assessment(b2, "2025-07-01");
        // C: 30 June 2025, earlier referral 12 months and a day before: not a re-referral; no further action.
        var c = f.Child("C");
        f.Episode(c, "2024-06-29", closed: "2024-07-01");
        var c2 = f.Episode(c, "2025-06-30", nfa: true, closed: "2025-06-30");
        // D: referral in Q1 assessed a working day late (10 June).
        var d = f.Child("D");
        var d1 = f.Episode(d, "2025-04-01");
        f.Assessment(d1, "2025-04-03", authorised: "2025-06-10");

        // Child protection. E: a plan of exactly two years ending in Q1. G: one day short of two years.
        var e = f.Child("E");
        var e1 = f.Episode(e, "2023-04-01", closed: "2025-05-10");
        f.Plan(e1, "2023-05-01", "2025-05-01");
        var g = f.Child("G");
        var g1 = f.Episode(g, "2023-04-01", closed: "2025-05-10");
        f.Plan(g1, "2023-05-02", "2025-05-01");
        // H: a plan in 2015, and a second starting in Q2 2025. A first plan for B in Q2.
        var h = f.Child("H");
        var h1 = f.Episode(h, "2014-12-01", closed: "2015-07-01");
        f.Plan(h1, "2015-01-01", "2015-06-01");
        var h2 = f.Episode(h, "2025-07-01");
        f.Enquiry(h2, strategy: "2025-07-01", start: "2025-07-01", target: "2025-07-22", conference: "2025-07-15");
        f.Plan(h2, "2025-07-15", null);
        f.Enquiry(b2, strategy: "2025-07-02", start: "2025-07-02", target: "2025-07-23", conference: "2025-07-24"); // a day late
        f.Plan(b2, "2025-07-24", null);
        await f.SaveAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Records written straight to the database, as the history they stand for was recorded years ago.</summary>
    internal sealed class Builder(SafeguardDbContext db)
    {
        private readonly List<object> _records = [];

        public Guid Child(string name, bool disabled = false) =>
            Add(new Person { Kind = PersonKind.Child, DisplayName = $"Child {name}", Sex = "F", Disabilities = disabled ? "AUT" : "NONE", DateOfBirth = new DateOnly(2012, 1, 1), CreatedAt = Now.AddYears(-12) }).Id;

        public Guid Episode(Guid person, string referral, string? closed = null, bool nfa = false) =>
            Add(new NeedEpisode { PersonId = person, ReferralDate = D(referral), ReferralSource = "1A", PrimaryNeedCode = "N1", ReferralNfa = nfa, ClosureDate = closed is null ? null : D(closed), ReasonForClosure = closed is null ? null : "RC8", CreatedAt = Now.AddYears(-1) }).Id;

        public void Assessment(Guid episode, string start, string? authorised = null) =>
            Add(new CaseAssessment { EpisodeId = episode, StartDate = D(start), AuthorisationDate = authorised is null ? null : D(authorised), Factors = "1C" });

        public void Enquiry(Guid episode, string strategy, string start, string target, string? conference)
        {
            var discussion = Add(new StrategyDiscussion { EpisodeId = episode, Date = D(strategy), Outcome = StrategyOutcome.Section47 });
            Add(new S47Enquiry { EpisodeId = episode, StrategyDiscussionId = discussion.Id, StartDate = D(start), IcpcTargetDate = D(target), ConferenceDate = conference is null ? null : D(conference), ConferenceOutcome = conference is null ? null : ConferenceOutcome.Plan });
        }

        public void Plan(Guid episode, string start, string? end) =>
            Add(new ProtectionPlan { EpisodeId = episode, StartDate = D(start), EndDate = end is null ? null : D(end), InitialCategory = "NEG", LatestCategory = "NEG" });

        public async Task SaveAsync(CancellationToken cancellationToken)
        {
            using var process = db.BeginProcess("Test.Seed", Actor.System());
            db.AddRange(_records);
            await db.SaveChangesAsync(cancellationToken);
        }

        private T Add<T>(T record)
            where T : class
        {
            _records.Add(record);
            return record;
        }

        private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }
}
