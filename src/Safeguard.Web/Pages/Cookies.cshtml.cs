using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Web.Pages;

public class CookiesModel : PageModel
{
    public void OnGet()
    {
    }
}
