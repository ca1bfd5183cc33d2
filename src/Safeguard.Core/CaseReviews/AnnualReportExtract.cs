using Microsoft.EntityFrameworkCore;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.CaseReviews;

/// <summary>
/// What the partnership's annual report must say about reviews for a reporting year (Children Act 2004 and
/// Working Together): notifications made, rapid reviews held and their outcomes, practice reviews concluded
/// in the year and ongoing at its end, what was done to implement findings, and findings not implemented
/// with the reasons.
/// </summary>
public sealed record AnnualReportExtract(
    ReportingYear Year,
    IReadOnlyList<AnnualNotification> Notifications,
    IReadOnlyList<AnnualRapidReview> RapidReviews,
    IReadOnlyList<AnnualPracticeReview> ConcludedPracticeReviews,
    IReadOnlyList<AnnualPracticeReview> OngoingPracticeReviews,
    IReadOnlyList<AnnualAction> ImplementedActions,
    IReadOnlyList<AnnualAction> DeclinedActions)
{
    public IReadOnlyList<(RapidReviewOutcome Outcome, int Count)> OutcomeCounts =>
        Enum.GetValues<RapidReviewOutcome>().Select(o => (o, RapidReviews.Count(r => r.Outcome == o))).ToList();

    public static async Task<AnnualReportExtract> BuildAsync(SafeguardDbContext db, ReportingYear year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cases = await db.SeriousIncidentNotifications.AsNoTracking()
            .Include(n => n.ResubmissionOf)
            .Include(n => n.RapidReview)
            .Include(n => n.PracticeReviews)
            .Include(n => n.Findings).ThenInclude(f => f.LearningTheme)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var actions = await db.ReviewActions.AsNoTracking()
            .Include(a => a.OwningAgency)
            .Include(a => a.Recommendation).ThenInclude(r => r!.Notification)
            .ToListAsync(cancellationToken);

        var notifications = cases.Where(n => year.Contains(n.PanelNotifiedOn))
            .OrderBy(n => n.PanelNotifiedOn)
            .Select(n => new AnnualNotification(n.DisplayReference, n.AwareOn, n.PanelNotifiedOn!.Value))
            .ToList();
        var rapid = cases.Where(n => n.RapidReview is { } r && year.Contains(r.MeetingOn))
            .OrderBy(n => n.RapidReview!.MeetingOn)
            .Select(n => new AnnualRapidReview(n.DisplayReference, n.RapidReview!.MeetingOn!.Value, n.RapidReview.Recommendation, n.RapidReview.SentToPanelOn))
            .ToList();
        AnnualPracticeReview Practice(SeriousIncidentNotification n, PracticeReview p) =>
            new(n.DisplayReference, p.Kind, p.Reviewer, p.StartedOn, p.ConcludedOn, p.Publish, p.PublicationReasons,
                n.Findings.OrderBy(f => f.RecordedOn).Select(f => $"{f.Text} ({f.LearningTheme!.Name})").ToList());
        var concluded = cases.SelectMany(n => n.PracticeReviews.Where(p => year.Contains(p.ConcludedOn)).Select(p => Practice(n, p)))
            .OrderBy(p => p.ConcludedOn).ToList();
        var ongoing = cases.SelectMany(n => n.PracticeReviews
                .Where(p => p.StartedOn <= year.End && (p.ConcludedOn is null || p.ConcludedOn > year.End))
                .Select(p => Practice(n, p)))
            .OrderBy(p => p.StartedOn).ToList();
        AnnualAction Action(ReviewAction a) => new(
            a.Recommendation!.Notification!.Reference, a.Recommendation.Text, a.Description, a.OwningAgency!.Name, a.Status, a.Evidence, a.DeclinedReason,
            a.Status == ReviewActionStatus.Declined ? a.DeclinedOn : a.SignedOffOn ?? a.CompletedOn);
        var implemented = actions
            .Where(a => a.Status is ReviewActionStatus.Completed or ReviewActionStatus.SignedOff && year.Contains(a.CompletedOn))
            .Select(Action).OrderBy(a => a.Reference, StringComparer.Ordinal).ThenBy(a => a.On).ToList();
        var declined = actions.Where(a => a.Status == ReviewActionStatus.Declined && year.Contains(a.DeclinedOn))
            .Select(Action).OrderBy(a => a.Reference, StringComparer.Ordinal).ThenBy(a => a.On).ToList();
        return new AnnualReportExtract(year, notifications, rapid, concluded, ongoing, implemented, declined);
    }
}

public sealed record AnnualNotification(string Reference, DateOnly AwareOn, DateOnly PanelNotifiedOn);

public sealed record AnnualRapidReview(string Reference, DateOnly MeetingOn, RapidReviewOutcome? Outcome, DateOnly? SentToPanelOn);

public sealed record AnnualPracticeReview(
    string Reference, PracticeReviewKind Kind, string Reviewer, DateOnly StartedOn, DateOnly? ConcludedOn, bool? Publish, string? PublicationReasons, IReadOnlyList<string> Findings);

public sealed record AnnualAction(string Reference, string Recommendation, string Description, string Agency, ReviewActionStatus Status, string? Evidence, string? DeclinedReason, DateOnly? On);
