using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Web.Pages;

[Safeguard.Web.Authorization.Public]
public class AccessibilityModel : PageModel
{
    public void OnGet()
    {
    }
}
