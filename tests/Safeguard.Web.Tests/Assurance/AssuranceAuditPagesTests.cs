using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Assurance;
using Safeguard.Auditing;
using Safeguard.Journey;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Assurance;

public class AssuranceAuditPagesTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_agency_opens_only_its_own_audit_returns_and_the_business_unit_sees_the_sample(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        Guid auditId, policeReturn;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Id, Token);
            var today = Calendar.UkTime.Today(db.Time);
            var child = await scope.ServiceProvider.GetRequiredService<PersonIndex>().CreateAsync(
                new NewPerson { GivenNames = "Orla", FamilyName = "Sampled", DateOfBirth = new DateOnly(2016, 2, 3), Sex = "F" }, [], Actor.System(), Token);
            await scope.ServiceProvider.GetRequiredService<CaseworkService>().OpenReferralAsync(child.Id, new NewReferral(today, "2A", "N1", false), new Actor(null, "system", agencies["CSC"]), Token);
            var unit = new Actor(Guid.NewGuid(), "Bea Business", agencies["SP"]);
            var audits = scope.ServiceProvider.GetRequiredService<AuditService>();
            var audit = await audits.CreateAsync(new NewAudit("Web audit", "Neglect", Common.ReportingYear.Of(today).StartYear, "Was neglect recognised?", null), unit, Token);
            await audits.SampleAsync(audit.Id, new SampleRequest(SampleCriterion.Referred, today, today, 50), unit, Token);
            await audits.OpenReturnsAsync(audit.Id, audit.Version, [agencies["POLICE"]], today.AddDays(7), unit, Token);
            auditId = audit.Id;
            policeReturn = await db.Set<AuditReturn>().Where(r => r.AuditId == audit.Id).Select(r => r.Id).SingleAsync(Token);
        }

        var council = await factory.SignInAsync("data.council");
        Assert.Equal(HttpStatusCode.NotFound, (await council.GetAsync($"/my-agency/audits/{policeReturn}", Token)).StatusCode);
        Assert.DoesNotContain("Web audit", await council.GetStringAsync("/my-agency/audits", Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await council.GetAsync($"/assurance/audits/{auditId}", Token)).StatusCode);

        var police = await factory.SignInAsync("data.police");
        Assert.Contains("Web audit", await police.GetStringAsync("/my-agency/audits", Token), StringComparison.Ordinal);
        var form = Html.Parse(await police.GetStringAsync($"/my-agency/audits/{policeReturn}", Token));
        Assert.Contains("Orla Sampled", form.QuerySelector("h1")?.TextContent ?? "", StringComparison.Ordinal);
        var refused = await SafeguardWebFactory.PostFormAsync(police, $"/my-agency/audits/{policeReturn}?handler=Submit", new() { ["Input.Grade"] = "Good" });
        var page = Html.Parse(await refused.Content.ReadAsStringAsync(Token));
        Assert.Contains(("Answer question 1", "Input-Answer1"), Html.ErrorSummary(page));
        Html.AssertErrorSummaryLinksResolve(page);

        var bu = await factory.SignInAsync("business.unit");
        var sample = Html.Parse(await bu.GetStringAsync($"/assurance/audits/{auditId}", Token));
        Assert.Contains("Orla Sampled", sample.QuerySelector("[data-testid=sample]")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains("0.0%", sample.QuerySelector("[data-testid=rates]")?.TextContent ?? "", StringComparison.Ordinal);
    }
}
