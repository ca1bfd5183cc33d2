using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Dataset;

/// <summary>The dashboard, the benchmarks and the exception report through their pages, on the demo area.</summary>
public class DashboardPagesTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_dashboard_charts_each_indicator_with_an_accessible_table_of_its_figures_and_gaps_and_downloads_one(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        var year = ReportingYear.Of(UkTime.Today(factory.Clock));
        var scrutiny = await factory.SignInAsync("scrutiny");

        var page = Html.Parse(await scrutiny.GetStringAsync($"/dataset/dashboard?year={year.StartYear}&group=8", Token));
        Assert.Equal(["8.1", "8.2", "8.3", "8.4"], page.QuerySelectorAll("section[data-indicator]").Select(s => s.GetAttribute("data-indicator")!));
        var section = page.QuerySelector("section[data-indicator='8.2']")!;
        var canvas = section.QuerySelector("canvas")!;
        Assert.Equal("img", canvas.GetAttribute("role"));
        Assert.Contains("in the table that follows", canvas.GetAttribute("aria-label"), StringComparison.Ordinal);
        using var chart = JsonDocument.Parse(canvas.GetAttribute("data-chart")!);
        var labels = chart.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToList();
        var values = chart.RootElement.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal($"{year.Name} Q4", labels[^1]);
        Assert.Equal(labels.Count, values.Count);

        // This year's Q2 is late from the council: a gap with its reason in the table, null (a break) in the chart, never 0.
        var q2 = labels.IndexOf($"{year.Name} Q2");
        Assert.Equal(JsonValueKind.Null, values[q2].ValueKind);
        var gapCell = section.QuerySelector($"td[data-cell='{year.Name} Q2']")!;
        Assert.Contains("Gap", gapCell.TextContent, StringComparison.Ordinal);
        var note = gapCell.QuerySelector("a[data-note]")!.GetAttribute("href")!;
        Assert.StartsWith("Not yet submitted (late", section.QuerySelector(note)!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not yet due", section.QuerySelector($"td[data-cell='{year.Name} Q4']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not yet due", section.QuerySelector($"td[data-cell='{year.Name}']")!.TextContent, StringComparison.Ordinal); // the year is not over
        var table = section.QuerySelector("table")!;
        Assert.Equal("Figures for 8.2 by quarter", table.QuerySelector("caption")!.TextContent.Trim());
        Assert.All(table.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.All(table.QuerySelectorAll("tbody th"), th => Assert.Equal("row", th.GetAttribute("scope")));
        Assert.Null(page.QuerySelector("a[href^='/dataset/benchmarks']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await scrutiny.GetAsync("/dataset/benchmarks", Token)).StatusCode);

        var download = await scrutiny.GetAsync($"/dataset/dashboard/download?indicator=8.2&year={year.StartYear}", Token);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType?.MediaType);
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await download.Content.ReadAsByteArrayAsync(Token)), false))
        {
            var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single();
            Assert.Equal($"8.2 {year.Name}", sheet.Name!.Value);
            var rows = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
            var last = rows[^1].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
            Assert.Equal(year.Name, last[0].InnerText);
            Assert.Null(last[2].CellValue); // the missing quarter is an empty cell, not 0
            Assert.Contains("Q2: Not yet submitted (late", last[6].InnerText, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await scrutiny.GetAsync("/dataset/dashboard/download?indicator=9.9", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await scrutiny.GetAsync("/dataset/dashboard/download", Token)).StatusCode);
    }

    /// <summary>
    /// As at a date before a referral was recorded, the dashboard (and its table download and drill-down links)
    /// shows the figure without it; the date is in the caption, and a date that cannot be read is an error as on
    /// the dataset page.
    /// </summary>
    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_dashboard_as_at_a_date_before_a_record_was_added_leaves_it_out_and_carries_the_date_to_its_links(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        var today = UkTime.Today(factory.Clock);
        var year = ReportingYear.Of(today);
        var quarter = ReportingQuarter.Of(today);
        await WithDbAsync(factory, async db =>
        {
            var child = new Safeguard.People.Person { Kind = Safeguard.People.PersonKind.Child, DisplayName = "Dashboard Child", Sex = "M", DateOfBirth = new DateOnly(2018, 3, 1), CreatedAt = factory.Clock.GetUtcNow().AddDays(-1) };
            using (db.BeginProcess("Test.Seed", Safeguard.Auditing.Actor.System()))
            {
                db.Add(child);
                db.Add(new Safeguard.Journey.NeedEpisode { PersonId = child.Id, ReferralDate = today, ReferralSource = "1A", PrimaryNeedCode = "N1", CreatedAt = factory.Clock.GetUtcNow().AddMinutes(-5) });
                return await db.SaveChangesAsync(Token);
            }
        });
        var scrutiny = await factory.SignInAsync("scrutiny");
        var cell = $"td[data-cell='{quarter.Name}']";

        var now = Html.Parse(await scrutiny.GetStringAsync($"/dataset/dashboard?year={year.StartYear}&group=5", Token));
        var referrals = now.QuerySelector("section[data-indicator='5.1']")!;
        var figureNow = referrals.QuerySelector(cell)!.TextContent.Trim();
        Assert.StartsWith("1", figureNow, StringComparison.Ordinal); // the one referral, linked to what it counted
        Assert.Equal(BreakdownLink(referrals), referrals.QuerySelector($"{cell} a[data-breakdown]")!.GetAttribute("href"));
        Assert.Equal("Key performance indicators", now.QuerySelector("[data-testid='as-at-caption']")!.TextContent.Trim());

        var yesterday = today.AddDays(-1);
        var asAt = yesterday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var before = Html.Parse(await scrutiny.GetStringAsync($"/dataset/dashboard?year={year.StartYear}&group=5&as-at={asAt}", Token));
        Assert.Equal($"Key performance indicators as at {yesterday.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}", before.QuerySelector("[data-testid='as-at-caption']")!.TextContent.Trim());
        Assert.Contains($" as at {yesterday.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}", before.Title, StringComparison.Ordinal);
        Assert.Equal((yesterday.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), yesterday.Month.ToString(System.Globalization.CultureInfo.InvariantCulture), yesterday.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (Html.Value(before, "as-at-day"), Html.Value(before, "as-at-month"), Html.Value(before, "as-at-year")));
        var referralsBefore = before.QuerySelector("section[data-indicator='5.1']")!;
        Assert.NotEqual(figureNow, referralsBefore.QuerySelector(cell)!.TextContent.Trim());
        Assert.All(referralsBefore.QuerySelectorAll("a[data-breakdown]"), a => Assert.EndsWith($"&as-at={asAt}", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.True(before.QuerySelectorAll("a[data-breakdown]").Length > 0 || quarter.Start == today, "Earlier quarters' figures link to their drill-down");
        var download = referralsBefore.QuerySelector("a[href^='/dataset/dashboard/download']")!.GetAttribute("href")!;
        Assert.Equal($"/dataset/dashboard/download?indicator=5.1&year={year.StartYear}&as-at={asAt}", download);

        Assert.NotEqual(QuarterInWorkbook(await scrutiny.GetByteArrayAsync($"/dataset/dashboard/download?indicator=5.1&year={year.StartYear}", Token), year, quarter),
            QuarterInWorkbook(await scrutiny.GetByteArrayAsync(download, Token), year, quarter));
        Assert.Equal("1", QuarterInWorkbook(await scrutiny.GetByteArrayAsync($"/dataset/dashboard/download?indicator=5.1&year={year.StartYear}", Token), year, quarter));
        using (var bad = await scrutiny.GetAsync($"/dataset/dashboard/download?indicator=5.1&as-at=yesterday", Token))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("as-at must be a date such as 2025-05-01", await bad.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }

        var badDate = Html.Parse(await scrutiny.GetStringAsync("/dataset/dashboard?as-at=yesterday", Token));
        Assert.Equal([("The as at date must be a real date, for example 1 5 2025", "as-at")], Html.ErrorSummary(badDate));
        Html.AssertErrorSummaryLinksResolve(badDate);
        Assert.StartsWith("Error: ", badDate.Title, StringComparison.Ordinal);

        string BreakdownLink(AngleSharp.Dom.IElement section) =>
            $"/dataset/indicators/{section.QuerySelector("a[data-breakdown]")!.GetAttribute("href")!.Split('/')[3]}/breakdown?year={quarter.Year.StartYear}&quarter={quarter.Number}";
    }

    /// <summary>The figure for a quarter in the dashboard table's workbook: the row for its year, the quarter's column.</summary>
    private static string QuarterInWorkbook(byte[] file, ReportingYear year, ReportingQuarter quarter)
    {
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single();
        var row = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Single(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().First().InnerText == year.Name);
        return row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(quarter.Number).InnerText;
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_dashboard_opens_on_an_overview_of_latest_figures_against_targets_and_the_dataset_keeps_annual_figures_out_of_its_quarters(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        var year = ReportingYear.Of(UkTime.Today(factory.Clock));
        var bu = await factory.SignInAsync("business.unit");
        var saved = await SafeguardWebFactory.PostFormAsync(bu, "/dataset/benchmarks", new() { ["Input.IndicatorCode"] = "1.1", ["Input.YearStart"] = $"{year.StartYear}", ["Input.Kind"] = "Target", ["Input.Value"] = "25", ["Input.Source"] = "Partnership board, 1 April" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // No group chosen: one line per indicator, no chart. 1.1 (lower is better) is 22.9% against a target of 25%.
        var overview = Html.Parse(await bu.GetStringAsync($"/dataset/dashboard?year={year.StartYear}", Token));
        Assert.Empty(overview.QuerySelectorAll("canvas"));
        Assert.Empty(overview.QuerySelectorAll("script[src*='chart']"));
        Assert.True(overview.QuerySelectorAll("tr[data-overview]").Length >= 40);
        var poverty = overview.QuerySelector("tr[data-overview='1.1']")!;
        Assert.Contains("22.9%", poverty.TextContent, StringComparison.Ordinal);
        Assert.Contains(year.Name, poverty.TextContent, StringComparison.Ordinal);
        Assert.Equal("Met", poverty.QuerySelector("[data-target='1.1']")!.TextContent.Trim());
        Assert.Equal($"/dataset/dashboard?year={year.StartYear}&group=1#indicator-1-1", poverty.QuerySelector("a")!.GetAttribute("href"));

        // A group's charts carry the target as a line of its own.
        var group = Html.Parse(await bu.GetStringAsync($"/dataset/dashboard?year={year.StartYear}&group=1", Token));
        using (var chart = JsonDocument.Parse(group.QuerySelector("section[data-indicator='1.1'] canvas")!.GetAttribute("data-chart")!))
        {
            var target = chart.RootElement.GetProperty("benchmarks").EnumerateArray().Single();
            Assert.Equal("Partnership target", target.GetProperty("label").GetString());
            Assert.Equal(25m, target.GetProperty("values").EnumerateArray().Last().GetDecimal());
        }

        Assert.Equal(43, Html.Parse(await bu.GetStringAsync($"/dataset/dashboard?year={year.StartYear}&group=0", Token)).QuerySelectorAll("section[data-indicator] canvas").Length);

        // The dataset shows an annual figure for the year only: never in a Q4 that has not happened.
        var dataset = Html.Parse(await bu.GetStringAsync($"/dataset?year={year.StartYear}", Token));
        var row = dataset.QuerySelector("tr[data-indicator='1.1']")!;
        Assert.NotNull(row.QuerySelector("td[data-annual='1.1'][colspan='4']"));
        Assert.Equal(["22.9%", "22.9%"], row.QuerySelectorAll("td.govuk-table__cell--numeric").Select(c => c.TextContent.Trim()).Take(2));
        Assert.Equal(3, dataset.QuerySelectorAll("[data-testid='dataset-downloads'] a").Length);
        Assert.Null(dataset.QuerySelector("[data-testid='dataset-downloads'] a[href='/dataset/returns']"));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_business_unit_enters_a_benchmark_and_the_exception_report_marks_the_year_better_against_it(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        var last = ReportingYear.Of(UkTime.Today(factory.Clock)).Previous;
        var bu = await factory.SignInAsync("business.unit");

        var empty = await SafeguardWebFactory.PostFormAsync(bu, "/dataset/benchmarks", new() { ["Input.IndicatorCode"] = "1.1", ["Input.YearStart"] = $"{last.StartYear}", ["Input.Kind"] = "", ["Input.Value"] = "lots", ["Input.Source"] = "" });
        var errors = await Html.ReadAsync(empty);
        Assert.Equal(["Input-Kind", "Input-Value", "Input-Source"], Html.ErrorSummary(errors).Select(e => e.Target));
        Html.AssertErrorSummaryLinksResolve(errors);

        var saved = await SafeguardWebFactory.PostFormAsync(bu, "/dataset/benchmarks", new() { ["Input.IndicatorCode"] = "1.1", ["Input.YearStart"] = $"{last.StartYear}", ["Input.Kind"] = "England", ["Input.Value"] = "30", ["Input.Source"] = "DWP children in low income families" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = Html.Parse(await bu.GetStringAsync($"/dataset/benchmarks?year={last.StartYear}", Token));
        var row = list.QuerySelector($"[data-benchmark='1.1-{last.StartYear}-England']")!;
        Assert.Contains("DWP children in low income families", row.TextContent, StringComparison.Ordinal);
        var changeUrl = row.QuerySelector("a[href^='/dataset/benchmarks/']")!.GetAttribute("href")!;
        Assert.Contains("1.1", Html.Parse(await bu.GetStringAsync("/dataset/benchmarks?indicator=1.1", Token)).QuerySelector("[data-testid='benchmarks']")!.TextContent, StringComparison.Ordinal);

        // 22.9% against England's 30%: -23.7%, beyond 10%, and lower is better.
        var report = Html.Parse(await bu.GetStringAsync($"/dataset/exceptions?year={last.StartYear}", Token));
        var exception = report.QuerySelector("[data-exception='1.1-Benchmark']")!;
        Assert.Contains("Better", exception.TextContent, StringComparison.Ordinal);
        Assert.Contains("-23.7%", exception.TextContent, StringComparison.Ordinal);
        var csv = await bu.GetStringAsync($"/dataset/exceptions/download?year={last.StartYear}&format=csv", Token);
        Assert.StartsWith("Kind,Indicator,Title,Comparison", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("Exception,1.1,% children living in poverty,Benchmark,", csv, StringComparison.Ordinal);
        var xlsx = await bu.GetAsync($"/dataset/exceptions/download?year={last.StartYear}&format=xlsx", Token);
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Token)), false))
        {
            Assert.Equal([$"Exceptions {last.Name}", $"Gaps {last.Name}"], workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value));
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await bu.GetAsync("/dataset/exceptions/download?format=pdf", Token)).StatusCode);
        var badDate = Html.Parse(await bu.GetStringAsync("/dataset/exceptions?as-at=yesterday", Token));
        Assert.Equal([("The as at date must be a real date, for example 1 5 2025", "as-at")], Html.ErrorSummary(badDate));

        // Changing from an older page is refused; then removing it takes the exception away.
        var form = Html.Parse(await bu.GetStringAsync(changeUrl, Token));
        var version = Html.Value(form, "Input.Version")!;
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, changeUrl, new() { ["Input.Version"] = version, ["Input.YearStart"] = $"{last.StartYear}", ["Input.Kind"] = "England", ["Input.Value"] = "31", ["Input.Source"] = "DWP (revised)" })).StatusCode);
        var stale = await SafeguardWebFactory.PostFormAsync(bu, changeUrl, new() { ["Input.Version"] = version, ["Input.YearStart"] = $"{last.StartYear}", ["Input.Kind"] = "England", ["Input.Value"] = "1", ["Input.Source"] = "stale" });
        Assert.Contains("changed by someone else", await stale.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        var current = Html.Value(Html.Parse(await bu.GetStringAsync(changeUrl, Token)), "Input.Version")!;
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, changeUrl + "?handler=Remove", new() { ["Input.Version"] = current }, changeUrl)).StatusCode);
        Assert.Equal(0, await WithDbAsync(factory, db => db.Set<IndicatorBenchmark>().CountAsync(Token)));
        Assert.Null(Html.Parse(await bu.GetStringAsync($"/dataset/exceptions?year={last.StartYear}", Token)).QuerySelector("[data-exception='1.1-Benchmark']"));
    }

    private static async Task<T> WithDbAsync<T>(SafeguardWebFactory factory, Func<SafeguardDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>());
    }
}
