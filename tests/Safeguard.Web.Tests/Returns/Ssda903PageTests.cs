using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Interchange.Ssda903.Uploads;
using Safeguard.LookedAfter;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Returns;

/// <summary>The SSDA903 page: several CSV files uploaded together, issues by rule and one by one, downloads, the import and the export.</summary>
public class Ssda903PageTests(WebFactories factories) : IClassFixture<WebFactories>
{
    /// <summary>A clean return of two children whose ids start with <paramref name="prefix"/>: one looked after all year, one who left care.</summary>
    internal static (string Name, string Text)[] CleanReturn(string prefix) =>
    [
        ("header.csv", $"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n{prefix}1,1,15/06/2012,WBRI,A123456789012,,\n{prefix}2,2,02/02/2010,MWBC,A123456789099,0,\n"),
        ("episodes.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n" +
            $"{prefix}1,01/03/2023,S,C2,N1,U1,PR1,01/07/2024,X1,CARPL,M1 1AA,M2 2BB,SC111111\n{prefix}1,01/07/2024,P,C2,N1,U4,PR1,,,,M1 1AA,M3 3CC,SC222222\n" +
            $"{prefix}2,01/02/2023,S,V2,N4,U1,PR1,10/09/2024,E13,,BL9 0EJ,BL8 1AA,SC333333\n"),
        ("reviews.csv", $"CHILD,DOB,REVIEW,REVIEW_CODE\n{prefix}1,15/06/2012,10/06/2024,PN1\n{prefix}1,15/06/2012,02/12/2024,PN2\n"),
        ("oc2.csv", "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n" +
            $"{prefix}1,15/06/2012,10,,0,,1,1,1,0,,\n"),
    ];

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, IEnumerable<(string Name, byte[] Content)> files)
    {
        var page = await client.GetStringAsync("/returns/ssda903");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success, "No antiforgery token on /returns/ssda903");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token.Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("2024-25"), "Collection" },
        };
        foreach (var (name, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "files", name);
        }

        return await client.PostAsync("/returns/ssda903", form);
    }

    private static async Task<string> UploadedAsync(HttpClient client, IEnumerable<(string Name, byte[] Content)> files)
    {
        using var response = await UploadAsync(client, files);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.OriginalString;
    }

    private static IEnumerable<(string, byte[])> Samples() =>
        Directory.GetFiles(ReferenceFiles.Path("ssda903", "samples"), "*.csv").Where(f => Path.GetFileName(f) != "reviews.csv").Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)));

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_sample_return_uploaded_as_several_files_shows_its_issues_by_rule_and_with_table_line_child_and_fields_and_offers_no_import(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = await factory.SignInAsync("performance");

        var url = await UploadedAsync(client, Samples());
        var page = Html.Parse(await client.GetStringAsync(url));

        Assert.Contains("checked", Html.Text(page, ".govuk-notification-banner"), StringComparison.Ordinal);
        var byRule = page.QuerySelectorAll("#by-rule + table tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(byRule, r => r[0] == "120" && r[2] == "29");
        var issues = page.QuerySelectorAll("[data-testid='issues'] tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(issues, r => r is ["PlacedAdoption", "2", "988635", "120", "REASON_PLACED_CEASED", ..]);
        Assert.Null(page.QuerySelector("button[name='dryRun']"));
        Assert.Contains("cannot be imported", Html.Text(page, "#not-importable"), StringComparison.Ordinal);

        var only = Html.Parse(await client.GetStringAsync($"{url}?Rule=133"));
        Assert.All(only.QuerySelectorAll("[data-testid='issues'] tbody tr"), r => Assert.Equal("133", r.QuerySelectorAll("td")[3].TextContent.Trim()));

        var id = url.Split('/')[^1];
        Assert.True(await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AnyAsync(e => e.EntityType == Ssda903UploadStore.EntityType && e.EntityId == id && e.Action == AuditAction.Viewed)));
        var list = Html.Parse(await client.GetStringAsync("/returns/ssda903"));
        Assert.Contains(list.QuerySelectorAll("a"), a => a.GetAttribute("href") == url);

        using var csv = await client.GetAsync($"{url}?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n');
        Assert.StartsWith("rule,", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("120,", StringComparison.Ordinal) && l.Contains("PlacedAdoption", StringComparison.Ordinal) && l.Contains("988635", StringComparison.Ordinal));

        using var xlsx = await client.GetAsync($"{url}?handler=Xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        await using var body = await xlsx.Content.ReadAsStreamAsync();
        using var zip = new ZipArchive(body, ZipArchiveMode.Read);
        Assert.NotNull(zip.GetEntry("xl/workbook.xml"));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Files_that_are_not_csv_or_not_a_table_are_refused_or_reported(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = await factory.SignInAsync("performance");

        using var notCsv = await UploadAsync(client, [("return.xml", Encoding.UTF8.GetBytes("<x/>"))]);
        Assert.Equal(HttpStatusCode.OK, notCsv.StatusCode);
        var refused = await Html.ReadAsync(notCsv);
        Assert.Contains("return.xml must be a CSV file", Html.Text(refused, ".govuk-error-summary"), StringComparison.Ordinal);

        using var none = await UploadAsync(client, []);
        Assert.Contains("Select the return's CSV files", Html.Text(await Html.ReadAsync(none), ".govuk-error-summary"), StringComparison.Ordinal);

        var url = await UploadedAsync(client, [("notes.csv", Encoding.UTF8.GetBytes("a,b\n1,2\n"))]);
        var page = Html.Parse(await client.GetStringAsync(url));
        Assert.Equal("Cannot be read", Html.Text(page, ".govuk-summary-list .govuk-tag"));
        Assert.StartsWith("None of the files is a table of the SSDA903 return", Html.Text(page, "#unreadable"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("button[name='dryRun']"));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_clean_return_is_imported_from_the_page_after_a_dry_run_again_changes_nothing_and_the_export_downloads(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = await factory.SignInAsync("performance");
        var prefix = provider == DatabaseProvider.Sqlite ? "WS" : "WP";
        var url = await UploadedAsync(client, CleanReturn(prefix).Select(f => (f.Name, Encoding.UTF8.GetBytes(f.Text))));
        var page = Html.Parse(await client.GetStringAsync(url));
        Assert.Equal("No issues", Html.Text(page, ".govuk-summary-list .govuk-tag"));

        async Task<AngleSharp.Dom.IDocument> ImportAsync(bool dryRun)
        {
            using var response = await SafeguardWebFactory.PostFormAsync(client, $"{url}?handler=Import", new Dictionary<string, string> { ["dryRun"] = dryRun ? "true" : "false" }, url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await Html.ReadAsync(response);
        }

        List<string[]> Rows(AngleSharp.Dom.IDocument document, string table) =>
            [.. document.QuerySelectorAll($"[data-testid='{table}'] tbody tr").Select(r => r.QuerySelectorAll("th,td").Select(c => c.TextContent.Trim()).ToArray())];

        Task<int> EpisodesAsync() => TestUsers.WithDbAsync(factory, db => db.People.Where(p => EF.Functions.Like(p.CouncilChildId!, prefix + "%")).Join(db.Set<CareEpisode>(), p => p.Id, e => e.PersonId, (p, e) => e.Id).CountAsync());

        var dry = await ImportAsync(dryRun: true);
        Assert.Equal("Dry run: nothing was written", Html.Text(dry, "#import-title"));
        Assert.Equal([["Children", "2", "0", "0"], ["Episodes of care", "3", "0", "0"], ["Looked-after reviews", "2", "0", "0"], ["Adoption decisions", "0", "0", "0"], ["Missing periods", "0", "0", "0"], ["Care leavers' birthday records", "0", "0", "0"], ["Health and wellbeing records", "1", "0", "0"], ["Asylum-seeking statuses (UASC)", "0", "0", "0"], ["Previous permanence", "0", "0", "0"], ["Social worker episodes (allocations)", "0", "0", "0"]], Rows(dry, "import-tallies"));
        Assert.Empty(Rows(dry, "not-imported"));
        Assert.Equal(0, await EpisodesAsync());

        var done = await ImportAsync(dryRun: false);
        Assert.Equal("Imported", Html.Text(done, "#import-title"));
        Assert.Equal(3, await EpisodesAsync());
        var again = await ImportAsync(dryRun: false);
        Assert.Equal([["Children", "0", "0", "2"], ["Episodes of care", "0", "0", "3"], ["Looked-after reviews", "0", "0", "2"], ["Adoption decisions", "0", "0", "0"], ["Missing periods", "0", "0", "0"], ["Care leavers' birthday records", "0", "0", "0"], ["Health and wellbeing records", "0", "0", "1"], ["Asylum-seeking statuses (UASC)", "0", "0", "0"], ["Previous permanence", "0", "0", "0"], ["Social worker episodes (allocations)", "0", "0", "0"]], Rows(again, "import-tallies"));

        using var export = await client.GetAsync("/returns/ssda903?handler=Export&Collection=2024-25");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
        await using var body = await export.Content.ReadAsStreamAsync();
        using var zip = new ZipArchive(body, ZipArchiveMode.Read);
        Assert.Equal(["ad1.csv", "episodes.csv", "header.csv", "missing.csv", "oc2.csv", "oc3.csv", "placedadoption.csv", "prevperm.csv", "reviews.csv", "swepisodes.csv", "uasc.csv"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var episodes = new StreamReader(zip.GetEntry("episodes.csv")!.Open()).ReadToEnd();
        Assert.Contains($"{prefix}1,01/07/2024,P,C2,N1,U4,PR1,,,,M1 1AA,M3 3CC,", episodes, StringComparison.Ordinal);
        var oc2 = new StreamReader(zip.GetEntry("oc2.csv")!.Open()).ReadToEnd();
        Assert.Contains($"{prefix}1,15/06/2012,10,,0,,1,0,0,0,,", oc2, StringComparison.Ordinal);
    }
}
