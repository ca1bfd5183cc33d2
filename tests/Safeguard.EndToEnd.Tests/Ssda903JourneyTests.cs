using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// The SSDA903 return in a browser, on accessible pages: a performance officer uploads a return with an error as
/// several files and sees its issues by rule and one by one with no import offered, then uploads the corrected
/// return, runs a dry run and imports it.
/// </summary>
public class Ssda903JourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static string[] Write(string folder, string prefix, string rne)
    {
        Directory.CreateDirectory(folder);
        var files = new Dictionary<string, string>
        {
            ["header.csv"] = $"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n{prefix}1,1,15/06/2012,WBRI,A123456789012,,\n",
            ["episodes.csv"] = $"CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n{prefix}1,01/03/2023,{rne},C2,N1,U1,PR1,,,,M1 1AA,M2 2BB,SC111111\n",
            ["reviews.csv"] = $"CHILD,DOB,REVIEW,REVIEW_CODE\n{prefix}1,15/06/2012,10/06/2024,PN1\n",
        };
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }

        return [.. files.Keys.Select(n => Path.Combine(folder, n))];
    }

    [Fact]
    public async Task A_return_with_an_error_shows_its_issues_and_the_corrected_return_is_imported()
    {
        var prefix = "E" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var folder = Directory.CreateTempSubdirectory("safeguard-903-e2e-").FullName;
        try
        {
            var page = await app.NewPageAsync();
            var problems = PageProblems.Watch(page);
            await DemoAppFixture.SignInAsync(page, "performance");
            await page.GotoAsync("/returns/ssda903");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Children looked after return (SSDA903)");
            await Axe.StepAsync(page, "ssda903-01-upload");

            await page.Locator("#files").SetInputFilesAsync(Write(Path.Combine(folder, "bad"), prefix, "Z"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/returns/ssda903/[0-9a-f-]{36}$"));
            await Assertions.Expect(page.Locator("[data-testid='issues'] tbody tr").First).ToContainTextAsync("143");
            await Assertions.Expect(page.Locator("#not-importable")).ToContainTextAsync("cannot be imported");
            await Axe.StepAsync(page, "ssda903-02-issues");

            await page.GotoAsync("/returns/ssda903");
            await page.Locator("#files").SetInputFilesAsync(Write(Path.Combine(folder, "good"), prefix, "S"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-summary-list .govuk-tag")).ToHaveTextAsync("No issues");
            await page.GetByRole(AriaRole.Button, new() { Name = "Dry run: show what would change" }).ClickAsync();
            await Assertions.Expect(page.Locator("#import-title")).ToHaveTextAsync("Dry run: nothing was written");
            await Axe.StepAsync(page, "ssda903-03-dry-run");
            await page.GetByRole(AriaRole.Button, new() { Name = "Import into the looked-after records" }).ClickAsync();
            await Assertions.Expect(page.Locator("#import-title")).ToHaveTextAsync("Imported");
            await Axe.StepAsync(page, "ssda903-04-imported");
            problems.AssertNone();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
