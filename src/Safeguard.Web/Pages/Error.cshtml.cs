using System.Diagnostics;
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
/// and by the exception handler (<c>/error/500</c>), whatever the original request's method.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[Safeguard.Web.Authorization.Public]
public class ErrorModel : PageModel
{
    public ErrorKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
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
    }
}
