using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.CaseReviews;

/// <summary>Recording a serious incident notification.</summary>
[RequirePermission("reviews.manage")]
public sealed class NewModel(NotificationService notifications) : CaseReviewPageModel
{
    [BindProperty]
    public NotificationInput Input { get; set; } = new();

    public static IEnumerable<SelectListItem> HarmItems() =>
    [
        new("Select what happened to the child", ""),
        new("The child died", nameof(IncidentHarm.Died)),
        new("The child was seriously harmed", nameof(IncidentHarm.SeriouslyHarmed)),
        new("Neither", nameof(IncidentHarm.NeitherDiedNorSeriouslyHarmed)),
    ];

    public static IEnumerable<SelectListItem> DecisionItems() =>
        [new("Not decided yet", ""), new("Notifiable", "true"), new("Not notifiable", "false")];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ReadDates();
        var details = Input.ToDetails();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var notification = await notifications.RecordAsync(details, Actor, cancellationToken);
            Notice = $"Notification {notification.Reference} is recorded.";
            return Redirect($"/case-reviews/{notification.Id}");
        }
        catch (SafeguardValidationException ex)
        {
            ShowProblems(ex);
            return Page();
        }
    }

    /// <summary>Reads the notification's dates from their date inputs into <see cref="Input"/>.</summary>
    private void ReadDates()
    {
        Input.AwareOn = ReadDate("Input.AwareOn", "date the council became aware");
        Input.DecidedOn = ReadDate("Input.DecidedOn", "date of the decision");
        Input.PanelNotifiedOn = ReadDate("Input.PanelNotifiedOn", "date the National Panel was notified");
    }
}

public sealed class NotificationInput
{
    public string? Reference { get; set; }

    public string? ResubmissionOf { get; set; }

    /// <summary>Typed into a GOV.UK date input (<c>Input.AwareOnDay</c>, <c>Month</c>, <c>Year</c>); read by the page, not bound.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public DateOnly? AwareOn { get; set; }

    public string? ChildName { get; set; }

    public string? Summary { get; set; }

    public List<string> Criteria { get; set; } = [];

    public string? Harm { get; set; }

    public string? DecidedNotifiable { get; set; }

    public string? DecisionAgreedBy { get; set; }

    /// <summary>Typed into a GOV.UK date input (<c>Input.DecidedOnDay</c>, <c>Month</c>, <c>Year</c>); read by the page, not bound.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public DateOnly? DecidedOn { get; set; }

    /// <summary>Typed into a GOV.UK date input (<c>Input.PanelNotifiedOnDay</c>, <c>Month</c>, <c>Year</c>); read by the page, not bound.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public DateOnly? PanelNotifiedOn { get; set; }

    internal NotificationDetails ToDetails() => new()
    {
        Reference = Reference,
        ResubmissionOf = ResubmissionOf,
        AwareOn = AwareOn,
        ChildName = ChildName,
        Summary = Summary,
        AbuseOrNeglectKnownOrSuspected = Criteria.Contains("abuse"),
        ChildWasLookedAfter = Criteria.Contains("looked-after"),
        Harm = Enum.TryParse<IncidentHarm>(Harm, out var harm) ? harm : (string.IsNullOrEmpty(Harm) ? IncidentHarm.NotKnown : (IncidentHarm)(-1)),
        DecidedNotifiable = bool.TryParse(DecidedNotifiable, out var decided) ? decided : null,
        DecisionAgreedBy = DecisionAgreedBy,
        DecidedOn = DecidedOn,
        PanelNotifiedOn = PanelNotifiedOn,
    };
}
