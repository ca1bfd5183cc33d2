using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Auditing;

public class AuditTrailTests
{
    private static readonly Actor Tester = new(Guid.Parse("0190d4a2-0000-7000-8000-000000000001"), "Tess Tester", null);

    private static Agency NewAgency(string code = "POL") => new() { Code = code, Name = $"Agency {code}", Type = AgencyType.Police };

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_change_writes_an_event_with_the_record_before_and_after_in_the_same_save(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
        await using var db = await database.MigratedContextAsync(clock);
        var agency = NewAgency();
        using (db.BeginProcess("Agencies.Create", Tester, "new partner"))
        {
            db.Agencies.Add(agency);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        using (db.BeginProcess("Agencies.Rename", Tester))
        {
            agency.Name = "Renamed police";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var events = await db.AuditEvents.OrderBy(e => e.Sequence).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, events.Count);
        var created = events[0];
        Assert.Equal((AuditEventKind.Change, AuditAction.Created, "Agency", agency.Id.ToString(), "Agencies.Create", "new partner"),
            (created.Kind, created.Action, created.EntityType, created.EntityId, created.Process, created.Reason));
        Assert.Equal((Tester.UserId, "Tess Tester"), (created.ActorUserId, created.ActorName));
        Assert.Equal(clock.GetUtcNow(), created.OccurredAt);
        Assert.Null(created.Before);
        Assert.Contains("\"Name\":\"Agency POL\"", created.After, StringComparison.Ordinal);

        var renamed = events[1];
        Assert.Equal(AuditAction.Updated, renamed.Action);
        Assert.Contains("\"Name\":\"Agency POL\"", renamed.Before, StringComparison.Ordinal);
        Assert.Contains("\"Name\":\"Renamed police\"", renamed.After, StringComparison.Ordinal);
        Assert.Contains("\"Version\":1", renamed.After, StringComparison.Ordinal);
        Assert.Equal(created.Hash, renamed.PreviousHash);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_change_outside_a_process_is_refused_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        db.Agencies.Add(NewAgency());
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        Assert.Contains("outside a process context", ex.Message, StringComparison.Ordinal);

        await using var check = database.NewContext();
        Assert.Equal(0, await check.Agencies.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await check.AuditEvents.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Reads_are_recorded_as_access_events_in_the_same_chain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        using (db.BeginProcess("Children.View", Tester))
        {
            db.RecordAccess("Child", "C123", AuditAction.Viewed, "chronology");
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var e = await db.AuditEvents.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((AuditEventKind.Access, AuditAction.Viewed, "Child", "C123", "chronology"), (e.Kind, e.Action, e.EntityType, e.EntityId, e.After));
        Assert.True((await AuditTrail.VerifyAsync(db, TestContext.Current.CancellationToken)).Intact);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Deferred_reads_are_written_once_at_the_flush_each_under_its_own_process(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        db.DeferAccessEvents();
        using (db.BeginProcess("Lado.List", Tester))
        {
            db.RecordAccess("LadoAllegation", "list", AuditAction.Searched, "results=3");
            Assert.Equal(0, await db.SaveChangesAsync(TestContext.Current.CancellationToken));
        }

        using (db.BeginProcess("Lado.WaitingReferrals", Tester))
        {
            db.RecordAccess("Contact", "lado-referrals", AuditAction.Searched, "results=1");
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var before = database.NewContext())
        {
            Assert.Equal(0, await before.AuditEvents.CountAsync(TestContext.Current.CancellationToken));
        }

        await db.FlushAccessEventsAsync(TestContext.Current.CancellationToken);
        var events = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([("Lado.List", "list"), ("Lado.WaitingReferrals", "lado-referrals")], events.Select(e => (e.Process, e.EntityId)));
        Assert.True((await AuditTrail.VerifyAsync(db, TestContext.Current.CancellationToken)).Intact);

        // A read recorded before its process began is audited under the process of the save that kept it.
        db.DeferAccessEvents();
        db.RecordAccess("ContextualLocation", "L1");
        using (db.BeginProcess("Contextual.ViewLocation", Tester))
        {
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await db.FlushAccessEventsAsync(TestContext.Current.CancellationToken);
        Assert.Equal("Contextual.ViewLocation", (await db.AuditEvents.AsNoTracking().SingleAsync(e => e.EntityId == "L1", TestContext.Current.CancellationToken)).Process);

        // After the flush, reads are saved at once again.
        using (db.BeginProcess("Children.View", Tester))
        {
            db.RecordAccess("Child", "C123");
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(4, await db.AuditEvents.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_change_saved_while_reads_are_deferred_is_written_at_once_with_the_reads_kept_so_far(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        db.DeferAccessEvents();
        using (db.BeginProcess("Children.View", Tester))
        {
            db.RecordAccess("Child", "C123");
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        using (db.BeginProcess("Agencies.Create", Tester))
        {
            db.Agencies.Add(NewAgency());
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var check = database.NewContext();
        var events = await check.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([(AuditEventKind.Change, "Agencies.Create"), (AuditEventKind.Access, "Children.View")], events.Select(e => (e.Kind, e.Process)));
        await db.FlushAccessEventsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, await check.AuditEvents.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_database_refuses_to_change_or_delete_an_audit_event(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        using (db.BeginProcess("Agencies.Create", Tester))
        {
            db.Agencies.Add(NewAgency());
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEvents" SET "ActorName" = 'someone else'""", TestContext.Current.CancellationToken));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEvents" """, TestContext.Current.CancellationToken));
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal(1, await db.AuditEvents.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Verification_finds_the_first_tampered_event(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        for (var i = 0; i < 5; i++)
        {
            using (db.BeginProcess("Agencies.Create", Tester))
            {
                db.Agencies.Add(NewAgency($"A{i}"));
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }
        }

        var intact = await AuditTrail.VerifyAsync(db, TestContext.Current.CancellationToken);
        Assert.Equal((true, 5L), (intact.Intact, intact.EventsChecked));

        // Someone with direct database access switches the protection off and edits event 3.
        if (provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AuditEvents_NoUpdate";""", TestContext.Current.CancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "AuditEvents" DISABLE TRIGGER USER;""", TestContext.Current.CancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEvents" SET "ActorName" = 'Nobody' WHERE "Sequence" = 3""", TestContext.Current.CancellationToken);
        var broken = await AuditTrail.VerifyAsync(db, TestContext.Current.CancellationToken);
        Assert.False(broken.Intact);
        Assert.Equal(3, broken.FirstBrokenSequence);
        Assert.Equal(2, broken.EventsChecked);
        Assert.Contains("event 3", broken.Problem, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Verification_finds_a_removed_event(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        for (var i = 0; i < 3; i++)
        {
            using (db.BeginProcess("Agencies.Create", Tester))
            {
                db.Agencies.Add(NewAgency($"B{i}"));
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AuditEvents_NoDelete";""", TestContext.Current.CancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "AuditEvents" DISABLE TRIGGER USER;""", TestContext.Current.CancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEvents" WHERE "Sequence" = 2""", TestContext.Current.CancellationToken);
        var broken = await AuditTrail.VerifyAsync(db, TestContext.Current.CancellationToken);
        Assert.Equal((false, 2L), (broken.Intact, broken.FirstBrokenSequence));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Concurrent_saves_from_two_contexts_keep_one_unbroken_chain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var setup = await database.MigratedContextAsync())
        {
        }

        // Task.Run: SQLite's driver completes "async" calls synchronously, so without it the writers would run in turn.
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await using var db = database.NewContext();
                using var process = db.BeginProcess("Agencies.Create", Tester);
                db.Agencies.Add(NewAgency($"W{w}-{i}"));
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }
        }));
        await Task.WhenAll(writers);

        await using var check = database.NewContext();
        var result = await AuditTrail.VerifyAsync(check, TestContext.Current.CancellationToken);
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(20, result.EventsChecked);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_concurrent_edit_is_refused_and_the_first_change_is_kept(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var agency = NewAgency();
        await using (var setup = await database.MigratedContextAsync())
        {
            using var process = setup.BeginProcess("Agencies.Create", Tester);
            setup.Agencies.Add(agency);
            await setup.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var a = await first.Agencies.SingleAsync(x => x.Id == agency.Id, TestContext.Current.CancellationToken);
        var b = await second.Agencies.SingleAsync(x => x.Id == agency.Id, TestContext.Current.CancellationToken);
        using (first.BeginProcess("Agencies.Rename", Tester))
        {
            a.Name = "First editor's name";
            await first.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        using (second.BeginProcess("Agencies.Rename", Tester))
        {
            b.Name = "Second editor's name";
            var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveChangesAsync(TestContext.Current.CancellationToken));
            Assert.Contains("changed by someone else", ex.Message, StringComparison.Ordinal);
            Assert.Equal(0, b.Version);
        }

        await using var check = database.NewContext();
        var saved = await check.Agencies.SingleAsync(x => x.Id == agency.Id, TestContext.Current.CancellationToken);
        Assert.Equal(("First editor's name", 1), (saved.Name, saved.Version));
        Assert.Equal(2, await check.AuditEvents.CountAsync(TestContext.Current.CancellationToken));
        Assert.True((await AuditTrail.VerifyAsync(check, TestContext.Current.CancellationToken)).Intact);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_trail_is_searched_by_user_record_and_date(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var db = await database.MigratedContextAsync(clock);
        var other = new Actor(Guid.NewGuid(), "Other person", null);
        var agency = NewAgency();
        using (db.BeginProcess("Agencies.Create", Tester))
        {
            db.Agencies.Add(agency);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        clock.Advance(TimeSpan.FromDays(3));
        using (db.BeginProcess("Agencies.Create", other))
        {
            db.Agencies.Add(NewAgency("X"));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var byUser = await AuditTrail.SearchAsync(db, new AuditSearch(UserId: Tester.UserId), TestContext.Current.CancellationToken);
        Assert.Equal(agency.Id.ToString(), Assert.Single(byUser.Events).EntityId);
        var byRecord = await AuditTrail.SearchAsync(db, new AuditSearch(EntityType: "Agency", EntityId: agency.Id.ToString()), TestContext.Current.CancellationToken);
        Assert.Single(byRecord.Events);
        var byDate = await AuditTrail.SearchAsync(db, new AuditSearch(From: new DateOnly(2026, 5, 2), To: new DateOnly(2026, 5, 4)), TestContext.Current.CancellationToken);
        Assert.Equal("Other person", Assert.Single(byDate.Events).ActorName);
        var onTheDay = await AuditTrail.SearchAsync(db, new AuditSearch(From: new DateOnly(2026, 5, 1), To: new DateOnly(2026, 5, 1)), TestContext.Current.CancellationToken);
        Assert.Equal("Tess Tester", Assert.Single(onTheDay.Events).ActorName);

        // 23:30 UTC on 4 May is 00:30 on 5 May in the UK (summer time): it belongs to the UK day.
        clock.SetUtcNow(new DateTimeOffset(2026, 5, 4, 23, 30, 0, TimeSpan.Zero));
        using (db.BeginProcess("Agencies.Create", other))
        {
            db.Agencies.Add(NewAgency("LATE"));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var fifth = await AuditTrail.SearchAsync(db, new AuditSearch(From: new DateOnly(2026, 5, 5), To: new DateOnly(2026, 5, 5)), TestContext.Current.CancellationToken);
        Assert.Contains("LATE", Assert.Single(fifth.Events).After, StringComparison.Ordinal);
        var fourth = await AuditTrail.SearchAsync(db, new AuditSearch(From: new DateOnly(2026, 5, 4), To: new DateOnly(2026, 5, 4)), TestContext.Current.CancellationToken);
        Assert.Contains("\"Code\":\"X\"", Assert.Single(fourth.Events).After, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Text_longer_than_its_column_is_cut_before_hashing_so_the_chain_survives_the_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        var padded = new Actor(null, "sign-in as admin" + new string(' ', 400) + "\t", null);
        using (db.BeginProcess("Account.SignIn" + new string('x', 300), padded))
        {
            db.Agencies.Add(NewAgency("PAD"));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var e = await db.AuditEvents.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("sign-in as admin", e.ActorName);
        Assert.Equal(AuditEvent.MaxNameLength, e.Process.Length);
        Assert.True((await AuditTrail.VerifyAsync(db, TestContext.Current.CancellationToken)).Intact);

        var tooLong = Assert.Throws<SafeguardValidationException>(() => db.BeginProcess("Agencies.Create", Tester, new string('r', AuditEvent.MaxReasonLength + 1)));
        Assert.Equal("Reason", tooLong.Problems.Single().Field);
    }
}
