using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.ComplexSafeguarding;
using Safeguard.Organisations;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Pages.ComplexSafeguarding;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Missing;

/// <summary>The problem profile through its page and downloads: aggregates with small counts hidden, the period chosen, the downloads audited.</summary>
public class ProblemProfilePageTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_profile_shows_tables_and_charts_with_small_counts_hidden_and_its_downloads_are_audited(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        var today = UkTime.Today(factory.Clock);
        await TestUsers.WithDbAsync(factory, async db =>
        {
            using var process = db.BeginProcess("Test.Seed", Actor.System());
            var agency = await db.Set<Agency>().FirstAsync(Token);
            var child = new Person { Kind = PersonKind.Child, DisplayName = "Profile Child", DateOfBirth = today.AddYears(-14), Sex = "F", Ethnicity = "WBRI" };
            db.Add(child);

            // Six episodes in the last month (a count shown as 6), two of them at night (shown as "fewer than 5").
            for (var i = 0; i < 6; i++)
            {
                db.Add(new MissingEpisode
                {
                    PersonId = child.Id,
                    DescribedName = "Profile Child",
                    StartedAt = UkTime.StartOfDay(today.AddDays(-30 + (i * 4))).AddHours(i < 2 ? 2 : 14),
                    From = MissingFrom.Home,
                    RiskAtReport = MissingRisk.Medium,
                    ReportedByAgencyId = agency.Id,
                    ReportedByName = "Pat Police",
                    RecordedByName = "Pat Police",
                });
            }

            await db.SaveChangesAsync(Token);
            return true;
        });

        using var scrutiny = await factory.SignInAsync("scrutiny");
        var page = Html.Parse(await scrutiny.GetStringAsync("/complex-safeguarding/profile", Token));
        var from = today.AddYears(-1).AddDays(1);
        Assert.Equal([$"{from.Day}", $"{from.Month}", $"{from.Year}"], new[] { "FromDay", "FromMonth", "FromYear" }.Select(n => page.QuerySelector($"input[name='{n}']")!.GetAttribute("value")));
        var time = page.QuerySelector("table[data-testid='profile-time']")!;
        var cells = time.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal("fewer than 5", cells["Night (midnight to 5:59am)"]);
        Assert.Equal("0", cells["Morning (6am to 11:59am)"]);
        Assert.Equal("fewer than 5", cells["Afternoon (noon to 5:59pm)"]);
        var risk = page.QuerySelector("table[data-testid='profile-risk'] tbody tr")!;
        Assert.Equal(["High", "0", "0"], risk.Children.Select(c => c.TextContent.Trim()));
        Assert.Contains("6", page.QuerySelector("table[data-testid='profile-risk']")!.TextContent, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("table thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.All(page.QuerySelectorAll("table tbody th"), th => Assert.Equal("row", th.GetAttribute("scope")));
        var chart = page.QuerySelector("#time ~ figure svg")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Contains("Night (midnight to 5:59am) fewer than 5", chart.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Profile Child", page.Body!.TextContent, StringComparison.Ordinal);

        var csv = await scrutiny.GetStringAsync($"/complex-safeguarding/profile/download?from={ProfileModel.Iso(today.AddDays(-40))}&to={ProfileModel.Iso(today)}&table=time&format=csv", Token);
        Assert.Contains("Night (midnight to 5:59am),fewer than 5", csv, StringComparison.Ordinal);
        var xlsx = await scrutiny.GetAsync($"/complex-safeguarding/profile/download?from={ProfileModel.Iso(today.AddDays(-40))}&to={ProfileModel.Iso(today)}&table=all&format=xlsx", Token);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.True(await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AnyAsync(e => e.EntityType == ProfileDownloadModel.EntityType && e.Action == AuditAction.Exported && e.After!.Contains("downloaded as CSV"), Token)));
        Assert.Equal(HttpStatusCode.BadRequest, (await scrutiny.GetAsync("/complex-safeguarding/profile/download?from=2026-02-30&to=2026-03-01&table=time&format=csv", Token)).StatusCode);

        var backwards = Html.Parse(await scrutiny.GetStringAsync($"/complex-safeguarding/profile?from={ProfileModel.Iso(today)}&to={ProfileModel.Iso(today.AddDays(-1))}", Token));
        Assert.Contains("The end date must be the same as or after the start date", backwards.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        using var worker = await factory.SignInAsync("social.worker");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/complex-safeguarding/profile", Token)).StatusCode);
    }
}
