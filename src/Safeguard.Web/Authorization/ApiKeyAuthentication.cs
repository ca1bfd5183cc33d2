using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Safeguard.ApiClients;
using Safeguard.Identity;

namespace Safeguard.Web.Authorization;

/// <summary>
/// Authenticates a partner system on <c>/api</c> by its key (<c>Authorization: Bearer &lt;key&gt;</c>): the
/// principal carries the key's permissions and agency, and its name (the client and its agency) is the audit
/// actor. An unknown or revoked key is refused (401). A key is not a person: two-factor set-up does not apply.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiClientAdministration clients)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string KeyScheme = "ApiKey";
    public const string SelectorScheme = "CookieOrApiKey";
    public const string ClientIdClaim = "safeguard:apiclient";
    private const string Bearer = "Bearer ";

    /// <summary>A request to the API carrying a bearer token is authenticated by key; everything else by the sign-in cookie.</summary>
    public static string SelectScheme(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && context.Request.Headers.Authorization.ToString().StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
            ? KeyScheme
            : IdentityConstants.ApplicationScheme;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var client = await clients.AuthenticateAsync(header[Bearer.Length..].Trim(), Context.RequestAborted);
        if (client is null)
        {
            return AuthenticateResult.Fail("The API key is not known or has been revoked.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, "api:" + client.Name),
            new(SafeguardClaimTypes.DisplayName, $"{client.Name} (API client, {client.AgencyName})"),
            new(SafeguardClaimTypes.AgencyId, client.AgencyId.ToString()),
            new(ClientIdClaim, client.Id.ToString()),
            new(SafeguardClaimsPrincipalFactory.TwoFactorEnrolledClaim, "true"),
        };
        claims.AddRange(client.Permissions.Select(p => new Claim(SafeguardClaimTypes.Permission, p)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, KeyScheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, KeyScheme));
    }
}
