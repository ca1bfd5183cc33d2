using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Web.Pages;

[Safeguard.Web.Authorization.Public]
public class CookiesModel : PageModel
{
    public void OnGet()
    {
    }
}
