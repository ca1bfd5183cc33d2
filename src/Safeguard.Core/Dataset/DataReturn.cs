using Safeguard.Common;
using Safeguard.Organisations;

namespace Safeguard.Dataset;

/// <summary>
/// A quarter's data return: the business unit opens it, and Safeguard asks each agency that supplies returned
/// indicators for its figures, by a due date.
/// </summary>
public sealed class DataReturn : Entity
{
    public int YearStart { get; set; }

    public int Quarter { get; set; }

    public DateOnly DueOn { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public required string OpenedBy { get; set; }

    public List<DataReturnRequest> Requests { get; } = [];

    public ReportingQuarter Period => new ReportingYear(YearStart).Quarter(Quarter);
}

/// <summary>One agency's part of a data return: the figures it owes for the quarter.</summary>
public sealed class DataReturnRequest : Entity
{
    public Guid DataReturnId { get; set; }

    public DataReturn? DataReturn { get; set; }

    public Guid AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public DateOnly DueOn { get; set; }

    /// <summary>When the agency submitted its figures (the first time); null while outstanding.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    public string? SubmittedBy { get; set; }

    /// <summary>When figures were last saved (each save raises the version, so a save from a stale page is refused).</summary>
    public DateTimeOffset? LastSavedAt { get; set; }

    public List<ReturnedFigure> Figures { get; } = [];

    public List<ReturnReminder> Reminders { get; } = [];
}

/// <summary>Why an agency could not give a figure.</summary>
public enum MissingFigureReason
{
    NotCollected,
    SystemUnavailable,
    DataQualityIssue,
    NotYetAvailable,
    NotApplicable,
    Other,
}

/// <summary>
/// A figure an agency entered for one indicator, or its reason for not giving one. Never changed: a correction
/// is a newer row, so the dataset "as at" a past date shows what was known then.
/// </summary>
public sealed class ReturnedFigure : Entity
{
    public Guid RequestId { get; set; }

    public Guid IndicatorId { get; set; }

    public Indicator? Indicator { get; set; }

    /// <summary>The figure; null when the agency says why it cannot give one.</summary>
    public decimal? Value { get; set; }

    public MissingFigureReason? MissingReason { get; set; }

    /// <summary>The agency's own words about a missing figure, or about an unusual one it confirmed.</summary>
    public string? Comment { get; set; }

    /// <summary>The agency confirmed a figure far outside its previous quarters.</summary>
    public bool ConfirmedUnusual { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

/// <summary>A reminder the business unit sent about an outstanding request.</summary>
public sealed class ReturnReminder : Entity
{
    public Guid RequestId { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public required string SentBy { get; set; }

    public required string Message { get; set; }
}
