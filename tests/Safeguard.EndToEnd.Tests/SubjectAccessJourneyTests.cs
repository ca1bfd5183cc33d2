using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.EndToEnd.Tests;

/// <summary>The data protection officer opens a child's record and downloads a subject access export, each page accessible.</summary>
public class SubjectAccessJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Information_governance_downloads_a_subject_access_export_from_the_record()
    {
        Guid childId;
        using (var scope = app.Services.CreateScope())
        {
            childId = await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().People.AsNoTracking()
                .Where(p => p.Kind == PersonKind.Child && !p.IsRestricted).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);
        }

        var page = await app.NewPageAsync();
        var problems = PageProblems.Watch(page);
        await DemoAppFixture.SignInAsync(page, "info.governance");
        await page.GotoAsync($"{app.BaseUrl}/people/{childId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Make a subject access request export" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Subject access request export");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Download the export" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why the export is being made");
        await Screenshots.SaveAsync(page, "subject-access-error");
        await Axe.AssertNoViolationsAsync(page);

        // A form post answered with a file ends the document's navigation (Chromium reports it aborted), so the pages'
        // loading is checked before the download.
        problems.AssertNone();
        await page.GetByLabel("Why are you making the export?").FillAsync("SAR-2026-0100 from the child's mother");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the export" }).ClickAsync());
        Assert.StartsWith($"subject-access-{childId}-", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        using (var zip = ZipFile.OpenRead(path))
        {
            Assert.Equal(["subject-access.json", "subject-access.xlsx"], zip.Entries.Select(e => e.FullName).Order());
        }
    }
}
