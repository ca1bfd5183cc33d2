using Microsoft.EntityFrameworkCore;
using Safeguard.Common;
using Safeguard.Core.Tests.CaseReviews;
using Safeguard.Dataset;
using Safeguard.Persistence;
using Safeguard.Testing;
using static Safeguard.Core.Tests.TestDates;

namespace Safeguard.Core.Tests.Dataset;

public class DataReturnTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;
    private static readonly ReportingYear LastYear = new(2025);

    [Fact]
    public void The_shipped_catalogue_has_every_Appendix_1_indicator_with_its_source()
    {
        var codes = IndicatorCatalogue.Indicators.Select(i => i.Code).ToList();
        Assert.Equal(43, codes.Count);
        Assert.Equal(8, IndicatorCatalogue.Groups.Count);
        Assert.Contains("5.2", codes);
        Assert.Contains("3.4c", codes);
        var computed = IndicatorCatalogue.Indicators.Where(i => i.Source == IndicatorSource.Computed).Select(i => i.Code).ToList();
        Assert.Equal(["2.1", "2.3", "3.4a", "3.4b", "3.5", "3.7", "3.8", "4.1", "4.2", "4.4", "4.5a", "4.5b", "4.5c", "5.1", "5.2", "5.3", "5.4", "5.5a", "5.5b", "6.3", "6.4", "6.5", "6.6", "6.7", "7.1", "7.2", "7.3", "8.1"], computed);
        Assert.All(IndicatorCatalogue.Indicators.Where(i => i.Source == IndicatorSource.Returned), i => Assert.NotNull(i.SuppliedBy));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_catalogue_sync_adds_what_is_missing_and_never_overwrites_the_business_units_edits(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var bu = await f.ActorAsync("business.unit");
        var admin = f.Get<IndicatorAdministration>();
        var police = await f.AgencyAsync("POLICE");
        var indicator = (await admin.FindAsync("3.1", Token))!;
        Assert.Equal(police, indicator.SupplierAgencyId);
        Assert.Equal(43, (await admin.ListAsync(Token)).Count);

        await admin.ChangeAsync("3.1", indicator.Version, new IndicatorChange("DA notifications (child present)", indicator.Definition, IndicatorAggregation.Total, IndicatorPolarity.LowerIsBetter, "15", police, false), bu, Token);
        Assert.Equal(0, await IndicatorCatalogue.SyncAsync(f.Db, Token));
        var changed = (await admin.FindAsync("3.1", Token))!;
        Assert.Equal(("DA notifications (child present)", 15m, IndicatorPolarity.LowerIsBetter), (changed.Title, changed.TolerancePercent, changed.Polarity));
        Assert.Contains(await f.Db.AuditEvents.AsNoTracking().Where(e => e.EntityId == indicator.Id.ToString()).Select(e => e.Process).ToListAsync(Token), p => p == "Dataset.ChangeIndicator");

        var bad = await Assert.ThrowsAsync<SafeguardValidationException>(() => admin.ChangeAsync("3.1", changed.Version, new IndicatorChange("", "", null, IndicatorPolarity.Neutral, "ten", null, false), bu, Token));
        Assert.Equal(["Title", "Definition", "Aggregation", "TolerancePercent", "SupplierAgencyId"], bad.Problems.Select(p => p.Field));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => admin.ChangeAsync("3.1", indicator.Version, new IndicatorChange("Again", indicator.Definition, IndicatorAggregation.Total, IndicatorPolarity.Neutral, "10", police, false), bu, Token));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Opening_a_return_asks_each_supplying_agency_and_refuses_a_second_or_an_unstarted_quarter(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var bu = await f.ActorAsync("business.unit");
        var returns = f.Get<DataReturnService>();

        var q1 = await returns.OpenAsync(LastYear.Quarter(1), D("2025-07-31"), bu, Token);
        var agencies = await f.Db.Set<DataReturnRequest>().AsNoTracking().Where(q => q.DataReturnId == q1.Id).Select(q => q.Agency!.Code).ToListAsync(Token);
        Assert.Equal(["CSC", "EHE", "HOSP", "ICB", "POLICE"], agencies.Order(StringComparer.Ordinal));

        var again = await Assert.ThrowsAsync<SafeguardValidationException>(() => returns.OpenAsync(LastYear.Quarter(1), D("2025-07-31"), bu, Token));
        Assert.Equal(("Quarter", "The return for 2025-26 Q1 is already open"), (again.Problems.Single().Field, again.Problems.Single().Message));
        var future = await Assert.ThrowsAsync<SafeguardValidationException>(() => returns.OpenAsync(new ReportingYear(2027).Quarter(1), null, bu, Token));
        Assert.Equal(["Quarter", "DueOn"], future.Problems.Select(p => p.Field));
        var early = await Assert.ThrowsAsync<SafeguardValidationException>(() => returns.OpenAsync(LastYear.Quarter(2), D("2025-09-30"), bu, Token));
        Assert.Equal("The due date must be after the quarter ends (30 September 2025)", early.Problems.Single().Message);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_agency_gets_a_clear_error_for_text_a_percentage_over_100_a_part_count_or_an_unexplained_gap(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var returns = f.Get<DataReturnService>();
        var request = await OpenFor(f, LastYear.Quarter(1), "CSC");
        var council = await f.ActorAsync("data.council");

        var bad = await Assert.ThrowsAsync<SafeguardValidationException>(() => returns.SaveAsync(request.Id, request.Version,
        [
            new("2.2", "two hundred"),
            new("8.4", "140"),
            new("3.2", "12.5"),
            new("8.2", "-3"),
            new("8.3", "", MissingFigureReason.Other, " "),
            new("8.1", "7"),
            new("9.9", "1"),
        ], submit: true, council, Token));
        var byField = bad.Problems.ToDictionary(p => p.Field, p => p.Message);
        Assert.Equal("2.2 Children living in the area who are the responsibility of other local authorities: enter a number, like 42", byField["Figure-2.2"]);
        Assert.Equal("8.4 Turnover rate of social workers, health visitors and school nurses: a percentage must be between 0 and 100", byField["Figure-8.4"]);
        Assert.Equal("3.2 Domestic abuse notifications that led to a referral: a count must be a whole number", byField["Figure-3.2"]);
        Assert.Equal("8.2 Social workers, health visitors and school nurses (FTE): the figure cannot be negative", byField["Figure-8.2"]);
        Assert.Equal("8.3 Vacancy rate of social workers, health visitors and school nurses: say why the figure cannot be given", byField["Figure-8.3"]);

        // 8.1 is worked out from the LADO's records now: no agency returns it.
        Assert.Equal("8.1 is not one of the figures this return asks for", byField["Figure-8.1"]);
        Assert.Equal("9.9 is not one of the figures this return asks for", byField["Figure-9.9"]);
        Assert.Equal(0, await f.Db.Set<ReturnedFigure>().CountAsync(r => r.RequestId == request.Id, Token));

        var police = await f.ActorAsync("data.police");
        var notTheirs = await Assert.ThrowsAsync<SafeguardValidationException>(() => returns.SaveAsync(request.Id, request.Version, [new("2.2", "1")], false, police, Token));
        Assert.Equal("Only the agency asked can enter its figures", notTheirs.Problems.Single().Message);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_return_is_submitted_once_corrections_are_kept_and_a_stale_save_is_refused(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var returns = f.Get<DataReturnService>();
        var request = await OpenFor(f, LastYear.Quarter(1), "POLICE");
        var police = await f.ActorAsync("data.police");
        var lines = await returns.LinesAsync((await returns.RequestAsync(request.Id, Token))!, Token);
        Assert.Equal(["3.1", "3.6", "6.2"], lines.Select(l => l.Indicator.Code)); // 3.3 is annual: asked for in Q4 only

        await returns.SaveAsync(request.Id, request.Version, [new("3.1", "100")], submit: false, police, Token);
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => returns.SaveAsync(request.Id, request.Version, [new("3.1", "101")], false, police, Token));
        Assert.Contains("changed by someone else", stale.Message, StringComparison.Ordinal);

        var saved = await Fresh(f, request.Id);
        await returns.SaveAsync(saved.Id, saved.Version, [new("3.6", "350"), new("6.2", "", MissingFigureReason.NotCollected, "Recorded on paper this quarter")], submit: true, police, Token);
        var submitted = await Fresh(f, request.Id);
        Assert.NotNull(submitted.SubmittedAt);
        var twice = await Assert.ThrowsAsync<SafeguardValidationException>(() => returns.SaveAsync(submitted.Id, submitted.Version, [], submit: true, police, Token));
        Assert.StartsWith("This return was already submitted on 23 November 2026", twice.Problems.Single().Message, StringComparison.Ordinal);

        f.Clock.Advance(TimeSpan.FromHours(1));
        await returns.SaveAsync(submitted.Id, submitted.Version, [new("3.1", "104")], submit: false, police, Token);
        var history = await f.Db.Set<ReturnedFigure>().AsNoTracking().Where(r => r.RequestId == request.Id && r.Indicator!.Code == "3.1").Select(r => r.Value).ToListAsync(Token);
        Assert.Equal([100m, 104m], history.Order());
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_figure_far_from_the_agencys_previous_quarters_needs_confirming(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var returns = f.Get<DataReturnService>();
        var police = await f.ActorAsync("data.police");
        foreach (var (quarter, value) in new[] { (1, "100"), (2, "110") })
        {
            var request = await OpenFor(f, LastYear.Quarter(quarter), "POLICE");
            await returns.SaveAsync(request.Id, request.Version, [new("3.1", value), new("3.6", "300"), new("6.2", "5")], submit: true, police, Token);
        }

        var q3 = await OpenFor(f, LastYear.Quarter(3), "POLICE");
        var unusual = await Assert.ThrowsAsync<SafeguardValidationException>(() => returns.SaveAsync(q3.Id, q3.Version, [new("3.1", "1100"), new("3.6", "300"), new("6.2", "5")], submit: true, police, Token));
        Assert.Equal("3.1 Domestic abuse notifications from police where a child is present: 1100 is far outside your previous quarters (100 to 110). Check it, and confirm it if it is right", unusual.Problems.Single().Message);
        await returns.SaveAsync(q3.Id, q3.Version, [new("3.1", "1100", ConfirmUnusual: true), new("3.6", "300"), new("6.2", "5")], submit: true, police, Token);
        Assert.True(await f.Db.Set<ReturnedFigure>().AnyAsync(r => r.RequestId == q3.Id && r.ConfirmedUnusual, Token));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_business_unit_sees_who_owes_what_and_reminders_are_logged(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var returns = f.Get<DataReturnService>();
        var bu = await f.ActorAsync("business.unit");
        var latest = (await returns.ReturnsAsync(Token))[0];
        Assert.Equal((2026, 2), (latest.YearStart, latest.Quarter)); // the demo's latest return: July to September 2026

        var progress = await returns.ProgressAsync(latest.Id, Token);
        var council = progress.Single(p => p.Request.Agency!.Code == "CSC");
        Assert.Equal((RequestStatus.Late, 0, 1), (council.Status, council.Given, council.Reminders));
        var hospital = progress.Single(p => p.Request.Agency!.Code == "HOSP");
        Assert.Equal(RequestStatus.Submitted, hospital.Status);
        Assert.StartsWith("The agency's system was unavailable: ", hospital.Missing.Single().Reason, StringComparison.Ordinal);

        var empty = await Assert.ThrowsAsync<SafeguardValidationException>(() => returns.RemindAsync(council.Request.Id, "  ", bu, Token));
        Assert.Equal("Message", empty.Problems.Single().Field);
        await returns.RemindAsync(council.Request.Id, "Second reminder: please submit by Friday.", bu, Token);
        Assert.Equal(2, (await returns.ProgressAsync(latest.Id, Token)).Single(p => p.Request.Agency!.Code == "CSC").Reminders);
        var submitted = await Assert.ThrowsAsync<SafeguardValidationException>(() => returns.RemindAsync(hospital.Request.Id, "Hello", bu, Token));
        Assert.Equal("This agency has already submitted its figures", submitted.Problems.Single().Message);
    }

    internal static async Task<DataReturnRequest> OpenFor(CaseReviewFixture f, ReportingQuarter quarter, string agencyCode)
    {
        var returns = f.Get<DataReturnService>();
        var existing = await f.Db.Set<DataReturn>().AsNoTracking().FirstOrDefaultAsync(r => r.YearStart == quarter.Year.StartYear && r.Quarter == quarter.Number, Token);
        existing ??= await returns.OpenAsync(quarter, quarter.End.AddMonths(1), await f.ActorAsync("business.unit"), Token);
        return await f.Db.Set<DataReturnRequest>().AsNoTracking().SingleAsync(q => q.DataReturnId == existing.Id && q.Agency!.Code == agencyCode, Token);
    }

    internal static Task<DataReturnRequest> Fresh(CaseReviewFixture f, Guid id) =>
        f.Db.Set<DataReturnRequest>().AsNoTracking().SingleAsync(q => q.Id == id, Token);
}
