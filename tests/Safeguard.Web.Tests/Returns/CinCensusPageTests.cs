using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Interchange.Cin;
using Safeguard.Interchange.Cin.Uploads;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Returns;

/// <summary>The children in need census page: upload, issues by rule and by child, filters, the workbook, refusals, retention.</summary>
public class CinCensusPageTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private static string Sample(string name) =>
        ReferenceFiles.Path("cin-census", "samples", name);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content, string collection = "2024-25")
    {
        var page = await client.GetStringAsync("/returns/cin");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success, "No antiforgery token on /returns/cin");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token.Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(collection), "Collection" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/xml");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/returns/cin", form);
    }

    private static async Task<string> UploadSampleAsync(HttpClient client)
    {
        using var response = await UploadAsync(client, "fake_CIN_data.xml", await File.ReadAllBytesAsync(Sample("fake_CIN_data.xml")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_sample_with_errors_is_checked_and_its_issues_grouped_by_rule_and_by_child_with_the_view_audited(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = await factory.SignInAsync("performance");

        var url = await UploadSampleAsync(client);
        var page = Html.Parse(await client.GetStringAsync(url));

        Assert.Equal("fake_CIN_data.xml", Html.Text(page, "h1"));
        Assert.Contains("is checked", Html.Text(page, ".govuk-notification-banner"), StringComparison.Ordinal);
        var byRule = page.QuerySelectorAll("#by-rule + table tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.NotEmpty(byRule);
        Assert.Contains(byRule, r => r[1] == "Error");
        var byChild = page.QuerySelectorAll("#by-child + table tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(byChild, r => r[0].StartsWith("RND", StringComparison.Ordinal));
        Assert.Contains("Import into children's records", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("[disabled]"));
        var id = url.Split('/')[^1];
        Assert.True(await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AnyAsync(e => e.EntityType == CinUploadStore.EntityType && e.EntityId == id && e.Action == AuditAction.Viewed && e.ActorName == "Pru Performance")));
        Assert.True(await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AnyAsync(e => e.EntityType == CinUploadStore.EntityType && e.EntityId == id && e.Action == AuditAction.Created)));

        var list = Html.Parse(await client.GetStringAsync("/returns/cin"));
        Assert.Contains(Html.TableRows(list), r => r[0] == "fake_CIN_data.xml");
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_issues_filter_by_severity_rule_and_child(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = await factory.SignInAsync("performance");
        var url = await UploadSampleAsync(client);
        var all = Html.Parse(await client.GetStringAsync(url));
        var firstChild = all.QuerySelector("#by-child + table tbody tr td")!.TextContent.Trim();
        var firstRule = all.QuerySelector("#by-rule + table tbody tr td")!.TextContent.Trim();

        static IReadOnlyList<string[]> Issues(AngleSharp.Dom.IDocument page) =>
            [.. page.QuerySelectorAll("#issues ~ table tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray())];

        var byChild = Html.Parse(await client.GetStringAsync($"{url}?Child={firstChild}"));
        Assert.NotEmpty(Issues(byChild));
        Assert.All(Issues(byChild), r => Assert.Equal(firstChild, r[1]));
        Assert.True(Issues(byChild).Count < Issues(all).Count);

        var byRule = Html.Parse(await client.GetStringAsync($"{url}?Rule={firstRule}"));
        Assert.All(Issues(byRule), r => Assert.StartsWith(firstRule, r[0], StringComparison.Ordinal));
        Assert.Single(byRule.QuerySelectorAll("#by-rule + table tbody tr"));

        var queries = Html.Parse(await client.GetStringAsync($"{url}?Severity=query"));
        Assert.All(Issues(queries), r => Assert.Contains("(query)", r[0], StringComparison.Ordinal));
        var errors = Html.Parse(await client.GetStringAsync($"{url}?Severity=error"));
        Assert.NotEmpty(Issues(errors));
        Assert.All(Issues(errors), r => Assert.Contains("(error)", r[0], StringComparison.Ordinal));

        var none = Html.Parse(await client.GetStringAsync($"{url}?Child=NO-SUCH-CHILD"));
        Assert.Contains("No issues match the filter.", none.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_issues_download_as_a_real_xlsx_workbook(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = await factory.SignInAsync("performance");
        var url = await UploadSampleAsync(client);
        var page = Html.Parse(await client.GetStringAsync($"{url}?Severity=error"));
        var link = page.QuerySelectorAll("a").Single(a => a.TextContent.Contains("XLSX", StringComparison.Ordinal)).GetAttribute("href")!;

        using var response = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("fake_CIN_data-issues.xlsx", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.ToString(), StringComparison.Ordinal);
        await using var body = await response.Content.ReadAsStreamAsync();
        using var zip = new ZipArchive(body, ZipArchiveMode.Read);
        Assert.NotNull(zip.GetEntry("xl/workbook.xml"));
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, sheets.Count);
        var text = string.Join("\n", sheets.Select(s => new StreamReader(s.Open()).ReadToEnd()));
        Assert.Contains("ERROR", text, StringComparison.Ordinal);
        Assert.DoesNotContain(">QUERY<", text, StringComparison.Ordinal);
        var id = url.Split('/')[^1];
        Assert.True(await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AnyAsync(e => e.EntityType == CinUploadStore.EntityType && e.EntityId == id && e.Action == AuditAction.Exported)));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_file_too_large_or_not_xml_is_refused_with_a_clear_message_and_nothing_kept(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = await factory.SignInAsync("performance");
        var before = Directory.Exists(factory.CinUploadFolder) ? Directory.GetFiles(factory.CinUploadFolder).Length : 0;

        // Over the 1 MB the test app allows: a valid census, only too large.
        var large = Encoding.UTF8.GetBytes(CinCensusGenerator.ToText(800, CinCollection.Parse("2024-25")));
        Assert.True(large.Length > 1024 * 1024);
        using var tooLarge = await UploadAsync(client, "large.xml", large);
        var tooLargePage = await Html.ReadAsync(tooLarge);
        Assert.Equal(HttpStatusCode.OK, tooLarge.StatusCode);
        Assert.Equal("The selected file must be smaller than 1 MB", Html.ErrorSummary(tooLargePage).Single().Message);
        Html.AssertErrorSummaryLinksResolve(tooLargePage);

        // Named .xml but a spreadsheet (a zip archive) inside.
        using var zip = await UploadAsync(client, "census.xml", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
        Assert.StartsWith("The selected file must be an XML file: its content is not XML", Html.ErrorSummary(await Html.ReadAsync(zip)).Single().Message, StringComparison.Ordinal);

        // XML inside, but not named as XML.
        using var csv = await UploadAsync(client, "census.csv", Encoding.UTF8.GetBytes("<Message/>"));
        Assert.StartsWith("The selected file must be an XML file", Html.ErrorSummary(await Html.ReadAsync(csv)).Single().Message, StringComparison.Ordinal);

        // An SSDA903 return (CSV) renamed .xml.
        using var ssda = await UploadAsync(client, "ssda903.xml", Encoding.UTF8.GetBytes("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,1,01/01/2015,WBRI,A123,,\n"));
        Assert.StartsWith("The selected file must be an XML file", Html.ErrorSummary(await Html.ReadAsync(ssda)).Single().Message, StringComparison.Ordinal);

        Assert.Equal(before, Directory.Exists(factory.CinUploadFolder) ? Directory.GetFiles(factory.CinUploadFolder).Length : 0);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_truncated_census_is_kept_as_unreadable_with_the_line_where_it_stops(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = await factory.SignInAsync("performance");
        var text = CinCensusGenerator.ToText(20, CinCollection.Parse("2024-25"));
        var truncated = Encoding.UTF8.GetBytes(text[..(text.Length / 2)]);

        using var response = await UploadAsync(client, "truncated.xml", truncated);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = Html.Parse(await client.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Equal("Cannot be read", page.QuerySelector(".govuk-summary-list .govuk-tag")!.TextContent.Trim());
        Assert.Matches("truncated.xml: line [0-9]+: cannot be read: it ends before the census does", Html.Text(page, "#problem"));

        // Shown as an error, not as a success, and with nothing to import.
        Assert.Null(page.QuerySelector(".govuk-notification-banner--success"));
        Assert.Null(page.QuerySelector("form[action*='handler=Import']"));
        Assert.DoesNotContain(page.QuerySelectorAll("button"), b => b.TextContent.Contains("Import", StringComparison.Ordinal));
        Assert.Contains("cannot be imported", Html.Text(page, "#not-importable"), StringComparison.Ordinal);

        // The upload is kept until a date still to come, and the page says so in those words.
        var rows = page.QuerySelectorAll(".govuk-summary-list__row").ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector("dd")!.TextContent.Trim());
        Assert.False(rows.ContainsKey("Deleted"));
        var keptUntil = DateTime.ParseExact(rows["Kept until"][..rows["Kept until"].IndexOf(',', StringComparison.Ordinal)], "d MMMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(keptUntil > factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1), $"Kept until {keptUntil:u}, in the past.");
        Assert.Contains("then deleted", rows["Kept until"], StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_file_of_a_year_without_rules_says_to_choose_the_collection_year_on_the_form(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = await factory.SignInAsync("performance");

        using var response = await UploadAsync(client, "fake_CIN_data.xml", await File.ReadAllBytesAsync(Sample("fake_CIN_data.xml")), collection: "");

        var page = Html.Parse(await client.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Equal("Cannot be read", page.QuerySelector(".govuk-summary-list .govuk-tag")!.TextContent.Trim());
        var problem = Html.Text(page, "#problem");
        Assert.Contains("no children in need census rules for 2022-23", problem, StringComparison.Ordinal);
        Assert.Contains("upload it again choosing the collection year", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("--collection", problem, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_user_without_the_permission_gets_403(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var performance = await factory.SignInAsync("performance");
        var url = await UploadSampleAsync(performance);
        using var client = await factory.SignInAsync("social.worker");

        using var list = await client.GetAsync("/returns/cin");
        using var upload = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        using var content = new MultipartFormDataContent { { new StringContent("x"), "Collection" } };
        using var posted = await client.PostAsync("/returns/cin", content);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Retention_purges_an_expired_upload_its_file_and_its_issues(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = await factory.SignInAsync("performance");
        var url = await UploadSampleAsync(client);
        var id = Guid.Parse(url.Split('/')[^1]);
        var kept = await UploadSampleAsync(client);
        Assert.Equal(2, Directory.GetFiles(factory.CinUploadFolder, $"{id}.*").Length);

        // The first upload's time has passed (the retention is measured from the upload).
        await TestUsers.WithDbAsync(factory, db => db.CinUploads.Where(u => u.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ExpiresAt, factory.Clock.GetUtcNow().AddMinutes(-1))));
        using (var scope = factory.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<CinUploadStore>().PurgeExpiredAsync() >= 1);
        }

        Assert.Empty(Directory.GetFiles(factory.CinUploadFolder, $"{id}.*"));
        Assert.False(await TestUsers.WithDbAsync(factory, db => db.CinUploads.AnyAsync(u => u.Id == id)));
        Assert.True(await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AnyAsync(e => e.EntityType == nameof(CinUpload) && e.EntityId == id.ToString() && e.Action == AuditAction.Deleted)));
        using var gone = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using var stillThere = await client.GetAsync(kept);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }
    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_clean_file_is_imported_from_the_page_after_a_dry_run_and_importing_it_again_changes_nothing(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = await factory.SignInAsync("performance");
        var census = Encoding.UTF8.GetBytes(CinCensusGenerator.ToText(12, CinCollection.Parse("2024-25")).Replace("<LAchildID>", "<LAchildID>W", StringComparison.Ordinal));
        using var uploaded = await UploadAsync(client, "clean.xml", census);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var url = uploaded.Headers.Location!.OriginalString;
        var page = Html.Parse(await client.GetStringAsync(url));
        Assert.NotNull(page.QuerySelector("button[name='dryRun'][value='true']"));
        var accept = page.QuerySelector("#Import-AcceptQueries") is null ? [] : new Dictionary<string, string> { ["AcceptQueries"] = "true" };

        async Task<AngleSharp.Dom.IDocument> ImportAsync(bool dryRun)
        {
            using var response = await SafeguardWebFactory.PostFormAsync(client, $"{url}?handler=Import", new Dictionary<string, string>(accept) { ["dryRun"] = dryRun ? "true" : "false" }, url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await Html.ReadAsync(response);
        }

        Task<int> EpisodesAsync() => TestUsers.WithDbAsync(factory, db => db.People.Where(p => EF.Functions.Like(p.CouncilChildId!, "W%")).Join(db.NeedEpisodes, p => p.Id, e => e.PersonId, (p, e) => e.Id).CountAsync());

        var dry = await ImportAsync(dryRun: true);
        Assert.Contains("Dry run: nothing was written", Html.Text(dry, "#import-title"), StringComparison.Ordinal);
        var childRow = dry.QuerySelectorAll("[data-testid='import-tallies'] tbody tr").Select(r => r.QuerySelectorAll("th,td").Select(c => c.TextContent.Trim()).ToArray()).First(r => r[0] == "Child");
        Assert.Equal(["Child", "12", "0", "0"], childRow);
        Assert.Equal(0, await EpisodesAsync());

        var done = await ImportAsync(dryRun: false);
        Assert.Equal("Imported", Html.Text(done, "#import-title"));
        var episodes = await EpisodesAsync();
        Assert.True(episodes >= 12, $"Expected at least one episode per child, found {episodes}.");

        var again = await ImportAsync(dryRun: false);
        var rows = again.QuerySelectorAll("[data-testid='import-tallies'] tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.All(rows, r => Assert.Equal(("0", "0"), (r[0], r[1])));
        Assert.Equal(episodes, await EpisodesAsync());

        // A file with errors offers no import at all.
        var withErrors = Html.Parse(await client.GetStringAsync(await UploadSampleAsync(client)));
        Assert.Null(withErrors.QuerySelector("button[name='dryRun']"));
        Assert.Contains("cannot be imported", withErrors.QuerySelector("#import + .govuk-inset-text")?.TextContent ?? "", StringComparison.Ordinal);
    }
}
