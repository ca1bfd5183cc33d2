using Microsoft.AspNetCore.Mvc;
using Safeguard.AnnualReport;
using Safeguard.Common;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.AnnualReport;

/// <summary>The year's feedback from children and families, and recording more.</summary>
[RequirePermission("annualreport.manage")]
public sealed class FeedbackModel(AnnualReportRecords records) : AnnualReportPageModel
{
    public ReportingYear Year { get; private set; }

    public IReadOnlyList<PartnershipFeedback> Feedback { get; private set; } = [];

    [BindProperty]
    public FeedbackForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (!Accepts(year))
        {
            return NotFound();
        }

        await LoadAsync(year, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken cancellationToken)
    {
        if (!Accepts(year))
        {
            return NotFound();
        }

        var receivedOn = ReadDate("Input.ReceivedOn", "date the feedback was received");
        PartnershipFeedback? saved = null;
        if (await TryChangeAsync(async () => saved = await records.SaveFeedbackAsync(null, 0, Input.ToInput(receivedOn), Actor, cancellationToken)))
        {
            var savedYear = ReportingYear.Of(saved!.ReceivedOn);
            Notice = savedYear.StartYear == year ? "The feedback is recorded." : $"The feedback is recorded in {savedYear.Name}, the year it was received.";
            return Redirect($"/annual-report/{year}/feedback");
        }

        await LoadAsync(year, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int year, CancellationToken cancellationToken)
    {
        Year = new ReportingYear(year);
        Feedback = await records.FeedbackAsync(Year, cancellationToken);
    }
}
