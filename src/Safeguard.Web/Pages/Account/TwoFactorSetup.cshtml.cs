using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QRCoder;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Account;

/// <summary>Setting up an authenticator app: a QR code and the secret typed by hand, then one code to prove it works.</summary>
[RequirePermission("service.use")]
public sealed class TwoFactorSetupModel(UserManager<User> users, SignInManager<User> signIn, SafeguardDbContext db) : SafeguardPageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    public string Code { get; set; } = "";

    public bool AlreadyEnabled { get; private set; }

    public bool Required { get; private set; }

    public string Secret { get; private set; } = "";

    public string QrCodeDataUri { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        using var process = db.BeginProcess("Account.TwoFactorSetup", Actor);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Totp.Normalise(Code)))
        {
            ModelState.AddModelError(nameof(Code), "The code is not right or has expired. Check the secret in your app and enter the code it shows now.");
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user);
        Notice = "Two-factor authentication is set up. You will need a code from your app each time you sign in.";
        return Redirect("/");
    }

    private async Task LoadAsync(User user)
    {
        AlreadyEnabled = user.TwoFactorEnabled;
        Required = SafeguardClaimsPrincipalFactory.NeedsTwoFactorSetup(User);
        if (AlreadyEnabled)
        {
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            using var process = db.BeginProcess("Account.TwoFactorSetup", Actor);
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp: renew this session's cookie so the set-up can finish.
            await signIn.RefreshSignInAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        Secret = string.Join(' ', key.Chunk(4).Select(c => new string(c)));
        var uri = Totp.AuthenticatorUri(SiteSettings.ServiceName, user.UserName ?? user.Email ?? user.Id.ToString(), key);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
