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
        var details = Input.ToDetails(this);
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

    internal DateOnly? Date(string? text, string field, string label) => ParseDate(text, field, label);
}

public sealed class NotificationInput
{
    public string? Reference { get; set; }

    public string? ResubmissionOf { get; set; }

    public string? AwareOn { get; set; }

    public string? ChildName { get; set; }

    public string? Summary { get; set; }

    public List<string> Criteria { get; set; } = [];

    public string? Harm { get; set; }

    public string? DecidedNotifiable { get; set; }

    public string? DecisionAgreedBy { get; set; }

    public string? DecidedOn { get; set; }

    public string? PanelNotifiedOn { get; set; }

    internal NotificationDetails ToDetails(NewModel page) => new()
    {
        Reference = Reference,
        ResubmissionOf = ResubmissionOf,
        AwareOn = page.Date(AwareOn, "Input.AwareOn", "The date the council became aware"),
        ChildName = ChildName,
        Summary = Summary,
        AbuseOrNeglectKnownOrSuspected = Criteria.Contains("abuse"),
        ChildWasLookedAfter = Criteria.Contains("looked-after"),
        Harm = Enum.TryParse<IncidentHarm>(Harm, out var harm) ? harm : (string.IsNullOrEmpty(Harm) ? IncidentHarm.NotKnown : (IncidentHarm)(-1)),
        DecidedNotifiable = bool.TryParse(DecidedNotifiable, out var decided) ? decided : null,
        DecisionAgreedBy = DecisionAgreedBy,
        DecidedOn = page.Date(DecidedOn, "Input.DecidedOn", "The date of the decision"),
        PanelNotifiedOn = page.Date(PanelNotifiedOn, "Input.PanelNotifiedOn", "The date the Panel was notified"),
    };
}
