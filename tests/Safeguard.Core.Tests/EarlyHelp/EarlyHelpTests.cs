using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Chronology;
using Safeguard.Common;
using Safeguard.Core.Tests.Journey;
using Safeguard.EarlyHelp;
using Safeguard.FrontDoor;
using Safeguard.Identity;
using Safeguard.Organisations;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Timescales;
using Safeguard.Work;

namespace Safeguard.Core.Tests.EarlyHelp;

/// <summary>Early help episodes: starting, the lead professional, assessment, team, reviews, closure, partners' access, step-down and step-up, due work, the chronology and the figures.</summary>
public class EarlyHelpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private sealed class Fixture : IAsyncDisposable
    {
        public required JourneyFixture Journey { get; init; }

        public EarlyHelpService EarlyHelp => Journey.Services.Get<EarlyHelpService>();

        public Actor Coordinator => Journey.Worker;

        public required Agency School { get; init; }

        public required Agency Locality { get; init; }

        public required Actor Teacher { get; init; }

        public required Actor OtherSchool { get; init; }

        public static async Task<Fixture> CreateAsync(DatabaseProvider provider)
        {
            var journey = await JourneyFixture.CreateAsync(provider);
            var db = journey.Services.Db;
            var school = new Agency { Name = "Bury Grammar", Code = "BG", Type = AgencyType.School };
            var other = new Agency { Name = "Elton High", Code = "EH", Type = AgencyType.School };
            var locality = new Agency { Name = "Early Help Locality Team", Code = "EHL", Type = AgencyType.LocalAuthorityOther };
            var teacher = new User { DisplayName = "Tess Teacher", UserName = "tess.teacher", AgencyId = school.Id, CreatedAt = JourneyFixture.Now };
            using (db.BeginProcess("Test.Seed", Actor.System()))
            {
                db.AddRange(school, other, locality, teacher);
                await db.SaveChangesAsync(Ct);
            }

            return new Fixture
            {
                Journey = journey,
                School = school,
                Locality = locality,
                Teacher = new Actor(teacher.Id, teacher.DisplayName, school.Id),
                OtherSchool = new Actor(Guid.NewGuid(), "Olly Other", other.Id),
            };
        }

        public Task<EarlyHelpEpisode> StartAsync(Guid? child = null, DateOnly? on = null, EarlyHelpLeadInput? lead = null) =>
            EarlyHelp.StartAsync(new EarlyHelpStart { StartedOn = on ?? D(2026, 9, 1), Source = EarlyHelpSource.PartnerAgency, RequestedByAgencyId = School.Id, ChildIds = [child ?? Journey.ChildId], Lead = lead }, Coordinator, Ct);

        public async Task<int> VersionAsync(Guid id) => await Journey.Services.Db.Set<EarlyHelpEpisode>().Where(e => e.Id == id).Select(e => e.Version).SingleAsync(Ct);

        public ValueTask DisposeAsync() => Journey.DisposeAsync();
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_episode_starts_for_a_family_with_its_linked_adults_and_is_refused_field_by_field(DatabaseProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        var db = f.Journey.Services.Db;
        var mother = await f.Journey.Services.Get<PersonIndex>().CreateAsync(new NewPerson { Kind = PersonKind.Adult, GivenNames = "Sara", FamilyName = "Khan", DateOfBirth = D(1990, 1, 1), Sex = "F" }, [], f.Coordinator, Ct);
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.Add(new PersonRelationship { PersonId = f.Journey.ChildId, RelatedPersonId = mother.Id, Kind = RelationshipKind.Mother, HasParentalResponsibility = true });
            await db.SaveChangesAsync(Ct);
        }

        var empty = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.EarlyHelp.StartAsync(new EarlyHelpStart(), f.Coordinator, Ct));
        Assert.Equal(["Source", "StartedOn", "ChildIds", "FamilyName"], empty.Problems.Select(p => p.Field));
        var future = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.StartAsync(on: D(2026, 11, 24)));
        Assert.Equal("The date the episode started must be today or in the past", future.Problems.Single().Message);
        var fromContact = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.EarlyHelp.StartAsync(new EarlyHelpStart { StartedOn = D(2026, 9, 1), Source = EarlyHelpSource.FrontDoor, ChildIds = [f.Journey.ChildId] }, f.Coordinator, Ct));
        Assert.Equal("FrontDoorContactId", fromContact.Problems.Single().Field);

        var episode = await f.StartAsync(lead: new EarlyHelpLeadInput(null, f.Teacher.UserId, null, "Designated safeguarding lead", D(2026, 9, 1)));
        var saved = await db.Set<EarlyHelpEpisode>().AsNoTracking().Include(e => e.Members).Include(e => e.Leads).SingleAsync(Ct);
        Assert.Equal(("The Khan family", EarlyHelpSource.PartnerAgency, f.School.Id), (saved.FamilyName, saved.Source, saved.RequestedByAgencyId));
        Assert.Equal([(f.Journey.ChildId, true), (mother.Id, false)], saved.Members.OrderByDescending(m => m.IsChild).Select(m => (m.PersonId, m.IsChild)));
        Assert.Equal(("Tess Teacher", f.School.Id, f.Teacher.UserId), (saved.Leads.Single().Name, saved.Leads.Single().AgencyId, saved.Leads.Single().UserId));
        Assert.Contains("EarlyHelp.Start", await db.AuditEvents.Where(e => e.EntityType == "EarlyHelpEpisode" && e.EntityId == episode.Id.ToString()).Select(e => e.Process).ToListAsync(Ct));

        var again = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.StartAsync());
        Assert.Equal("A child of the family already has an open early help episode", again.Problems.Single().Message);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_list_leaves_out_an_episode_with_a_restricted_member_from_a_reader_not_on_its_access_list(DatabaseProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        var people = f.Journey.Services.Get<PersonIndex>();
        var other = await f.Journey.AddChildAsync("Noor", "Begum");
        var open = await f.StartAsync();
        var restricted = await f.StartAsync(child: other);
        var version = (await f.Journey.Services.Db.People.AsNoTracking().SingleAsync(p => p.Id == other, Ct)).Version;
        await people.SetRestrictionAsync(other, version, [f.Coordinator.UserId!.Value], "Staff relative", f.Coordinator, Ct);
        var colleague = new Actor(Guid.NewGuid(), "Kim Colleague", f.Coordinator.AgencyId);

        Assert.Equal(new[] { open.Id, restricted.Id }.Order(), (await f.EarlyHelp.ListAsync(new EarlyHelpListQuery(), partner: false, f.Coordinator, Ct)).Select(i => i.Id).Order());
        Assert.Equal([open.Id], (await f.EarlyHelp.ListAsync(new EarlyHelpListQuery(), partner: false, colleague, Ct)).Select(i => i.Id));
        var page = await f.EarlyHelp.ListPageAsync(new EarlyHelpListQuery(), partner: false, colleague, 1, cancellationToken: Ct);
        Assert.Equal((1, open.Id), (page.Total, page.Items.Single().Id));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_list_puts_open_episodes_first_by_review_anchor_then_closed_ones_most_recently_closed_first_with_their_leads(DatabaseProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        var lead = new EarlyHelpLeadInput(f.Locality.Id, null, "Lou Locality", null, D(2026, 8, 1));
        var later = await f.StartAsync(f.Journey.ChildId, D(2026, 9, 1));
        var earlier = await f.StartAsync(await f.Journey.AddChildAsync("Bilal", "Ahmed"), D(2026, 8, 1), lead);
        var closedFirst = await f.StartAsync(await f.Journey.AddChildAsync("Cara", "Jones"), D(2026, 5, 1));
        var closedLast = await f.StartAsync(await f.Journey.AddChildAsync("Dana", "Kerr"), D(2026, 4, 1));
        await f.EarlyHelp.CloseAsync(closedFirst.Id, await f.VersionAsync(closedFirst.Id), new(D(2026, 10, 1), EarlyHelpOutcome.NeedsMet, null), partner: false, f.Coordinator, Ct);
        await f.EarlyHelp.CloseAsync(closedLast.Id, await f.VersionAsync(closedLast.Id), new(D(2026, 11, 1), EarlyHelpOutcome.NeedsMet, null), partner: false, f.Coordinator, Ct);

        var all = await f.EarlyHelp.ListAsync(new EarlyHelpListQuery(IncludeClosed: true), partner: false, f.Coordinator, Ct);
        Assert.Equal([earlier.Id, later.Id, closedLast.Id, closedFirst.Id], all.Select(i => i.Id));
        var page = await f.EarlyHelp.ListPageAsync(new EarlyHelpListQuery(IncludeClosed: true), partner: false, f.Coordinator, 2, pageSize: 2, cancellationToken: Ct);
        Assert.Equal((4, 2), (page.Total, page.Page));
        Assert.Equal([closedLast.Id, closedFirst.Id], page.Items.Select(i => i.Id));
        var first = all[0];
        Assert.Equal(("Lou Locality", f.Locality.Id, f.Locality.Name, 1, (DateOnly?)null), (first.LeadName, first.LeadAgencyId, first.LeadAgency, first.Children, first.ClosedOn));
        Assert.Null(all[1].LeadName);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_episode_is_worked_through_to_closure_with_versions_checked_and_partners_limited_to_their_own(DatabaseProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        var episode = await f.StartAsync(lead: new EarlyHelpLeadInput(f.Locality.Id, null, "Lou Locality", "Early help practitioner", D(2026, 9, 1)));

        // The school is neither lead nor in the team: it sees nothing and changes nothing.
        Assert.Null(await f.EarlyHelp.GetAsync(episode.Id, partner: true, f.Teacher, Ct));
        Assert.Empty(await f.EarlyHelp.ListAsync(new EarlyHelpListQuery(), partner: true, f.Teacher, Ct));
        await Assert.ThrowsAsync<SafeguardValidationException>(() => f.EarlyHelp.RecordReviewAsync(episode.Id, 0, new(D(2026, 10, 1), EarlyHelpProgress.Improving, null), partner: true, f.Teacher, Ct));

        var memberId = await f.EarlyHelp.AddTeamMemberAsync(episode.Id, 0, new EarlyHelpTeamMemberInput(null, f.Teacher.UserId, null, "Class teacher", D(2026, 9, 8)), partner: false, f.Coordinator, Ct);
        Assert.NotNull(await f.EarlyHelp.GetAsync(episode.Id, partner: true, f.Teacher, Ct));
        Assert.Single(await f.EarlyHelp.ListAsync(new EarlyHelpListQuery(), partner: true, f.Teacher, Ct));
        Assert.Null(await f.EarlyHelp.GetAsync(episode.Id, partner: true, f.OtherSchool, Ct));

        // A change made from an older version is refused.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.EarlyHelp.RecordReviewAsync(episode.Id, 0, new(D(2026, 10, 1), EarlyHelpProgress.Improving, null), partner: true, f.Teacher, Ct));
        var badAssessment = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.EarlyHelp.RecordAssessmentAsync(episode.Id, 1, new(D(2026, 9, 2), D(2026, 9, 20), D(2026, 9, 10), ["nonsense"]), partner: true, f.Teacher, Ct));
        Assert.Equal(["AuthorisedOn", "Needs"], badAssessment.Problems.Select(p => p.Field));
        await f.EarlyHelp.RecordAssessmentAsync(episode.Id, 1, new(D(2026, 9, 2), D(2026, 9, 20), D(2026, 9, 22), ["housing", "education"]), partner: true, f.Teacher, Ct);
        await f.EarlyHelp.RecordReviewAsync(episode.Id, 2, new(D(2026, 10, 1), EarlyHelpProgress.Improving, "Attendance up"), partner: true, f.Teacher, Ct);
        await f.EarlyHelp.ChangeLeadAsync(episode.Id, 3, new EarlyHelpLeadInput(null, f.Teacher.UserId, null, "Designated safeguarding lead", D(2026, 10, 1)), partner: false, f.Coordinator, Ct);
        await f.EarlyHelp.MemberLeftAsync(episode.Id, 4, memberId, D(2026, 10, 1), partner: false, f.Coordinator, Ct);

        var view = (await f.EarlyHelp.GetAsync(episode.Id, partner: true, f.Teacher, Ct))!;
        Assert.Equal("education,housing", view.Episode.Needs);
        Assert.Equal((D(2026, 9, 1), (DateOnly?)D(2026, 10, 1)), (view.Episode.Leads.Single(l => l.Name == "Lou Locality").From, view.Episode.Leads.Single(l => l.Name == "Lou Locality").To));
        Assert.Equal(D(2026, 11, 12), view.NextReview!.Deadline.DueDate);

        var closeUp = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.EarlyHelp.CloseAsync(episode.Id, 5, new(D(2026, 11, 20), EarlyHelpOutcome.SteppedUp, null), partner: true, f.Teacher, Ct));
        Assert.Equal("Outcome", closeUp.Problems.Single().Field);
        await f.EarlyHelp.CloseAsync(episode.Id, 5, new(D(2026, 11, 20), EarlyHelpOutcome.NeedsMet, null), partner: true, f.Teacher, Ct);
        var closed = await f.Journey.Services.Db.Set<EarlyHelpEpisode>().AsNoTracking().Include(e => e.Leads).SingleAsync(Ct);
        Assert.Equal((D(2026, 11, 20), EarlyHelpOutcome.NeedsMet), (closed.ClosedOn, closed.Outcome));
        Assert.All(closed.Leads, l => Assert.NotNull(l.To));
        await Assert.ThrowsAsync<SafeguardValidationException>(() => f.EarlyHelp.RecordReviewAsync(episode.Id, 6, new(D(2026, 11, 21), EarlyHelpProgress.Improving, null), partner: false, f.Coordinator, Ct));
        var processes = await f.Journey.Services.Db.AuditEvents.Where(e => e.EntityType == "EarlyHelpEpisode").Select(e => e.Process).Distinct().ToListAsync(Ct);
        Assert.Contains("EarlyHelp.AgencyViewEpisode", processes);
        Assert.Contains("EarlyHelp.Close", processes);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_review_overdue_is_on_the_lead_professionals_due_work_and_early_help_is_on_the_chronology(DatabaseProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        var episode = await f.StartAsync(on: D(2026, 9, 1), lead: new EarlyHelpLeadInput(null, f.Coordinator.UserId, null, "Early help practitioner", D(2026, 9, 1)));
        await f.EarlyHelp.RecordReviewAsync(episode.Id, 0, new(D(2026, 9, 29), EarlyHelpProgress.NoChange, null), partner: false, f.Coordinator, Ct);

        var source = f.Journey.Services.Get<IEnumerable<IDueWorkSource>>().OfType<EarlyHelpDueWorkSource>().Single();
        var mine = await source.DueAsync(new DueWorkQuery(WorkerId: f.Coordinator.UserId), Ct);
        var item = Assert.Single(mine);
        Assert.Equal(("The Khan family", "Early help: team around the family review", D(2026, 11, 10), DeadlineStatus.Overdue, $"/early-help/{episode.Id}", f.Journey.Team.Id),
            (item.ChildName, item.What, item.Assessment.Deadline.DueDate, item.Assessment.Status, item.Link, item.TeamId));
        Assert.Empty(await source.DueAsync(new DueWorkQuery(WorkerId: f.Teacher.UserId), Ct));

        var chronology = (await f.Journey.Services.Get<ChronologyService>().ForPersonAsync(f.Journey.ChildId, new ChronologyFilter([ChronologyKinds.EarlyHelp]), f.Coordinator, Ct))!;
        Assert.Equal(["Early help started (a partner agency directly)", "Early help lead professional: Sam Worker, Early help practitioner", "Team around the family review: no change"],
            chronology.OrderBy(e => e.OccurredAt).ThenBy(e => e.Title.Length).Select(e => e.Title));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Closing_social_care_with_a_step_down_opens_early_help_in_the_same_save_and_a_step_up_makes_a_contact(DatabaseProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        var db = f.Journey.Services.Db;
        var episodeId = await f.Journey.OpenAsync();
        var assessmentId = (await f.Journey.Casework.StartAssessmentAsync(episodeId, 0, D(2026, 10, 2), null, f.Coordinator, Ct)).Id;
        await f.Journey.Casework.CompleteAssessmentAsync(episodeId, 1, assessmentId, null, D(2026, 10, 20), ["21"], f.Coordinator, Ct);

        // A refused closure opens nothing.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Journey.Casework.CloseAsync(episodeId, 0, D(2026, 10, 30), "RC9", f.Coordinator, Ct));
        Assert.Empty(await db.Set<EarlyHelpEpisode>().ToListAsync(Ct));

        await f.Journey.Casework.CloseAsync(episodeId, 2, D(2026, 10, 30), "RC9", f.Coordinator, Ct);
        var stepped = await db.Set<EarlyHelpEpisode>().AsNoTracking().Include(e => e.Members).SingleAsync(Ct);
        Assert.Equal((EarlyHelpSource.StepDown, D(2026, 10, 30), (Guid?)episodeId, f.Journey.ChildId), (stepped.Source, stepped.StartedOn, stepped.StepDownFromEpisodeId, stepped.Members.Single().PersonId));
        Assert.Contains("Casework.Close", await db.AuditEvents.Where(e => e.EntityId == stepped.Id.ToString()).Select(e => e.Process).ToListAsync(Ct));

        var refused = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.EarlyHelp.StepUpAsync(stepped.Id, stepped.Version, new(null, null, null), f.Coordinator, Ct));
        Assert.Equal(["Concerns", "Consent"], refused.Problems.Select(p => p.Field));
        var contactId = await f.EarlyHelp.StepUpAsync(stepped.Id, stepped.Version, new("Neglect is getting worse despite the plan", ConsentPosition.Given, null), f.Coordinator, Ct);
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Children).SingleAsync(c => c.Id == contactId, Ct);
        Assert.Equal(("5D", f.Journey.ChildId), (contact.ReferralSource, contact.Children.Single().PersonId));
        await f.EarlyHelp.CloseAsync(stepped.Id, await f.VersionAsync(stepped.Id), new(D(2026, 11, 23), EarlyHelpOutcome.SteppedUp, null), partner: false, f.Coordinator, Ct);
        Assert.Equal(D(2026, 11, 23), (await db.Set<EarlyHelpEpisode>().AsNoTracking().SingleAsync(Ct)).SteppedUpOn);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_partner_lead_professionals_due_reviews_are_on_their_due_work_linked_to_their_agencys_page(DatabaseProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        var db = f.Journey.Services.Db;
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            var partner = await db.Roles.SingleAsync(r => r.Name == Roles.PartnerPractitioner, Ct);
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = f.Teacher.UserId!.Value, RoleId = partner.Id });
            await db.SaveChangesAsync(Ct);
        }

        var episode = await f.StartAsync(on: D(2026, 9, 1), lead: new EarlyHelpLeadInput(null, f.Teacher.UserId, null, "Designated safeguarding lead", D(2026, 9, 1)));
        var other = await f.Journey.AddChildAsync("Bilal", "Ahmed");
        await f.StartAsync(other, D(2026, 9, 1), new EarlyHelpLeadInput(f.Locality.Id, null, "Lou Locality", null, D(2026, 9, 1)));

        var mine = await f.Journey.Services.Get<DueWorkList>().ReadAsync(new DueWorkQuery(WorkerId: f.Teacher.UserId), Ct);
        var item = Assert.Single(mine);
        Assert.Equal(("The Khan family", "Early help: first team around the family review", D(2026, 10, 13), DeadlineStatus.Overdue, $"/my-agency/early-help/{episode.Id}", (Guid?)f.Teacher.UserId),
            (item.ChildName, item.What, item.Assessment.Deadline.DueDate, item.Assessment.Status, item.Link, item.WorkerId));

        // The coordinator's view of all the work links every episode to the early help pages.
        var all = await f.Journey.Services.Get<DueWorkList>().ReadAsync(new DueWorkQuery(), Ct);
        Assert.Equal([$"/early-help/{episode.Id}"], all.Where(i => i.ChildName == "The Khan family").Select(i => i.Link));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_step_up_is_one_save_so_an_episode_changed_meanwhile_refuses_it_and_leaves_no_contact(DatabaseProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        var db = f.Journey.Services.Db;
        var episode = await f.StartAsync(lead: new EarlyHelpLeadInput(f.Locality.Id, null, "Lou Locality", "Early help practitioner", D(2026, 9, 1)));
        var input = new EarlyHelpStepUpInput("Neglect is getting worse despite the plan", ConsentPosition.Given, null);
        var stepUps = db.Contacts.AsNoTracking().Where(c => c.ReferralSource == "5D");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.EarlyHelp.StepUpAsync(episode.Id, episode.Version + 1, input, f.Coordinator, Ct));
        Assert.Empty(await stepUps.ToListAsync(Ct));

        // Someone else changes the episode while the step-up is being saved: its version moves on under it.
        var raced = false;
        void ChangeMeanwhile(object? sender, SavingChangesEventArgs e)
        {
            if (!raced)
            {
                raced = true;
                ((DbContext)sender!).Database.ExecuteSqlRaw("UPDATE \"EarlyHelpEpisodes\" SET \"Version\" = \"Version\" + 1");
            }
        }

        db.SavingChanges += ChangeMeanwhile;
        try
        {
            await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.EarlyHelp.StepUpAsync(episode.Id, episode.Version, input, f.Coordinator, Ct));
        }
        finally
        {
            db.SavingChanges -= ChangeMeanwhile;
        }

        Assert.True(raced);
        Assert.Empty(await stepUps.ToListAsync(Ct));
        Assert.Null((await db.Set<EarlyHelpEpisode>().AsNoTracking().SingleAsync(Ct)).StepUpContactId);

        var contactId = await f.EarlyHelp.StepUpAsync(episode.Id, await f.VersionAsync(episode.Id), input, f.Coordinator, Ct);
        var saved = await db.Set<EarlyHelpEpisode>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal(((Guid?)contactId, (DateOnly?)JourneyFixture.Today), (saved.StepUpContactId, saved.SteppedUpOn));
        Assert.Equal(contactId, (await stepUps.SingleAsync(Ct)).Id);
        var processes = await db.AuditEvents.Where(e => (e.EntityType == "Contact" && e.EntityId == contactId.ToString()) || (e.EntityType == "EarlyHelpEpisode" && e.EntityId == episode.Id.ToString() && e.Process == "EarlyHelp.StepUp"))
            .Select(e => new { e.EntityType, e.Process, e.Sequence }).ToListAsync(Ct);
        Assert.Equal(["EarlyHelp.StepUp"], processes.Select(p => p.Process).Distinct());
        Assert.Contains(processes, p => p.EntityType == "EarlyHelpEpisode");
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_figures_count_the_lead_share_at_each_quarter_end_and_indicators_4_1_and_4_2_come_from_the_records(DatabaseProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        var second = await f.Journey.AddChildAsync("Bilal", "Ahmed");
        var third = await f.Journey.AddChildAsync("Cara", "Jones");
        var a = await f.StartAsync(f.Journey.ChildId, D(2026, 4, 10), new EarlyHelpLeadInput(f.Locality.Id, null, "Lou Locality", null, D(2026, 4, 10)));
        var b = await f.StartAsync(second, D(2026, 5, 1), new EarlyHelpLeadInput(f.Locality.Id, null, "Lou Locality", null, D(2026, 5, 1)));
        await f.StartAsync(third, D(2026, 8, 1));
        await f.EarlyHelp.RecordAssessmentAsync(a.Id, 0, new(D(2026, 4, 12), D(2026, 5, 1), D(2026, 5, 3), ["health"]), partner: false, f.Coordinator, Ct);
        await f.EarlyHelp.ChangeLeadAsync(b.Id, 0, new EarlyHelpLeadInput(null, f.Teacher.UserId, null, null, D(2026, 7, 15)), partner: false, f.Coordinator, Ct);
        await f.EarlyHelp.CloseAsync(a.Id, 1, new(D(2026, 8, 20), EarlyHelpOutcome.MovedAway, null), partner: false, f.Coordinator, Ct);

        var year = await f.Journey.Services.Get<EarlyHelpFiguresService>().ForYearAsync(new ReportingYear(2026), f.Coordinator, Ct);
        Assert.Equal(3, year.Quarters.Count);
        var (q1, q2) = (year.Quarters[0], year.Quarters[1]);
        Assert.Equal((2, 0, 2, 1, 2), (q1.Opened, q1.Closed, q1.OpenAtEnd, q1.AssessmentsAuthorised, q1.LeadsByAgency[f.Locality.Id]));
        Assert.Equal((1, 1, 2, 1), (q2.Opened, q2.Closed, q2.OpenAtEnd, q2.OpenWithoutLead));
        Assert.Equal((100m, 1), (q2.Share(f.School.Id)!.Value, q2.Outcomes[EarlyHelpOutcome.MovedAway]));
        Assert.False(q2.LeadsByAgency.ContainsKey(f.Locality.Id));

        var facts = await EarlyHelpFacts.LoadAsync(f.Journey.Services.Db, JourneyFixture.Now, D(2026, 4, 1), D(2027, 3, 31), Ct);
        var open = EarlyHelpIndicators.All.Single(i => i.Key == "early-help-open").Count;
        var authorised = EarlyHelpIndicators.All.Single(i => i.Key == "early-help-assessments-authorised").Count;
        Assert.Equal(2, open(facts, new ReportingYear(2026).Quarter(1)).Numerator);
        Assert.Equal(2, open(facts, new ReportingYear(2026).Quarter(2)).Numerator);
        Assert.Equal(1, authorised(facts, new ReportingYear(2026).Quarter(1)).Numerator);
        Assert.Equal(0, authorised(facts, new ReportingYear(2026).Quarter(2)).Numerator);
    }
}
