using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Timescales;
using static Safeguard.Core.Tests.TestDates;

namespace Safeguard.Core.Tests.CaseReviews;

public class RapidReviewTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    private static NotificationDetails Notifiable(DateOnly aware, DateOnly? panel) => new()
    {
        AwareOn = aware,
        ChildName = "Child Z",
        AbuseOrNeglectKnownOrSuspected = true,
        Harm = IncidentHarm.SeriouslyHarmed,
        DecidedNotifiable = true,
        DecisionAgreedBy = "Head of Safeguarding with the partners",
        DecidedOn = aware,
        PanelNotifiedOn = panel,
    };

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_rapid_review_runs_from_notification_to_three_signatures_and_the_Panel(DatabaseProvider provider)
    {
        // Became aware Monday 2 November 2026; Panel notified Wednesday 4 November; today is 23 November.
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var bu = await f.ActorAsync("business.unit");
        var notification = await f.Get<NotificationService>().RecordAsync(Notifiable(D("2026-11-02"), D("2026-11-04")) with { ResubmissionOf = null }, bu, Token);
        Assert.Matches("^[A-Z]26$", notification.Reference);
        var review = await f.Db.RapidReviews.AsNoTracking().SingleAsync(r => r.NotificationId == notification.Id, Token);
        Assert.Equal(D("2026-11-04"), review.NotifiedOn);

        var rapid = f.Get<RapidReviewService>();
        var plan = await rapid.PlanAsync(review, Token);
        Assert.Equal(D("2026-11-25"), plan.Steps[^1].StartDate); // day 15

        await rapid.SendRequestsAsync(review.Id, [await f.AgencyAsync("CSC"), await f.AgencyAsync("POLICE"), await f.AgencyAsync("HOSP")], D("2026-11-05"), bu, Token);
        var requests = await f.Db.InformationRequests.AsNoTracking().Where(r => r.RapidReviewId == review.Id).Include(r => r.Agency).ToListAsync(Token);
        Assert.All(requests, r => Assert.Equal(D("2026-11-18"), r.DueOn)); // day 10
        var csc = await f.AgencyAsync("CSC");
        var again = await Assert.ThrowsAsync<SafeguardValidationException>(() => rapid.SendRequestsAsync(review.Id, [csc], D("2026-11-05"), bu, Token));
        Assert.Contains("already been sent", again.Problems[0].Message, StringComparison.Ordinal);

        foreach (var request in requests)
        {
            var received = request.Agency!.Code == "HOSP" ? D("2026-11-20") : D("2026-11-17");
            await rapid.RecordResponseAsync(request.Id, request.Version, received, $"Chronology from {request.Agency.Code}", null, bu, Token);
        }

        var late = await f.Db.InformationRequests.AsNoTracking().Where(r => r.RapidReviewId == review.Id).ToListAsync(Token);
        Assert.Single(late, r => r.IsLate(D("2026-11-23")));

        var current = await f.Db.RapidReviews.AsNoTracking().SingleAsync(r => r.Id == review.Id, Token);
        var early = await Assert.ThrowsAsync<SafeguardValidationException>(() => rapid.RecordRecommendationAsync(review.Id, current.Version, RapidReviewOutcome.LocalLearningReview, "why", D("2026-11-23"), bu, Token));
        Assert.Contains(early.Problems, p => p.Field == "Recommendation" && p.Message.Contains("meeting", StringComparison.Ordinal));

        await rapid.RecordMeetingAsync(review.Id, current.Version, D("2026-11-23"),
            [new MeetingAttendee(await f.AgencyAsync("CSC"), "Lee Council"), new MeetingAttendee(await f.AgencyAsync("POLICE"), "Piers Police")],
            "Agencies shared what they knew", "Sibling safety plan", bu, Token);
        current = await f.Db.RapidReviews.AsNoTracking().SingleAsync(r => r.Id == review.Id, Token);

        var noRationale = await Assert.ThrowsAsync<SafeguardValidationException>(() => rapid.RecordRecommendationAsync(review.Id, current.Version, RapidReviewOutcome.LocalChildSafeguardingPracticeReview, "  ", D("2026-11-23"), bu, Token));
        Assert.Equal("RecommendationRationale", Assert.Single(noRationale.Problems).Field);
        Assert.Null((await f.Db.RapidReviews.AsNoTracking().SingleAsync(r => r.Id == review.Id, Token)).Recommendation);
        await rapid.RecordRecommendationAsync(review.Id, current.Version, RapidReviewOutcome.LocalChildSafeguardingPracticeReview, "Serious harm and concerns about joint working", D("2026-11-23"), bu, Token);

        // Only the three partners' representatives can sign, once each.
        var memberActor = await f.ActorAsync("review.member");
        var healthActor = await f.ActorAsync("partner.health");
        var policeActor = await f.ActorAsync("partner.police");
        var member = await Assert.ThrowsAsync<SafeguardValidationException>(() => rapid.SignAsync(review.Id, memberActor, Token));
        Assert.Contains("not one of the three statutory safeguarding partners", member.Problems[0].Message, StringComparison.Ordinal);
        var businessUnit = await Assert.ThrowsAsync<SafeguardValidationException>(() => rapid.SignAsync(review.Id, bu, Token));
        Assert.Contains(businessUnit.Problems, p => p.Message.Contains("not a partner representative", StringComparison.Ordinal));
        await rapid.SignAsync(review.Id, await f.ActorAsync("partner.la"), Token);
        await rapid.SignAsync(review.Id, healthActor, Token);
        var twice = await Assert.ThrowsAsync<SafeguardValidationException>(() => rapid.SignAsync(review.Id, healthActor, Token));
        Assert.Contains("The health partner has already signed (by Hana Health on 23 November 2026)", twice.Problems[0].Message, StringComparison.Ordinal);

        current = await f.Db.RapidReviews.AsNoTracking().SingleAsync(r => r.Id == review.Id, Token);
        var incomplete = await Assert.ThrowsAsync<SafeguardValidationException>(() => rapid.SendToPanelAsync(review.Id, current.Version, D("2026-11-23"), bu, Token));
        Assert.Contains(incomplete.Problems, p => p.Field == "Signatures" && p.Message.StartsWith("The police partner has not signed", StringComparison.Ordinal));
        Assert.Null((await f.Db.RapidReviews.AsNoTracking().SingleAsync(r => r.Id == review.Id, Token)).SentToPanelOn);

        await rapid.SignAsync(review.Id, policeActor, Token);
        await rapid.SendToPanelAsync(review.Id, current.Version, D("2026-11-23"), bu, Token);
        var done = await f.Db.RapidReviews.AsNoTracking().Include(r => r.Signatures).SingleAsync(r => r.Id == review.Id, Token);
        Assert.True(done.IsComplete);
        Assert.Equal(3, done.Signatures.Count);
        var after = await Assert.ThrowsAsync<SafeguardValidationException>(() => rapid.SignAsync(review.Id, policeActor, Token));
        Assert.Contains("can no longer change", after.Problems[0].Message, StringComparison.Ordinal);

        var processes = await f.Db.AuditEvents.Where(e => e.Process.StartsWith("CaseReviews.")).Select(e => e.Process).Distinct().ToListAsync(Token);
        Assert.Contains("CaseReviews.SignRapidReview", processes);
        Assert.Contains("CaseReviews.SendRapidReviewToPanel", processes);
        Assert.True((await AuditTrail.VerifyAsync(f.Db, Token)).Intact);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_notification_dated_in_the_future_is_refused_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var before = (await f.Db.SeriousIncidentNotifications.CountAsync(Token), await f.Db.RapidReviews.CountAsync(Token));
        var bu = await f.ActorAsync("business.unit");
        var ex = await Assert.ThrowsAsync<SafeguardValidationException>(() =>
            f.Get<NotificationService>().RecordAsync(Notifiable(D("2026-11-24"), D("2026-11-24")), bu, Token));
        Assert.Contains(ex.Problems, p => p.Field == "AwareOn" && p.Message.Contains("today or in the past", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Field == "PanelNotifiedOn");
        Assert.Equal(before, (await f.Db.SeriousIncidentNotifications.CountAsync(Token), await f.Db.RapidReviews.CountAsync(Token)));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_resubmission_names_the_earlier_case_and_criteria_decide_what_is_notifiable(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var bu = await f.ActorAsync("business.unit");
        var service = f.Get<NotificationService>();
        var first = await service.RecordAsync(Notifiable(D("2021-03-01"), D("2021-03-03")) with { Reference = "D21" }, bu, Token);
        var second = await service.RecordAsync(Notifiable(D("2021-09-01"), null) with { Reference = "q21", ResubmissionOf = "D21" }, bu, Token);
        Assert.Equal("Q21", second.Reference);
        var loaded = await f.Db.SeriousIncidentNotifications.AsNoTracking().Include(n => n.ResubmissionOf).SingleAsync(n => n.Id == second.Id, Token);
        Assert.Equal("Q21 (re-submission of D21)", loaded.DisplayReference);
        Assert.Equal(first.Id, loaded.ResubmissionOfId);

        var duplicate = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.RecordAsync(Notifiable(D("2021-09-01"), null) with { Reference = "D21" }, bu, Token));
        Assert.Equal("The case reference D21 is already used", duplicate.Problems.Single().Message);
        var notHarmed = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.RecordAsync(Notifiable(D("2026-11-20"), null) with { Harm = IncidentHarm.NeitherDiedNorSeriouslyHarmed }, bu, Token));
        Assert.Equal("DecidedNotifiable", notHarmed.Problems.Single().Field);
        Assert.True(NotificationCriteria.AreMet(false, IncidentHarm.Died, lookedAfter: true));
        Assert.False(NotificationCriteria.AreMet(false, IncidentHarm.SeriouslyHarmed, lookedAfter: true));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_tracker_turns_amber_then_red_as_the_fake_clock_moves_and_keeps_overdue_items_first(DatabaseProvider provider)
    {
        // Became aware Friday 20 November 2026: the Panel is due to be notified by Friday 27 November.
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var notification = await f.Get<NotificationService>().RecordAsync(
            Notifiable(D("2026-11-20"), null) with { DecidedNotifiable = null, DecisionAgreedBy = null, DecidedOn = null }, await f.ActorAsync("business.unit"), Token);

        async Task<TrackerItem> ItemAsync() => (await f.Get<ReviewTracker>().OpenItemsAsync(Token)).Single(i => i.NotificationId == notification.Id);
        Assert.Equal((DeadlineStatus.NotYetDue, Rag.Green, D("2026-11-27")), ((await ItemAsync()).NextStep.Assessment.Status, (await ItemAsync()).Rag, (await ItemAsync()).NextStep.DueOn));
        f.Clock.SetUtcNow(At("2026-11-25T10:00:00Z"));
        Assert.Equal((DeadlineStatus.DueSoon, Rag.Amber), ((await ItemAsync()).NextStep.Assessment.Status, (await ItemAsync()).Rag));
        f.Clock.SetUtcNow(At("2026-11-30T10:00:00Z"));
        var overdue = await ItemAsync();
        Assert.Equal((DeadlineStatus.Overdue, Rag.Red, 1), (overdue.NextStep.Assessment.Status, overdue.Rag, overdue.NextStep.Assessment.WorkingDaysLate));

        var items = await f.Get<ReviewTracker>().OpenItemsAsync(Token);
        var firstNotOverdue = items.ToList().FindIndex(i => i.NextStep.Assessment.Status != DeadlineStatus.Overdue);
        Assert.True(firstNotOverdue < 0 || items.Skip(firstNotOverdue).All(i => i.NextStep.Assessment.Status != DeadlineStatus.Overdue));
        Assert.Contains(items, i => i.Review == "Rapid review" && i.Rag == Rag.Red); // the demo review behind its day plan
    }
}
