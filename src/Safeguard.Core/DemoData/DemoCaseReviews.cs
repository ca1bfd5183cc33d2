using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.CaseReviews;
using Safeguard.Organisations;
using Safeguard.Persistence;

namespace Safeguard.DemoData;

/// <summary>
/// Demo cases dated from today, so the tracker always has something to show: a rapid review behind its day
/// plan, a notification still to be made, an LCSPR past its six months with actions (one overdue, one
/// declined with its reason), and an earlier case sharing a learning theme. Added only when there are no
/// cases yet, so seeding again changes nothing.
/// </summary>
internal static class DemoCaseReviews
{
    public static async Task<int> SeedAsync(SafeguardDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        if (await db.SeriousIncidentNotifications.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var today = UkTime.Today(db.Time);
        var calendar = await new CalendarAdministration(db, new Timescales.DeadlineServiceOptions()).CalendarAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, cancellationToken);
        var themes = await db.LearningThemes.AsNoTracking().ToDictionaryAsync(t => t.Name, cancellationToken);
        var partners = await db.Users.AsNoTracking().Include(u => u.Agency)
            .Where(u => u.UserName == "partner.la" || u.UserName == "partner.health" || u.UserName == "partner.police")
            .ToListAsync(cancellationToken);
        if (agencies.Count < 6 || themes.Count == 0 || partners.Count != 3)
        {
            return 0;
        }

        DateOnly WorkingDaysAgo(int days)
        {
            var date = today;
            for (var i = 0; i < days; i++)
            {
                date = calendar.PreviousWorkingDay(date);
            }

            return date;
        }

        string Ref(string letter, DateOnly aware) => $"{letter}{aware.Year % 100:00}";
        using var process = db.BeginProcess("Demo.Seed", actor);

        // An earlier case, concluded, whose theme recurs.
        var earlierAware = today.AddMonths(-20);
        var earlier = Notification(db.Time.GetUtcNow(), Ref("D", earlierAware), earlierAware, "Child D", "Infant with unexplained injuries; family known to several agencies.");
        earlier.PanelNotifiedOn = calendar.AddWorkingDays(earlierAware, 3);
        db.SeriousIncidentNotifications.Add(earlier);
        var earlierReview = new RapidReview { NotificationId = earlier.Id, NotifiedOn = earlier.PanelNotifiedOn.Value };
        earlierReview.MeetingOn = calendar.AddWorkingDays(earlierReview.NotifiedOn, 13);
        earlierReview.Discussion = "Information held by health and police was not shared with children's social care.";
        earlierReview.Recommendation = RapidReviewOutcome.LocalLearningReview;
        earlierReview.RecommendationRationale = "Learning about information sharing can be drawn out locally without a full LCSPR.";
        earlierReview.RecommendedOn = earlierReview.MeetingOn;
        earlierReview.SentToPanelOn = calendar.AddWorkingDays(earlierReview.NotifiedOn, 15);
        db.RapidReviews.Add(earlierReview);
        Sign(db, earlierReview, partners, calendar.AddWorkingDays(earlierReview.NotifiedOn, 14));
        db.Findings.Add(new Finding { NotificationId = earlier.Id, Text = "Health visiting concerns were not passed to the front door.", LearningThemeId = themes["Information sharing"].Id, RecordedOn = earlierReview.MeetingOn.Value });

        // An LCSPR started eight months ago: its final report is overdue; actions in every state.
        var lcsprAware = today.AddMonths(-9);
        var lcspr = Notification(db.Time.GetUtcNow(), Ref("E", lcsprAware), lcsprAware, "Child E", "Teenager seriously harmed; domestic abuse in the household.");
        lcspr.PanelNotifiedOn = calendar.AddWorkingDays(lcsprAware, 4);
        db.SeriousIncidentNotifications.Add(lcspr);
        var lcsprRapid = new RapidReview { NotificationId = lcspr.Id, NotifiedOn = lcspr.PanelNotifiedOn.Value };
        lcsprRapid.MeetingOn = calendar.AddWorkingDays(lcsprRapid.NotifiedOn, 13);
        lcsprRapid.Discussion = "Agencies held pieces of the picture of domestic abuse; no one brought them together.";
        lcsprRapid.ImmediateSafetyActions = "Siblings' safety plan reviewed at a strategy discussion.";
        lcsprRapid.Recommendation = RapidReviewOutcome.LocalChildSafeguardingPracticeReview;
        lcsprRapid.RecommendationRationale = "Serious harm with cause for concern about how agencies worked together.";
        lcsprRapid.RecommendedOn = lcsprRapid.MeetingOn;
        lcsprRapid.SentToPanelOn = calendar.AddWorkingDays(lcsprRapid.NotifiedOn, 15);
        db.RapidReviews.Add(lcsprRapid);
        Sign(db, lcsprRapid, partners, calendar.AddWorkingDays(lcsprRapid.NotifiedOn, 14));
        db.PracticeReviews.Add(new PracticeReview
        {
            NotificationId = lcspr.Id,
            Kind = PracticeReviewKind.LocalChildSafeguardingPracticeReview,
            Reviewer = "Independent reviewer (demo)",
            TermsOfReference = "How agencies recognised and responded to domestic abuse in the household in the year before the incident.",
            StartedOn = today.AddMonths(-8),
            PractitionerInvolvement = "Practitioner learning event held.",
            DraftReportOn = today.AddMonths(-1),
        });
        var finding = new Finding { NotificationId = lcspr.Id, Text = "Police domestic abuse notifications did not reach the school.", LearningThemeId = themes["Information sharing"].Id, RecordedOn = today.AddMonths(-2) };
        var voice = new Finding { NotificationId = lcspr.Id, Text = "The young person's own account was not sought.", LearningThemeId = themes["Voice of the child"].Id, RecordedOn = today.AddMonths(-2) };
        db.Findings.AddRange(finding, voice);
        var recommendation = new Recommendation { NotificationId = lcspr.Id, FindingId = finding.Id, Text = "Share police domestic abuse notifications with schools the next working day.", RecordedOn = today.AddMonths(-2) };
        db.Recommendations.Add(recommendation);
        db.ReviewActions.AddRange(
            new ReviewAction { RecommendationId = recommendation.Id, Description = "Set up Operation Encompass notifications to every school.", OwningAgencyId = agencies["POLICE"].Id, Owner = "Public Protection Unit manager", DueOn = today.AddDays(-14), Status = ReviewActionStatus.InProgress },
            new ReviewAction { RecommendationId = recommendation.Id, Description = "Train designated safeguarding leads on acting on notifications.", OwningAgencyId = agencies["SCHOOLS"].Id, Owner = "Education safeguarding lead", DueOn = today.AddMonths(2), Status = ReviewActionStatus.NotStarted },
            new ReviewAction { RecommendationId = recommendation.Id, Description = "Audit notifications received by schools.", OwningAgencyId = agencies["CSC"].Id, Owner = "QA officer", DueOn = today.AddMonths(-1), Status = ReviewActionStatus.SignedOff, Evidence = "Audit report to the case review group.", CompletedOn = today.AddMonths(-1), SignedOffOn = today.AddDays(-20), SignedOffBy = "Case review group" },
            new ReviewAction { RecommendationId = recommendation.Id, Description = "Employ a dedicated notifications officer.", OwningAgencyId = agencies["POLICE"].Id, Owner = "Chief inspector", DueOn = today.AddMonths(-1), Status = ReviewActionStatus.Declined, DeclinedReason = "The notifications are now automated, so a dedicated post is not needed.", DeclinedOn = today.AddDays(-25) });

        // A rapid review behind its day plan: notified 18 working days ago, no meeting yet.
        var lateAware = WorkingDaysAgo(21);
        var late = Notification(db.Time.GetUtcNow(), Ref("F", lateAware), lateAware, "Child F", "Toddler admitted to hospital with a head injury.");
        late.PanelNotifiedOn = WorkingDaysAgo(18);
        db.SeriousIncidentNotifications.Add(late);
        var lateReview = new RapidReview { NotificationId = late.Id, NotifiedOn = late.PanelNotifiedOn.Value };
        db.RapidReviews.Add(lateReview);
        var requested = calendar.AddWorkingDays(lateReview.NotifiedOn, 1);
        var due = calendar.AddWorkingDays(lateReview.NotifiedOn, RapidReviewService.ReturnDay);
        db.InformationRequests.AddRange(
            new InformationRequest { RapidReviewId = lateReview.Id, AgencyId = agencies["CSC"].Id, RequestedOn = requested, DueOn = due, ReceivedOn = calendar.AddWorkingDays(lateReview.NotifiedOn, 8), ResponseText = "Chronology of children's social care involvement." },
            new InformationRequest { RapidReviewId = lateReview.Id, AgencyId = agencies["HOSP"].Id, RequestedOn = requested, DueOn = due, ReceivedOn = calendar.AddWorkingDays(lateReview.NotifiedOn, 12), ResponseText = "Emergency department and paediatric records summary." },
            new InformationRequest { RapidReviewId = lateReview.Id, AgencyId = agencies["POLICE"].Id, RequestedOn = requested, DueOn = due });

        // A notification still to be made to the Panel.
        var newAware = WorkingDaysAgo(2);
        db.SeriousIncidentNotifications.Add(Notification(db.Time.GetUtcNow(), Ref("G", newAware), newAware, "Child G", "Baby died suddenly; concerns about neglect."));

        await db.SaveChangesAsync(cancellationToken);
        return 4;
    }

    private static SeriousIncidentNotification Notification(DateTimeOffset now, string reference, DateOnly aware, string child, string summary) => new()
    {
        Reference = reference,
        AwareOn = aware,
        ChildName = child,
        Summary = summary,
        AbuseOrNeglectKnownOrSuspected = true,
        Harm = child == "Child E" ? IncidentHarm.SeriouslyHarmed : IncidentHarm.Died,
        DecidedNotifiable = child == "Child G" ? null : true,
        DecisionAgreedBy = child == "Child G" ? null : "Head of Safeguarding and Quality Assurance with the three partners",
        DecidedOn = child == "Child G" ? null : aware,
        CreatedAt = now,
    };

    private static void Sign(SafeguardDbContext db, RapidReview review, IEnumerable<Identity.User> partners, DateOnly on)
    {
        foreach (var user in partners)
        {
            db.RapidReviewSignatures.Add(new RapidReviewSignature
            {
                RapidReviewId = review.Id,
                Partner = user.Agency!.StatutoryPartner ?? StatutoryPartner.LocalAuthority,
                UserId = user.Id,
                SignedByName = user.DisplayName,
                AgencyId = user.AgencyId,
                SignedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero),
                SignedOn = on,
            });
        }
    }
}
