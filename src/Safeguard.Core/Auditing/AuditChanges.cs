using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Safeguard.Common;
using Safeguard.Identity;

namespace Safeguard.Auditing;

/// <summary>
/// Turns the change tracker's pending changes into audit records (the record before and after, as JSON),
/// and raises the concurrency version of every changed <see cref="Entity"/>.
/// </summary>
public static class AuditChanges
{
    /// <summary>Model annotation on a property whose value must never be written to the audit trail.</summary>
    public const string RedactAnnotation = "Safeguard:AuditRedact";

    private const string Redacted = "[redacted]";

    public static IReadOnlyList<RecordChange> Collect(ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var changes = new List<RecordChange>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEvent || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry.State == EntityState.Modified && !entry.Properties.Any(p => p.IsModified))
            {
                continue;
            }

            int? raisedFrom = null;
            if (entry.Entity is Entity && entry.State == EntityState.Modified)
            {
                var version = entry.Property(nameof(Entity.Version));
                raisedFrom = (int)version.OriginalValue!;
                version.CurrentValue = raisedFrom.Value + 1;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            changes.Add(new RecordChange(
                entry,
                EntityTypeName(entry.Metadata),
                KeyOf(entry),
                action,
                action == AuditAction.Created ? null : Serialize(entry, original: true),
                action == AuditAction.Deleted ? null : Serialize(entry, original: false),
                raisedFrom));
        }

        return changes;
    }

    /// <summary>
    /// The audit record of a new record written without the change tracker (in bulk): its type, key and fields as
    /// JSON, exactly as <see cref="Collect"/> would have made them for the record added through the tracker.
    /// </summary>
    public static (string EntityType, string EntityId, string After) Created(IEntityType type, object entity)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(entity);
        var shape = Shapes.GetValue(type, t => new CreatedShape(t));
        var buffer = t_json ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            // The fields in ordinal order of their names, each written as JsonSerializer writes the value in a
            // dictionary of objects (as Collect serializes a tracked record), without building the dictionary.
            writer.WriteStartObject();
            foreach (var (name, getter, redact) in shape.Properties)
            {
                var value = getter.GetClrValue(entity);
                writer.WritePropertyName(name);
                switch (redact && value is not null ? Redacted : value)
                {
                    case null:
                        writer.WriteNullValue();
                        break;
                    case string text:
                        writer.WriteStringValue(text);
                        break;
                    case Guid guid:
                        writer.WriteStringValue(guid);
                        break;
                    case bool flag:
                        writer.WriteBooleanValue(flag);
                        break;
                    case int number:
                        writer.WriteNumberValue(number);
                        break;
                    case long number:
                        writer.WriteNumberValue(number);
                        break;
                    case DateTimeOffset instant:
                        writer.WriteStringValue(instant);
                        break;
                    case Enum e:
                        writer.WriteStringValue(e.ToString());
                        break;
                    case var other:
                        JsonSerializer.Serialize(writer, other, other.GetType());
                        break;
                }
            }

            writer.WriteEndObject();
        }

        var key = shape.Key.Length == 1
            ? Convert.ToString(shape.Key[0].GetClrValue(entity), System.Globalization.CultureInfo.InvariantCulture)!
            : string.Join("/", shape.Key.Select(k => Convert.ToString(k.GetClrValue(entity), System.Globalization.CultureInfo.InvariantCulture)));
        return (shape.Name, key, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>Each entity type's audited fields, in the order the trail writes them, and its key.</summary>
    private static readonly ConditionalWeakTable<IEntityType, CreatedShape> Shapes = [];

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_json;

    private sealed class CreatedShape(IEntityType type)
    {
        public string Name { get; } = EntityTypeName(type);

        public (string Name, IClrPropertyGetter Getter, bool Redact)[] Properties { get; } = [.. type.GetProperties()
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (p.Name, p.GetGetter(), p.FindAnnotation(RedactAnnotation)?.Value is true))];

        public IClrPropertyGetter[] Key { get; } = [.. type.FindPrimaryKey()!.Properties.Select(p => p.GetGetter())];
    }

    /// <summary>Puts back the versions raised by <see cref="Collect"/> after a save that failed.</summary>
    public static void Rollback(IEnumerable<RecordChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            if (change.RaisedFromVersion is { } version)
            {
                change.Entry.Property(nameof(Entity.Version)).CurrentValue = version;
            }
        }
    }

    /// <summary>Identity's secret fields (password hash, security stamp, authenticator key) never reach the trail.</summary>
    public static void MarkRedactedIdentityFields(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<User>().Property(u => u.PasswordHash).HasAnnotation(RedactAnnotation, true);
        builder.Entity<User>().Property(u => u.SecurityStamp).HasAnnotation(RedactAnnotation, true);
        builder.Entity<IdentityUserToken<Guid>>().Property(t => t.Value).HasAnnotation(RedactAnnotation, true);
    }

    public static string EntityTypeName(IEntityType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var clr = type.ClrType;
        return clr.IsGenericType ? clr.Name[..clr.Name.IndexOf('`', StringComparison.Ordinal)] : clr.Name;
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey()!;
        return string.Join("/", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string Serialize(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var value = original ? property.OriginalValue : property.CurrentValue;
            if (property.Metadata.FindAnnotation(RedactAnnotation)?.Value is true)
            {
                value = value is null ? null : Redacted;
            }
            else if (value is Enum e)
            {
                value = e.ToString();
            }

            values[property.Metadata.Name] = value;
        }

        return JsonSerializer.Serialize(values);
    }
}

public sealed record RecordChange(
    EntityEntry Entry, string EntityType, string EntityId, AuditAction Action, string? Before, string? After, int? RaisedFromVersion);
