using Safeguard.Common;
using Safeguard.Organisations;

namespace Safeguard.AnnualReport;

/// <summary>Where a year's report is: drafted by the business unit, sent to the partners for review, signed off, published (locked).</summary>
public enum EditionStatus
{
    Draft,
    InReview,
    Published,
}

/// <summary>
/// The annual report of one reporting year: its workflow state. Narratives can be edited while it is a draft; the
/// three safeguarding partners sign off once it has been sent for review; it is published (and locked) when all three have.
/// </summary>
public sealed class AnnualReportEdition : Entity
{
    public int YearStart { get; set; }

    public EditionStatus Status { get; set; }

    public DateTimeOffset? SentForReviewAt { get; set; }

    public string? SentForReviewBy { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    public List<AnnualReportSignOff> SignOffs { get; set; } = [];
}

/// <summary>One safeguarding partner's sign-off of a year's report: the partner, the named person who signed for it, who recorded it and when.</summary>
public sealed class AnnualReportSignOff : Entity
{
    public Guid EditionId { get; set; }

    public StatutoryPartner Partner { get; set; }

    /// <summary>The person who signed for the partner, with their role ("Jo Bloggs, Chief Constable").</summary>
    public required string Signatory { get; set; }

    public DateTimeOffset SignedAt { get; set; }

    public required string RecordedBy { get; set; }
}

/// <summary>The business unit's narrative for one section of a year's report (its latest text; every saved version is kept).</summary>
public sealed class AnnualReportNarrative : Entity
{
    public const int MaxTextLength = 20000;

    public int YearStart { get; set; }

    public required string SectionKey { get; set; }

    public string Text { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}

/// <summary>One saved version of a narrative: kept for the version history, never changed.</summary>
public sealed class AnnualReportNarrativeVersion : Entity
{
    public Guid NarrativeId { get; set; }

    public int Number { get; set; }

    public string Text { get; set; } = "";

    public DateTimeOffset SavedAt { get; set; }

    public required string SavedBy { get; set; }
}

/// <summary>
/// Feedback from children, young people and families the partnership heard in the year: where from, when, what was
/// said and what changed because of it. Not about a named child (the report is public): people are not identified.
/// </summary>
public sealed class PartnershipFeedback : Entity
{
    public const int MaxTextLength = 4000;

    public DateOnly ReceivedOn { get; set; }

    /// <summary>Where the feedback came from ("Children in care council", "Parents' survey").</summary>
    public required string Source { get; set; }

    public required string WhatWasSaid { get; set; }

    public string? WhatChanged { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

public enum FundingKind
{
    Contribution,
    Expenditure,
}

/// <summary>A line of the partnership's budget for a year: a partner agency's contribution or an expenditure line.</summary>
public sealed class PartnershipFundingLine : Entity
{
    public int YearStart { get; set; }

    public FundingKind Kind { get; set; }

    /// <summary>The contributing agency (contributions only).</summary>
    public Guid? AgencyId { get; set; }

    /// <summary>What the money is (an expenditure line such as "Independent scrutineer", or a note on a contribution).</summary>
    public required string Description { get; set; }

    /// <summary>In pounds, to the penny.</summary>
    public decimal Amount { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

/// <summary>The formats the annual report is written in.</summary>
public enum ReportFormat
{
    Docx,
    Pdf,
}

/// <summary>
/// The annual report as published, in one format: rendered once when the edition is published and kept byte for byte,
/// so the published report does not change when the records behind it change later. Never changed after it is written.
/// </summary>
public sealed class AnnualReportPublishedFile : Entity
{
    public Guid EditionId { get; set; }

    public ReportFormat Format { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex.</summary>
    public required string Sha256 { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public required string PublishedBy { get; set; }
}
