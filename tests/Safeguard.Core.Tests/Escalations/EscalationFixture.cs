using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Core.Tests.Journey;
using Safeguard.Escalations;
using Safeguard.Identity;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Escalations;

/// <summary>
/// The journey fixture (a social worker of children's services and a child; Monday 23 November 2026, 09:00 UTC) with a
/// police officer (partner practitioner), a school's designated safeguarding lead and a business unit officer.
/// </summary>
internal sealed class EscalationFixture : IAsyncDisposable
{
    private EscalationFixture(JourneyFixture journey) => Journey = journey;

    public JourneyFixture Journey { get; }

    public TestServices Services => Journey.Services;

    public EscalationService Escalations => Services.Get<EscalationService>();

    public SafeguardDbContext Db => Services.Db;

    /// <summary>A social worker of children's services (may see the child's record).</summary>
    public Actor Worker => Journey.Worker;

    public Actor Police { get; private set; } = default!;

    public Actor School { get; private set; } = default!;

    public Actor BusinessUnit { get; private set; } = default!;

    public Guid ChildId => Journey.ChildId;

    public Guid CouncilId => Worker.AgencyId!.Value;

    public Guid PoliceId => Police.AgencyId!.Value;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<EscalationFixture> CreateAsync(DatabaseProvider provider)
    {
        var fixture = new EscalationFixture(await JourneyFixture.CreateAsync(provider));
        var db = fixture.Db;
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            var police = new Agency { Name = "Greater Manchester Police", Code = "GMP", Type = AgencyType.Police };
            var school = new Agency { Name = "Elton High School", Code = "EHS", Type = AgencyType.School };
            var officer = new User { DisplayName = "Pat Police", UserName = "pat.police", AgencyId = police.Id, CreatedAt = JourneyFixture.Now };
            var dsl = new User { DisplayName = "Sid School", UserName = "sid.school", AgencyId = school.Id, CreatedAt = JourneyFixture.Now };
            var unit = new User { DisplayName = "Bea Business", UserName = "bea.business", AgencyId = fixture.CouncilId, CreatedAt = JourneyFixture.Now };
            db.AddRange(police, school, officer, dsl, unit);
            await db.SaveChangesAsync(Ct);
            var partner = await db.Roles.SingleAsync(r => r.Name == Roles.PartnerPractitioner, Ct);
            var business = await db.Roles.SingleAsync(r => r.Name == Roles.BusinessUnit, Ct);
            db.UserRoles.AddRange(
                new IdentityUserRole<Guid> { UserId = officer.Id, RoleId = partner.Id },
                new IdentityUserRole<Guid> { UserId = dsl.Id, RoleId = partner.Id },
                new IdentityUserRole<Guid> { UserId = unit.Id, RoleId = business.Id });
            await db.SaveChangesAsync(Ct);
            fixture.Police = new Actor(officer.Id, officer.DisplayName, police.Id);
            fixture.School = new Actor(dsl.Id, dsl.DisplayName, school.Id);
            fixture.BusinessUnit = new Actor(unit.Id, unit.DisplayName, fixture.CouncilId);
        }

        return fixture;
    }

    /// <summary>The police disagree with children's services' decision that a referral did not meet the threshold; the social worker is named at stage 1.</summary>
    public NewEscalation Disagreement(DateOnly raisedOn) => new()
    {
        RaisedWithAgencyId = CouncilId,
        RaisedByRole = "Detective constable, public protection",
        RespondingUserId = Worker.UserId,
        Subject = "The Khan family",
        Theme = EscalationTheme.ThresholdDecision,
        Concern = "Third domestic abuse incident in a month: we disagree with the decision of no further action and ask for a strategy discussion.",
        RaisedOn = raisedOn,
    };

    public Task<Escalation> RaiseAsync(DateOnly raisedOn) => Escalations.RaiseAsync(Disagreement(raisedOn), Police, Ct);

    public async Task<int> VersionAsync(Guid id) => await Db.Set<Escalation>().AsNoTracking().Where(e => e.Id == id).Select(e => e.Version).SingleAsync(Ct);

    public ValueTask DisposeAsync() => Journey.DisposeAsync();
}
