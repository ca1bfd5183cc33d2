using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Security;

/// <summary>
/// A copy of a sign-in cookie, replayed from another client, stops working as soon as its user signs out, is
/// disabled, has two-factor authentication reset or has their roles changed; until then it works.
/// </summary>
public class SessionEndTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private static readonly Uri Site = new("http://localhost");

    /// <summary>Signs in through the real pages with a cookie jar the test can read, and returns the jar's client and the auth cookie.</summary>
    private static async Task<(HttpClient Client, string Cookie)> SignInAsync(SafeguardWebFactory factory, TestUser user)
    {
        var jar = new System.Net.CookieContainer();
        var client = factory.CreateDefaultClient(Site, new CookieContainerHandler(jar));
        using var password = await SafeguardWebFactory.PostFormAsync(client, "/account/sign-in", new() { ["Input.UserName"] = user.UserName, ["Input.Password"] = TestUsers.Password });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        using var code = await SafeguardWebFactory.PostFormAsync(client, password.Headers.Location!.OriginalString, new() { ["Code"] = Totp.CodeAt(user.Secret!, factory.Clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        return (client, jar.GetCookies(Site)[WebSetup.AuthCookie]!.Value);
    }

    /// <summary>The home page with only the copied cookie: 200 while the session lives, a redirect to sign in after.</summary>
    private static async Task<HttpStatusCode> ReplayAsync(SafeguardWebFactory factory, string cookie)
    {
        using var replay = factory.CreateDefaultClient(Site);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", $"{WebSetup.AuthCookie}={cookie}");
        using var response = await replay.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/account/sign-in", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }

        return response.StatusCode;
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Signing_out_ends_the_session_for_every_copy_of_the_cookie(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var user = await TestUsers.CreateAsync(factory, Roles.SocialWorker);
        var (client, cookie) = await SignInAsync(factory, user);
        var (_, otherDevice) = await SignInAsync(factory, user);
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(factory, cookie));

        using var signedOut = await SafeguardWebFactory.PostFormAsync(client, "/account/sign-out", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(factory, cookie));
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(factory, otherDevice));
        Assert.True(await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AnyAsync(e => e.Process == "Account.SignOut" && e.ActorUserId == user.Id)));
        client.Dispose();
    }

    public static TheoryData<string> AdministratorActions => ["disable", "reset two-factor", "change roles"];

    [Theory, MemberData(nameof(AdministratorActions))]
    public async Task An_administrators_change_ends_the_users_sessions_at_their_next_request(string action)
    {
        var factory = await factories.ForAsync(DatabaseProvider.Sqlite);
        var user = await TestUsers.CreateAsync(factory, Roles.SocialWorker);
        var (client, cookie) = await SignInAsync(factory, user);
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(factory, cookie));

        using (var scope = factory.Services.CreateScope())
        {
            var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            var admin = Actor.System("test");
            switch (action)
            {
                case "disable":
                    await administration.SetDisabledAsync(user.Id, true, admin, "left the partnership");
                    break;
                case "reset two-factor":
                    await administration.ResetTwoFactorAsync(user.Id, admin, "lost phone");
                    break;
                default:
                    var stored = await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
                    await administration.ChangeAsync(user.Id, new UserChange(stored.DisplayName, stored.AgencyId, stored.TeamId, [Roles.Scrutiny], stored.ConcurrencyStamp), admin);
                    break;
            }
        }

        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(factory, cookie));
        using var own = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        client.Dispose();
    }

    [Fact]
    public async Task Setting_up_two_factor_keeps_the_session_that_did_it()
    {
        var factory = await factories.ForAsync(DatabaseProvider.Sqlite);
        var user = await TestUsers.CreateAsync(factory, Roles.Scrutiny, withAuthenticator: false);
        using var client = await factory.SignInAsync(user);

        using var setup = await client.GetAsync("/account/two-factor/setup");
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}
