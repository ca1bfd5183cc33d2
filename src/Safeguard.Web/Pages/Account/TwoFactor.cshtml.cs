using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Auditing;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Account;

/// <summary>The second step of signing in: the code from the user's authenticator app.</summary>
[Public]
public sealed class TwoFactorModel(SignInManager<User> signIn, SafeguardDbContext db) : SafeguardPageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    [StringLength(32, ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        using var process = db.BeginProcess("Account.TwoFactor", new Actor(user.Id, user.DisplayName, user.AgencyId));
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Totp.Normalise(Code), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }

        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? $"Your account is locked after {IdentitySetup.MaxFailedAttempts} unsuccessful attempts. Try again in {IdentitySetup.LockoutDuration.TotalMinutes:0} minutes."
            : "The code is not right, has expired or has already been used. Enter the code your authenticator app shows now.");
        return Page();
    }
}
