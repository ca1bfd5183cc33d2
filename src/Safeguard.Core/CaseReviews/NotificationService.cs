using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.CaseReviews;

/// <summary>What a user records about a serious incident notification.</summary>
public sealed record NotificationDetails
{
    public DateOnly? AwareOn { get; init; }

    public string? ChildName { get; init; }

    public Guid? ChildPersonId { get; init; }

    public string? Summary { get; init; }

    public bool AbuseOrNeglectKnownOrSuspected { get; init; }

    public IncidentHarm Harm { get; init; }

    public bool ChildWasLookedAfter { get; init; }

    public bool? DecidedNotifiable { get; init; }

    public string? DecisionAgreedBy { get; init; }

    public DateOnly? DecidedOn { get; init; }

    public DateOnly? PanelNotifiedOn { get; init; }

    /// <summary>Leave empty for the next free reference of the year.</summary>
    public string? Reference { get; init; }

    /// <summary>The reference of the earlier case this re-submits, if any (D21).</summary>
    public string? ResubmissionOf { get; init; }
}

/// <summary>
/// Recording serious incident notifications. Recording the date the Panel was notified opens the rapid
/// review, whose day plan is dated from it.
/// </summary>
public sealed class NotificationService(SafeguardDbContext db)
{
    public async Task<SeriousIncidentNotification> RecordAsync(NotificationDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var notification = new SeriousIncidentNotification { Reference = "", ChildName = "", CreatedAt = db.Time.GetUtcNow() };
        await ApplyAsync(notification, details, isNew: true, cancellationToken);
        using var process = db.BeginProcess("CaseReviews.RecordNotification", actor);
        db.SeriousIncidentNotifications.Add(notification);
        OpenRapidReviewIfNotified(notification, null);
        await db.SaveChangesAsync(cancellationToken);
        return notification;
    }

    public async Task ChangeAsync(Guid id, int version, NotificationDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var notification = await db.SeriousIncidentNotifications.Include(n => n.RapidReview).ThenInclude(r => r!.InformationRequests)
            .FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new SafeguardValidationException("Notification", "There is no such notification");
        await ApplyAsync(notification, details, isNew: false, cancellationToken);
        using var process = db.BeginProcess("CaseReviews.ChangeNotification", actor);
        db.Entry(notification).Property(n => n.Version).OriginalValue = version;
        OpenRapidReviewIfNotified(notification, notification.RapidReview);
        await db.SaveChangesAsync(cancellationToken);
    }

    private void OpenRapidReviewIfNotified(SeriousIncidentNotification notification, RapidReview? existing)
    {
        if (notification.PanelNotifiedOn is not { } notified)
        {
            return;
        }

        if (existing is null)
        {
            db.RapidReviews.Add(new RapidReview { NotificationId = notification.Id, NotifiedOn = notified });
        }
        else if (existing.NotifiedOn != notified)
        {
            existing.NotifiedOn = notified;
        }
    }

    private async Task ApplyAsync(SeriousIncidentNotification n, NotificationDetails d, bool isNew, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(db.Time);
        var problems = new Problems();
        if (d.AwareOn is null)
        {
            problems.Add("AwareOn", "Enter the date the council became aware of the incident");
        }

        problems.CheckDate("AwareOn", d.AwareOn, today, "The date the council became aware");
        var childName = problems.Required("ChildName", d.ChildName, "Enter how the child is known on the review (initials or a pseudonym)", 200);
        var summary = problems.Optional("Summary", d.Summary, "The summary", 4000) ?? "";
        if (!Enum.IsDefined(d.Harm))
        {
            problems.Add("Harm", "Select whether the child died or was seriously harmed");
        }

        var criteriaMet = NotificationCriteria.AreMet(d.AbuseOrNeglectKnownOrSuspected, d.Harm, d.ChildWasLookedAfter);
        var agreedBy = problems.Optional("DecisionAgreedBy", d.DecisionAgreedBy, "Who agreed the decision", 500);
        if (d.DecidedNotifiable is { } decided)
        {
            if (decided && !criteriaMet)
            {
                problems.Add("DecidedNotifiable",
                    "The incident is notifiable only when abuse or neglect is known or suspected and the child died or was seriously harmed, or a looked-after child died: record the criteria first");
            }

            if (agreedBy is null)
            {
                problems.Add("DecisionAgreedBy", "Enter who agreed the decision (the safeguarding partners' representatives)");
            }

            if (d.DecidedOn is null)
            {
                problems.Add("DecidedOn", "Enter the date the decision was made");
            }

            problems.CheckDate("DecidedOn", d.DecidedOn, today, "The date of the decision", d.AwareOn, "the date the council became aware");
        }

        if (d.PanelNotifiedOn is not null)
        {
            if (d.DecidedNotifiable != true)
            {
                problems.Add("PanelNotifiedOn", "Record the decision that the incident is notifiable before the date the Panel was notified");
            }

            problems.CheckDate("PanelNotifiedOn", d.PanelNotifiedOn, today, "The date the Panel was notified", d.AwareOn, "the date the council became aware");
        }
        else if (n.PanelNotifiedOn is not null)
        {
            problems.Add("PanelNotifiedOn", "The Panel has been notified and the rapid review started: the date cannot be removed");
        }

        if (n.RapidReview is { } review && d.PanelNotifiedOn is { } newDate && newDate != review.NotifiedOn && review.InformationRequests.Count > 0)
        {
            problems.Add("PanelNotifiedOn", "The rapid review has already sent its requests for information, dated from the notification: the date cannot change now");
        }

        var reference = d.Reference?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(reference))
        {
            if (!CaseReference.IsValid(reference))
            {
                problems.Add("Reference", "The case reference must be a letter and a two-digit year, like E21");
            }
            else if (await db.SeriousIncidentNotifications.AnyAsync(x => x.Reference == reference && x.Id != n.Id, cancellationToken))
            {
                problems.Add("Reference", $"The case reference {reference} is already used");
            }
        }

        Guid? resubmissionOf = null;
        var earlierReference = d.ResubmissionOf?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(earlierReference))
        {
            var earlier = await db.SeriousIncidentNotifications.AsNoTracking().FirstOrDefaultAsync(x => x.Reference == earlierReference, cancellationToken);
            if (earlier is null)
            {
                problems.Add("ResubmissionOf", $"There is no case with the reference {earlierReference}");
            }
            else if (earlier.Id == n.Id)
            {
                problems.Add("ResubmissionOf", "A case cannot be a re-submission of itself");
            }
            else
            {
                resubmissionOf = earlier.Id;
            }
        }

        problems.ThrowIfAny();
        if (string.IsNullOrEmpty(reference))
        {
            reference = isNew || n.Reference.Length == 0
                ? CaseReference.Next(d.AwareOn!.Value, await db.SeriousIncidentNotifications.Select(x => x.Reference).ToListAsync(cancellationToken))
                : n.Reference;
        }

        n.Reference = reference;
        n.AwareOn = d.AwareOn!.Value;
        n.ChildName = childName;
        n.ChildPersonId = d.ChildPersonId;
        n.Summary = summary;
        n.AbuseOrNeglectKnownOrSuspected = d.AbuseOrNeglectKnownOrSuspected;
        n.Harm = d.Harm;
        n.ChildWasLookedAfter = d.ChildWasLookedAfter;
        n.DecidedNotifiable = d.DecidedNotifiable;
        n.DecisionAgreedBy = d.DecidedNotifiable is null ? null : agreedBy;
        n.DecidedOn = d.DecidedNotifiable is null ? null : d.DecidedOn;
        n.PanelNotifiedOn = d.PanelNotifiedOn;
        n.ResubmissionOfId = resubmissionOf;
    }
}
