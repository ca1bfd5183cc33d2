namespace Safeguard.Timescales;

/// <summary>When something governed by a timescale is due.</summary>
/// <param name="Rule">The timescale, with any local override applied.</param>
/// <param name="AnchorDate">The UK date of the event the timescale counts from.</param>
/// <param name="DueDate">The last day on which the work is on time (UK date).</param>
public sealed record Deadline(TimescaleRule Rule, DateOnly AnchorDate, DateOnly DueDate)
{
    /// <summary>For hour timescales: the instant of the event counted from (UTC); null otherwise.</summary>
    public DateTimeOffset? AnchorInstant { get; init; }

    /// <summary>For hour timescales: the instant by which the work is due (UTC); null otherwise.</summary>
    public DateTimeOffset? DueInstant { get; init; }
}

/// <summary>Where a deadline stands.</summary>
public enum DeadlineStatus
{
    /// <summary>Not done, and more working days away than the warning window.</summary>
    NotYetDue,

    /// <summary>Not done, due within the warning window (in working days) but not today.</summary>
    DueSoon,

    /// <summary>Not done, due today (for hour timescales: due later today, UK time).</summary>
    DueToday,

    /// <summary>Not done, and the due date (or due instant) has passed.</summary>
    Overdue,

    /// <summary>Done on or before the due date (or due instant).</summary>
    MetOnTime,

    /// <summary>Done after the due date (or due instant).</summary>
    MetLate,
}

/// <summary>A deadline and its status on a given UK date.</summary>
/// <param name="Deadline">The deadline assessed.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Today">The UK date the status was worked out on (from the clock).</param>
/// <param name="WorkingDaysRemaining">For NotYetDue, DueSoon and DueToday: working days after today up to and including the due date; otherwise 0.</param>
/// <param name="WorkingDaysLate">
/// For Overdue: working days after the due date up to and including today. For MetLate: working days after the
/// due date up to and including the completion date. Otherwise 0. It can be 0 for an Overdue or MetLate
/// deadline when the days since the due date are all weekends or bank holidays.
/// </param>
public sealed record DeadlineAssessment(
    Deadline Deadline,
    DeadlineStatus Status,
    DateOnly Today,
    int WorkingDaysRemaining,
    int WorkingDaysLate);

/// <summary>Settings for <see cref="DeadlineService"/>.</summary>
public sealed record DeadlineServiceOptions
{
    /// <summary>Working days before the due date from which a deadline shows as due soon, when its rule sets none. Default 2.</summary>
    public int DefaultWarningWorkingDays { get; init; } = 2;
}
