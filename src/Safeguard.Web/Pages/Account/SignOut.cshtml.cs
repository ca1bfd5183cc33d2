using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Account;

/// <summary>
/// Signing out ends every session of the user, here and on any other device: a new security stamp makes every
/// copy of their sign-in cookie worthless at its next request (see <see cref="SessionValidation"/>).
/// </summary>
[RequirePermission("service.use")]
public sealed class SignOutModel(SignInManager<User> signIn, UserManager<User> users, SafeguardDbContext db) : SafeguardPageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            using var process = db.BeginProcess("Account.SignOut", Actor);
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignIn", new { SignedOut = true });
    }
}
