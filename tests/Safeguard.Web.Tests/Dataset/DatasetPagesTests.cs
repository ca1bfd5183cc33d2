using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Dataset;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Dataset;

public class DatasetPagesTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Scrutiny_sees_the_dataset_with_its_gaps_explained_and_downloads_it_but_cannot_manage_it(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        var scrutiny = await factory.SignInAsync("scrutiny");
        var page = Html.Parse(await scrutiny.GetStringAsync("/dataset", Token));
        Assert.Equal(8, page.QuerySelectorAll("table[data-testid^='group-']").Length);
        Assert.Contains("No assessments completed in the quarter", page.QuerySelector("[data-gap='5.4-Q1']")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("a[href='/dataset/returns']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await scrutiny.GetAsync("/dataset/returns", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await scrutiny.GetAsync("/returns", Token)).StatusCode);

        var download = await scrutiny.GetAsync("/dataset/download?format=xlsx", Token);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType?.MediaType);
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await download.Content.ReadAsByteArrayAsync(Token)), false))
        {
            Assert.StartsWith("Dataset ", workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name!.Value, StringComparison.Ordinal);
        }

        var badDate = Html.Parse(await scrutiny.GetStringAsync("/dataset?as-at=yesterday", Token));
        Assert.Equal([("The as at date must be a real date, for example 1 5 2025", "as-at")], Html.ErrorSummary(badDate));
        Html.AssertErrorSummaryLinksResolve(badDate);

        // The "as at" date is a GOV.UK date input; its errors name the field, and a good one is carried on by the links.
        foreach (var (query, message) in new[]
        {
            ("as-at-day=31&as-at-month=2&as-at-year=2025", "The as at date must be a real date, with a four-digit year"),
            ("as-at-day=1&as-at-month=&as-at-year=2025", "The as at date must include a day, month and year as numbers"),
        })
        {
            foreach (var datasetPage in new[] { "/dataset", "/dataset/dashboard", "/dataset/exceptions" })
            {
                var wrong = Html.Parse(await scrutiny.GetStringAsync($"{datasetPage}?{query}", Token));
                Assert.Equal([(message, "as-at")], Html.ErrorSummary(wrong));
                Html.AssertErrorSummaryLinksResolve(wrong);
                Assert.Equal("Error:", wrong.QuerySelector("#as-at-error .govuk-visually-hidden")?.TextContent);
            }
        }

        var asAt = Html.Parse(await scrutiny.GetStringAsync("/dataset?as-at-day=1&as-at-month=5&as-at-year=2025", Token));
        Assert.Empty(Html.ErrorSummary(asAt));
        Assert.Equal(("1", "5", "2025"), (Html.Value(asAt, "as-at-day"), Html.Value(asAt, "as-at-month"), Html.Value(asAt, "as-at-year")));
        Assert.NotNull(asAt.QuerySelector("a[href$='as-at=2025-05-01']"));
        var linked = Html.Parse(await scrutiny.GetStringAsync("/dataset?as-at=2025-05-01", Token));
        Assert.Equal(("1", "5", "2025"), (Html.Value(linked, "as-at-day"), Html.Value(linked, "as-at-month"), Html.Value(linked, "as-at-year")));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_agency_enters_its_figures_sees_each_problem_beside_its_field_and_submits_once(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        var (requestId, otherAgencysRequest) = await WithDbAsync(factory, async db =>
        {
            var latest = await db.Set<DataReturn>().AsNoTracking().OrderByDescending(r => r.YearStart).ThenByDescending(r => r.Quarter).FirstAsync(Token);
            var requests = await db.Set<DataReturnRequest>().AsNoTracking().Include(q => q.Agency).Where(q => q.DataReturnId == latest.Id).ToListAsync(Token);
            return (requests.Single(q => q.Agency!.Code == "CSC").Id, requests.Single(q => q.Agency!.Code == "POLICE").Id);
        });
        var council = await factory.SignInAsync("data.council");
        Assert.Contains($"/returns/{requestId}", await council.GetStringAsync("/returns", Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await council.GetAsync($"/returns/{otherAgencysRequest}", Token)).StatusCode);

        var url = $"/returns/{requestId}";
        var form = Html.Parse(await council.GetStringAsync(url, Token));
        var codes = form.QuerySelectorAll("input[name$='.Code']").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Contains("8.2", codes);
        List<KeyValuePair<string, string>> Fields(Func<string, (string Value, string Reason)> entry)
        {
            var fields = new List<KeyValuePair<string, string>> { new("Version", Html.Value(form, "Version")!) };
            for (var i = 0; i < codes.Count; i++)
            {
                var (value, reason) = entry(codes[i]);
                fields.Add(new($"Figures[{i}].Code", codes[i]));
                fields.Add(new($"Figures[{i}].Value", value));
                fields.Add(new($"Figures[{i}].MissingReason", reason));
                fields.Add(new($"Figures[{i}].ConfirmUnusual", "true")); // the test's figures are nothing like the demo's earlier quarters
            }

            return fields;
        }

        var refused = await SafeguardWebFactory.PostFormAsync(council, url + "?handler=Submit", Fields(code => code switch
        {
            "8.4" => ("140", ""),
            "8.2" => ("three hundred", ""),
            "8.3" => ("", ""),
            _ => ("12", ""),
        }), url);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = await Html.ReadAsync(refused);
        Assert.Equal(
            ["Figure-8-2", "Figure-8-3", "Figure-8-4"],
            Html.ErrorSummary(errors).Select(e => e.Target));
        Assert.Contains("a percentage must be between 0 and 100", Html.ErrorSummary(errors)[2].Message, StringComparison.Ordinal);
        Html.AssertErrorSummaryLinksResolve(errors);
        Assert.Equal(0, await WithDbAsync(factory, db => db.Set<ReturnedFigure>().CountAsync(f => f.RequestId == requestId, Token)));

        var submitted = await SafeguardWebFactory.PostFormAsync(council, url + "?handler=Submit", Fields(code => code switch
        {
            "8.3" => ("", nameof(MissingFigureReason.SystemUnavailable)),
            "8.4" => ("6.5", ""),
            _ => ("12", ""),
        }), url);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var again = await SafeguardWebFactory.PostFormAsync(council, url + "?handler=Submit", Fields(_ => ("12", "")), url);
        Assert.Contains("already submitted", await again.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);

        var bu = await factory.SignInAsync("business.unit");
        var dataset = Html.Parse(await bu.GetStringAsync("/dataset", Token));
        Assert.Contains("The agency's system was unavailable", dataset.QuerySelector("[data-gap='8.3-Q2']")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_business_unit_follows_up_a_late_agency_and_keeps_the_catalogue_and_context_figures(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        var bu = await factory.SignInAsync("business.unit");
        var list = Html.Parse(await bu.GetStringAsync("/dataset/returns", Token));
        var latestLink = list.QuerySelector("[data-testid='returns'] tbody tr a")!.GetAttribute("href")!;
        // The "open a return" form suggests a due date in its date input.
        Assert.All(new[] { "Day", "Month", "Year" }, box => Assert.False(string.IsNullOrEmpty(Html.Value(list, $"Input.DueOn{box}"))));
        var returnPage = Html.Parse(await bu.GetStringAsync(latestLink, Token));
        Assert.Contains("Late", returnPage.QuerySelectorAll("h2").Select(h => h.TextContent).Single(t => t.Contains("Children's Social Care", StringComparison.Ordinal)), StringComparison.Ordinal);

        var requestId = await WithDbAsync(factory, db => db.Set<DataReturnRequest>().Where(q => q.SubmittedAt == null).Select(q => q.Id).FirstAsync(Token));
        var empty = await SafeguardWebFactory.PostFormAsync(bu, $"{latestLink}?handler=Remind&requestId={requestId}", new() { ["Message"] = " " }, latestLink);
        var emptyPage = await Html.ReadAsync(empty);
        Assert.Equal([("Enter the reminder message", "Remind-Message")], Html.ErrorSummary(emptyPage));
        Html.AssertErrorSummaryLinksResolve(emptyPage);
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, $"{latestLink}?handler=Remind&requestId={requestId}", new() { ["Message"] = "Please send the figures today." }, latestLink)).StatusCode);
        Assert.Equal(2, await WithDbAsync(factory, db => db.Set<ReturnReminder>().CountAsync(r => r.RequestId == requestId, Token)));

        var openAgain = await SafeguardWebFactory.PostFormAsync(bu, "/dataset/returns", new Dictionary<string, string> { ["Input.Quarter"] = await LatestQuarterAsync(factory) }.WithDate("Input.DueOn", new DateOnly(2030, 1, 1)));
        Assert.Contains("is already open", await openAgain.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);

        // The due date is a GOV.UK date input: a date that is not real is refused beside it, keeping what was typed.
        var notReal = await Html.ReadAsync(await SafeguardWebFactory.PostFormAsync(bu, "/dataset/returns", new Dictionary<string, string> { ["Input.Quarter"] = await LatestQuarterAsync(factory) }.WithDate("Input.DueOn", "31", "2", "2030")));
        DateInputs.AssertRefused(notReal, "Input.DueOn", "The date the figures are due must be a real date, with a four-digit year", ("31", "2", "2030"));

        var indicator = await WithDbAsync(factory, db => db.Set<Indicator>().AsNoTracking().SingleAsync(i => i.Code == "3.1", Token));
        var editUrl = $"/dataset/indicators/{indicator.Id}";
        var bad = await SafeguardWebFactory.PostFormAsync(bu, editUrl, new() { ["Input.Version"] = indicator.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Title"] = "", ["Input.Definition"] = "x", ["Input.Aggregation"] = "Total", ["Input.Polarity"] = "Neutral", ["Input.TolerancePercent"] = "lots", ["Input.SupplierAgencyId"] = indicator.SupplierAgencyId.ToString()! });
        var badPage = await Html.ReadAsync(bad);
        Assert.Equal(["Input-Title", "Input-TolerancePercent"], Html.ErrorSummary(badPage).Select(e => e.Target));
        Html.AssertErrorSummaryLinksResolve(badPage);
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, editUrl, new() { ["Input.Version"] = indicator.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Title"] = "Police domestic abuse notifications (child present)", ["Input.Definition"] = indicator.Definition, ["Input.Aggregation"] = "Total", ["Input.Polarity"] = "LowerIsBetter", ["Input.TolerancePercent"] = "20", ["Input.SupplierAgencyId"] = indicator.SupplierAgencyId.ToString()! })).StatusCode);
        var stale = await SafeguardWebFactory.PostFormAsync(bu, editUrl, new() { ["Input.Version"] = indicator.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Title"] = "Again", ["Input.Definition"] = indicator.Definition, ["Input.Aggregation"] = "Total", ["Input.Polarity"] = "Neutral", ["Input.TolerancePercent"] = "10", ["Input.SupplierAgencyId"] = indicator.SupplierAgencyId.ToString()! });
        Assert.Contains("changed by someone else", await stale.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Contains("Police domestic abuse notifications (child present)", await bu.GetStringAsync("/dataset/indicators", Token), StringComparison.Ordinal);

        var textPopulation = await SafeguardWebFactory.PostFormAsync(bu, "/dataset/context", new() { ["Input.Code"] = "1.3", ["Input.Year"] = "2025", ["Input.Quarter"] = "", ["Input.Value"] = "forty thousand" });
        Assert.Equal([("The figure must be a number, like 12.5", "Input-Value")], Html.ErrorSummary(await Html.ReadAsync(textPopulation)));
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, "/dataset/context", new() { ["Input.Code"] = "1.3", ["Input.Year"] = "2025", ["Input.Quarter"] = "", ["Input.Value"] = "43256", ["Input.Note"] = "ONS mid-2024" })).StatusCode);
        Assert.Contains("43256", await bu.GetStringAsync("/dataset/context", Token), StringComparison.Ordinal);
    }

    private static async Task<string> LatestQuarterAsync(SafeguardWebFactory factory)
    {
        var latest = await WithDbAsync(factory, db => db.Set<DataReturn>().AsNoTracking().OrderByDescending(r => r.YearStart).ThenByDescending(r => r.Quarter).FirstAsync(Token));
        return $"{latest.YearStart}-{latest.Quarter}";
    }

    private static async Task<T> WithDbAsync<T>(SafeguardWebFactory factory, Func<SafeguardDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>());
    }
}
