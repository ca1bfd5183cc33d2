using Microsoft.AspNetCore.Mvc;
using Safeguard.Common;
using Safeguard.Identity;
using Safeguard.Journey;
using Safeguard.Web.Pages.People;

namespace Safeguard.Web.Pages.Casework;

/// <summary>The fields of the casework forms; each page uses the ones it asks for.</summary>
public sealed class CaseworkInput
{
    public string? ReferralSource { get; set; }

    public string? PrimaryNeedCode { get; set; }

    public string? ReferralNfa { get; set; }

    public string? Outcome { get; set; }

    public string? Category { get; set; }

    public List<string> Factors { get; set; } = [];

    public string? ReasonForClosure { get; set; }

    public string? TeamId { get; set; }

    public string? WorkerId { get; set; }

    /// <summary>Why the case goes to a new social worker (the SSDA903 SW_REASON code), asked when the worker changes.</summary>
    public string? SocialWorkerReason { get; set; }

    /// <summary>A visit: "alone", "with-others" or "no".</summary>
    public string? ChildSeen { get; set; }

    public string? VisitedBy { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// What the casework step pages share: the child's journey (the view is audited), the episode's version carried
/// by the form, dates read from GOV.UK date inputs, and the redirect to the casework page with any census
/// queries the change raised.
/// </summary>
public abstract class CaseworkPageModel(CaseworkService casework) : SafeguardPageModel
{
    public const string WarningsKey = "CaseworkWarnings";

    protected CaseworkService Casework => casework;

    public ChildJourney Journey { get; private set; } = default!;

    public NeedEpisode? Episode => Journey.Current;

    public string ChildName => Journey.Child.DisplayName;

    [BindProperty]
    public CaseworkInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public bool CanManage => User.HasClaim(SafeguardClaimTypes.Permission, Permissions.ManageCasework.Name);

    public bool CanAllocate => User.HasClaim(SafeguardClaimTypes.Permission, Permissions.AllocateCasework.Name);

    /// <summary>Loads the child's journey; false when there is no such child the user may see.</summary>
    protected async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var journey = await casework.GetAsync(id, Actor, cancellationToken);
        if (journey is null)
        {
            return false;
        }

        Journey = journey;
        if (Request.Method == HttpMethods.Get)
        {
            Version = journey.Current?.Version ?? 0;
        }

        return true;
    }

    /// <summary>A date typed into the date input <c>Input.{field}</c>; a date that is not real is shown beside it.</summary>
    protected DateOnly? DateFrom(string field, string label) => ReadDate($"Input.{field}", label);

    /// <summary>The GOV.UK date input for <c>Input.{field}</c>, with what was typed and its error.</summary>
    public DateInput DateField(string field, string legend, string? hint = null, bool isHeading = false) =>
        DateInputFor($"Input.{field}", legend, hint, isHeading);

    /// <summary>Makes the change; on success goes back to the casework page with a notice and the census queries raised.</summary>
    protected async Task<IActionResult> SaveAsync(Func<Task<JourneyChange>> change, string notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        JourneyChange? made = null;
        if (await TryChangeAsync(async () => made = await change()))
        {
            Notice = notice;
            if (made!.Warnings.Count > 0)
            {
                TempData[WarningsKey] = string.Join('\n', made.Warnings);
            }

            return Redirect($"/people/{Journey.Child.Id}/casework");
        }

        // Show the page again with the record as it now is, keeping the version the user started from.
        var version = Version;
        if (!await LoadAsync(Journey.Child.Id, cancellationToken))
        {
            return NotFound();
        }

        Version = version;
        return Page();
    }

    /// <summary>A page that needs an open episode sends the user back to the casework page when there is none.</summary>
    protected IActionResult NoOpenEpisode()
    {
        Notice = $"{ChildName} has no open episode: open a referral first.";
        return Redirect($"/people/{Journey.Child.Id}/casework");
    }

    /// <summary>Shows a date in the date input of <c>Input.{field}</c> before anything is typed (for example, one known from the front door).</summary>
    protected void PrefillDate(string field, DateOnly date) => PrefillDateInput($"Input.{field}", date);

    protected static Guid? ParseGuid(string? value) => Guid.TryParse(value, out var id) ? id : null;

    protected static TEnum? ParseEnum<TEnum>(string? value)
        where TEnum : struct, Enum => Enum.TryParse<TEnum>(value, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    protected static SafeguardValidationException Problem(string field, string message) => new(field, message);
}
