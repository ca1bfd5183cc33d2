using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Persistence;
using Safeguard.Reminders;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Account;

/// <summary>The user's choice of the daily email of their work (digest or off), the address it goes to, and the last digests.</summary>
[RequirePermission("service.use")]
public sealed class RemindersModel(DigestService digests, SafeguardDbContext db, ReminderOptions options) : SafeguardPageModel
{
    [BindProperty]
    public ReminderPreference? Preference { get; set; }

    public string? Email { get; private set; }

    public bool Sending => options.Enabled;

    public string SendAt => options.SendAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyList<ReminderDigest> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(setChoice: true, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Preference is null)
        {
            ModelState.AddModelError(nameof(Preference), "Choose whether to get the daily email");
        }

        if (ModelState.IsValid && Actor.UserId is { } userId)
        {
            await digests.SetPreferenceAsync(userId, Preference!.Value, Actor, cancellationToken);
            Notice = Preference == ReminderPreference.Digest ? "You will get the daily email of your work." : "You will not get the daily email of your work.";
            return RedirectToPage();
        }

        await LoadAsync(setChoice: false, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(bool setChoice, CancellationToken cancellationToken)
    {
        if (Actor.UserId is not { } userId)
        {
            return;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.ReminderPreference }).SingleAsync(cancellationToken);
        Email = user.Email;
        if (setChoice)
        {
            Preference = user.ReminderPreference;
        }

        History = await digests.HistoryAsync(userId, 10, cancellationToken);
    }
}
