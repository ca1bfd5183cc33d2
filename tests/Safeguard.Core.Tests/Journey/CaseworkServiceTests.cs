using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Identity;
using Safeguard.Journey;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Timescales;
using static Safeguard.Core.Tests.Journey.JourneyFixture;

namespace Safeguard.Core.Tests.Journey;

public class CaseworkServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_whole_journey_is_recorded_with_derived_deadlines_and_every_step_is_audited(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var c = f.Casework;
        var episodeId = await f.OpenAsync();
        var assessmentId = (await c.StartAssessmentAsync(episodeId, await f.VersionAsync(episodeId), D(10, 2), D(10, 5), f.Worker, Ct)).Id;
        await c.CompleteAssessmentAsync(episodeId, await f.VersionAsync(episodeId), assessmentId, null, D(10, 16), ["3B", "4B"], f.Worker, Ct);
        await c.RecordStrategyDiscussionAsync(episodeId, await f.VersionAsync(episodeId), D(10, 20), StrategyOutcome.Section47, f.Worker, Ct);
        var enquiry = (await f.EpisodeAsync(episodeId)).Enquiries.Single();
        Assert.Equal(D(11, 10), enquiry.IcpcTargetDate); // 15 working days after Tuesday 20 October
        var planId = (await c.RecordInitialConferenceAsync(episodeId, await f.VersionAsync(episodeId), enquiry.Id, D(11, 5), ConferenceOutcome.Plan, "emo", f.Worker, Ct)).Id;
        await c.RecordReviewConferenceAsync(episodeId, await f.VersionAsync(episodeId), planId, D(11, 20), "MUL", f.Worker, Ct);

        var journey = (await c.GetAsync(f.ChildId, f.Worker, Ct))!;
        var plan = journey.Current!.ProtectionPlans.Single();
        Assert.Equal(("EMO", "MUL", D(11, 5)), (plan.InitialCategory, plan.LatestCategory, plan.StartDate));
        var due = Assert.Single(journey.Due);
        Assert.Equal(("Review conference", new DateOnly(2027, 5, 20)), (due.What, due.Assessment.Deadline.DueDate)); // 6 months after the review

        await c.EndProtectionPlanAsync(episodeId, await f.VersionAsync(episodeId), planId, D(11, 23), f.Worker, Ct);
        await c.CloseAsync(episodeId, await f.VersionAsync(episodeId), D(11, 23), "RC7", f.Worker, Ct);
        var processes = await f.Services.Db.AuditEvents.Where(e => e.ActorUserId == f.Worker.UserId).Select(e => e.Process).Distinct().ToListAsync(Ct);
        Assert.Superset(
            new HashSet<string> { "Casework.OpenReferral", "Casework.StartAssessment", "Casework.CompleteAssessment", "Casework.StrategyDiscussion", "Casework.InitialConference", "Casework.ReviewConference", "Casework.EndProtectionPlan", "Casework.Close", "Casework.View" },
            processes.ToHashSet());
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_first_review_is_due_three_months_after_the_initial_conference(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var episodeId = await f.OpenAsync();
        await f.Casework.RecordStrategyDiscussionAsync(episodeId, await f.VersionAsync(episodeId), D(10, 20), StrategyOutcome.Section47, f.Worker, Ct);
        var enquiry = (await f.EpisodeAsync(episodeId)).Enquiries.Single();
        var icpc = (await f.Casework.GetAsync(f.ChildId, f.Worker, Ct))!.Due.Single();
        Assert.Equal(("Initial child protection conference", DeadlineStatus.Overdue), (icpc.What, icpc.Assessment.Status));

        await f.Casework.RecordInitialConferenceAsync(episodeId, await f.VersionAsync(episodeId), enquiry.Id, D(11, 5), ConferenceOutcome.Plan, "NEG", f.Worker, Ct);

        var due = (await f.Casework.GetAsync(f.ChildId, f.Worker, Ct))!.Due.Single();
        Assert.Equal(("First review conference", new DateOnly(2027, 2, 5)), (due.What, due.Assessment.Deadline.DueDate));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_assessment_cannot_start_before_its_referral_but_can_on_the_day(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var episodeId = await f.OpenAsync();

        var ex = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Casework.StartAssessmentAsync(episodeId, 0, Referral.AddDays(-1), null, f.Worker, Ct));
        Assert.Equal("StartDate", ex.Problems.Single().Field);
        Assert.Contains("on or after the referral", ex.Problems.Single().Message, StringComparison.Ordinal);

        await f.Casework.StartAssessmentAsync(episodeId, 0, Referral, null, f.Worker, Ct);
        Assert.Single((await f.EpisodeAsync(episodeId)).Assessments);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Dates_in_the_future_are_refused_and_today_is_accepted(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);

        var ex = await Assert.ThrowsAsync<SafeguardValidationException>(() =>
            f.Casework.OpenReferralAsync(f.ChildId, new NewReferral(Today.AddDays(1), "2A", "N1", false), f.Worker, Ct));
        Assert.Equal("ReferralDate", ex.Problems.Single().Field);
        Assert.Contains("today or in the past", ex.Problems.Single().Message, StringComparison.Ordinal);

        await f.OpenAsync(referral: Today);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_plan_cannot_end_before_or_on_the_day_it_starts(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var episodeId = await f.OpenAsync();
        var planId = (await f.Casework.StartCinPlanAsync(episodeId, 0, D(10, 10), f.Worker, Ct)).Id;

        foreach (var end in new[] { D(10, 9), D(10, 10) })
        {
            var ex = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Casework.EndCinPlanAsync(episodeId, 1, planId, end, f.Worker, Ct));
            Assert.Equal("EndDate", ex.Problems.Single().Field);
        }

        await f.Casework.EndCinPlanAsync(episodeId, 1, planId, D(10, 11), f.Worker, Ct);
        Assert.Equal(D(10, 11), (await f.EpisodeAsync(episodeId)).CinPlans.Single().EndDate);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_child_has_one_open_episode_and_another_can_open_once_it_closes(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var first = await f.OpenAsync();

        var ex = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.OpenAsync(referral: D(11, 1)));
        Assert.Contains("already has an open episode", ex.Problems.Single().Message, StringComparison.Ordinal);

        await f.Casework.CloseAsync(first, 0, D(10, 30), "RC7", f.Worker, Ct);
        await f.OpenAsync(referral: D(11, 1));
        Assert.Equal(2, await f.Services.Db.NeedEpisodes.CountAsync(Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task No_factors_identified_stands_alone(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var episodeId = await f.OpenAsync();
        var assessmentId = (await f.Casework.StartAssessmentAsync(episodeId, 0, D(10, 2), null, f.Worker, Ct)).Id;

        var ex = await Assert.ThrowsAsync<SafeguardValidationException>(() =>
            f.Casework.CompleteAssessmentAsync(episodeId, 1, assessmentId, null, D(10, 20), ["21", "3B"], f.Worker, Ct));
        Assert.Equal("Factors", ex.Problems.Single().Field);

        await f.Casework.CompleteAssessmentAsync(episodeId, 1, assessmentId, null, D(10, 20), ["21"], f.Worker, Ct);
        Assert.Equal("21", (await f.EpisodeAsync(episodeId)).Assessments.Single().Factors);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_initial_conference_needs_an_open_section_47_enquiry(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var episodeId = await f.OpenAsync();
        var discussion = (await f.Casework.RecordStrategyDiscussionAsync(episodeId, 0, D(10, 5), StrategyOutcome.NoSection47, f.Worker, Ct)).Id;

        var ex = await Assert.ThrowsAsync<SafeguardValidationException>(() =>
            f.Casework.RecordInitialConferenceAsync(episodeId, 1, discussion, D(10, 20), ConferenceOutcome.NoPlan, null, f.Worker, Ct));
        Assert.Equal("EnquiryId", ex.Problems.Single().Field);

        await f.Casework.RecordStrategyDiscussionAsync(episodeId, 1, D(10, 6), StrategyOutcome.Section47, f.Worker, Ct);
        var enquiry = (await f.EpisodeAsync(episodeId)).Enquiries.Single();
        await f.Casework.RecordInitialConferenceAsync(episodeId, 2, enquiry.Id, D(10, 20), ConferenceOutcome.NoPlan, null, f.Worker, Ct);
        Assert.Equal(D(10, 20), (await f.EpisodeAsync(episodeId)).Enquiries.Single().ConferenceDate);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Closing_after_assessment_needs_an_assessment(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var episodeId = await f.OpenAsync();

        var ex = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Casework.CloseAsync(episodeId, 0, D(10, 30), "RC8", f.Worker, Ct));
        Assert.Equal("ReasonForClosure", ex.Problems.Single().Field);

        var assessmentId = (await f.Casework.StartAssessmentAsync(episodeId, 0, D(10, 2), null, f.Worker, Ct)).Id;
        await f.Casework.CompleteAssessmentAsync(episodeId, 1, assessmentId, null, D(10, 20), ["21"], f.Worker, Ct);
        await f.Casework.CloseAsync(episodeId, 2, D(10, 30), "RC8", f.Worker, Ct);
        Assert.Equal("RC8", (await f.EpisodeAsync(episodeId)).ReasonForClosure);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_census_error_the_change_brings_in_refuses_it_naming_the_rule_and_the_field(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var episodeId = await f.OpenAsync();
        var assessmentId = (await f.Casework.StartAssessmentAsync(episodeId, 0, D(10, 2), null, f.Worker, Ct)).Id;

        // 8867: a closed episode has no assessment without an authorisation date.
        var ex = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Casework.CloseAsync(episodeId, 1, D(10, 30), "RC7", f.Worker, Ct));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal("ClosureDate", problem.Field);
        Assert.StartsWith("Census rule 8867:", problem.Message, StringComparison.Ordinal);
        Assert.Null((await f.EpisodeAsync(episodeId)).ClosureDate);

        await f.Casework.CompleteAssessmentAsync(episodeId, 1, assessmentId, null, D(10, 20), ["3B"], f.Worker, Ct);
        await f.Casework.CloseAsync(episodeId, 2, D(10, 30), "RC7", f.Worker, Ct);
        Assert.Equal(D(10, 30), (await f.EpisodeAsync(episodeId)).ClosureDate);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_census_query_the_change_brings_in_is_saved_with_a_warning(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var episodeId = await f.OpenAsync();

        // 2991Q: a section 47 enquiry without an assessment.
        var change = await f.Casework.RecordStrategyDiscussionAsync(episodeId, 0, D(10, 5), StrategyOutcome.Section47, f.Worker, Ct);
        Assert.Contains(change.Warnings, w => w.StartsWith("Census rule 2991Q:", StringComparison.Ordinal));
        Assert.Single((await f.EpisodeAsync(episodeId)).Enquiries);

        var quiet = await f.Casework.StartAssessmentAsync(episodeId, 1, D(10, 5), null, f.Worker, Ct);
        Assert.Empty(quiet.Warnings);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_change_made_from_a_stale_version_is_refused(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var episodeId = await f.OpenAsync();
        await f.Casework.StartCinPlanAsync(episodeId, 0, D(10, 10), f.Worker, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Casework.StartAssessmentAsync(episodeId, 0, D(10, 2), null, f.Worker, Ct));
        await f.Casework.StartAssessmentAsync(episodeId, 1, D(10, 2), null, f.Worker, Ct);
        Assert.Equal(2, await f.VersionAsync(episodeId));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_number_of_previous_plans_is_counted_from_the_childs_earlier_plans(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var c = f.Casework;
        var first = await f.OpenAsync(referral: D(3, 2));
        await c.RecordStrategyDiscussionAsync(first, 0, D(3, 3), StrategyOutcome.Section47, f.Worker, Ct);
        var enquiry = (await f.EpisodeAsync(first)).Enquiries.Single().Id;
        var plan = (await c.RecordInitialConferenceAsync(first, 1, enquiry, D(3, 20), ConferenceOutcome.Plan, "NEG", f.Worker, Ct)).Id;
        await c.EndProtectionPlanAsync(first, 2, plan, D(6, 1), f.Worker, Ct);
        var assessment = (await c.StartAssessmentAsync(first, 3, D(3, 3), null, f.Worker, Ct)).Id;
        await c.CompleteAssessmentAsync(first, 4, assessment, null, D(3, 25), ["16A"], f.Worker, Ct);
        await c.CloseAsync(first, 5, D(6, 2), "RC7", f.Worker, Ct);

        var second = await f.OpenAsync(referral: D(10, 1));
        await c.RecordStrategyDiscussionAsync(second, 0, D(10, 2), StrategyOutcome.Section47, f.Worker, Ct);
        enquiry = (await f.EpisodeAsync(second)).Enquiries.Single().Id;
        await c.RecordInitialConferenceAsync(second, 1, enquiry, D(10, 20), ConferenceOutcome.Plan, "PHY", f.Worker, Ct);

        var journey = (await c.GetAsync(f.ChildId, f.Worker, Ct))!;
        Assert.Equal([0, 1], journey.Episodes.SelectMany(e => e.ProtectionPlans).OrderBy(p => p.StartDate).Select(journey.PreviousPlans));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Viewing_a_childs_casework_is_audited_and_a_restricted_child_is_not_found(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        await f.OpenAsync();
        Assert.NotNull(await f.Casework.GetAsync(f.ChildId, f.Worker, Ct));
        Assert.True(await f.Services.Db.AuditEvents.AnyAsync(e => e.Process == "Casework.View" && e.Action == AuditAction.Viewed && e.EntityId == f.ChildId.ToString(), Ct));

        var hidden = await f.AddChildAsync("Ben", "Hidden", restricted: true);
        Assert.Null(await f.Casework.GetAsync(hidden, new Actor(Guid.NewGuid(), "Someone else", null), Ct));
        Assert.NotNull(await f.Casework.GetAsync(hidden, f.Worker, Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Allocation_keeps_its_history_and_refuses_an_unknown_team(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var episodeId = await f.OpenAsync();

        var ex = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Casework.AllocateAsync(episodeId, 0, Guid.NewGuid(), null, f.Worker, Ct));
        Assert.Equal("TeamId", ex.Problems.Single().Field);

        await f.Casework.AllocateAsync(episodeId, 0, f.Team.Id, null, f.Worker, Ct);
        await f.Casework.AllocateAsync(episodeId, 1, f.Team.Id, f.Worker.UserId, f.Worker, Ct);

        var journey = (await f.Casework.GetAsync(f.ChildId, f.Worker, Ct))!;
        Assert.Equal(("Assessment team", "Sam Worker"), (journey.TeamName, journey.WorkerName));
        Assert.Equal(2, journey.Current!.Allocations.Count);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Allocation_refuses_a_team_outside_childrens_social_care_and_a_worker_outside_the_team_or_without_a_casework_role(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var episodeId = await f.OpenAsync();
        var db = f.Services.Db;
        Team policeTeam, otherCscTeam;
        User clerk, elsewhere;
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            var police = new Agency { Name = "Police", Code = "POL", Type = AgencyType.Police };
            policeTeam = new Team { Name = "Public Protection Unit", AgencyId = police.Id };
            otherCscTeam = new Team { Name = "Disabled children's team", AgencyId = f.Worker.AgencyId!.Value };
            clerk = new User { DisplayName = "Farah Frontdoor", UserName = "farah", AgencyId = f.Worker.AgencyId!.Value, TeamId = f.Team.Id, CreatedAt = JourneyFixture.Now };
            elsewhere = new User { DisplayName = "Olu Other", UserName = "olu", AgencyId = f.Worker.AgencyId!.Value, TeamId = otherCscTeam.Id, CreatedAt = JourneyFixture.Now };
            db.AddRange(police, policeTeam, otherCscTeam, clerk, elsewhere);
            var frontDoorRole = await db.Roles.SingleAsync(r => r.Name == Roles.FrontDoorPractitioner, Ct);
            var socialWorkerRole = await db.Roles.SingleAsync(r => r.Name == Roles.SocialWorker, Ct);
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = clerk.Id, RoleId = frontDoorRole.Id });
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = elsewhere.Id, RoleId = socialWorkerRole.Id });
            await db.SaveChangesAsync(Ct);
        }

        var police1 = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Casework.AllocateAsync(episodeId, 0, policeTeam.Id, null, f.Worker, Ct));
        Assert.Equal(("TeamId", "Select one of children's social care's teams: casework is held only by them"), (police1.Problems.Single().Field, police1.Problems.Single().Message));
        var noRole = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Casework.AllocateAsync(episodeId, 0, f.Team.Id, clerk.Id, f.Worker, Ct));
        Assert.Equal("WorkerId", noRole.Problems.Single().Field);
        Assert.Contains("Assessment team", noRole.Problems.Single().Message, StringComparison.Ordinal);
        var otherTeam = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Casework.AllocateAsync(episodeId, 0, f.Team.Id, elsewhere.Id, f.Worker, Ct));
        Assert.Equal("WorkerId", otherTeam.Problems.Single().Field);

        Assert.Equal(["Assessment team", "Disabled children's team"], await AllocationChoices.Teams(db).OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(Ct));
        Assert.Equal(["Sam Worker"], await AllocationChoices.Workers(db, f.Team.Id).Select(u => u.DisplayName).ToListAsync(Ct));
        Assert.Equal(["Olu Other"], await AllocationChoices.Workers(db, otherCscTeam.Id).Select(u => u.DisplayName).ToListAsync(Ct));

        await f.Casework.AllocateAsync(episodeId, 0, otherCscTeam.Id, elsewhere.Id, f.Worker, Ct);
        var journey = (await f.Casework.GetAsync(f.ChildId, f.Worker, Ct))!;
        Assert.Equal(("Disabled children's team", "Olu Other"), (journey.TeamName, journey.WorkerName));
        Assert.Single(journey.Current!.Allocations, a => a.To is null);
    }
}
