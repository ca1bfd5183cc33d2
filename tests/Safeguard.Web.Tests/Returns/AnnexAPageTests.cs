using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Interchange.AnnexA;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Returns;

/// <summary>The Annex A download: a performance officer gets the workbook of eleven lists (audited); other roles are refused.</summary>
public class AnnexAPageTests(WebFactories factories) : IClassFixture<WebFactories>
{
    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_performance_officer_downloads_the_eleven_lists_and_others_are_refused(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = await factory.SignInAsync("performance");
        var page = await client.GetAsync("/returns/annex-a");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // A date in the future is refused on the page.
        var future = factory.Clock.GetUtcNow().UtcDateTime.AddYears(1);
        var refused = await client.GetStringAsync($"/returns/annex-a?handler=Download&AsAtDay={future.Day}&AsAtMonth={future.Month}&AsAtYear={future.Year}");
        Assert.Contains("The date must be today or in the past", refused, StringComparison.Ordinal);

        var asAt = factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
        using var download = await client.GetAsync($"/returns/annex-a?handler=Download&AsAtDay={asAt.Day}&AsAtMonth={asAt.Month}&AsAtYear={asAt.Year}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Safeguard.Dataset.Spreadsheet.XlsxContentType, download.Content.Headers.ContentType?.MediaType);
        using var body = new MemoryStream(await download.Content.ReadAsByteArrayAsync());
        using (var document = SpreadsheetDocument.Open(body, false))
        {
            var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
            Assert.Equal(AnnexASchema.Default.Lists.Select(l => l.SheetName), sheets);
        }

        var audited = await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AsNoTracking()
            .CountAsync(e => e.EntityType == AnnexAExport.EntityType && e.Action == AuditAction.Exported && e.ActorName != "System"));
        Assert.True(audited >= 1);

        foreach (var user in new[] { "social.worker", "business.unit", "admin" })
        {
            using var other = await factory.SignInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/returns/annex-a?handler=Download&AsAtDay={asAt.Day}&AsAtMonth={asAt.Month}&AsAtYear={asAt.Year}")).StatusCode);
        }
    }
}
