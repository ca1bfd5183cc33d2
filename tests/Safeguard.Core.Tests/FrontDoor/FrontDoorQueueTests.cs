using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Core.Tests.CaseReviews;
using Safeguard.FrontDoor;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Work;

namespace Safeguard.Core.Tests.FrontDoor;

public class FrontDoorQueueTests
{
    // Monday 23 November 2026, 10:00 UTC (the fixture's clock).
    private static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static NewPerson Child(string given, string family) => new() { GivenNames = given, FamilyName = family, DateOfBirth = new DateOnly(2015, 6, 1), Sex = "F" };

    private static async Task<Contact> RecordAsync(CaseReviewFixture f, string agency, DateTimeOffset received, params NewPerson[] children) =>
        await f.Get<ContactService>().RecordAsync(new NewContact
        {
            ReceivedAt = received,
            FromAgencyId = await f.AgencyAsync(agency),
            ReferrerName = "Jo Bloggs",
            ReferrerRole = "Safeguarding lead",
            ReferralSource = agency == "POLICE" ? "6" : "2A",
            Concerns = "Concerns about the children's care.",
            Consent = ConsentPosition.Given,
            Children = [.. children.Select(c => new ContactChildInput(null, c))],
        }, ContactChannel.FrontDoor, await f.ActorAsync("front.door"), Ct);

    /// <summary>
    /// Three contacts await a decision: Lola Finch's from the schools last Thursday (overdue), Tia and Rory Marsh's from
    /// the police at 08:00 today (triaged red) and Ivo Platt's from the police at 09:00 (due by the end of tomorrow).
    /// </summary>
    private static async Task<CaseReviewFixture> QueueAsync(DatabaseProvider provider)
    {
        var f = await CaseReviewFixture.CreateAsync(provider);
        await RecordAsync(f, "SCHOOLS", new DateTimeOffset(2026, 11, 19, 10, 0, 0, TimeSpan.Zero), Child("Lola", "Finch"));
        var marsh = await RecordAsync(f, "POLICE", Monday10.AddHours(-2), Child("Tia", "Marsh"), Child("Rory", "Marsh"));
        await RecordAsync(f, "POLICE", Monday10.AddHours(-1), Child("Ivo", "Platt"));
        var level = (await f.Db.ThresholdLevels.AsNoTracking().FirstAsync(l => l.Level == 4 && l.IsActive, Ct)).Id;
        await f.Get<ContactService>().TriageAsync(marsh.Id, marsh.Version, new ContactTriage(RagPriority.Red, level, null), await f.ActorAsync("front.door"), Ct);
        return f;
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_queue_is_oldest_first_paged_counted_and_filtered_by_child_agency_priority_and_clock(DatabaseProvider provider)
    {
        await using var f = await QueueAsync(provider);
        var queue = f.Get<FrontDoorQueue>();
        var police = await f.AgencyAsync("POLICE");
        async Task<List<string>> Children(QueueFilter filter) => [.. (await queue.ListAsync(filter, 1, cancellationToken: Ct)).Rows.Select(r => r.Children)];

        var all = await queue.ListAsync(new QueueFilter(), 1, cancellationToken: Ct);
        Assert.Equal(["Lola Finch", "Rory Marsh, Tia Marsh", "Ivo Platt"], all.Rows.Select(r => r.Children));
        Assert.Equal(new DueWorkCounts(1, 2, 0), all.Counts);
        Assert.Equal(new DueWorkCounts(1, 2, 0), await queue.CountAsync(Ct));
        Assert.Equal(["POLICE", "SCHOOLS"], (await f.Db.Agencies.AsNoTracking().Where(a => all.Agencies.Select(x => x.Id).Contains(a.Id)).Select(a => a.Code).ToListAsync(Ct)).Order(StringComparer.Ordinal));

        var second = await queue.ListAsync(new QueueFilter(), page: 2, pageSize: 2, Ct);
        Assert.Equal((3, 2, "Ivo Platt"), (second.Page.Total, second.Page.Pages, Assert.Single(second.Page.Items).Children));

        Assert.Equal(["Ivo Platt"], await Children(new QueueFilter { Child = "PLATT" }));
        Assert.Equal(["Rory Marsh, Tia Marsh"], await Children(new QueueFilter { Child = "tia" }));
        Assert.Empty(await Children(new QueueFilter { Child = "%" }));
        Assert.Equal(["Rory Marsh, Tia Marsh", "Ivo Platt"], await Children(new QueueFilter { AgencyId = police }));
        Assert.Equal(["Rory Marsh, Tia Marsh"], await Children(new QueueFilter { Priority = RagPriority.Red }));
        Assert.Equal(["Lola Finch", "Ivo Platt"], await Children(new QueueFilter { NotTriaged = true }));
        Assert.Equal(["Lola Finch"], await Children(new QueueFilter { State = DueState.Overdue }));
        Assert.Equal(["Rory Marsh, Tia Marsh", "Lola Finch", "Ivo Platt"], await Children(new QueueFilter { Sort = QueueSort.Priority }));
        Assert.Equal(["Ivo Platt", "Rory Marsh, Tia Marsh", "Lola Finch"], await Children(new QueueFilter { Descending = true }));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_kept_queue_shows_a_new_contact_and_a_triage_at_the_next_read(DatabaseProvider provider)
    {
        await using var f = await QueueAsync(provider);
        var queue = f.Get<FrontDoorQueue>();
        var before = await queue.ListAsync(new QueueFilter(), 1, cancellationToken: Ct);
        Assert.Equal(3, before.Rows.Count);

        var nell = await RecordAsync(f, "SCHOOLS", Monday10.AddMinutes(-30), Child("Nell", "Gray"));
        var added = await queue.ListAsync(new QueueFilter { Child = "nell" }, 1, cancellationToken: Ct);
        Assert.Equal((null, "Nell Gray"), (Assert.Single(added.Rows).Priority, added.Rows[0].Children));
        Assert.Equal(new DueWorkCounts(1, 3, 0), await queue.CountAsync(Ct));

        var level = (await f.Db.ThresholdLevels.AsNoTracking().FirstAsync(l => l.Level == 2 && l.IsActive, Ct)).Id;
        await f.Get<ContactService>().TriageAsync(nell.Id, nell.Version, new ContactTriage(RagPriority.Green, level, null), await f.ActorAsync("front.door"), Ct);
        Assert.Equal(RagPriority.Green, Assert.Single((await queue.ListAsync(new QueueFilter { Child = "Nell" }, 1, cancellationToken: Ct)).Rows).Priority);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_partner_sees_its_own_agencys_contacts_paged_and_filtered_and_each_search_and_export_is_audited(DatabaseProvider provider)
    {
        await using var f = await QueueAsync(provider);
        var queue = f.Get<FrontDoorQueue>();
        var partner = await f.ActorAsync("partner");

        var page = await queue.AgencyContactsAsync(partner, new AgencyContactFilter(), 1, cancellationToken: Ct);
        Assert.Equal([Monday10.AddHours(-1), Monday10.AddHours(-2)], page.Items.Select(c => c.ReceivedAt));
        Assert.Equal(["Ivo Platt"], page.Items[0].Children.Select(ch => ch.Name));
        var oldest = await queue.AgencyContactsAsync(partner, new AgencyContactFilter { NewestFirst = false }, 1, pageSize: 1, Ct);
        Assert.Equal((2, 2, Monday10.AddHours(-2)), (oldest.Total, oldest.Pages, Assert.Single(oldest.Items).ReceivedAt));
        var second = await queue.AgencyContactsAsync(partner, new AgencyContactFilter(), 2, pageSize: 1, Ct);
        Assert.Equal(Monday10.AddHours(-2), Assert.Single(second.Items).ReceivedAt);
        Assert.Equal(1, (await queue.AgencyContactsAsync(partner, new AgencyContactFilter { Child = "rory" }, 1, cancellationToken: Ct)).Total);
        Assert.Equal(0, (await queue.AgencyContactsAsync(partner, new AgencyContactFilter { Decided = true }, 1, cancellationToken: Ct)).Total);
        Assert.Equal(2, (await queue.AgencyContactsAsync(partner, new AgencyContactFilter { Decided = false }, 1, cancellationToken: Ct)).Total);

        var export = await queue.AgencyContactsAsync(partner, new AgencyContactFilter(), 1, pageSize: null, Ct);
        Assert.Equal(2, export.Items.Count);
        var audited = await f.Db.AuditEvents.AsNoTracking().Where(e => e.EntityType == ContactService.EntityType && e.ActorUserId == partner.UserId).Select(e => e.Action).ToListAsync(Ct);
        Assert.Equal(6, audited.Count(a => a == AuditAction.Searched));
        Assert.Equal(1, audited.Count(a => a == AuditAction.Exported));
    }
}
