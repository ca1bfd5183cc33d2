using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Identity;
using Safeguard.Persistence;

namespace Safeguard.Web.Tests.Support;

/// <summary>Users of a test's own, created through <see cref="UserAdministration"/> as the admin pages do.</summary>
public static class TestUsers
{
    public const string Password = "test-password-long-enough";

    /// <summary>A new user with one role, on the CSC agency; with an authenticator unless <paramref name="withAuthenticator"/> is false.</summary>
    public static async Task<TestUser> CreateAsync(SafeguardWebFactory factory, string role, bool withAuthenticator = true)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var userName = "t." + Guid.NewGuid().ToString("N")[..12];
        var secret = withAuthenticator ? Totp.NewSecret() : null;
        using var scope = factory.Services.CreateScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var user = await administration.CreateAsync(
            new NewUser(userName, "Test " + userName, userName + "@example.org", "CSC", [role], Password, AuthenticatorSecret: secret),
            Actor.System("test set-up"));
        return new TestUser(user.Id, userName, user.DisplayName, secret);
    }

    public static async Task<T> WithDbAsync<T>(SafeguardWebFactory factory, Func<SafeguardDbContext, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(read);
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>());
    }

    public static async Task<HttpClient> SignInAsync(this SafeguardWebFactory factory, TestUser user)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(user);
        return await factory.SignInAsync(user.UserName, Password, user.Secret);
    }
}

public sealed record TestUser(Guid Id, string UserName, string DisplayName, string? Secret);
