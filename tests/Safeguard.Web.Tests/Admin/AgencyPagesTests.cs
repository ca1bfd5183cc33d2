using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Admin;

/// <summary>Agencies and teams through the admin pages, including two administrators editing at once.</summary>
public class AgencyPagesTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private static async Task<Agency> NewAgencyAsync(SafeguardWebFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var code = "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        return await scope.ServiceProvider.GetRequiredService<OrganisationAdministration>()
            .CreateAgencyAsync(new AgencyDetails("Agency " + code, code, AgencyType.VoluntarySector, null), Actor.System("test set-up"));
    }

    private static Dictionary<string, string> EditForm(Agency agency, string name, string version) => new()
    {
        ["Input.Name"] = name,
        ["Input.Code"] = agency.Code,
        ["Input.Type"] = agency.Type.ToString(),
        ["Input.StatutoryPartner"] = "",
        ["Input.IsActive"] = "true",
        ["Input.Version"] = version,
    };

    private static Task<Agency> ReadAsync(SafeguardWebFactory factory, Guid id) =>
        TestUsers.WithDbAsync(factory, db => db.Agencies.AsNoTracking().Include(a => a.Teams).SingleAsync(a => a.Id == id));

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_second_of_two_administrators_editing_the_same_version_is_told_and_the_first_change_is_kept(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var agency = await NewAgencyAsync(factory);
        var url = $"/admin/agencies/{agency.Id}";
        using var first = await factory.SignInAsync("admin");
        using var second = await factory.SignInAsync("admin");
        var firstVersion = Html.Value(Html.Parse(await first.GetStringAsync(url)), "Input.Version")!;
        var secondVersion = Html.Value(Html.Parse(await second.GetStringAsync(url)), "Input.Version")!;
        Assert.Equal(firstVersion, secondVersion);

        using var saved = await SafeguardWebFactory.PostFormAsync(first, url, EditForm(agency, "Renamed by the first", firstVersion));
        using var conflict = await SafeguardWebFactory.PostFormAsync(second, url, EditForm(agency, "Renamed by the second", secondVersion));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await Html.ReadAsync(conflict);
        Assert.Contains("changed by someone else", Html.Text(page, ".govuk-error-summary"), StringComparison.Ordinal);
        Assert.Equal("Renamed by the first", (await ReadAsync(factory, agency.Id)).Name);
        // Reloading shows the first change and the new version, from which the second administrator can save.
        var reloaded = Html.Parse(await second.GetStringAsync(url));
        Assert.Equal("Renamed by the first", Html.Value(reloaded, "Input.Name"));
        using var retried = await SafeguardWebFactory.PostFormAsync(second, url, EditForm(agency, "Renamed by the second", Html.Value(reloaded, "Input.Version")!));
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Equal("Renamed by the second", (await ReadAsync(factory, agency.Id)).Name);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_administrator_gives_a_school_its_phase_and_a_phase_for_another_kind_of_agency_is_refused(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var agency = await NewAgencyAsync(factory);
        var url = $"/admin/agencies/{agency.Id}";
        using var admin = await factory.SignInAsync("admin");
        var version = Html.Value(Html.Parse(await admin.GetStringAsync(url)), "Input.Version")!;

        // A voluntary sector partner has no phase.
        var form = EditForm(agency, agency.Name, version);
        form["Input.Phase"] = "Secondary";
        using var refused = await SafeguardWebFactory.PostFormAsync(admin, url, form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ReadAsync(refused);
        Assert.Contains(Html.ErrorSummary(page), e => e.Message.StartsWith("Only a school has a phase", StringComparison.Ordinal) && e.Target == "Input-Phase");
        Html.AssertErrorSummaryLinksResolve(page);
        Assert.Null((await ReadAsync(factory, agency.Id)).Phase);

        // Made a school, it keeps its phase, and the edit page shows it chosen.
        form["Input.Type"] = nameof(AgencyType.School);
        using var saved = await SafeguardWebFactory.PostFormAsync(admin, url, form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((AgencyType.School, SchoolPhase.Secondary), ((await ReadAsync(factory, agency.Id)).Type, (await ReadAsync(factory, agency.Id)).Phase));
        var edit = Html.Parse(await admin.GetStringAsync(url));
        Assert.Equal("Secondary", edit.QuerySelector("select[name='Input.Phase'] option[selected]")?.GetAttribute("value"));
        Assert.Contains("School (Secondary)", Html.Text(Html.Parse(await admin.GetStringAsync("/admin/agencies")), "table"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_administrator_adds_a_team_and_an_empty_name_is_refused(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var agency = await NewAgencyAsync(factory);
        var url = $"/admin/agencies/{agency.Id}";
        using var admin = await factory.SignInAsync("admin");

        using var empty = await SafeguardWebFactory.PostFormAsync(admin, $"{url}?handler=AddTeam", new() { ["NewTeamName"] = "" }, url);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var refused = await Html.ReadAsync(empty);
        Assert.Contains(("Enter the team's name", "NewTeam-Name"), Html.ErrorSummary(refused));
        Html.AssertErrorSummaryLinksResolve(refused);
        Assert.Empty((await ReadAsync(factory, agency.Id)).Teams);

        using var added = await SafeguardWebFactory.PostFormAsync(admin, $"{url}?handler=AddTeam", new() { ["NewTeamName"] = "Family Hub North" }, url);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var team = Assert.Single((await ReadAsync(factory, agency.Id)).Teams);
        Assert.Equal("Family Hub North", team.Name);
        var page = Html.Parse(await admin.GetStringAsync(url));
        Assert.Contains("The team Family Hub North is added.", Html.Text(page, ".govuk-notification-banner"), StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/admin/teams/{team.Id}" && a.TextContent == "Family Hub North");
        Assert.True(await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AnyAsync(e => e.Process == "Teams.Create" && e.EntityId == team.Id.ToString() && e.ActorName == "Alex Admin")));
    }
}
