using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Identity;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Api;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.People;

/// <summary>The person index through its pages and the API: adding a child, duplicates, restricted records, merges.</summary>
public class PersonPagesTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    private static Dictionary<string, string> ChildForm(string given, string family, DateOnly dob) => new()
    {
        ["Input.GivenNames"] = given,
        ["Input.FamilyName"] = family,
        ["Input.Unborn"] = "no",
        ["Input.DateOfBirthDay"] = dob.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.DateOfBirthMonth"] = dob.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.DateOfBirthYear"] = dob.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Sex"] = "F",
        ["Input.Ethnicity"] = "WBRI",
        ["Input.AddressLine1"] = "2 Bell Lane",
        ["Input.Postcode"] = "bl9 5bt",
        ["Input.MovedInDay"] = "1",
        ["Input.MovedInMonth"] = "1",
        ["Input.MovedInYear"] = "2020",
    };

    private static async Task<Person> CreateAsync(SafeguardWebFactory factory, string given, string family, DateOnly dob, params Guid[] confirmedDifferent)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PersonIndex>().CreateAsync(
            new NewPerson { GivenNames = given, FamilyName = family, DateOfBirth = dob, Sex = "M" }, confirmedDifferent, Actor.System("test set-up"));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_social_worker_adds_a_child_and_their_record_shows_it_with_the_view_audited(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = await factory.SignInAsync("social.worker");
        var family = "Webtest" + Unique();

        using var saved = await SafeguardWebFactory.PostFormAsync(client, "/people/new?handler=Save", ChildForm("Ada", family, new DateOnly(2019, 3, 27)), formPage: "/people/new");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var url = saved.Headers.Location!.OriginalString;
        var page = Html.Parse(await client.GetStringAsync(url));
        Assert.Equal($"Ada {family}", Html.Text(page, "h1"));
        Assert.Contains("BL9 5BT", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("27 March 2019", page.Body.TextContent, StringComparison.Ordinal);
        var id = url.Split('/')[^1];
        Assert.True(await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AnyAsync(e => e.EntityType == "Person" && e.EntityId == id && e.Action == AuditAction.Viewed && e.ActorName == "Sam Social")));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Each_step_of_the_journey_refuses_bad_answers_naming_the_field(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = await factory.SignInAsync("front.door");

        using var name = await SafeguardWebFactory.PostFormAsync(client, "/people/new", new() { ["Step"] = "name", ["Input.GivenNames"] = "", ["Input.FamilyName"] = "" });
        var namePage = await Html.ReadAsync(name);
        Assert.Equal(["Enter the child's given names", "Enter the child's family name"], Html.ErrorSummary(namePage).Select(e => e.Message));
        Html.AssertErrorSummaryLinksResolve(namePage);

        var form = ChildForm("Ada", "Stepper", new DateOnly(2019, 3, 27));
        form["Step"] = "date-of-birth";
        form["Input.DateOfBirthMonth"] = "13";
        using var dob = await SafeguardWebFactory.PostFormAsync(client, "/people/new", form, formPage: "/people/new");
        var dobPage = await Html.ReadAsync(dob);
        Assert.Equal("The date of birth must be a real date, with a four-digit year", Html.ErrorSummary(dobPage).Single().Message);
        Html.AssertErrorSummaryLinksResolve(dobPage);

        form["Input.DateOfBirthMonth"] = "3";
        form["Input.DateOfBirthYear"] = "2099";
        using var future = await SafeguardWebFactory.PostFormAsync(client, "/people/new?handler=Save", form, formPage: "/people/new");
        var futurePage = await Html.ReadAsync(future);
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        Assert.Contains("must be today or in the past", Html.ErrorSummary(futurePage).Single().Message, StringComparison.Ordinal);
        Assert.Equal("date-of-birth", Html.Value(futurePage, "Step"));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_possible_duplicate_must_be_confirmed_different_before_the_child_is_added(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var family = "Dupe" + Unique();
        var existing = await CreateAsync(factory, "Ada", family, new DateOnly(2019, 3, 27));
        using var client = await factory.SignInAsync("social.worker");
        var form = ChildForm("Adah", family, new DateOnly(2019, 3, 27));

        using var refused = await SafeguardWebFactory.PostFormAsync(client, "/people/new?handler=Save", form, formPage: "/people/new");
        var page = await Html.ReadAsync(refused);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"Ada {family}", Html.ErrorSummary(page).Single().Message, StringComparison.Ordinal);
        Html.AssertErrorSummaryLinksResolve(page);

        using var saved = await SafeguardWebFactory.PostFormAsync(client, "/people/new?handler=Save", [.. form, new("ConfirmedDifferent", existing.Id.ToString())], formPage: "/people/new");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await TestUsers.WithDbAsync(factory, db => db.Set<NotDuplicateConfirmation>().AnyAsync(c => c.OtherPersonId == existing.Id && c.ConfirmedByName == "Sam Social")));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_restricted_record_is_not_found_by_others_on_the_page_the_search_or_the_api(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var named = await TestUsers.CreateAsync(factory, Roles.SocialWorker);
        var other = await TestUsers.CreateAsync(factory, Roles.SocialWorker);
        var family = "Hidden" + Unique();
        var child = await CreateAsync(factory, "Rae", family, new DateOnly(2017, 7, 7));
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PersonIndex>().SetRestrictionAsync(
                child.Id, child.Version, [], "A staff member's relative", new Actor(named.Id, named.DisplayName, null));
        }

        using var namedClient = await factory.SignInAsync(named);
        using var otherClient = await factory.SignInAsync(other);

        Assert.Equal(HttpStatusCode.OK, (await namedClient.GetAsync($"/people/{child.Id}")).StatusCode);
        Assert.Contains($"Rae {family}", await namedClient.GetStringAsync($"/people?Name={family}"), StringComparison.Ordinal);
        Assert.Single((await namedClient.GetFromJsonAsync<List<PersonSearchResult>>($"/api/v1/people?name={family}"))!);

        using var hidden = await otherClient.GetAsync($"/people/{child.Id}");
        using var missing = await otherClient.GetAsync($"/people/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(Html.Text(await Html.ReadAsync(missing), "main"), Html.Text(await Html.ReadAsync(hidden), "main"));
        var search = await otherClient.GetStringAsync($"/people?Name={family}");
        Assert.DoesNotContain("Rae", search, StringComparison.Ordinal);
        Assert.Contains("0 people found", search, StringComparison.Ordinal);
        Assert.Empty((await otherClient.GetFromJsonAsync<List<PersonSearchResult>>($"/api/v1/people?name={family}"))!);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_api_searches_by_identifier_audits_the_terms_and_refuses_an_empty_or_malformed_search(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var family = "Api" + Unique();
        var child = await CreateAsync(factory, "Ola", family, new DateOnly(2016, 2, 29));
        using var client = await factory.SignInAsync("team.manager");

        var found = await client.GetFromJsonAsync<List<PersonSearchResult>>($"/api/v1/people?name=ola%20{family}&dateOfBirth=2016-02-29");
        Assert.Equal(child.Id, found!.Single().Id);
        Assert.True(await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.Searched && e.After!.Contains(family) && e.ActorName == "Tariq Manager")));

        using var empty = await client.GetAsync("/api/v1/people");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Enter a name", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var badDate = await client.GetAsync("/api/v1/people?dateOfBirth=29/02/2016");
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("dateOfBirth", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_merge_from_a_stale_page_is_refused_and_a_fresh_one_merges_and_can_be_undone(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var family = "Merge" + Unique();
        var keep = await CreateAsync(factory, "Kit", family, new DateOnly(2015, 5, 5));
        var duplicate = await CreateAsync(factory, "Kitt", family, new DateOnly(2015, 5, 5), keep.Id);
        using var client = await factory.SignInAsync("team.manager");
        var url = $"/people/{keep.Id}/merge";

        var review = await Html.ReadAsync(await SafeguardWebFactory.PostFormAsync(client, url + "?handler=Review", new() { ["DuplicateId"] = duplicate.Id.ToString() }, formPage: url));
        var form = new Dictionary<string, string>
        {
            ["DuplicateId"] = duplicate.Id.ToString(),
            ["SurvivorVersion"] = Html.Value(review, "SurvivorVersion")!,
            ["DuplicateVersion"] = Html.Value(review, "DuplicateVersion")!,
            ["Reason"] = "Same child, name misspelt",
        };
        using (var scope = factory.Services.CreateScope())
        {
            // Someone else changes the record being kept after the page was opened.
            await scope.ServiceProvider.GetRequiredService<PersonIndex>().SetRestrictionAsync(keep.Id, keep.Version, null, "checked", Actor.System("someone else"));
        }

        using var stale = await SafeguardWebFactory.PostFormAsync(client, url + "?handler=Merge", form, formPage: url);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("changed by someone else", Html.Text(await Html.ReadAsync(stale), ".govuk-error-summary"), StringComparison.Ordinal);

        var fresh = await Html.ReadAsync(await SafeguardWebFactory.PostFormAsync(client, url + "?handler=Review", new() { ["DuplicateId"] = duplicate.Id.ToString() }, formPage: url));
        form["SurvivorVersion"] = Html.Value(fresh, "SurvivorVersion")!;
        using var merged = await SafeguardWebFactory.PostFormAsync(client, url + "?handler=Merge", form, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Contains("This record was merged into", await client.GetStringAsync($"/people/{duplicate.Id}"), StringComparison.Ordinal);

        using var undone = await SafeguardWebFactory.PostFormAsync(client, $"/people/{duplicate.Id}/unmerge", new() { ["Reason"] = "Twins after all" });
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.Null(await TestUsers.WithDbAsync(factory, db => db.People.Where(p => p.Id == duplicate.Id).Select(p => p.MergedIntoId).SingleAsync()));
    }
}
