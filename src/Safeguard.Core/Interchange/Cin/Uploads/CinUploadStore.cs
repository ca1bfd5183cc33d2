using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.Interchange.Cin.Uploads;

/// <summary>Which issues of an upload to show: any combination; null or empty matches everything.</summary>
public sealed record CinIssueFilter(CinSeverity? Severity = null, string? Rule = null, string? ChildId = null)
{
    public bool Matches(CinIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return (Severity is null || issue.Severity == Severity)
            && (string.IsNullOrWhiteSpace(Rule) || string.Equals(issue.Rule, Rule.Trim(), StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrWhiteSpace(ChildId) || string.Equals(issue.ChildId, ChildId.Trim(), StringComparison.Ordinal));
    }
}

/// <summary>
/// Census files uploaded to be checked: each is streamed to the upload folder (refused when it is not XML or is
/// larger than allowed), validated with <see cref="CinValidator"/>, and its issues written beside it as JSON lines so
/// they can be grouped, filtered and downloaded without checking the file again. The record in the database says
/// who uploaded what and when (audited); the file, its issues and the record are purged when they expire.
/// </summary>
public sealed class CinUploadStore(SafeguardDbContext db, CalendarAdministration calendars, CinUploadOptions options)
{
    public const string EntityType = "CinUpload";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public CinUploadOptions Options => options;

    /// <summary>Stores, checks and records an uploaded file.</summary>
    /// <param name="fileName">The name the file had on the user's computer.</param>
    /// <param name="content">The file, read once, forward only.</param>
    /// <param name="collection">The collection year to check against; null: the one the file's reference date falls in.</param>
    /// <param name="actor">Who uploads it.</param>
    /// <param name="cancellationToken">Stops the upload (nothing is kept).</param>
    /// <exception cref="SafeguardValidationException">Field <c>File</c>: no file, not XML, or too large.</exception>
    public async Task<CinUpload> UploadAsync(string fileName, Stream content, CinCollection? collection, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(actor);
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length == 0)
        {
            throw new SafeguardValidationException("File", "Select a census file");
        }

        if (name.Length > 255)
        {
            name = name[..255];
        }

        if (!name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            throw new SafeguardValidationException("File", "The selected file must be an XML file: a children in need census is XML, its name ending .xml");
        }

        Directory.CreateDirectory(options.UploadFolder);
        var upload = new CinUpload { FileName = name, Sha256 = "", UploadedBy = actor.Name, UploadedById = actor.UserId };
        var filePath = FilePath(upload.Id);
        try
        {
            (upload.SizeBytes, upload.Sha256) = await CopyAsync(content, filePath, cancellationToken);
            await ValidateAsync(upload, filePath, collection, cancellationToken);
            upload.UploadedAt = db.Time.GetUtcNow();
            upload.ExpiresAt = upload.UploadedAt + options.UploadRetention;
            using (db.BeginProcess("CinCensus.Upload", actor))
            {
                db.Add(upload);
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch
        {
            DeleteFiles(upload.Id);
            throw;
        }

        return upload;
    }

    /// <summary>An upload, its reading recorded in the audit trail (its issues name children); null when there is none (or it was purged).</summary>
    public async Task<CinUpload?> GetAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var upload = await db.Set<CinUpload>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (upload is null || upload.ExpiresAt <= db.Time.GetUtcNow())
        {
            return null;
        }

        using (db.BeginProcess("CinCensus.View", actor))
        {
            db.RecordAccess(EntityType, id.ToString());
            await db.SaveChangesAsync(cancellationToken);
        }

        return upload;
    }

    /// <summary>The uploads still kept, newest first.</summary>
    public async Task<IReadOnlyList<CinUpload>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = db.Time.GetUtcNow();
        var uploads = await db.Set<CinUpload>().AsNoTracking().ToListAsync(cancellationToken);
        return [.. uploads.Where(u => u.ExpiresAt > now).OrderByDescending(u => u.UploadedAt)];
    }

    /// <summary>The issues of an upload in file order, read from disk one at a time.</summary>
    public IEnumerable<CinIssue> ReadIssues(CinUpload upload, CinIssueFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var path = IssuesPath(upload.Id);
        if (!File.Exists(path))
        {
            yield break;
        }

        using var reader = new StreamReader(path, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            var issue = JsonSerializer.Deserialize<CinIssue>(line, Json)!;
            if (filter is null || filter.Matches(issue))
            {
                yield return issue;
            }
        }
    }

    /// <summary>Writes the matching issues of an upload as an Excel workbook (the CLI's format), recording the export.</summary>
    public async Task WriteXlsxAsync(CinUpload upload, CinIssueFilter? filter, Stream output, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(actor);
        using (db.BeginProcess("CinCensus.Export", actor))
        {
            db.RecordAccess(EntityType, upload.Id.ToString(), AuditAction.Exported, "issues as XLSX");
            await db.SaveChangesAsync(cancellationToken);
        }

        long errors = 0, queries = 0;
        var byRule = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using var writer = new CinXlsxIssueWriter(output);
        foreach (var issue in ReadIssues(upload, filter))
        {
            _ = issue.Severity == CinSeverity.Error ? errors++ : queries++;
            byRule[issue.Rule] = byRule.GetValueOrDefault(issue.Rule) + 1;
            writer.Write(issue);
        }

        var collection = upload.Collection is null ? CinCollection.ForStartYear(2024) : CinCollection.Parse(upload.Collection);
        writer.Complete(new CinValidationSummary(collection, new CinHeader(null, 0, null, null), upload.Children, errors, queries, byRule));
    }

    /// <summary>
    /// Removes expired uploads (record, file and issues), and any file in the upload folder older than the retention
    /// that has no record (left by a failed upload or a restore). Returns the number of uploads removed.
    /// </summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = db.Time.GetUtcNow();
        var expired = await db.Set<CinUpload>().Where(u => u.ExpiresAt <= now).ToListAsync(cancellationToken);
        if (expired.Count > 0)
        {
            using (db.BeginProcess("CinCensus.Purge", Actor.System("census upload retention"), $"kept for {options.UploadRetention.TotalDays:0.#} days"))
            {
                db.RemoveRange(expired);
                await db.SaveChangesAsync(cancellationToken);
            }

            foreach (var upload in expired)
            {
                DeleteFiles(upload.Id);
            }
        }

        if (Directory.Exists(options.UploadFolder))
        {
            var kept = (await db.Set<CinUpload>().Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet();
            foreach (var file in Directory.EnumerateFiles(options.UploadFolder))
            {
                var id = Path.GetFileName(file).Split('.')[0];
                if ((!Guid.TryParse(id, out var guid) || !kept.Contains(guid)) && File.GetLastWriteTimeUtc(file) < (now - options.UploadRetention).UtcDateTime)
                {
                    File.Delete(file);
                }
            }
        }

        return expired.Count;
    }

    private string FilePath(Guid id) => Path.Combine(options.UploadFolder, $"{id}.xml");

    /// <summary>Where an upload's file is kept, for importing it; null once it has expired or been purged.</summary>
    public string? StoredFile(CinUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var path = FilePath(upload.Id);
        return File.Exists(path) ? path : null;
    }

    private string IssuesPath(Guid id) => Path.Combine(options.UploadFolder, $"{id}.issues.jsonl");

    private void DeleteFiles(Guid id)
    {
        File.Delete(FilePath(id));
        File.Delete(IssuesPath(id));
    }

    /// <summary>Copies the upload to disk, refusing it as soon as it is not XML or passes the size limit.</summary>
    private async Task<(long Size, string Sha256)> CopyAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        var head = new MemoryStream();
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > options.MaxUploadBytes)
                {
                    throw new SafeguardValidationException("File", $"The selected file must be smaller than {Describe(options.MaxUploadBytes)}");
                }

                if (head.Length < XmlSniffer.HeadLength)
                {
                    head.Write(buffer, 0, (int)Math.Min(read, XmlSniffer.HeadLength - head.Length));
                    if (head.Length >= XmlSniffer.HeadLength && !XmlSniffer.LooksLikeXml(head.ToArray()))
                    {
                        throw NotXml();
                    }
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        if (size == 0)
        {
            throw new SafeguardValidationException("File", "The selected file is empty");
        }

        if (head.Length < XmlSniffer.HeadLength && !XmlSniffer.LooksLikeXml(head.ToArray()))
        {
            throw NotXml();
        }

        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static SafeguardValidationException NotXml() =>
        new("File", "The selected file must be an XML file: its content is not XML (a children in need census starts with <?xml or <Message>)");

    /// <summary>A size in the units people use: 1 GB, 500 MB, 64 KB.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024L * 1024 * 1024 when bytes % (1024L * 1024 * 1024) == 0 => $"{bytes / (1024L * 1024 * 1024)} GB",
        >= 1024L * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
        _ => $"{Math.Max(1, bytes / 1024)} KB",
    };

    private async Task ValidateAsync(CinUpload upload, string filePath, CinCollection? collection, CancellationToken cancellationToken)
    {
        var calendar = await calendars.CalendarAsync(cancellationToken);
        await using var issues = new FileStream(IssuesPath(upload.Id), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var issueWriter = new StreamWriter(issues, new UTF8Encoding(false));
        await using var file = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            var summary = new CinValidator(calendar).Validate(
                file, upload.FileName, new CinReaderOptions { Collection = collection }, issue => issueWriter.WriteLine(JsonSerializer.Serialize(issue, Json)), null, cancellationToken);
            upload.Outcome = CinUploadOutcome.Validated;
            upload.Collection = summary.Collection.Name;
            upload.Children = summary.Children;
            upload.Errors = summary.Errors;
            upload.Queries = summary.Queries;
        }
        catch (Exception ex) when (ex is CinUnreadableException or ArgumentException)
        {
            upload.Outcome = CinUploadOutcome.Unreadable;
            // The reader's and rule set's messages speak to the command line; on the page the year is chosen on the form.
            var problem = ex.Message
                .Replace("give --collection", "upload it again choosing the collection year", StringComparison.Ordinal)
                .Replace("(for example --collection 2024-25)", "(upload it again choosing the collection year)", StringComparison.Ordinal);
            upload.Problem = problem.Length > 2000 ? problem[..2000] : problem;
        }
    }
}

/// <summary>Decides from a file's first bytes whether it is XML, whatever its name says.</summary>
public static class XmlSniffer
{
    public const int HeadLength = 1024;

    /// <summary>
    /// True when the first non-blank character (after a UTF-8 or UTF-16 byte order mark) is '&lt;' and the head has no
    /// NUL bytes (binary files: spreadsheets, zip archives, images); UTF-16 without a mark is recognised by its zero bytes.
    /// </summary>
    public static bool LooksLikeXml(ReadOnlySpan<byte> head)
    {
        string text;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = Encoding.UTF8.GetString(head[3..]);
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || (head.Length >= 2 && head[0] == '<' && head[1] == 0))
        {
            text = Encoding.Unicode.GetString(head[(head[0] == 0xFF ? 2 : 0)..(head.Length & ~1)]);
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || (head.Length >= 2 && head[0] == 0 && head[1] == '<'))
        {
            text = Encoding.BigEndianUnicode.GetString(head[(head[0] == 0xFE ? 2 : 0)..(head.Length & ~1)]);
        }
        else
        {
            if (head.Contains((byte)0))
            {
                return false;
            }

            text = Encoding.Latin1.GetString(head);
        }

        var trimmed = text.AsSpan().TrimStart();
        return trimmed.Length > 0 && trimmed[0] == '<' && !trimmed.Contains('\0');
    }
}
