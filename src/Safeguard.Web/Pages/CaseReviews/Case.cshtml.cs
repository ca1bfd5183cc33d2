using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Timescales;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.CaseReviews;

/// <summary>One case: the notification, the rapid review's day plan and steps, sign-off and sending to the Panel.</summary>
[RequirePermission("reviews.view")]
public sealed class CaseModel(SafeguardDbContext db, RapidReviewService rapid, Calendar.CalendarAdministration calendar) : CaseReviewPageModel
{
    public SeriousIncidentNotification? Case { get; private set; }

    public RapidReviewSchedule? Plan { get; private set; }

    public IReadOnlyList<ReviewStep> Steps { get; private set; } = [];

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public IReadOnlyList<CaseReviewDocument> Documents { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>Each practice review's 6-month target and where it stands.</summary>
    public IReadOnlyDictionary<Guid, ReviewStep> PracticeSteps { get; private set; } = new Dictionary<Guid, ReviewStep>();

    [BindProperty]
    public List<Guid> RequestAgencies { get; set; } = [];

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Rationale { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? SafetyActions { get; set; }

    [BindProperty]
    public List<string> AttendeeNames { get; set; } = [];

    [BindProperty]
    public List<Guid> AttendeeAgencies { get; set; } = [];

    [BindProperty]
    public int Version { get; set; }

    /// <summary>
    /// The date input of one request's response form: each request has its own form on the page, so its own key
    /// (and ids); the error summary links to its day box.
    /// </summary>
    public static string ResponseKey(Guid requestId) => $"Response-{requestId}.ReceivedOn";

    /// <summary>Whether the form <paramref name="prefix"/> was refused: its folded-away form is shown open, with the errors beside its fields.</summary>
    public bool Refused(string prefix) =>
        ModelState.Any(e => e.Value is { ValidationState: Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid } && e.Key.StartsWith(prefix + ".", StringComparison.Ordinal));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        using var process = db.BeginProcess("CaseReviews.View", Actor);
        db.RecordAccess(nameof(SeriousIncidentNotification), id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostRequestsAsync(Guid id, CancellationToken cancellationToken)
    {
        var sentOn = ReadDate("Requests.RequestedOn", "date the requests were sent");
        return ManageAsync(id, "Requests", () => rapid.SendRequestsAsync(Case!.RapidReview!.Id, RequestAgencies, sentOn, Actor, cancellationToken),
            "The requests for information are recorded.", cancellationToken);
    }

    public async Task<IActionResult> OnPostResponseAsync(Guid id, Guid requestId, IFormFile? document, CancellationToken cancellationToken)
    {
        DocumentUpload? upload = null;
        if (document is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await document.CopyToAsync(buffer, cancellationToken);
            upload = new DocumentUpload(document.FileName, buffer.ToArray());
        }

        var receivedOn = ReadDate(ResponseKey(requestId), "date the response was received");
        return await ManageAsync(id, $"Response-{requestId}", () => rapid.RecordResponseAsync(requestId, Version, receivedOn, Text, upload, Actor, cancellationToken),
            "The response is recorded.", cancellationToken);
    }

    public Task<IActionResult> OnPostMeetingAsync(Guid id, CancellationToken cancellationToken)
    {
        var meetingOn = ReadDate("Meeting.MeetingOn", "date of the meeting");
        var attendees = AttendeeNames.Zip(AttendeeAgencies, (name, agency) => new MeetingAttendee(agency, name)).ToList();
        return ManageAsync(id, "Meeting", () => rapid.RecordMeetingAsync(Case!.RapidReview!.Id, Version, meetingOn, attendees, Text, SafetyActions, Actor, cancellationToken),
            "The meeting is recorded.", cancellationToken);
    }

    public Task<IActionResult> OnPostRecommendationAsync(Guid id, CancellationToken cancellationToken)
    {
        var recommendedOn = ReadDate("Recommendation.RecommendedOn", "date of the recommendation");
        return ManageAsync(id, "Recommendation", () => rapid.RecordRecommendationAsync(Case!.RapidReview!.Id, Version,
                Enum.TryParse<RapidReviewOutcome>(Outcome, out var o) ? o : null, Rationale, recommendedOn, Actor, cancellationToken),
            "The recommendation is recorded.", cancellationToken);
    }

    public Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken cancellationToken)
    {
        var sentOn = ReadDate("Send.SentToPanelOn", "date sent to the Panel");
        return ManageAsync(id, "Send", () => rapid.SendToPanelAsync(Case!.RapidReview!.Id, Version, sentOn, Actor, cancellationToken),
            "The rapid review is sent to the Panel and the case review group, and complete.", cancellationToken);
    }

    public async Task<IActionResult> OnPostSignAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanSign)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken) || Case!.RapidReview is null)
        {
            return NotFound();
        }

        try
        {
            var signature = await rapid.SignAsync(Case.RapidReview.Id, Actor, cancellationToken);
            Notice = $"You signed the recommendation for the {RapidReviewService.PartnerName(signature.Partner)} partner.";
            return Redirect($"/case-reviews/{id}#signatures");
        }
        catch (SafeguardValidationException ex)
        {
            ShowProblems(ex, "Sign");
        }

        return Page();
    }

    public async Task<IActionResult> OnGetDocumentAsync(Guid id, Guid documentId, CancellationToken cancellationToken)
    {
        var document = await db.CaseReviewDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.NotificationId == id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        using var process = db.BeginProcess("CaseReviews.DownloadDocument", Actor);
        db.RecordAccess(nameof(CaseReviewDocument), documentId.ToString(), AuditAction.Exported, document.FileName);
        await db.SaveChangesAsync(cancellationToken);
        return File(document.Content, document.ContentType, document.FileName);
    }

    private async Task<IActionResult> ManageAsync(Guid id, string prefix, Func<Task> change, string notice, CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken) || Case!.RapidReview is null)
        {
            return NotFound();
        }

        if (await TryChangeAsync(change, prefix))
        {
            Notice = notice;
            return Redirect($"/case-reviews/{id}");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Case = await db.SeriousIncidentNotifications.AsNoTracking()
            .Include(n => n.ResubmissionOf)
            .Include(n => n.RapidReview).ThenInclude(r => r!.InformationRequests).ThenInclude(i => i.Agency)
            .Include(n => n.RapidReview).ThenInclude(r => r!.Attendees).ThenInclude(a => a.Agency)
            .Include(n => n.RapidReview).ThenInclude(r => r!.Signatures)
            .Include(n => n.PracticeReviews)
            .AsSplitQuery()
            .FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (Case is null)
        {
            return false;
        }

        Today = Calendar.UkTime.Today(db.Time);
        Agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).ToListAsync(cancellationToken);
        Documents = await db.CaseReviewDocuments.AsNoTracking().Where(d => d.NotificationId == id)
            .Select(d => new CaseReviewDocument { Id = d.Id, FileName = d.FileName, ContentType = d.ContentType, SizeBytes = d.SizeBytes, Sha256 = d.Sha256, Content = Array.Empty<byte>(), UploadedBy = d.UploadedBy, UploadedAt = d.UploadedAt })
            .ToListAsync(cancellationToken);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        PracticeSteps = Case.PracticeReviews.ToDictionary(p => p.Id, p => ReviewTracker.PracticeReviewNextStep(p, deadlines));
        if (Case.RapidReview is { } review)
        {
            Plan = await rapid.PlanAsync(review, cancellationToken);
            Steps = ReviewTracker.RapidReviewSteps(review, deadlines, await calendar.CalendarAsync(cancellationToken));
        }

        return true;
    }
}
