using Microsoft.EntityFrameworkCore;
using Safeguard.ApiClients;
using Safeguard.Common;
using Safeguard.Core.Tests.CaseReviews;
using Safeguard.FrontDoor;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.FrontDoor;

/// <summary>The information-sharing log, the local threshold levels and API client keys.</summary>
public class SharingThresholdsAndApiClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Every_decision_to_share_or_not_needs_its_reason_and_a_share_its_lawful_basis(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var log = f.Get<InformationSharingLog>();
        var frontDoor = await f.ActorAsync("front.door");
        var child = await f.Get<PersonIndex>().CreateAsync(new NewPerson { GivenNames = "Kit", FamilyName = "Vance", DateOfBirth = new DateOnly(2015, 2, 2) }, [], frontDoor, Ct);
        var police = await f.AgencyAsync("POLICE");
        var share = new NewInformationShare
        {
            PersonId = child.Id,
            Shared = true,
            What = "School attendance record",
            AgencyId = police,
            Purpose = "Strategy discussion",
            LawfulBasis = LawfulBasis.LegalObligation,
            Consent = ConsentPosition.Overridden,
            Reason = "Risk of significant harm outweighs refusal",
        };

        var ex = await Assert.ThrowsAsync<SafeguardValidationException>(() => log.RecordAsync(
            share with { Reason = " ", LawfulBasis = null, What = "", DecidedAt = f.Clock.GetUtcNow().AddDays(1) }, frontDoor, Ct));
        Assert.Equal(["DecidedAt", "LawfulBasis", "Reason", "What"], ex.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        var refused = await Assert.ThrowsAsync<SafeguardValidationException>(() => log.RecordAsync(share with { Consent = ConsentPosition.Refused }, frontDoor, Ct));
        Assert.Equal("Consent", Assert.Single(refused.Problems).Field);
        var nothing = await Assert.ThrowsAsync<SafeguardValidationException>(() => log.RecordAsync(share with { PersonId = null }, frontDoor, Ct));
        Assert.Equal("ContactId", Assert.Single(nothing.Problems).Field);

        await log.RecordAsync(share, frontDoor, Ct);
        // Not sharing needs no lawful basis, but still its reason.
        await log.RecordAsync(share with { Shared = false, LawfulBasis = null, Consent = ConsentPosition.Refused, Reason = "Not necessary for the purpose" }, frontDoor, Ct);

        var entries = await log.ListAsync(null, child.Id, frontDoor, Ct);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("Kit Vance", e.ChildName));
        Assert.True(await f.Db.AuditEvents.AnyAsync(e => e.Process == "FrontDoor.RecordSharing", Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_five_default_levels_are_there_and_an_administrator_changes_them_without_clashing_numbers(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var levels = f.Get<ThresholdLevels>();
        var admin = await f.ActorAsync("admin");

        var defaults = await levels.ListAsync(cancellationToken: Ct);
        Assert.Equal([1, 2, 3, 4, 5], defaults.Select(l => l.Level));
        Assert.Equal("Child in need", defaults[3].Name);

        var clash = await Assert.ThrowsAsync<SafeguardValidationException>(() => levels.AddAsync(5, "Specialist", null, admin, Ct));
        Assert.Equal("Level", Assert.Single(clash.Problems).Field);
        var top = defaults[4];
        await levels.ChangeAsync(top.Id, top.Version, 5, top.Name, top.Description, isActive: false, admin, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => levels.ChangeAsync(top.Id, top.Version, 5, "Renamed", null, false, admin, Ct));
        await levels.AddAsync(5, "Specialist", null, admin, Ct);

        Assert.Equal(["Universal", "Single-agency targeted support", "Multi-agency early help (team around the family)", "Child in need", "Specialist"],
            (await levels.ListAsync(cancellationToken: Ct)).Select(l => l.Name));
        Assert.Equal(6, (await levels.ListAsync(includeRetired: true, Ct)).Count);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_api_key_is_shown_once_stored_hashed_and_stops_working_when_revoked(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var clients = f.Get<ApiClientAdministration>();
        var admin = await f.ActorAsync("admin");

        var bad = await Assert.ThrowsAsync<SafeguardValidationException>(() => clients.CreateAsync(new NewApiClient(" ", "NOPE", ["admin.users", "contacts.submit"]), admin, Ct));
        Assert.Equal(["Agency", "Name", "Permissions"], bad.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        var created = await clients.CreateAsync(new NewApiClient("Police case system", "police", ["contacts.submit"]), admin, Ct);

        Assert.StartsWith(ApiClient.KeyStart, created.Key, StringComparison.Ordinal);
        Assert.Equal(created.Key[..ApiClient.PrefixLength], created.Client.KeyPrefix);
        var stored = await f.Db.ApiClients.AsNoTracking().SingleAsync(c => c.Id == created.Client.Id, Ct);
        Assert.Equal(ApiClient.Hash(created.Key), stored.KeyHash);
        Assert.DoesNotContain(created.Key, stored.KeyHash, StringComparison.Ordinal);
        Assert.False(await f.Db.AuditEvents.AnyAsync(e => e.After != null && e.After.Contains(stored.KeyHash), Ct));

        var who = (await clients.AuthenticateAsync(created.Key, Ct))!;
        Assert.Equal(("Police case system", await f.AgencyAsync("POLICE")), (who.Name, who.AgencyId));
        Assert.Equal(["contacts.submit"], who.Permissions);
        Assert.Null(await clients.AuthenticateAsync(created.Key + "x", Ct));

        await Assert.ThrowsAsync<SafeguardValidationException>(() => clients.RevokeAsync(created.Client.Id, "", admin, Ct));
        await clients.RevokeAsync(created.Client.Id, "System replaced", admin, Ct);
        Assert.Null(await clients.AuthenticateAsync(created.Key, Ct));
        Assert.NotNull(Assert.Single(await clients.ListAsync(Ct)).RevokedAt);
    }
}
