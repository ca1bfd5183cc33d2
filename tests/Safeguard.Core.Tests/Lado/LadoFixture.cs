using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Core.Tests.Journey;
using Safeguard.FrontDoor;
using Safeguard.Identity;
using Safeguard.Lado;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Lado;

/// <summary>The journey fixture (a social worker and a child; Monday 23 November 2026, 09:00 UTC) with a designated officer, a business unit officer and a school.</summary>
internal sealed class LadoFixture : IAsyncDisposable
{
    private LadoFixture(JourneyFixture journey) => Journey = journey;

    public JourneyFixture Journey { get; }

    public TestServices Services => Journey.Services;

    public LadoService Lado => Services.Get<LadoService>();

    public SafeguardDbContext Db => Services.Db;

    /// <summary>A social worker: may see the child's record, not allegations.</summary>
    public Actor Worker => Journey.Worker;

    public Actor Officer { get; private set; } = default!;

    public Actor BusinessUnit { get; private set; } = default!;

    public Guid ChildId => Journey.ChildId;

    public Guid SchoolId { get; private set; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<LadoFixture> CreateAsync(DatabaseProvider provider)
    {
        var fixture = new LadoFixture(await JourneyFixture.CreateAsync(provider));
        var db = fixture.Db;
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            var csc = await db.Agencies.FirstAsync(Ct);
            var school = new Agency { Name = "Bury Grammar", Code = "BG", Type = AgencyType.School };
            var officer = new User { DisplayName = "Lou Lado", UserName = "lou.lado", AgencyId = csc.Id, CreatedAt = JourneyFixture.Now };
            var unit = new User { DisplayName = "Bea Business", UserName = "bea.business", AgencyId = csc.Id, CreatedAt = JourneyFixture.Now };
            db.AddRange(school, officer, unit);
            await db.SaveChangesAsync(Ct);
            var lado = await db.Roles.SingleAsync(r => r.Name == Roles.Lado, Ct);
            var business = await db.Roles.SingleAsync(r => r.Name == Roles.BusinessUnit, Ct);
            db.UserRoles.AddRange(new IdentityUserRole<Guid> { UserId = officer.Id, RoleId = lado.Id }, new IdentityUserRole<Guid> { UserId = unit.Id, RoleId = business.Id });
            await db.SaveChangesAsync(Ct);
            fixture.Officer = new Actor(officer.Id, officer.DisplayName, csc.Id);
            fixture.BusinessUnit = new Actor(unit.Id, unit.DisplayName, csc.Id);
            fixture.SchoolId = school.Id;
        }

        return fixture;
    }

    /// <summary>A referral about a teaching assistant at the school concerning the child.</summary>
    public AllegationDetails Referral(DateOnly referred, LadoSector sector = LadoSector.Education, LadoCategory category = LadoCategory.Harm) => new()
    {
        WorkerName = "Jo Bloggs",
        EmployerAgencyId = SchoolId,
        WorkerRole = "Teaching assistant",
        Sector = sector,
        ChildIds = [ChildId],
        ReferredOn = referred,
        ReferrerAgencyId = SchoolId,
        ReferrerName = "Dee Designated, designated safeguarding lead",
        Category = category,
        Allegation = "Grabbed the child by the arm in the playground, leaving a bruise",
    };

    public Task<LadoAllegation> RecordAsync(DateOnly referred, LadoSector sector = LadoSector.Education) => Lado.RecordAsync(Referral(referred, sector), Officer, Ct);

    /// <summary>A contact from the school decided "refer to the LADO", naming the child.</summary>
    public async Task<Guid> LadoContactAsync(int hoursAgo = 20)
    {
        var contact = new Contact
        {
            ReceivedAt = JourneyFixture.Now.AddHours(-hoursAgo),
            FromAgencyId = SchoolId,
            ReferrerName = "Dee Designated",
            ReferralSource = "1A",
            Concerns = "A member of staff grabbed a pupil",
            RecordedByName = "Farah Frontdoor",
            RecordedAt = JourneyFixture.Now.AddHours(-hoursAgo),
            Decision = ContactDecision.ReferToLado,
            DecidedAt = JourneyFixture.Now.AddHours(1 - hoursAgo),
            DecidedByName = "Farah Frontdoor",
        };
        contact.Children.Add(new ContactChild { ContactId = contact.Id, PersonId = ChildId, DescribedName = "Amira Khan" });
        using (Db.BeginProcess("Test.Seed", Actor.System()))
        {
            Db.Add(contact);
            await Db.SaveChangesAsync(Ct);
        }

        Db.ChangeTracker.Clear();
        return contact.Id;
    }

    public ValueTask DisposeAsync() => Journey.DisposeAsync();
}
