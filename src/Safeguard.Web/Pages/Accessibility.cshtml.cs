using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Web.Pages;

public class AccessibilityModel : PageModel
{
    public void OnGet()
    {
    }
}
