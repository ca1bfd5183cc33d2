using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Authorization;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Account;

/// <summary>Users who can see children's data must set up an authenticator before anything else.</summary>
public class TwoFactorEnrolmentTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private static async Task<bool> TwoFactorEnabledAsync(SafeguardWebFactory factory, Guid id)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        return await users.GetTwoFactorEnabledAsync((await users.FindByIdAsync(id.ToString()))!);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_practitioner_without_an_authenticator_must_enrol_before_using_the_service(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var user = await TestUsers.CreateAsync(factory, Roles.SocialWorker, withAuthenticator: false);
        using var client = await factory.SignInAsync(user);

        foreach (var path in new[] { "/", "/home", "/admin/users" })
        {
            using var blocked = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
            Assert.Equal(TwoFactorEnforcement.SetupPath, blocked.Headers.Location!.OriginalString);
        }

        using var api = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);

        using var setup = await client.GetAsync(TwoFactorEnforcement.SetupPath);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        var page = await Html.ReadAsync(setup);
        Assert.Contains("you must set up two-factor authentication", page.Body!.TextContent, StringComparison.Ordinal);
        var secret = Html.Text(page, "[data-testid=authenticator-secret]").Replace(" ", "", StringComparison.Ordinal);
        Assert.Matches("^[A-Z2-7]{32}$", secret);

        // A wrong code changes nothing.
        using var wrong = await SafeguardWebFactory.PostFormAsync(client, TwoFactorEnforcement.SetupPath, new() { ["Code"] = Codes.WrongAt(secret, factory.Clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.False(await TwoFactorEnabledAsync(factory, user.Id));

        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        using var confirmed = await SafeguardWebFactory.PostFormAsync(client, TwoFactorEnforcement.SetupPath, new() { ["Code"] = Totp.CodeAt(secret, factory.Clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.True(await TwoFactorEnabledAsync(factory, user.Id));

        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Two-factor authentication is set up", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // From now on, signing in asks for a code from the new secret.
        using var again = await factory.SignInAsync(user.UserName, TestUsers.Password, secret);
        using var homeAgain = await again.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, homeAgain.StatusCode);
    }

    [Fact]
    public async Task Setting_up_can_take_longer_than_the_session_check_interval()
    {
        var factory = await factories.ForAsync(DatabaseProvider.Sqlite);
        var user = await TestUsers.CreateAsync(factory, Roles.SocialWorker, withAuthenticator: false);
        using var client = await factory.SignInAsync(user);
        using var setup = await client.GetAsync(TwoFactorEnforcement.SetupPath);
        var secret = Html.Text(await Html.ReadAsync(setup), "[data-testid=authenticator-secret]").Replace(" ", "", StringComparison.Ordinal);

        // The person takes three minutes to find their phone: the security stamp has been re-checked meanwhile.
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        using var confirmed = await SafeguardWebFactory.PostFormAsync(client, TwoFactorEnforcement.SetupPath, new() { ["Code"] = Totp.CodeAt(secret, factory.Clock.GetUtcNow()) });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/", confirmed.Headers.Location!.OriginalString);
        Assert.True(await TwoFactorEnabledAsync(factory, user.Id));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_scrutiny_user_without_an_authenticator_is_not_forced_to_enrol(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var user = await TestUsers.CreateAsync(factory, Roles.Scrutiny, withAuthenticator: false);
        using var client = await factory.SignInAsync(user);

        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(user.DisplayName, await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var me = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.False(await TwoFactorEnabledAsync(factory, user.Id));
    }
}
