using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.Auditing;

/// <summary>
/// A point the audit trail is known to have reached: event <see cref="Sequence"/> had hash <see cref="Hash"/> at
/// <see cref="WrittenAt"/>. Kept outside the database (a file the operator keeps, ideally on another machine or
/// write-once storage), checkpoints anchor the chain's end: events deleted from the end, or the chain rewritten
/// and re-hashed, no longer agree with them. See docs/adr/0020.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTimeOffset WrittenAt)
{
    public string ToLine() =>
        string.Create(CultureInfo.InvariantCulture, $"{Sequence} {Hash} {WrittenAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}");
}

/// <summary>
/// The checkpoint file: one line per checkpoint (<c>sequence hash written-at</c>), appended to, never rewritten;
/// lines starting with # are comments.
/// </summary>
public static class AuditCheckpoints
{
    private const string Header = "# Safeguard audit trail checkpoints: event sequence, its hash, when written (UTC). Append only; keep a copy off the database server.";

    /// <summary>The checkpoints in <paramref name="path"/>; none when the file does not exist yet.</summary>
    public static IReadOnlyList<AuditCheckpoint> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            return [];
        }

        var checkpoints = new List<AuditCheckpoint>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3
                || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1
                || parts[1].Length != 64 || !parts[1].All(Uri.IsHexDigit)
                || !DateTimeOffset.TryParse(parts[2], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                throw new SafeguardValidationException("Checkpoint", $"{path}, line {number}: '{Shorten(line)}' is not a checkpoint (event sequence, 64-character hash, date and time).");
            }

            checkpoints.Add(new AuditCheckpoint(sequence, parts[1].ToLowerInvariant(), at.ToUniversalTime()));
        }

        return checkpoints;
    }

    /// <summary>Appends a checkpoint, creating the file (and its folder) with a header line when it is new.</summary>
    public static void Append(string path, AuditCheckpoint checkpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var isNew = !File.Exists(full) || new FileInfo(full).Length == 0;
        using var stream = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read);
        using var writer = new StreamWriter(stream);
        if (isNew)
        {
            writer.WriteLine(Header);
        }

        writer.WriteLine(checkpoint.ToLine());
    }

    /// <summary>The last event of the trail as a checkpoint now; null for an empty trail.</summary>
    public static async Task<AuditCheckpoint?> HeadAsync(SafeguardDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var head = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        return head is null ? null : new AuditCheckpoint(head.Sequence, head.Hash, db.Time.GetUtcNow());
    }

    /// <summary>Writes the trail's last event to <paramref name="path"/> as a checkpoint; returns it (null for an empty trail).</summary>
    public static async Task<AuditCheckpoint?> WriteAsync(SafeguardDbContext db, string path, CancellationToken cancellationToken = default)
    {
        var head = await HeadAsync(db, cancellationToken);
        if (head is not null)
        {
            Append(path, head);
        }

        return head;
    }

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..80] + "...";
}
