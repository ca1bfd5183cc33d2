using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.ComplexSafeguarding;
using Safeguard.Persistence;
using Safeguard.Testing;
using static Safeguard.Core.Tests.ComplexSafeguarding.MissingFixture;

namespace Safeguard.Core.Tests.ComplexSafeguarding;

/// <summary>The quarterly regional return from known records (today is Monday 23 November 2026, in 2026-27 Q3: October to December).</summary>
public class RegionalReturnTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    public void A_quarter_is_read_as_the_reporting_years_first_year_and_its_quarter_and_anything_else_is_refused_saying_so()
    {
        Assert.Equal(new ReportingYear(2026).Quarter(3), RegionalReturn.ParseQuarter("2026-Q3"));
        Assert.Equal(new ReportingYear(2026).Quarter(4), RegionalReturn.ParseQuarter("2026-27 Q4"));
        Assert.Equal("2026-Q3", RegionalReturn.Label(new ReportingYear(2026).Quarter(3)));
        foreach (var bad in new[] { "2026-Q5", "Q3", "2026", "2026-28 Q1", "", "26-Q1" })
        {
            var problem = Assert.Single(Assert.Throws<SafeguardValidationException>(() => RegionalReturn.ParseQuarter(bad)).Problems);
            Assert.Equal("Quarter", problem.Field);
        }

        Assert.Contains("is not a quarter", Assert.Throws<SafeguardValidationException>(() => RegionalReturn.ParseQuarter("2026-Q5")).Message, StringComparison.Ordinal);
        Assert.Contains("April to March", Assert.Throws<SafeguardValidationException>(() => RegionalReturn.ParseQuarter("2026-28 Q1")).Message, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Every_column_counts_what_its_definition_says(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var exploitation = f.Services.Get<ExploitationService>();
        var a = f.ChildId;
        var b = await f.Journey.AddChildAsync("Bea", "Care");
        var c = await f.Journey.AddChildAsync("Cal", "Third");

        // A, at home: 10 September (Q2), 2 October (interviewed on time), 20 October (offered 73 hours after, declined): repeat missing on 20 October.
        await f.RecordAsync(Utc(9, 10, 12), Utc(9, 10, 18), a);
        var a1 = await f.RecordAsync(Utc(10, 2, 12), Utc(10, 2, 20), a);
        await f.Missing.RecordInterviewAsync(a1.Id, 0, Interview(Utc(10, 3, 6)), f.Worker, Ct);
        var a2 = await f.RecordAsync(Utc(10, 20, 12), Utc(10, 21, 1), a);
        await f.Missing.RecordInterviewAsync(a2.Id, 0, Interview(Utc(10, 24, 2), ReturnInterviewOutcome.Declined, reason: "Did not want to talk"), f.Worker, Ct);

        // B, looked after: missing from the placement (interview by someone not independent), then away without authorisation, still away.
        var b1 = await f.Missing.RecordAsync(b, Episode(Utc(11, 1, 2), Utc(11, 1, 10), f.PoliceAgencyId, from: MissingFrom.CarePlacement, lookedAfter: true), f.Worker, Ct);
        await f.Missing.RecordInterviewAsync(b1.Id, 0, Interview(Utc(11, 1, 15)) with { Independent = false }, f.Worker, Ct);
        await f.Missing.RecordAsync(b, Episode(Utc(11, 5, 2), null, f.PoliceAgencyId, MissingKind.AwayWithoutAuthorisation, MissingFrom.CarePlacement, lookedAfter: true), f.Worker, Ct);

        // Screenings: A's in Q2 (CSE, high, intervention 20 September to 1 November); in Q3 B's CSE and CCE referral at medium (open);
        // C's CCE referral at high (open), a CSE and CCE screening at high without a referral, a CSE and CCE referral at high, and an online concern at low with no further action.
        await exploitation.ScreenAsync(a, ExploitationTests.Screening(D(9, 15), started: D(9, 20), ended: D(11, 1), categories: ExploitationCategories.Sexual), f.Worker, Ct);
        await exploitation.ScreenAsync(b, ExploitationTests.Screening(D(10, 10), ExploitationRisk.Medium, started: D(10, 12)), f.Worker, Ct);
        await exploitation.ScreenAsync(c, ExploitationTests.Screening(D(11, 1), categories: ExploitationCategories.Criminal, started: D(11, 2)), f.Worker, Ct);
        await exploitation.ScreenAsync(c, ExploitationTests.Screening(D(11, 3), outcome: ScreeningOutcome.SupportWithoutReferral), f.Worker, Ct);
        await exploitation.ScreenAsync(c, ExploitationTests.Screening(D(11, 4)), f.Worker, Ct);
        await exploitation.ScreenAsync(c, ExploitationTests.Screening(D(11, 5), ExploitationRisk.Low, ScreeningOutcome.NoFurtherAction, ExploitationCategories.Online), f.Worker, Ct);

        // NRM: C referred 6 November, positive reasonable grounds 10 November; B referred 1 September (Q2), negative 5 October.
        var nrm = new NrmDetails { ReferredOn = D(11, 6), FirstResponder = "Bury Council", ReferredByName = "Sam Worker", Categories = ExploitationCategories.CountyLines };
        var cNrm = await exploitation.ReferToNrmAsync(c, nrm, f.Worker, Ct);
        await exploitation.ChangeNrmAsync(cNrm.Id, 0, nrm with { ReasonableGrounds = NrmDecision.Positive, ReasonableGroundsOn = D(11, 10) }, f.Worker, Ct);
        await exploitation.ReferToNrmAsync(b, nrm with { ReferredOn = D(9, 1), ReasonableGrounds = NrmDecision.Negative, ReasonableGroundsOn = D(10, 5) }, f.Worker, Ct);

        var service = f.Services.Get<RegionalReturn>();
        var q3 = new ReportingYear(2026).Quarter(3);
        using var output = new MemoryStream();
        var figures = await service.WriteAsync(output, q3, f.Worker, Ct);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split("\r\n");
        Assert.Equal(3, lines.Length);
        Assert.Equal("", lines[2]);
        Assert.Equal(string.Join(',', RegionalReturn.Columns), lines[0]);
        var row = lines[0].Split(',').Zip(lines[1].Split(',')).ToDictionary(x => x.First, x => x.Second);
        var expected = new Dictionary<string, string>
        {
            ["local_authority"] = "Bury",
            ["quarter"] = "2026-Q3",
            ["period_start"] = "2026-10-01",
            ["period_end"] = "2026-12-31",
            ["as_at"] = "2026-11-23T09:00:00Z",
            ["missing_episodes"] = "4",
            ["children_missing"] = "2",
            ["children_missing_from_home"] = "1",
            ["children_missing_looked_after"] = "1",
            ["repeat_missing_children"] = "1",
            ["rhi_due"] = "3",
            ["rhi_offered_within_72_hours"] = "1",
            ["rhi_offered_within_72_hours_percent"] = "33.3",
            ["rhi_declined"] = "1",
            ["screenings"] = "5",
            ["screenings_cse"] = "3",
            ["screenings_cce"] = "4",
            ["screenings_county_lines"] = "0",
            ["screenings_trafficking"] = "0",
            ["screenings_online"] = "1",
            ["screenings_radicalisation"] = "0",
            ["screenings_low_risk"] = "1",
            ["screenings_medium_risk"] = "1",
            ["screenings_high_risk"] = "3",
            ["referrals_to_complex_safeguarding"] = "3",
            ["cse_referrals_high_risk"] = "1",
            ["open_interventions_quarter_end"] = "2",
            ["cse_interventions_open_month_end_average"] = "2.0",
            ["nrm_referrals"] = "1",
            ["nrm_reasonable_grounds_positive"] = "1",
            ["nrm_reasonable_grounds_negative"] = "1",
        };
        Assert.Equal(RegionalReturn.Columns, [.. expected.Keys]);
        Assert.Equal(expected, row);
        Assert.Equal("4", figures["missing_episodes"]);

        // The export is audited, naming the quarter.
        var db = f.Services.Get<SafeguardDbContext>();
        var audit = await db.AuditEvents.AsNoTracking().Where(e => e.Process == RegionalReturn.Process).ToListAsync(Ct);
        Assert.Equal(("RegionalReturn", "2026-Q3", AuditAction.Exported), (Assert.Single(audit).EntityType, audit[0].EntityId, audit[0].Action));

        // Q2: A's episode of 10 September (no interview), A's CSE referral at high risk, open across 30 September; B's NRM referral.
        var q2 = await service.ComputeAsync(new ReportingYear(2026).Quarter(2), cancellationToken: Ct);
        Assert.Equal(
            ["1", "1", "1", "0", "0", "1", "0", "0.0", "1", "1", "1", "0.3", "1", "0"],
            new[] { "missing_episodes", "children_missing", "children_missing_from_home", "children_missing_looked_after", "repeat_missing_children", "rhi_due", "rhi_offered_within_72_hours", "rhi_offered_within_72_hours_percent", "screenings", "cse_referrals_high_risk", "open_interventions_quarter_end", "cse_interventions_open_month_end_average", "nrm_referrals", "nrm_reasonable_grounds_negative" }.Select(c => q2[c]));

        // As at an instant before the records were made, nothing counts; a quarter not yet started is refused.
        var before = await service.ComputeAsync(q3, f.Clock.GetUtcNow().AddMinutes(-1), Ct);
        Assert.All(new[] { "missing_episodes", "screenings", "nrm_referrals", "rhi_declined", "open_interventions_quarter_end" }, c => Assert.Equal("0", before[c]));
        Assert.Equal("", before["rhi_offered_within_72_hours_percent"]);
        var future = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.ComputeAsync(new ReportingYear(2026).Quarter(4), cancellationToken: Ct));
        Assert.Equal("Quarter", Assert.Single(future.Problems).Field);
    }
}
