using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Chronology;
using Safeguard.Interchange.Cin;
using Safeguard.Journey;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Timescales;
using Safeguard.Work;
using static Safeguard.Core.Tests.Journey.JourneyFixture;

namespace Safeguard.Core.Tests.Journey;

public class JourneySourcesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Due_work_lists_a_workers_allocated_children_and_the_teams_and_leaves_out_others(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var episodeId = await f.OpenAsync(referral: D(9, 21));
        await f.Casework.StartAssessmentAsync(episodeId, 0, D(9, 22), null, f.Worker, Ct);
        await f.Casework.AllocateAsync(episodeId, 1, f.Team.Id, f.Worker.UserId, f.Worker, Ct);
        var other = await f.AddChildAsync("Ben", "Other");
        var otherEpisode = await f.OpenAsync(other); // not allocated
        await f.Casework.StartAssessmentAsync(otherEpisode, 0, D(10, 2), null, f.Worker, Ct);

        var sources = f.Services.Get<IEnumerable<IDueWorkSource>>();
        var source = Assert.Single(sources.OfType<JourneyDueWork>());
        var mine = await source.DueAsync(new DueWorkQuery(WorkerId: f.Worker.UserId), Ct);
        var item = Assert.Single(mine);
        Assert.Equal(("Amira Khan", "Assessment", f.Team.Id, $"/people/{f.ChildId}/casework"), (item.ChildName, item.What, item.TeamId, item.Link));
        // 45 working days from 21 September is 23 November: due today, and past day 40.
        Assert.Equal((new DateOnly(2026, 11, 23), DeadlineStatus.DueToday), (item.Assessment.Deadline.DueDate, item.Assessment.Status));
        Assert.True(JourneyDeadline.NeedsAttention(item.Assessment));

        Assert.Single(await source.DueAsync(new DueWorkQuery(TeamId: f.Team.Id), Ct));
        Assert.Empty(await source.DueAsync(new DueWorkQuery(WorkerId: Guid.NewGuid()), Ct));
        Assert.Equal(2, (await source.DueAsync(new DueWorkQuery(), Ct)).Count);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_assessment_needs_attention_from_its_fortieth_working_day_not_before(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var deadlines = await f.Services.Get<Safeguard.Calendar.CalendarAdministration>().DeadlinesAsync(Ct);

        // Referred 28 September: due 30 November, 5 working days left (day 40).
        Assert.True(JourneyDeadline.NeedsAttention(deadlines.Assess("assessment", D(9, 28))));
        // Referred 5 October: due 7 December, 10 working days left (day 35).
        Assert.False(JourneyDeadline.NeedsAttention(deadlines.Assess("assessment", D(10, 5))));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_chronology_merges_person_index_and_journey_events_newest_first_and_filters_by_kind(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var episodeId = await f.OpenAsync();
        await f.Casework.RecordStrategyDiscussionAsync(episodeId, 0, D(10, 5), StrategyOutcome.Section47, f.Worker, Ct);
        await f.Casework.AllocateAsync(episodeId, 1, f.Team.Id, f.Worker.UserId, f.Worker, Ct);

        var chronology = f.Services.Get<ChronologyService>();
        var all = (await chronology.ForPersonAsync(f.ChildId, new ChronologyFilter(), f.Worker, Ct))!;
        Assert.Equal(
            [ChronologyKinds.Allocation, ChronologyKinds.Record, ChronologyKinds.Section47, ChronologyKinds.StrategyDiscussion, ChronologyKinds.Referral],
            all.Select(e => e.Kind));
        Assert.Equal("Children's services", all[0].AgencyName);

        var referrals = (await chronology.ForPersonAsync(f.ChildId, new ChronologyFilter(Kinds: [ChronologyKinds.Referral]), f.Worker, Ct))!;
        Assert.Equal("Referral to children's social care", Assert.Single(referrals).Title);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_kept_chronology_shows_a_change_at_the_next_read_and_names_a_restricted_relative_only_to_those_who_may_see_them(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var episodeId = await f.OpenAsync();
        var brother = await f.AddChildAsync("Yusuf", "Malik", restricted: true); // the worker alone may see his record
        await f.Services.Get<PersonIndex>().AddRelationshipAsync(new NewRelationship(f.ChildId, brother, RelationshipKind.Sibling, false, D(10, 1), null), f.Worker, Ct);
        var chronology = f.Services.Get<ChronologyService>();
        var other = new Actor(Guid.NewGuid(), "Pat Reader", f.Worker.AgencyId);

        var worker = (await chronology.ForPersonAsync(f.ChildId, new ChronologyFilter(), f.Worker, Ct))!;
        Assert.Contains(worker, e => e.Title.StartsWith("Linked to Yusuf Malik", StringComparison.Ordinal));
        var others = (await chronology.ForPersonAsync(f.ChildId, new ChronologyFilter(), other, Ct))!;
        Assert.DoesNotContain(others, e => e.Title.Contains("Yusuf", StringComparison.Ordinal));
        Assert.Equal(worker.Count - 1, others.Count);
        Assert.Null(await chronology.ForPersonAsync(brother, new ChronologyFilter(), other, Ct));

        // A change to the records is on the next read; each read is audited.
        await f.Casework.RecordStrategyDiscussionAsync(episodeId, 0, D(10, 5), StrategyOutcome.Section47, f.Worker, Ct);
        var after = (await chronology.ForPersonAsync(f.ChildId, new ChronologyFilter(), other, Ct))!;
        Assert.Contains(after, e => e.Kind == ChronologyKinds.StrategyDiscussion);
        Assert.Equal(3, await f.Services.Db.AuditEvents.CountAsync(
            e => e.Process == "Chronology.View" && e.Action == AuditAction.Viewed && e.EntityId == f.ChildId.ToString(), Ct));
    }

    [Fact]
    public void The_projection_maps_each_record_to_its_census_field()
    {
        var person = new Person { Kind = PersonKind.Child, CouncilChildId = "C1", DateOfBirth = D(1, 2), Sex = "F", Ethnicity = "WBRI", Disabilities = "NONE" };
        var episode = new NeedEpisode { ReferralDate = D(3, 1), ReferralSource = "6", PrimaryNeedCode = "N1", ClosureDate = D(9, 1), ReasonForClosure = "RC7" };
        episode.Assessments.Add(new CaseAssessment { StartDate = D(3, 2), AuthorisationDate = D(3, 20), Factors = "3B,4A" });
        episode.CinPlans.Add(new ChildInNeedPlan { StartDate = D(8, 1), EndDate = D(8, 30) });
        var discussion = new StrategyDiscussion { Date = D(3, 5), Outcome = StrategyOutcome.Section47 };
        episode.Enquiries.Add(new S47Enquiry { StrategyDiscussionId = discussion.Id, StartDate = D(3, 5), IcpcTargetDate = D(3, 26), ConferenceDate = D(3, 25), ConferenceOutcome = ConferenceOutcome.Plan });
        var plan = new ProtectionPlan { StartDate = D(3, 25), EndDate = D(7, 31), InitialCategory = "NEG", LatestCategory = "EMO" };
        plan.Reviews.Add(new ReviewConference { Date = D(6, 25) });
        episode.ProtectionPlans.Add(plan);

        var child = CensusProjection.Project(person, [episode]);

        Assert.Equal(("C1", D(1, 2), "F", "WBRI", "NONE"), (child.LaChildId, child.BirthDate, child.Sex, child.Ethnicity, string.Join(',', child.Disabilities)));
        var e = Assert.Single(child.Episodes);
        Assert.Equal((D(3, 1), "6", "N1", D(9, 1), "RC7", (bool?)false, (DateOnly?)null), (e.ReferralDate, e.ReferralSource, e.PrimaryNeedCode, e.ClosureDate, e.ReasonForClosure, e.ReferralNfa, e.DateOfInitialCpc));
        var a = Assert.Single(e.Assessments);
        Assert.Equal((D(3, 2), D(3, 20), "3B,4A"), (a.StartDate, a.AuthorisationDate, string.Join(',', a.Factors)));
        var cin = Assert.Single(e.CinPlans);
        Assert.Equal((D(8, 1), D(8, 30)), (cin.StartDate, cin.EndDate));
        var s47 = Assert.Single(e.Section47Enquiries);
        Assert.Equal((D(3, 5), D(3, 26), D(3, 25), (bool?)false), (s47.StartDate, s47.InitialCpcTarget, s47.DateOfInitialCpc, s47.IcpcNotRequired));
        var cpp = Assert.Single(e.ProtectionPlans);
        Assert.Equal((D(3, 25), D(7, 31), "NEG", "EMO", (int?)0, D(6, 25)), (cpp.StartDate, cpp.EndDate, cpp.InitialCategoryOfAbuse, cpp.LatestCategoryOfAbuse, cpp.NumberOfPreviousCpp, cpp.Reviews.Single().Date));

        var issues = JourneyRules.Check(child, new Safeguard.Calendar.WorkingDayCalendar([]), D(11, 23));
        Assert.DoesNotContain(issues, i => i.Severity == CinSeverity.Error);
    }

    [Fact]
    public void Census_period_rules_are_left_out_and_every_other_single_child_rule_is_applied()
    {
        var all = Safeguard.Interchange.Cin.Rules.CinRuleSet.For("2024-25").ChildRules.Select(r => r.Code).ToHashSet();
        Assert.Subset(all, JourneyRules.CensusPeriodRules.ToHashSet());
        Assert.Equal(all.Count - JourneyRules.CensusPeriodRules.Count, JourneyRules.Applied.Count());
        Assert.DoesNotContain(JourneyRules.Applied, r => r.Code == "8620");
        Assert.Contains(JourneyRules.Applied, r => r.Code == "8867");
    }
}
