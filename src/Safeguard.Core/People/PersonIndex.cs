using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.People;

/// <summary>
/// The person index: adding children and the adults around them, finding them, linking them, and merging
/// duplicates. A restricted record is invisible to anyone not on its access list: searches leave it out and
/// <see cref="GetAsync"/> answers null, as for a record that does not exist. Every view and search is audited.
/// </summary>
public sealed partial class PersonIndex(SafeguardDbContext db, IEnumerable<IPersonRecordsMover> movers)
{
    public const string EntityType = "Person";

    /// <summary>How far ahead an expected date of birth may be (a full-term pregnancy is about 280 days).</summary>
    public const int ExpectedBirthMaxDaysAhead = 300;

    /// <summary>How long an expected date of birth may stay past, while the birth is being confirmed.</summary>
    public const int ExpectedBirthMaxDaysPast = 90;

    private const int MaxNameLength = 100;
    private const int MaxResults = 50;

    /// <summary>At most this many names are ranked for one search (a name of a few letters can match thousands).</summary>
    private const int MaxNameCandidates = 5000;

    private DateOnly Today => Calendar.UkTime.Today(db.Time);

    /// <summary>The people the actor may see: unrestricted records, and restricted ones that name them.</summary>
    public IQueryable<Person> Visible(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var userId = actor.UserId;
        return db.Set<Person>().Where(p => !p.IsRestricted || p.AccessList.Any(a => a.UserId == userId));
    }

    /// <summary>
    /// The ids of the records the actor may not see (restricted ones that do not name them): the complement of
    /// <see cref="Visible"/>, read from the partial index of restricted records. A list of many records filters with
    /// <c>!hidden.Contains(id)</c> rather than <c>visible.Contains(id)</c>, which tests every person (ADR 0092).
    /// </summary>
    public IQueryable<Guid> Hidden(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var userId = actor.UserId;
        return db.Set<Person>().Where(p => p.IsRestricted && !p.AccessList.Any(a => a.UserId == userId)).Select(p => p.Id);
    }

    /// <summary>Records like <paramref name="details"/>: the same (expected) date of birth and a similar name. Merged records are left out.</summary>
    public async Task<IReadOnlyList<PossibleDuplicate>> FindPossibleDuplicatesAsync(NewPerson details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var dob = details.DateOfBirth;
        var edob = details.ExpectedDateOfBirth;
        if (dob is null && edob is null)
        {
            return [];
        }

        var sameDate = await Visible(actor).AsNoTracking()
            .Where(p => p.MergedIntoId == null && ((dob != null && p.DateOfBirth == dob) || (edob != null && p.ExpectedDateOfBirth == edob)))
            .Include(p => p.Names)
            .Include(p => p.Addresses)
            .ToListAsync(cancellationToken);

        var names = new List<(string Given, string Family)> { (details.GivenNames, details.FamilyName) };
        names.AddRange(details.OtherNames.Select(n => (n.GivenNames, n.FamilyName)));
        return [.. sameDate
            .Where(p => p.Names.Any(n => names.Any(m => NameMatching.AreSimilar(m.Given, m.Family, n.GivenNames, n.FamilyName))))
            .OrderBy(p => p.DisplayName, StringComparer.Ordinal)
            .Select(p => new PossibleDuplicate(p.Id, p.DisplayName, p.DateOfBirth ?? p.ExpectedDateOfBirth, CurrentPostcode(p)))];
    }

    /// <summary>
    /// Adds a person. Identifiers already held by another record refuse the addition, naming that record;
    /// records that look alike must be named in <paramref name="confirmedDifferentFrom"/> (the user has checked
    /// they are different people), which is recorded.
    /// </summary>
    /// <exception cref="SafeguardValidationException">The details are not valid or an identifier is taken.</exception>
    /// <exception cref="PossibleDuplicatesException">Some records that look alike have not been confirmed different.</exception>
    public async Task<Person> CreateAsync(NewPerson details, IReadOnlyCollection<Guid> confirmedDifferentFrom, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(confirmedDifferentFrom);
        var person = Validate(details);
        await CheckIdentifiersAreFreeAsync(person, null, actor, cancellationToken);

        var candidates = await FindPossibleDuplicatesAsync(details, actor, cancellationToken);
        var unconfirmed = candidates.Where(c => !confirmedDifferentFrom.Contains(c.Id)).ToList();
        if (unconfirmed.Count > 0)
        {
            throw new PossibleDuplicatesException(unconfirmed);
        }

        using var process = db.BeginProcess("People.Create", actor);
        person.CreatedAt = db.Time.GetUtcNow();
        db.Add(person);
        foreach (var candidate in candidates)
        {
            db.Add(new NotDuplicateConfirmation
            {
                PersonId = person.Id,
                OtherPersonId = candidate.Id,
                ConfirmedByUserId = actor.UserId,
                ConfirmedByName = actor.Name,
                ConfirmedAt = person.CreatedAt,
            });
        }

        await SaveAsync(cancellationToken);
        return person;
    }

    /// <summary>A person's record, with the view audited; null when there is none the actor may see.</summary>
    public async Task<PersonRecord?> GetAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        var person = await Visible(actor).AsNoTracking()
            .Include(p => p.Names)
            .Include(p => p.Addresses)
            .Include(p => p.AccessList)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var links = await db.Set<PersonRelationship>().AsNoTracking()
            .Where(r => r.PersonId == id || r.RelatedPersonId == id)
            .ToListAsync(cancellationToken);
        var otherIds = links.Select(r => r.PersonId == id ? r.RelatedPersonId : r.PersonId)
            .Append(person.MergedIntoId ?? Guid.Empty)
            .Distinct()
            .ToList();
        var others = await Visible(actor).AsNoTracking().Include(p => p.Addresses)
            .Where(p => otherIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var relationships = links
            .Select(r => (r, otherId: r.PersonId == id ? r.RelatedPersonId : r.PersonId))
            .Where(x => others.ContainsKey(x.otherId))
            .Select(x => new RelationshipView(x.r, Summarise(others[x.otherId]), x.r.PersonId == id))
            .OrderBy(v => v.Relationship.Kind).ThenBy(v => v.Other.Name, StringComparer.Ordinal)
            .ToList();
        var merges = await db.Set<PersonMerge>().AsNoTracking()
            .Where(m => m.SurvivorId == id || m.MergedId == id)
            .OrderBy(m => m.MergedAt)
            .ToListAsync(cancellationToken);

        using (db.BeginProcess("People.View", actor))
        {
            db.RecordAccess(EntityType, id.ToString(), AuditAction.Viewed);
            await SaveAsync(cancellationToken);
        }

        var mergedInto = person.MergedIntoId is { } survivor && others.TryGetValue(survivor, out var s) ? Summarise(s) : null;
        return new PersonRecord(person, relationships, mergedInto, merges);
    }

    /// <summary>Links a child to a parent, carer or household member (an adult) or to a sibling (a child).</summary>
    public async Task<PersonRelationship> AddRelationshipAsync(NewRelationship details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var problems = new List<ValidationProblem>();
        var person = await Visible(actor).FirstOrDefaultAsync(p => p.Id == details.PersonId, cancellationToken);
        var related = await Visible(actor).FirstOrDefaultAsync(p => p.Id == details.RelatedPersonId, cancellationToken);
        if (person is null || person.MergedIntoId is not null)
        {
            problems.Add(new("PersonId", "There is no such person, or their record was merged into another"));
        }
        else if (person.Kind != PersonKind.Child)
        {
            problems.Add(new("PersonId", "Relationships are recorded from the child's record"));
        }

        if (related is null || related.MergedIntoId is not null)
        {
            problems.Add(new("RelatedPersonId", "Select the person this child is linked to"));
        }
        else if (details.RelatedPersonId == details.PersonId)
        {
            problems.Add(new("RelatedPersonId", "A child cannot be linked to themselves"));
        }
        else if (!Enum.IsDefined(details.Kind))
        {
            problems.Add(new("Kind", "Select how they are related"));
        }
        else if (PersonRelationship.IsSiblingKind(details.Kind) && related.Kind != PersonKind.Child)
        {
            problems.Add(new("Kind", $"A {Describe(details.Kind)} link is between two children; {related.DisplayName} is an adult"));
        }
        else if (!PersonRelationship.IsSiblingKind(details.Kind) && related.Kind != PersonKind.Adult)
        {
            problems.Add(new("Kind", $"A {Describe(details.Kind)} is an adult; {related.DisplayName} is a child (use sibling or half-sibling)"));
        }

        if (details.From is { } from && from > Today)
        {
            problems.Add(new("From", "The date the relationship started must be today or in the past"));
        }

        if (details.From is { } start && details.To is { } end && end < start)
        {
            problems.Add(new("To", "The date the relationship ended must be on or after the date it started"));
        }

        if (problems.Count == 0 && await db.Set<PersonRelationship>().AnyAsync(
                r => r.Kind == details.Kind && r.To == null
                    && ((r.PersonId == details.PersonId && r.RelatedPersonId == details.RelatedPersonId)
                        || (r.PersonId == details.RelatedPersonId && r.RelatedPersonId == details.PersonId)),
                cancellationToken))
        {
            problems.Add(new("Kind", $"{related!.DisplayName} is already recorded as this child's {Describe(details.Kind)}"));
        }

        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }

        var relationship = new PersonRelationship
        {
            PersonId = details.PersonId,
            RelatedPersonId = details.RelatedPersonId,
            Kind = details.Kind,
            HasParentalResponsibility = details.HasParentalResponsibility && !PersonRelationship.IsSiblingKind(details.Kind),
            From = details.From,
            To = details.To,
        };
        using var process = db.BeginProcess("People.AddRelationship", actor);
        db.Add(relationship);
        await SaveAsync(cancellationToken);
        return relationship;
    }

    /// <summary>
    /// Restricts a record to the named users (the actor is always among them), or lifts the restriction when
    /// <paramref name="userIds"/> is null.
    /// </summary>
    public async Task SetRestrictionAsync(Guid id, int version, IReadOnlyCollection<Guid>? userIds, string reason, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var person = await Visible(actor).Include(p => p.AccessList).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new SafeguardValidationException("PersonId", "There is no such person");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new SafeguardValidationException("Reason", "Say why the record's access is being changed");
        }

        if (userIds is not null && actor.UserId is null)
        {
            throw new SafeguardValidationException("Users", "Only a signed-in user can restrict a record, as they must stay on its access list");
        }

        using var process = db.BeginProcess("People.Restrict", actor, reason);
        db.Entry(person).Property(p => p.Version).OriginalValue = version;
        var wanted = userIds is null ? [] : userIds.Append(actor.UserId!.Value).ToHashSet();
        foreach (var entry in person.AccessList.Where(a => !wanted.Contains(a.UserId)).ToList())
        {
            person.AccessList.Remove(entry);
            db.Remove(entry);
        }

        foreach (var userId in wanted.Where(u => person.AccessList.All(a => a.UserId != u)))
        {
            person.AccessList.Add(new PersonAccess { PersonId = id, UserId = userId });
        }

        person.IsRestricted = userIds is not null;
        db.Entry(person).State = EntityState.Modified;
        await SaveAsync(cancellationToken);
    }

    /// <summary>Saves, or on a refusal (a concurrent change, a constraint) forgets the attempted changes so the context can still read and audit.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    public static string Describe(RelationshipKind kind) => kind switch
    {
        RelationshipKind.Mother => "mother",
        RelationshipKind.Father => "father",
        RelationshipKind.Parent => "parent",
        RelationshipKind.StepParent => "step-parent",
        RelationshipKind.Carer => "carer",
        RelationshipKind.HouseholdMember => "household member",
        RelationshipKind.Sibling => "sibling",
        _ => "half-sibling",
    };

    public static PersonSummary Summarise(Person p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.Kind, p.DisplayName, p.DateOfBirth, p.ExpectedDateOfBirth, p.Sex, p.Upn, p.NhsNumber, p.CouncilChildId, CurrentPostcode(p));
    }

    private static string? CurrentPostcode(Person p) =>
        p.Addresses.Where(a => a.To is null).OrderByDescending(a => a.From).Select(a => a.Postcode).FirstOrDefault();

    private Person Validate(NewPerson details)
    {
        var problems = new List<ValidationProblem>();
        var given = details.GivenNames?.Trim() ?? "";
        var family = details.FamilyName?.Trim() ?? "";
        CheckName(problems, "GivenNames", given, "given names");
        CheckName(problems, "FamilyName", family, "family name");
        var today = Today;

        if (!Enum.IsDefined(details.Kind))
        {
            problems.Add(new("Kind", "Select whether this is a child or an adult"));
        }

        if (details.DateOfBirth is { } dob)
        {
            if (dob > today)
            {
                problems.Add(new("DateOfBirth", "The date of birth must be today or in the past; for an unborn child enter the expected date of birth"));
            }
            else if (dob < new DateOnly(1900, 1, 1))
            {
                problems.Add(new("DateOfBirth", "The date of birth must be after 1 January 1900"));
            }
        }

        if (details.ExpectedDateOfBirth is { } edob)
        {
            if (details.Kind == PersonKind.Adult)
            {
                problems.Add(new("ExpectedDateOfBirth", "Only an unborn child has an expected date of birth"));
            }
            else if (details.DateOfBirth is not null)
            {
                problems.Add(new("ExpectedDateOfBirth", "Enter a date of birth or an expected date of birth, not both"));
            }
            else if (edob > today.AddDays(ExpectedBirthMaxDaysAhead))
            {
                problems.Add(new("ExpectedDateOfBirth", $"The expected date of birth must be within {ExpectedBirthMaxDaysAhead} days from today"));
            }
            else if (edob < today.AddDays(-ExpectedBirthMaxDaysPast))
            {
                problems.Add(new("ExpectedDateOfBirth", $"The expected date of birth is more than {ExpectedBirthMaxDaysPast} days ago: enter the child's date of birth instead"));
            }
        }
        else if (details.Kind == PersonKind.Child && details.DateOfBirth is null)
        {
            problems.Add(new("DateOfBirth", "Enter the child's date of birth, or the expected date of birth for an unborn child"));
        }

        if (!PersonCodes.IsSex(details.Sex))
        {
            problems.Add(new("Sex", "Select the person's sex: male, female or not known"));
        }

        if (details.Ethnicity is not null && !PersonCodes.IsEthnicity(details.Ethnicity))
        {
            problems.Add(new("Ethnicity", $"'{details.Ethnicity}' is not an ethnicity code of the children in need census"));
        }

        var disabilities = details.Disabilities.Distinct(StringComparer.Ordinal).ToList();
        if (disabilities.FirstOrDefault(d => !PersonCodes.IsDisability(d)) is { } badDisability)
        {
            problems.Add(new("Disabilities", $"'{badDisability}' is not a disability code of the children in need census"));
        }
        else if (disabilities.Contains("NONE") && disabilities.Count > 1)
        {
            problems.Add(new("Disabilities", "Select 'No disability' or the child's disabilities, not both"));
        }

        string? upn = null;
        if (!string.IsNullOrWhiteSpace(details.Upn))
        {
            upn = UniquePupilNumber.Normalise(details.Upn);
            if (details.Kind == PersonKind.Adult)
            {
                problems.Add(new("Upn", "Only a child has a unique pupil number"));
            }
            else if (!UniquePupilNumber.IsValid(upn))
            {
                problems.Add(new("Upn", "The UPN must be 13 characters, a letter then 11 digits then a digit or letter, with the right check letter"));
            }
        }

        string? nhs = null;
        if (!string.IsNullOrWhiteSpace(details.NhsNumber))
        {
            nhs = NhsNumber.Normalise(details.NhsNumber);
            if (!NhsNumber.IsValid(nhs))
            {
                problems.Add(new("NhsNumber", "The NHS number must be 10 digits with the right check digit, like 943 476 5919"));
            }
        }

        string? councilId = null;
        if (!string.IsNullOrWhiteSpace(details.CouncilChildId))
        {
            councilId = details.CouncilChildId.Trim().ToUpperInvariant();
            if (details.Kind == PersonKind.Adult)
            {
                problems.Add(new("CouncilChildId", "Only a child has a council child id"));
            }
            else if (councilId.Length > 10 || !councilId.All(char.IsAsciiLetterOrDigit))
            {
                problems.Add(new("CouncilChildId", "The council child id must be 10 letters or digits at most"));
            }
        }

        var person = new Person
        {
            Kind = details.Kind,
            DateOfBirth = details.DateOfBirth,
            ExpectedDateOfBirth = details.ExpectedDateOfBirth,
            Sex = details.Sex,
            Ethnicity = details.Ethnicity,
            Disabilities = disabilities.Count == 0 ? null : string.Join(',', disabilities),
            Upn = upn,
            NhsNumber = nhs,
            CouncilChildId = councilId,
            DisplayName = $"{given} {family}",
        };
        person.Names.Add(NewNameRow(person.Id, PersonNameKind.Current, given, family));
        for (var i = 0; i < details.OtherNames.Count; i++)
        {
            var other = details.OtherNames[i];
            var otherGiven = other.GivenNames?.Trim() ?? "";
            var otherFamily = other.FamilyName?.Trim() ?? "";
            CheckName(problems, $"OtherNames[{i}].GivenNames", otherGiven, "given names");
            CheckName(problems, $"OtherNames[{i}].FamilyName", otherFamily, "family name");
            if (other.Kind == PersonNameKind.Current || !Enum.IsDefined(other.Kind))
            {
                problems.Add(new($"OtherNames[{i}].Kind", "Another name is a previous name or an alias"));
            }

            person.Names.Add(NewNameRow(person.Id, other.Kind, otherGiven, otherFamily));
        }

        if (details.Address is { } address)
        {
            var line1 = address.Line1?.Trim() ?? "";
            var postcode = UkPostcode.Normalise(address.Postcode);
            if (line1.Length == 0)
            {
                problems.Add(new("Address.Line1", "Enter the first line of the address"));
            }
            else if (line1.Length > 200 || address.Line2?.Trim().Length > 200 || address.Town?.Trim().Length > 100)
            {
                problems.Add(new("Address.Line1", "Each address line must be 200 characters or fewer, and the town 100"));
            }

            if (postcode is null)
            {
                problems.Add(new("Address.Postcode", "Enter a UK postcode, like SW1A 1AA"));
            }

            if (address.From > today)
            {
                problems.Add(new("Address.From", "The date they moved in must be today or in the past"));
            }

            if (address.To is { } to && to < address.From)
            {
                problems.Add(new("Address.To", "The date they moved out must be on or after the date they moved in"));
            }

            person.Addresses.Add(new PersonAddress
            {
                PersonId = person.Id,
                Line1 = line1,
                Line2 = string.IsNullOrWhiteSpace(address.Line2) ? null : address.Line2.Trim(),
                Town = string.IsNullOrWhiteSpace(address.Town) ? null : address.Town.Trim(),
                Postcode = postcode ?? "",
                From = address.From,
                To = address.To,
            });
        }

        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }

        return person;
    }

    private async Task CheckIdentifiersAreFreeAsync(Person person, Guid? id, Actor actor, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        var visibleIds = Visible(actor).Select(p => p.Id);
        async Task Check(string field, string label, string? value, IQueryable<Person> holders, bool includeMerged = false)
        {
            if (value is null)
            {
                return;
            }

            var holder = await holders
                .Where(p => p.Id != id && (includeMerged || p.MergedIntoId == null))
                .Select(p => new { p.Id, p.DisplayName, p.DateOfBirth, Visible = visibleIds.Contains(p.Id) })
                .FirstOrDefaultAsync(cancellationToken);
            if (holder is not null)
            {
                // A restricted record is not named to someone who may not see it, but the identifier is still refused.
                problems.Add(new(field, holder.Visible
                    ? $"The {label} {value} is already on the record of {holder.DisplayName}{(holder.DateOfBirth is { } d ? $", born {d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}" : "")} (record {holder.Id}). Open that record instead of adding a new one"
                    : $"The {label} {value} is already on a record you cannot see. Ask your team manager before adding this person"));
            }
        }

        var people = db.Set<Person>().AsNoTracking();
        await Check("Upn", "UPN", person.Upn, people.Where(p => p.Upn == person.Upn));
        await Check("NhsNumber", "NHS number", person.NhsNumber, people.Where(p => p.NhsNumber == person.NhsNumber));
        await Check("CouncilChildId", "council child id", person.CouncilChildId, people.Where(p => p.CouncilChildId == person.CouncilChildId), includeMerged: true);
        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }
    }

    private static void CheckName(List<ValidationProblem> problems, string field, string value, string label)
    {
        if (value.Length == 0)
        {
            problems.Add(new(field, $"Enter the {label}"));
        }
        else if (value.Length > MaxNameLength)
        {
            problems.Add(new(field, $"The {label} must be {MaxNameLength} characters or fewer"));
        }
    }

    private static PersonName NewNameRow(Guid personId, PersonNameKind kind, string given, string family) => new()
    {
        PersonId = personId,
        Kind = kind,
        GivenNames = given,
        FamilyName = family,
        SearchKey = NameMatching.SearchKey(given, family),
        FamilySoundex = NameMatching.Soundex(family),
    };
}
