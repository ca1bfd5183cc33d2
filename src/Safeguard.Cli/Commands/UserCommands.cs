using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.DemoData;
using Safeguard.Identity;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard users ...</c>: user accounts.</summary>
public static class UserCommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("users", "User accounts") { Add(services), DemoCode(services) };
    }

    private static Command Add(CliServices services)
    {
        var userName = new Option<string>("--user-name") { Description = "What they sign in with", Required = true };
        var name = new Option<string>("--name") { Description = "Their full name", Required = true };
        var email = new Option<string>("--email") { Description = "Their email address", Required = true };
        var agency = new Option<string>("--agency") { Description = "Their agency's code, for example CSC", Required = true };
        var team = new Option<string?>("--team") { Description = "Their team's name in that agency" };
        var roles = new Option<string[]>("--role") { Description = $"A role (repeat for more): {string.Join(", ", Roles.Defaults.Select(r => r.Name))}", Required = true, AllowMultipleArgumentsPerToken = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the first password from standard input; otherwise one is made and printed once" };
        var command = new Command("add", "Create a user account; they set up two-factor authentication at their first sign-in")
        {
            userName, name, email, agency, team, roles, passwordStdin,
        };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            var fromInput = parseResult.GetValue(passwordStdin);
            var password = fromInput
                ? (await services.Input.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') ?? ""
                : Totp.Base32Encode(RandomNumberGenerator.GetBytes(15)).ToLowerInvariant();
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var user = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(
                new NewUser(
                    parseResult.GetRequiredValue(userName), parseResult.GetRequiredValue(name), parseResult.GetRequiredValue(email),
                    parseResult.GetRequiredValue(agency), parseResult.GetRequiredValue(roles), password, parseResult.GetValue(team)),
                CommandSupport.CliActor(),
                cancellationToken);
            await output.WriteLineAsync($"Created {user.UserName} ({user.DisplayName}).");
            if (!fromInput)
            {
                await output.WriteLineAsync($"First password (shown once): {password}");
            }
        });
        return command;
    }

    /// <summary>
    /// The current authenticator code of a demo user, so the demo can be tried without an app. Refused for any
    /// account whose secret is not the published demo secret, so it can never reveal a real user's code.
    /// </summary>
    private static Command DemoCode(CliServices services)
    {
        var userName = new Argument<string>("user-name") { Description = "A demo user, for example social.worker" };
        var command = new Command("totp", "Print a demo user's current authenticator code (demo accounts only)") { userName };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            var name = parseResult.GetRequiredValue(userName);
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = await users.FindByNameAsync(name);
            var demoSecret = DemoSeeder.AuthenticatorSecretFor(name);
            if (user is null || DemoSeeder.Users.All(d => d.UserName != name) || await users.GetAuthenticatorKeyAsync(user) != demoSecret)
            {
                throw new ArgumentException($"Argument <user-name>: '{name}' is not a demo account with the published demo secret; codes are only shown for those.");
            }

            await output.WriteLineAsync(Totp.CodeAt(demoSecret, services.Clock.GetUtcNow()));
        });
        return command;
    }
}
