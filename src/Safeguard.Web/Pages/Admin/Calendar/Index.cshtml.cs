using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Persistence;
using Safeguard.Timescales;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Admin.Calendar;

/// <summary>Bank holidays (with proclaimed days added or withdrawn at run time) and the timescale catalogue with local durations.</summary>
[RequirePermission("calendar.manage")]
public sealed class IndexModel(SafeguardDbContext db, CalendarAdministration calendar) : SafeguardPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public ProclaimInput Proclaim { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<BankHoliday> Holidays { get; private set; } = [];

    public IReadOnlyList<ProclaimedBankHoliday> Proclaimed { get; private set; } = [];

    public IReadOnlyList<TimescaleRule> Timescales { get; private set; } = [];

    public int ShownYear { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostProclaimAsync(CancellationToken cancellationToken)
    {
        var date = Proclaim.ToDate();
        if (date is null)
        {
            ModelState.AddModelError("Proclaim.Day", "Enter the bank holiday's date as a real date, for example 8 5 2023");
        }
        else
        {
            try
            {
                var holiday = await calendar.ProclaimAsync(date.Value, Proclaim.Title ?? "", Reason, Actor, cancellationToken);
                Notice = $"{holiday.Date:d MMMM yyyy} ({holiday.Title}) is now a bank holiday. Working-day deadlines move at once.";
                return Redirect($"/admin/calendar?Year={holiday.Date.Year}");
            }
            catch (SafeguardValidationException ex)
            {
                foreach (var problem in ex.Problems)
                {
                    ModelState.AddModelError(problem.Field == "Title" ? "Proclaim.Title" : "Proclaim.Day", problem.Message);
                }
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(DateOnly date, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why you are withdrawing the bank holiday");
            await LoadAsync(cancellationToken);
            return Page();
        }

        try
        {
            await calendar.WithdrawAsync(date, Reason, Actor, cancellationToken);
            Notice = $"{date:d MMMM yyyy} is no longer a proclaimed bank holiday.";
            return Redirect($"/admin/calendar?Year={date.Year}");
        }
        catch (SafeguardValidationException ex)
        {
            ModelState.AddModelError(nameof(Reason), ex.Problems[0].Message);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostTimescaleAsync(string ruleId, int? duration, bool reset, CancellationToken cancellationToken)
    {
        try
        {
            if (reset)
            {
                await calendar.ResetLocalTimescaleAsync(ruleId, Reason, Actor, cancellationToken);
                Notice = $"{ruleId} uses its default duration again.";
            }
            else
            {
                await calendar.SetLocalTimescaleAsync(ruleId, duration ?? 0, Reason, Actor, cancellationToken);
                Notice = $"{ruleId} now has a local duration of {duration}.";
            }

            return Redirect("/admin/calendar#timescales");
        }
        catch (SafeguardValidationException ex)
        {
            ModelState.AddModelError($"duration-{ruleId}", ex.Problems[0].Message);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = UkTime.Today(db.Time);
        ShownYear = Year is >= 1900 and <= 2200 ? Year.Value : today.Year;
        Holidays = (await calendar.CalendarAsync(cancellationToken)).HolidaysIn(ShownYear);
        Proclaimed = await db.ProclaimedBankHolidays.AsNoTracking().OrderBy(h => h.Date).ToListAsync(cancellationToken);
        Timescales = (await calendar.TimescalesAsync(cancellationToken)).Rules;
    }
}

public sealed class ProclaimInput
{
    public int? Day { get; set; }

    public int? Month { get; set; }

    public int? Year { get; set; }

    public string? Title { get; set; }

    public DateOnly? ToDate() =>
        Day is { } d && Month is { } m && Year is { } y && y is >= 1900 and <= 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;
}
