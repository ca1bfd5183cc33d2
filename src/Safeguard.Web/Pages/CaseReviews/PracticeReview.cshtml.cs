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
            PrefillDates(r);
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

        ReadDates();
        var details = Input.ToDetails();
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

    /// <summary>Reads the review's dates from their date inputs into <see cref="Input"/>.</summary>
    private void ReadDates()
    {
        Input.StartedOn = ReadDate("Input.StartedOn", "start date");
        Input.DraftReportOn = ReadDate("Input.DraftReportOn", "draft report date");
        Input.FinalReportOn = ReadDate("Input.FinalReportOn", "final report date");
        Input.PublishedOn = ReadDate("Input.PublishedOn", "date published");
        Input.SentToPanelOn = ReadDate("Input.SentToPanelOn", "date sent to the National Panel");
        Input.SentToSecretaryOfStateOn = ReadDate("Input.SentToSecretaryOfStateOn", "date sent to the Secretary of State");
        Input.SentToOfstedOn = ReadDate("Input.SentToOfstedOn", "date sent to Ofsted");
    }

    /// <summary>Shows the review's recorded dates in their date inputs.</summary>
    private void PrefillDates(PracticeReview review)
    {
        PrefillDateInput("Input.StartedOn", review.StartedOn);
        PrefillDateInput("Input.DraftReportOn", review.DraftReportOn);
        PrefillDateInput("Input.FinalReportOn", review.FinalReportOn);
        PrefillDateInput("Input.PublishedOn", review.PublishedOn);
        PrefillDateInput("Input.SentToPanelOn", review.SentToPanelOn);
        PrefillDateInput("Input.SentToSecretaryOfStateOn", review.SentToSecretaryOfStateOn);
        PrefillDateInput("Input.SentToOfstedOn", review.SentToOfstedOn);
    }

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

    /// <summary>Typed into a GOV.UK date input (<c>Input.StartedOnDay</c>, <c>Month</c>, <c>Year</c>); read by the page, not bound.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public DateOnly? StartedOn { get; set; }

    public string? PractitionerInvolvement { get; set; }

    public string? FamilyInvolvement { get; set; }

    /// <summary>Typed into a GOV.UK date input (<c>Input.DraftReportOnDay</c>, <c>Month</c>, <c>Year</c>); read by the page, not bound.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public DateOnly? DraftReportOn { get; set; }

    /// <summary>Typed into a GOV.UK date input (<c>Input.FinalReportOnDay</c>, <c>Month</c>, <c>Year</c>); read by the page, not bound.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public DateOnly? FinalReportOn { get; set; }

    public string? Publish { get; set; }

    public string? PublicationReasons { get; set; }

    /// <summary>Typed into a GOV.UK date input (<c>Input.PublishedOnDay</c>, <c>Month</c>, <c>Year</c>); read by the page, not bound.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public DateOnly? PublishedOn { get; set; }

    /// <summary>Typed into a GOV.UK date input (<c>Input.SentToPanelOnDay</c>, <c>Month</c>, <c>Year</c>); read by the page, not bound.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public DateOnly? SentToPanelOn { get; set; }

    /// <summary>Typed into a GOV.UK date input (<c>Input.SentToSecretaryOfStateOnDay</c>, <c>Month</c>, <c>Year</c>); read by the page, not bound.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public DateOnly? SentToSecretaryOfStateOn { get; set; }

    /// <summary>Typed into a GOV.UK date input (<c>Input.SentToOfstedOnDay</c>, <c>Month</c>, <c>Year</c>); read by the page, not bound.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public DateOnly? SentToOfstedOn { get; set; }

    internal static PracticeReviewInput From(PracticeReview r) => new()
    {
        Kind = r.Kind.ToString(),
        Reviewer = r.Reviewer,
        TermsOfReference = r.TermsOfReference,
        PractitionerInvolvement = r.PractitionerInvolvement,
        FamilyInvolvement = r.FamilyInvolvement,
        Publish = r.Publish is { } p ? (p ? "true" : "false") : null,
        PublicationReasons = r.PublicationReasons,
    };

    internal PracticeReviewDetails ToDetails() => new()
    {
        Kind = Enum.TryParse<PracticeReviewKind>(Kind, out var kind) ? kind : null,
        Reviewer = Reviewer,
        TermsOfReference = TermsOfReference,
        StartedOn = StartedOn,
        PractitionerInvolvement = PractitionerInvolvement,
        FamilyInvolvement = FamilyInvolvement,
        DraftReportOn = DraftReportOn,
        FinalReportOn = FinalReportOn,
        Publish = bool.TryParse(Publish, out var publish) ? publish : null,
        PublicationReasons = PublicationReasons,
        PublishedOn = PublishedOn,
        SentToPanelOn = SentToPanelOn,
        SentToSecretaryOfStateOn = SentToSecretaryOfStateOn,
        SentToOfstedOn = SentToOfstedOn,
    };
}
