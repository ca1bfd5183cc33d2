using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.CaseReviews;

/// <summary>
/// Commissioning a practice review (LCSPR or local learning review) for a case, from its rapid review's
/// recommendation or directly, and recording its progress to the conclusion.
/// </summary>
[RequirePermission("reviews.manage")]
public sealed class PracticeReviewModel(SafeguardDbContext db, PracticeReviewService practice, Calendar.CalendarAdministration calendar) : CaseReviewPageModel
{
    public SeriousIncidentNotification? Case { get; private set; }

    public PracticeReview? Review { get; private set; }

    /// <summary>The 6-month target from the start (<c>lcspr</c>) and where the review stands against it.</summary>
    public ReviewStep? Target { get; private set; }

    public bool IsNew => Review is null;

    [BindProperty]
    public PracticeReviewInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public static IEnumerable<SelectListItem> KindItems() =>
    [
        new("Select the kind of review", ""),
        new(PracticeReviewService.KindName(PracticeReviewKind.LocalChildSafeguardingPracticeReview), nameof(PracticeReviewKind.LocalChildSafeguardingPracticeReview)),
        new(PracticeReviewService.KindName(PracticeReviewKind.LocalLearningReview), nameof(PracticeReviewKind.LocalLearningReview)),
    ];

    public static IEnumerable<SelectListItem> PublishItems() =>
        [new("Not decided yet", ""), new("Publish the report", "true"), new("Do not publish the report", "false")];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? reviewId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, reviewId, cancellationToken))
        {
            return NotFound();
        }

        if (Review is { } r)
        {
            Input = PracticeReviewInput.From(r);
            Version = r.Version;
            using var process = db.BeginProcess("CaseReviews.View", Actor);
            db.RecordAccess(nameof(PracticeReview), r.Id.ToString());
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            // Commissioned from the rapid review's recommendation when it recommended one.
            Input.Kind = Case!.RapidReview?.Recommendation switch
            {
                RapidReviewOutcome.LocalChildSafeguardingPracticeReview => nameof(PracticeReviewKind.LocalChildSafeguardingPracticeReview),
                RapidReviewOutcome.LocalLearningReview => nameof(PracticeReviewKind.LocalLearningReview),
                _ => null,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? reviewId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, reviewId, cancellationToken))
        {
            return NotFound();
        }

        var details = Input.ToDetails(this);
        if (ModelState.IsValid)
        {
            try
            {
                if (Review is null)
                {
                    var commissioned = await practice.CommissionAsync(id, details, Actor, cancellationToken);
                    Notice = $"The {PracticeReviewService.KindName(commissioned.Kind).ToLowerInvariant()} is commissioned.";
                }
                else
                {
                    await practice.ChangeAsync(Review.Id, Version, details, Actor, cancellationToken);
                    Notice = "The practice review is updated.";
                }

                return Redirect($"/case-reviews/{id}#practice-reviews");
            }
            catch (SafeguardValidationException ex)
            {
                ShowProblems(ex);
            }
            catch (ConcurrencyConflictException ex)
            {
                ShowConflict(ex);
            }
        }

        return Page();
    }

    internal DateOnly? Date(string? text, string field, string label) => ParseDate(text, field, label);

    private async Task<bool> LoadAsync(Guid id, Guid? reviewId, CancellationToken cancellationToken)
    {
        Case = await db.SeriousIncidentNotifications.AsNoTracking().Include(n => n.RapidReview).FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (Case is null)
        {
            return false;
        }

        if (reviewId is { } r)
        {
            Review = await db.PracticeReviews.AsNoTracking().FirstOrDefaultAsync(p => p.Id == r && p.NotificationId == id, cancellationToken);
            if (Review is null)
            {
                return false;
            }

            Target = ReviewTracker.PracticeReviewNextStep(Review, await calendar.DeadlinesAsync(cancellationToken));
        }

        return true;
    }
}

public sealed class PracticeReviewInput
{
    public string? Kind { get; set; }

    public string? Reviewer { get; set; }

    public string? TermsOfReference { get; set; }

    public string? StartedOn { get; set; }

    public string? PractitionerInvolvement { get; set; }

    public string? FamilyInvolvement { get; set; }

    public string? DraftReportOn { get; set; }

    public string? FinalReportOn { get; set; }

    public string? Publish { get; set; }

    public string? PublicationReasons { get; set; }

    public string? PublishedOn { get; set; }

    public string? SentToPanelOn { get; set; }

    public string? SentToSecretaryOfStateOn { get; set; }

    public string? SentToOfstedOn { get; set; }

    internal static PracticeReviewInput From(PracticeReview r) => new()
    {
        Kind = r.Kind.ToString(),
        Reviewer = r.Reviewer,
        TermsOfReference = r.TermsOfReference,
        StartedOn = Iso(r.StartedOn),
        PractitionerInvolvement = r.PractitionerInvolvement,
        FamilyInvolvement = r.FamilyInvolvement,
        DraftReportOn = Iso(r.DraftReportOn),
        FinalReportOn = Iso(r.FinalReportOn),
        Publish = r.Publish is { } p ? (p ? "true" : "false") : null,
        PublicationReasons = r.PublicationReasons,
        PublishedOn = Iso(r.PublishedOn),
        SentToPanelOn = Iso(r.SentToPanelOn),
        SentToSecretaryOfStateOn = Iso(r.SentToSecretaryOfStateOn),
        SentToOfstedOn = Iso(r.SentToOfstedOn),
    };

    internal PracticeReviewDetails ToDetails(PracticeReviewModel page) => new()
    {
        Kind = Enum.TryParse<PracticeReviewKind>(Kind, out var kind) ? kind : null,
        Reviewer = Reviewer,
        TermsOfReference = TermsOfReference,
        StartedOn = page.Date(StartedOn, "Input.StartedOn", "The start date"),
        PractitionerInvolvement = PractitionerInvolvement,
        FamilyInvolvement = FamilyInvolvement,
        DraftReportOn = page.Date(DraftReportOn, "Input.DraftReportOn", "The draft report date"),
        FinalReportOn = page.Date(FinalReportOn, "Input.FinalReportOn", "The final report date"),
        Publish = bool.TryParse(Publish, out var publish) ? publish : null,
        PublicationReasons = PublicationReasons,
        PublishedOn = page.Date(PublishedOn, "Input.PublishedOn", "The publication date"),
        SentToPanelOn = page.Date(SentToPanelOn, "Input.SentToPanelOn", "The date sent to the Panel"),
        SentToSecretaryOfStateOn = page.Date(SentToSecretaryOfStateOn, "Input.SentToSecretaryOfStateOn", "The date sent to the Secretary of State"),
        SentToOfstedOn = page.Date(SentToOfstedOn, "Input.SentToOfstedOn", "The date sent to Ofsted"),
    };

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
