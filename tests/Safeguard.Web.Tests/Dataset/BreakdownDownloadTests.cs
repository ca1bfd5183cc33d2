using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Journey;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Dataset;

/// <summary>
/// The drill-down as a file: the same records as the page, on the same terms. A team manager (people.view) gets
/// the children, a restricted one as "Restricted record" with no id unless named on it, and the listing is
/// audited against each child named; scrutiny (no people.view) gets the counts only.
/// </summary>
public class BreakdownDownloadTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    private sealed record Seeded(Guid IndicatorId, ReportingQuarter Quarter, Guid Open, Guid Hidden, Guid Named, Guid Formula, string Unique);

    /// <summary>Four children referred today: one open, one restricted, one restricted with the team manager named on it, one whose name looks like a formula.</summary>
    private static async Task<Seeded> SeedAsync(SafeguardWebFactory factory)
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var today = UkTime.Today(factory.Clock);
        return await TestUsers.WithDbAsync(factory, async db =>
        {
            var manager = await db.Users.Where(u => u.UserName == "team.manager").Select(u => u.Id).SingleAsync(Token);
            var people = new[] { ("Open", false), ("Hidden", true), ("Named", true), ("=SUM(1,2) Formula", false) }.Select(n => new Person
            {
                Kind = PersonKind.Child,
                DisplayName = $"{n.Item1} Download{unique}",
                Sex = "F",
                DateOfBirth = new DateOnly(2016, 1, 1),
                CreatedAt = factory.Clock.GetUtcNow().AddDays(-1),
                IsRestricted = n.Item2,
            }).ToList();
            people[2].AccessList.Add(new PersonAccess { PersonId = people[2].Id, UserId = manager });
            using (db.BeginProcess("Test.Seed", Actor.System()))
            {
                db.AddRange(people);
                db.AddRange(people.Select(p => new NeedEpisode
                {
                    PersonId = p.Id,
                    ReferralDate = today,
                    ReferralSource = "1A",
                    PrimaryNeedCode = "N1",
                    CreatedAt = factory.Clock.GetUtcNow().AddMinutes(-5),
                }));
                await db.SaveChangesAsync(Token);
            }

            var id = await db.Set<Indicator>().Where(i => i.Code == "5.1").Select(i => i.Id).SingleAsync(Token);
            return new Seeded(id, ReportingQuarter.Of(today), people[0].Id, people[1].Id, people[2].Id, people[3].Id, unique);
        });
    }

    private static string PageUrl(Seeded s, string? extra = null) =>
        $"/dataset/indicators/{s.IndicatorId}/breakdown?year={s.Quarter.Year.StartYear}&quarter={s.Quarter.Number}{extra}";

    private static string Url(Seeded s, string format, string? extra = null) =>
        $"/dataset/indicators/{s.IndicatorId}/breakdown/download?year={s.Quarter.Year.StartYear}&quarter={s.Quarter.Number}&format={format}{extra}";

    private static async Task<List<string>> AuditedChildrenAsync(SafeguardWebFactory factory, string userName) =>
        await TestUsers.WithDbAsync(factory, async db =>
        {
            var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(Token);
            return await db.AuditEvents.AsNoTracking()
                .Where(e => e.EntityType == "Person" && e.Process == "Dataset.DrillDown" && e.ActorUserId == userId)
                .Select(e => e.EntityId).ToListAsync(Token);
        });

    private static List<List<string>> SheetRows(SpreadsheetDocument workbook, string name)
    {
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name!.Value == name);
        return [.. ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList())];
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_team_manager_downloads_the_records_with_the_children_as_the_page_shows_them_and_each_child_named_is_audited(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var s = await SeedAsync(factory);
        using var manager = await factory.SignInAsync("team.manager");

        // The page offers both files, for the same quarter and as-at.
        var page = Html.Parse(await manager.GetStringAsync(PageUrl(s, "&as-at=2026-01-31"), Token));
        Assert.Equal(Url(s, "csv", "&as-at=2026-01-31"), page.QuerySelector("a[data-download='csv']")!.GetAttribute("href"));
        Assert.Equal(Url(s, "xlsx", "&as-at=2026-01-31"), page.QuerySelector("a[data-download='xlsx']")!.GetAttribute("href"));
        Assert.Equal("Download the records as CSV", page.QuerySelector("a[data-download='csv']")!.TextContent.Trim());

        using var csvResponse = await manager.GetAsync(Url(s, "csv"), Token);
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"breakdown-5.1-{s.Quarter.Name.Replace(' ', '-')}.csv", csvResponse.Content.Headers.ContentDisposition?.FileNameStar);
        var csv = (await csvResponse.Content.ReadAsStringAsync(Token)).TrimStart('\uFEFF');
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal("Kind,Measure,Value,Child ID,Child,What was counted,Date,Counted in,Working days", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Count,Indicator,5.1 ", StringComparison.Ordinal));
        var counted = int.Parse(lines.Single(l => l.StartsWith("Count,Records counted,", StringComparison.Ordinal)).Split(',')[2], System.Globalization.CultureInfo.InvariantCulture);
        var records = lines.Where(l => l.StartsWith("Record,", StringComparison.Ordinal)).ToList();
        Assert.Equal(counted, records.Count);
        Assert.True(counted >= 4);
        var date = UkTime.Today(factory.Clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Record,,,{s.Open},Open Download{s.Unique},Referral,{date},,", records);
        Assert.Contains(records, r => r.Contains($"{s.Named},Named Download{s.Unique},", StringComparison.Ordinal));
        Assert.Contains(records, r => r.StartsWith($"Record,,,,Restricted record,Referral,{date}", StringComparison.Ordinal));
        Assert.DoesNotContain(s.Hidden.ToString(), csv, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain($"Hidden Download{s.Unique}", csv, StringComparison.Ordinal);
        // A name a spreadsheet would run as a formula is written as text.
        Assert.Contains(records, r => r.Contains($"{s.Formula},\"'=SUM(1,2) Formula Download{s.Unique}\",Referral", StringComparison.Ordinal));

        var audited = await AuditedChildrenAsync(factory, "team.manager");
        Assert.Contains(s.Open.ToString(), audited);
        Assert.Contains(s.Named.ToString(), audited);
        Assert.Contains(s.Formula.ToString(), audited);
        Assert.DoesNotContain(s.Hidden.ToString(), audited);
        Assert.True(await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AnyAsync(e => e.EntityType == IndicatorDrillDown.EntityType && e.Process == "Dataset.DrillDown" && e.After!.Contains("downloaded as CSV"), Token)));

        using var xlsxResponse = await manager.GetAsync(Url(s, "xlsx"), Token);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsxResponse.Content.Headers.ContentType?.MediaType);
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync(Token)), false))
        {
            Assert.Equal(["Counts", "Records"], workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(x => x.Name!.Value));
            Assert.Contains(SheetRows(workbook, "Counts"), r => r is ["Records counted", var n] && n == counted.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var rows = SheetRows(workbook, "Records");
            Assert.Equal(["Child ID", "Child", "What was counted", "Date", "Counted in", "Working days"], rows[0]);
            Assert.Contains(rows, r => r.Take(4).SequenceEqual([s.Open.ToString(), $"Open Download{s.Unique}", "Referral", date]));
            Assert.Contains(rows, r => r[1] == $"=SUM(1,2) Formula Download{s.Unique}"); // an inline string in a workbook is never a formula
            Assert.Contains(rows, r => r[0] == "" && r[1] == "Restricted record");
            Assert.DoesNotContain(rows, r => r[0].Contains(s.Hidden.ToString(), StringComparison.OrdinalIgnoreCase));
        }

        // As at yesterday, the records made today are left out, as on the page.
        var yesterday = UkTime.Today(factory.Clock).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain($"Open Download{s.Unique}", await manager.GetStringAsync(Url(s, "csv", $"&as-at={yesterday}"), Token), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Scrutiny_downloads_the_counts_only_with_no_child_and_nothing_audited_against_a_child(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var s = await SeedAsync(factory);
        using var scrutiny = await factory.SignInAsync("scrutiny");

        var page = Html.Parse(await scrutiny.GetStringAsync(PageUrl(s), Token));
        Assert.Equal("Download the counts as CSV", page.QuerySelector("a[data-download='csv']")!.TextContent.Trim());

        var csv = (await scrutiny.GetStringAsync(Url(s, "csv"), Token)).TrimStart('\uFEFF');
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("Kind,Measure,Value", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("Count,", l, StringComparison.Ordinal));
        Assert.True(int.Parse(lines.Single(l => l.StartsWith("Count,Records counted,", StringComparison.Ordinal)).Split(',')[2], System.Globalization.CultureInfo.InvariantCulture) >= 4);
        foreach (var id in new[] { s.Open, s.Hidden, s.Named, s.Formula })
        {
            Assert.DoesNotContain(id.ToString(), csv, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain($"Download{s.Unique}", csv, StringComparison.Ordinal);

        var xlsx = await scrutiny.GetByteArrayAsync(Url(s, "xlsx"), Token);
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            Assert.Equal(["Counts"], workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(x => x.Name!.Value));
            Assert.DoesNotContain(SheetRows(workbook, "Counts").SelectMany(r => r), c => c.Contains(s.Open.ToString(), StringComparison.OrdinalIgnoreCase));
        }

        Assert.Empty(await AuditedChildrenAsync(factory, "scrutiny"));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_bad_format_quarter_year_or_date_is_a_400_saying_what_is_wrong(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var (computed, returned) = await TestUsers.WithDbAsync(factory, async db => (
            await db.Set<Indicator>().Where(i => i.Code == "5.1").Select(i => i.Id).SingleAsync(Token),
            await db.Set<Indicator>().Where(i => i.Code == "3.1").Select(i => i.Id).SingleAsync(Token)));
        using var scrutiny = await factory.SignInAsync("scrutiny");
        var url = $"/dataset/indicators/{computed}/breakdown/download";

        foreach (var (query, message) in new[]
        {
            ("?year=2025&quarter=1&format=pdf", "format must be xlsx or csv"),
            ("?year=2025&quarter=1&format=json", "format must be xlsx or csv"),
            ("?year=2025&quarter=5&format=csv", "quarter must be 1, 2, 3 or 4"),
            ("?year=2025&format=csv", "quarter must be 1, 2, 3 or 4"),
            ("?year=twenty&quarter=1&format=csv", "year must be the year a reporting year starts in, such as 2025"),
            ("?year=2025&quarter=1&format=csv&as-at=yesterday", "as-at must be a date such as 2025-05-01"),
        })
        {
            using var response = await scrutiny.GetAsync(url + query, Token);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }

        using var notComputed = await scrutiny.GetAsync($"/dataset/indicators/{returned}/breakdown/download?year=2025&quarter=1&format=csv", Token);
        Assert.Equal(HttpStatusCode.BadRequest, notComputed.StatusCode);
        Assert.Contains("not computed", await notComputed.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await scrutiny.GetAsync($"/dataset/indicators/{Guid.NewGuid()}/breakdown/download?year=2025&quarter=1&format=csv", Token)).StatusCode);
    }
}
