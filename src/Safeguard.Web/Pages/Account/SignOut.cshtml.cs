using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Identity;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Account;

[RequirePermission("service.use")]
public sealed class SignOutModel(SignInManager<User> signIn) : SafeguardPageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignIn", new { SignedOut = true });
    }
}
