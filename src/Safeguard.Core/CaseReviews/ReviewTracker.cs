using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Persistence;
using Safeguard.Timescales;

namespace Safeguard.CaseReviews;

/// <summary>Red, amber or green, from the deadline engine's status.</summary>
public enum Rag
{
    Red,
    Amber,
    Green,
}

/// <summary>One step of a review with its due date and where it stands.</summary>
public sealed record ReviewStep(string Description, string DayText, DeadlineAssessment Assessment, DateOnly? DoneOn)
{
    public DateOnly DueOn => Assessment.Deadline.DueDate;

    public bool IsDone => DoneOn is not null;

    public Rag Rag => ReviewTracker.RagOf(Assessment.Status);
}

/// <summary>An open review on the tracker: its next step, due date and RAG status.</summary>
public sealed record TrackerItem(Guid NotificationId, string Reference, string ChildName, string Review, ReviewStep NextStep, DateOnly FinalDueOn)
{
    public Rag Rag => NextStep.Rag;
}

/// <summary>
/// An outstanding action for "closing the loop": a review's (its case and recommendation) or a multi-agency audit's
/// (<paramref name="Link"/> names the audit's page, and <paramref name="NotificationId"/> is the audit's id).
/// </summary>
public sealed record OutstandingAction(Guid ActionId, Guid NotificationId, string Reference, string AgencyName, string Recommendation, string Description, string Owner, DateOnly DueOn, ReviewActionStatus Status, bool IsOverdue, string? Link = null)
{
    /// <summary>Where the action is followed up.</summary>
    public string Href => Link ?? $"/case-reviews/{NotificationId}/learning";
}

/// <summary>A learning theme with the reviews and multi-agency audits whose findings carry it, by reporting year.</summary>
public sealed record ThemeRecurrence(Guid ThemeId, string Theme, IReadOnlyList<ThemeCase> Cases, IReadOnlyList<ThemeAudit>? Audits = null)
{
    public int ReviewCount => Cases.Select(c => c.NotificationId).Distinct().Count();

    public int AuditCount => (Audits ?? []).Select(a => a.AuditId).Distinct().Count();

    public IReadOnlyList<string> Years => Cases.Select(c => c.Year).Concat((Audits ?? []).Select(a => a.Year)).Distinct().OrderBy(y => y.StartYear).Select(y => y.Name).ToList();

    /// <summary>Seen in more than one review or audit: the pattern the seeds say went unnoticed.</summary>
    public bool Recurs => ReviewCount + AuditCount > 1;
}

/// <summary>A multi-agency audit whose finding carries a theme.</summary>
public sealed record ThemeAudit(Guid AuditId, string Title, ReportingYear Year, string Finding);

public sealed record ThemeCase(Guid NotificationId, string Reference, ReportingYear Year, string Finding);

/// <summary>
/// The business unit's views across every case: the tracker of open reviews (overdue first, so an overdue
/// item never scrolls out of sight), each review's steps, outstanding actions and recurring themes.
/// </summary>
public sealed class ReviewTracker(SafeguardDbContext db, CalendarAdministration calendarAdministration)
{
    public static Rag RagOf(DeadlineStatus status) => status switch
    {
        DeadlineStatus.Overdue or DeadlineStatus.MetLate => Rag.Red,
        DeadlineStatus.DueToday or DeadlineStatus.DueSoon => Rag.Amber,
        _ => Rag.Green,
    };

    /// <summary>Every open item, overdue first, then by due date.</summary>
    public async Task<IReadOnlyList<TrackerItem>> OpenItemsAsync(CancellationToken cancellationToken = default)
    {
        var deadlines = await calendarAdministration.DeadlinesAsync(cancellationToken);
        var calendar = await calendarAdministration.CalendarAsync(cancellationToken);
        var cases = await db.SeriousIncidentNotifications.AsNoTracking()
            .Include(n => n.RapidReview).ThenInclude(r => r!.InformationRequests)
            .Include(n => n.RapidReview).ThenInclude(r => r!.Signatures)
            .Include(n => n.PracticeReviews)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var items = new List<TrackerItem>();
        foreach (var n in cases)
        {
            if (n.PanelNotifiedOn is null && n.DecidedNotifiable != false)
            {
                var step = new ReviewStep(
                    n.DecidedNotifiable is null ? "Decide whether the incident is notifiable and notify the National Panel" : "Notify the National Panel",
                    "Within 5 working days",
                    deadlines.Assess(deadlines.Calculate("panel-notification", n.AwareOn)),
                    null);
                items.Add(new TrackerItem(n.Id, n.Reference, n.ChildName, "Serious incident notification", step, step.DueOn));
            }

            if (n.RapidReview is { IsComplete: false } review)
            {
                var steps = RapidReviewSteps(review, deadlines, calendar);
                items.Add(new TrackerItem(n.Id, n.Reference, n.ChildName, "Rapid review", steps.First(s => !s.IsDone), steps[^1].DueOn));
            }

            foreach (var practice in n.PracticeReviews.Where(p => !p.IsConcluded))
            {
                var step = PracticeReviewNextStep(practice, deadlines);
                items.Add(new TrackerItem(n.Id, n.Reference, n.ChildName, PracticeReviewService.KindName(practice.Kind), step, step.DueOn));
            }
        }

        return items.OrderBy(i => StatusOrder(i.NextStep.Assessment.Status)).ThenBy(i => i.NextStep.DueOn).ThenBy(i => i.Reference, StringComparer.Ordinal).ToList();
    }

    /// <summary>The rapid review's recorded steps, dated from the day plan and assessed by the deadline engine.</summary>
    public static IReadOnlyList<ReviewStep> RapidReviewSteps(RapidReview review, DeadlineService deadlines, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(deadlines);
        ArgumentNullException.ThrowIfNull(calendar);
        var rule = deadlines.Calculate("rapid-review", review.NotifiedOn).Rule;
        ReviewStep Step(int day, string description, DateOnly? done)
        {
            var deadline = new Deadline(rule, review.NotifiedOn, calendar.AddWorkingDays(review.NotifiedOn, day));
            return new ReviewStep(description, $"Day {day}", deadlines.Assess(deadline, done), done);
        }

        var requests = review.InformationRequests;
        var allReturned = requests.Count > 0 && requests.All(r => r.ReceivedOn is not null) ? requests.Max(r => r.ReceivedOn) : null;
        var allSigned = review.Signatures.Select(s => s.Partner).Distinct().Count() == 3 ? review.Signatures.Max(s => s.SignedOn) : (DateOnly?)null;
        return
        [
            Step(1, "Send requests for information to member agencies and the meeting invitation", requests.Count == 0 ? null : requests.Min(r => r.RequestedOn)),
            Step(RapidReviewService.ReturnDay, "Agencies return their information", allReturned),
            Step(13, "Hold the rapid review meeting", review.MeetingOn),
            Step(13, "Record the recommendation and its rationale", review.RecommendedOn),
            Step(14, "Recommendation signed by the three safeguarding partners", allSigned),
            Step(15, "Send the recommendation to the National Panel and the case review group", review.SentToPanelOn),
        ];
    }

    public static ReviewStep PracticeReviewNextStep(PracticeReview review, DeadlineService deadlines)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(deadlines);
        var deadline = deadlines.Calculate("lcspr", review.StartedOn);
        var description = review switch
        {
            { IsConcluded: true } => "Concluded",
            { FinalReportOn: null } => "Final report",
            { Publish: null } => "Publication decision",
            _ => "Send the report to the Panel, the Secretary of State and Ofsted",
        };
        var done = review.ConcludedOn;
        return new ReviewStep(description, "Within 6 months of the start", deadlines.Assess(deadline, done), done);
    }

    /// <summary>Actions not yet signed off or declined.</summary>
    public async Task<IReadOnlyList<OutstandingAction>> OutstandingActionsAsync(CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(db.Time);
        var actions = await db.ReviewActions.AsNoTracking()
            .Where(a => a.Status == ReviewActionStatus.NotStarted || a.Status == ReviewActionStatus.InProgress || a.Status == ReviewActionStatus.Completed)
            .Include(a => a.OwningAgency)
            .Include(a => a.Recommendation).ThenInclude(r => r!.Notification)
            .ToListAsync(cancellationToken);
        return actions
            .Select(a => new OutstandingAction(
                a.Id, a.Recommendation!.NotificationId, a.Recommendation.Notification!.Reference, a.OwningAgency!.Name, a.Recommendation.Text, a.Description, a.Owner, a.DueOn, a.Status, a.IsOverdue(today)))
            .Concat((await db.Set<Assurance.AssuranceAction>().AsNoTracking()
                .Where(a => a.Status == ReviewActionStatus.NotStarted || a.Status == ReviewActionStatus.InProgress || a.Status == ReviewActionStatus.Completed)
                .Include(a => a.OwningAgency)
                .Join(db.Set<Assurance.MultiAgencyAudit>(), a => a.AuditId, m => m.Id, (a, m) => new { Action = a, m.Title })
                .ToListAsync(cancellationToken))
                .Select(x => new OutstandingAction(
                    x.Action.Id, x.Action.AuditId, "Audit: " + x.Title, x.Action.OwningAgency!.Name, "Multi-agency audit", x.Action.Description, x.Action.Owner, x.Action.DueOn,
                    x.Action.Status, x.Action.IsOverdue(today), $"/assurance/audits/{x.Action.AuditId}/findings")))
            .Concat((await db.Set<Assurance.SelfAssessmentAction>().AsNoTracking()
                .Where(a => a.Status == ReviewActionStatus.NotStarted || a.Status == ReviewActionStatus.InProgress || a.Status == ReviewActionStatus.Completed)
                .Include(a => a.OwningAgency)
                .Join(db.Set<Assurance.SelfAssessmentRound>(), a => a.RoundId, r => r.Id, (a, r) => new { Action = a, r.Title })
                .ToListAsync(cancellationToken))
                .Select(x => new OutstandingAction(
                    x.Action.Id, x.Action.RoundId, "Self-assessment: " + x.Title, x.Action.OwningAgency!.Name, "Self-assessment challenge", x.Action.Description, x.Action.Owner, x.Action.DueOn,
                    x.Action.Status, x.Action.IsOverdue(today), $"/assurance/self-assessments/{x.Action.RoundId}")))
            .OrderByDescending(a => a.IsOverdue).ThenBy(a => a.DueOn).ThenBy(a => a.Reference, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every learning theme with the reviews whose findings carry it; recurring themes first.</summary>
    public async Task<IReadOnlyList<ThemeRecurrence>> ThemesAsync(CancellationToken cancellationToken = default)
    {
        var themes = await db.LearningThemes.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var findings = await db.Findings.AsNoTracking().Include(f => f.Notification).ToListAsync(cancellationToken);
        var auditFindings = await db.Set<Assurance.AuditFinding>().AsNoTracking()
            .Join(db.Set<Assurance.MultiAgencyAudit>(), f => f.AuditId, a => a.Id, (f, a) => new { f.LearningThemeId, f.Text, a.Id, a.Title, a.YearStart })
            .ToListAsync(cancellationToken);
        return themes
            .Select(t => new ThemeRecurrence(t.Id, t.Name, findings
                .Where(f => f.LearningThemeId == t.Id)
                .Select(f => new ThemeCase(f.NotificationId, f.Notification!.Reference, ReportingYear.Of(f.Notification.AwareOn), f.Text))
                .OrderBy(c => c.Year.StartYear).ThenBy(c => c.Reference, StringComparer.Ordinal)
                .ToList(),
                auditFindings.Where(f => f.LearningThemeId == t.Id)
                .Select(f => new ThemeAudit(f.Id, f.Title, new ReportingYear(f.YearStart), f.Text))
                .OrderBy(a => a.Year.StartYear).ThenBy(a => a.Title, StringComparer.Ordinal)
                .ToList()))
            .OrderByDescending(t => t.ReviewCount + t.AuditCount).ThenByDescending(t => t.ReviewCount).ThenBy(t => t.Theme, StringComparer.Ordinal)
            .ToList();
    }

    private static int StatusOrder(DeadlineStatus status) => status switch
    {
        DeadlineStatus.Overdue => 0,
        DeadlineStatus.DueToday => 1,
        DeadlineStatus.DueSoon => 2,
        _ => 3,
    };
}
