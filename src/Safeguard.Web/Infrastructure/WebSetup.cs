using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Safeguard.Common;
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
        // The server does not name itself (Server: Kestrel).
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        var transport = TransportSecurity.Read(builder.Configuration);
        builder.Services.AddSingleton(transport);
        transport.AddServices(builder.Services);

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
        var reminders = Safeguard.Reminders.ReminderSettings.Read(builder.Configuration);
        services.AddSingleton(reminders);
        var cinUploads = CinUploadSettings.Read(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddSingleton(cinUploads);
        services.AddSafeguardCore(database, deadlines);
        services.AddHostedService<CinUploadPurge>();
        if (reminders.Enabled)
        {
            services.AddHostedService<ReminderDigestJob>();
        }

        services.AddSingleton(AuditCheckpointSettings.Read(builder.Configuration, builder.Environment.ContentRootPath));
        services.AddSingleton<AuditCheckpointWriter>();
        services.AddHostedService(s => s.GetRequiredService<AuditCheckpointWriter>());
        services.AddHttpContextAccessor();

        services.AddIdentity<User, Role>(IdentitySetup.Configure)
            .AddEntityFrameworkStores<SafeguardDbContext>()
            .AddSignInManager<SafeguardSignInManager>()
            .AddClaimsPrincipalFactory<SafeguardClaimsPrincipalFactory>()
            .AddSafeguardTokenProviders();
        // A session ends as soon as its user's security stamp changes (SessionValidation, on every request); the
        // cookie's claims are rebuilt from the database at most once a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = AuthCookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request came over HTTPS, directly or through a proxy named in Security:KnownProxies.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/error/403";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = SessionValidation.ValidatePrincipalAsync;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = AntiforgeryCookie;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

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
            o.Conventions.ConfigureFilter(new PageReadAuditing());
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
        // An API request whose body or parameters cannot be read is a 400 with a problem+json body in every
        // environment, not an exception (whose message would be .NET's).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    public static WebApplication UseSafeguardWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityHeaders();
        app.Services.GetRequiredService<TransportSecurity>().Use(app, sendHsts: !app.Environment.IsDevelopment());
        // The GOV.UK error page (or a problem+json answer on the API) in every environment, never .NET's developer
        // page: an exception's message can carry a developer's hint or a record's data. The log has the detail.
        app.UseExceptionHandler("/error/500");

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
