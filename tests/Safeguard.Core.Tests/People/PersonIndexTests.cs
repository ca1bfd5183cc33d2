using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Identity;
using Safeguard.Organisations;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.People;

public class PersonIndexTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<TestServices> CreateAsync(DatabaseProvider provider) => TestServices.CreateAsync(provider, new FakeTimeProvider(Now));

    private static NewPerson Child(string given = "Amira", string family = "Khan", DateOnly? dob = null) => new()
    {
        GivenNames = given,
        FamilyName = family,
        DateOfBirth = dob ?? new DateOnly(2018, 3, 14),
        Sex = "F",
        Ethnicity = "APKN",
        Disabilities = ["NONE"],
        Address = new NewAddress("1 Bolton Street", null, "Bury", "bl9 0aa", new DateOnly(2020, 1, 1)),
    };

    private static async Task<Actor> UserAsync(SafeguardDbContext db, string name)
    {
        var agency = await db.Agencies.FirstOrDefaultAsync(Ct);
        using var process = db.BeginProcess("Test.Seed", Actor.System());
        if (agency is null)
        {
            agency = new Agency { Name = "Children's services", Code = "CSC", Type = AgencyType.ChildrensSocialCare };
            db.Agencies.Add(agency);
        }

        var user = new User { DisplayName = name, UserName = name.Replace(' ', '.'), AgencyId = agency.Id, CreatedAt = Now };
        db.Users.Add(user);
        await db.SaveChangesAsync(Ct);
        return new Actor(user.Id, name, agency.Id);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_child_is_added_with_names_identifiers_and_address_and_the_change_is_audited(DatabaseProvider provider)
    {
        await using var services = await CreateAsync(provider);
        var index = services.Get<PersonIndex>();
        var worker = await UserAsync(services.Db, "Sam Worker");

        var child = await index.CreateAsync(
            Child() with { Upn = "h801200001001", NhsNumber = "943 476 5919", CouncilChildId = "c123", OtherNames = [new(PersonNameKind.Alias, "Mira", "Khan")] },
            [], worker, Ct);

        var record = (await index.GetAsync(child.Id, worker, Ct))!;
        Assert.Equal("Amira Khan", record.Person.DisplayName);
        Assert.Equal(("H801200001001", "9434765919", "C123"), (record.Person.Upn, record.Person.NhsNumber, record.Person.CouncilChildId));
        Assert.Equal("BL9 0AA", record.Person.Addresses.Single().Postcode);
        Assert.Equal([PersonNameKind.Current, PersonNameKind.Alias], record.Person.Names.Select(n => n.Kind).Order());
        var events = await services.Db.AuditEvents.Where(e => e.EntityId == child.Id.ToString()).ToListAsync(Ct);
        Assert.Contains(events, e => e.Process == "People.Create" && e.Action == AuditAction.Created && e.EntityType == "Person");
        Assert.Contains(events, e => e.Process == "People.View" && e.Action == AuditAction.Viewed && e.ActorUserId == worker.UserId);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Bad_details_are_refused_naming_each_field_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var services = await CreateAsync(provider);
        var index = services.Get<PersonIndex>();
        var worker = await UserAsync(services.Db, "Sam Worker");

        var ex = await Assert.ThrowsAsync<SafeguardValidationException>(() => index.CreateAsync(
            Child(given: " ", dob: Today.AddDays(1)) with
            {
                Sex = "X",
                Ethnicity = "XXXX",
                Disabilities = ["NONE", "AUT"],
                Upn = "A801200001001",
                NhsNumber = "9434765918",
                CouncilChildId = "TOO-LONG-ID-1",
                Address = new NewAddress("", null, null, "BL9 OAA", Today.AddDays(3)),
            }, [], worker, Ct));

        Assert.Equal(
            ["Address.From", "Address.Line1", "Address.Postcode", "CouncilChildId", "DateOfBirth", "Disabilities", "Ethnicity", "GivenNames", "NhsNumber", "Sex", "Upn"],
            ex.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.Equal(0, await services.Db.People.CountAsync(Ct));
        Assert.Equal(0, await services.Db.AuditEvents.CountAsync(e => e.Process == "People.Create", Ct));

        // The same child with good details is accepted.
        await index.CreateAsync(Child() with { Upn = "H801200001001", NhsNumber = "9434765919" }, [], worker, Ct);
        Assert.Equal(1, await services.Db.People.CountAsync(Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Dates_of_birth_and_expected_dates_of_birth_are_checked(DatabaseProvider provider)
    {
        await using var services = await CreateAsync(provider);
        var index = services.Get<PersonIndex>();
        var worker = await UserAsync(services.Db, "Sam Worker");

        async Task<string?> Refusal(NewPerson p)
        {
            try
            {
                await index.CreateAsync(p, [], worker, Ct);
                return null;
            }
            catch (SafeguardValidationException ex)
            {
                return ex.Problems.Single().Field;
            }
        }

        var unborn = Child("Baby", "Jones") with { DateOfBirth = null, Address = null };
        Assert.Equal("DateOfBirth", await Refusal(unborn));
        Assert.Equal("DateOfBirth", await Refusal(Child(dob: Today.AddDays(1))));
        Assert.Equal("ExpectedDateOfBirth", await Refusal(unborn with { ExpectedDateOfBirth = Today.AddDays(PersonIndex.ExpectedBirthMaxDaysAhead + 1) }));
        Assert.Equal("ExpectedDateOfBirth", await Refusal(unborn with { ExpectedDateOfBirth = Today.AddDays(-PersonIndex.ExpectedBirthMaxDaysPast - 1) }));
        Assert.Equal("ExpectedDateOfBirth", await Refusal(Child() with { ExpectedDateOfBirth = Today.AddDays(30) }));
        Assert.Equal("ExpectedDateOfBirth", await Refusal(new NewPerson { Kind = PersonKind.Adult, GivenNames = "A", FamilyName = "B", ExpectedDateOfBirth = Today.AddDays(30) }));
        Assert.Equal("Upn", await Refusal(new NewPerson { Kind = PersonKind.Adult, GivenNames = "A", FamilyName = "B", Upn = "H801200001001" }));

        Assert.Null(await Refusal(Child(dob: Today)));
        Assert.Null(await Refusal(unborn with { ExpectedDateOfBirth = Today.AddDays(PersonIndex.ExpectedBirthMaxDaysAhead) }));
        Assert.Null(await Refusal(unborn with { GivenNames = "Unborn", ExpectedDateOfBirth = Today.AddDays(-PersonIndex.ExpectedBirthMaxDaysPast) }));
        Assert.Null(await Refusal(new NewPerson { Kind = PersonKind.Adult, GivenNames = "Aisha", FamilyName = "Khan" }));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_identifier_already_held_blocks_the_new_record_naming_the_existing_one(DatabaseProvider provider)
    {
        await using var services = await CreateAsync(provider);
        var index = services.Get<PersonIndex>();
        var worker = await UserAsync(services.Db, "Sam Worker");
        var first = await index.CreateAsync(Child() with { Upn = "H801200001001", NhsNumber = "9434765919", CouncilChildId = "C1" }, [], worker, Ct);

        var other = Child("Jack", "Brown", new DateOnly(2015, 1, 1));
        var upn = await Assert.ThrowsAsync<SafeguardValidationException>(() => index.CreateAsync(other with { Upn = "H801200001001" }, [], worker, Ct));
        Assert.Equal("Upn", upn.Problems.Single().Field);
        Assert.Contains("Amira Khan", upn.Message, StringComparison.Ordinal);
        Assert.Contains(first.Id.ToString(), upn.Message, StringComparison.Ordinal);
        var nhs = await Assert.ThrowsAsync<SafeguardValidationException>(() => index.CreateAsync(other with { NhsNumber = "9434765919" }, [], worker, Ct));
        Assert.Equal("NhsNumber", nhs.Problems.Single().Field);
        var council = await Assert.ThrowsAsync<SafeguardValidationException>(() => index.CreateAsync(other with { CouncilChildId = "c1" }, [], worker, Ct));
        Assert.Equal("CouncilChildId", council.Problems.Single().Field);

        await index.CreateAsync(other with { Upn = "M20112345678A", CouncilChildId = "C2" }, [], worker, Ct);
        Assert.Equal(2, await services.Db.People.CountAsync(Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Similar_names_with_the_same_date_of_birth_must_be_confirmed_different_and_the_confirmation_is_kept(DatabaseProvider provider)
    {
        await using var services = await CreateAsync(provider);
        var index = services.Get<PersonIndex>();
        var worker = await UserAsync(services.Db, "Sam Worker");
        var existing = await index.CreateAsync(Child("Zoë", "O'Brien-Smith"), [], worker, Ct);
        await index.CreateAsync(Child("Zoe", "Walker"), [], worker, Ct);

        var ex = await Assert.ThrowsAsync<PossibleDuplicatesException>(() => index.CreateAsync(Child("zoe", "OBrien Smyth"), [], worker, Ct));
        Assert.Equal(existing.Id, ex.Candidates.Single().Id);
        Assert.Equal("BL9 0AA", ex.Candidates.Single().Postcode);
        Assert.Equal(2, await services.Db.People.CountAsync(Ct));

        // A different date of birth is not a possible duplicate.
        Assert.Empty(await index.FindPossibleDuplicatesAsync(Child("Zoe", "O'Brien-Smith", new DateOnly(2018, 3, 15)), worker, Ct));

        var added = await index.CreateAsync(Child("zoe", "OBrien Smyth"), [existing.Id], worker, Ct);
        var confirmation = await services.Db.Set<NotDuplicateConfirmation>().SingleAsync(Ct);
        Assert.Equal((added.Id, existing.Id, worker.UserId, Now), (confirmation.PersonId, confirmation.OtherPersonId, confirmation.ConfirmedByUserId, confirmation.ConfirmedAt));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Relationships_link_a_child_to_adults_and_siblings_with_the_right_kinds(DatabaseProvider provider)
    {
        await using var services = await CreateAsync(provider);
        var index = services.Get<PersonIndex>();
        var worker = await UserAsync(services.Db, "Sam Worker");
        var amira = await index.CreateAsync(Child(), [], worker, Ct);
        var yusuf = await index.CreateAsync(Child("Yusuf", "Khan", new DateOnly(2020, 6, 1)), [], worker, Ct);
        var mother = await index.CreateAsync(new NewPerson { Kind = PersonKind.Adult, GivenNames = "Aisha", FamilyName = "Khan", DateOfBirth = new DateOnly(1990, 2, 2), Sex = "F" }, [], worker, Ct);

        await index.AddRelationshipAsync(new(amira.Id, mother.Id, RelationshipKind.Mother, true, new DateOnly(2018, 3, 14), null), worker, Ct);
        await index.AddRelationshipAsync(new(amira.Id, yusuf.Id, RelationshipKind.Sibling, true, null, null), worker, Ct);

        var siblingToAdult = await Assert.ThrowsAsync<SafeguardValidationException>(() => index.AddRelationshipAsync(new(amira.Id, mother.Id, RelationshipKind.Sibling, false, null, null), worker, Ct));
        Assert.Equal("Kind", siblingToAdult.Problems.Single().Field);
        var motherIsChild = await Assert.ThrowsAsync<SafeguardValidationException>(() => index.AddRelationshipAsync(new(amira.Id, yusuf.Id, RelationshipKind.Mother, false, null, null), worker, Ct));
        Assert.Equal("Kind", motherIsChild.Problems.Single().Field);
        var twice = await Assert.ThrowsAsync<SafeguardValidationException>(() => index.AddRelationshipAsync(new(yusuf.Id, amira.Id, RelationshipKind.Sibling, false, null, null), worker, Ct));
        Assert.Contains("already", twice.Message, StringComparison.Ordinal);
        var backwards = await Assert.ThrowsAsync<SafeguardValidationException>(() => index.AddRelationshipAsync(new(yusuf.Id, mother.Id, RelationshipKind.Mother, true, Today, Today.AddDays(-1)), worker, Ct));
        Assert.Equal("To", backwards.Problems.Single().Field);
        var fromAdult = await Assert.ThrowsAsync<SafeguardValidationException>(() => index.AddRelationshipAsync(new(mother.Id, yusuf.Id, RelationshipKind.Sibling, false, null, null), worker, Ct));
        Assert.Equal("PersonId", fromAdult.Problems.Single().Field);

        var yusufsRecord = (await index.GetAsync(yusuf.Id, worker, Ct))!;
        var sibling = yusufsRecord.Relationships.Single();
        Assert.Equal(("Amira Khan", RelationshipKind.Sibling, false), (sibling.Other.Name, sibling.Relationship.Kind, sibling.Relationship.HasParentalResponsibility));
        Assert.Equal(2, (await index.GetAsync(amira.Id, worker, Ct))!.Relationships.Count);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_merge_moves_the_links_to_the_survivor_and_an_unmerge_puts_them_back(DatabaseProvider provider)
    {
        await using var services = await CreateAsync(provider);
        var index = services.Get<PersonIndex>();
        var worker = await UserAsync(services.Db, "Sam Worker");
        var survivor = await index.CreateAsync(Child() with { Upn = "H801200001001" }, [], worker, Ct);
        var duplicate = await index.CreateAsync(Child("Amirah", "Khan"), [survivor.Id], worker, Ct);
        var mother = await index.CreateAsync(new NewPerson { Kind = PersonKind.Adult, GivenNames = "Aisha", FamilyName = "Khan" }, [], worker, Ct);
        var brother = await index.CreateAsync(Child("Yusuf", "Khan", new DateOnly(2020, 6, 1)), [], worker, Ct);
        var motherLink = await index.AddRelationshipAsync(new(duplicate.Id, mother.Id, RelationshipKind.Mother, true, null, null), worker, Ct);
        var brotherLink = await index.AddRelationshipAsync(new(brother.Id, duplicate.Id, RelationshipKind.Sibling, false, null, null), worker, Ct);

        var (survivorVersion, duplicateVersion) = (survivor.Version, duplicate.Version);
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => index.MergeAsync(survivor.Id, survivorVersion - 1, duplicate.Id, duplicateVersion, "Same child", worker, Ct));
        Assert.Contains("changed by someone else", stale.Message, StringComparison.Ordinal);
        services.Db.ChangeTracker.Clear();
        var noReason = await Assert.ThrowsAsync<SafeguardValidationException>(() => index.MergeAsync(survivor.Id, survivorVersion, duplicate.Id, duplicateVersion, " ", worker, Ct));
        Assert.Equal("Reason", noReason.Problems.Single().Field);

        await index.MergeAsync(survivor.Id, survivorVersion, duplicate.Id, duplicateVersion, "Same child: school confirmed the UPN", worker, Ct);
        services.Db.ChangeTracker.Clear();

        Assert.Equal(survivor.Id, (await services.Db.People.SingleAsync(p => p.Id == duplicate.Id, Ct)).MergedIntoId);
        Assert.Equal(survivor.Id, (await services.Db.PersonRelationships.SingleAsync(r => r.Id == motherLink.Id, Ct)).PersonId);
        Assert.Equal(survivor.Id, (await services.Db.PersonRelationships.SingleAsync(r => r.Id == brotherLink.Id, Ct)).RelatedPersonId);
        Assert.Equal(2, (await index.GetAsync(survivor.Id, worker, Ct))!.Relationships.Count);
        Assert.Equal(survivor.Id, (await index.GetAsync(duplicate.Id, worker, Ct))!.MergedInto!.Id);
        Assert.DoesNotContain(await index.SearchAsync(new PersonSearch(Name: "Amirah"), worker, Ct), p => p.Id == duplicate.Id);
        Assert.Contains(await services.Db.AuditEvents.Where(e => e.Process == "People.Merge").ToListAsync(Ct), e => e.Reason == "Same child: school confirmed the UPN" && e.EntityId == duplicate.Id.ToString());

        await index.UnmergeAsync(duplicate.Id, "Twins, not the same child", worker, Ct);
        services.Db.ChangeTracker.Clear();

        Assert.Null((await services.Db.People.SingleAsync(p => p.Id == duplicate.Id, Ct)).MergedIntoId);
        Assert.Equal(duplicate.Id, (await services.Db.PersonRelationships.SingleAsync(r => r.Id == motherLink.Id, Ct)).PersonId);
        Assert.Equal(duplicate.Id, (await services.Db.PersonRelationships.SingleAsync(r => r.Id == brotherLink.Id, Ct)).RelatedPersonId);
        Assert.Empty((await index.GetAsync(survivor.Id, worker, Ct))!.Relationships);
        var merge = await services.Db.Set<PersonMerge>().SingleAsync(Ct);
        Assert.Equal(Now, merge.UnmergedAt);
        var again = await Assert.ThrowsAsync<SafeguardValidationException>(() => index.UnmergeAsync(duplicate.Id, "again", worker, Ct));
        Assert.Equal("MergedId", again.Problems.Single().Field);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_restricted_record_is_invisible_to_everyone_not_on_its_access_list(DatabaseProvider provider)
    {
        await using var services = await CreateAsync(provider);
        var index = services.Get<PersonIndex>();
        var manager = await UserAsync(services.Db, "Mo Manager");
        var named = await UserAsync(services.Db, "Nia Named");
        var other = await UserAsync(services.Db, "Olu Other");
        var child = await index.CreateAsync(Child() with { Upn = "H801200001001" }, [], manager, Ct);

        await index.SetRestrictionAsync(child.Id, child.Version, [named.UserId!.Value], "A staff member's relative", manager, Ct);
        services.Db.ChangeTracker.Clear();

        Assert.NotNull(await index.GetAsync(child.Id, manager, Ct));
        Assert.NotNull(await index.GetAsync(child.Id, named, Ct));
        Assert.Single(await index.SearchAsync(new PersonSearch(Name: "amira khan"), named, Ct));
        Assert.Null(await index.GetAsync(child.Id, other, Ct));
        Assert.Empty(await index.SearchAsync(new PersonSearch(Name: "amira khan"), other, Ct));
        Assert.Empty(await index.SearchAsync(new PersonSearch(Upn: "H801200001001"), other, Ct));
        Assert.Empty(await index.FindPossibleDuplicatesAsync(Child(), other, Ct));
        Assert.False(await services.Db.AuditEvents.AnyAsync(e => e.Process == "People.View" && e.ActorUserId == other.UserId, Ct));

        // The identifier is still refused, without naming the record.
        var taken = await Assert.ThrowsAsync<SafeguardValidationException>(() => index.CreateAsync(Child("Jack", "Brown", new DateOnly(2015, 1, 1)) with { Upn = "H801200001001" }, [], other, Ct));
        Assert.DoesNotContain("Amira", taken.Message, StringComparison.Ordinal);
        Assert.Contains("cannot see", taken.Message, StringComparison.Ordinal);

        var person = await services.Db.People.AsNoTracking().SingleAsync(p => p.Id == child.Id, Ct);
        await index.SetRestrictionAsync(child.Id, person.Version, null, "No longer needed", manager, Ct);
        Assert.NotNull(await index.GetAsync(child.Id, other, Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Searches_find_by_name_sound_date_and_identifier_and_record_the_terms(DatabaseProvider provider)
    {
        await using var services = await CreateAsync(provider);
        var index = services.Get<PersonIndex>();
        var worker = await UserAsync(services.Db, "Sam Worker");
        var amira = await index.CreateAsync(Child() with { NhsNumber = "9434765919", OtherNames = [new(PersonNameKind.Previous, "Amira", "Ahmed")] }, [], worker, Ct);
        await index.CreateAsync(Child("Jack", "Smith", new DateOnly(2016, 5, 5)) with { CouncilChildId = "C9" }, [], worker, Ct);

        Assert.Equal(amira.Id, (await index.SearchAsync(new PersonSearch(Name: "AMIRA"), worker, Ct)).Single().Id);
        Assert.Equal(amira.Id, (await index.SearchAsync(new PersonSearch(Name: "amira ahmed"), worker, Ct)).Single().Id);
        Assert.Equal("Jack Smith", (await index.SearchAsync(new PersonSearch(Name: "Jack Smyth"), worker, Ct)).Single().Name);
        Assert.Equal(amira.Id, (await index.SearchAsync(new PersonSearch(NhsNumber: "943 476 5919"), worker, Ct)).Single().Id);
        Assert.Equal("Jack Smith", (await index.SearchAsync(new PersonSearch(CouncilChildId: "c9"), worker, Ct)).Single().Name);
        Assert.Equal(amira.Id, (await index.SearchAsync(new PersonSearch(DateOfBirth: new DateOnly(2018, 3, 14)), worker, Ct)).Single().Id);
        Assert.Empty(await index.SearchAsync(new PersonSearch(Name: "Amira", DateOfBirth: new DateOnly(2016, 5, 5)), worker, Ct));

        var empty = await Assert.ThrowsAsync<SafeguardValidationException>(() => index.SearchAsync(new PersonSearch(), worker, Ct));
        Assert.Equal("Name", empty.Problems.Single().Field);
        var symbols = await Assert.ThrowsAsync<SafeguardValidationException>(() => index.SearchAsync(new PersonSearch(Name: "_ %"), worker, Ct));
        Assert.Equal("Name", symbols.Problems.Single().Field);

        // Refused searches are recorded too, with why.
        var searches = await services.Db.AuditEvents.Where(e => e.Action == AuditAction.Searched).ToListAsync(Ct);
        Assert.Equal(9, searches.Count);
        Assert.Contains(searches, e => e.After!.StartsWith("name=_ %; refused: The name must include at least one letter or digit", StringComparison.Ordinal));
        Assert.Contains(searches, e => e.After == "nhsNumber=943 476 5919; results=1" && e.EntityType == "Person");
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_demo_children_are_valid_linked_to_their_families_and_added_once(DatabaseProvider provider)
    {
        await using var services = await CreateAsync(provider);
        var db = services.Db;

        Assert.Equal(DemoData.DemoPeople.DefaultChildren, await DemoData.DemoPeople.SeedAsync(db, cancellationToken: Ct));
        Assert.Equal(0, await DemoData.DemoPeople.SeedAsync(db, cancellationToken: Ct));

        var people = await db.People.AsNoTracking().Include(p => p.Addresses).ToListAsync(Ct);
        var children = people.Where(p => p.Kind == PersonKind.Child).ToList();
        Assert.Equal(DemoData.DemoPeople.DefaultChildren, children.Count);
        Assert.All(people.Where(p => p.Upn is not null), p => Assert.True(UniquePupilNumber.IsValid(p.Upn), p.Upn));
        Assert.All(people.Where(p => p.NhsNumber is not null), p => Assert.True(NhsNumber.IsValid(p.NhsNumber), p.NhsNumber));
        Assert.Equal(people.Count(p => p.NhsNumber is not null), people.Select(p => p.NhsNumber).OfType<string>().Distinct().Count());
        Assert.All(people.SelectMany(p => p.Addresses), a => Assert.Equal(a.Postcode, UkPostcode.Normalise(a.Postcode)));
        Assert.Contains(children, c => c.IsUnborn && c.ExpectedDateOfBirth > Today);
        Assert.All(children.Where(c => c.DateOfBirth is not null), c => Assert.True(c.DateOfBirth <= Today));
        var links = await db.PersonRelationships.AsNoTracking().ToListAsync(Ct);
        Assert.All(children, c => Assert.Contains(links, r => r.PersonId == c.Id && r.Kind == RelationshipKind.Mother));
        Assert.Contains(links, r => r.Kind == RelationshipKind.Sibling);
    }
}
