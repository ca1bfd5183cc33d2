using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Identity;
using Safeguard.Journey;
using Safeguard.Organisations;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Journey;

/// <summary>A database with a social worker, a team and a child; today is Monday 23 November 2026.</summary>
internal sealed class JourneyFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 23);
    public static readonly DateOnly Referral = new(2026, 10, 1);

    private JourneyFixture(TestServices services) => Services = services;

    public TestServices Services { get; }

    public CaseworkService Casework => Services.Get<CaseworkService>();

    public Actor Worker { get; private set; } = default!;

    public Team Team { get; private set; } = default!;

    public Guid ChildId { get; private set; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JourneyFixture> CreateAsync(DatabaseProvider provider, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure = null)
    {
        var fixture = new JourneyFixture(await TestServices.CreateAsync(provider, new FakeTimeProvider(Now), configure: configure));
        var db = fixture.Services.Db;
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            var agency = new Agency { Name = "Children's services", Code = "CSC", Type = AgencyType.ChildrensSocialCare };
            var team = new Team { Name = "Assessment team", AgencyId = agency.Id };
            var user = new User { DisplayName = "Sam Worker", UserName = "sam.worker", AgencyId = agency.Id, TeamId = team.Id, CreatedAt = Now };
            db.AddRange(agency, team, user);
            await db.SaveChangesAsync(Ct);
            fixture.Team = team;
            fixture.Worker = new Actor(user.Id, user.DisplayName, agency.Id);
        }

        // A social worker: allocation offers only members of the team whose roles grant casework.
        await RoleSetup.SyncAsync(db, Ct);
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            var socialWorker = await db.Roles.SingleAsync(r => r.Name == Roles.SocialWorker, Ct);
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = fixture.Worker.UserId!.Value, RoleId = socialWorker.Id });
            await db.SaveChangesAsync(Ct);
        }

        fixture.ChildId = await fixture.AddChildAsync("Amira", "Khan");
        return fixture;
    }

    public async Task<Guid> AddChildAsync(string given, string family, bool restricted = false)
    {
        var person = await Services.Get<PersonIndex>().CreateAsync(
            new NewPerson { GivenNames = given, FamilyName = family, DateOfBirth = new DateOnly(2018, 3, 14), Sex = "F", Ethnicity = "APKN", Disabilities = ["NONE"], CouncilChildId = family.ToUpperInvariant()[..3] + given.Length },
            [], Worker, Ct);
        if (restricted)
        {
            await Services.Get<PersonIndex>().SetRestrictionAsync(person.Id, person.Version, [], "Staff relative", Worker, Ct);
        }

        return person.Id;
    }

    /// <summary>Opens a referral for the child (further action, primary need N1).</summary>
    public async Task<Guid> OpenAsync(Guid? childId = null, DateOnly? referral = null) =>
        (await Casework.OpenReferralAsync(childId ?? ChildId, new NewReferral(referral ?? Referral, "2A", "N1", false), Worker, Ct)).Id;

    public async Task<NeedEpisode> EpisodeAsync(Guid episodeId) =>
        await CaseworkService.WithRecords(Services.Db.NeedEpisodes.AsNoTracking().Where(e => e.Id == episodeId)).SingleAsync(Ct);

    public async Task<int> VersionAsync(Guid episodeId) =>
        await Services.Db.NeedEpisodes.AsNoTracking().Where(e => e.Id == episodeId).Select(e => e.Version).SingleAsync(Ct);

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
