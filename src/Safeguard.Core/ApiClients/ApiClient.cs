using System.Security.Cryptography;
using System.Text;
using Safeguard.Common;
using Safeguard.Organisations;

namespace Safeguard.ApiClients;

/// <summary>
/// A partner system allowed to call the API (<c>/api/v1</c>) with a key of its own: scoped to one agency and
/// a subset of permissions, revocable. Only a SHA-256 hash of the key is stored (keys are 256 random bits,
/// so a slow hash adds nothing); the short prefix lets people tell keys apart.
/// </summary>
public sealed class ApiClient : Entity
{
    public const int MaxNameLength = 200;
    public const string KeyStart = "sgk_";
    public const int PrefixLength = 12;

    public required string Name { get; set; }

    public Guid AgencyId { get; set; }

    public Agency? Agency { get; set; }

    /// <summary>The key's first characters, shown in lists (for example <c>sgk_3f9a1c0b</c>).</summary>
    public required string KeyPrefix { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string KeyHash { get; set; }

    /// <summary>The permission names the key carries, comma-separated.</summary>
    public required string Permissions { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedByName { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedByName { get; set; }

    public string? RevokedReason { get; set; }

    public bool IsRevoked => RevokedAt is not null;

    public IReadOnlyList<string> PermissionNames => Permissions.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>A new key: the prefix, then 32 random bytes in URL-safe base64.</summary>
    public static string NewKey()
    {
        var random = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return KeyStart + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) + "_" + random;
    }
}
