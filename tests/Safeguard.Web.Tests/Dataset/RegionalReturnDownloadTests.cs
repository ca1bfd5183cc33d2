using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.ComplexSafeguarding;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Dataset;

public class RegionalReturnDownloadTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_business_unit_downloads_the_quarters_regional_return_from_the_dataset_page_built_from_the_records(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        var quarter = ReportingQuarter.Of(UkTime.Today(factory.Clock));
        var label = RegionalReturn.Label(quarter);
        var unit = await factory.SignInAsync("business.unit");
        var page = Html.Parse(await unit.GetStringAsync("/dataset", Token));
        var links = page.QuerySelectorAll("[data-testid='regional-return'] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/dataset/regional-return?quarter={label}", links);
        Assert.Equal(quarter.Number, links.Count);

        async Task<Dictionary<string, string>> DownloadAsync()
        {
            var response = await unit.GetAsync($"/dataset/regional-return?quarter={label}", Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal($"regional-return-{label}.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
            var lines = (await response.Content.ReadAsStringAsync(Token)).Split("\r\n");
            Assert.Equal(string.Join(',', RegionalReturn.Columns), lines[0]);
            return RegionalReturn.Columns.Zip(lines[1].Split(',')).ToDictionary(x => x.First, x => x.Second);
        }

        var before = await DownloadAsync();
        Assert.Equal(("Bury", label), (before["local_authority"], before["quarter"]));

        // A child goes missing from home today, and returns: one more episode, child and interview due.
        using (var scope = factory.Services.CreateScope())
        {
            var child = await scope.ServiceProvider.GetRequiredService<PersonIndex>().CreateAsync(new NewPerson { GivenNames = "Rita", FamilyName = "Regional", DateOfBirth = new DateOnly(2011, 3, 4), Sex = "F" }, [], Actor.System("test set-up"), Token);
            var now = factory.Clock.GetUtcNow();
            var police = await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Agencies.Where(a => a.Type == Organisations.AgencyType.Police).Select(a => a.Id).FirstAsync(Token);
            await scope.ServiceProvider.GetRequiredService<MissingEpisodeService>().RecordAsync(child.Id, new MissingEpisodeDetails
            {
                Kind = MissingKind.Missing,
                From = MissingFrom.Home,
                LookedAfter = false,
                RiskAtReport = MissingRisk.Low,
                StartedAt = UkTime.StartOfDay(UkTime.Today(factory.Clock)).AddMinutes(1) < now ? UkTime.StartOfDay(UkTime.Today(factory.Clock)).AddMinutes(1) : now.AddMinutes(-2),
                EndedAt = now.AddMinutes(-1),
                WhereFound = "Home",
                ReportedByAgencyId = police,
                ReportedByName = "PC Jones",
            }, Actor.System("test set-up"), Token);
        }

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await DownloadAsync();
        foreach (var column in new[] { "missing_episodes", "children_missing", "children_missing_from_home", "rhi_due" })
        {
            Assert.Equal(int.Parse(before[column], System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(after[column], System.Globalization.CultureInfo.InvariantCulture));
        }

        // The download is in the access audit under the user.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var exports = await db.AuditEvents.AsNoTracking().Where(e => e.Process == RegionalReturn.Process).ToListAsync(Token);
            Assert.Equal(2, exports.Count);
            Assert.All(exports, e => Assert.Equal(("RegionalReturn", label, AuditAction.Exported), (e.EntityType, e.EntityId, e.Action)));
        }

        var bad = await unit.GetAsync("/dataset/regional-return?quarter=2026-Q9", Token);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("'2026-Q9' is not a quarter", await bad.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);

        var partner = await factory.SignInAsync("partner");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/dataset/regional-return?quarter={label}", Token)).StatusCode);
    }
}
