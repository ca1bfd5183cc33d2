namespace Safeguard.Web.Authorization;

/// <summary>
/// A signed-in user who holds any permission that shows child-level data must have two-factor
/// authentication set up: until they do, every page except the set-up page and sign-out sends them there.
/// </summary>
public sealed class TwoFactorEnforcement(RequestDelegate next)
{
    public const string SetupPath = "/account/two-factor/setup";

    private static readonly string[] AllowedPrefixes = [SetupPath, "/account/sign-out", "/error", "/health", "/assets", "/lib", "/cookies", "/accessibility"];

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && SafeguardClaimsPrincipalFactory.NeedsTwoFactorSetup(user)
            && !AllowedPrefixes.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            context.Response.Redirect(SetupPath);
            return;
        }

        await next(context);
    }
}
