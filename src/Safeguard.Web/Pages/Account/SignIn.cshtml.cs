using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Auditing;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Account;

[Public]
public sealed class SignInModel(SignInManager<User> signIn, UserManager<User> users, SafeguardDbContext db) : SafeguardPageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool SignedOut { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Failed attempts and lockouts change the user record, so they are audited like any other change.
        // The user being signed in is the audited record; the actor is not known until sign-in succeeds.
        using var process = db.BeginProcess("Account.SignIn", new Actor(null, "sign-in attempt", null));
        var result = await signIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactor", new { ReturnUrl });
        }

        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", $"Your account is locked after {IdentitySetup.MaxFailedAttempts} unsuccessful attempts. Try again in {IdentitySetup.LockoutDuration.TotalMinutes:0} minutes, or ask an administrator to help.");
            return Page();
        }

        if (result.IsNotAllowed)
        {
            var user = await users.FindByNameAsync(Input.UserName.Trim());
            if (user is { IsDisabled: true } && await users.CheckPasswordAsync(user, Input.Password))
            {
                ModelState.AddModelError("", "Your account has been disabled. Ask an administrator in your agency if you need access again.");
                return Page();
            }
        }

        ModelState.AddModelError("Input.UserName", "The user name or password is not right. Check them and try again.");
        return Page();
    }

    /// <summary>Only paths on this site; anything else goes to the home page.</summary>
    public static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your user name")]
    [StringLength(256, ErrorMessage = "The user name must be 256 characters or fewer")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Enter your password")]
    [StringLength(256, ErrorMessage = "The password must be 256 characters or fewer")]
    public string Password { get; set; } = "";
}
