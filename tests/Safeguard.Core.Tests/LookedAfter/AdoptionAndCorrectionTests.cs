using Microsoft.EntityFrameworkCore;
using Safeguard.Chronology;
using Safeguard.Common;
using Safeguard.LookedAfter;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.LookedAfter;

/// <summary>
/// Adoption decisions (the dates in order, the AD1 adopter details with the adoption order, one open decision, versions)
/// and correcting an episode in place (reason required and audited, the episode before moved with a corrected start,
/// versions). The child has been looked after since 8 January 2024; today is 23 November 2026.
/// </summary>
public class AdoptionAndCorrectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static async Task<IReadOnlyList<ValidationProblem>> RefusedAsync(Func<Task> act) =>
        (await Assert.ThrowsAsync<SafeguardValidationException>(act)).Problems;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_adoption_decision_records_each_step_in_order_and_the_adopters_for_the_AD1_table_with_the_order(DatabaseProvider provider)
    {
        await using var f = await CareLeaverTests.Fixture.CreateAsync(provider);
        var adoption = f.Journey.Services.Get<AdoptionService>();

        Assert.Equal("Enter the date of the decision that the child should be placed for adoption",
            Assert.Single(await RefusedAsync(() => adoption.RecordAsync(f.ChildId, new AdoptionDetails(), f.Worker, Ct))).Message);
        Assert.Equal("The child was not looked after on the date of the decision",
            Assert.Single(await RefusedAsync(() => adoption.RecordAsync(f.ChildId, new AdoptionDetails { DecidedOn = D(2023, 12, 1) }, f.Worker, Ct))).Message);
        var outOfOrder = await RefusedAsync(() => adoption.RecordAsync(f.ChildId, new AdoptionDetails { DecidedOn = D(2025, 3, 3), PlacementOrderOn = D(2025, 2, 1), PlacedOn = D(2025, 6, 1) }, f.Worker, Ct));
        Assert.Equal(
            [("PlacementOrderOn", "The date of the placement order must be on or after the decision (3 March 2025)"),
             ("MatchedOn", "Enter the date the child was matched: a child is matched before being placed for adoption")],
            outOfOrder.Select(p => (p.Field, p.Message)));

        var decision = await adoption.RecordAsync(f.ChildId, new AdoptionDetails { DecidedOn = D(2025, 3, 3), PlacementOrderOn = D(2025, 5, 1) }, f.Worker, Ct);
        Assert.Equal("An adoption decision is already open for the child: change it instead",
            Assert.Single(await RefusedAsync(() => adoption.RecordAsync(f.ChildId, new AdoptionDetails { DecidedOn = D(2025, 4, 3) }, f.Worker, Ct))).Message);

        var adopted = new AdoptionDetails { DecidedOn = D(2025, 3, 3), PlacementOrderOn = D(2025, 5, 1), MatchedOn = D(2025, 9, 1), PlacedOn = D(2025, 10, 1), AdoptionOrderOn = D(2026, 6, 1) };
        Assert.Equal(["AdoptedByFosterCarers", "NumberOfAdopters", "SexOfAdopters", "LegalStatusOfAdopters"],
            (await RefusedAsync(() => adoption.ChangeAsync(decision.Id, 0, adopted, f.Worker, Ct))).Select(p => p.Field));
        Assert.Equal("Two adopters: select a couple", Assert.Single(await RefusedAsync(() => adoption.ChangeAsync(decision.Id, 0,
            adopted with { AdoptedByFosterCarers = "0", NumberOfAdopters = "2", SexOfAdopters = "F1", LegalStatusOfAdopters = "L11" }, f.Worker, Ct))).Message);
        Assert.Equal("An adoption order was made: the decision that the child should no longer be placed does not apply", Assert.Single(await RefusedAsync(() => adoption.ChangeAsync(decision.Id, 0,
            adopted with { AdoptedByFosterCarers = "0", NumberOfAdopters = "2", SexOfAdopters = "MF", LegalStatusOfAdopters = "L11", NoLongerPlacedOn = D(2026, 7, 1), ReasonNoLongerPlaced = "RD4" }, f.Worker, Ct))).Message);

        adopted = adopted with { AdoptedByFosterCarers = "1", NumberOfAdopters = "2", SexOfAdopters = "MF", LegalStatusOfAdopters = "L11" };
        await adoption.ChangeAsync(decision.Id, 0, adopted, f.Worker, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => adoption.ChangeAsync(decision.Id, 0, adopted, f.Worker, Ct));
        var saved = Assert.Single(await adoption.ForChildAsync(f.ChildId, f.Worker, Ct));
        Assert.Equal((D(2025, 3, 3), (DateOnly?)D(2025, 9, 1), "1", "2", "MF", "L11", false, 1),
            (saved.DecidedOn, saved.MatchedOn, saved.AdoptedByFosterCarers, saved.NumberOfAdopters, saved.SexOfAdopters, saved.LegalStatusOfAdopters, saved.IsOpen, saved.Version));

        var chronology = await f.Journey.Services.Get<ChronologyService>().ForPersonAsync(f.ChildId, new ChronologyFilter([ChronologyKinds.LookedAfter]), f.Worker, Ct);
        Assert.Equal(["Decision: should be placed for adoption", "Placement order made", "Matched with prospective adopters", "Placed for adoption", "Adoption order made"],
            chronology!.Where(e => e.EntityType == AdoptionService.EntityType).OrderBy(e => e.OccurredAt).Select(e => e.Title));
        Assert.Equal(["LookedAfter.ChangeAdoption", "LookedAfter.RecordAdoption"],
            (await f.Db.AuditEvents.Where(e => e.EntityType == nameof(AdoptionDecision)).Select(e => e.Process).ToListAsync(Ct)).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_decision_no_longer_to_place_closes_it_with_a_reason_from_the_903_list(DatabaseProvider provider)
    {
        await using var f = await CareLeaverTests.Fixture.CreateAsync(provider);
        var adoption = f.Journey.Services.Get<AdoptionService>();
        var decision = await adoption.RecordAsync(f.ChildId, new AdoptionDetails { DecidedOn = D(2025, 3, 3) }, f.Worker, Ct);
        Assert.Equal("Select why the child should no longer be placed for adoption", Assert.Single(await RefusedAsync(() =>
            adoption.ChangeAsync(decision.Id, 0, new AdoptionDetails { DecidedOn = D(2025, 3, 3), NoLongerPlacedOn = D(2025, 8, 1), ReasonNoLongerPlaced = "RD9" }, f.Worker, Ct))).Message);
        await adoption.ChangeAsync(decision.Id, 0, new AdoptionDetails { DecidedOn = D(2025, 3, 3), NoLongerPlacedOn = D(2025, 8, 1), ReasonNoLongerPlaced = "RD1" }, f.Worker, Ct);

        // Closed, so a new decision may be made.
        await adoption.RecordAsync(f.ChildId, new AdoptionDetails { DecidedOn = D(2026, 2, 2) }, f.Worker, Ct);
        Assert.Equal([true, false], (await adoption.ForChildAsync(f.ChildId, f.Worker, Ct)).Select(a => a.IsOpen));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Correcting_an_episode_needs_a_reason_kept_in_the_audit_moves_the_episode_before_with_its_start_and_checks_the_version(DatabaseProvider provider)
    {
        await using var f = await CareLeaverTests.Fixture.CreateAsync(provider);
        await f.LookedAfter.ChangeAsync(f.ChildId, await f.EpisodeVersionAsync(), new ChangeDetails
        {
            ChangedOn = D(2025, 6, 2),
            ReasonForNewEpisode = "P",
            PlacementType = "K2",
            PlacementProvider = "PR4",
            PlacementPostcode = "M1 1AE",
            ReasonPlacementChanged = "CREQB",
        }, f.Worker, Ct);
        var episodes = await f.Db.Set<CareEpisode>().AsNoTracking().OrderBy(e => e.StartedOn).ToListAsync(Ct);
        var second = episodes[1];
        var correction = new EpisodeCorrection
        {
            StartedOn = D(2025, 5, 28),
            LegalStatus = "C2",
            CategoryOfNeed = "N2",
            PlacementType = "K2",
            PlacementProvider = "PR4",
            PlacementPostcode = "m1 1ae",
        };

        Assert.Equal("Enter why the episode is corrected", Assert.Single(await RefusedAsync(() => f.LookedAfter.CorrectEpisodeAsync(second.Id, second.Version, correction, f.Worker, Ct))).Message);
        Assert.Equal("The episode before started on 8 January 2024: this one must start after it", Assert.Single(await RefusedAsync(() =>
            f.LookedAfter.CorrectEpisodeAsync(second.Id, second.Version, correction with { StartedOn = D(2024, 1, 8), Reason = "Typed the wrong date" }, f.Worker, Ct))).Message);
        Assert.Equal("Select why the placement changed", Assert.Single(await RefusedAsync(() =>
            f.LookedAfter.CorrectEpisodeAsync(episodes[0].Id, episodes[0].Version, new EpisodeCorrection
            {
                StartedOn = D(2024, 1, 8),
                LegalStatus = "C2",
                CategoryOfNeed = "N1",
                PlacementType = "U4",
                PlacementProvider = "PR1",
                PlacementPostcode = "BL9 0EJ",
                Reason = "Check",
            }, f.Worker, Ct))).Message);

        await f.LookedAfter.CorrectEpisodeAsync(second.Id, second.Version, correction with { Reason = "The move was on 28 May: the placement record confirms it" }, f.Worker, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            f.LookedAfter.CorrectEpisodeAsync(second.Id, second.Version, correction with { Reason = "Again" }, f.Worker, Ct));
        episodes = await f.Db.Set<CareEpisode>().AsNoTracking().OrderBy(e => e.StartedOn).ToListAsync(Ct);
        Assert.Equal(((DateOnly?)D(2025, 5, 28), D(2025, 5, 28), "N2", "M1 1AE"), (episodes[0].EndedOn, episodes[1].StartedOn, episodes[1].CategoryOfNeed, episodes[1].PlacementPostcode));
        var audit = await f.Db.AuditEvents.AsNoTracking().Where(e => e.Process == "LookedAfter.CorrectEpisode").ToListAsync(Ct);
        Assert.Contains(audit, e => e.EntityId == second.Id.ToString());
        Assert.Contains(audit, e => e.EntityId == episodes[0].Id.ToString());
        Assert.All(audit, e => Assert.Equal("The move was on 28 May: the placement record confirms it", e.Reason));
    }
}
