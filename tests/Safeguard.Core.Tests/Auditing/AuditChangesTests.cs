using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;
using Safeguard.Auditing;
using Safeguard.Identity;
using Safeguard.Journey;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Auditing;

public class AuditChangesTests
{
    /// <summary>
    /// A new record's "after" as the trail has always written it (docs/adr/0022): the fields in a sorted dictionary,
    /// enums as their names, redacted fields as "[redacted]", serialized by JsonSerializer.
    /// </summary>
    private static (string, string, string) AsFirstDefined(IEntityType type, object entity)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties())
        {
            var value = property.GetGetter().GetClrValue(entity);
            if (property.FindAnnotation(AuditChanges.RedactAnnotation)?.Value is true)
            {
                value = value is null ? null : "[redacted]";
            }
            else if (value is Enum e)
            {
                value = e.ToString();
            }

            values[property.Name] = value;
        }

        var key = string.Join("/", type.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(p.GetGetter().GetClrValue(entity), CultureInfo.InvariantCulture)));
        return (AuditChanges.EntityTypeName(type), key, JsonSerializer.Serialize(values));
    }

    [Fact]
    public async Task A_new_record_is_audited_with_its_fields_as_they_were_first_written()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.NewContext();
        var now = new DateTimeOffset(2026, 12, 6, 20, 0, 0, TimeSpan.FromHours(1)).AddTicks(1234);
        var person = ImportedChild.Create("ZOË<&>'1", now);
        person.DateOfBirth = new DateOnly(2015, 2, 28);
        person.Disabilities = "Zoë \"quoted\" 名前 \U0001F600 +";
        var episode = new NeedEpisode { PersonId = person.Id, ReferralDate = new DateOnly(2024, 4, 2), ReferralSource = "1A", ReferralNfa = true, CreatedAt = now };
        var user = new User { DisplayName = "Tess", UserName = "tess", PasswordHash = "secret", SecurityStamp = null, CreatedAt = now };
        object[] records = [person, person.Names[0], episode, user];

        foreach (var record in records)
        {
            var type = db.Model.FindEntityType(record.GetType())!;
            Assert.Equal(AsFirstDefined(type, record), AuditChanges.Created(type, record));
        }

        Assert.Contains("\"PasswordHash\":\"[redacted]\"", AuditChanges.Created(db.Model.FindEntityType(typeof(User))!, user).After, StringComparison.Ordinal);
        Assert.Contains("\"Kind\":\"Child\"", AuditChanges.Created(db.Model.FindEntityType(typeof(Person))!, person).After, StringComparison.Ordinal);
    }
}
