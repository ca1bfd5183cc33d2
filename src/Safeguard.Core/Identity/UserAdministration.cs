using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.Identity;

/// <summary>Creating and changing user accounts. Used by the admin pages, the CLI and the demo data.</summary>
public sealed class UserAdministration(SafeguardDbContext db, UserManager<User> users)
{
    public async Task<User> CreateAsync(NewUser request, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            problems.Add(new("UserName", "Enter a user name"));
        }
        else if (request.UserName.Trim().Length > 100)
        {
            problems.Add(new("UserName", "The user name must be 100 characters or fewer"));
        }

        CheckDisplayName(request.DisplayName, problems);
        if (string.IsNullOrWhiteSpace(request.Email) || !request.Email.Contains('@', StringComparison.Ordinal))
        {
            problems.Add(new("Email", "Enter an email address in the correct format, like name@example.org"));
        }
        else if (request.Email.Trim().Length > 256)
        {
            problems.Add(new("Email", "The email address must be 256 characters or fewer"));
        }

        var agencyCode = request.AgencyCode.Trim().ToUpperInvariant();
        var agency = agencyCode.Length == 0 ? null : await db.Agencies.FirstOrDefaultAsync(a => a.Code == agencyCode, cancellationToken);
        if (string.IsNullOrWhiteSpace(request.AgencyCode))
        {
            problems.Add(new("Agency", "Select an agency"));
        }
        else if (agency is null)
        {
            problems.Add(new("Agency", $"There is no agency with the code '{request.AgencyCode}'"));
        }

        var unknownRoles = request.Roles.Where(r => Roles.Find(r) is null).ToList();
        if (request.Roles.Count == 0)
        {
            problems.Add(new("Roles", "Select at least one role"));
        }
        else if (unknownRoles.Count > 0)
        {
            problems.Add(new("Roles", $"Unknown role {string.Join(", ", unknownRoles)}. Roles are: {string.Join(", ", Roles.Defaults.Select(r => r.Name))}"));
        }

        Guid? teamId = null;
        if (agency is not null && !string.IsNullOrWhiteSpace(request.TeamName))
        {
            teamId = await db.Teams.Where(t => t.AgencyId == agency.Id && t.Name == request.TeamName).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
            if (teamId is null)
            {
                problems.Add(new("Team", $"{agency.Name} has no team called '{request.TeamName}'"));
            }
        }

        // The password is checked with the rest, so one round of corrections is enough.
        var candidate = new User { UserName = request.UserName.Trim(), DisplayName = request.DisplayName };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, candidate, request.Password);
            problems.AddRange(result.Errors.Select(e => new ValidationProblem("Password", e.Description)));
        }

        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }

        var user = new User
        {
            UserName = request.UserName.Trim(),
            Email = request.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = request.DisplayName.Trim(),
            AgencyId = agency!.Id,
            TeamId = teamId,
            CreatedAt = db.Time.GetUtcNow(),
            LockoutEnabled = true,
        };

        using var process = db.BeginProcess("Users.Create", actor);
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        Check(await users.CreateAsync(user, request.Password), "Password");
        Check(await users.AddToRolesAsync(user, request.Roles), "Roles");
        if (request.AuthenticatorSecret is { } secret)
        {
            Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", secret), "AuthenticatorKey");
            Check(await users.SetTwoFactorEnabledAsync(user, true), "TwoFactor");
        }

        await transaction.CommitAsync(cancellationToken);
        return user;
    }

    public async Task SetDisabledAsync(Guid userId, bool disabled, Actor actor, string? reason, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(userId, cancellationToken);
        using var process = db.BeginProcess(disabled ? "Users.Disable" : "Users.Enable", actor, reason);
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        user.IsDisabled = disabled;
        Check(await users.UpdateAsync(user), "User");
        // Signing out every session of a disabled user: a new security stamp invalidates their cookies.
        Check(await users.UpdateSecurityStampAsync(user), "User");
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Removes the user's authenticator so they enrol again at their next sign-in.</summary>
    public async Task ResetTwoFactorAsync(Guid userId, Actor actor, string? reason, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(userId, cancellationToken);
        using var process = db.BeginProcess("Users.ResetTwoFactor", actor, reason);
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        Check(await users.SetTwoFactorEnabledAsync(user, false), "TwoFactor");
        Check(await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey"), "TwoFactor");
        Check(await users.UpdateSecurityStampAsync(user), "User");
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task ChangeAsync(Guid userId, UserChange change, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var user = await FindAsync(userId, cancellationToken);
        if (user.ConcurrencyStamp != change.ConcurrencyStamp)
        {
            throw new ConcurrencyConflictException();
        }

        var problems = new List<ValidationProblem>();
        CheckDisplayName(change.DisplayName, problems);

        if (!await db.Agencies.AnyAsync(a => a.Id == change.AgencyId, cancellationToken))
        {
            problems.Add(new("AgencyId", "Select an agency"));
        }

        if (change.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId && t.AgencyId == change.AgencyId, cancellationToken))
        {
            problems.Add(new("TeamId", "Select a team in the user's agency"));
        }

        if (change.Roles.Count == 0)
        {
            problems.Add(new("Roles", "Select at least one role"));
        }
        else if (change.Roles.Any(r => Roles.Find(r) is null))
        {
            problems.Add(new("Roles", "Select roles from the list"));
        }

        // The Social Work England number is the SW_ID of the SSDA903 return's social worker episodes (docs/adr/0087).
        var number = LookedAfter.SocialWorkerEpisodes.Normalise(change.SocialWorkEnglandNumber, out var numberProblem);
        if (numberProblem is not null)
        {
            problems.Add(new("SocialWorkEnglandNumber", numberProblem));
        }
        else if (number is not null && await db.Users.Where(u => u.Id != userId && u.SocialWorkEnglandNumber == number).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) is { } holder)
        {
            problems.Add(new("SocialWorkEnglandNumber", $"{holder} already has the Social Work England number {number}: each number is one person's"));
        }

        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }

        using var process = db.BeginProcess("Users.Change", actor);
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        user.DisplayName = change.DisplayName.Trim();
        user.AgencyId = change.AgencyId;
        user.TeamId = change.TeamId;
        user.SocialWorkEnglandNumber = number;
        Check(await users.UpdateAsync(user), "User");
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(change.Roles)), "Roles");
        Check(await users.AddToRolesAsync(user, change.Roles.Except(current)), "Roles");
        Check(await users.UpdateSecurityStampAsync(user), "User");
        await transaction.CommitAsync(cancellationToken);
    }

    private static void CheckDisplayName(string? name, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(new("DisplayName", "Enter the person's full name"));
        }
        else if (name.Trim().Length > 200)
        {
            problems.Add(new("DisplayName", "The full name must be 200 characters or fewer"));
        }
    }

    private async Task<User> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken)
        ?? throw new SafeguardValidationException("User", "There is no such user");

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "ConcurrencyFailure"))
            {
                throw new ConcurrencyConflictException();
            }

            throw new SafeguardValidationException(result.Errors.Select(e => new ValidationProblem(FieldFor(e.Code, field), e.Description)).ToList());
        }
    }

    private static string FieldFor(string code, string fallback) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => "Password",
        "DuplicateUserName" or "InvalidUserName" => "UserName",
        "DuplicateEmail" or "InvalidEmail" => "Email",
        _ => fallback,
    };
}

public sealed record NewUser(
    string UserName, string DisplayName, string Email, string AgencyCode, IReadOnlyList<string> Roles, string Password, string? TeamName = null, string? AuthenticatorSecret = null);

/// <summary>A change to a user's account; <paramref name="SocialWorkEnglandNumber"/> is the social worker's registration number (blank for none).</summary>
public sealed record UserChange(string DisplayName, Guid AgencyId, Guid? TeamId, IReadOnlyList<string> Roles, string? ConcurrencyStamp, string? SocialWorkEnglandNumber = null);
