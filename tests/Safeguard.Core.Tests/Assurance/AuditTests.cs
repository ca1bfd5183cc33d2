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
/// Multi-agency audits: a sample drawn from children's records (restricted records only for a user named on them),
/// returns answered only by the agency asked, return rates, moderation differences, and findings and actions joining
/// the case reviews' themes and tracker.
/// </summary>
public class AuditTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly October = new(2026, 10, 1);

    private sealed class Fixture : IAsyncDisposable
    {
        public required JourneyFixture Journey { get; init; }

        public required Actor BusinessUnit { get; init; }

        public required Actor Police { get; init; }

        public required Actor Health { get; init; }

        public required Guid RestrictedChild { get; init; }

        public AuditService Audits => Journey.Services.Get<AuditService>();

        public AuditReturnService Returns => Journey.Services.Get<AuditReturnService>();

        public ValueTask DisposeAsync() => Journey.DisposeAsync();
    }

    private static async Task<Fixture> CreateAsync(DatabaseProvider provider)
    {
        var journey = await JourneyFixture.CreateAsync(provider);
        foreach (var (given, family) in new[] { ("Amira", "Khan"), ("Ben", "Ash"), ("Cara", "Birch") })
        {
            var child = family == "Khan" ? journey.ChildId : await journey.AddChildAsync(given, family);
            await journey.OpenAsync(child, October.AddDays(given.Length));
        }

        var restricted = await journey.AddChildAsync("Dana", "Cedar", restricted: true);
        await journey.OpenAsync(restricted, October.AddDays(3));
        // A child referred before the period is never drawn.
        await journey.OpenAsync(await journey.AddChildAsync("Eli", "Dogwood"), new DateOnly(2026, 8, 1));

        var db = journey.Services.Db;
        var police = new Agency { Name = "Greater Manchester Police", Code = "GMP", Type = AgencyType.Police };
        var health = new Agency { Name = "Bury Integrated Care Board", Code = "ICB", Type = AgencyType.HealthCommissioner };
        var lead = new User { DisplayName = "Dev Data", UserName = "dev.data", AgencyId = police.Id, CreatedAt = JourneyFixture.Now };
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.AddRange(police, health, lead);
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
            Health = new Actor(Guid.NewGuid(), "Hana Health", health.Id),
            RestrictedChild = restricted,
        };
    }

    private static AuditReturnDueWorkSource DueWork(Fixture f) => f.Journey.Services.Get<IEnumerable<IDueWorkSource>>().OfType<AuditReturnDueWorkSource>().Single();

    private static NewAudit Neglect => new("Neglect in the early years", "Neglect", 2026, "Was neglect recognised early?\nDid agencies share information?", null);

    private static async Task<MultiAgencyAudit> OpenAuditAsync(Fixture f)
    {
        var audit = await f.Audits.CreateAsync(Neglect, f.BusinessUnit, Ct);
        await f.Audits.SampleAsync(audit.Id, new SampleRequest(SampleCriterion.Referred, October, new DateOnly(2026, 10, 31), 10), f.BusinessUnit, Ct);
        var fresh = await f.Audits.GetAsync(audit.Id, Ct);
        var agencies = await f.Journey.Services.Db.Agencies.Where(a => a.Code == "GMP" || a.Code == "ICB").Select(a => a.Id).ToListAsync(Ct);
        await f.Audits.OpenReturnsAsync(audit.Id, fresh!.Version, agencies, new DateOnly(2026, 12, 4), f.BusinessUnit, Ct);
        return (await f.Audits.GetAsync(audit.Id, Ct))!;
    }

    private static async Task AnswerAsync(Fixture f, AuditReturn r, Actor actor, string grade)
    {
        var view = (await f.Returns.GetAsync(r.Id, actor, Ct))!;
        await f.Returns.SaveAsync(r.Id, view.Return.Version, view.Lines.ToDictionary(l => l.Question.Id, l => (string?)$"Answer to {l.Question.Number}"), grade, "Case file read", submit: true, actor, Ct);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_sample_is_drawn_from_the_criterion_and_leaves_out_restricted_records_unless_the_user_is_named_on_them(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var period = new SampleRequest(SampleCriterion.Referred, October, new DateOnly(2026, 10, 31), 10);

        var audit = await f.Audits.CreateAsync(Neglect, f.BusinessUnit, Ct);
        Assert.Equal(MultiAgencyAudit.DefaultScale, audit.Grades);
        var drawn = await f.Audits.SampleAsync(audit.Id, period, f.BusinessUnit, Ct);
        Assert.Equal(3, drawn.Count);
        Assert.DoesNotContain(drawn, c => c.PersonId == f.RestrictedChild);
        Assert.Equal([1, 2, 3], drawn.Select(c => c.Number).Order());
        Assert.Equal(3, await f.Journey.Services.Db.AuditEvents.CountAsync(e => e.Process == "Assurance.SampleCases" && e.Kind == AuditEventKind.Access, Ct));
        var none = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Audits.SampleAsync(audit.Id, period, f.BusinessUnit, Ct));
        Assert.Contains("No child's record", none.Problems[0].Message, StringComparison.Ordinal);

        // The worker who restricted the record is named on it, so their sample may hold it; the business unit then sees it only as restricted.
        var theirs = await f.Audits.CreateAsync(Neglect with { Title = "Neglect, second look" }, f.BusinessUnit, Ct);
        var withRestricted = await f.Audits.SampleAsync(theirs.Id, period, f.Journey.Worker, Ct);
        Assert.Contains(withRestricted, c => c.PersonId == f.RestrictedChild);
        var seen = await f.Audits.CasesAsync(theirs.Id, f.BusinessUnit, Ct);
        var hidden = Assert.Single(seen, c => c.Restricted);
        Assert.Equal("Restricted record", hidden.ChildName);
        Assert.All(seen.Where(c => !c.Restricted), c => Assert.NotEqual("Restricted record", c.ChildName));

        var bad = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Audits.SampleAsync(audit.Id, new SampleRequest(null, October, October.AddDays(-1), 0), f.BusinessUnit, Ct));
        Assert.Equal(["Criterion", "To", "Size"], bad.Problems.Select(p => p.Field));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Only_the_agency_asked_answers_its_return_and_the_rates_count_what_each_agency_returned(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var audit = await OpenAuditAsync(f);
        var policeReturns = await f.Returns.ForAgencyAsync(f.Police, Ct);
        Assert.Equal(3, policeReturns.Count);
        var first = policeReturns[0].Return;

        Assert.Null(await f.Returns.GetAsync(first.Id, f.Health, Ct));
        var refused = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Returns.SaveAsync(first.Id, first.Version, new Dictionary<Guid, string?>(), "Good", "x", true, f.Health, Ct));
        Assert.Contains("Only the agency asked", refused.Problems[0].Message, StringComparison.Ordinal);

        var incomplete = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Returns.SaveAsync(first.Id, first.Version, new Dictionary<Guid, string?>(), "Brilliant", null, true, f.Police, Ct));
        Assert.Equal(["Answer1", "Answer2", "Grade", "Evidence"], incomplete.Problems.Select(p => p.Field));

        // The police data lead sees the returns owed on their due work until they are in.
        var due = await DueWork(f).DueAsync(new DueWorkQuery(WorkerId: f.Police.UserId), Ct);
        Assert.Equal("3 cases", Assert.Single(due).ChildName);
        Assert.Empty(await DueWork(f).DueAsync(new DueWorkQuery(WorkerId: f.Journey.Worker.UserId), Ct));

        await AnswerAsync(f, first, f.Police, "Good");
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Returns.SaveAsync(policeReturns[1].Return.Id, policeReturns[1].Return.Version + 3, new Dictionary<Guid, string?>(), null, null, false, f.Police, Ct));
        Assert.Contains("changed by someone else", stale.Message, StringComparison.Ordinal);
        var again = await Assert.ThrowsAsync<SafeguardValidationException>(() => AnswerAsync(f, first, f.Police, "Good"));
        Assert.Contains("was submitted", again.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains(await f.Journey.Services.Db.AuditEvents.Where(e => e.Kind == AuditEventKind.Access && e.Process == "Assurance.ViewAuditReturn").Select(e => e.EntityType).ToListAsync(Ct), t => t == "Person");

        var rates = await f.Returns.RatesAsync(audit.Id, cancellationToken: Ct);
        Assert.Equal([("Bury Integrated Care Board", 3, 0, 0m), ("Greater Manchester Police", 3, 1, 33.3m)], rates.Select(r => (r.AgencyName, r.Asked, r.Returned, r.Rate)));
        Assert.Equal("2 cases", Assert.Single(await DueWork(f).DueAsync(new DueWorkQuery(WorkerId: f.Police.UserId), Ct)).ChildName);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Moderation_counts_agreement_and_over_optimism_and_the_annual_figures_report_them(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var audit = await OpenAuditAsync(f);
        var cases = await f.Audits.CasesAsync(audit.Id, f.BusinessUnit, Ct);
        string[] auditor = ["Good", "Good", "Inadequate"];
        string[] moderator = ["Requires improvement", "Good", "Requires improvement"];
        for (var i = 0; i < 3; i++)
        {
            await AnswerAsync(f, cases[i].Returns.Single(r => r.AgencyId == f.Police.AgencyId), f.Police, auditor[i]);
            await f.Audits.ModerateAsync(cases[i].Case.Id, cases[i].Case.Version, moderator[i], "Moderated at the audit meeting", f.BusinessUnit, Ct);
        }

        var moderation = await f.Audits.ModerationAsync(audit.Id, cancellationToken: Ct);
        Assert.Equal((3, 1, 1, 1), (moderation.Compared, moderation.Agreed, moderation.OverOptimistic, moderation.OverCautious));
        var optimistic = Assert.Single(moderation.Differences, d => d.Comparison == GradeComparison.OverOptimistic);
        Assert.Equal((1, "Good", "Requires improvement", 1), (optimistic.CaseNumber, optimistic.AuditorGrade, optimistic.ModeratorGrade, optimistic.Steps));
        var wrong = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Audits.ModerateAsync(cases[0].Case.Id, cases[0].Case.Version + 1, "Excellent", null, f.BusinessUnit, Ct));
        Assert.Equal("Grade", wrong.Problems[0].Field);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Audits.ModerateAsync(cases[0].Case.Id, cases[0].Case.Version, "Good", null, f.BusinessUnit, Ct));

        var figures = await f.Journey.Services.Get<AuditFigures>().ForYearAsync(new ReportingYear(2026), Ct);
        Assert.Equal((1, 0, 6, 3, 50m), (figures.Audits, figures.Completed, figures.Asked, figures.Returned, figures.ReturnRate));
        Assert.Equal([("Good", 2), ("Inadequate", 1)], figures.Grades.Select(g => (g.Grade, g.Returns)));
        Assert.Equal(33.3m, figures.Moderation.OverOptimismRate);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Findings_and_actions_join_the_learning_themes_and_the_action_tracker_and_an_audit_can_be_inconclusive(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var audit = await OpenAuditAsync(f);
        var theme = await f.Journey.Services.Get<LearningService>().AddThemeAsync("Sharing with schools", f.BusinessUnit, Ct);
        await f.Audits.AddFindingAsync(audit.Id, "Police did not share the domestic abuse notification with school", theme.Id, f.BusinessUnit, Ct);
        var other = await f.Audits.CreateAsync(Neglect with { Title = "Missing children" }, f.BusinessUnit, Ct);
        await f.Audits.AddFindingAsync(other.Id, "Return home interview findings not shared", theme.Id, f.BusinessUnit, Ct);

        var themes = await f.Journey.Services.Get<ReviewTracker>().ThemesAsync(Ct);
        var sharing = themes.Single(t => t.ThemeId == theme.Id);
        Assert.Same(sharing, themes[0]);
        Assert.Equal((0, 2, true), (sharing.ReviewCount, sharing.AuditCount, sharing.Recurs));
        Assert.Equal(["Missing children", "Neglect in the early years"], sharing.Audits!.Select(a => a.Title).Order());

        var police = f.Police.AgencyId!.Value;
        var noAgency = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Audits.AddActionAsync(audit.Id, "Share notifications", null, "DI Shaw", null, f.BusinessUnit, Ct));
        Assert.Equal(["OwningAgencyId", "DueOn"], noAgency.Problems.Select(p => p.Field));
        var action = await f.Audits.AddActionAsync(audit.Id, "Share every domestic abuse notification with the school by 9am", police, "DI Shaw", new DateOnly(2026, 11, 1), f.BusinessUnit, Ct);
        var outstanding = Assert.Single(await f.Journey.Services.Get<ReviewTracker>().OutstandingActionsAsync(Ct));
        Assert.Equal(($"/assurance/audits/{audit.Id}/findings", "Audit: Neglect in the early years", true), (outstanding.Href, outstanding.Reference, outstanding.IsOverdue));

        var noEvidence = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Audits.UpdateActionAsync(action.Id, action.Version, ReviewActionStatus.Completed, null, f.BusinessUnit, Ct));
        Assert.Equal("Evidence", noEvidence.Problems[0].Field);
        await f.Audits.UpdateActionAsync(action.Id, action.Version, ReviewActionStatus.SignedOff, "Protocol in place from 1 November", f.BusinessUnit, Ct);
        Assert.Empty(await f.Journey.Services.Get<ReviewTracker>().OutstandingActionsAsync(Ct));

        var healthReturn = (await f.Returns.ForAgencyAsync(f.Health, Ct))[0].Return;
        var fresh = (await f.Audits.GetAsync(audit.Id, Ct))!;
        await f.Audits.ConcludeAsync(audit.Id, fresh.Version, inconclusive: true, "Inconclusive: insufficient engagement from partners (no health returns)", f.BusinessUnit, Ct);
        Assert.Equal(AuditStatus.Inconclusive, (await f.Audits.GetAsync(audit.Id, Ct))!.Status);
        Assert.Empty(await f.Returns.ForAgencyAsync(f.Health, Ct));
        var closed = await Assert.ThrowsAsync<SafeguardValidationException>(() => AnswerAsync(f, healthReturn, f.Health, "Good"));
        Assert.Contains("no longer taking returns", closed.Problems[0].Message, StringComparison.Ordinal);
        var figures = await f.Journey.Services.Get<AuditFigures>().ForYearAsync(new ReportingYear(2026), Ct);
        Assert.Equal((2, 0, 1), (figures.Audits, figures.Completed, figures.Inconclusive));
    }
}
