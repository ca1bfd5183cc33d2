using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Chronology;
using Safeguard.Common;
using Safeguard.Core.Tests.Journey;
using Safeguard.Dataset;
using Safeguard.Persistence;
using Safeguard.PrivateFostering;
using Safeguard.Testing;
using Safeguard.Timescales;
using Safeguard.Work;

namespace Safeguard.Core.Tests.PrivateFostering;

/// <summary>
/// A private fostering arrangement from notification to end (today is Monday 23 November 2026): the first visit within
/// 7 working days, then 6-weekly; due work, chronology, the year's figures and indicator 2.3 from the records.
/// </summary>
public class PrivateFosteringTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static PrivateFosteringNotification Notification(Guid child, DateOnly notified) =>
        new(child, "Pat Carer", "1 Mill Lane, Bury", "Sam and Jo Parent", PrivateFosteringNotifier.School, "Ms Head, Elm Primary", notified, notified.AddDays(-3), "until the summer");

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_arrangement_is_notified_visited_decided_and_ended_with_its_visits_due_on_time_and_counted(DatabaseProvider provider)
    {
        await using var f = await JourneyFixture.CreateAsync(provider);
        var db = f.Services.Get<SafeguardDbContext>();
        var service = f.Services.Get<PrivateFosteringService>();

        // Notified on Monday 2 November: the first visit is due 7 working days later, Wednesday 11 November.
        var arrangement = await service.NotifyAsync(Notification(f.ChildId, D(11, 2)), f.Worker, Ct);
        var view = (await service.GetAsync(arrangement.Id, f.Worker, Ct))!;
        var first = Assert.Single(view.Visits);
        Assert.True(first.IsFirst);
        Assert.Equal(D(11, 11), first.Assessment.Deadline.DueDate);
        Assert.Equal(DeadlineStatus.Overdue, first.Assessment.Status);

        // A second open arrangement for the same child is refused.
        var twice = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.NotifyAsync(Notification(f.ChildId, D(11, 20)), f.Worker, Ct));
        Assert.Contains(twice.Problems, p => p.Field == "PersonId");

        // On the worker's due work (all work: the child has no allocation) as the first visit, overdue.
        var due = (await DueWorkAsync(f)).Single(i => i.Link == $"/private-fostering/{arrangement.Id}");
        Assert.Equal(("Private fostering: first visit", DeadlineStatus.Overdue), (due.What, due.Assessment.Status));

        // Visited on 10 November (on time); the next visit is due 6 weeks later, 22 December.
        await service.RecordVisitAsync(arrangement.Id, view.Arrangement.Version, new(D(11, 10), true, true, "Sam Worker", "Settled"), f.Worker, Ct);
        view = (await service.GetAsync(arrangement.Id, f.Worker, Ct))!;
        Assert.Equal(DeadlineStatus.MetOnTime, view.Visits[0].Assessment.Status);
        Assert.Equal(D(12, 22), view.Visits[1].Assessment.Deadline.DueDate);
        Assert.Null(view.Visits[1].MetBy);

        // A change from the version read before the visit is refused.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.DecideAsync(arrangement.Id, view.Arrangement.Version - 1, D(11, 20), PrivateFosteringDecision.Suitable, null, f.Worker, Ct));
        var reasonless = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.DecideAsync(arrangement.Id, view.Arrangement.Version, D(11, 20), PrivateFosteringDecision.NotSuitable, " ", f.Worker, Ct));
        Assert.Contains(reasonless.Problems, p => p.Field == "DecisionReason");
        await service.DecideAsync(arrangement.Id, view.Arrangement.Version, D(11, 20), PrivateFosteringDecision.NotSuitable, "The carer's partner has a relevant conviction", f.Worker, Ct);

        // Indicator 2.3 counts the notification in Q3 from the record, and the year's figures count it and its first visit on time.
        await IndicatorCatalogue.SyncAsync(db, Ct);
        var rows = (await f.Services.Get<DatasetCalculator>().ComputeAsync(new ReportingYear(2026), cancellationToken: Ct)).Rows.ToDictionary(r => r.Indicator.Code);
        Assert.Equal(IndicatorSource.Computed, rows["2.3"].Indicator.Source);
        Assert.Equal([0m, 0m, 1m], rows["2.3"].Quarters.Take(3));
        var year = await f.Services.Get<PrivateFosteringFigures>().ForPeriodAsync(D(4, 1), new DateOnly(2027, 3, 31), Ct);
        Assert.Equal((1, 1, 1, 0, 1, 1, 0), (year.Notifications, year.NewArrangements, year.OpenAtEnd, year.Ended, year.FirstVisitsDue, year.FirstVisitsOnTime, year.LaterVisitsDue));

        // Ended: no longer on due work, open at the year's end no more; every change audited.
        view = (await service.GetAsync(arrangement.Id, f.Worker, Ct))!;
        await service.EndAsync(arrangement.Id, view.Arrangement.Version, D(11, 21), PrivateFosteringEndReason.NotSuitable, null, f.Worker, Ct);
        Assert.DoesNotContain(await DueWorkAsync(f), i => i.Link == $"/private-fostering/{arrangement.Id}");
        year = await f.Services.Get<PrivateFosteringFigures>().ForPeriodAsync(D(4, 1), new DateOnly(2027, 3, 31), Ct);
        Assert.Equal((0, 1), (year.OpenAtEnd, year.Ended));
        var audited = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == PrivateFosteringService.EntityType).Select(e => e.Action).ToListAsync(Ct);
        Assert.Contains(AuditAction.Created, audited);
        Assert.Equal(3, audited.Count(a => a == AuditAction.Updated)); // the visit moved the version, the decision, the end
        Assert.Contains(AuditAction.Viewed, audited);

        // The chronology has the notification, the visit, the decision and the end.
        var chronology = (await f.Services.Get<ChronologyService>().ForPersonAsync(f.ChildId, new ChronologyFilter(), f.Worker, Ct))!
            .Where(e => e.Kind == ChronologyKinds.PrivateFostering).Select(e => e.Title).ToList();
        Assert.Equal(4, chronology.Count);
        Assert.Contains("Private fostering arrangement ended: brought to an end as not suitable", chronology);

        // The list shows the ended arrangement, and a new notification after the end is accepted and listed first.
        var again = await service.NotifyAsync(Notification(f.ChildId, D(11, 23)), f.Worker, Ct);
        var list = await service.ListAsync(f.Worker, Ct);
        Assert.Equal([again.Id, arrangement.Id], list.Select(r => r.Arrangement.Id));
        Assert.Equal(D(12, 2), list[0].NextVisit!.Assessment.Deadline.DueDate);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Visits_after_the_first_year_are_due_every_twelve_weeks_and_a_notification_needs_its_answers(DatabaseProvider provider)
    {
        await using var f = await JourneyFixture.CreateAsync(provider);
        var service = f.Services.Get<PrivateFosteringService>();
        var problems = (await Assert.ThrowsAsync<SafeguardValidationException>(() =>
            service.NotifyAsync(new PrivateFosteringNotification(f.ChildId, null, null, null, null, null, D(12, 1), null, null), f.Worker, Ct))).Problems.Select(p => p.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "CarerName", "Parents", "NotifiedBy", "NotifiedByName", "NotifiedOn", "StartedOn" }, problems);

        var arrangement = await service.NotifyAsync(Notification(f.ChildId, new DateOnly(2025, 9, 1)) with { StartedOn = new DateOnly(2025, 9, 1) }, f.Worker, Ct);
        var version = arrangement.Version;
        await service.RecordVisitAsync(arrangement.Id, version, new(new DateOnly(2025, 9, 5), true, false, "Sam Worker", null), f.Worker, Ct);
        await service.RecordVisitAsync(arrangement.Id, version + 1, new(D(9, 2), true, true, "Sam Worker", null), f.Worker, Ct);
        var view = (await service.GetAsync(arrangement.Id, f.Worker, Ct))!;

        // The visit of 5 September 2025 was in the first year: the next was due 6 weeks later and met late; the one of
        // 2 September 2026 is in the second year: the next is due 12 weeks later, 25 November 2026.
        Assert.Equal(new DateOnly(2025, 10, 17), view.Visits[1].Assessment.Deadline.DueDate);
        Assert.Equal(DeadlineStatus.MetLate, view.Visits[1].Assessment.Status);
        Assert.Equal(D(11, 25), view.Visits[2].Assessment.Deadline.DueDate);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_list_leaves_out_a_restricted_childs_arrangement_from_a_reader_not_on_its_access_list(DatabaseProvider provider)
    {
        await using var f = await JourneyFixture.CreateAsync(provider);
        var service = f.Services.Get<PrivateFosteringService>();
        var people = f.Services.Get<Safeguard.People.PersonIndex>();
        var other = await f.AddChildAsync("Noor", "Begum");
        var open = await service.NotifyAsync(Notification(f.ChildId, D(11, 2)), f.Worker, Ct);
        var restricted = await service.NotifyAsync(Notification(other, D(11, 3)), f.Worker, Ct);
        var version = (await f.Services.Db.People.AsNoTracking().SingleAsync(p => p.Id == other, Ct)).Version;
        await people.SetRestrictionAsync(other, version, [f.Worker.UserId!.Value], "Staff relative", f.Worker, Ct);
        var colleague = new Actor(Guid.NewGuid(), "Kim Colleague", f.Worker.AgencyId);

        Assert.Equal(new[] { open.Id, restricted.Id }.Order(), (await service.ListAsync(f.Worker, Ct)).Select(r => r.Arrangement.Id).Order());
        Assert.Equal([open.Id], (await service.ListAsync(colleague, Ct)).Select(r => r.Arrangement.Id));
        Assert.Equal([other], await people.Hidden(colleague).ToListAsync(Ct));
        Assert.Empty(await people.Hidden(f.Worker).ToListAsync(Ct));
    }

    private static async Task<IReadOnlyList<DueItem>> DueWorkAsync(JourneyFixture f)
    {
        var items = new List<DueItem>();
        foreach (var source in Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetServices<IDueWorkSource>(f.Services.Scope.ServiceProvider))
        {
            items.AddRange(await source.DueAsync(new DueWorkQuery(), Ct));
        }

        return items;
    }
}
