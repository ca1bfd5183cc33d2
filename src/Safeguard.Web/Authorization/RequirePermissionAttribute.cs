using Microsoft.AspNetCore.Authorization;
using Safeguard.Identity;

namespace Safeguard.Web.Authorization;

/// <summary>
/// Declares the permission a page or endpoint needs. Every page and endpoint must carry one of these or
/// <see cref="PublicAttribute"/>; the app refuses to start otherwise (<see cref="EndpointAuthorizationCheck"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    public RequirePermissionAttribute(string permission)
        : base(PermissionPolicy.For(permission))
    {
        if (Permissions.Find(permission) is null)
        {
            throw new ArgumentException($"'{permission}' is not a permission in the catalogue.", nameof(permission));
        }

        Permission = permission;
    }

    public string Permission { get; }
}

/// <summary>Marks a page or endpoint that anyone may use without signing in (sign-in, health, error pages).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class PublicAttribute : AllowAnonymousAttribute
{
}

public static class PermissionPolicy
{
    public const string Prefix = "permission:";

    public static string For(string permission) => Prefix + permission;

    public static string For(Permission permission)
    {
        ArgumentNullException.ThrowIfNull(permission);
        return For(permission.Name);
    }

    public static string? PermissionOf(string? policy) =>
        policy is not null && policy.StartsWith(Prefix, StringComparison.Ordinal) ? policy[Prefix.Length..] : null;
}
