using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Persistence;
using Safeguard.Reminders;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Reminders;

/// <summary>Any signed-in user turns their daily email off and on again; an empty choice is refused beside the radios.</summary>
public class ReminderPreferencePageTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private const string Page = "/account/reminders";

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_user_turns_the_daily_email_off_and_on(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = await factory.SignInAsync("partner");
        async Task<ReminderPreference> StoredAsync() => await TestUsers.WithDbAsync(factory, db => db.Users.AsNoTracking().Where(u => u.UserName == "partner").Select(u => u.ReminderPreference).SingleAsync());

        var page = await client.GetStringAsync(Page);
        Assert.Contains("Do you want the daily email of your work?", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Digest\" checked", page, StringComparison.Ordinal);
        Assert.Equal(ReminderPreference.Digest, await StoredAsync());

        using (var empty = await SafeguardWebFactory.PostFormAsync(client, Page, [], Page))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("Choose whether to get the daily email", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var off = await SafeguardWebFactory.PostFormAsync(client, Page, new Dictionary<string, string> { ["Preference"] = "Off" }, Page))
        {
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        }

        Assert.Equal(ReminderPreference.Off, await StoredAsync());
        var after = await client.GetStringAsync(Page);
        Assert.Contains("You will not get the daily email of your work.", after, StringComparison.Ordinal);
        Assert.Contains("value=\"Off\" checked", after, StringComparison.Ordinal);

        using (var on = await SafeguardWebFactory.PostFormAsync(client, Page, new Dictionary<string, string> { ["Preference"] = "Digest" }, Page))
        {
            Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        }

        Assert.Equal(ReminderPreference.Digest, await StoredAsync());
    }
}
