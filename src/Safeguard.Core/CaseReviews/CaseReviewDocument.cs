using Safeguard.Common;

namespace Safeguard.CaseReviews;

/// <summary>
/// A document held with a case in the database (an agency's response, terms of reference, a report). Its
/// type is checked by content signature as well as extension; its bytes never reach the audit trail (the
/// SHA-256 does).
/// </summary>
public sealed class CaseReviewDocument : Entity
{
    public Guid NotificationId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    public string Description { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }

    public required string UploadedBy { get; set; }
}
