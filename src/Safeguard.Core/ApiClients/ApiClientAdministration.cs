using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Identity;
using Safeguard.Persistence;

namespace Safeguard.ApiClients;

/// <summary>What is asked when an API client is created.</summary>
public sealed record NewApiClient(string Name, string AgencyCode, IReadOnlyCollection<string> Permissions);

/// <summary>A client that has just been created, with its key: shown once, never stored.</summary>
public sealed record CreatedApiClient(ApiClient Client, string Key);

/// <summary>An API client as lists show it.</summary>
public sealed record ApiClientSummary(Guid Id, string Name, string AgencyCode, string AgencyName, string KeyPrefix, IReadOnlyList<string> Permissions, DateTimeOffset CreatedAt, string CreatedByName, DateTimeOffset? RevokedAt, string? RevokedByName);

/// <summary>The caller a valid key stands for.</summary>
public sealed record AuthenticatedClient(Guid Id, string Name, Guid AgencyId, string AgencyName, IReadOnlyList<string> Permissions);

/// <summary>Creating, listing and revoking API clients, and recognising their keys.</summary>
public sealed class ApiClientAdministration(SafeguardDbContext db)
{
    public const string EntityType = "ApiClient";

    /// <summary>Permissions a key may never carry: running the system stays with signed-in administrators.</summary>
    public static IReadOnlySet<string> NotForKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Identity.Permissions.ManageUsers.Name,
        Identity.Permissions.ManageOrganisations.Name,
        Identity.Permissions.ManageCalendar.Name,
        Identity.Permissions.ViewAuditTrail.Name,
        Identity.Permissions.ManageApiClients.Name,
        Identity.Permissions.ManageThresholds.Name,
    };

    /// <summary>The permissions a key may be given.</summary>
    public static IReadOnlyList<Permission> Grantable => [.. Identity.Permissions.All.Where(p => !NotForKeys.Contains(p.Name))];

    public async Task<CreatedApiClient> CreateAsync(NewApiClient details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var problems = new List<ValidationProblem>();
        var name = details.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            problems.Add(new("Name", "Enter a name for the client, like the partner system's name"));
        }
        else if (name.Length > ApiClient.MaxNameLength)
        {
            problems.Add(new("Name", $"The name must be {ApiClient.MaxNameLength} characters or fewer"));
        }

        var code = details.AgencyCode?.Trim().ToUpperInvariant() ?? "";
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Code == code && a.IsActive, cancellationToken);
        if (agency is null)
        {
            problems.Add(new("Agency", $"There is no active agency with the code '{details.AgencyCode}'"));
        }

        var permissions = details.Permissions.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (permissions.Count == 0)
        {
            problems.Add(new("Permissions", "Select at least one permission"));
        }
        else if (permissions.FirstOrDefault(p => Identity.Permissions.Find(p) is null) is { } unknown)
        {
            problems.Add(new("Permissions", $"'{unknown}' is not a permission"));
        }
        else if (permissions.FirstOrDefault(NotForKeys.Contains) is { } refused)
        {
            problems.Add(new("Permissions", $"An API key cannot have '{refused}': it is for signed-in administrators only"));
        }

        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }

        var key = ApiClient.NewKey();
        var client = new ApiClient
        {
            Name = name,
            AgencyId = agency!.Id,
            KeyPrefix = key[..ApiClient.PrefixLength],
            KeyHash = ApiClient.Hash(key),
            Permissions = string.Join(',', permissions),
            CreatedAt = db.Time.GetUtcNow(),
            CreatedByName = actor.Name,
        };
        using var process = db.BeginProcess("ApiClients.Create", actor);
        db.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiClient(client, key);
    }

    public async Task<IReadOnlyList<ApiClientSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var clients = await db.Set<ApiClient>().AsNoTracking().Include(c => c.Agency)
            .OrderBy(c => c.RevokedAt != null).ThenBy(c => c.Name).ThenBy(c => c.CreatedAt)
            .ToListAsync(cancellationToken);
        return [.. clients.Select(c => new ApiClientSummary(c.Id, c.Name, c.Agency!.Code, c.Agency.Name, c.KeyPrefix, c.PermissionNames, c.CreatedAt, c.CreatedByName, c.RevokedAt, c.RevokedByName))];
    }

    /// <summary>Revokes a client's key at once; a key is revoked once.</summary>
    public async Task RevokeAsync(Guid id, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        var client = await db.Set<ApiClient>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new SafeguardValidationException("Id", "There is no such API client");
        if (client.IsRevoked)
        {
            throw new SafeguardValidationException("Id", "This key has already been revoked");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new SafeguardValidationException("Reason", "Say why the key is being revoked");
        }

        using var process = db.BeginProcess("ApiClients.Revoke", actor, reason);
        client.RevokedAt = db.Time.GetUtcNow();
        client.RevokedByName = actor.Name;
        client.RevokedReason = reason.Trim();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The client a presented key belongs to; null for an unknown or revoked key, or one whose agency is inactive.</summary>
    public async Task<AuthenticatedClient?> AuthenticateAsync(string? key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(key) || !key.StartsWith(ApiClient.KeyStart, StringComparison.Ordinal) || key.Length > 200)
        {
            return null;
        }

        var hash = ApiClient.Hash(key.Trim());
        var client = await db.Set<ApiClient>().AsNoTracking().Include(c => c.Agency)
            .FirstOrDefaultAsync(c => c.KeyHash == hash && c.RevokedAt == null, cancellationToken);
        if (client is null || client.Agency is not { IsActive: true } agency)
        {
            return null;
        }

        return new AuthenticatedClient(client.Id, client.Name, agency.Id, agency.Name, [.. client.PermissionNames.Where(p => Identity.Permissions.Find(p) is not null && !NotForKeys.Contains(p))]);
    }
}
