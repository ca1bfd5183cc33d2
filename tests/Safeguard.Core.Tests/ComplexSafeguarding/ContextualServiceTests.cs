using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Chronology;
using Safeguard.Common;
using Safeguard.ComplexSafeguarding;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using static Safeguard.Core.Tests.ComplexSafeguarding.MissingFixture;

namespace Safeguard.Core.Tests.ComplexSafeguarding;

/// <summary>Contextual safeguarding: places, groups and links checked and version-checked; the network leaves out restricted records and audits each person named.</summary>
public class ContextualServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<IReadOnlyList<ValidationProblem>> RefusedAsync(Func<Task> act) =>
        (await Assert.ThrowsAsync<SafeguardValidationException>(act)).Problems;

    private static ContextualService Service(MissingFixture f) => f.Services.Get<ContextualService>();

    private static LinkDetails Link(Guid person, Guid? location = null, Guid? related = null, Guid? group = null, ContextualRelationship? how = null) => new()
    {
        PersonId = person,
        LocationId = location,
        RelatedPersonId = related,
        GroupId = group,
        Relationship = how,
        From = new DateOnly(2026, 10, 1),
        Source = "Return home interview",
        Notes = "Seen there most evenings",
    };

    private static async Task<Guid> AdultAsync(MissingFixture f, string given, string family) =>
        (await f.Services.Get<PersonIndex>().CreateAsync(new NewPerson { Kind = PersonKind.Adult, GivenNames = given, FamilyName = family, DateOfBirth = new DateOnly(1990, 5, 1), Sex = "M" }, [], f.Worker, Ct)).Id;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Places_and_groups_are_checked_field_by_field_and_a_change_made_meanwhile_is_refused(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var service = Service(f);

        var empty = await RefusedAsync(() => service.AddLocationAsync(new LocationDetails { Postcode = "NOT A CODE" }, f.Worker, Ct));
        Assert.Equal(["Name", "Type", "Postcode"], empty.Select(p => p.Field));
        var online = await RefusedAsync(() => service.AddLocationAsync(new LocationDetails { Name = "A group chat", Type = LocationType.OnlineSpace, Postcode = "BL9 0EJ" }, f.Worker, Ct));
        Assert.Equal(("Postcode", "An online space has no postcode: leave it blank"), (online[0].Field, online[0].Message));
        Assert.Empty(await f.Services.Db.Set<ContextualLocation>().ToListAsync(Ct));

        var park = await service.AddLocationAsync(new LocationDetails { Name = " Burrs Country Park ", Type = LocationType.Park, Postcode = "bl81dh" }, f.Worker, Ct);
        Assert.Equal(("Burrs Country Park", "BL8 1DH"), (park.Name, park.Postcode));
        await service.ChangeLocationAsync(park.Id, 0, new LocationDetails { Name = "Burrs Park", Type = LocationType.Park, Postcode = "BL8 1DH" }, f.Worker, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.ChangeLocationAsync(park.Id, 0, new LocationDetails { Name = "Other", Type = LocationType.Park }, f.Worker, Ct));
        Assert.Equal("Burrs Park", (await f.Services.Db.Set<ContextualLocation>().AsNoTracking().SingleAsync(Ct)).Name);

        Assert.Equal("Name", Assert.Single(await RefusedAsync(() => service.AddGroupAsync(new GroupDetails { Name = " " }, f.Worker, Ct))).Field);
        var group = await service.AddGroupAsync(new GroupDetails { Name = "Radcliffe youth group", Description = "Older boys selling cannabis" }, f.Worker, Ct);
        await service.ChangeGroupAsync(group.Id, 0, new GroupDetails { Name = "Radcliffe boys" }, f.Worker, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.ChangeGroupAsync(group.Id, 0, new GroupDetails { Name = "Stale" }, f.Worker, Ct));
        var processes = await f.Services.Db.AuditEvents.Where(e => e.Kind == AuditEventKind.Change && e.EntityType.StartsWith("Contextual")).Select(e => e.Process).ToListAsync(Ct);
        Assert.Equal(["Contextual.AddLocation", "Contextual.ChangeLocation", "Contextual.AddGroup", "Contextual.ChangeGroup"], processes);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_link_must_make_sense_and_is_changed_or_ended_with_a_version_check(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var service = Service(f);
        var park = await service.AddLocationAsync(new LocationDetails { Name = "Burrs Country Park", Type = LocationType.Park }, f.Worker, Ct);
        var peer = await f.Journey.AddChildAsync("Jade", "Price");
        var adult = await AdultAsync(f, "Dean", "Marsh");

        var none = await RefusedAsync(() => service.AddLinkAsync(Link(f.ChildId) with { Source = null }, f.Worker, Ct));
        Assert.Equal(["Target", "Relationship", "Source"], none.Select(p => p.Field));
        var wrongWay = await RefusedAsync(() => service.AddLinkAsync(Link(f.ChildId, location: park.Id, how: ContextualRelationship.Peer), f.Worker, Ct));
        Assert.Equal(("Relationship", "\"Peer or friend\" is not a way to be linked to a place"), (wrongWay[0].Field, wrongWay[0].Message));
        var childAsAdult = await RefusedAsync(() => service.AddLinkAsync(Link(f.ChildId, related: peer, how: ContextualRelationship.AdultOfConcern), f.Worker, Ct));
        Assert.Equal("An adult of concern is an adult; Jade Price is a child (choose peer, associate or boyfriend or girlfriend)", Assert.Single(childAsAdult).Message);
        var fromAdult = await RefusedAsync(() => service.AddLinkAsync(Link(adult, related: f.ChildId, how: ContextualRelationship.Associate), f.Worker, Ct));
        Assert.Equal(("PersonId", "Links to another person are recorded from a child's record"), (fromAdult[0].Field, fromAdult[0].Message));
        var future = await RefusedAsync(() => service.AddLinkAsync(Link(f.ChildId, location: park.Id, how: ContextualRelationship.Frequents) with { From = new DateOnly(2026, 11, 24) }, f.Worker, Ct));
        Assert.Equal("From", Assert.Single(future).Field);
        Assert.Empty(await f.Services.Db.Set<ContextualLink>().ToListAsync(Ct));

        var link = await service.AddLinkAsync(Link(f.ChildId, location: park.Id, how: ContextualRelationship.Frequents), f.Worker, Ct);
        var again = await RefusedAsync(() => service.AddLinkAsync(Link(f.ChildId, location: park.Id, how: ContextualRelationship.Frequents), f.Worker, Ct));
        Assert.Equal("Amira Khan is already linked to Burrs Country Park in this way", Assert.Single(again).Message);
        await service.AddLinkAsync(Link(f.ChildId, related: adult, how: ContextualRelationship.AdultOfConcern), f.Worker, Ct);

        // Ending it: the dates are checked, then a change from a stale version is refused.
        var backwards = await RefusedAsync(() => service.ChangeLinkAsync(link.Id, 0, Link(f.ChildId, how: ContextualRelationship.Frequents) with { To = new DateOnly(2026, 9, 1) }, f.Worker, Ct));
        Assert.Equal(("To", "The date the link ended must be on or after the date it started"), (backwards[0].Field, backwards[0].Message));
        await service.ChangeLinkAsync(link.Id, 0, Link(f.ChildId, how: ContextualRelationship.IncidentThere) with { To = new DateOnly(2026, 11, 20) }, f.Worker, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.ChangeLinkAsync(link.Id, 0, Link(f.ChildId, how: ContextualRelationship.Frequents), f.Worker, Ct));
        var saved = await f.Services.Db.Set<ContextualLink>().AsNoTracking().SingleAsync(l => l.Id == link.Id, Ct);
        Assert.Equal((park.Id, ContextualRelationship.IncidentThere, (DateOnly?)new DateOnly(2026, 11, 20), 1), (saved.LocationId, saved.Relationship, saved.To, saved.Version));
        // An ended link does not stop the same link being recorded again.
        await service.AddLinkAsync(Link(f.ChildId, location: park.Id, how: ContextualRelationship.IncidentThere), f.Worker, Ct);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Where_found_and_with_whom_link_to_the_episode_and_appear_on_the_chronology(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var service = Service(f);
        var episode = await f.RecordAsync(new DateTimeOffset(2026, 11, 20, 18, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero));
        var flat = await service.AddLocationAsync(new LocationDetails { Name = "Flat above the chip shop", Type = LocationType.Address, Postcode = "BL9 0EJ" }, f.Worker, Ct);
        var adult = await AdultAsync(f, "Dean", "Marsh");
        var other = await f.Journey.AddChildAsync("Zac", "Other");
        var otherEpisode = await f.RecordAsync(new DateTimeOffset(2026, 11, 10, 18, 0, 0, TimeSpan.Zero), null, other);

        var notTheirs = await RefusedAsync(() => service.AddLinkAsync(Link(f.ChildId, location: flat.Id, how: ContextualRelationship.FoundThere) with { MissingEpisodeId = otherEpisode.Id }, f.Worker, Ct));
        Assert.Equal("MissingEpisodeId", Assert.Single(notTheirs).Field);
        await service.AddLinkAsync(Link(f.ChildId, location: flat.Id, how: ContextualRelationship.FoundThere) with { MissingEpisodeId = episode.Id, From = new DateOnly(2026, 11, 21) }, f.Worker, Ct);
        await service.AddLinkAsync(Link(f.ChildId, related: adult, how: ContextualRelationship.AdultOfConcern) with { MissingEpisodeId = episode.Id }, f.Worker, Ct);

        var links = await service.ForEpisodeAsync(episode.Id, f.Worker, Ct);
        Assert.Equal(["Flat above the chip shop", "Dean Marsh"], links.Select(l => l.To.Name));

        var chronology = await f.Services.Get<ChronologyService>().ForPersonAsync(f.ChildId, new ChronologyFilter([ChronologyKinds.Contextual]), f.Worker, Ct);
        Assert.Equal(["Linked to Flat above the chip shop (found there when missing)", "Linked to Dean Marsh (adult of concern)"], chronology!.Select(e => e.Title));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_network_reaches_two_steps_leaves_out_restricted_records_and_audits_everyone_named(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var service = Service(f);
        var park = await service.AddLocationAsync(new LocationDetails { Name = "Burrs Country Park", Type = LocationType.Park }, f.Worker, Ct);
        var group = await service.AddGroupAsync(new GroupDetails { Name = "Radcliffe boys" }, f.Worker, Ct);
        var jade = await f.Journey.AddChildAsync("Jade", "Price");
        var hidden = await f.Journey.AddChildAsync("Hana", "Hidden", restricted: true);
        var dean = await AdultAsync(f, "Dean", "Marsh");
        await service.AddLinkAsync(Link(f.ChildId, location: park.Id, how: ContextualRelationship.Frequents), f.Worker, Ct);
        await service.AddLinkAsync(Link(f.ChildId, group: group.Id, how: ContextualRelationship.Member), f.Worker, Ct);
        await service.AddLinkAsync(Link(jade, group: group.Id, how: ContextualRelationship.Member), f.Worker, Ct);
        await service.AddLinkAsync(Link(dean, location: park.Id, how: ContextualRelationship.Frequents), f.Worker, Ct);
        var hiddenLink = await service.AddLinkAsync(Link(hidden, location: park.Id, how: ContextualRelationship.Frequents), f.Worker, Ct);
        var someoneElse = new Actor(Guid.NewGuid(), "Ola Other", f.Worker.AgencyId);

        var view = (await service.ForPersonAsync(f.ChildId, someoneElse, Ct))!;
        Assert.Equal(["Burrs Country Park", "Radcliffe boys"], view.Links.Select(l => l.Other(NodeRef.PersonKey(f.ChildId)).Name).Order());
        Assert.Equal([(0, "Amira Khan"), (1, "Burrs Country Park"), (1, "Radcliffe boys"), (2, "Dean Marsh"), (2, "Jade Price")],
            view.Network.Nodes.Select(n => (n.Ring, n.Node.Name)).OrderBy(n => n.Ring).ThenBy(n => n.Name, StringComparer.Ordinal));
        Assert.Equal(4, view.Network.Edges.Count);
        Assert.Null(await service.LinkAsync(hiddenLink.Id, someoneElse, Ct));

        var place = (await service.LocationAsync(park.Id, someoneElse, Ct))!;
        Assert.Equal(["Amira Khan", "Dean Marsh"], place.Links.Select(l => l.From.Name).Order());
        Assert.Equal(3, (await service.LocationAsync(park.Id, f.Worker, Ct))!.Links.Count);

        var named = await f.Services.Db.AuditEvents.AsNoTracking()
            .Where(e => e.Kind == AuditEventKind.Access && e.Process == "Contextual.ViewPerson" && e.ActorUserId == someoneElse.UserId)
            .Select(e => e.EntityId).ToListAsync(Ct);
        Assert.Equal(new[] { f.ChildId, dean, jade }.Select(id => id.ToString()).Order(), named.Order());
        Assert.Contains(await f.Services.Db.AuditEvents.AsNoTracking().Where(e => e.Process == "Contextual.ViewLocation").Select(e => e.EntityType).ToListAsync(Ct),
            t => t == ContextualService.LocationEntityType);
        Assert.Equal(1, (await service.LocationsAsync("burrs", Ct)).Single().CurrentLinks - 2);
    }
}
