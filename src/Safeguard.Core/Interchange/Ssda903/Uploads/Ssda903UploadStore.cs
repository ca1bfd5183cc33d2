using System.Text;
using System.Text.Json;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Interchange.Cin;
using Safeguard.Interchange.Cin.Uploads;
using Safeguard.Interchange.Ssda903.Rules;
using Safeguard.Persistence;

namespace Safeguard.Interchange.Ssda903.Uploads;

/// <summary>An uploaded SSDA903 return: its files, who uploaded it and when, and what checking it found.</summary>
public sealed record Ssda903Upload
{
    public required Guid Id { get; init; }

    public required IReadOnlyList<string> Files { get; init; }

    public required string Collection { get; init; }

    public required DateTimeOffset UploadedAt { get; init; }

    public required string UploadedBy { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public long Children { get; init; }

    public long Rows { get; init; }

    public long Errors { get; init; }

    /// <summary>The tables recognised, and the file each was read from.</summary>
    public IReadOnlyDictionary<string, string> Tables { get; init; } = new Dictionary<string, string>();

    /// <summary>Why the files could not be read at all (then nothing was checked); null when they were.</summary>
    public string? Unreadable { get; init; }

    public string Describe => Files.Count == 1 ? Files[0] : $"{Files.Count} files";
}

/// <summary>
/// SSDA903 returns uploaded on the web to be checked, beside the census uploads (the same folder, size limit and
/// retention: <see cref="CinUploadOptions"/>): each upload's CSV files are kept in a folder of their own with the
/// issues found (JSON lines) and a description of the upload, so the page can group and download them and import
/// the return without another upload. No table holds them (docs/adr/0044): the folder is the record, its creation
/// and every view are audited under <see cref="EntityType"/>, and it is deleted when it expires.
/// </summary>
public sealed class Ssda903UploadStore(SafeguardDbContext db, CinUploadOptions options)
{
    public const string EntityType = "Ssda903Upload";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public CinUploadOptions Options => options;

    private string Root => Path.Combine(options.UploadFolder, "ssda903");

    /// <summary>Stores and checks the files of a return.</summary>
    /// <exception cref="SafeguardValidationException">Field <c>Files</c>: no file, a file that is not CSV, or too large.</exception>
    public async Task<Ssda903Upload> UploadAsync(IReadOnlyList<(string Name, Stream Content)> files, CinCollection collection, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(actor);
        if (files.Count == 0)
        {
            throw new SafeguardValidationException("Files", "Select the return's CSV files");
        }

        var names = files.Select(f => Path.GetFileName(f.Name ?? "").Trim()).ToList();
        if (names.FirstOrDefault(n => !n.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) is { } notCsv)
        {
            throw new SafeguardValidationException("Files", $"{(notCsv.Length == 0 ? "A selected file" : notCsv)} must be a CSV file: the return's tables are CSV files, their names ending .csv");
        }

        if (names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new SafeguardValidationException("Files", $"{twice.Key} is selected twice: select each table once");
        }

        var id = Guid.NewGuid();
        var folder = Path.Combine(Root, id.ToString("N"));
        var filesFolder = Path.Combine(folder, "files");
        Directory.CreateDirectory(filesFolder);
        try
        {
            long total = 0;
            for (var i = 0; i < files.Count; i++)
            {
                await using var target = new FileStream(Path.Combine(filesFolder, names[i]), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await files[i].Content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > options.MaxUploadBytes)
                    {
                        throw new SafeguardValidationException("Files", $"The files are larger than {CinUploadStore.Describe(options.MaxUploadBytes)} together: check the return with 'safeguard ssda903 validate' instead");
                    }

                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            var now = db.Time.GetUtcNow();
            var upload = new Ssda903Upload
            {
                Id = id,
                Files = names,
                Collection = collection.Name,
                UploadedAt = now,
                UploadedBy = actor.Name,
                ExpiresAt = now + options.UploadRetention,
            };
            upload = Check(upload, filesFolder, Path.Combine(folder, "issues.jsonl"), collection, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, "upload.json"), JsonSerializer.Serialize(upload, Json), cancellationToken);
            // The upload has no row of its own: its creation is audited as a created event of the upload's id.
            await using (var transaction = await db.BeginWriteTransactionAsync(cancellationToken))
            using (db.BeginProcess("Ssda903.Upload", actor))
            {
                await db.AppendCreatedEventsAsync(EntityType, [id.ToString()], $"{upload.Describe}; {upload.Collection}; errors={upload.Errors}", cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            return upload;
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    private static Ssda903Upload Check(Ssda903Upload upload, string filesFolder, string issuesPath, CinCollection collection, CancellationToken cancellationToken)
    {
        using var issues = new StreamWriter(issuesPath, false, new UTF8Encoding(false));
        try
        {
            var summary = Ssda903Validator.Validate(
                Ssda903File.FromPaths([filesFolder]), collection, i => issues.WriteLine(JsonSerializer.Serialize(StoredIssue.From(i), Json)), cancellationToken);
            return upload with
            {
                Children = summary.Children,
                Rows = summary.Rows,
                Errors = summary.Errors,
                Tables = summary.Files.ToDictionary(f => Ssda903Schema.Table(f.Key).Name, f => f.Value),
            };
        }
        catch (Ssda903UnreadableException ex)
        {
            return upload with { Unreadable = ex.Message };
        }
    }

    /// <summary>An upload, its reading recorded in the audit trail (its issues name children); null when there is none or it expired.</summary>
    public async Task<Ssda903Upload?> GetAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var upload = await ReadAsync(id, cancellationToken);
        if (upload is null || upload.ExpiresAt <= db.Time.GetUtcNow())
        {
            return null;
        }

        using (db.BeginProcess("Ssda903.View", actor))
        {
            db.RecordAccess(EntityType, id.ToString());
            await db.SaveChangesAsync(cancellationToken);
        }

        return upload;
    }

    /// <summary>The uploads still kept, newest first; expired ones are deleted on the way.</summary>
    public async Task<IReadOnlyList<Ssda903Upload>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        var now = db.Time.GetUtcNow();
        var uploads = new List<Ssda903Upload>();
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            if (!Guid.TryParseExact(Path.GetFileName(folder), "N", out var id))
            {
                continue;
            }

            var upload = await ReadAsync(id, cancellationToken);
            if (upload is null ? Directory.GetCreationTimeUtc(folder) < now.UtcDateTime - options.UploadRetention : upload.ExpiresAt <= now)
            {
                Directory.Delete(folder, recursive: true);
            }
            else if (upload is not null)
            {
                uploads.Add(upload);
            }
        }

        return [.. uploads.OrderByDescending(u => u.UploadedAt)];
    }

    /// <summary>The issues found, in the order they were reported.</summary>
    public IEnumerable<Ssda903Issue> ReadIssues(Ssda903Upload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var path = Path.Combine(Root, upload.Id.ToString("N"), "issues.jsonl");
        if (!File.Exists(path))
        {
            yield break;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.Length > 0 && JsonSerializer.Deserialize<StoredIssue>(line, Json) is { } issue)
            {
                yield return new Ssda903Issue(issue.Rule, issue.Message, issue.Table, issue.File, issue.Line, issue.ChildId, issue.Fields ?? []);
            }
        }
    }

    /// <summary>The upload's files, for the import.</summary>
    public IReadOnlyList<Ssda903File> Files(Ssda903Upload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        return [.. Ssda903File.FromPaths([Path.Combine(Root, upload.Id.ToString("N"), "files")])];
    }

    /// <summary>Writes the issues as CSV or as a workbook (<paramref name="xlsx"/>); the download is audited.</summary>
    public async Task WriteIssuesAsync(Ssda903Upload upload, bool xlsx, Stream output, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(actor);
        using (db.BeginProcess("Ssda903.ExportIssues", actor))
        {
            db.RecordAccess(EntityType, upload.Id.ToString(), AuditAction.Exported, xlsx ? "issues as XLSX" : "issues as CSV");
            await db.SaveChangesAsync(cancellationToken);
        }

        using var text = xlsx ? null : new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        using IIssueWriter writer = xlsx ? new XlsxIssueWriter(output, withTable: true) : new CsvIssueWriter(text!, withTable: true);
        foreach (var issue in ReadIssues(upload))
        {
            writer.Write(issue);
        }

        var notImplemented = Ssda903RuleSet.For(upload.Collection).NotImplemented;
        writer.Complete(new IssueReportTotals(upload.Collection, upload.Children, upload.Errors, 0, [.. notImplemented.Select(r => (r.Code, r.Message))]));
        text?.Flush();
    }

    /// <summary>The collection years the return can be checked against.</summary>
    public static IReadOnlyList<string> Collections => [Rules2024To25.CollectionName];

    private async Task<Ssda903Upload?> ReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Root, id.ToString("N"), "upload.json");
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<Ssda903Upload>(stream, Json, cancellationToken);
    }

    private sealed record StoredIssue(string Rule, string Message, string? Table, string? File, int? Line, string? ChildId, IReadOnlyList<string>? Fields)
    {
        public static StoredIssue From(Ssda903Issue issue) => new(issue.Rule, issue.Message, issue.Table, issue.File, issue.Line, issue.ChildId, issue.Fields);
    }
}
