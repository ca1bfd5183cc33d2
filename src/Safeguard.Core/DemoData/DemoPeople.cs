using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.DemoData;

/// <summary>
/// Demo children and the adults around them: families of one to four children with one or two parents or
/// carers, valid (made-up) UPNs, NHS numbers and postcodes, the same on every machine for the same day.
/// Families are saved in batches (one save, so one audit transaction, per batch).
/// </summary>
public static class DemoPeople
{
    public const int DefaultChildren = 200;
    private const int FamiliesPerBatch = 25;

    private static readonly string[] FamilyNames =
    [
        "Khan", "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Ahmed", "Hussain", "Walker", "Wright", "Thompson",
        "Robinson", "Okafor", "Kowalski", "Evans", "Patel", "Murphy", "Hughes", "Green", "Hall", "Clarke", "Begum", "Nowak", "O'Brien",
    ];

    private static readonly string[] GirlsNames = ["Amira", "Olivia", "Amelia", "Isla", "Ava", "Maryam", "Freya", "Zoë", "Grace", "Lily", "Aisha", "Ruby", "Chloe", "Hana", "Maja"];
    private static readonly string[] BoysNames = ["Jack", "Oliver", "Muhammad", "Noah", "Harry", "Leo", "George", "Yusuf", "Charlie", "Jacob", "Adam", "Oscar", "Kacper", "Tyler", "Ibrahim"];
    private static readonly string[] WomensNames = ["Sarah", "Aisha", "Emma", "Fatima", "Laura", "Joanne", "Agnieszka", "Chioma", "Rebecca", "Nadia"];
    private static readonly string[] MensNames = ["David", "Imran", "Mark", "Paul", "Tomasz", "Daniel", "Emeka", "Lee", "Asif", "Craig"];
    private static readonly string[] Streets = ["Bolton Street", "Manchester Road", "Rochdale Road", "Bell Lane", "Walmersley Road", "Market Street", "Bury New Road", "Tottington Road"];
    private static readonly string[] Postcodes = ["BL9 0AA", "BL9 5BT", "BL8 1DE", "BL8 2HQ", "BL0 9RR", "M26 1GW", "M45 6TN", "BL9 7HS"];
    private static readonly string[] Ethnicities = ["WBRI", "WBRI", "WBRI", "APKN", "ABAN", "BAFR", "WOTH", "MWBC", "AIND", "NOBT"];

    /// <summary>Adds the demo children unless the index already holds people; returns how many children were added.</summary>
    public static async Task<int> SeedAsync(SafeguardDbContext db, int children = DefaultChildren, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.People.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var today = UkTime.Today(db.Time);
        var random = new Random(20261122);
        var added = 0;
        var families = 0;
        using var process = db.BeginProcess("Demo.SeedPeople", Actor.System("demo data"));
        while (added < children)
        {
            added += AddFamily(db, random, today, families, Math.Min(children - added, 1 + random.Next(4)));
            families++;
            if (families % FamiliesPerBatch == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return added;
    }

    private static int AddFamily(SafeguardDbContext db, Random random, DateOnly today, int family, int childCount)
    {
        var familyName = FamilyNames[family % FamilyNames.Length];
        var ethnicity = Ethnicities[random.Next(Ethnicities.Length)];
        var address = (Line1: $"{1 + random.Next(180)} {Streets[random.Next(Streets.Length)]}", Postcode: Postcodes[random.Next(Postcodes.Length)]);
        var movedIn = today.AddDays(-random.Next(60, 3000));

        var mother = NewPerson(PersonKind.Adult, WomensNames[random.Next(WomensNames.Length)], familyName, today.AddDays(-random.Next(20 * 365, 45 * 365)), "F", ethnicity, null, null, NhsNumberFor(family * 10), address, movedIn);
        db.Add(mother);
        Person? father = null;
        if (random.Next(3) > 0)
        {
            father = NewPerson(PersonKind.Adult, MensNames[random.Next(MensNames.Length)], familyName, today.AddDays(-random.Next(20 * 365, 50 * 365)), "M", ethnicity, null, null, NhsNumberFor((family * 10) + 1), address, movedIn);
            db.Add(father);
        }

        var siblings = new List<Person>();
        for (var c = 0; c < childCount; c++)
        {
            var girl = random.Next(2) == 0;
            var serial = (family * 10) + 2 + c;
            var unborn = c == 0 && family % 40 == 39;
            var child = NewPerson(
                PersonKind.Child,
                girl ? GirlsNames[random.Next(GirlsNames.Length)] : BoysNames[random.Next(BoysNames.Length)],
                familyName,
                unborn ? null : today.AddDays(-random.Next(30, 17 * 365)),
                unborn ? "U" : girl ? "F" : "M",
                ethnicity,
                unborn ? null : UpnFor(serial),
                $"D{serial:D6}",
                unborn ? null : NhsNumberFor(serial),
                address,
                movedIn);
            if (unborn)
            {
                child.ExpectedDateOfBirth = today.AddDays(random.Next(20, 200));
                child.Names[0].GivenNames = "Unborn";
                child.Names[0].SearchKey = NameMatching.SearchKey("Unborn", familyName);
                child.DisplayName = $"Unborn {familyName}";
            }

            db.Add(child);
            db.Add(new PersonRelationship { PersonId = child.Id, RelatedPersonId = mother.Id, Kind = RelationshipKind.Mother, HasParentalResponsibility = true, From = child.DateOfBirth });
            if (father is not null)
            {
                db.Add(new PersonRelationship { PersonId = child.Id, RelatedPersonId = father.Id, Kind = RelationshipKind.Father, HasParentalResponsibility = random.Next(4) > 0, From = child.DateOfBirth });
            }

            foreach (var sibling in siblings)
            {
                db.Add(new PersonRelationship { PersonId = child.Id, RelatedPersonId = sibling.Id, Kind = RelationshipKind.Sibling });
            }

            siblings.Add(child);
        }

        return childCount;
    }

    private static Person NewPerson(
        PersonKind kind, string given, string family, DateOnly? dob, string sex, string ethnicity, string? upn, string? councilId, string? nhs, (string Line1, string Postcode) address, DateOnly movedIn)
    {
        var person = new Person
        {
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
        person.Names.Add(new PersonName
        {
            PersonId = person.Id,
            Kind = PersonNameKind.Current,
            GivenNames = given,
            FamilyName = family,
            SearchKey = NameMatching.SearchKey(given, family),
            FamilySoundex = NameMatching.Soundex(family),
        });
        person.Addresses.Add(new PersonAddress { PersonId = person.Id, Line1 = address.Line1, Town = "Bury", Postcode = address.Postcode, From = dob is { } d && d > movedIn ? d : movedIn });
        return person;
    }

    /// <summary>A valid UPN of council 351 (Bury) for a serial number.</summary>
    public static string UpnFor(int serial)
    {
        var body = $"3514000{serial % 100_000:D5}";
        return $"{UniquePupilNumber.ExpectedCheckLetter("?" + body)}{body}";
    }

    /// <summary>A valid NHS number in the 999 range, which the NHS never issues (safe for demo data).</summary>
    public static string NhsNumberFor(int serial)
    {
        for (var n = serial * 5; ; n++)
        {
            var nine = $"999{n % 1_000_000:D6}";
            if (NhsNumber.CheckDigit(nine) is { } check)
            {
                return nine + check;
            }
        }
    }
}
