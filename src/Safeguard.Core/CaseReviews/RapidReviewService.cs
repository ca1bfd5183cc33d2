using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Identity;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Timescales;

namespace Safeguard.CaseReviews;

/// <summary>An attendee of the rapid review meeting.</summary>
public sealed record MeetingAttendee(Guid AgencyId, string Name);

/// <summary>
/// Running a rapid review step by step: requests for information, responses, the meeting, the
/// recommendation, the three partners' signatures and sending to the Panel. Each step refuses to go ahead
/// of the one it depends on, and the review cannot be completed while a step is missing.
/// </summary>
public sealed class RapidReviewService(SafeguardDbContext db, CalendarAdministration calendar, CaseReviewOptions options)
{
    /// <summary>The day the information is due back.</summary>
    public const int ReturnDay = 10;

    public async Task<RapidReviewSchedule> PlanAsync(RapidReview review, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        return RapidReviewSchedule.Create(await calendar.CalendarAsync(cancellationToken), review.NotifiedOn);
    }

    /// <summary>Sends requests for information to the named agencies (day 1), each due back by day 10.</summary>
    public async Task SendRequestsAsync(Guid reviewId, IReadOnlyCollection<Guid> agencyIds, DateOnly? requestedOn, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agencyIds);
        var review = await LoadAsync(reviewId, cancellationToken);
        var problems = new Problems();
        RefuseIfComplete(review, problems);
        if (agencyIds.Count == 0)
        {
            problems.Add("Agencies", "Select at least one agency to send a request for information to");
        }

        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToListAsync(cancellationToken);
        if (agencies.Count != agencyIds.Distinct().Count())
        {
            problems.Add("Agencies", "One of the selected agencies does not exist");
        }

        foreach (var agency in agencies.Where(a => review.InformationRequests.Any(r => r.AgencyId == a.Id)))
        {
            problems.Add("Agencies", $"{agency.Name} has already been sent a request for information");
        }

        if (requestedOn is null)
        {
            problems.Add("RequestedOn", "Enter the date the requests were sent");
        }

        problems.CheckDate("RequestedOn", requestedOn, UkTime.Today(db.Time), "The date the requests were sent", review.NotifiedOn, "the notification");
        problems.ThrowIfAny();

        var due = (await calendar.CalendarAsync(cancellationToken)).AddWorkingDays(review.NotifiedOn, ReturnDay);
        using var process = db.BeginProcess("CaseReviews.SendInformationRequests", actor);
        foreach (var agency in agencies)
        {
            db.InformationRequests.Add(new InformationRequest { RapidReviewId = review.Id, AgencyId = agency.Id, RequestedOn = requestedOn!.Value, DueOn = due });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records an agency's response: the date received and its text, a document, or both.</summary>
    public async Task RecordResponseAsync(Guid requestId, int version, DateOnly? receivedOn, string? text, DocumentUpload? document, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var request = await db.InformationRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new SafeguardValidationException("Request", "There is no such request for information");
        var review = await LoadAsync(request.RapidReviewId, cancellationToken);
        var problems = new Problems();
        RefuseIfComplete(review, problems);
        if (receivedOn is null)
        {
            problems.Add("ReceivedOn", "Enter the date the response was received");
        }

        problems.CheckDate("ReceivedOn", receivedOn, UkTime.Today(db.Time), "The date the response was received", request.RequestedOn, "the date the request was sent");
        var responseText = problems.Optional("ResponseText", text, "The response", 8000);
        if (responseText is null && document is null)
        {
            problems.Add("ResponseText", "Enter the agency's response or upload its document");
        }

        string? contentType = null;
        if (document is not null)
        {
            try
            {
                contentType = DocumentRules.Check(document, options);
            }
            catch (SafeguardValidationException ex)
            {
                problems.Add("Document", ex.Problems[0].Message);
            }
        }

        problems.ThrowIfAny();
        using var process = db.BeginProcess("CaseReviews.RecordInformationResponse", actor);
        db.Entry(request).Property(r => r.Version).OriginalValue = version;
        if (document is not null)
        {
            var held = NewDocument(review.NotificationId, document, contentType!, actor);
            db.CaseReviewDocuments.Add(held);
            request.DocumentId = held.Id;
        }

        request.ReceivedOn = receivedOn;
        request.ResponseText = responseText;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records the rapid review meeting (day 13): date, attendees by agency, discussion and immediate safety actions.</summary>
    public async Task RecordMeetingAsync(
        Guid reviewId, int version, DateOnly? meetingOn, IReadOnlyList<MeetingAttendee> attendees, string? discussion, string? immediateSafetyActions, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attendees);
        var review = await LoadAsync(reviewId, cancellationToken);
        var problems = new Problems();
        RefuseIfComplete(review, problems);
        if (review.Signatures.Count > 0)
        {
            problems.Add("MeetingOn", "The recommendation has been signed, so the meeting's record cannot change");
        }

        if (meetingOn is null)
        {
            problems.Add("MeetingOn", "Enter the date of the rapid review meeting");
        }

        problems.CheckDate("MeetingOn", meetingOn, UkTime.Today(db.Time), "The date of the meeting", review.NotifiedOn, "the notification");
        var people = attendees.Where(a => !string.IsNullOrWhiteSpace(a.Name)).Select(a => a with { Name = a.Name.Trim() }).ToList();
        if (people.Count == 0)
        {
            problems.Add("Attendees", "Enter who attended the meeting, and for which agency");
        }

        var agencyIds = people.Select(a => a.AgencyId).Distinct().ToList();
        if (await db.Agencies.CountAsync(a => agencyIds.Contains(a.Id), cancellationToken) != agencyIds.Count)
        {
            problems.Add("Attendees", "Select the agency each attendee was there for");
        }

        if (people.Any(p => p.Name.Length > 200))
        {
            problems.Add("Attendees", "An attendee's name must be 200 characters or fewer");
        }

        var discussed = problems.Required("Discussion", discussion, "Enter what the meeting discussed", 8000);
        var safety = problems.Optional("ImmediateSafetyActions", immediateSafetyActions, "The immediate safety actions", 8000);
        problems.ThrowIfAny();

        using var process = db.BeginProcess("CaseReviews.RecordRapidReviewMeeting", actor);
        db.Entry(review).Property(r => r.Version).OriginalValue = version;
        review.MeetingOn = meetingOn;
        review.Discussion = discussed;
        review.ImmediateSafetyActions = safety;
        db.RapidReviewAttendees.RemoveRange(review.Attendees);
        foreach (var person in people)
        {
            db.RapidReviewAttendees.Add(new RapidReviewAttendee { RapidReviewId = review.Id, AgencyId = person.AgencyId, Name = person.Name });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records the meeting's recommendation with its rationale; refused once a partner has signed it.</summary>
    public async Task RecordRecommendationAsync(
        Guid reviewId, int version, RapidReviewOutcome? outcome, string? rationale, DateOnly? recommendedOn, Actor actor, CancellationToken cancellationToken = default)
    {
        var review = await LoadAsync(reviewId, cancellationToken);
        var problems = new Problems();
        RefuseIfComplete(review, problems);
        if (review.MeetingOn is null)
        {
            problems.Add("Recommendation", "Record the rapid review meeting before its recommendation");
        }

        if (review.Signatures.Count > 0)
        {
            problems.Add("Recommendation", "The recommendation has been signed, so it cannot change");
        }

        if (outcome is null || !Enum.IsDefined(outcome.Value))
        {
            problems.Add("Recommendation", "Select the recommendation");
        }

        var why = problems.Required("RecommendationRationale", rationale, "Enter the rationale for the recommendation", 8000);
        if (recommendedOn is null)
        {
            problems.Add("RecommendedOn", "Enter the date of the recommendation");
        }

        problems.CheckDate("RecommendedOn", recommendedOn, UkTime.Today(db.Time), "The date of the recommendation", review.MeetingOn, "the meeting");
        problems.ThrowIfAny();

        using var process = db.BeginProcess("CaseReviews.RecordRapidReviewRecommendation", actor);
        db.Entry(review).Property(r => r.Version).OriginalValue = version;
        review.Recommendation = outcome;
        review.RecommendationRationale = why;
        review.RecommendedOn = recommendedOn;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Signs the recommendation for the statutory partner the signing user's agency speaks for. Only a user
    /// holding <c>reviews.sign</c> in a statutory partner's agency can sign, once per partner.
    /// </summary>
    public async Task<RapidReviewSignature> SignAsync(Guid reviewId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var review = await LoadAsync(reviewId, cancellationToken);
        var problems = new Problems();
        RefuseIfComplete(review, problems);
        if (review.Recommendation is null)
        {
            problems.Add("Signature", "There is no recommendation to sign yet");
        }

        var user = actor.UserId is { } userId ? await db.Users.AsNoTracking().Include(u => u.Agency).FirstOrDefaultAsync(u => u.Id == userId, cancellationToken) : null;
        if (user is null || user.IsDisabled)
        {
            throw new SafeguardValidationException("Signature", "Only a signed-in partner representative can sign a recommendation");
        }

        if (!await HoldsAsync(user.Id, Permissions.SignReviews, cancellationToken))
        {
            problems.Add("Signature", $"{user.DisplayName} is not a partner representative on the case review group, so cannot sign");
        }

        var partner = user.Agency?.StatutoryPartner ?? default;
        if (user.Agency?.StatutoryPartner is null)
        {
            problems.Add("Signature", $"{user.DisplayName}'s agency ({user.Agency?.Name}) is not one of the three statutory safeguarding partners, so cannot sign");
        }
        else if (review.Signatures.FirstOrDefault(s => s.Partner == partner) is { } existing)
        {
            problems.Add("Signature", $"The {PartnerName(partner)} partner has already signed (by {existing.SignedByName} on {Problems.Format(existing.SignedOn)})");
        }

        problems.ThrowIfAny();
        var now = db.Time.GetUtcNow();
        var signature = new RapidReviewSignature
        {
            RapidReviewId = review.Id,
            Partner = partner,
            UserId = user.Id,
            SignedByName = user.DisplayName,
            AgencyId = user.AgencyId,
            SignedAt = now,
            SignedOn = UkTime.ToUkDate(now),
        };
        using var process = db.BeginProcess("CaseReviews.SignRapidReview", actor);
        db.RapidReviewSignatures.Add(signature);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(signature).State = EntityState.Detached;
            throw new SafeguardValidationException("Signature", $"The {PartnerName(partner)} partner has already signed this recommendation");
        }

        return signature;
    }

    /// <summary>What is still missing before the review can be sent to the Panel; empty when nothing is.</summary>
    public static IReadOnlyList<ValidationProblem> MissingSteps(RapidReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var problems = new List<ValidationProblem>();
        if (review.InformationRequests.Count == 0)
        {
            problems.Add(new("InformationRequests", "No requests for information have been sent"));
        }

        foreach (var request in review.InformationRequests.Where(r => r.ReceivedOn is null))
        {
            problems.Add(new("InformationRequests", $"{request.Agency?.Name ?? "An agency"} has not returned its information"));
        }

        if (review.MeetingOn is null)
        {
            problems.Add(new("MeetingOn", "The rapid review meeting has not been recorded"));
        }

        if (review.Recommendation is null)
        {
            problems.Add(new("Recommendation", "The recommendation has not been recorded"));
        }

        foreach (var partner in Enum.GetValues<StatutoryPartner>().Where(p => review.Signatures.All(s => s.Partner != p)))
        {
            problems.Add(new("Signatures", $"The {PartnerName(partner)} partner has not signed the recommendation"));
        }

        return problems;
    }

    /// <summary>Records the date the signed recommendation went to the Panel and the case review group, completing the review.</summary>
    public async Task SendToPanelAsync(Guid reviewId, int version, DateOnly? sentOn, Actor actor, CancellationToken cancellationToken = default)
    {
        var review = await LoadAsync(reviewId, cancellationToken);
        var problems = new Problems();
        RefuseIfComplete(review, problems);
        foreach (var missing in MissingSteps(review))
        {
            problems.Add(missing.Field, missing.Message + ": it cannot be sent to the Panel yet");
        }

        if (sentOn is null)
        {
            problems.Add("SentToPanelOn", "Enter the date the recommendation was sent to the Panel");
        }

        var lastSigned = review.Signatures.Count == 0 ? (DateOnly?)null : review.Signatures.Max(s => s.SignedOn);
        problems.CheckDate("SentToPanelOn", sentOn, UkTime.Today(db.Time), "The date sent to the Panel", lastSigned ?? review.NotifiedOn, lastSigned is null ? "the notification" : "the last signature");
        problems.ThrowIfAny();

        using var process = db.BeginProcess("CaseReviews.SendRapidReviewToPanel", actor);
        db.Entry(review).Property(r => r.Version).OriginalValue = version;
        review.SentToPanelOn = sentOn;
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string PartnerName(StatutoryPartner partner) => partner switch
    {
        StatutoryPartner.LocalAuthority => "local authority",
        StatutoryPartner.Health => "health",
        _ => "police",
    };

    public static string OutcomeName(RapidReviewOutcome outcome) => outcome switch
    {
        RapidReviewOutcome.LocalChildSafeguardingPracticeReview => "Local child safeguarding practice review",
        RapidReviewOutcome.LocalLearningReview => "Local learning review",
        RapidReviewOutcome.ReferralForNationalReview => "Referral for a national review",
        _ => "No further review",
    };

    internal CaseReviewDocument NewDocument(Guid notificationId, DocumentUpload upload, string contentType, Actor actor) => new()
    {
        NotificationId = notificationId,
        FileName = Path.GetFileName(upload.FileName).Trim(),
        ContentType = contentType,
        SizeBytes = upload.Content.LongLength,
        Sha256 = DocumentRules.Sha256Hex(upload.Content),
        Content = upload.Content,
        Description = upload.Description?.Trim() ?? "",
        UploadedAt = db.Time.GetUtcNow(),
        UploadedBy = actor.Name,
    };

    private async Task<bool> HoldsAsync(Guid userId, Permission permission, CancellationToken cancellationToken) =>
        await (from userRole in db.UserRoles
               join claim in db.RoleClaims on userRole.RoleId equals claim.RoleId
               where userRole.UserId == userId && claim.ClaimType == SafeguardClaimTypes.Permission && claim.ClaimValue == permission.Name
               select claim.Id).AnyAsync(cancellationToken);

    private async Task<RapidReview> LoadAsync(Guid reviewId, CancellationToken cancellationToken) =>
        await db.RapidReviews
            .Include(r => r.InformationRequests).ThenInclude(i => i.Agency)
            .Include(r => r.Attendees)
            .Include(r => r.Signatures)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken)
        ?? throw new SafeguardValidationException("RapidReview", "There is no such rapid review");

    private static void RefuseIfComplete(RapidReview review, Problems problems)
    {
        if (review.SentToPanelOn is { } sent)
        {
            problems.Add("RapidReview", $"This rapid review was completed and sent to the Panel on {Problems.Format(sent)}: it can no longer change");
        }
    }
}
