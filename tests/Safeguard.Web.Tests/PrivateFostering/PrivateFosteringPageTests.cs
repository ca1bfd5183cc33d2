using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.PrivateFostering;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.PrivateFostering;

/// <summary>A social worker records a notification from the child's record and a visit; the list shows the arrangement.</summary>
public class PrivateFosteringPageTests(WebFactories factories) : IClassFixture<WebFactories>
{
    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_social_worker_records_a_notification_and_a_visit(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = await factory.SignInAsync("social.worker");
        var child = await TestUsers.WithDbAsync(factory, db => db.People.AsNoTracking()
            .Where(p => p.Kind == PersonKind.Child && p.MergedIntoId == null && !p.IsRestricted && !db.Set<PrivateFosteringArrangement>().Any(a => a.PersonId == p.Id))
            .Select(p => p.Id).FirstAsync());
        var today = factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var notify = $"/people/{child}/private-fostering/notify";

        // Missing answers are shown beside their fields.
        using (var empty = await SafeguardWebFactory.PostFormAsync(client, notify, [], notify))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("Enter the private foster carer", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var saved = await SafeguardWebFactory.PostFormAsync(client, notify, new Dictionary<string, string>
        {
            ["Input.CarerName"] = "Pat Carer",
            ["Input.Parents"] = "Sam Parent",
            ["Input.NotifiedBy"] = "School",
            ["Input.NotifiedByName"] = "Elm Primary",
            ["Input.NotifiedOnDay"] = $"{today.Day}",
            ["Input.NotifiedOnMonth"] = $"{today.Month}",
            ["Input.NotifiedOnYear"] = $"{today.Year}",
            ["Input.StartedOnDay"] = $"{today.Day}",
            ["Input.StartedOnMonth"] = $"{today.Month}",
            ["Input.StartedOnYear"] = $"{today.Year}",
        }, notify);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var arrangement = saved.Headers.Location!.OriginalString;
        Assert.Contains("First visit (7 working days)", await client.GetStringAsync(arrangement), StringComparison.Ordinal);

        using var visit = await SafeguardWebFactory.PostFormAsync(client, arrangement + "/visit", new Dictionary<string, string>
        {
            ["Input.VisitedOnDay"] = $"{today.Day}",
            ["Input.VisitedOnMonth"] = $"{today.Month}",
            ["Input.VisitedOnYear"] = $"{today.Year}",
            ["Input.ChildSeen"] = "yes",
            ["Input.ChildSeenAlone"] = "yes",
            ["Input.VisitedBy"] = "Sam Worker",
        }, arrangement + "/visit");
        Assert.Equal(HttpStatusCode.Redirect, visit.StatusCode);
        Assert.Contains("On time", await client.GetStringAsync(arrangement), StringComparison.Ordinal);
        Assert.Contains("Pat Carer", await client.GetStringAsync("/private-fostering"), StringComparison.Ordinal);

        using var partner = await factory.SignInAsync("partner");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/private-fostering")).StatusCode);
    }
}
