using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.InformationGovernance;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.People;

/// <summary>The subject access export page: found from the person's record, asks why, downloads the ZIP, audited.</summary>
public class SubjectAccessPageTests(WebFactories factories) : IClassFixture<WebFactories>
{
    [Theory, ClassData(typeof(BothProviders))]
    public async Task Information_governance_downloads_the_export_with_a_reason_from_the_record_and_it_is_audited(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        Person child;
        using (var scope = factory.Services.CreateScope())
        {
            child = await scope.ServiceProvider.GetRequiredService<PersonIndex>().CreateAsync(
                new NewPerson { GivenNames = "Sia", FamilyName = "Export" + Guid.NewGuid().ToString("N")[..6], DateOfBirth = new DateOnly(2017, 4, 2), Sex = "F" }, [], Actor.System("test set-up"));
        }

        using var worker = await factory.SignInAsync("social.worker");
        Assert.Null(Html.Parse(await worker.GetStringAsync($"/people/{child.Id}")).QuerySelector("[data-testid='subject-access']"));
        using var forbidden = await worker.GetAsync($"/people/{child.Id}/subject-access");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var client = await factory.SignInAsync("info.governance");
        var record = Html.Parse(await client.GetStringAsync($"/people/{child.Id}"));
        Assert.Equal($"/people/{child.Id}/subject-access", record.QuerySelector("[data-testid='subject-access']")!.GetAttribute("href"));
        var url = $"/people/{child.Id}/subject-access";

        using var noReason = await SafeguardWebFactory.PostFormAsync(client, url, new() { ["Reason"] = " " });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var error = Html.Parse(await noReason.Content.ReadAsStringAsync());
        Assert.StartsWith("Error:", error.Title, StringComparison.Ordinal);
        Assert.Contains("Enter why the export is being made", error.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        using var download = await SafeguardWebFactory.PostFormAsync(client, url, new() { ["Reason"] = "SAR-2026-0099 from the child's father" });
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"subject-access-{child.Id}-", download.Content.Headers.ContentDisposition!.FileName!.Trim('"')[..52]);
        using var zip = new ZipArchive(await download.Content.ReadAsStreamAsync());
        Assert.NotNull(zip.GetEntry("subject-access.json"));
        Assert.NotNull(zip.GetEntry("subject-access.xlsx"));

        var audit = await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AsNoTracking()
            .SingleAsync(e => e.Process == SubjectAccessExport.Process && e.EntityId == child.Id.ToString()));
        Assert.Equal((AuditAction.Exported, "SAR-2026-0099 from the child's father", "Ida Governance"), (audit.Action, audit.Reason, audit.ActorName));

        using var missing = await client.GetAsync($"/people/{Guid.NewGuid()}/subject-access");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
