using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Web.Authorization;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>The health and wellbeing form's fields, as typed: yes/no items are "1", "0" or blank (not recorded).</summary>
public sealed class WellbeingInput
{
    public string? SdqScore { get; set; }

    public string? SdqReason { get; set; }

    public string? Immunisations { get; set; }

    public string? DevelopmentChecks { get; set; }

    public string? SubstanceMisuse { get; set; }

    public string? InterventionReceived { get; set; }

    public string? InterventionOffered { get; set; }

    public string? Convicted { get; set; }
}

/// <summary>Record or change a looked-after child's health and wellbeing for a collection year (SSDA903 OC2).</summary>
[RequirePermission("lookedafter.manage")]
public sealed class WellbeingModel(LookedAfterService lookedAfter, WellbeingService wellbeing, PersonIndex people) : LookedAfterPageModel(lookedAfter, people)
{
    [BindProperty]
    public WellbeingInput Input { get; set; } = new();

    /// <summary>The version of the record read; blank when none was recorded.</summary>
    [BindProperty]
    public int? RecordVersion { get; set; }

    public WellbeingView View { get; private set; } = null!;

    public static List<RadioItem> YesNo(string yes, string no) => [new("1", yes), new("0", no), new("", "Not recorded")];

    public static List<SelectListItem> ReasonItems() =>
        [new SelectListItem("No reason (a score is given)", ""), .. SdqReasons.All.Select(r => new SelectListItem($"{r.Code}: {r.Name}", r.Code))];

    public static string Item(string? value) => value switch { "1" => "Yes", "0" => "No", null => "Not recorded", _ => value };

    public async Task<IActionResult> OnGetAsync(Guid id, int year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, year, cancellationToken))
        {
            return NotFound();
        }

        if (View.Record is { } r)
        {
            RecordVersion = r.Version;
            Input = new WellbeingInput
            {
                SdqScore = r.SdqScore?.ToString(CultureInfo.InvariantCulture),
                SdqReason = r.SdqReason,
                Immunisations = Flag(r.ImmunisationsUpToDate),
                DevelopmentChecks = Flag(r.DevelopmentChecksUpToDate),
                SubstanceMisuse = Flag(r.SubstanceMisuse),
                InterventionReceived = Flag(r.InterventionReceived),
                InterventionOffered = Flag(r.InterventionOffered),
                Convicted = Flag(r.Convicted),
            };
            PrefillDateInput("Input.SdqDoneOn", r.SdqDoneOn);
            PrefillDateInput("Input.ImmunisationsAsAt", r.ImmunisationsAsAt);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, year, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        int? score = null;
        if (!string.IsNullOrWhiteSpace(Input.SdqScore))
        {
            if (int.TryParse(Input.SdqScore.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            {
                score = s;
            }
            else
            {
                ModelState.AddModelError("Input.SdqScore", "The SDQ score is a whole number from 0 to 40");
                return Page();
            }
        }

        var details = new WellbeingDetails
        {
            SdqScore = score,
            SdqDoneOn = score is null ? null : ReadDate("Input.SdqDoneOn", "date the questionnaire was completed"),
            SdqReason = Input.SdqReason,
            ImmunisationsUpToDate = Bool(Input.Immunisations),
            ImmunisationsAsAt = Bool(Input.Immunisations) is null ? null : ReadDate("Input.ImmunisationsAsAt", "date the immunisations were checked"),
            DevelopmentChecksUpToDate = Bool(Input.DevelopmentChecks),
            SubstanceMisuse = Bool(Input.SubstanceMisuse),
            InterventionReceived = Bool(Input.InterventionReceived),
            InterventionOffered = Bool(Input.InterventionOffered),
            Convicted = Bool(Input.Convicted),
        };
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await SaveAsync(() => wellbeing.RecordAsync(id, year, RecordVersion, details, Actor, cancellationToken), $"The health and wellbeing for {View.Collection.Name} is recorded.");
    }

    private static string? Flag(bool? value) => value switch { true => "1", false => "0", null => null };

    private static bool? Bool(string? value) => value switch { "1" => true, "0" => false, _ => null };

    private async Task<bool> LoadAsync(Guid id, int year, CancellationToken cancellationToken)
    {
        if (!await LoadChildAsync(id, cancellationToken))
        {
            return false;
        }

        var view = await wellbeing.ForChildAsync(id, year, Actor, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        return true;
    }
}
