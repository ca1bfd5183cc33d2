using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>The partnership dashboard in a real browser: Chart.js draws every chart from the page's figures, and the page passes axe with the charts drawn.</summary>
public class DashboardJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task The_dashboard_opens_on_an_overview_and_draws_every_chart_with_its_target_on_request_accessibly()
    {
        var page = await app.NewPageAsync();
        var problems = PageProblems.Watch(page);
        await DemoAppFixture.SignInAsync(page, "scrutiny");

        // The dashboard opens on the overview: a line per indicator and no chart, so it stays short.
        await page.GotoAsync("/dataset/dashboard");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(new Regex("^Partnership dashboard "));
        var lines = await page.Locator("tr[data-overview]").CountAsync();
        Assert.True(lines >= 40, $"Expected every indicator on the overview, found {lines}.");
        await Assertions.Expect(page.Locator("canvas")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-target='5.4']")).ToHaveTextAsync(new Regex("^(Met|Not met)$"));
        await Screenshots.SaveAsync(page, "dashboard-overview");
        await Axe.AssertNoViolationsAsync(page);

        // Every group's charts on request.
        await page.GetByLabel("Group of indicators").SelectOptionAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the dashboard" }).ClickAsync();
        // The form's submission loads a new page: wait for it (by its address and every section) before counting.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("Group=0"));
        await Assertions.Expect(page.Locator("section[data-indicator]")).ToHaveCountAsync(lines);
        var sections = lines;
        await Assertions.Expect(page.Locator("canvas[data-chart-drawn]")).ToHaveCountAsync(sections);

        // Chart.js owns each canvas and drew the figures it was given (a gap stays null: a break, not a zero),
        // with the partnership's target beside 5.4's figures.
        var drawn = await page.EvaluateAsync<bool>(
            """
            () => [...document.querySelectorAll('canvas[data-chart]')].every(c => {
              const chart = window.Chart.getChart(c);
              const data = JSON.parse(c.dataset.chart);
              return chart && JSON.stringify(chart.data.datasets[0].data) === JSON.stringify(data.values);
            })
            """);
        Assert.True(drawn, "A chart was not drawn from its figures.");
        var targetDrawn = await page.EvaluateAsync<bool>(
            """
            () => window.Chart.getChart(document.querySelector("section[data-indicator='5.4'] canvas")).data.datasets.some(d => d.label === 'Partnership target')
            """);
        Assert.True(targetDrawn, "5.4's chart has no target line.");
        await Screenshots.SaveAsync(page, "dashboard-all");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("Group of indicators").SelectOptionAsync("8");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the dashboard" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("Group=8"));
        await Assertions.Expect(page.Locator("canvas[data-chart-drawn]")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Line chart of 8.2 ") })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Figures for 8.2 by quarter" })).ToContainTextAsync("Gap");
        await Assertions.Expect(page.Locator("section[data-indicator='8.2'] [data-testid='gap-notes']")).ToContainTextAsync("Not yet submitted (late");
        await Screenshots.SaveAsync(page, "dashboard-group-8");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Exception report for ") }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(new Regex("^Exception report "));
        await Screenshots.SaveAsync(page, "exceptions");
        await Axe.AssertNoViolationsAsync(page);

        // As at an earlier date: the caption says so, the charts are drawn from those figures, and the tables'
        // downloads and drill-down links carry the date.
        await page.GotoAsync("/dataset/dashboard?Group=5");
        var asAt = Safeguard.Calendar.UkTime.Today(TimeProvider.System).AddDays(-90);
        var asAtText = asAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var asAtGroup = page.GetByRole(AriaRole.Group, new() { Name = "As at (optional)" });
        await asAtGroup.GetByLabel("Day").FillAsync(asAt.Day.ToString(CultureInfo.InvariantCulture));
        await asAtGroup.GetByLabel("Month").FillAsync(asAt.Month.ToString(CultureInfo.InvariantCulture));
        await asAtGroup.GetByLabel("Year").FillAsync(asAt.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the dashboard" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"as-at-day={asAt.Day}&as-at-month={asAt.Month}&as-at-year={asAt.Year}"));
        await Assertions.Expect(page.Locator("[data-testid='as-at-caption']")).ToHaveTextAsync($"Key performance indicators as at {asAt.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}");
        var groupFive = await page.Locator("section[data-indicator]").CountAsync();
        await Assertions.Expect(page.Locator("canvas[data-chart-drawn]")).ToHaveCountAsync(groupFive);
        await Assertions.Expect(page.Locator($"a[href^='/dataset/dashboard/download'][href$='&as-at={asAtText}']")).ToHaveCountAsync(groupFive);
        var breakdowns = page.Locator("section[data-indicator='5.1'] a[data-breakdown]");
        Assert.True(await breakdowns.CountAsync() > 0, "The referrals' quarters link to what they counted.");
        Assert.All(await breakdowns.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"), href => Assert.EndsWith($"&as-at={asAtText}", href, StringComparison.Ordinal));
        await Screenshots.SaveAsync(page, "dashboard-as-at");
        await Axe.AssertNoViolationsAsync(page);

        // The drill-down it links to, as at the same date, with its downloads.
        await breakdowns.First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(new Regex("^What 5.1 "));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Download the counts as CSV" })).ToHaveAttributeAsync("href", new Regex($"/breakdown/download\\?.*format=csv&as-at={asAtText}$"));
        await Screenshots.SaveAsync(page, "breakdown-as-at");
        await Axe.AssertNoViolationsAsync(page);

        // A date that cannot be read is an error, said as on the dataset page.
        await page.GotoAsync("/dataset/dashboard?Group=5");
        var wrongGroup = page.GetByRole(AriaRole.Group, new() { Name = "As at (optional)" });
        await wrongGroup.GetByLabel("Day").FillAsync("31");
        await wrongGroup.GetByLabel("Month").FillAsync("2");
        await wrongGroup.GetByLabel("Year").FillAsync("2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the dashboard" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The as at date must be a real date, with a four-digit year");
        await Screenshots.SaveAsync(page, "dashboard-as-at-error");
        await Axe.AssertNoViolationsAsync(page);
        problems.AssertNone();
    }
}
