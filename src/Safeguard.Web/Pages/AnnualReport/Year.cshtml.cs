using Microsoft.AspNetCore.Mvc;
using Safeguard.AnnualReport;
using Safeguard.Common;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.AnnualReport;

/// <summary>
/// A year's annual report: its sections in order (records or not, narrative), where the edition is (draft, in review
/// with its sign-offs, published), the actions its status allows, the downloads and the narratives' version history.
/// </summary>
[RequirePermission("annualreport.manage")]
public sealed class YearModel(AnnualReportService reports, AnnualReportRecords records, SafeguardDbContext db, IConfiguration configuration) : AnnualReportPageModel
{
    public ReportingYear Year { get; private set; }

    public IReadOnlyList<SectionStatus> Sections { get; private set; } = [];

    public AnnualReportEdition? Edition { get; private set; }

    public IReadOnlyList<NarrativeHistoryEntry> History { get; private set; } = [];

    public int FeedbackCount { get; private set; }

    public int FundingCount { get; private set; }

    public EditionStatus Status => Edition?.Status ?? EditionStatus.Draft;

    /// <summary>The partners still to sign off a report in review.</summary>
    public IReadOnlyList<StatutoryPartner> PartnersToSign =>
        [.. Enum.GetValues<StatutoryPartner>().Where(p => Edition?.SignOffs.All(s => s.Partner != p) ?? true)];

    /// <summary>The edition's version the actions were started from (0 before the report is first sent for review).</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public SignOffForm SignOff { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (!Accepts(year))
        {
            return NotFound();
        }

        await LoadAsync(new ReportingYear(year), cancellationToken);
        return Page();
    }

    /// <summary>
    /// The report as DOCX or PDF: once published, the files kept at publication, byte for byte; before, rendered from
    /// the records now (<see cref="AnnualReportService.FileAsync"/>, as <c>safeguard report annual</c>). Audited as a download.
    /// </summary>
    public async Task<IActionResult> OnGetDownloadAsync(int year, string? format, CancellationToken cancellationToken)
    {
        if (!Accepts(year))
        {
            return NotFound();
        }

        var kind = string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase) ? ReportFormat.Pdf : ReportFormat.Docx;
        var file = await reports.FileAsync(new ReportingYear(year), kind, configuration.AreaName(), Actor, cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }

    public Task<IActionResult> OnPostSendForReviewAsync(int year, CancellationToken cancellationToken) =>
        ActAsync(year, y => reports.SendForReviewAsync(y, Version, Actor, cancellationToken), "The report is sent to the safeguarding partners for review: its narratives are locked.", cancellationToken);

    public Task<IActionResult> OnPostReturnToDraftAsync(int year, CancellationToken cancellationToken) =>
        ActAsync(year, y => reports.ReturnToDraftAsync(y, Version, Actor, cancellationToken), "The report is back to draft: its narratives can change, and the sign-offs given are withdrawn.", cancellationToken);

    public Task<IActionResult> OnPostSignOffAsync(int year, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<StatutoryPartner>(SignOff.Partner, out var partner) || !Enum.IsDefined(partner))
        {
            ModelState.AddModelError("SignOff.Partner", "Select the safeguarding partner who signed off the report");
        }

        return ActAsync(year, y => reports.SignOffAsync(y, partner, SignOff.Signatory, Version, Actor, cancellationToken), $"The sign-off for {AnnualReportService.PartnerName(partner)} is recorded.", cancellationToken);
    }

    public Task<IActionResult> OnPostPublishAsync(int year, CancellationToken cancellationToken) =>
        ActAsync(year, y => reports.PublishAsync(y, Version, configuration.AreaName(), Actor, cancellationToken), "The report is published: nothing in it can change now.", cancellationToken);

    /// <summary>Where a refused action is shown: the status heading, which is always on the page.</summary>
    public const string StatusKey = "Status";

    /// <summary>Runs a workflow action; a refusal is shown under the report's status (or beside the sign-off's fields).</summary>
    private async Task<IActionResult> ActAsync(int year, Func<ReportingYear, Task> action, string notice, CancellationToken cancellationToken)
    {
        if (!Accepts(year))
        {
            return NotFound();
        }

        var reportingYear = new ReportingYear(year);
        if (ModelState.IsValid)
        {
            try
            {
                await action(reportingYear);
                Notice = notice;
                return Redirect($"/annual-report/{year}");
            }
            catch (SafeguardValidationException ex)
            {
                // The refused change stays out of the saves the page still makes (building the sections audits its reads).
                db.ChangeTracker.Clear();
                foreach (var problem in ex.Problems)
                {
                    var key = problem.Field switch
                    {
                        "Signatory" => "SignOff.Signatory",
                        "Partner" => "SignOff.Partner",
                        _ => StatusKey,
                    };
                    ModelState.AddModelError(key, problem.Message);
                }
            }
            catch (ConcurrencyConflictException)
            {
                db.ChangeTracker.Clear();
                ModelState.AddModelError(StatusKey, "The report was changed by someone else after you opened this page. Nothing was saved. Check where it is now, then try again.");
            }
        }

        await LoadAsync(reportingYear, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(ReportingYear year, CancellationToken cancellationToken)
    {
        Year = year;
        Edition = await reports.EditionAsync(year, cancellationToken);
        Version = Edition?.Version ?? 0;
        ModelState.Remove(nameof(Version));
        Sections = await reports.StatusAsync(year, Actor, cancellationToken);
        History = await reports.HistoryAsync(year, cancellationToken);
        FeedbackCount = (await records.FeedbackAsync(year, cancellationToken)).Count;
        FundingCount = (await records.FundingAsync(year, cancellationToken)).Count;
    }

    public sealed class SignOffForm
    {
        public string? Partner { get; set; }

        public string? Signatory { get; set; }
    }
}
