using Microsoft.AspNetCore.Mvc;
using Safeguard.AnnualReport;
using Safeguard.Common;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.AnnualReport;

/// <summary>Changing a piece of feedback from the version it was opened at.</summary>
[RequirePermission("annualreport.manage")]
public sealed class FeedbackChangeModel(AnnualReportRecords records) : AnnualReportPageModel
{
    public PartnershipFeedback Feedback { get; private set; } = default!;

    public ReportingYear Year => ReportingYear.Of(Feedback.ReceivedOn);

    [BindProperty]
    public FeedbackForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await records.GetFeedbackAsync(id, cancellationToken) is not { } feedback)
        {
            return NotFound();
        }

        Feedback = feedback;
        Input = FeedbackForm.From(feedback);
        PrefillDateInput("Input.ReceivedOn", feedback.ReceivedOn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await records.GetFeedbackAsync(id, cancellationToken) is not { } feedback)
        {
            return NotFound();
        }

        Feedback = feedback;
        var receivedOn = ReadDate("Input.ReceivedOn", "date the feedback was received");
        PartnershipFeedback? saved = null;
        if (await TryChangeAsync(async () => saved = await records.SaveFeedbackAsync(id, Input.Version, Input.ToInput(receivedOn), Actor, cancellationToken)))
        {
            Notice = "The feedback is changed.";
            return Redirect($"/annual-report/{ReportingYear.Of(saved!.ReceivedOn).StartYear}/feedback");
        }

        return Page();
    }
}
