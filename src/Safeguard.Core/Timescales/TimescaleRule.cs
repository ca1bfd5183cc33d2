namespace Safeguard.Timescales;

/// <summary>The unit a timescale is counted in.</summary>
public enum TimescaleUnit
{
    /// <summary>Working days in England and Wales (see <see cref="Calendar.WorkingDayCalendar"/>).</summary>
    WorkingDays,

    /// <summary>Calendar days.</summary>
    CalendarDays,

    /// <summary>Weeks of seven calendar days.</summary>
    Weeks,

    /// <summary>Calendar months; a day missing from the target month becomes its last day (31 January + 1 month = 28 or 29 February).</summary>
    Months,

    /// <summary>Elapsed hours from an instant, whatever the clocks do.</summary>
    Hours,
}

/// <summary>
/// One named timescale: what must happen, counted from which event, within how long, on whose authority, and
/// whether the local area may change it.
/// </summary>
public sealed record TimescaleRule
{
    /// <summary>Stable kebab-case identifier, for example <c>icpc</c>; other records refer to it.</summary>
    public required string Id { get; init; }

    /// <summary>What must happen, in plain English.</summary>
    public required string Description { get; init; }

    /// <summary>The event the timescale is counted from (the anchor), for example "the referral date".</summary>
    public required string CountedFrom { get; init; }

    /// <summary>The duration in force: the default, or the local override where there is one.</summary>
    public required int Duration { get; init; }

    public required TimescaleUnit Unit { get; init; }

    /// <summary>The statutory guidance, regulation or local procedure that sets the timescale.</summary>
    public required string Source { get; init; }

    /// <summary>True when the local area may set its own duration (local procedure); false for statutory timescales.</summary>
    public required bool LocallyChangeable { get; init; }

    /// <summary>The duration from the catalogue before any local override.</summary>
    public required int DefaultDuration { get; init; }

    /// <summary>How many working days before the due date a deadline shows as due soon; null for the service default.</summary>
    public int? WarningWorkingDays { get; init; }

    /// <summary>
    /// A rule for a due date that a person or a meeting sets (a panel's action, a return the business unit asks for, a
    /// plan's milestone), not a timescale: it names the item on due work and is never changed locally.
    /// </summary>
    public static TimescaleRule DueDateSetBy(string id, string description, string countedFrom, string source) => new()
    {
        Id = id,
        Description = description,
        CountedFrom = countedFrom,
        Duration = 0,
        DefaultDuration = 0,
        Unit = TimescaleUnit.CalendarDays,
        Source = source,
        LocallyChangeable = false,
    };

    /// <summary>True when a local override has changed the duration.</summary>
    public bool IsOverridden => Duration != DefaultDuration;

    /// <summary>The duration in words, for example "45 working days" or "1 working day".</summary>
    public string DurationText => Describe(Duration, Unit);

    /// <summary>The catalogue's default duration in words.</summary>
    public string DefaultDurationText => Describe(DefaultDuration, Unit);

    public static string Describe(int duration, TimescaleUnit unit)
    {
        var (one, many) = unit switch
        {
            TimescaleUnit.WorkingDays => ("working day", "working days"),
            TimescaleUnit.CalendarDays => ("calendar day", "calendar days"),
            TimescaleUnit.Weeks => ("week", "weeks"),
            TimescaleUnit.Months => ("month", "months"),
            TimescaleUnit.Hours => ("hour", "hours"),
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown timescale unit."),
        };
        return $"{duration} {(duration == 1 ? one : many)}";
    }
}

/// <summary>A local area's own duration for a locally changeable timescale.</summary>
/// <param name="RuleId">The timescale's id, for example <c>first-core-group</c>.</param>
/// <param name="Duration">The local duration, in the rule's own unit; at least 1.</param>
public sealed record TimescaleOverride(string RuleId, int Duration);
