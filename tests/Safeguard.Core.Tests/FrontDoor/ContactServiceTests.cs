using Microsoft.EntityFrameworkCore;
using Safeguard.Chronology;
using Safeguard.Common;
using Safeguard.Core.Tests.CaseReviews;
using Safeguard.FrontDoor;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Timescales;
using Safeguard.Work;

namespace Safeguard.Core.Tests.FrontDoor;

/// <summary>Contacts at the front door: recording, triage, decisions against the 1-working-day clock, and what partners see.</summary>
public class ContactServiceTests
{
    // Monday 23 November 2026, 10:00 UTC (the fixture's clock).
    private static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static NewPerson Child(string given, string family, DateOnly dob, string? nhs = null) => new()
    {
        GivenNames = given,
        FamilyName = family,
        DateOfBirth = dob,
        Sex = "F",
        NhsNumber = nhs,
    };

    private static async Task<NewContact> ContactAsync(CaseReviewFixture f, params ContactChildInput[] children) => new()
    {
        ReceivedAt = Monday10.AddHours(-1),
        FromAgencyId = await f.AgencyAsync("POLICE"),
        ReferrerName = "PC Jo Bloggs",
        ReferrerRole = "Public Protection Unit, 0161 000 0000",
        ReferralSource = "6",
        Concerns = "Domestic abuse incident at the home overnight; both children present.",
        Consent = ConsentPosition.Given,
        Children = children,
    };

    private static async Task<Guid> LevelAsync(CaseReviewFixture f, int level) =>
        (await f.Db.ThresholdLevels.AsNoTracking().SingleAsync(l => l.Level == level && l.IsActive, Ct)).Id;

    private static async Task<int> VersionAsync(CaseReviewFixture f, Guid contactId) =>
        (await f.Db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contactId, Ct)).Version;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_contact_about_two_siblings_is_triaged_and_decided_within_a_working_day_and_handed_on_as_a_referral(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var service = f.Get<ContactService>();
        var frontDoor = await f.ActorAsync("front.door");
        var known = await f.Get<PersonIndex>().CreateAsync(Child("Ayla", "Brennan", new DateOnly(2016, 5, 1)), [], frontDoor, Ct);

        var contact = await service.RecordAsync(
            await ContactAsync(f, new ContactChildInput(known.Id), new ContactChildInput(null, Child("Rory", "Brennan", new DateOnly(2019, 2, 2)))),
            ContactChannel.FrontDoor, frontDoor, Ct);

        Assert.Equal(2, await f.Db.Set<ContactChild>().CountAsync(c => c.ContactId == contact.Id && c.PersonId != null, Ct));
        Assert.True(await f.Db.People.AnyAsync(p => p.DisplayName == "Rory Brennan", Ct));
        var queued = Assert.Single(await service.QueueAsync(Ct), q => q.ContactId == contact.Id);
        Assert.Equal(new DateOnly(2026, 11, 24), queued.Deadline.Deadline.DueDate);
        Assert.Equal(DeadlineStatus.DueSoon, queued.Deadline.Status);

        await service.TriageAsync(contact.Id, await VersionAsync(f, contact.Id), new ContactTriage(RagPriority.Red, await LevelAsync(f, 5), "Children present"), frontDoor, Ct);
        await service.DecideAsync(contact.Id, await VersionAsync(f, contact.Id),
            new ContactDecisionInput(ContactDecision.ReferralToChildrensSocialCare, "Significant harm likely: refer for assessment"), frontDoor, Ct);

        var view = (await service.GetAsync(contact.Id, frontDoor, Ct))!;
        Assert.Equal(DeadlineStatus.MetOnTime, view.Deadline.Status);
        Assert.Equal("5: Safeguarding or looked after", view.ThresholdLevelName);
        Assert.DoesNotContain(await service.QueueAsync(Ct), q => q.ContactId == contact.Id);
        var handoff = (await service.ReferralHandoffAsync(contact.Id, Ct))!;
        Assert.Equal(2, handoff.PersonIds.Count);
        Assert.Contains(known.Id, handoff.PersonIds);
        Assert.Equal(("6", new DateOnly(2026, 11, 23)), (handoff.ReferralSource, handoff.ReferralDate));
        Assert.Contains(await service.ReferralsDecidedSinceAsync(Monday10.AddDays(-1), Ct), h => h.ContactId == contact.Id);
        var processes = await f.Db.AuditEvents.Where(e => e.EntityId == contact.Id.ToString()).Select(e => e.Process).ToListAsync(Ct);
        Assert.Contains("FrontDoor.RecordContact", processes);
        Assert.Contains("FrontDoor.Decide", processes);
        Assert.Contains("FrontDoor.ViewContact", processes);
        Assert.True(await f.Db.AuditEvents.AnyAsync(e => e.Process == "FrontDoor.ViewContact" && e.EntityType == PersonIndex.EntityType && e.EntityId == known.Id.ToString(), Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Bad_contact_details_are_refused_naming_each_field_and_good_ones_are_accepted(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var service = f.Get<ContactService>();
        var frontDoor = await f.ActorAsync("front.door");
        var good = await ContactAsync(f, new ContactChildInput(null, Child("Nell", "Quarry", new DateOnly(2015, 1, 1))));

        var ex = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.RecordAsync(
            good with { ReceivedAt = Monday10.AddMinutes(5), ReferrerName = " ", ReferralSource = "11", Concerns = "", Consent = ConsentPosition.Overridden, Children = [] },
            ContactChannel.FrontDoor, frontDoor, Ct));
        Assert.Equal(["Children", "Concerns", "ConsentReason", "ReceivedAt", "ReferralSource", "ReferrerName"], ex.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));

        var refused = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.RecordAsync(good with { Consent = ConsentPosition.Refused, ConsentReason = "" }, ContactChannel.FrontDoor, frontDoor, Ct));
        Assert.Equal("ConsentReason", Assert.Single(refused.Problems).Field);
        var badChild = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.RecordAsync(
            good with { Children = [new ContactChildInput(null, Child("Nell", "Quarry", new DateOnly(2030, 1, 1)))] }, ContactChannel.FrontDoor, frontDoor, Ct));
        Assert.Equal("Children[0].DateOfBirth", Assert.Single(badChild.Problems).Field);
        Assert.Equal(0, await f.Db.Contacts.CountAsync(Ct));

        await service.RecordAsync(good with { Consent = ConsentPosition.Refused, ConsentReason = "Mother declined; risk too high to wait" }, ContactChannel.FrontDoor, frontDoor, Ct);
        Assert.Equal(1, await f.Db.Contacts.CountAsync(Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_look_alike_child_stops_the_front_door_until_confirmed_and_a_contact_that_fails_adds_no_child(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var service = f.Get<ContactService>();
        var frontDoor = await f.ActorAsync("front.door");
        var existing = await f.Get<PersonIndex>().CreateAsync(Child("Maisie", "Ormerod", new DateOnly(2017, 7, 7)), [], frontDoor, Ct);
        var details = Child("Maisie", "Ormerod", new DateOnly(2017, 7, 7));

        var duplicates = await Assert.ThrowsAsync<PossibleDuplicatesException>(async () => await service.RecordAsync(
            await ContactAsync(f, new ContactChildInput(null, details)), ContactChannel.FrontDoor, frontDoor, Ct));
        Assert.Equal(existing.Id, Assert.Single(duplicates.Candidates).Id);

        // The new child is valid but the contact is not: neither is saved.
        await Assert.ThrowsAsync<SafeguardValidationException>(async () => await service.RecordAsync(
            await ContactAsync(f, new ContactChildInput(null, details, [existing.Id])) with { Concerns = "" }, ContactChannel.FrontDoor, frontDoor, Ct));
        Assert.Equal(1, await f.Db.People.CountAsync(p => p.DisplayName == "Maisie Ormerod", Ct));

        await service.RecordAsync(await ContactAsync(f, new ContactChildInput(null, details, [existing.Id])), ContactChannel.FrontDoor, frontDoor, Ct);
        Assert.Equal(2, await f.Db.People.CountAsync(p => p.DisplayName == "Maisie Ormerod", Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_decision_before_receipt_in_the_future_or_before_triage_is_refused(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var service = f.Get<ContactService>();
        var frontDoor = await f.ActorAsync("front.door");
        var contact = await service.RecordAsync(await ContactAsync(f, new ContactChildInput(null, Child("Ivo", "Platt", new DateOnly(2014, 3, 3)))), ContactChannel.FrontDoor, frontDoor, Ct);
        var decision = new ContactDecisionInput(ContactDecision.EarlyHelp, "Family agree to early help");

        var untriaged = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.DecideAsync(contact.Id, contact.Version, decision, frontDoor, Ct));
        Assert.Contains("Triage", Assert.Single(untriaged.Problems).Message, StringComparison.Ordinal);
        var badTriage = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.TriageAsync(contact.Id, contact.Version, new ContactTriage(null, null, null), frontDoor, Ct));
        Assert.Equal(["Priority", "ThresholdLevelId"], badTriage.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        await service.TriageAsync(contact.Id, contact.Version, new ContactTriage(RagPriority.Green, await LevelAsync(f, 3), null), frontDoor, Ct);
        var version = await VersionAsync(f, contact.Id);

        var early = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.DecideAsync(contact.Id, version, decision with { DecidedAt = contact.ReceivedAt.AddMinutes(-1) }, frontDoor, Ct));
        Assert.Equal("DecidedAt", Assert.Single(early.Problems).Field);
        var future = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.DecideAsync(contact.Id, version, decision with { DecidedAt = Monday10.AddHours(1) }, frontDoor, Ct));
        Assert.Equal("DecidedAt", Assert.Single(future.Problems).Field);
        var noReason = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.DecideAsync(contact.Id, version, new ContactDecisionInput(null, " "), frontDoor, Ct));
        Assert.Equal(["Decision", "Rationale"], noReason.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));

        await service.DecideAsync(contact.Id, version, decision with { DecidedAt = contact.ReceivedAt.AddMinutes(30) }, frontDoor, Ct);
        Assert.Equal(ContactDecision.EarlyHelp, (await f.Db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contact.Id, Ct)).Decision);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Two_practitioners_deciding_the_same_contact_the_second_is_refused(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var service = f.Get<ContactService>();
        var frontDoor = await f.ActorAsync("front.door");
        var manager = await f.ActorAsync("team.manager");
        var contact = await service.RecordAsync(await ContactAsync(f, new ContactChildInput(null, Child("Cass", "Duffy", new DateOnly(2013, 9, 9)))), ContactChannel.FrontDoor, frontDoor, Ct);
        await service.TriageAsync(contact.Id, contact.Version, new ContactTriage(RagPriority.Amber, await LevelAsync(f, 4), null), frontDoor, Ct);
        var bothRead = await VersionAsync(f, contact.Id);

        await service.DecideAsync(contact.Id, bothRead, new ContactDecisionInput(ContactDecision.EarlyHelp, "Early help offer"), frontDoor, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.DecideAsync(contact.Id, bothRead, new ContactDecisionInput(ContactDecision.NoFurtherAction, "Nothing to do"), manager, Ct));
        var again = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.DecideAsync(contact.Id, bothRead + 1, new ContactDecisionInput(ContactDecision.NoFurtherAction, "Nothing to do"), manager, Ct));
        Assert.Contains("already been decided", again.Message, StringComparison.Ordinal);

        var saved = await f.Db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contact.Id, Ct);
        Assert.Equal((ContactDecision.EarlyHelp, frontDoor.Name), (saved.Decision!.Value, saved.DecidedByName!));
        Assert.Null(await service.ReferralHandoffAsync(contact.Id, Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_partner_submits_for_their_own_agency_sees_only_its_contacts_and_answers_only_its_requests(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var service = f.Get<ContactService>();
        var frontDoor = await f.ActorAsync("front.door");
        var police = await f.ActorAsync("partner");
        var health = await f.ActorAsync("partner.health");
        var lookAlike = await f.Get<PersonIndex>().CreateAsync(Child("Tia", "Marsh", new DateOnly(2012, 12, 12)), [], frontDoor, Ct);

        // A partner cannot name a record or another agency; a look-alike is left for the front door to identify.
        var byId = await Assert.ThrowsAsync<SafeguardValidationException>(async () => await service.RecordAsync(
            await ContactAsync(f, new ContactChildInput(lookAlike.Id)), ContactChannel.Partner, police, Ct));
        Assert.Equal("Children[0]", Assert.Single(byId.Problems).Field);
        var submitted = await service.RecordAsync(
            await ContactAsync(f, new ContactChildInput(null, Child("Tia", "Marsh", new DateOnly(2012, 12, 12)))) with { FromAgencyId = await f.AgencyAsync("ICB") },
            ContactChannel.Partner, police, Ct);
        Assert.Equal(police.AgencyId, submitted.FromAgencyId);
        Assert.True(submitted.SubmittedByPartner);
        var row = Assert.Single(submitted.Children);
        Assert.Null(row.PersonId);
        Assert.Equal(1, await f.Db.People.CountAsync(p => p.DisplayName == "Tia Marsh", Ct));

        // The front door links the child, and asks health what it knows.
        await service.LinkChildAsync(submitted.Id, row.Id, lookAlike.Id, frontDoor, Ct);
        var request = await service.RequestInformationAsync(submitted.Id, health.AgencyId, "Any A&E attendances this year?", frontDoor, Ct);

        Assert.Equal([submitted.Id], (await service.ContactsOfAgencyAsync(police, Ct)).Select(c => c.ContactId));
        Assert.Empty(await service.ContactsOfAgencyAsync(health, Ct));
        Assert.Null(await service.ContactOfAgencyAsync(submitted.Id, health, Ct));
        Assert.Empty((await service.RequestsToAgencyAsync(police, cancellationToken: Ct)).Items);
        var asked = Assert.Single((await service.RequestsToAgencyAsync(health, cancellationToken: Ct)).Items);
        var one = await service.RequestToAgencyAsync(asked.RequestId, health, Ct);
        Assert.Equal((asked.Question, asked.Version), (one!.Question, one.Version));
        Assert.Equal(asked.Children, one.Children);
        Assert.Null(await service.RequestToAgencyAsync(asked.RequestId, police, Ct));
        Assert.Equal(["Tia Marsh, born 12 Dec 2012"], asked.Children);

        await Assert.ThrowsAsync<SafeguardValidationException>(() => service.RespondAsync(request.Id, request.Version, "None", ContactChannel.Partner, police, Ct));
        var empty = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.RespondAsync(request.Id, request.Version, " ", ContactChannel.Partner, health, Ct));
        Assert.Equal("Response", Assert.Single(empty.Problems).Field);
        await service.RespondAsync(request.Id, request.Version, "One attendance in March, head injury, explained", ContactChannel.Partner, health, Ct);
        Assert.Equal(health.Name, (await f.Db.Set<ContactInformationRequest>().AsNoTracking().SingleAsync(r => r.Id == request.Id, Ct)).RespondedByName);
        var twice = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.RespondAsync(request.Id, request.Version + 1, "More", ContactChannel.Partner, health, Ct));
        Assert.Contains("already been answered", twice.Message, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_partners_requests_are_paged_unanswered_first_then_answered_each_newest_first(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var service = f.Get<ContactService>();
        var frontDoor = await f.ActorAsync("front.door");
        var health = await f.ActorAsync("partner.health");
        var contact = await service.RecordAsync(await ContactAsync(f, new ContactChildInput(null, Child("Tia", "Marsh", new DateOnly(2012, 12, 12)))), ContactChannel.FrontDoor, frontDoor, Ct);
        var asked = new List<ContactInformationRequest>();
        for (var i = 1; i <= 5; i++)
        {
            f.Clock.Advance(TimeSpan.FromMinutes(1));
            asked.Add(await service.RequestInformationAsync(contact.Id, health.AgencyId, $"Question {i}", frontDoor, Ct));
        }

        // Questions 1, 2 and 4 answered; 3 and 5 open.
        foreach (var answered in new[] { asked[0], asked[1], asked[3] })
        {
            await service.RespondAsync(answered.Id, answered.Version, "Nothing known", ContactChannel.Partner, health, Ct);
        }

        async Task<string> PageAsync(int page)
        {
            var list = await service.RequestsToAgencyAsync(health, page, pageSize: 2, cancellationToken: Ct);
            return $"page {list.Page} of {list.Pages}, {list.Total} in all: " + string.Join(", ", list.Items.Select(r => r.Question + (r.RespondedAt is null ? "" : " (answered)")));
        }

        Assert.Equal("page 1 of 3, 5 in all: Question 5, Question 3", await PageAsync(1));
        Assert.Equal("page 2 of 3, 5 in all: Question 4 (answered), Question 2 (answered)", await PageAsync(2));
        Assert.Equal("page 3 of 3, 5 in all: Question 1 (answered)", await PageAsync(3));
        Assert.Equal("page 3 of 3, 5 in all: Question 1 (answered)", await PageAsync(9));
        Assert.Equal(4, await f.Db.AuditEvents.CountAsync(e => e.Process == "FrontDoor.AgencyRequests", Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_partner_naming_a_known_child_by_nhs_number_is_linked_and_an_unknown_child_is_added(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var service = f.Get<ContactService>();
        var frontDoor = await f.ActorAsync("front.door");
        var police = await f.ActorAsync("partner");
        var known = await f.Get<PersonIndex>().CreateAsync(Child("Zac", "Holt", new DateOnly(2011, 4, 4), "9434765919"), [], frontDoor, Ct);

        var contact = await service.RecordAsync(await ContactAsync(f,
            new ContactChildInput(null, Child("Zachary", "Holt", new DateOnly(2011, 4, 4), "943 476 5919")),
            new ContactChildInput(null, Child("Uma", "Holt", new DateOnly(2020, 6, 6)))), ContactChannel.Partner, police, Ct);

        var rows = await f.Db.Set<ContactChild>().AsNoTracking().Where(c => c.ContactId == contact.Id).ToListAsync(Ct);
        Assert.Contains(rows, r => r.PersonId == known.Id);
        Assert.All(rows, r => Assert.NotNull(r.PersonId));
        Assert.Equal(1, await f.Db.People.CountAsync(p => p.DisplayName == "Uma Holt", Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_queue_due_work_and_chronology_show_the_front_doors_work(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var service = f.Get<ContactService>();
        var frontDoor = await f.ActorAsync("front.door");
        var child = await f.Get<PersonIndex>().CreateAsync(Child("Lola", "Finch", new DateOnly(2018, 8, 8)), [], frontDoor, Ct);
        // Received on Friday afternoon: due by the end of Monday.
        var older = await service.RecordAsync(await ContactAsync(f, new ContactChildInput(child.Id)) with { ReceivedAt = new DateTimeOffset(2026, 11, 20, 16, 0, 0, TimeSpan.Zero) }, ContactChannel.FrontDoor, frontDoor, Ct);
        var newer = await service.RecordAsync(await ContactAsync(f, new ContactChildInput(child.Id)), ContactChannel.FrontDoor, frontDoor, Ct);
        await service.RequestInformationAsync(newer.Id, await f.AgencyAsync("ICB"), "Health history?", frontDoor, Ct);
        await f.Get<InformationSharingLog>().RecordAsync(new NewInformationShare
        {
            ContactId = newer.Id,
            PersonId = child.Id,
            Shared = true,
            What = "Incident summary",
            AgencyId = await f.AgencyAsync("ICB"),
            Purpose = "Health checks",
            LawfulBasis = LawfulBasis.PublicTaskSafeguarding,
            Consent = ConsentPosition.Given,
            Reason = "Needed for the health check",
        }, frontDoor, Ct);

        var queue = await service.QueueAsync(Ct);
        Assert.Equal([older.Id, newer.Id], queue.Select(q => q.ContactId));
        Assert.Equal((DeadlineStatus.DueToday, new DateOnly(2026, 11, 23)), (queue[0].Deadline.Status, queue[0].Deadline.Deadline.DueDate));
        Assert.Equal(1, queue[1].OpenRequests);

        var due = await f.Get<IEnumerable<IDueWorkSource>>().Single(s => s is FrontDoorDueWorkSource).DueAsync(new DueWorkQuery(), Ct);
        Assert.Equal([$"/front-door/contacts/{older.Id}", $"/front-door/contacts/{newer.Id}"], due.Select(d => d.Link));
        Assert.All(due, d => Assert.Equal(child.Id, d.PersonId));
        Assert.Empty(await new FrontDoorDueWorkSource(f.Db, f.Get<Safeguard.Calendar.CalendarAdministration>()).DueAsync(new DueWorkQuery(WorkerId: frontDoor.UserId), Ct));

        var chronology = (await f.Get<ChronologyService>().ForPersonAsync(child.Id, new ChronologyFilter(), frontDoor, Ct))!;
        Assert.Equal(2, chronology.Count(e => e.Kind == ChronologyKinds.Contact));
        Assert.Single(chronology, e => e.Kind == ChronologyKinds.InformationRequest);
        Assert.Single(chronology, e => e.Kind == ChronologyKinds.InformationShare);
        Assert.DoesNotContain(chronology, e => e.Kind == ChronologyKinds.FrontDoorDecision);
    }
}
