using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Account;

/// <summary>Signing in through the real pages: the password, the authenticator code, lockout and refusals.</summary>
public class SignInTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private const string WrongCredentials = "The user name or password is not right";
    private const string LockedOut = "Your account is locked after 5 unsuccessful attempts";
    private const string Disabled = "Your account has been disabled";
    private const string BadCode = "The code is not right, has expired or has already been used";

    private static async Task<HttpResponseMessage> PasswordAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return await SafeguardWebFactory.PostFormAsync(client, "/account/sign-in", fields);
    }

    /// <summary>The password step, which must lead to the code page; returns that page's address.</summary>
    private static async Task<string> PasswordToCodePageAsync(HttpClient client, TestUser user, string? returnUrl = null)
    {
        using var response = await PasswordAsync(client, user.UserName, TestUsers.Password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/two-factor", location, StringComparison.Ordinal);
        return location;
    }

    private static Task<HttpResponseMessage> CodeAsync(HttpClient client, string codePage, string code) =>
        SafeguardWebFactory.PostFormAsync(client, codePage, new() { ["Code"] = code });

    private static async Task<User> ReadUserAsync(SafeguardWebFactory factory, Guid id) =>
        await TestUsers.WithDbAsync(factory, db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));

    private static async Task AssertShowsAsync(HttpResponseMessage response, string message)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains(message, Html.Text(page, ".govuk-error-summary"), StringComparison.Ordinal);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Password_and_code_reach_the_home_page_showing_the_users_name(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var user = await TestUsers.CreateAsync(factory, Roles.SocialWorker);
        using var client = factory.NewClient();

        var codePage = await PasswordToCodePageAsync(client, user);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        using var signedIn = await CodeAsync(client, codePage, Totp.CodeAt(user.Secret!, factory.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);

        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var page = await Html.ReadAsync(home);
        Assert.Contains($"Signed in as {user.DisplayName}", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("What you can do", Html.Text(page, "h1"));
    }

    [Fact]
    public async Task An_empty_form_lists_its_errors_in_the_order_of_the_fields()
    {
        var factory = await factories.ForAsync(DatabaseProvider.Sqlite);
        using var client = factory.NewClient();
        using var response = await SafeguardWebFactory.PostFormAsync(client, "/account/sign-in", new() { ["Input.UserName"] = "", ["Input.Password"] = "" });
        var page = await Html.ReadAsync(response);
        Assert.Equal(
            [("Enter your user name", "#Input-UserName"), ("Enter your password", "#Input-Password")],
            Html.ErrorSummary(page).Select(e => (e.Message, e.Target.StartsWith('#') ? e.Target : "#" + e.Target)).ToList());
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_wrong_password_is_refused_and_counted(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var user = await TestUsers.CreateAsync(factory, Roles.Scrutiny);
        using var client = factory.NewClient();

        using var response = await PasswordAsync(client, user.UserName, "not-the-password-at-all");

        await AssertShowsAsync(response, WrongCredentials);
        Assert.Equal(1, (await ReadUserAsync(factory, user.Id)).AccessFailedCount);
        using var unknown = await PasswordAsync(client, "nobody." + Guid.NewGuid().ToString("N")[..8], "not-the-password-at-all");
        await AssertShowsAsync(unknown, WrongCredentials);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Five_failures_lock_the_account_even_against_the_right_password(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var user = await TestUsers.CreateAsync(factory, Roles.SocialWorker);
        using var client = factory.NewClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failed = await PasswordAsync(client, user.UserName, "wrong-password-" + attempt);
            await AssertShowsAsync(failed, WrongCredentials);
        }

        // The fifth wrong password locks the account, but says only what it says for an unknown user name: only
        // someone giving the right password learns the account exists and is locked.
        using var fifth = await PasswordAsync(client, user.UserName, "wrong-password-5");
        await AssertShowsAsync(fifth, WrongCredentials);
        using var sixth = await PasswordAsync(client, user.UserName, "wrong-password-6");
        await AssertShowsAsync(sixth, WrongCredentials);
        Assert.DoesNotContain("locked", await sixth.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        using var right = await PasswordAsync(client, user.UserName, TestUsers.Password);
        await AssertShowsAsync(right, LockedOut);
        Assert.NotNull((await ReadUserAsync(factory, user.Id)).LockoutEnd);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_disabled_user_is_told_so_only_when_the_password_is_right(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var user = await TestUsers.CreateAsync(factory, Roles.PartnerPractitioner);
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .SetDisabledAsync(user.Id, true, Actor.System("test"), "left the partnership", TestContext.Current.CancellationToken);
        }

        using var client = factory.NewClient();
        using var right = await PasswordAsync(client, user.UserName, TestUsers.Password);
        await AssertShowsAsync(right, Disabled);
        Assert.Null(right.Headers.Location);

        using var wrong = await PasswordAsync(client, user.UserName, "not-the-password-at-all");
        await AssertShowsAsync(wrong, WrongCredentials);
        Assert.DoesNotContain(Disabled, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_wrong_code_is_refused_on_the_code_page(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var user = await TestUsers.CreateAsync(factory, Roles.SocialWorker);
        using var client = factory.NewClient();
        var codePage = await PasswordToCodePageAsync(client, user);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var wrong = Codes.WrongAt(user.Secret!, factory.Clock.GetUtcNow());

        using var response = await CodeAsync(client, codePage, wrong);

        await AssertShowsAsync(response, BadCode);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/sign-in", home.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_code_two_minutes_old_is_refused(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var user = await TestUsers.CreateAsync(factory, Roles.SocialWorker);
        using var client = factory.NewClient();
        var codePage = await PasswordToCodePageAsync(client, user);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));

        using var response = await CodeAsync(client, codePage, Totp.CodeAt(user.Secret!, factory.Clock.GetUtcNow().AddMinutes(-2)));

        await AssertShowsAsync(response, BadCode);
        // The same page takes the current code: the refusal was about the code's age, not the sign-in.
        using var current = await CodeAsync(client, codePage, Totp.CodeAt(user.Secret!, factory.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.Redirect, current.StatusCode);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_code_already_used_is_refused_the_second_time(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var user = await TestUsers.CreateAsync(factory, Roles.SocialWorker);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = Totp.CodeAt(user.Secret!, factory.Clock.GetUtcNow());

        using var first = factory.NewClient();
        using var firstResult = await CodeAsync(first, await PasswordToCodePageAsync(first, user), code);
        Assert.Equal(HttpStatusCode.Redirect, firstResult.StatusCode);
        Assert.Equal("/", firstResult.Headers.Location!.OriginalString);

        using var second = factory.NewClient();
        using var secondResult = await CodeAsync(second, await PasswordToCodePageAsync(second, user), code);
        await AssertShowsAsync(secondResult, BadCode);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_return_address_on_another_site_is_not_followed(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var user = await TestUsers.CreateAsync(factory, Roles.Administrator);
        var cases = new Dictionary<string, string>
        {
            ["https://evil.example/phish"] = "/",
            ["//evil.example/phish"] = "/",
            ["/\\evil.example/phish"] = "/",
            ["/admin/users"] = "/admin/users",
            ["/admin\u0001users"] = "/",
            ["/admin/users\r\nSet-Cookie: x=y"] = "/",
            ["/\tadmin"] = "/",
        };

        foreach (var (returnUrl, expected) in cases)
        {
            using var client = factory.NewClient();
            var codePage = await PasswordToCodePageAsync(client, user, returnUrl);
            factory.Clock.Advance(TimeSpan.FromSeconds(30));
            using var response = await CodeAsync(client, codePage, Totp.CodeAt(user.Secret!, factory.Clock.GetUtcNow()));

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.True(expected == response.Headers.Location!.OriginalString, $"ReturnUrl {returnUrl} led to {response.Headers.Location}, expected {expected}");
        }
    }
}

/// <summary>
/// An unknown user name and a real one are told apart neither by the words shown nor by the work done: each
/// wrong attempt checks one password hash whether or not the name exists (time is not measured in tests;
/// the hash check is what took a real user's attempt ten times longer), and neither is ever shown "locked".
/// </summary>
public class UserNameDiscoveryTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private sealed class CountingHasher(IPasswordHasher<User> inner) : IPasswordHasher<User>
    {
        public int Verifications;

        public string HashPassword(User user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task Unknown_and_real_user_names_get_the_same_answer_after_the_same_password_check()
    {
        var factory = await factories.ForAsync(DatabaseProvider.Sqlite);
        var user = await TestUsers.CreateAsync(factory, Roles.SocialWorker);
        var hasher = new CountingHasher(new PasswordHasher<User>());
        await using var counted = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<User>>(hasher)));
        using var client = counted.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var unknownName = "nobody." + Guid.NewGuid().ToString("N")[..8];

        async Task<(int Checks, string Error)> AttemptAsync(string userName)
        {
            var before = hasher.Verifications;
            using var response = await SafeguardWebFactory.PostFormAsync(client, "/account/sign-in", new() { ["Input.UserName"] = userName, ["Input.Password"] = "not-the-password-at-all" });
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            var page = await Html.ReadAsync(response);
            return (hasher.Verifications - before, Html.Text(page, ".govuk-error-summary"));
        }

        for (var attempt = 1; attempt <= 7; attempt++)
        {
            var real = await AttemptAsync(user.UserName);
            var unknown = await AttemptAsync(unknownName);

            Assert.Equal(1, real.Checks);
            Assert.Equal(real, unknown);
            Assert.DoesNotContain("locked", real.Error, StringComparison.OrdinalIgnoreCase);
        }

        Assert.NotNull((await TestUsers.WithDbAsync(factory, db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id))).LockoutEnd);
    }
}
