using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.People;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>The previous permanence form, as typed; each part of the order's date may be left blank when not known.</summary>
public sealed class PermanenceInput
{
    public string? Option { get; set; }

    public string? LocalAuthority { get; set; }

    public string? OrderDateDay { get; set; }

    public string? OrderDateMonth { get; set; }

    public string? OrderDateYear { get; set; }
}

/// <summary>
/// Record or change a child's previous permanence option before care (the SSDA903 PrevPerm table): asked of every child
/// who starts to be looked after.
/// </summary>
[RequirePermission("lookedafter.manage")]
public sealed class PreviousPermanenceModel(LookedAfterService lookedAfter, AsylumAndPermanenceService asylum, PersonIndex people) : LookedAfterPageModel(lookedAfter, people)
{
    [BindProperty]
    public PermanenceInput Input { get; set; } = new();

    /// <summary>True when previous permanence was recorded when the form was read (the change carries <see cref="Shared.ChildAreaPageModel.Version"/>).</summary>
    [BindProperty]
    public bool Recorded { get; set; }

    public static List<SelectListItem> Authorities =>
        [new SelectListItem("Not known", ""), .. AsylumAndPermanenceService.Authorities.Select(a => new SelectListItem($"{a.Name} ({a.Code})", a.Code))];

    /// <summary>The order's date input: three boxes, any of which may be blank.</summary>
    public DateInput OrderDate =>
        new("Input.OrderDate", "Date of the order (optional)", "Leave blank any part that is not known, for example 5 2015 for May 2015, or just the year",
            Input.OrderDateDay, Input.OrderDateMonth, Input.OrderDateYear,
            ModelState.TryGetValue("Input.OrderDate", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadChildAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if ((await asylum.ForChildAsync(id, Actor, cancellationToken)).Permanence is { } p)
        {
            (Recorded, Version) = (true, p.Version);
            Input = new PermanenceInput
            {
                Option = p.Option,
                LocalAuthority = p.LocalAuthority,
                OrderDateDay = p.OrderDay?.ToString(CultureInfo.InvariantCulture),
                OrderDateMonth = p.OrderMonth?.ToString(CultureInfo.InvariantCulture),
                OrderDateYear = p.OrderYear?.ToString(CultureInfo.InvariantCulture),
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadChildAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var day = Part(Input.OrderDateDay, "day");
        var month = Part(Input.OrderDateMonth, "month");
        var year = Part(Input.OrderDateYear, "year");
        var details = new PermanenceDetails { Option = Input.Option, LocalAuthority = Input.LocalAuthority, OrderDay = day, OrderMonth = month, OrderYear = year };
        return await SaveAsync(
            () => asylum.SavePermanenceAsync(id, Recorded ? Version : null, details, Actor, cancellationToken),
            $"{ChildName}'s previous permanence is {(Recorded ? "changed" : "recorded")}.");
    }

    /// <summary>A part of the order's date: blank is not known; anything but a whole number is shown as an error.</summary>
    private int? Part(string? typed, string what)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        if (int.TryParse(typed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        ModelState.AddModelError("Input.OrderDate", $"The {what} of the order must be a number, or blank when not known");
        return null;
    }
}
