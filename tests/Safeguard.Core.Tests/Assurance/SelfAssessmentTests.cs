using Microsoft.EntityFrameworkCore;
using Safeguard.Assurance;
using Safeguard.Auditing;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Core.Tests.Journey;
using Safeguard.Identity;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Work;

namespace Safeguard.Core.Tests.Assurance;

/// <summary>
/// Section 11 and section 175 self-assessments: a round's default standard edited while a draft, sending to agencies or
/// schools, returns answered only by the agency asked (RAG, evidence, action), who still owes on due work, return rates
/// by sector (a school's phase), challenge changing a rating or adding an action on the partnership's tracker.
/// </summary>
public class SelfAssessmentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Due = new(2027, 1, 29);

    private sealed class Fixture : IAsyncDisposable
    {
        public required JourneyFixture Journey { get; init; }

        public required Actor BusinessUnit { get; init; }

        public required Actor Police { get; init; }

        public required Actor Primary { get; init; }

        public required Guid Secondary { get; init; }

        public required Guid Health { get; init; }

        public SelfAssessmentService Rounds => Journey.Services.Get<SelfAssessmentService>();

        public SelfAssessmentReturnService Returns => Journey.Services.Get<SelfAssessmentReturnService>();

        public ValueTask DisposeAsync() => Journey.DisposeAsync();
    }

    private static async Task<Fixture> CreateAsync(DatabaseProvider provider)
    {
        var journey = await JourneyFixture.CreateAsync(provider);
        var db = journey.Services.Db;
        var police = new Agency { Name = "Greater Manchester Police", Code = "GMP", Type = AgencyType.Police };
        var health = new Agency { Name = "Bury Integrated Care Board", Code = "ICB", Type = AgencyType.HealthCommissioner };
        var primary = new Agency { Name = "Elton Primary School", Code = "SCH1", Type = AgencyType.School, Phase = SchoolPhase.Primary };
        var secondary = new Agency { Name = "Elton High School", Code = "SCH2", Type = AgencyType.School, Phase = SchoolPhase.Secondary };
        var lead = new User { DisplayName = "Dev Data", UserName = "dev.data", AgencyId = police.Id, CreatedAt = JourneyFixture.Now };
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.AddRange(police, health, primary, secondary, lead);
            await db.SaveChangesAsync(Ct);
            var role = await db.Roles.SingleAsync(r => r.Name == Roles.AgencyDataLead, Ct);
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = lead.Id, RoleId = role.Id });
            await db.SaveChangesAsync(Ct);
        }

        return new Fixture
        {
            Journey = journey,
            BusinessUnit = new Actor(Guid.NewGuid(), "Bea Business", null),
            Police = new Actor(lead.Id, lead.DisplayName, police.Id),
            Primary = new Actor(Guid.NewGuid(), "Dee Lead", primary.Id),
            Secondary = secondary.Id,
            Health = health.Id,
        };
    }

    private static SelfAssessmentDueWorkSource DueWork(Fixture f) => f.Journey.Services.Get<IEnumerable<IDueWorkSource>>().OfType<SelfAssessmentDueWorkSource>().Single();

    private static async Task<SelfAssessmentRound> SentAsync(Fixture f, SelfAssessmentKind kind, params Guid[] agencies)
    {
        var round = await f.Rounds.CreateAsync(new NewRound($"{kind} 2026 to 2027", kind, 2026), f.BusinessUnit, Ct);
        await f.Rounds.SendAsync(round.Id, round.Version, agencies, Due, f.BusinessUnit, Ct);
        return (await f.Rounds.GetAsync(round.Id, Ct))!;
    }

    private static Dictionary<Guid, AnswerInput> All(SelfAssessmentReturnView view, string rating) =>
        view.Lines.ToDictionary(l => l.Question.Id, l => new AnswerInput(rating, $"Evidence for {l.Question.Reference}", rating == "Green" ? null : "Training plan"));

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_round_starts_from_the_default_standard_which_changes_only_while_a_draft(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var bad = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Rounds.CreateAsync(new NewRound(" ", null, 1999), f.BusinessUnit, Ct));
        Assert.Equal(["Title", "Kind", "YearStart"], bad.Problems.Select(p => p.Field));

        var round = await f.Rounds.CreateAsync(new NewRound("Section 11 2026 to 2027", SelfAssessmentKind.Section11, 2026), f.BusinessUnit, Ct);
        Assert.Equal(Enumerable.Range(1, 8), round.Questions.Select(q => q.StandardNumber).Distinct().Order());
        var twice = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Rounds.CreateAsync(new NewRound("Again", SelfAssessmentKind.Section11, 2026), f.BusinessUnit, Ct));
        Assert.Equal("YearStart", twice.Problems[0].Field);
        var schools = await f.Rounds.CreateAsync(new NewRound("Section 175 2026 to 2027", SelfAssessmentKind.Section175, 2026), f.BusinessUnit, Ct);
        Assert.Contains(schools.Questions, q => q.StandardTitle.Contains("designated safeguarding lead", StringComparison.Ordinal));

        var empty = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Rounds.SaveQuestionAsync(round.Id, round.Version, new QuestionInput(null, 0, "", null), f.BusinessUnit, Ct));
        Assert.Equal(["StandardNumber", "StandardTitle", "Text"], empty.Problems.Select(p => p.Field));
        var opened = round.Version;
        await f.Rounds.SaveQuestionAsync(round.Id, opened, new QuestionInput(null, 9, "Radicalisation and Prevent", "Staff have had Prevent training"), f.BusinessUnit, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Rounds.SaveQuestionAsync(round.Id, opened, new QuestionInput(null, 9, "Prevent", "A second"), f.BusinessUnit, Ct));
        var fresh = (await f.Rounds.GetAsync(round.Id, Ct))!;
        var first = fresh.Questions.Single(q => q.Reference == "1.1");
        await f.Rounds.SaveQuestionAsync(round.Id, fresh.Version, new QuestionInput(first.Id, 1, "Leadership", "Leaders champion safeguarding"), f.BusinessUnit, Ct);
        fresh = (await f.Rounds.GetAsync(round.Id, Ct))!;
        Assert.All(fresh.Questions.Where(q => q.StandardNumber == 1), q => Assert.Equal("Leadership", q.StandardTitle));
        Assert.Equal("9.1", Assert.Single(fresh.Questions, q => q.StandardNumber == 9).Reference);

        var noOne = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Rounds.SendAsync(round.Id, fresh.Version, [], new DateOnly(2026, 11, 1), f.BusinessUnit, Ct));
        Assert.Equal(["AgencyIds", "DueOn"], noOne.Problems.Select(p => p.Field));
        await f.Rounds.SendAsync(round.Id, fresh.Version, [f.Police.AgencyId!.Value, f.Health], Due, f.BusinessUnit, Ct);
        fresh = (await f.Rounds.GetAsync(round.Id, Ct))!;
        var fixedStandard = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Rounds.RemoveQuestionAsync(round.Id, fresh.Version, first.Id, f.BusinessUnit, Ct));
        Assert.Contains("before the round is sent", fixedStandard.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(["Health commissioners", "Police"], (await f.Rounds.ReturnsAsync(round.Id, Ct)).Select(r => r.Return.Sector).Order(StringComparer.Ordinal));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Only_the_agency_asked_answers_and_a_submitted_return_needs_every_rating_evidence_and_an_action_for_red_or_amber(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var round = await SentAsync(f, SelfAssessmentKind.Section11, f.Police.AgencyId!.Value, f.Health);
        var mine = Assert.Single(await f.Returns.ForAgencyAsync(f.Police, Ct)).Return;
        Assert.Null(await f.Returns.GetAsync(mine.Id, f.Primary, cancellationToken: Ct));
        var view = (await f.Returns.GetAsync(mine.Id, f.Police, cancellationToken: Ct))!;
        Assert.Equal(round.Questions.Count, view.Lines.Count);

        var other = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Returns.SaveAsync(mine.Id, mine.Version, All(view, "Green"), true, f.Primary, Ct));
        Assert.Contains("Only the agency asked", other.Problems[0].Message, StringComparison.Ordinal);

        // The due work of the police data lead shows the return until it is in.
        var due = Assert.Single(await DueWork(f).DueAsync(new DueWorkQuery(WorkerId: f.Police.UserId), Ct));
        Assert.Equal(($"/my-agency/self-assessments/{mine.Id}", "Section 11"), (due.Link, due.ChildName));

        var first = view.Lines[0].Question;
        var second = view.Lines[1].Question;
        var partial = new Dictionary<Guid, AnswerInput> { [first.Id] = new("Purple", null, null), [second.Id] = new("Amber", "Some", null) };
        var refused = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Returns.SaveAsync(mine.Id, mine.Version, partial, true, f.Police, Ct));
        Assert.Equal(["Q1_1.Rating", "Q1_1.Evidence", "Q1_2.Action"], refused.Problems.Take(3).Select(p => p.Field));
        Assert.Contains(refused.Problems, p => p.Field == "Q8_1.Rating");

        await f.Returns.SaveAsync(mine.Id, mine.Version, new Dictionary<Guid, AnswerInput> { [second.Id] = new("Amber", "Some", null) }, false, f.Police, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Returns.SaveAsync(mine.Id, mine.Version, All(view, "Green"), false, f.Police, Ct));
        view = (await f.Returns.GetAsync(mine.Id, f.Police, cancellationToken: Ct))!;
        Assert.Equal(RagRating.Amber, view.Lines[1].Answer!.Rating);
        await f.Returns.SaveAsync(mine.Id, view.Return.Version, All(view, "Amber"), true, f.Police, Ct);
        Assert.Empty(await DueWork(f).DueAsync(new DueWorkQuery(WorkerId: f.Police.UserId), Ct));
        var again = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Returns.SaveAsync(mine.Id, view.Return.Version + 1, All(view, "Green"), true, f.Police, Ct));
        Assert.Contains("was submitted", again.Problems[0].Message, StringComparison.Ordinal);

        var rows = await f.Rounds.ReturnsAsync(round.Id, Ct);
        Assert.Equal(("Bury Integrated Care Board", false), (rows[0].AgencyName, rows[0].Return.IsSubmitted));
        await f.Rounds.RemindAsync(rows[0].Return.Id, rows[0].Return.Version, f.BusinessUnit, Ct);
        Assert.Equal(1, (await f.Rounds.ReturnsAsync(round.Id, Ct))[0].Return.Reminders);
        var nothing = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Rounds.RemindAsync(rows[1].Return.Id, rows[1].Return.Version, f.BusinessUnit, Ct));
        Assert.Contains("already in", nothing.Problems[0].Message, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Challenge_changes_a_rating_or_adds_an_action_on_the_tracker_and_the_figures_count_by_sector_and_standard(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var schools = await SentAsync(f, SelfAssessmentKind.Section175, f.Primary.AgencyId!.Value, f.Secondary);
        var mine = Assert.Single(await f.Returns.ForAgencyAsync(f.Primary, Ct)).Return;
        var view = (await f.Returns.GetAsync(mine.Id, f.Primary, cancellationToken: Ct))!;
        await f.Returns.SaveAsync(mine.Id, mine.Version, All(view, "Green"), true, f.Primary, Ct);

        var first = view.Lines[0].Question;
        var answer = (await f.Returns.GetAsync(mine.Id, f.BusinessUnit, anyAgency: true, Ct))!.Lines[0].Answer!;
        var today = new DateOnly(2026, 11, 23);
        var bad = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Rounds.ChallengeAsync(mine.Id, first.Id, answer.Version, new ChallengeInput(today.AddDays(1), ChallengeOutcome.RatingChanged, RagRating.Green, null, null, null, null), f.BusinessUnit, Ct));
        Assert.Equal(["HeldOn", "NewRating"], bad.Problems.Select(p => p.Field));
        await f.Rounds.ChallengeAsync(mine.Id, first.Id, answer.Version, new ChallengeInput(today, ChallengeOutcome.RatingChanged, RagRating.Amber, "Training figures a year old", null, null, null), f.BusinessUnit, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Rounds.ChallengeAsync(mine.Id, first.Id, answer.Version, new ChallengeInput(today, ChallengeOutcome.Accepted, null, null, null, null, null), f.BusinessUnit, Ct));

        var noAction = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Rounds.ChallengeAsync(mine.Id, first.Id, answer.Version + 1, new ChallengeInput(today, ChallengeOutcome.ActionAdded, null, null, " ", null, today.AddDays(-1)), f.BusinessUnit, Ct));
        Assert.Equal(["ActionDescription", "ActionOwner", "ActionDueOn"], noAction.Problems.Select(p => p.Field));
        await f.Rounds.ChallengeAsync(mine.Id, first.Id, answer.Version + 1, new ChallengeInput(today, ChallengeOutcome.ActionAdded, null, null, "Refresh whole-staff training by Easter", "Headteacher", new DateOnly(2027, 4, 1)), f.BusinessUnit, Ct);
        var tracked = Assert.Single(await f.Journey.Services.Get<ReviewTracker>().OutstandingActionsAsync(Ct));
        Assert.Equal(($"/assurance/self-assessments/{schools.Id}", "Elton Primary School", false), (tracked.Href, tracked.AgencyName, tracked.IsOverdue));
        var action = Assert.Single(await f.Rounds.ActionsAsync(schools.Id, Ct));
        var noEvidence = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Rounds.UpdateActionAsync(action.Id, action.Version, ReviewActionStatus.Completed, null, f.BusinessUnit, Ct));
        Assert.Equal("Evidence", noEvidence.Problems[0].Field);
        await f.Rounds.UpdateActionAsync(action.Id, action.Version, ReviewActionStatus.SignedOff, "Training done 20 March", f.BusinessUnit, Ct);
        Assert.Empty(await f.Journey.Services.Get<ReviewTracker>().OutstandingActionsAsync(Ct));

        var figures = Assert.Single(await f.Journey.Services.Get<SelfAssessmentFigures>().ForYearAsync(new ReportingYear(2026), Ct));
        Assert.Equal((2, 1, 50m), (figures.Asked, figures.Returned, figures.Rate));
        Assert.Equal([("Primary schools", 1, 1, 100m), ("Secondary schools", 1, 0, 0m)], figures.Sectors.Select(s => (s.Sector, s.Asked, s.Returned, s.Rate)));
        var standardOne = figures.Standards[0];
        Assert.Equal((1, 1, 0, 1), (standardOne.Number, standardOne.Amber, standardOne.Red, standardOne.Green));
        Assert.Equal((1, 0, 1), (figures.Challenges[ChallengeOutcome.RatingChanged], figures.Challenges[ChallengeOutcome.Accepted], figures.Challenges[ChallengeOutcome.ActionAdded]));
        Assert.Equal((1, 0), (figures.Actions, figures.ActionsOutstanding));

        await f.Rounds.CloseAsync(schools.Id, schools.Version, f.BusinessUnit, Ct);
        var closed = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Returns.SaveAsync(mine.Id, mine.Version, All(view, "Green"), false, f.Primary, Ct));
        Assert.Contains("not taking returns", closed.Problems[0].Message, StringComparison.Ordinal);
    }
}
