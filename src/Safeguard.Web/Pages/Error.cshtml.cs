using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Web.Pages;

public enum ErrorKind
{
    NotFound,
    Forbidden,
    Problem,
}

/// <summary>
/// The GOV.UK error pages. Reached by status code re-execution (<c>/error/404</c>, <c>/error/403</c>)
/// and by the exception handler (<c>/error/500</c>), whatever the original request's method. A request to the
/// API gets the same answer as <c>application/problem+json</c> (RFC 9457) instead, with <c>WWW-Authenticate</c>
/// on a 401; neither ever carries an exception's message.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[Safeguard.Web.Authorization.Public]
public class ErrorModel : PageModel
{
    public ErrorKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public string? RequestId { get; private set; }

    public const string ApiRealm = "Safeguard API";

    public IActionResult OnGet(int? code) => Show(code);

    public IActionResult OnPost(int? code) => Show(code);

    private IActionResult Show(int? code)
    {
        var status = code is >= 400 and <= 599 ? code.Value : StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        (Kind, Title) = status switch
        {
            StatusCodes.Status404NotFound => (ErrorKind.NotFound, "Page not found"),
            StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden =>
                (ErrorKind.Forbidden, "You do not have permission to view this page"),
            _ => (ErrorKind.Problem, "Sorry, there is a problem with the service"),
        };
        if (Kind == ErrorKind.Problem)
        {
            RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }

        return IsApiRequest() ? ApiProblem(status) : Page();
    }

    private bool IsApiRequest()
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        return original is not null && new PathString(original).StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
    }

    private ObjectResult ApiProblem(int status)
    {
        var keyGiven = Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        var (title, detail) = status switch
        {
            StatusCodes.Status400BadRequest => ("Bad request", "The request could not be read. Check it against the API's description at /api/v1/openapi.json."),
            StatusCodes.Status401Unauthorized when keyGiven => ("Unauthorized", "The API key is not known or has been revoked."),
            StatusCodes.Status401Unauthorized => ("Unauthorized", "Give an API key (Authorization: Bearer <key>) or sign in."),
            StatusCodes.Status403Forbidden => ("Forbidden", "The API key or user does not have the permission this endpoint needs."),
            StatusCodes.Status404NotFound => ("Not found", "There is nothing at this address, or the caller may not see it."),
            StatusCodes.Status405MethodNotAllowed => ("Method not allowed", "This address does not accept the request's method."),
            >= 500 => ("Internal server error", "The request could not be completed. If the problem continues, give the service desk the traceId."),
            _ => ("Request refused", "The request was refused."),
        };
        if (status == StatusCodes.Status401Unauthorized)
        {
            Response.Headers.WWWAuthenticate = keyGiven
                ? $"Bearer realm=\"{ApiRealm}\", error=\"invalid_token\", error_description=\"The API key is not known or has been revoked\""
                : $"Bearer realm=\"{ApiRealm}\"";
        }

        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
        };
        problem.Extensions["traceId"] = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { "application/problem+json" } };
    }
}
