using System.Globalization;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.InformationGovernance;

/// <summary>
/// A subject access request export for one person (UK GDPR article 15): everything Safeguard holds about them
/// (<see cref="SubjectRecords"/>) and every audit event about those records (each read and change: who, when, what), as a
/// ZIP of a machine-readable JSON file and a workbook with a sheet per record type. Records that also name other people
/// are marked, not redacted: the data protection officer reviews them before release (docs/adr/0030). Producing the
/// export needs a reason and is itself audited; a restricted record can be exported only by a user on its list.
/// </summary>
public sealed class SubjectAccessExport(SafeguardDbContext db, PersonIndex index)
{
    public const string Process = "Records.SubjectAccess";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<SubjectAccessFile> ExportAsync(Guid personId, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new SafeguardValidationException("Reason", "Enter why the export is being made (for example the request's reference)");
        }

        if (reason.Trim().Length > AuditEvent.MaxReasonLength)
        {
            throw new SafeguardValidationException("Reason", $"The reason must be {AuditEvent.MaxReasonLength} characters or fewer");
        }

        var person = await index.Visible(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken)
            ?? throw new SafeguardValidationException("Person", $"There is no record {personId} that you may see");
        var records = await SubjectRecords.CollectAsync(db, personId, cancellationToken);
        var events = await EventsAsync(records, cancellationToken);
        var producedAt = db.Time.GetUtcNow();
        var fileName = $"subject-access-{personId}-{UkTime.Today(db.Time):yyyy-MM-dd}.zip";

        var content = new SubjectAccessContent(
            new SubjectAccessHeader(person.Id, person.DisplayName, person.Kind.ToString(), producedAt, actor.Name, reason.Trim(), records.Count, events.Count,
                "Records marked in namesOtherPeople also hold information about other people: review them before release. " +
                "Audit events name the staff who read or changed each record. Nothing has been redacted."),
            records,
            events.Select(e => new SubjectAuditEvent(e.Sequence, e.OccurredAt, e.Kind.ToString(), e.Action.ToString(), e.Process, e.ActorName, e.ActorUserId, e.Reason, e.EntityType, e.EntityId, e.Before, e.After)).ToList());

        var package = await PackageAsync("subject-access", content, Sheets(content), cancellationToken);

        using (db.BeginProcess(Process, actor, reason))
        {
            db.RecordAccess(nameof(Person), personId.ToString(), AuditAction.Exported,
                JsonSerializer.Serialize(new { File = fileName, Records = records.Count, AuditEvents = events.Count }));
            await db.SaveChangesAsync(cancellationToken);
        }

        return new SubjectAccessFile(fileName, package, records.Count, events.Count);
    }

    /// <summary>Every audit event about a record in the export, in the chain's order.</summary>
    private async Task<List<AuditEvent>> EventsAsync(IReadOnlyList<SubjectRecord> records, CancellationToken cancellationToken)
    {
        var events = new List<AuditEvent>();
        foreach (var group in records.GroupBy(r => r.Type))
        {
            foreach (var chunk in group.Select(r => r.Id).Chunk(500))
            {
                var ids = chunk.ToList();
                var type = group.Key;
                events.AddRange(await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == type && ids.Contains(e.EntityId)).ToListAsync(cancellationToken));
            }
        }

        return [.. events.OrderBy(e => e.Sequence)];
    }

    /// <summary>
    /// A subject access package as the requester receives it: a ZIP of <c>{name}.json</c> (every field, for any tool) and
    /// <c>{name}.xlsx</c> (the same, sheet by sheet, for people).
    /// </summary>
    internal static async Task<byte[]> PackageAsync<T>(string name, T content, IReadOnlyList<SpreadsheetSheet> sheets, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var json = await zip.CreateEntry(name + ".json").OpenAsync(cancellationToken))
            {
                await JsonSerializer.SerializeAsync(json, content, Json, cancellationToken);
            }

            await using var workbook = await zip.CreateEntry(name + ".xlsx").OpenAsync(cancellationToken);
            using var xlsx = new MemoryStream();
            Spreadsheet.WriteXlsx(xlsx, sheets);
            xlsx.Position = 0;
            await xlsx.CopyToAsync(workbook, cancellationToken);
        }

        return buffer.ToArray();
    }

    private static List<SpreadsheetSheet> Sheets(SubjectAccessContent content)
    {
        var header = content.Subject;
        var sheets = new List<SpreadsheetSheet>
        {
            new("Read me", ["Item", "Value"],
            [
                ["Person", $"{header.Name} ({header.PersonId})"],
                ["Produced", FormatInstant(header.ProducedAt)],
                ["Produced by", header.ProducedBy],
                ["Reason", header.Reason],
                ["Records", header.Records.ToString(CultureInfo.InvariantCulture)],
                ["Audit events (reads and changes)", header.AuditEvents.ToString(CultureInfo.InvariantCulture)],
                ["Before release", header.Notice],
                .. SubjectRecords.Types.Where(t => t.ThirdPartyNote is not null && content.Records.Any(r => r.Type == t.ClrType.Name))
                    .Select(t => (IReadOnlyList<object?>)[t.Title, t.ThirdPartyNote]),
            ]),
        };

        foreach (var type in SubjectRecords.Types)
        {
            var rows = content.Records.Where(r => r.Type == type.ClrType.Name).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var fields = rows.SelectMany(r => r.Fields.Keys).Distinct().Where(f => f != "Id").Order(StringComparer.Ordinal).ToList();
            sheets.Add(new SpreadsheetSheet(type.Title, ["Id", "Names other people", .. fields],
                rows.Select(r => (IReadOnlyList<object?>)[r.Id, string.Join("; ", r.NamesOtherPeople), .. fields.Select(f => Cell(r.Fields.GetValueOrDefault(f)))])));
        }

        sheets.Add(new SpreadsheetSheet("Audit trail", ["Event", "When (UK time)", "Kind", "Action", "Process", "Who", "Reason", "Record type", "Record id", "Before", "After"],
            content.AuditEvents.Select(e => (IReadOnlyList<object?>)
                [e.Sequence.ToString(CultureInfo.InvariantCulture), FormatInstant(e.OccurredAt), e.Kind, e.Action, e.Process, e.Actor, e.Reason, e.EntityType, e.EntityId, Cell(e.Before), Cell(e.After)])));
        return sheets;
    }

    /// <summary>A cell's text, cut to what a spreadsheet cell holds (the JSON file has it in full).</summary>
    private static string? Cell(object? value)
    {
        if (value is byte[] bytes)
        {
            return $"{bytes.Length} bytes (in subject-access.json, base64)";
        }

        var text = Convert.ToString(value, CultureInfo.InvariantCulture);
        return text is { Length: > 32000 } ? text[..32000] + " [continued in subject-access.json]" : text;
    }

    private static string FormatInstant(DateTimeOffset instant) =>
        UkTime.ToUkLocal(instant).ToString("d MMMM yyyy HH:mm:ss", CultureInfo.GetCultureInfo("en-GB"));
}

public sealed record SubjectAccessFile(string FileName, byte[] Content, int Records, int AuditEvents)
{
    public const string ContentType = "application/zip";
}

public sealed record SubjectAccessContent(SubjectAccessHeader Subject, IReadOnlyList<SubjectRecord> Records, IReadOnlyList<SubjectAuditEvent> AuditEvents);

public sealed record SubjectAccessHeader(
    Guid PersonId, string Name, string Kind, DateTimeOffset ProducedAt, string ProducedBy, string Reason, int Records, int AuditEvents, string Notice);

public sealed record SubjectAuditEvent(
    long Sequence, DateTimeOffset OccurredAt, string Kind, string Action, string Process, string Actor, Guid? ActorUserId, string? Reason, string EntityType, string EntityId, string? Before, string? After);
