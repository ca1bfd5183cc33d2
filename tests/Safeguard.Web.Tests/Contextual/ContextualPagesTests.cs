using System.Net;
using Safeguard.Auditing;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Contextual;

/// <summary>The contextual safeguarding pages: a place added, a child linked to it, the network drawn with its table, and a stale change refused.</summary>
public class ContextualPagesTests(WebFactories factories) : IClassFixture<WebFactories>
{
    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_place_is_added_a_child_linked_to_it_and_the_network_drawn_with_a_table_of_its_links(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var unique = Guid.NewGuid().ToString("N")[..6];
        var childId = await TestUsers.WithDbAsync(factory, async db =>
        {
            var child = new Person { Kind = PersonKind.Child, DisplayName = $"Kai Net{unique}", Sex = "M", DateOfBirth = new DateOnly(2010, 2, 3), CreatedAt = factory.Clock.GetUtcNow() };
            using (db.BeginProcess("Test.Seed", Actor.System()))
            {
                db.Add(child);
                await db.SaveChangesAsync();
            }

            return child.Id;
        });
        using var worker = await factory.SignInAsync("social.worker");

        using var refused = await SafeguardWebFactory.PostFormAsync(worker, "/contextual/locations/new", new Dictionary<string, string> { ["Input.Postcode"] = "nonsense" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await Html.ReadAsync(refused);
        Assert.Equal(["Enter the place's name", "Select what kind of place it is", "Enter a real UK postcode, like BL9 0EJ"], Html.ErrorSummary(refusedPage).Select(e => e.Message));
        Html.AssertErrorSummaryLinksResolve(refusedPage);

        using var added = await SafeguardWebFactory.PostFormAsync(worker, "/contextual/locations/new", new Dictionary<string, string>
        {
            ["Input.Name"] = $"Interchange {unique}",
            ["Input.Type"] = "TransportHub",
            ["Input.Postcode"] = "bl9 0bt",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var placeUrl = added.Headers.Location!.OriginalString;
        var placeId = placeUrl.Split('/')[^1];

        var linkUrl = $"/people/{childId}/contextual/link?Location={placeId}";
        using var linked = await SafeguardWebFactory.PostFormAsync(worker, linkUrl, new Dictionary<string, string>
        {
            ["Location"] = placeId,
            ["Input.Relationship"] = "Frequents",
            ["Input.Source"] = "Police intelligence",
            ["FromDay"] = "1",
            ["FromMonth"] = "9",
            ["FromYear"] = "2025",
        });
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal($"/people/{childId}/contextual", linked.Headers.Location!.OriginalString);

        var page = Html.Parse(await worker.GetStringAsync($"/people/{childId}/contextual"));
        Assert.Contains($"Interchange {unique}", page.QuerySelector("[data-testid=links]")!.TextContent, StringComparison.Ordinal);
        var svg = page.QuerySelector("svg[data-testid=network]")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal(2, svg.QuerySelectorAll("rect, circle").Length);
        Assert.Contains($"Kai Net{unique} is linked to 1 place", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Spends time there", page.QuerySelector("[data-testid=network-table]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Kai Net{unique}", await worker.GetStringAsync(placeUrl), StringComparison.Ordinal);

        // A change made from a stale version is refused and nothing is saved.
        var linkId = page.QuerySelector("a[href^='/contextual/links/']")!.GetAttribute("href")!;
        using var stale = await SafeguardWebFactory.PostFormAsync(worker, linkId, new Dictionary<string, string>
        {
            ["Version"] = "7",
            ["Input.Relationship"] = "IncidentThere",
            ["Input.Source"] = "Police intelligence",
        });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("changed", (await Html.ReadAsync(stale)).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Harmed or exploited there", await worker.GetStringAsync($"/people/{childId}/contextual"), StringComparison.Ordinal);
    }
}
