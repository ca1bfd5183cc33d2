using Microsoft.EntityFrameworkCore;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Timescales;
using static Safeguard.Core.Tests.TestDates;

namespace Safeguard.Core.Tests.CaseReviews;

public class PracticeReviewTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    private static PracticeReviewDetails Commissioned => new()
    {
        Kind = PracticeReviewKind.LocalLearningReview,
        Reviewer = "  A. Reviewer, Independent Reviews Ltd  ",
        TermsOfReference = "How information about the infant was shared between health visiting and the front door.",
        StartedOn = D("2026-09-01"),
    };

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Commissioning_refuses_each_missing_or_wrong_field_by_name_and_saves_nothing(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var bu = await f.ActorAsync("business.unit");
        var service = f.Get<PracticeReviewService>();
        var childD = await f.Db.SeriousIncidentNotifications.AsNoTracking().SingleAsync(n => n.ChildName == "Child D", Token);
        var before = await f.Db.PracticeReviews.CountAsync(Token);

        var empty = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.CommissionAsync(childD.Id, new PracticeReviewDetails(), bu, Token));
        Assert.Equal(["Kind", "Reviewer", "TermsOfReference", "StartedOn"], empty.Problems.Select(p => p.Field));
        Assert.Equal("Enter the reviewer commissioned", empty.Problems[1].Message);

        var future = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.CommissionAsync(childD.Id, Commissioned with { StartedOn = D("2026-11-24") }, bu, Token));
        Assert.Equal(("StartedOn", "The start date must be today or in the past, not 24 November 2026"), (future.Problems.Single().Field, future.Problems.Single().Message));
        var beforeAware = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.CommissionAsync(childD.Id, Commissioned with { StartedOn = childD.AwareOn.AddDays(-1) }, bu, Token));
        Assert.Contains("on or after the date the council became aware", beforeAware.Problems.Single().Message, StringComparison.Ordinal);

        var finalBeforeDraft = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.CommissionAsync(childD.Id, Commissioned with { DraftReportOn = D("2026-11-02"), FinalReportOn = D("2026-11-01") }, bu, Token));
        Assert.Equal(("FinalReportOn", "The final report date must be on or after the draft report (2 November 2026)"), (finalBeforeDraft.Problems.Single().Field, finalBeforeDraft.Problems.Single().Message));

        var sentEarly = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.CommissionAsync(childD.Id, Commissioned with { Publish = true, SentToPanelOn = D("2026-11-20"), SentToOfstedOn = D("2026-11-20") }, bu, Token));
        Assert.Equal(["Publish", "SentToPanelOn", "SentToOfstedOn"], sentEarly.Problems.Select(p => p.Field));
        Assert.Equal("The date sent to the Panel needs the final report date first", sentEarly.Problems[1].Message);

        Assert.Equal(before, await f.Db.PracticeReviews.CountAsync(Token));
        var review = await service.CommissionAsync(childD.Id, Commissioned, bu, Token);
        var stored = await f.Db.PracticeReviews.AsNoTracking().SingleAsync(p => p.Id == review.Id, Token);
        Assert.Equal(("A. Reviewer, Independent Reviews Ltd", D("2026-09-01"), false), (stored.Reviewer, stored.StartedOn, stored.IsConcluded));
        Assert.Contains(await f.Db.AuditEvents.AsNoTracking().Where(e => e.EntityId == review.Id.ToString()).Select(e => e.Process).ToListAsync(Token), p => p == "CaseReviews.CommissionPracticeReview");
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Not_publishing_needs_reasons_and_the_review_concludes_when_sent_to_the_Panel_the_Secretary_of_State_and_Ofsted(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var bu = await f.ActorAsync("business.unit");
        var service = f.Get<PracticeReviewService>();
        var childD = await f.Db.SeriousIncidentNotifications.AsNoTracking().SingleAsync(n => n.ChildName == "Child D", Token);
        var review = await service.CommissionAsync(childD.Id, Commissioned, bu, Token);
        var firstVersion = review.Version;
        var reported = Commissioned with { DraftReportOn = D("2026-10-15"), FinalReportOn = D("2026-11-16") };

        var noReasons = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.ChangeAsync(review.Id, firstVersion, reported with { Publish = false, PublicationReasons = "  " }, bu, Token));
        Assert.Equal(("PublicationReasons", "Enter the reasons for not publishing the report"), (noReasons.Problems.Single().Field, noReasons.Problems.Single().Message));
        var publishedWithoutDecision = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.ChangeAsync(review.Id, firstVersion, reported with { Publish = false, PublicationReasons = "Family's wishes", PublishedOn = D("2026-11-18") }, bu, Token));
        Assert.Equal("PublishedOn", publishedWithoutDecision.Problems.Single().Field);
        Assert.Null((await f.Db.PracticeReviews.AsNoTracking().SingleAsync(p => p.Id == review.Id, Token)).FinalReportOn);

        // Publishing needs no reasons.
        await service.ChangeAsync(review.Id, firstVersion, reported with { Publish = true, PublishedOn = D("2026-11-18") }, bu, Token);
        var published = await f.Db.PracticeReviews.AsNoTracking().SingleAsync(p => p.Id == review.Id, Token);
        Assert.Equal((true, (string?)null, false), (published.Publish, published.PublicationReasons, published.IsConcluded));

        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.ChangeAsync(review.Id, firstVersion, reported with { Publish = false, PublicationReasons = "Identifies the sibling" }, bu, Token));
        Assert.Contains("changed by someone else", stale.Message, StringComparison.Ordinal);

        await service.ChangeAsync(review.Id, published.Version, reported with
        {
            Publish = false,
            PublicationReasons = "Publishing would identify the surviving sibling",
            SentToPanelOn = D("2026-11-19"),
            SentToSecretaryOfStateOn = D("2026-11-19"),
            SentToOfstedOn = D("2026-11-20"),
        }, bu, Token);
        var concluded = await f.Db.PracticeReviews.AsNoTracking().SingleAsync(p => p.Id == review.Id, Token);
        Assert.Equal((true, D("2026-11-20"), "Publishing would identify the surviving sibling"), (concluded.IsConcluded, concluded.ConcludedOn, concluded.PublicationReasons));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_six_month_target_turns_red_on_the_tracker_when_the_clock_passes_it(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var bu = await f.ActorAsync("business.unit");
        var childD = await f.Db.SeriousIncidentNotifications.AsNoTracking().SingleAsync(n => n.ChildName == "Child D", Token);
        var review = await f.Get<PracticeReviewService>().CommissionAsync(childD.Id, Commissioned, bu, Token);

        async Task<TrackerItem> ItemAsync() =>
            (await f.Get<ReviewTracker>().OpenItemsAsync(Token)).Single(i => i.NotificationId == childD.Id);

        var onTrack = await ItemAsync();
        Assert.Equal(("Final report", D("2027-03-01"), Rag.Green), (onTrack.NextStep.Description, onTrack.NextStep.DueOn, onTrack.Rag));

        f.Clock.SetUtcNow(At("2027-03-02T10:00:00Z"));
        var late = await ItemAsync();
        Assert.Equal((Rag.Red, DeadlineStatus.Overdue), (late.Rag, late.NextStep.Assessment.Status));

        var stored = await f.Db.PracticeReviews.AsNoTracking().SingleAsync(p => p.Id == review.Id, Token);
        var concluded = ReviewTracker.PracticeReviewNextStep(
            new PracticeReview
            {
                Reviewer = stored.Reviewer,
                StartedOn = stored.StartedOn,
                FinalReportOn = D("2027-02-01"),
                Publish = true,
                SentToPanelOn = D("2027-02-10"),
                SentToSecretaryOfStateOn = D("2027-02-10"),
                SentToOfstedOn = D("2027-02-12"),
            },
            await f.Get<Safeguard.Calendar.CalendarAdministration>().DeadlinesAsync(Token));
        Assert.Equal(("Concluded", DeadlineStatus.MetOnTime, D("2027-02-12")), (concluded.Description, concluded.Assessment.Status, concluded.DoneOn));
    }
}
