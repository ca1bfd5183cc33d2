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
    private const string WrongCredentials = "The user name or password is not right. Check them and try again.";

    /// <summary>A hash of a password nobody knows, checked for a user name that does not exist (see <see cref="OnPostAsync"/>).</summary>
    private static readonly User UnknownUser = new() { DisplayName = "unknown" };

    private static readonly Lazy<string> UnknownUserHash = new(() => new PasswordHasher<User>().HashPassword(UnknownUser, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));

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

        // Nothing may tell an unknown user name from a real one: an unknown name costs a password hash check as a
        // real one does, and "locked" or "disabled" is said only to someone who gave the account's right password.
        var userName = Input.UserName.Trim();
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(UnknownUser, UnknownUserHash.Value, Input.Password);
            ModelState.AddModelError("Input.UserName", WrongCredentials);
            return Page();
        }

        // Failed attempts and lockouts change the user record, so they are audited like any other change.
        // The user being signed in is the audited record; the actor is not known until sign-in succeeds.
        using var process = db.BeginProcess("Account.SignIn", new Actor(null, "sign-in attempt", null));
        if (await users.IsLockedOutAsync(user))
        {
            // Identity refuses a locked account before checking the password; checking it here keeps the time the
            // same and tells the lockout only to its owner.
            if (await users.CheckPasswordAsync(user, Input.Password))
            {
                ModelState.AddModelError("", $"Your account is locked after {IdentitySetup.MaxFailedAttempts} unsuccessful attempts. Try again in {IdentitySetup.LockoutDuration.TotalMinutes:0} minutes, or ask an administrator to help.");
                return Page();
            }

            ModelState.AddModelError("Input.UserName", WrongCredentials);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactor", new { ReturnUrl });
        }

        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.IsNotAllowed && user.IsDisabled && await users.CheckPasswordAsync(user, Input.Password))
        {
            ModelState.AddModelError("", "Your account has been disabled. Ask an administrator in your agency if you need access again.");
            return Page();
        }

        // A wrong password, including the one that has just locked the account: the same words as for an unknown name.
        ModelState.AddModelError("Input.UserName", WrongCredentials);
        return Page();
    }

    /// <summary>
    /// Only paths on this site, with no control characters (which <c>LocalRedirect</c> refuses); anything else goes
    /// to the home page.
    /// </summary>
    public static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(char.IsControl) ? url : "/";
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
