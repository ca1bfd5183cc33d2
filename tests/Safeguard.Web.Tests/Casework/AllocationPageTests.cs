using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Journey;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Casework;

/// <summary>Allocation offers children's social care's teams and, for a worker, the chosen team's caseworkers only.</summary>
public class AllocationPageTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private static async Task<Guid> ChildWithOpenEpisodeAsync(SafeguardWebFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "social.worker");
        var actor = new Actor(user.Id, user.DisplayName, user.AgencyId);
        var index = scope.ServiceProvider.GetRequiredService<PersonIndex>();
        var details = new NewPerson { GivenNames = "Alfie", FamilyName = "Allocate" + Guid.NewGuid().ToString("N")[..6], DateOfBirth = new DateOnly(2016, 2, 2), Sex = "M" };
        var child = await index.CreateAsync(details, [.. (await index.FindPossibleDuplicatesAsync(details, actor)).Select(a => a.Id)], actor);
        var today = Calendar.UkTime.Today(factory.Clock);
        await scope.ServiceProvider.GetRequiredService<CaseworkService>().OpenReferralAsync(child.Id, new NewReferral(today, "5A", "N1", false), actor);
        return child.Id;
    }

    private static IReadOnlyList<string> Options(AngleSharp.Dom.IDocument page, string name) =>
        [.. page.QuerySelectorAll($"select[name='{name}'] option").Select(o => o.TextContent.Trim())];

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Only_childrens_social_care_teams_and_the_chosen_teams_caseworkers_are_offered_and_anything_else_is_refused(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var childId = await ChildWithOpenEpisodeAsync(factory);
        var (police, assessment, mash, frontDoor, socialWorker) = await TestUsers.WithDbAsync(factory, async db => (
            await db.Teams.AsNoTracking().Where(t => t.Agency!.Code == "POLICE").Select(t => t.Id).FirstAsync(),
            await db.Teams.AsNoTracking().Where(t => t.Name == "Assessment Team").Select(t => t.Id).SingleAsync(),
            await db.Teams.AsNoTracking().Where(t => t.Name == "Multi-Agency Safeguarding Hub").Select(t => t.Id).SingleAsync(),
            await db.Users.AsNoTracking().Where(u => u.UserName == "front.door").Select(u => u.Id).SingleAsync(),
            await db.Users.AsNoTracking().Where(u => u.UserName == "social.worker").Select(u => u.Id).SingleAsync()));
        using var client = await factory.SignInAsync("team.manager");
        var url = $"/people/{childId}/casework/allocate";

        var page = Html.Parse(await client.GetStringAsync(url));
        var teams = Options(page, "Input.TeamId");
        Assert.Contains(teams, t => t.StartsWith("Assessment Team (", StringComparison.Ordinal) && t.Contains("Children's Social Care", StringComparison.Ordinal));
        Assert.DoesNotContain(teams, t => t.Contains("Police", StringComparison.Ordinal) || t.Contains("Integrated Care Board", StringComparison.Ordinal));
        Assert.Equal(["Choose the team first"], Options(page, "Input.WorkerId"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/allocate.js']"));

        // Without JavaScript: choose the team, then show its workers; the script asks for ?team= and gets the same list.
        var version = Html.Value(page, "Version")!;
        var shown = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(client, url + "?handler=Team", new() { ["Version"] = version, ["Input.TeamId"] = assessment.ToString() }, formPage: url)).Content.ReadAsStringAsync());
        var workers = Options(shown, "Input.WorkerId");
        Assert.Contains("Sam Social", workers);
        Assert.Contains("Tariq Manager", workers);
        Assert.DoesNotContain("Farah Frontdoor", workers);
        Assert.Equal(workers, Options(Html.Parse(await client.GetStringAsync($"{url}?team={assessment}")), "Input.WorkerId"));
        Assert.DoesNotContain("Sam Social", Options(Html.Parse(await client.GetStringAsync($"{url}?team={mash}")), "Input.WorkerId"));

        // The service refuses what the page does not offer.
        foreach (var (team, worker, field) in new[] { (police, (Guid?)null, "Select one of children's social care's teams"), (assessment, frontDoor, "Select a worker from Assessment Team who holds casework"), (mash, socialWorker, "Select a worker from Multi-Agency Safeguarding Hub") })
        {
            using var refused = await SafeguardWebFactory.PostFormAsync(client, url, new() { ["Version"] = version, ["Input.TeamId"] = team.ToString(), ["Input.WorkerId"] = worker?.ToString() ?? "" }, formPage: url);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var errors = Html.ErrorSummary(await Html.ReadAsync(refused));
            Assert.StartsWith(field, errors.Single().Message, StringComparison.Ordinal);
        }

        using var saved = await SafeguardWebFactory.PostFormAsync(client, url, new() { ["Version"] = version, ["Input.TeamId"] = assessment.ToString(), ["Input.WorkerId"] = socialWorker.ToString() }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_new_social_worker_is_allocated_with_the_reason_from_DfEs_list_which_the_history_shows(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var childId = await ChildWithOpenEpisodeAsync(factory);
        var (assessment, socialWorker, manager) = await TestUsers.WithDbAsync(factory, async db => (
            await db.Teams.AsNoTracking().Where(t => t.Name == "Assessment Team").Select(t => t.Id).SingleAsync(),
            await db.Users.AsNoTracking().Where(u => u.UserName == "social.worker").Select(u => u.Id).SingleAsync(),
            await db.Users.AsNoTracking().Where(u => u.UserName == "team.manager").Select(u => u.Id).SingleAsync()));
        using var client = await factory.SignInAsync("team.manager");
        var url = $"/people/{childId}/casework/allocate";
        Dictionary<string, string> Form(AngleSharp.Dom.IDocument page, Guid worker, string reason) =>
            new() { ["Version"] = Html.Value(page, "Version")!, ["Input.TeamId"] = assessment.ToString(), ["Input.WorkerId"] = worker.ToString(), ["Input.SocialWorkerReason"] = reason };

        var page = Html.Parse(await client.GetStringAsync(url));
        Assert.Contains("Previous social worker left the role", Options(page, "Input.SocialWorkerReason"));
        using (var first = await SafeguardWebFactory.PostFormAsync(client, url, Form(page, socialWorker, ""), formPage: url))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        // Another worker taking over needs the reason; it is refused without one, beside the field.
        page = Html.Parse(await client.GetStringAsync(url));
        using var refused = await SafeguardWebFactory.PostFormAsync(client, url, Form(page, manager, ""), formPage: url);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await Html.ReadAsync(refused);
        Assert.StartsWith("Select the reason for the new social worker", Html.ErrorSummary(refusedPage).Single().Message, StringComparison.Ordinal);
        Html.AssertErrorSummaryLinksResolve(refusedPage);

        using var saved = await SafeguardWebFactory.PostFormAsync(client, url, Form(page, manager, "LEFTRL"), formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var reasons = await TestUsers.WithDbAsync(factory, db => db.Set<CaseAllocation>().AsNoTracking().Where(a => a.PersonId == childId).OrderBy(a => a.From).Select(a => a.SocialWorkerReason).ToListAsync());
        Assert.Equal(["FCONTA", "LEFTRL"], reasons.TakeLast(2));
        var history = Html.Parse(await client.GetStringAsync(url)).QuerySelectorAll("ul.govuk-list li").Select(li => li.TextContent).ToList();
        Assert.Contains(history, h => h.Contains("Tariq Manager", StringComparison.Ordinal) && h.Contains("(Previous social worker left the role)", StringComparison.Ordinal));
    }
}
