using Safeguard.Common;

namespace Safeguard.Interchange.Cin.Uploads;

/// <summary>What came of checking an uploaded census file.</summary>
public enum CinUploadOutcome
{
    /// <summary>The file was read to the end and every rule ran; its issues are kept with it.</summary>
    Validated,

    /// <summary>The file could not be read as a census at all (not XML, cut short, another collection...).</summary>
    Unreadable,
}

/// <summary>
/// A census file the council's performance team uploaded to check. The file itself and the issues found are kept
/// on disk in the upload folder (see <see cref="CinUploadOptions"/>), not in the database, and all three are
/// removed once <see cref="ExpiresAt"/> has passed.
/// </summary>
public sealed class CinUpload : Entity
{
    public required string FileName { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>SHA-256 of the file as uploaded, in lower-case hex: the audit trail's record of which file it was.</summary>
    public required string Sha256 { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public required string UploadedBy { get; set; }

    public Guid? UploadedById { get; set; }

    /// <summary>When the file, its issues and this record are purged.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public CinUploadOutcome Outcome { get; set; }

    /// <summary>Why the file could not be read (with the line where reading stopped); null when it was validated.</summary>
    public string? Problem { get; set; }

    /// <summary>The collection year it was checked against, such as 2024-25; null when it could not be read.</summary>
    public string? Collection { get; set; }

    public long Children { get; set; }

    public long Errors { get; set; }

    public long Queries { get; set; }
}
