using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Web.Api;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Infrastructure;

/// <summary>How the web host is put together: services first, then the request pipeline.</summary>
public static class WebSetup
{
    public const string AuthCookie = ".Safeguard.Auth";
    public const string AntiforgeryCookie = ".Safeguard.Antiforgery";

    public static WebApplicationBuilder AddSafeguardWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);

        var database = DatabaseSettings.FromConfiguration(builder.Configuration);
        var deadlines = new Timescales.DeadlineServiceOptions
        {
            DefaultWarningWorkingDays = SettingsReader.WholeNumber(builder.Configuration, "Timescales:DueSoonWorkingDays", 2, 0, 60),
        };
        var services = builder.Services;
        // Registered before the Core services, whose default (10 MB) applies only when this is absent.
        services.AddSingleton(new Safeguard.CaseReviews.CaseReviewOptions
        {
            MaxDocumentBytes = SettingsReader.WholeNumber(builder.Configuration, "CaseReviews:MaxDocumentBytes", (int)new Safeguard.CaseReviews.CaseReviewOptions().MaxDocumentBytes, 1024, 100 * 1024 * 1024),
        });
        var cinUploads = CinUploadSettings.Read(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddSingleton(cinUploads);
        services.AddSafeguardCore(database, deadlines);
        services.AddHostedService<CinUploadPurge>();
        services.AddHttpContextAccessor();

        services.AddIdentity<User, Role>(IdentitySetup.Configure)
            .AddEntityFrameworkStores<SafeguardDbContext>()
            .AddSignInManager<SafeguardSignInManager>()
            .AddClaimsPrincipalFactory<SafeguardClaimsPrincipalFactory>()
            .AddSafeguardTokenProviders();
        // A disabled user's or changed user's sessions end within a minute: the security stamp is re-checked.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = AuthCookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/error/403";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
        });
        services.AddAntiforgery(o => o.Cookie.Name = AntiforgeryCookie);

        // Partner systems use the API with a key; people use the sign-in cookie (see ApiKeyAuthenticationHandler).
        services.AddAuthentication(o =>
            {
                o.DefaultAuthenticateScheme = ApiKeyAuthenticationHandler.SelectorScheme;
                o.DefaultChallengeScheme = ApiKeyAuthenticationHandler.SelectorScheme;
                o.DefaultForbidScheme = ApiKeyAuthenticationHandler.SelectorScheme;
            })
            .AddPolicyScheme(ApiKeyAuthenticationHandler.SelectorScheme, "Sign-in cookie or API key", o => o.ForwardDefaultSelector = ApiKeyAuthenticationHandler.SelectScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.KeyScheme, null);

        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        // Deny by default is enforced at start-up (EndpointAuthorizationCheck): every endpoint declares a
        // permission or [Public]. A request that matches no endpoint gets the GOV.UK 404 page.
        services.AddAuthorization();

        services.AddRazorPages(o =>
        {
            o.Conventions.AddPageRoute("/Index", "/home");
            // Census files are large: the upload page alone accepts bodies up to the configured limit (plus room for
            // the form around the file), so that the page itself can refuse a larger file with a clear message.
            o.Conventions.AddPageApplicationModelConvention("/Returns/Cin/Index", model =>
            {
                var limit = cinUploads.MaxUploadBytes + (1024 * 1024);
                model.Filters.Add(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(limit));
                model.Filters.Add(new Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute { MultipartBodyLengthLimit = limit });
            });
        });
        services.AddOpenApi("v1", o => o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true);
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    public static WebApplication UseSafeguardWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        // GOV.UK Frontend's styles, scripts, fonts and images are public files served before authentication.
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<TwoFactorEnforcement>();
        app.UseAuthorization();

        app.MapRazorPages();
        app.MapHealthChecks("/health", new() { ResponseWriter = DatabaseHealthCheck.WriteResponse }).WithMetadata(new PublicAttribute());
        app.MapOpenApi("/api/v1/openapi.json").RequireAuthorization(PermissionPolicy.For(Permissions.UseService));
        app.MapApiV1();

        // Deny by default, checked now rather than discovered by a user: see EndpointAuthorizationCheck.
        EndpointAuthorizationCheck.EnsureEveryEndpointIsDeclared(((IEndpointRouteBuilder)app).DataSources);
        return app;
    }

    private static Task Challenge(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        // API clients get a status code; people get the sign-in page or the GOV.UK "no permission" page.
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || status == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
