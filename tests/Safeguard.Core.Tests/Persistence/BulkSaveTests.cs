using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Persistence;

/// <summary>New records written in bulk (docs/adr/0022, 0061) are stored exactly as a save through EF Core stores them.</summary>
public class BulkSaveTests
{
    private static readonly Actor Tester = new(Guid.Parse("0190d4a2-0000-7000-8000-000000000001"), "Tess Tester", null);

    private static Person Child(string id)
    {
        var person = ImportedChild.Create(id, new DateTimeOffset(2026, 12, 6, 20, 0, 0, TimeSpan.Zero).AddTicks(4560));
        person.DateOfBirth = new DateOnly(2015, 2, 28);
        person.Sex = "F";
        person.Ethnicity = "WBRI";
        person.Disabilities = "HAND,VIS";
        person.Upn = id == "A1" ? "A123456789012" : "B123456789012";
        person.IsRestricted = true;
        return person;
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_record_written_in_bulk_is_stored_as_a_save_through_ef_core_stores_it(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        var tracked = Child("A1");
        var bulk = Child("B1");
        using (db.BeginProcess("People.Create", Tester))
        {
            db.People.Add(tracked);
            await db.SaveChangesAsync(ct);
            await using var transaction = await db.BeginWriteTransactionAsync(ct);
            await db.SaveWithNewRecordsInBulkAsync([bulk, .. bulk.Names], ct);
            await transaction.CommitAsync(ct);
        }

        // Column by column, the stored values (and on SQLite their storage classes) are the same, ids and the child's id aside.
        var rows = await RowsAsync(db, """SELECT * FROM "People" ORDER BY "CouncilChildId" """, ct);
        Assert.Equal(2, rows.Count);
        foreach (var (column, value) in rows[0].Where(c => c.Key is not ("Id" or "CouncilChildId" or "DisplayName" or "Upn")))
        {
            Assert.Equal((column, value), (column, rows[1][column]));
        }

        Assert.Equal(rows[0]["Upn"].Type, rows[1]["Upn"].Type);

        // EF Core finds the record by its id and its date of birth, and reads it back as it was.
        db.ChangeTracker.Clear();
        var found = await db.People.Include(p => p.Names).SingleAsync(p => p.Id == bulk.Id && p.DateOfBirth == new DateOnly(2015, 2, 28), ct);
        Assert.Equal((bulk.CreatedAt, "F", true, "B1", "Child"), (found.CreatedAt, found.Sex, found.IsRestricted, found.Names.Single().FamilyName, found.Names.Single().GivenNames));

        // Each bulk record has its own audit event, in a chain that verifies.
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.EntityId == bulk.Id.ToString() || (e.EntityType == "PersonName" && e.After!.Contains(bulk.Id.ToString())), ct));
        Assert.True((await AuditTrail.VerifyAsync(db, ct)).Intact);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_bulk_write_the_database_refuses_leaves_nothing_written(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        var eventsBefore = await db.AuditEvents.CountAsync(ct);
        var first = Child("A1");
        var twice = Child("B1");
        using (db.BeginProcess("People.Create", Tester))
        {
            await using var transaction = await db.BeginWriteTransactionAsync(ct);

            // The same record twice: the second row breaks the primary key (a COPY on PostgreSQL, an INSERT on SQLite).
            await Assert.ThrowsAnyAsync<DbException>(() => db.SaveWithNewRecordsInBulkAsync([first, twice, twice], ct));
        }

        db.ChangeTracker.Clear();
        Assert.Equal(0, await db.People.CountAsync(ct));
        Assert.Equal(eventsBefore, await db.AuditEvents.CountAsync(ct));
        Assert.True((await AuditTrail.VerifyAsync(db, ct)).Intact);
    }

    private static async Task<List<Dictionary<string, (string Type, object Value)>>> RowsAsync(SafeguardDbContext db, string sql, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using DbDataReader reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<Dictionary<string, (string Type, object Value)>>();
        while (await reader.ReadAsync(ct))
        {
            var row = new Dictionary<string, (string, object)>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                row[reader.GetName(i)] = (value.GetType().Name, value);
            }

            rows.Add(row);
        }

        return rows;
    }
}
