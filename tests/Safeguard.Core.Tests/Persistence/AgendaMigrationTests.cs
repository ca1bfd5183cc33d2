using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Safeguard.Governance;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Persistence;

/// <summary>The text agenda moved into agenda item records (ADR 0084), on both databases.</summary>
public class AgendaMigrationTests
{
    [Theory, ClassData(typeof(BothProviders))]
    public async Task Each_line_of_a_text_agenda_becomes_an_agenda_item_in_its_order(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await db.GetService<IMigrator>().MigrateAsync("20261207500000_AnnualReport", ct);

        var (board, withAgenda, blank, without) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        object createdAt = provider == DatabaseProvider.Sqlite ? TimeProvider.System.GetUtcNow().UtcTicks : TimeProvider.System.GetUtcNow();
        await db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "Boards" ("Id", "Name", "Kind", "IsActive", "CreatedAt", "Version") VALUES ({0}, 'Upgrade Subgroup', 'Subgroup', {1}, {2}, 0)""",
            [board, true, createdAt], ct);
        var longLine = new string('x', 700);
        foreach (var (id, agenda, day) in new[] { (withAgenda, (string?)$"  Apologies \r\n\nAction log\n\t\n{longLine}\nAny other business", 10), (blank, "\n \n", 11), (without, null, 12) })
        {
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "BoardMeetings" ("Id", "BoardId", "HeldOn", "Status", "Agenda", "CreatedAt", "Version") VALUES ({0}, {1}, {2}, 'Held', {3}, {4}, 0)""",
                [id, board, new DateOnly(2026, 6, day), agenda!, createdAt], ct);
        }

        var decision = Guid.NewGuid();
        await db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "MeetingDecisions" ("Id", "MeetingId", "Number", "Text", "Version") VALUES ({0}, {1}, 1, 'Agreed', 0)""", [decision, withAgenda], ct);

        await SafeguardDatabase.MigrateAsync(db);

        await using var after = database.NewContext();
        var items = await after.Set<AgendaItem>().AsNoTracking().ToListAsync(ct);
        Assert.Equal(
            [(withAgenda, 1, "Apologies"), (withAgenda, 2, "Action log"), (withAgenda, 3, longLine), (withAgenda, 4, "Any other business")],
            items.OrderBy(i => i.Number).Select(i => (i.MeetingId, i.Number, i.Title)));
        Assert.All(items, i => Assert.Equal((0, (string?)null, (TimeOnly?)null), (i.Version, i.Presenter, i.StartsAt)));
        Assert.Equal(4, items.Select(i => i.Id).Distinct().Count());
        Assert.Null((await after.Set<MeetingDecision>().AsNoTracking().SingleAsync(d => d.Id == decision, ct)).AgendaItemId);

        // A moved item's id is stored as the application stores one: it is found by it, and a decision can name it.
        using (after.BeginProcess("Upgrade.Check", Safeguard.Auditing.Actor.System("upgrade test")))
        {
            var tracked = await after.Set<MeetingDecision>().SingleAsync(d => d.Id == decision, ct);
            tracked.AgendaItemId = items.Single(i => i.Number == 2).Id;
            await after.SaveChangesAsync(ct);
        }

        await using var reread = database.NewContext();
        Assert.Equal("Action log", await reread.Set<MeetingDecision>().Where(d => d.Id == decision)
            .Join(reread.Set<AgendaItem>(), d => d.AgendaItemId, i => (Guid?)i.Id, (d, i) => i.Title).SingleAsync(ct));
    }
}
