namespace Safeguard.CaseReviews;

/// <summary>Settings for case reviews (configuration section <c>CaseReviews</c>).</summary>
public sealed record CaseReviewOptions
{
    /// <summary>The largest document that can be held with a case, in bytes. Default 10 MB.</summary>
    public long MaxDocumentBytes { get; init; } = 10 * 1024 * 1024;
}
