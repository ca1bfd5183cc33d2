using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Core.Tests.Journey;
using Safeguard.Identity;
using Safeguard.ImprovementPlan;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Work;
using UglyToad.PdfPig;

namespace Safeguard.Core.Tests.ImprovementPlan;

/// <summary>
/// The partnership's improvement plan: ratings per period kept as history (never overwritten, who and when), versions
/// guarding edits, leads and owners changing only their part, overdue milestones on the owner's due work, the figures
/// and the progress report as DOCX and PDF.
/// </summary>
public class ImprovementPlanTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Fixture : IAsyncDisposable
    {
        public required JourneyFixture Journey { get; init; }

        public required Actor BusinessUnit { get; init; }

        public required Actor Lead { get; init; }

        public required Actor Owner { get; init; }

        public required Actor Other { get; init; }

        public required Plan Plan { get; init; }

        public required PlanOutcome Outcome { get; init; }

        public required Workstream Workstream { get; init; }

        public required PlanAction Action { get; init; }

        public PlanService Plans => Journey.Services.Get<PlanService>();

        public PlanUpdateService Updates => Journey.Services.Get<PlanUpdateService>();

        public ValueTask DisposeAsync() => Journey.DisposeAsync();
    }

    private static async Task<Fixture> CreateAsync(DatabaseProvider provider)
    {
        var journey = await JourneyFixture.CreateAsync(provider);
        var db = journey.Services.Db;
        var police = new Agency { Name = "Greater Manchester Police", Code = "GMP", Type = AgencyType.Police };
        var health = new Agency { Name = "NHS Greater Manchester", Code = "ICB", Type = AgencyType.HealthCommissioner };
        var lead = new User { DisplayName = "Jeanette Richards", UserName = "lead", AgencyId = health.Id, CreatedAt = JourneyFixture.Now };
        var owner = new User { DisplayName = "Pat Police", UserName = "owner", AgencyId = police.Id, CreatedAt = JourneyFixture.Now };
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.AddRange(police, health, lead, owner);
            await db.SaveChangesAsync(Ct);
        }

        var bu = new Actor(Guid.NewGuid(), "Bea Business", null);
        var plans = journey.Services.Get<PlanService>();
        var plan = await plans.CreateAsync(new NewPlan("Improvement plan 2025-27", new DateOnly(2025, 4, 1), new DateOnly(2027, 3, 31), ReportingFrequency.Quarterly), bu, Ct);
        var outcome = await plans.AddOutcomeAsync(plan.Id, plan.Version, new OutcomeInput(null, "Build a skilled, confident and experienced workforce", "Create the conditions for good practice"), bu, Ct);
        var workstream = await plans.AddWorkstreamAsync(outcome.Id, new WorkstreamInput("Rolling recruitment", lead.Id, "Agency staff down to 30%"), bu, Ct);
        var action = await plans.AddActionAsync(workstream.Id, new ActionInput(PlanActionKind.Milestone, "Reconvene the Workforce Board", new DateOnly(2026, 11, 1), owner.Id), bu, Ct);
        return new Fixture
        {
            Journey = journey,
            BusinessUnit = bu,
            Lead = new Actor(lead.Id, lead.DisplayName, health.Id),
            Owner = new Actor(owner.Id, owner.DisplayName, police.Id),
            Other = journey.Worker,
            Plan = plan,
            Outcome = outcome,
            Workstream = workstream,
            Action = action,
        };
    }

    private static async Task<int> VersionOfAsync<T>(Fixture f, Guid id)
        where T : Entity =>
        (await f.Journey.Services.Db.Set<T>().AsNoTracking().SingleAsync(e => e.Id == id, Ct)).Version;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_new_rating_for_a_period_supersedes_the_last_without_changing_it_and_the_history_keeps_who_and_when(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var bad = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Plans.RateAsync(RatedItemKind.Outcome, f.Outcome.Id, f.Outcome.Version, new RatingInput("2026-11", ProgressRating.IssuesMayDelay, null), f.BusinessUnit, Ct));
        Assert.Equal(["Period", "Commentary"], bad.Problems.Select(p => p.Field));
        Assert.Contains("2026-Q3 (2026-27 Q3)", bad.Problems[0].Message, StringComparison.Ordinal);
        var future = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Plans.RateAsync(RatedItemKind.Outcome, f.Outcome.Id, f.Outcome.Version, new RatingInput("2026-Q4", ProgressRating.OnTrack, null), f.BusinessUnit, Ct));
        Assert.Contains("has not started yet", Assert.Single(future.Problems).Message, StringComparison.Ordinal);

        var opened = await VersionOfAsync<PlanOutcome>(f, f.Outcome.Id);
        var amber = await f.Plans.RateAsync(RatedItemKind.Outcome, f.Outcome.Id, opened, new RatingInput("2026-Q3", ProgressRating.IssuesMayDelay, "Agency staff still at 46%"), f.BusinessUnit, Ct);
        // A second person rating from the page they opened before is refused, not saved over the first.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Plans.RateAsync(RatedItemKind.Outcome, f.Outcome.Id, opened, new RatingInput("2026-Q3", ProgressRating.OnTrack, null), f.Lead, Ct));
        ((FakeTimeProvider)f.Journey.Services.Db.Time).Advance(TimeSpan.FromHours(2));
        var green = await f.Plans.RateAsync(RatedItemKind.Outcome, f.Outcome.Id, await VersionOfAsync<PlanOutcome>(f, f.Outcome.Id), new RatingInput("2026-Q3", ProgressRating.OnTrack, null), f.Lead, Ct);
        await f.Plans.RateAsync(RatedItemKind.Outcome, f.Outcome.Id, await VersionOfAsync<PlanOutcome>(f, f.Outcome.Id), new RatingInput("2026-Q2", ProgressRating.NotStarted, null), f.BusinessUnit, Ct);

        var history = await f.Plans.HistoryAsync(f.Outcome.Id, Ct);
        Assert.Equal(
            [("2026-Q3", ProgressRating.OnTrack, "Jeanette Richards", (Guid?)amber.Id), ("2026-Q3", ProgressRating.IssuesMayDelay, "Bea Business", null), ("2026-Q2", ProgressRating.NotStarted, "Bea Business", null)],
            history.Select(r => (r.Period, r.Rating, r.RatedBy, r.SupersedesId)));
        Assert.Equal("Agency staff still at 46%", history[1].Commentary);
        Assert.True(history[0].RatedAt > history[1].RatedAt);
        Assert.Equal(green.Id, (await f.Plans.CurrentRatingsAsync(f.Plan.Id, "2026-Q3", Ct))[f.Outcome.Id].Id);

        var audited = await f.Journey.Services.Db.AuditEvents.AsNoTracking().Where(e => e.Process == "ImprovementPlan.Rate").CountAsync(Ct);
        Assert.True(audited >= 3, $"Each rating is in the audit trail ({audited} events)");
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Leads_and_owners_change_only_their_part_and_edits_from_an_old_version_are_refused(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var workstreamOpened = f.Workstream.Version;
        var mine = Assert.Single(await f.Updates.ForUserAsync(f.Owner, Ct));
        Assert.Equal("Reconvene the Workforce Board", Assert.Single(mine.Owns).Action.Title);
        Assert.Empty(mine.Leads);
        Assert.Equal("Rolling recruitment", Assert.Single(Assert.Single(await f.Updates.ForUserAsync(f.Lead, Ct)).Leads).Title);
        Assert.Empty(await f.Updates.ForUserAsync(f.Other, Ct));

        // The owner of an action may not rate the workstream; someone else may not touch the action.
        var notLead = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Updates.RateAsync(RatedItemKind.Workstream, f.Workstream.Id, f.Workstream.Version, new RatingInput("2026-Q3", ProgressRating.OnTrack, null), f.Owner, Ct));
        Assert.Equal("There is no such item in the plan", Assert.Single(notLead.Problems).Message);
        await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Updates.UpdateActionAsync(f.Action.Id, f.Action.Version, PlanActionStatus.InProgress, f.Other, Ct));
        await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Updates.RateAsync(RatedItemKind.Outcome, f.Outcome.Id, f.Outcome.Version, new RatingInput("2026-Q3", ProgressRating.OnTrack, null), f.Lead, Ct));

        await f.Updates.RateAsync(RatedItemKind.Workstream, f.Workstream.Id, f.Workstream.Version, new RatingInput("2026-Q3", ProgressRating.OnTrack, null), f.Lead, Ct);
        var stale = await VersionOfAsync<PlanAction>(f, f.Action.Id);
        await f.Updates.RateAsync(RatedItemKind.Action, f.Action.Id, stale, new RatingInput("2026-Q3", ProgressRating.MajorIssues, "Chair not yet appointed"), f.Owner, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Updates.UpdateActionAsync(f.Action.Id, stale, PlanActionStatus.InProgress, f.Owner, Ct));
        await f.Updates.UpdateActionAsync(f.Action.Id, await VersionOfAsync<PlanAction>(f, f.Action.Id), PlanActionStatus.InProgress, f.Lead, Ct);
        await f.Updates.AddEvidenceAsync(f.Workstream.Id, f.Action.Id, "Terms of reference agreed", f.Owner, Ct);
        await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Updates.AddEvidenceAsync(f.Workstream.Id, null, "Not mine", f.Owner, Ct));
        Assert.Equal("Terms of reference agreed", Assert.Single(await f.Plans.EvidenceAsync(f.Workstream.Id, Ct)).Text);

        // The period's summary: a second editor's save from before the first one's is refused.
        await f.Plans.SaveSummaryAsync(f.Plan.Id, "2026-Q3", null, "First Family Hub opened", "Recruitment of agency staff", f.BusinessUnit, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Plans.SaveSummaryAsync(f.Plan.Id, "2026-Q3", null, "Overwrite", null, f.Lead, Ct));
        var summary = (await f.Plans.SummaryAsync(f.Plan.Id, "2026-Q3", Ct))!;
        await f.Plans.SaveSummaryAsync(f.Plan.Id, "2026-Q3", summary.Version, "First Family Hub opened\nSocial Work Pledge launched", "Recruitment of agency staff", f.BusinessUnit, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Plans.SaveSummaryAsync(f.Plan.Id, "2026-Q3", summary.Version, "Overwrite", null, f.Lead, Ct));
        var workstream = await f.Journey.Services.Db.Set<Workstream>().AsNoTracking().SingleAsync(w => w.Id == f.Workstream.Id, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Plans.ChangeWorkstreamAsync(f.Workstream.Id, workstreamOpened, new WorkstreamInput("Renamed", f.Lead.UserId, null), f.BusinessUnit, Ct));
        await f.Plans.ChangeWorkstreamAsync(f.Workstream.Id, workstream.Version, new WorkstreamInput("Rolling recruitment and retention", f.Owner.UserId, null), f.BusinessUnit, Ct);
        var changed = await f.Journey.Services.Db.Set<Workstream>().AsNoTracking().SingleAsync(w => w.Id == f.Workstream.Id, Ct);
        Assert.Equal(("Rolling recruitment and retention", "Pat Police", f.Owner.AgencyId!.Value), (changed.Title, changed.LeadName, changed.LeadAgencyId));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_overdue_milestone_is_on_its_owners_due_work_until_completed_and_the_figures_count_it_late(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var soon = await f.Plans.AddActionAsync(f.Workstream.Id, new ActionInput(PlanActionKind.Action, "Review induction checklists", new DateOnly(2026, 12, 10), f.Owner.UserId), f.BusinessUnit, Ct);
        await f.Plans.AddActionAsync(f.Workstream.Id, new ActionInput(PlanActionKind.Action, "Practice standards", new DateOnly(2027, 2, 1), f.Owner.UserId), f.BusinessUnit, Ct);
        var source = f.Journey.Services.Get<IEnumerable<IDueWorkSource>>().OfType<PlanDueWorkSource>().Single();

        var due = await source.DueAsync(new DueWorkQuery(WorkerId: f.Owner.UserId), Ct);
        Assert.Equal(["Milestone: Reconvene the Workforce Board", "Action: Review induction checklists"], due.Select(d => d.What));
        Assert.Equal(Safeguard.Timescales.DeadlineStatus.Overdue, due[0].Assessment.Status);
        Assert.NotEqual(Safeguard.Timescales.DeadlineStatus.Overdue, due[1].Assessment.Status);
        Assert.All(due, d => Assert.Equal("/my-agency/improvement-plan", d.Link));
        Assert.Empty(await source.DueAsync(new DueWorkQuery(WorkerId: f.Lead.UserId), Ct));

        await f.Plans.UpdateActionAsync(f.Action.Id, f.Action.Version, PlanActionStatus.Completed, f.BusinessUnit, Ct);
        await f.Plans.UpdateActionAsync(soon.Id, soon.Version, PlanActionStatus.Completed, f.BusinessUnit, Ct);
        Assert.Empty(await source.DueAsync(new DueWorkQuery(WorkerId: f.Owner.UserId), Ct));

        await f.Plans.RateAsync(RatedItemKind.Action, f.Action.Id, await VersionOfAsync<PlanAction>(f, f.Action.Id), new RatingInput("2026-Q3", ProgressRating.Finished, null), f.BusinessUnit, Ct);
        await f.Plans.RateAsync(RatedItemKind.Workstream, f.Workstream.Id, f.Workstream.Version, new RatingInput("2026-Q3", ProgressRating.OnTrack, null), f.BusinessUnit, Ct);
        var figures = (await f.Journey.Services.Get<PlanFigures>().ForPlanAsync(f.Plan.Id, Ct))!;
        var q3 = figures.Periods[0];
        Assert.Equal("2026-Q3", q3.Period.Key);
        Assert.Equal((1, 1, 0), (q3.Count(RatedItemKind.Action, ProgressRating.Finished), q3.Count(RatedItemKind.Workstream, ProgressRating.OnTrack), q3.Count(RatedItemKind.Outcome, ProgressRating.OnTrack)));
        Assert.Equal(7, figures.Periods.Count); // 2025-Q1 to 2026-Q3
        var year = Assert.Single(figures.Years);
        Assert.Equal((3, 1, 1, 0, 1), (year.Due, year.MetOnTime, year.CompletedLate, year.Overdue, year.NotYetDue));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_progress_report_gives_the_rating_key_the_outcomes_ratings_achievements_and_challenges_as_docx_and_pdf(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        await f.Plans.RateAsync(RatedItemKind.Outcome, f.Outcome.Id, f.Outcome.Version, new RatingInput("2026-Q3", ProgressRating.IssuesMayDelay, "Use of agency staff remains too high"), f.BusinessUnit, Ct);
        await f.Plans.RateAsync(RatedItemKind.Workstream, f.Workstream.Id, f.Workstream.Version, new RatingInput("2026-Q3", ProgressRating.OnTrack, null), f.BusinessUnit, Ct);
        await f.Plans.AddActionAsync(f.Workstream.Id, new ActionInput(PlanActionKind.Milestone, "Practice Standards launched", new DateOnly(2027, 2, 1), f.Owner.UserId), f.BusinessUnit, Ct);
        await f.Plans.SaveSummaryAsync(f.Plan.Id, "2026-Q3", null, "Formal launch of Family Safeguarding", "Consistency of practice", f.BusinessUnit, Ct);
        var builder = f.Journey.Services.Get<ProgressReportBuilder>();
        var wrong = await Assert.ThrowsAsync<SafeguardValidationException>(() => builder.BuildAsync(f.Plan.Id, "2026-11", Ct));
        Assert.Contains("'2026-11' is not a reporting period of Improvement plan 2025-27", wrong.Problems[0].Message, StringComparison.Ordinal);

        var report = await builder.BuildAsync(f.Plan.Id, "2026-Q3", Ct);
        Assert.Equal(["Practice Standards launched"], report.UpcomingMilestones.Select(m => m.Title));

        using (var docx = WordprocessingDocument.Open(new MemoryStream(ProgressReportDocument.Write(report)), false))
        {
            var body = docx.MainDocumentPart!.Document.Body!;
            var text = body.InnerText;
            Assert.Contains("Progress report: 2026-27 Q3 (October to December 2026)", text, StringComparison.Ordinal);
            foreach (var d in ProgressRatings.Key)
            {
                Assert.Contains(d.Meaning, text, StringComparison.Ordinal);
            }

            Assert.Contains("Formal launch of Family Safeguarding", text, StringComparison.Ordinal);
            Assert.Contains("Consistency of practice", text, StringComparison.Ordinal);
            Assert.Contains("Work Stream Lead: Jeanette Richards (NHS Greater Manchester)", text, StringComparison.Ordinal);
            var overviewRow = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>().First(r => r.InnerText.StartsWith("1. Build a skilled", StringComparison.Ordinal));
            Assert.Equal("Amber (A)", overviewRow.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Last().InnerText);
            Assert.Equal("F47738", overviewRow.Descendants<DocumentFormat.OpenXml.Wordprocessing.Shading>().Single().Fill!.Value);
        }

        using var pdf = PdfDocument.Open(ProgressReportPdf.Write(report));
        var all = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.True(all.Contains("Improvement plan 2025-27", StringComparison.Ordinal), all);
        Assert.True(all.Contains("Major issues identified which may prevent priority outputs being delivered", StringComparison.Ordinal), all);
        Assert.True(all.Contains("1. Build a skilled, confident and experienced workforce Amber", StringComparison.Ordinal), all);
        Assert.True(all.Contains("Formal launch of Family Safeguarding", StringComparison.Ordinal), all);
        Assert.True(all.Contains("Key challenges Consistency of practice", StringComparison.Ordinal), all);
        Assert.True(all.Contains("Reconvene the Workforce Board", StringComparison.Ordinal), all);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_annual_reports_priorities_section_gives_each_outcomes_latest_rating_in_the_year_counts_and_the_achievements(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var second = await f.Plans.AddOutcomeAsync(f.Plan.Id, await VersionOfAsync<Plan>(f, f.Plan.Id), new OutcomeInput(null, "Hear the voice of the child", null), f.BusinessUnit, Ct);
        await f.Plans.AddOutcomeAsync(f.Plan.Id, await VersionOfAsync<Plan>(f, f.Plan.Id), new OutcomeInput(null, "Never rated", null), f.BusinessUnit, Ct);
        // Last year's red does not count in 2026-27; the outcome's latest rating in the year is Q3's green, not Q1's or Q2's.
        await f.Plans.RateAsync(RatedItemKind.Outcome, f.Outcome.Id, await VersionOfAsync<PlanOutcome>(f, f.Outcome.Id), new RatingInput("2026-Q1", ProgressRating.NotStarted, null), f.BusinessUnit, Ct);
        await f.Plans.RateAsync(RatedItemKind.Outcome, f.Outcome.Id, await VersionOfAsync<PlanOutcome>(f, f.Outcome.Id), new RatingInput("2025-Q4", ProgressRating.MajorIssues, "Last year"), f.BusinessUnit, Ct);
        await f.Plans.RateAsync(RatedItemKind.Outcome, f.Outcome.Id, await VersionOfAsync<PlanOutcome>(f, f.Outcome.Id), new RatingInput("2026-Q2", ProgressRating.IssuesMayDelay, "Recruitment slow"), f.BusinessUnit, Ct);
        await f.Plans.RateAsync(RatedItemKind.Outcome, f.Outcome.Id, await VersionOfAsync<PlanOutcome>(f, f.Outcome.Id), new RatingInput("2026-Q3", ProgressRating.OnTrack, "Agency staff down to 31%"), f.BusinessUnit, Ct);
        await f.Plans.RateAsync(RatedItemKind.Outcome, second.Id, await VersionOfAsync<PlanOutcome>(f, second.Id), new RatingInput("2026-Q2", ProgressRating.MajorIssues, "Forum not yet set up"), f.BusinessUnit, Ct);
        await f.Plans.RateAsync(RatedItemKind.Workstream, f.Workstream.Id, f.Workstream.Version, new RatingInput("2026-Q3", ProgressRating.Finished, null), f.BusinessUnit, Ct);
        await f.Plans.SaveSummaryAsync(f.Plan.Id, "2026-Q2", null, "Family Hub opened\nPledge launched", null, f.BusinessUnit, Ct);
        await f.Plans.SaveSummaryAsync(f.Plan.Id, "2025-Q4", null, "Last year's achievement", null, f.BusinessUnit, Ct);

        var section = f.Journey.Services.Get<Safeguard.AnnualReport.AnnualReportService>().Sections.Single(s => s.Key == "priorities");
        Assert.IsType<PlanReportSection>(section);
        var built = await section.BuildAsync(new Safeguard.AnnualReport.AnnualReportRequest(new ReportingYear(2026), f.BusinessUnit), Ct);
        Assert.True(built.HasRecords);
        var intro = Assert.IsType<Safeguard.AnnualReport.ReportParagraph>(built.Blocks[0]).Text;
        Assert.Contains("\"Improvement plan 2025-27\" runs from 1 April 2025 to 31 March 2027: 3 outcomes delivered through 1 workstream", intro, StringComparison.Ordinal);
        var tables = built.Blocks.OfType<Safeguard.AnnualReport.ReportTable>().ToList();
        Assert.Equal(
            [["Red", "1", "0"], ["Amber", "0", "0"], ["Green", "1", "0"], ["Blue", "0", "1"], ["Not started", "0", "0"], ["Not rated this year", "1", "0"]],
            tables[0].Rows.Select(r => r.ToArray()));
        Assert.Equal(
            [["1. Build a skilled, confident and experienced workforce", "Green", "2026-27 Q3 (October to December 2026)", "Agency staff down to 31%"],
             ["2. Hear the voice of the child", "Red", "2026-27 Q2 (July to September 2026)", "Forum not yet set up"],
             ["3. Never rated", "Not rated this year", "-", ""]],
            tables[1].Rows.Select(r => r.ToArray()));
        Assert.Equal([["2026-27 Q2 (July to September 2026)", "Family Hub opened; Pledge launched", "None recorded"]], tables[2].Rows.Select(r => r.ToArray()));
        Assert.Equal([1m, 0m, 1m, 0m, 0m], built.Blocks.OfType<Safeguard.AnnualReport.ReportChart>().Single().Bars.Select(b => b.Value));
        Assert.Contains(built.Blocks.OfType<Safeguard.AnnualReport.ReportParagraph>(), p => p.Text.StartsWith("Milestones and actions due in 2026-27: 1.", StringComparison.Ordinal));

        // A year the plan does not cover says so plainly.
        var none = await section.BuildAsync(new Safeguard.AnnualReport.AnnualReportRequest(new ReportingYear(2030), f.BusinessUnit), Ct);
        Assert.False(none.HasRecords);
        Assert.Equal("No records yet: the partnership has no improvement plan covering 2030-31.", Assert.IsType<Safeguard.AnnualReport.ReportParagraph>(Assert.Single(none.Blocks)).Text);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Outcomes_workstreams_and_actions_are_changed_from_their_version_checked_and_audited(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var second = await f.Plans.AddOutcomeAsync(f.Plan.Id, await VersionOfAsync<Plan>(f, f.Plan.Id), new OutcomeInput(null, "Improve practice", null), f.BusinessUnit, Ct);
        var (outcomeRead, actionRead) = (second.Version, f.Action.Version);

        // An outcome: its number stays unique in the plan; a change from an older version is refused.
        var taken = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Plans.ChangeOutcomeAsync(second.Id, outcomeRead, new OutcomeInput(1, " ", null), f.BusinessUnit, Ct));
        Assert.Equal([("Title", "Enter the outcome"), ("Number", "The plan already has an outcome 1")], taken.Problems.Select(p => (p.Field, p.Message)));
        await f.Plans.ChangeOutcomeAsync(second.Id, outcomeRead, new OutcomeInput(3, "Improve the quality of practice", "Improve the quality of practice"), f.BusinessUnit, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Plans.ChangeOutcomeAsync(second.Id, outcomeRead, new OutcomeInput(4, "Overwritten", null), f.Lead, Ct));
        var outcome = await f.Journey.Services.Db.Set<PlanOutcome>().AsNoTracking().SingleAsync(o => o.Id == second.Id, Ct);
        Assert.Equal((3, "Improve the quality of practice", "Improve the quality of practice"), (outcome.Number, outcome.Title, outcome.Theme));

        // A milestone or action: every field; completed on a given day (never in the future), or today.
        var bad = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Plans.ChangeActionAsync(f.Action.Id, actionRead, new ActionChange(null, "", null, null, PlanActionStatus.InProgress, new DateOnly(2026, 11, 2)), f.BusinessUnit, Ct));
        Assert.Equal(["Kind", "Title", "DueOn", "OwnerUserId", "CompletedOn"], bad.Problems.Select(p => p.Field));
        var future = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Plans.ChangeActionAsync(f.Action.Id, actionRead, new ActionChange(PlanActionKind.Action, "Reconvene", new DateOnly(2026, 12, 1), f.Owner.UserId, PlanActionStatus.Completed, new DateOnly(2026, 12, 25)), f.BusinessUnit, Ct));
        Assert.Equal("The completion date must be today or earlier, not 25 December 2026", Assert.Single(future.Problems).Message);
        await f.Plans.ChangeActionAsync(f.Action.Id, actionRead, new ActionChange(PlanActionKind.Action, "Reconvene the Workforce Board with its new chair", new DateOnly(2026, 12, 1), f.Owner.UserId, PlanActionStatus.Completed, new DateOnly(2026, 11, 20)), f.BusinessUnit, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Plans.ChangeActionAsync(f.Action.Id, actionRead, new ActionChange(PlanActionKind.Milestone, "Stale", new DateOnly(2026, 11, 1), f.Owner.UserId, PlanActionStatus.NotStarted, null), f.BusinessUnit, Ct));
        var action = await f.Journey.Services.Db.Set<PlanAction>().AsNoTracking().SingleAsync(a => a.Id == f.Action.Id, Ct);
        Assert.Equal((PlanActionKind.Action, "Reconvene the Workforce Board with its new chair", new DateOnly(2026, 12, 1), PlanActionStatus.Completed, (DateOnly?)new DateOnly(2026, 11, 20), true), (action.Kind, action.Title, action.DueOn, action.Status, action.CompletedOn, action.MetOnTime));
        await f.Plans.ChangeActionAsync(f.Action.Id, action.Version, new ActionChange(PlanActionKind.Action, action.Title, action.DueOn, f.Lead.UserId, PlanActionStatus.InProgress, null), f.BusinessUnit, Ct);
        action = await f.Journey.Services.Db.Set<PlanAction>().AsNoTracking().SingleAsync(a => a.Id == f.Action.Id, Ct);
        Assert.Equal((PlanActionStatus.InProgress, (DateOnly?)null, f.Lead.AgencyId!.Value), (action.Status, action.CompletedOn, action.OwnerAgencyId));

        // A workstream: a lead who has since left may be kept, a new lead must be an active user; the lead agency follows the lead.
        var opened = f.Workstream.Version;
        using (f.Journey.Services.Db.BeginProcess("Test.Disable", Actor.System()))
        {
            var lead = await f.Journey.Services.Db.Users.SingleAsync(u => u.Id == f.Lead.UserId, Ct);
            lead.IsDisabled = true;
            await f.Journey.Services.Db.SaveChangesAsync(Ct);
        }

        await f.Plans.ChangeWorkstreamAsync(f.Workstream.Id, opened, new WorkstreamInput("Rolling recruitment", f.Lead.UserId, "Agency staff down to 25%"), f.BusinessUnit, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Plans.ChangeWorkstreamAsync(f.Workstream.Id, opened, new WorkstreamInput("Stale", f.Owner.UserId, null), f.BusinessUnit, Ct));
        var gone = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Plans.ChangeWorkstreamAsync(f.Workstream.Id, opened + 1, new WorkstreamInput("Rolling recruitment", Guid.NewGuid(), null), f.BusinessUnit, Ct));
        Assert.Equal("LeadUserId", Assert.Single(gone.Problems).Field);
        var workstream = await f.Journey.Services.Db.Set<Workstream>().AsNoTracking().SingleAsync(w => w.Id == f.Workstream.Id, Ct);
        Assert.Equal(("Agency staff down to 25%", "Jeanette Richards", f.Lead.AgencyId!.Value), (workstream.Impact, workstream.LeadName, workstream.LeadAgencyId));

        var audited = (await f.Journey.Services.Db.AuditEvents.AsNoTracking().Select(e => e.Process).Distinct().ToListAsync(Ct))
            .Where(p => p.StartsWith("ImprovementPlan.Change", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(["ImprovementPlan.ChangeAction", "ImprovementPlan.ChangeOutcome", "ImprovementPlan.ChangeWorkstream"], audited);
    }
}
