using Microsoft.AspNetCore.Mvc;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Web.Authorization;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>The health check form's fields, as typed.</summary>
public sealed class HealthInput
{
    public string? Kind { get; set; }

    public string? DoneBy { get; set; }

    public string? Notes { get; set; }
}

/// <summary>Record a health assessment or a dental check.</summary>
[RequirePermission("lookedafter.manage")]
public sealed class HealthModel(LookedAfterService lookedAfter, PersonIndex people) : LookedAfterPageModel(lookedAfter, people)
{
    [BindProperty]
    public HealthInput Input { get; set; } = new();

    public static List<RadioItem> KindRadios() =>
        [.. Enum.GetValues<HealthCheckKind>().Select(k => new RadioItem(k.ToString(), LookedAfterText.Describe(k)))];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadChildAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadChildAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var details = new HealthCheckDetails
        {
            Kind = Enum.TryParse<HealthCheckKind>(Input.Kind, out var kind) && Enum.IsDefined(kind) ? kind : null,
            DoneOn = ReadDate("Input.DoneOn", "date it was done"),
            DoneBy = Input.DoneBy,
            Notes = Input.Notes,
        };
        return await SaveAsync(() => LookedAfter.RecordHealthCheckAsync(id, details, Actor, cancellationToken), $"The {LookedAfterText.Describe(details.Kind ?? HealthCheckKind.HealthAssessment).ToLowerInvariant()} is recorded.");
    }
}
