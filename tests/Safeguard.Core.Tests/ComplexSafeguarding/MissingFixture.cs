using Safeguard.Auditing;
using Safeguard.ComplexSafeguarding;
using Safeguard.Core.Tests.Journey;
using Safeguard.Identity;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.ComplexSafeguarding;

/// <summary>The journey fixture (a social worker, a team and a child; Monday 23 November 2026, 09:00 UTC) with two police forces' officers and a school's teacher.</summary>
internal sealed class MissingFixture : IAsyncDisposable
{
    private MissingFixture(JourneyFixture journey) => Journey = journey;

    public JourneyFixture Journey { get; }

    public TestServices Services => Journey.Services;

    public MissingEpisodeService Missing => Services.Get<MissingEpisodeService>();

    public Actor Worker => Journey.Worker;

    public Guid ChildId => Journey.ChildId;

    public Actor Police { get; private set; } = default!;

    public Actor OtherPolice { get; private set; } = default!;

    public Actor Teacher { get; private set; } = default!;

    public FakeTimeProvider Clock => (FakeTimeProvider)Services.Get<TimeProvider>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<MissingFixture> CreateAsync(DatabaseProvider provider)
    {
        var fixture = new MissingFixture(await JourneyFixture.CreateAsync(provider));
        var db = fixture.Services.Db;
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            var police = new Agency { Name = "Greater Manchester Police", Code = "GMP", Type = AgencyType.Police };
            var other = new Agency { Name = "Lancashire Police", Code = "LANCS", Type = AgencyType.Police };
            var school = new Agency { Name = "Bury Grammar", Code = "BG", Type = AgencyType.School };
            var officer = new User { DisplayName = "Pat Police", UserName = "pat.police", AgencyId = police.Id, CreatedAt = JourneyFixture.Now };
            db.AddRange(police, other, school, officer);
            await db.SaveChangesAsync(Ct);
            fixture.Police = new Actor(officer.Id, officer.DisplayName, police.Id);
            fixture.OtherPolice = new Actor(Guid.NewGuid(), "Lee Lancs", other.Id);
            fixture.Teacher = new Actor(Guid.NewGuid(), "Tess Teacher", school.Id);
        }

        return fixture;
    }

    public Guid PoliceAgencyId => Police.AgencyId!.Value;

    /// <summary>An episode from a home, reported by the police force, starting and (when given) ending at the instants.</summary>
    public static MissingEpisodeDetails Episode(DateTimeOffset started, DateTimeOffset? ended = null, Guid? agency = null, MissingKind kind = MissingKind.Missing, MissingFrom from = MissingFrom.Home, bool lookedAfter = false) => new()
    {
        Kind = kind,
        StartedAt = started,
        EndedAt = ended,
        From = from,
        WhereFound = ended is null ? null : "A friend's house in Radcliffe",
        RiskAtReport = MissingRisk.Medium,
        LookedAfter = lookedAfter,
        Circumstances = "Left after an argument",
        PoliceReference = "MFH/2026/001",
        ReportedByAgencyId = agency,
        ReportedByName = "PC Jones",
    };

    public static ReturnInterviewDetails Interview(DateTimeOffset offered, ReturnInterviewOutcome outcome = ReturnInterviewOutcome.Accepted, DateTimeOffset? held = null, string? reason = null) => new()
    {
        OfferedAt = offered,
        Interviewer = "Rae Return",
        Organisation = "Missing from home service",
        Independent = true,
        Outcome = outcome,
        HeldAt = outcome == ReturnInterviewOutcome.Accepted ? held ?? offered : null,
        Reason = reason,
        PushFactors = "Arguments at home",
        PullFactors = "Older friends with money",
        WhereTheyWere = "A flat in Bury town centre",
        WithWhom = "Two older boys",
    };

    public async Task<MissingEpisode> RecordAsync(DateTimeOffset started, DateTimeOffset? ended = null, Guid? childId = null) =>
        await Missing.RecordAsync(childId ?? ChildId, Episode(started, ended, PoliceAgencyId), Worker, Ct);

    public ValueTask DisposeAsync() => Journey.DisposeAsync();
}
