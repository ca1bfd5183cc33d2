using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Safeguard.Identity;

/// <summary>
/// Checks authenticator-app codes. Unlike Identity's built-in provider it reads the clock through
/// <see cref="TimeProvider"/>, accepts only the current step and one either side (a 90-second window), and
/// refuses a code from a step at or before the last one accepted, so a code cannot be used twice.
/// </summary>
public sealed class AuthenticatorTokenProvider(TimeProvider time) : IUserTwoFactorTokenProvider<User>
{
    public const string ProviderName = "SafeguardAuthenticator";
    private const string TokenStore = "[Safeguard]";
    private const string LastStepToken = "LastAuthenticatorStep";

    public Task<string> GenerateAsync(string purpose, UserManager<User> manager, User user) =>
        Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<User> manager, User user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var secret = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(secret) || string.IsNullOrWhiteSpace(token))
        {
            return false;
        }

        var code = Totp.Normalise(token);
        if (code.Length != Totp.Digits || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var lastText = await manager.GetAuthenticationTokenAsync(user, TokenStore, LastStepToken);
        var last = long.TryParse(lastText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : long.MinValue;
        var now = Totp.StepAt(time.GetUtcNow());
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (step > last && CryptographicEquals(Totp.Code(secret, step), code))
            {
                await manager.SetAuthenticationTokenAsync(user, TokenStore, LastStepToken, step.ToString(CultureInfo.InvariantCulture));
                return true;
            }
        }

        return false;
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<User> manager, User user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return CanGenerateAsync(manager, user);
    }

    private static async Task<bool> CanGenerateAsync(UserManager<User> manager, User user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));

    private static bool CryptographicEquals(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(a), System.Text.Encoding.ASCII.GetBytes(b));
}
