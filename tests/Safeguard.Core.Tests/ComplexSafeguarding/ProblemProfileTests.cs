using Safeguard.Auditing;
using Safeguard.ComplexSafeguarding;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using static Safeguard.Core.Tests.ComplexSafeguarding.MissingFixture;

namespace Safeguard.Core.Tests.ComplexSafeguarding;

/// <summary>
/// The problem profile computed from known records: two identified children and one a police report described, over
/// January to June 2026, with an episode and a screening either side of the period.
/// </summary>
public class ProblemProfileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static async Task<ProfileResult> ProfileAsync(MissingFixture f)
    {
        var db = f.Services.Db;
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            var amy = new Person { Kind = PersonKind.Child, DisplayName = "Amy", DateOfBirth = D(2012, 5, 1), Sex = "F", Ethnicity = "WBRI" };
            var ben = new Person { Kind = PersonKind.Child, DisplayName = "Ben", DateOfBirth = D(2009, 3, 1), Sex = "M", Ethnicity = "BAFR" };
            db.AddRange(amy, ben);
            MissingEpisode Episode(Guid? child, DateTimeOffset started, MissingFrom from, MissingRisk? risk) => new()
            {
                PersonId = child,
                DescribedName = "Described",
                DescribedDateOfBirth = child is null ? D(2015, 1, 1) : null,
                StartedAt = started,
                From = from,
                RiskAtReport = risk,
                LookedAfter = from == MissingFrom.CarePlacement,
                ReportedByAgencyId = f.PoliceAgencyId,
                ReportedByName = "Pat Police",
                RecordedByName = "Pat Police",
            };
            var found = Episode(amy.Id, At(2026, 1, 20, 3), MissingFrom.CarePlacement, MissingRisk.High);
            db.AddRange(
                Episode(amy.Id, At(2025, 12, 20, 15), MissingFrom.Home, MissingRisk.Medium),
                Episode(amy.Id, At(2026, 1, 10, 22), MissingFrom.Home, MissingRisk.High),
                found,
                Episode(null, At(2026, 3, 1, 8), MissingFrom.Other, MissingRisk.Low),
                Episode(ben.Id, At(2026, 6, 15, 11, 30), MissingFrom.School, null),
                Episode(ben.Id, At(2026, 6, 30, 23, 30), MissingFrom.School, null));
            ExploitationScreening Screening(Guid child, DateOnly on, ExploitationCategories categories, ExploitationRisk risk, ScreeningOutcome outcome) => new()
            {
                PersonId = child,
                ScreenedOn = on,
                ScreenedByName = "Sam Worker",
                Categories = categories,
                Risk = risk,
                Outcome = outcome,
                RecordedByName = "Sam Worker",
            };
            db.AddRange(
                Screening(amy.Id, D(2025, 12, 31), ExploitationCategories.Online, ExploitationRisk.Low, ScreeningOutcome.NoFurtherAction),
                Screening(amy.Id, D(2026, 1, 25), ExploitationCategories.Sexual | ExploitationCategories.Criminal, ExploitationRisk.High, ScreeningOutcome.ReferredToComplexSafeguarding),
                Screening(ben.Id, D(2026, 6, 20), ExploitationCategories.CountyLines, ExploitationRisk.Medium, ScreeningOutcome.SupportWithoutReferral));
            var place = new ContextualLocation { Name = "Bury Interchange", Type = LocationType.TransportHub, Postcode = "BL9 0AY", CreatedByName = "Sam Worker" };
            db.Add(place);
            db.Add(new ContextualLink { PersonId = amy.Id, LocationId = place.Id, Relationship = ContextualRelationship.FoundThere, MissingEpisodeId = found.Id, Source = "Return home interview", RecordedByName = "Sam Worker" });
            await db.SaveChangesAsync(Ct);
        }

        return await f.Services.Get<ProblemProfile>().BuildAsync(D(2026, 1, 1), D(2026, 6, 30), Ct);
    }

    private static string[] Rows(ProfileResult result, string key) =>
        result.Table(key).Rows.Select(r => $"{r.Label}: {string.Join(' ', r.Values)}").ToArray();

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Each_breakdown_counts_the_episodes_and_screenings_of_the_period(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var result = await ProfileAsync(f);

        // 23:30 UTC on 30 June is 00:30 on 1 July in the UK: outside the period, as are December's records.
        Assert.Equal((4, 2, 2, 2), (result.MissingEpisodes, result.ChildrenMissing, result.Screenings, result.ChildrenScreened));
        Assert.Equal(
            ["January 2026: 2 1 1", "February 2026: 0 0 0", "March 2026: 1 0 0", "April 2026: 0 0 0", "May 2026: 0 0 0", "June 2026: 1 1 1"],
            Rows(result, "trend"));
        Assert.Equal(
            ["Child sexual exploitation (CSE): 1 1 1 1", "Child criminal exploitation (CCE): 1 1 1 1", "County lines: 1 1 0 0",
             "Trafficking and modern slavery: 0 0 0 0", "Online: 0 0 0 0", "Radicalisation: 0 0 0 0"],
            Rows(result, "category"));
        Assert.Equal(
            ["Under 10: 0 0", "10 to 12: 1 0", "13 to 15: 2 1", "16 to 17: 1 1", "18 and over: 0 0", "Not known: 0 0"],
            Rows(result, "age"));
        Assert.Equal(["Female: 2 1", "Male: 1 1", "Not known: 1 0"], Rows(result, "sex"));
        Assert.Equal(["BAFR: 1 1", "Not recorded: 1 0", "WBRI: 2 1"], Rows(result, "ethnicity"));
        Assert.Equal(["Home: 1 0", "Care placement: 1 1", "School: 1 0", "Somewhere else: 1 0"], Rows(result, "from"));
        Assert.Equal(["Bury Interchange (Transport hub, BL9 0AY): 1 1 1"], Rows(result, "places"));

        // 11:30 UTC in June is 12:30 BST: the afternoon.
        Assert.Equal(
            ["Night (midnight to 5:59am): 1 1", "Morning (6am to 11:59am): 1 0", "Afternoon (noon to 5:59pm): 1 0", "Evening (6pm to 11:59pm): 1 0"],
            Rows(result, "time"));

        // Amy's third episode in 90 days (20 December, 10 and 20 January) is a repeat episode; the one before it is not.
        Assert.Equal(["Repeat missing (3 or more episodes in 90 days): 1 1", "Not repeat missing: 3 1"], Rows(result, "repeat"));
        Assert.Equal(["High: 2 1", "Medium: 0 1", "Low: 1 0", "Not graded: 1 0"], Rows(result, "risk"));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_period_over_a_year_is_shown_by_quarter(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        await ProfileAsync(f);

        var result = await f.Services.Get<ProblemProfile>().BuildAsync(D(2025, 10, 1), D(2026, 11, 23), Ct);

        Assert.Equal(
            ["2025 Q4: 1 1 1", "2026 Q1: 3 1 1", "2026 Q2: 1 1 1", "2026 Q3: 1 1 0", "2026 Q4: 0 0 0"],
            Rows(result, "trend"));
        Assert.Equal("By quarter", result.Table("trend").Title);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_profile_is_shared_while_the_records_are_unchanged_and_worked_out_again_after_a_change(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var first = await ProfileAsync(f);
        var profile = f.Services.Get<ProblemProfile>();
        Assert.Same(first, await profile.BuildAsync(D(2026, 1, 1), D(2026, 6, 30), Ct));
        Assert.NotSame(first, await profile.BuildAsync(D(2026, 1, 1), D(2026, 6, 29), Ct));

        await f.RecordAsync(At(2026, 2, 2, 12), childId: f.ChildId);
        var after = await profile.BuildAsync(D(2026, 1, 1), D(2026, 6, 30), Ct);
        Assert.Equal(first.MissingEpisodes + 1, after.MissingEpisodes);
    }

    [Fact]
    public void Counts_of_one_to_four_are_shown_as_fewer_than_five()
    {
        Assert.Equal(["0", "fewer than 5", "fewer than 5", "5", "1,234"], new[] { 0, 1, 4, 5, 1234 }.Select(ProfileCount.Display));
        Assert.Equal("13 to 15", ProblemProfile.AgeBand(D(2012, 5, 1), D(2026, 1, 10)));
        Assert.Equal("10 to 12", ProblemProfile.AgeBand(D(2013, 1, 11), D(2026, 1, 10)));
        Assert.Equal("Not known", ProblemProfile.AgeBand(null, D(2026, 1, 10)));
    }
}
