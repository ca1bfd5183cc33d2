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

/// <summary>Merging two person records moves the duplicate's complex safeguarding records to the record kept, in the merge's audited save.</summary>
public class MergedRecordsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    private static LinkDetails Link(Guid person, Guid? location = null, Guid? related = null, ContextualRelationship how = ContextualRelationship.Frequents, string notes = "Seen there most evenings") => new()
    {
        PersonId = person,
        LocationId = location,
        RelatedPersonId = related,
        Relationship = how,
        From = new DateOnly(2026, 10, 1),
        Source = "Return home interview",
        Notes = notes,
    };

    private static async Task<int> VersionAsync(MissingFixture f, Guid personId) =>
        await f.Services.Db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.Version).SingleAsync(Ct);

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Merging_moves_the_duplicates_missing_exploitation_panel_and_contextual_records_to_the_record_kept(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var kept = f.ChildId;
        var duplicate = await f.Journey.AddChildAsync("Amy", "Rigby");
        var peer = await f.Journey.AddChildAsync("Jade", "Price");
        var adult = (await f.Services.Get<PersonIndex>().CreateAsync(new NewPerson { Kind = PersonKind.Adult, GivenNames = "Dean", FamilyName = "Marsh", DateOfBirth = new DateOnly(1990, 5, 1), Sex = "M" }, [], f.Worker, Ct)).Id;

        // The duplicate's missing episode and return home interview.
        var episode = await f.RecordAsync(Utc(11, 1, 18), Utc(11, 2, 1), duplicate);
        await f.Missing.RecordInterviewAsync(episode.Id, 0, Interview(Utc(11, 3, 10)), f.Worker, Ct);

        // Its exploitation records; both records newly judged at high risk, so both come to the same panel meeting.
        var exploitation = f.Services.Get<ExploitationService>();
        var screening = await exploitation.ScreenAsync(duplicate, ExploitationTests.Screening(new DateOnly(2026, 11, 10), started: new DateOnly(2026, 11, 11)), f.Worker, Ct);
        await exploitation.ScreenAsync(kept, ExploitationTests.Screening(new DateOnly(2026, 11, 12)), f.Worker, Ct);
        var assessment = await exploitation.AssessAsync(duplicate, new AssessmentDetails
        {
            ScreeningId = screening.Id,
            Kind = AssessmentKind.Initial,
            CompletedOn = new DateOnly(2026, 11, 16),
            AssessedByName = "Cass Team",
            Categories = ExploitationCategories.Sexual,
            Risk = ExploitationRisk.High,
            Analysis = "Still in contact with the older males.",
        }, f.Worker, Ct);
        var plan = await exploitation.AgreePlanAsync(duplicate, new SafetyPlanDetails(new DateOnly(2026, 11, 17), "Stay at Nan's if things get heated at home.", null), f.Worker, Ct);
        await exploitation.SaveActionAsync(plan.Id, null, 0, new SafetyActionDetails("Return interview worker to visit weekly", null, "Rae Return", new DateOnly(2026, 11, 30), null), f.Worker, Ct);
        var nrm = await exploitation.ReferToNrmAsync(duplicate, new NrmDetails { ReferredOn = new DateOnly(2026, 11, 18), FirstResponder = "Bury Council", ReferredByName = "Sam Worker", Categories = ExploitationCategories.CountyLines }, f.Worker, Ct);

        var panel = f.Services.Get<PanelService>();
        var meeting = await panel.ScheduleAsync(new PanelMeetingDetails(new DateOnly(2026, 11, 23), "DCI Rae"), f.Worker, Ct);
        Assert.Equal(2, await panel.BuildAgendaAsync(meeting.Id, f.Worker, Ct));
        var cases = await f.Services.Db.Set<PanelCase>().AsNoTracking().ToListAsync(Ct);
        var keptCase = cases.Single(c => c.PersonId == kept);
        var duplicateCase = cases.Single(c => c.PersonId == duplicate);
        await panel.RecordDecisionAsync(keptCase.Id, 0, "Safety plan to be reviewed", f.Worker, Ct);
        await panel.RecordDecisionAsync(duplicateCase.Id, 0, "Disruption notice for the address", f.Worker, Ct);
        var action = await panel.AddActionAsync(duplicateCase.Id, new PanelActionDetails("Serve the notice", f.Worker.UserId, new DateOnly(2026, 11, 30)), f.Worker, Ct);

        // Contextual links: from the duplicate to a place the kept record already links to (the same link, other notes), to
        // an adult of concern and to the kept record itself; and from a peer to the duplicate as an associated person.
        var contextual = f.Services.Get<ContextualService>();
        var park = await contextual.AddLocationAsync(new LocationDetails { Name = "Burrs Country Park", Type = LocationType.Park }, f.Worker, Ct);
        var keptPark = await contextual.AddLinkAsync(Link(kept, location: park.Id), f.Worker, Ct);
        var duplicatePark = await contextual.AddLinkAsync(Link(duplicate, location: park.Id, notes: "Found there on 2 November"), f.Worker, Ct);
        var toAdult = await contextual.AddLinkAsync(Link(duplicate, related: adult, how: ContextualRelationship.AdultOfConcern), f.Worker, Ct);
        var toKept = await contextual.AddLinkAsync(Link(duplicate, related: kept, how: ContextualRelationship.Peer), f.Worker, Ct);
        var fromPeer = await contextual.AddLinkAsync(Link(peer, related: duplicate, how: ContextualRelationship.Peer), f.Worker, Ct);

        // Both chronologies are read (and kept) before the merge.
        var chronology = f.Services.Get<ChronologyService>();
        var moved = new[] { episode.Id, screening.Id, assessment.Id, plan.Id, nrm.Id };
        Assert.Empty((await chronology.ForPersonAsync(kept, new ChronologyFilter(), f.Worker, Ct))!.Select(e => e.EntityId).Intersect(moved));
        Assert.Equal(moved.Length, (await chronology.ForPersonAsync(duplicate, new ChronologyFilter(), f.Worker, Ct))!.Select(e => e.EntityId).Intersect(moved).Count());

        // A merge refused (made from a stale page) moves nothing.
        var index = f.Services.Get<PersonIndex>();
        var (keptVersion, duplicateVersion) = (await VersionAsync(f, kept), await VersionAsync(f, duplicate));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => index.MergeAsync(kept, keptVersion - 1, duplicate, duplicateVersion, "Same child", f.Worker, Ct));
        Assert.Equal(duplicate, (await f.Services.Db.Set<MissingEpisode>().AsNoTracking().SingleAsync(e => e.Id == episode.Id, Ct)).PersonId);
        Assert.Equal(5, await f.Services.Db.Set<ContextualLink>().CountAsync(Ct));

        var merge = await index.MergeAsync(kept, keptVersion, duplicate, duplicateVersion, "Same child: the school confirmed it", f.Worker, Ct);

        var db = f.Services.Db;
        Assert.Equal(kept, (await db.Set<MissingEpisode>().AsNoTracking().SingleAsync(e => e.Id == episode.Id, Ct)).PersonId);
        Assert.Equal(episode.Id, (await db.Set<ReturnInterview>().AsNoTracking().SingleAsync(Ct)).EpisodeId);
        Assert.Equal([kept, kept], await db.Set<ExploitationScreening>().AsNoTracking().Select(s => s.PersonId).ToListAsync(Ct));
        Assert.Equal(kept, (await db.Set<ExploitationAssessment>().AsNoTracking().SingleAsync(Ct)).PersonId);
        Assert.Equal(kept, (await db.Set<SafetyPlan>().AsNoTracking().SingleAsync(Ct)).PersonId);
        Assert.Equal(plan.Id, (await db.Set<SafetyPlanAction>().AsNoTracking().SingleAsync(Ct)).PlanId);
        Assert.Equal(kept, (await db.Set<NrmReferral>().AsNoTracking().SingleAsync(Ct)).PersonId);

        // The two cases at the one meeting are one case now, with both decisions and the duplicate's action.
        var combined = await db.Set<PanelCase>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal((keptCase.Id, kept, "new-high-risk"), (combined.Id, combined.PersonId, combined.Criteria));
        Assert.Equal("Safety plan to be reviewed\n\nDecided for the merged duplicate record: Disruption notice for the address", combined.Decision);
        Assert.Equal(2, combined.Reasons.Split('\n').Length);
        var movedAction = await db.Set<PanelAction>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal((action.Id, keptCase.Id, kept), (movedAction.Id, movedAction.CaseId, movedAction.PersonId));

        // The link between the two records is gone, the repeated link is folded into the kept one, the others point at the kept record.
        var links = await db.Set<ContextualLink>().AsNoTracking().ToDictionaryAsync(l => l.Id, Ct);
        Assert.Equal(new[] { keptPark.Id, toAdult.Id, fromPeer.Id }.Order(), links.Keys.Order());
        Assert.Equal("Seen there most evenings\n\nAlso recorded on the merged duplicate record (source: Return home interview): Found there on 2 November", links[keptPark.Id].Notes);
        Assert.Equal((kept, adult), (links[toAdult.Id].PersonId, links[toAdult.Id].RelatedPersonId));
        Assert.Equal((peer, kept), (links[fromPeer.Id].PersonId, links[fromPeer.Id].RelatedPersonId));
        Assert.DoesNotContain(links.Values, l => l.PersonId == duplicate || l.RelatedPersonId == duplicate);

        // Every change is audited under the merge, with its reason; what was dropped keeps its last state in the trail.
        var audited = await db.AuditEvents.AsNoTracking().Where(e => e.Process == "People.Merge" && e.Kind == AuditEventKind.Change).ToListAsync(Ct);
        Assert.All(audited, e => Assert.Equal("Same child: the school confirmed it", e.Reason));
        Assert.Equal(
            [toKept.Id.ToString(), duplicatePark.Id.ToString(), duplicateCase.Id.ToString()],
            audited.Where(e => e.Action == AuditAction.Deleted).OrderBy(e => e.EntityType).ThenBy(e => e.EntityId == duplicatePark.Id.ToString()).Select(e => e.EntityId));
        foreach (var id in new[] { episode.Id, screening.Id, assessment.Id, plan.Id, nrm.Id, toAdult.Id, fromPeer.Id, keptPark.Id, keptCase.Id, action.Id })
        {
            Assert.Contains(audited, e => e.EntityId == id.ToString() && e.Action == AuditAction.Updated);
        }

        // Both kept chronologies are read again: the records are on the kept record's and no longer on the duplicate's.
        Assert.Equal(moved.Length, (await chronology.ForPersonAsync(kept, new ChronologyFilter(), f.Worker, Ct))!.Select(e => e.EntityId).Intersect(moved).Count());
        Assert.Empty((await chronology.ForPersonAsync(duplicate, new ChronologyFilter(), f.Worker, Ct))!.Select(e => e.EntityId).Intersect(moved));
        Assert.Equal(duplicate, merge.MergedId);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_moved_link_repeating_an_open_link_either_way_round_is_folded_into_it_and_an_ended_one_stays_as_history(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var kept = f.ChildId;
        var duplicate = await f.Journey.AddChildAsync("Amy", "Rigby");
        var peer = await f.Journey.AddChildAsync("Jade", "Price");
        var contextual = f.Services.Get<ContextualService>();
        var group = await contextual.AddGroupAsync(new GroupDetails { Name = "Radcliffe boys" }, f.Worker, Ct);

        // The kept record is the peer's friend from the kept side; the peer's record says the same of the duplicate.
        var keptToPeer = await contextual.AddLinkAsync(Link(kept, related: peer, how: ContextualRelationship.Peer, notes: "Same class"), f.Worker, Ct);
        var peerToDuplicate = await contextual.AddLinkAsync(Link(peer, related: duplicate, how: ContextualRelationship.Peer, notes: "Met at the youth club") with { Source = "School" }, f.Worker, Ct);
        var keptMember = await contextual.AddLinkAsync(Link(kept, how: ContextualRelationship.Member) with { GroupId = group.Id, Notes = null }, f.Worker, Ct);
        var endedMember = await contextual.AddLinkAsync(Link(duplicate, how: ContextualRelationship.Member) with { GroupId = group.Id, To = new DateOnly(2026, 10, 20) }, f.Worker, Ct);

        var index = f.Services.Get<PersonIndex>();
        await index.MergeAsync(kept, await VersionAsync(f, kept), duplicate, await VersionAsync(f, duplicate), "Same child", f.Worker, Ct);

        var links = await f.Services.Db.Set<ContextualLink>().AsNoTracking().ToDictionaryAsync(l => l.Id, Ct);
        Assert.Equal(new[] { keptToPeer.Id, keptMember.Id, endedMember.Id }.Order(), links.Keys.Order());
        Assert.Equal("Same class\n\nAlso recorded on the merged duplicate record (source: School): Met at the youth club", links[keptToPeer.Id].Notes);
        Assert.Equal((kept, (DateOnly?)new DateOnly(2026, 10, 20)), (links[endedMember.Id].PersonId, links[endedMember.Id].To));
        Assert.Null(links[keptMember.Id].Notes);
        Assert.Contains(await f.Services.Db.AuditEvents.AsNoTracking().Where(e => e.Process == "People.Merge" && e.Action == AuditAction.Deleted).Select(e => e.EntityId).ToListAsync(Ct),
            id => id == peerToDuplicate.Id.ToString());
    }
}
