using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.CaseReviews;

/// <summary>Everything recorded about a practice review.</summary>
public sealed record PracticeReviewDetails
{
    public PracticeReviewKind? Kind { get; init; }

    public string? Reviewer { get; init; }

    public string? TermsOfReference { get; init; }

    public DateOnly? StartedOn { get; init; }

    public string? PractitionerInvolvement { get; init; }

    public string? FamilyInvolvement { get; init; }

    public DateOnly? DraftReportOn { get; init; }

    public DateOnly? FinalReportOn { get; init; }

    public bool? Publish { get; init; }

    public string? PublicationReasons { get; init; }

    public DateOnly? PublishedOn { get; init; }

    public DateOnly? SentToPanelOn { get; init; }

    public DateOnly? SentToSecretaryOfStateOn { get; init; }

    public DateOnly? SentToOfstedOn { get; init; }
}

/// <summary>Commissioning and following a practice review (LCSPR or local learning review) to its conclusion.</summary>
public sealed class PracticeReviewService(SafeguardDbContext db)
{
    public async Task<PracticeReview> CommissionAsync(Guid notificationId, PracticeReviewDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var notification = await db.SeriousIncidentNotifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == notificationId, cancellationToken)
            ?? throw new SafeguardValidationException("Notification", "There is no such case");
        var review = new PracticeReview { NotificationId = notificationId, Reviewer = "" };
        Apply(review, details, notification.AwareOn);
        using var process = db.BeginProcess("CaseReviews.CommissionPracticeReview", actor);
        db.PracticeReviews.Add(review);
        await db.SaveChangesAsync(cancellationToken);
        return review;
    }

    public async Task ChangeAsync(Guid id, int version, PracticeReviewDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var review = await db.PracticeReviews.Include(p => p.Notification).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new SafeguardValidationException("PracticeReview", "There is no such practice review");
        Apply(review, details, review.Notification!.AwareOn);
        using var process = db.BeginProcess("CaseReviews.ChangePracticeReview", actor);
        db.Entry(review).Property(p => p.Version).OriginalValue = version;
        await db.SaveChangesAsync(cancellationToken);
    }

    private void Apply(PracticeReview review, PracticeReviewDetails d, DateOnly awareOn)
    {
        var today = UkTime.Today(db.Time);
        var problems = new Problems();
        if (d.Kind is null || !Enum.IsDefined(d.Kind.Value))
        {
            problems.Add("Kind", "Select the kind of review");
        }

        var reviewer = problems.Required("Reviewer", d.Reviewer, "Enter the reviewer commissioned", 200);
        var terms = problems.Required("TermsOfReference", d.TermsOfReference, "Enter the terms of reference", 8000);
        if (d.StartedOn is null)
        {
            problems.Add("StartedOn", "Enter the date the review started");
        }

        problems.CheckDate("StartedOn", d.StartedOn, today, "The start date", awareOn, "the date the council became aware");
        var practitioners = problems.Optional("PractitionerInvolvement", d.PractitionerInvolvement, "Practitioner involvement", 4000);
        var family = problems.Optional("FamilyInvolvement", d.FamilyInvolvement, "Family involvement", 4000);
        problems.CheckDate("DraftReportOn", d.DraftReportOn, today, "The draft report date", d.StartedOn, "the start date");
        problems.CheckDate("FinalReportOn", d.FinalReportOn, today, "The final report date", d.DraftReportOn ?? d.StartedOn, d.DraftReportOn is null ? "the start date" : "the draft report");
        var reasons = problems.Optional("PublicationReasons", d.PublicationReasons, "The reasons", 4000);
        if (d.Publish is not null)
        {
            if (d.FinalReportOn is null)
            {
                problems.Add("Publish", "Record the final report date before the publication decision");
            }

            if (reasons is null && !d.Publish.Value)
            {
                problems.Add("PublicationReasons", "Enter the reasons for not publishing the report");
            }
        }

        if (d.PublishedOn is not null && d.Publish != true)
        {
            problems.Add("PublishedOn", "A publication date needs a decision to publish");
        }

        problems.CheckDate("PublishedOn", d.PublishedOn, today, "The publication date", d.FinalReportOn, "the final report");
        foreach (var (field, date, what) in new[]
        {
            ("SentToPanelOn", d.SentToPanelOn, "The date sent to the Panel"),
            ("SentToSecretaryOfStateOn", d.SentToSecretaryOfStateOn, "The date sent to the Secretary of State"),
            ("SentToOfstedOn", d.SentToOfstedOn, "The date sent to Ofsted"),
        })
        {
            if (date is not null && d.FinalReportOn is null)
            {
                problems.Add(field, $"{what} needs the final report date first");
            }

            problems.CheckDate(field, date, today, what, d.FinalReportOn, "the final report");
        }

        problems.ThrowIfAny();
        review.Kind = d.Kind!.Value;
        review.Reviewer = reviewer;
        review.TermsOfReference = terms;
        review.StartedOn = d.StartedOn!.Value;
        review.PractitionerInvolvement = practitioners;
        review.FamilyInvolvement = family;
        review.DraftReportOn = d.DraftReportOn;
        review.FinalReportOn = d.FinalReportOn;
        review.Publish = d.Publish;
        review.PublicationReasons = reasons;
        review.PublishedOn = d.PublishedOn;
        review.SentToPanelOn = d.SentToPanelOn;
        review.SentToSecretaryOfStateOn = d.SentToSecretaryOfStateOn;
        review.SentToOfstedOn = d.SentToOfstedOn;
    }

    public static string KindName(PracticeReviewKind kind) => kind == PracticeReviewKind.LocalChildSafeguardingPracticeReview
        ? "Local child safeguarding practice review"
        : "Local learning review";
}
