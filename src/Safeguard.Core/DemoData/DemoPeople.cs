using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.DemoData;

/// <summary>
/// Demo children and the adults around them: families of one to four children with one or two parents or
/// carers, valid (made-up) UPNs, NHS numbers and postcodes, the same on every machine for the same day and seed.
/// The people are generated in memory and written with bulk inserts.
/// </summary>
public static class DemoPeople
{
    public const int DefaultChildren = 200;

    private static readonly string[] FamilyNames =
    [
        "Khan", "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Ahmed", "Hussain", "Walker", "Wright", "Thompson",
        "Robinson", "Okafor", "Kowalski", "Evans", "Patel", "Murphy", "Hughes", "Green", "Hall", "Clarke", "Begum", "Nowak", "O'Brien",
        "Ali", "Lewis", "Jackson", "White", "Harris", "Martin", "Cooper", "King", "Lee", "Baker", "Hill", "Ward", "Turner", "Parker",
        "Collins", "Edwards", "Stewart", "Morris", "Rogers", "Reed", "Cook", "Morgan", "Bell", "Bailey", "Kelly", "Howard", "Cox",
        "Richardson", "Wood", "Watson", "Brooks", "Gray", "James", "Bennett", "Mahmood", "Iqbal", "Rahman", "Mensah", "Adeyemi",
        "Wiśniewski", "Popescu", "Doyle", "Byrne", "Gallagher", "Ashworth", "Schofield", "Haworth", "Greenhalgh", "Kershaw", "Entwistle",
        "Holt", "Lord", "Butterworth", "Whittaker", "Crompton",
    ];

    private static readonly string[] GirlsNames = ["Amira", "Olivia", "Amelia", "Isla", "Ava", "Maryam", "Freya", "Zoë", "Grace", "Lily", "Aisha", "Ruby", "Chloe", "Hana", "Maja", "Sophia", "Evie", "Poppy", "Ella", "Mia", "Zara", "Ivy", "Willow", "Esme", "Layla"];
    private static readonly string[] BoysNames = ["Jack", "Oliver", "Muhammad", "Noah", "Harry", "Leo", "George", "Yusuf", "Charlie", "Jacob", "Adam", "Oscar", "Kacper", "Tyler", "Ibrahim", "Alfie", "Theo", "Arthur", "Freddie", "Archie", "Zayn", "Louis", "Henry", "Ethan", "Reggie"];
    private static readonly string[] WomensNames = ["Sarah", "Aisha", "Emma", "Fatima", "Laura", "Joanne", "Agnieszka", "Chioma", "Rebecca", "Nadia", "Kirsty", "Gemma", "Samina", "Natalie", "Stacey", "Leanne"];
    private static readonly string[] MensNames = ["David", "Imran", "Mark", "Paul", "Tomasz", "Daniel", "Emeka", "Lee", "Asif", "Craig", "Wayne", "Jamie", "Kamran", "Ryan", "Adrian", "Gareth"];
    private static readonly string[] Streets = ["Bolton Street", "Manchester Road", "Rochdale Road", "Bell Lane", "Walmersley Road", "Market Street", "Bury New Road", "Tottington Road", "Brandlesholme Road", "Ainsworth Road", "Radcliffe Road", "Bury Old Road"];
    private static readonly string[] Postcodes = ["BL9 0AA", "BL9 5BT", "BL8 1DE", "BL8 2HQ", "BL0 9RR", "M26 1GW", "M45 6TN", "BL9 7HS", "BL9 9PQ", "BL8 4LY", "M26 2SP", "M25 1AJ"];
    private static readonly string[] Disabilities = ["AUT", "LD", "COMM", "BEH", "MOB", "HEAR", "VIS", "PC", "AUT,LD", "CON"];
    private static readonly string[] Ethnicities = ["WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "APKN", "APKN", "ABAN", "BAFR", "WOTH", "MWBC", "AIND", "WIRI", "MOTH", "NOBT"];

    /// <summary>Adds the demo children unless the index already holds people; returns how many children were added.</summary>
    public static async Task<int> SeedAsync(SafeguardDbContext db, int children = DefaultChildren, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.People.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var today = UkTime.Today(db.Time);
        var population = Generate(children, DemoOptions.DefaultSeed, today, new DemoIds(DemoOptions.DefaultSeed, db.Time.GetUtcNow()), db.Time.GetUtcNow());
        using var process = db.BeginProcess("Demo.SeedPeople", Actor.System("demo data"));
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        await population.WriteAsync(db, "demo children and their families", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return children;
    }

    /// <summary>The families of <paramref name="children"/> children aged 0-17 on <paramref name="today"/> (one in forty families expecting a baby).</summary>
    internal static DemoPopulation Generate(int children, int seed, DateOnly today, DemoIds ids, DateTimeOffset createdAt)
    {
        var random = new Random(seed);
        var population = new DemoPopulation();
        var added = 0;
        while (added < children)
        {
            added += AddFamily(population, random, ids, today, createdAt, population.Families.Count, Math.Min(children - added, 1 + random.Next(4)));
        }

        return population;
    }

    private static int AddFamily(DemoPopulation population, Random random, DemoIds ids, DateOnly today, DateTimeOffset createdAt, int family, int childCount)
    {
        var familyName = FamilyNames[random.Next(FamilyNames.Length)];
        var ethnicity = Ethnicities[random.Next(Ethnicities.Length)];
        var address = (Line1: $"{1 + random.Next(180)} {Streets[random.Next(Streets.Length)]}", Postcode: Postcodes[random.Next(Postcodes.Length)]);
        var movedIn = today.AddDays(-random.Next(60, 3000));

        var mother = NewPerson(population, ids, createdAt, PersonKind.Adult, WomensNames[random.Next(WomensNames.Length)], familyName, today.AddDays(-random.Next(20 * 365, 45 * 365)), "F", ethnicity, null, null, NhsNumberFor(family * 10), address, movedIn);
        Person? father = null;
        if (random.Next(3) > 0)
        {
            father = NewPerson(population, ids, createdAt, PersonKind.Adult, MensNames[random.Next(MensNames.Length)], familyName, today.AddDays(-random.Next(20 * 365, 50 * 365)), "M", ethnicity, null, null, NhsNumberFor((family * 10) + 1), address, movedIn);
        }

        var siblings = new List<Person>();
        for (var c = 0; c < childCount; c++)
        {
            var girl = random.Next(2) == 0;
            var serial = (family * 10) + 2 + c;
            var unborn = c == 0 && family % 40 == 39;
            var child = NewPerson(
                population,
                ids,
                createdAt,
                PersonKind.Child,
                unborn ? "Unborn" : girl ? GirlsNames[random.Next(GirlsNames.Length)] : BoysNames[random.Next(BoysNames.Length)],
                familyName,
                unborn ? null : today.AddDays(-random.Next(30, 18 * 365)),
                unborn ? "U" : girl ? "F" : "M",
                ethnicity,
                unborn ? null : UpnFor(serial),
                $"D{serial:D7}",
                unborn ? null : NhsNumberFor(serial),
                address,
                movedIn);
            if (unborn)
            {
                child.ExpectedDateOfBirth = today.AddDays(random.Next(20, 200));
            }
            else if (random.Next(25) == 0)
            {
                child.Disabilities = Disabilities[random.Next(Disabilities.Length)];
            }

            population.Relationships.Add(new PersonRelationship { Id = ids.Next(), PersonId = child.Id, RelatedPersonId = mother.Id, Kind = RelationshipKind.Mother, HasParentalResponsibility = true, From = child.DateOfBirth });
            if (father is not null)
            {
                population.Relationships.Add(new PersonRelationship { Id = ids.Next(), PersonId = child.Id, RelatedPersonId = father.Id, Kind = RelationshipKind.Father, HasParentalResponsibility = random.Next(4) > 0, From = child.DateOfBirth });
            }

            foreach (var sibling in siblings)
            {
                population.Relationships.Add(new PersonRelationship { Id = ids.Next(), PersonId = child.Id, RelatedPersonId = sibling.Id, Kind = RelationshipKind.Sibling });
            }

            siblings.Add(child);
        }

        population.Families.Add(new DemoFamily(mother, father, siblings));
        return childCount;
    }

    /// <summary>
    /// A young person born on <paramref name="dob"/> (a care leaver now 18 or over), in a household of their own: council
    /// child id L and <paramref name="serial"/>, a UPN from a range the children's serials never reach, no NHS number.
    /// </summary>
    internal static Person AddYoungPerson(DemoPopulation population, Random random, DemoIds ids, DateTimeOffset createdAt, int serial, DateOnly dob)
    {
        var girl = random.Next(2) == 0;
        var address = (Line1: $"Flat {1 + random.Next(12)}, {1 + random.Next(180)} {Streets[random.Next(Streets.Length)]}", Postcode: Postcodes[random.Next(Postcodes.Length)]);
        return NewPerson(
            population, ids, createdAt, PersonKind.Child, girl ? GirlsNames[random.Next(GirlsNames.Length)] : BoysNames[random.Next(BoysNames.Length)],
            FamilyNames[random.Next(FamilyNames.Length)], dob, girl ? "F" : "M", Ethnicities[random.Next(Ethnicities.Length)], UpnFor(900_000_000 + serial), $"L{serial:D7}", null,
            address, dob.AddYears(18));
    }

    private static Person NewPerson(
        DemoPopulation population, DemoIds ids, DateTimeOffset createdAt, PersonKind kind, string given, string family, DateOnly? dob, string sex, string ethnicity, string? upn, string? councilId, string? nhs, (string Line1, string Postcode) address, DateOnly movedIn)
    {
        var person = new Person
        {
            Id = ids.Next(),
            CreatedAt = createdAt,
            Kind = kind,
            DateOfBirth = dob,
            Sex = sex,
            Ethnicity = ethnicity,
            Disabilities = kind == PersonKind.Child && dob is not null ? "NONE" : null,
            Upn = upn,
            CouncilChildId = kind == PersonKind.Child ? councilId : null,
            NhsNumber = nhs,
            DisplayName = $"{given} {family}",
        };
        population.Names.Add(new PersonName
        {
            Id = ids.Next(),
            PersonId = person.Id,
            Kind = PersonNameKind.Current,
            GivenNames = given,
            FamilyName = family,
            SearchKey = NameMatching.SearchKey(given, family),
            FamilySoundex = NameMatching.Soundex(family),
        });
        population.Addresses.Add(new PersonAddress { Id = ids.Next(), PersonId = person.Id, Line1 = address.Line1, Town = "Bury", Postcode = address.Postcode, From = dob is { } d && d > movedIn ? d : movedIn });
        population.People.Add(person);
        return person;
    }

    /// <summary>A valid UPN of council 351 (Bury) for a serial number.</summary>
    public static string UpnFor(int serial)
    {
        var body = $"351{serial % 1_000_000_000:D9}";
        return $"{UniquePupilNumber.ExpectedCheckLetter("?" + body)}{body}";
    }

    /// <summary>A valid NHS number in the 999 range, which the NHS never issues (safe for demo data).</summary>
    public static string NhsNumberFor(int serial)
    {
        // Three numbers per serial (a run of three without a valid check digit is rare): unique up to about 330,000
        // serials, which covers scale 1; larger benchmark areas repeat numbers.
        for (var n = (long)serial * 3; ; n++)
        {
            var nine = $"999{n % 1_000_000:D6}";
            if (NhsNumber.CheckDigit(nine) is { } check)
            {
                return nine + check;
            }
        }
    }
}

/// <summary>Generated people, in memory until written.</summary>
internal sealed class DemoPopulation
{
    public List<Person> People { get; } = [];

    public List<PersonName> Names { get; } = [];

    public List<PersonAddress> Addresses { get; } = [];

    public List<PersonRelationship> Relationships { get; } = [];

    public List<DemoFamily> Families { get; } = [];

    public int Children => People.Count(p => p.Kind == PersonKind.Child);

    public async Task WriteAsync(SafeguardDbContext db, string detail, CancellationToken cancellationToken)
    {
        await BulkInsert.InsertAsync(db, People, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Names, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Addresses, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Relationships, detail, cancellationToken);
    }
}

/// <summary>A generated family: the children are in birth order of generation, not by age.</summary>
internal sealed record DemoFamily(Person Mother, Person? Father, List<Person> Children);
