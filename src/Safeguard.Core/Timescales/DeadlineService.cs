using Safeguard.Calendar;

namespace Safeguard.Timescales;

/// <summary>
/// Works out due dates from the timescale catalogue and the working-day calendar, and where a deadline stands
/// today. "Today" is the UK date of the <see cref="TimeProvider"/>'s current instant.
/// </summary>
/// <remarks>
/// Due dates by unit: working days use <see cref="WorkingDayCalendar.AddWorkingDays"/> (the anchor day is not
/// counted); calendar days, weeks and months are added to the anchor date, with a month end clamped (31 January
/// + 1 month = 28 or 29 February); a due date from days, weeks or months is left as it is when it falls on a
/// weekend or bank holiday, because the law sets a calendar date. Hours are elapsed hours from the anchor
/// instant (72 hours is 72 hours even across a change of the clocks); the due date is then the UK date of the
/// due instant.
/// </remarks>
public sealed class DeadlineService
{
    private readonly WorkingDayCalendar _calendar;
    private readonly TimescaleCatalogue _catalogue;
    private readonly TimeProvider _timeProvider;
    private readonly DeadlineServiceOptions _options;

    public DeadlineService(WorkingDayCalendar calendar, TimescaleCatalogue catalogue, TimeProvider timeProvider, DeadlineServiceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options ?? new DeadlineServiceOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(_options.DefaultWarningWorkingDays, nameof(options));
        _calendar = calendar;
        _catalogue = catalogue;
        _timeProvider = timeProvider;
    }

    /// <summary>Today's UK date from the clock.</summary>
    public DateOnly Today() => UkTime.Today(_timeProvider);

    /// <summary>The deadline for a timescale counted in days, weeks or months from <paramref name="anchorDate"/>.</summary>
    /// <exception cref="UnknownTimescaleRuleException">No such timescale.</exception>
    /// <exception cref="ArgumentException">The timescale counts hours, so it needs the anchor's time as well as its date.</exception>
    public Deadline Calculate(string ruleId, DateOnly anchorDate)
    {
        var rule = _catalogue.Get(ruleId);
        if (rule.Unit == TimescaleUnit.Hours)
        {
            throw new ArgumentException(
                $"Timescale '{rule.Id}' counts {rule.DurationText} from {rule.CountedFrom}: give the date and time it happened, not just the date.",
                nameof(anchorDate));
        }

        return new Deadline(rule, anchorDate, DueDate(rule, anchorDate));
    }

    /// <summary>
    /// The deadline for a timescale counted from the instant <paramref name="anchor"/>. For an hour timescale the
    /// due instant is the anchor plus the elapsed hours; for any other the anchor's UK date is used.
    /// </summary>
    /// <exception cref="UnknownTimescaleRuleException">No such timescale.</exception>
    public Deadline Calculate(string ruleId, DateTimeOffset anchor)
    {
        var rule = _catalogue.Get(ruleId);
        var anchorDate = UkTime.ToUkDate(anchor);
        if (rule.Unit != TimescaleUnit.Hours)
        {
            return new Deadline(rule, anchorDate, DueDate(rule, anchorDate));
        }

        var dueInstant = anchor.ToUniversalTime().AddHours(rule.Duration);
        return new Deadline(rule, anchorDate, UkTime.ToUkDate(dueInstant))
        {
            AnchorInstant = anchor.ToUniversalTime(),
            DueInstant = dueInstant,
        };
    }

    /// <summary>Where a deadline stands today, given the UK date the work was done (null when not yet done).</summary>
    /// <exception cref="ArgumentException">The deadline is in hours: use <see cref="AssessAt"/> with the completion instant.</exception>
    public DeadlineAssessment Assess(Deadline deadline, DateOnly? completedOn = null)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        if (deadline.DueInstant is not null && completedOn is not null)
        {
            throw new ArgumentException(
                $"Timescale '{deadline.Rule.Id}' counts hours: give the date and time the work was done, not just the date.",
                nameof(completedOn));
        }

        var today = Today();
        if (completedOn is { } done)
        {
            return done <= deadline.DueDate
                ? new DeadlineAssessment(deadline, DeadlineStatus.MetOnTime, today, 0, 0)
                : new DeadlineAssessment(deadline, DeadlineStatus.MetLate, today, 0, _calendar.WorkingDaysBetween(deadline.DueDate, done));
        }

        if (deadline.DueInstant is { } dueInstant && _timeProvider.GetUtcNow() > dueInstant)
        {
            return new DeadlineAssessment(deadline, DeadlineStatus.Overdue, today, 0, _calendar.WorkingDaysBetween(deadline.DueDate, today));
        }

        return Pending(deadline, today);
    }

    /// <summary>
    /// Where a deadline stands now, given the instant the work was done (null when not yet done). For an hour
    /// timescale the instants are compared; for any other the UK date of the completion is used.
    /// </summary>
    public DeadlineAssessment AssessAt(Deadline deadline, DateTimeOffset? completedAt)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        if (completedAt is not { } done)
        {
            return Assess(deadline);
        }

        if (deadline.DueInstant is not { } dueInstant)
        {
            return Assess(deadline, UkTime.ToUkDate(done));
        }

        var today = Today();
        return done <= dueInstant
            ? new DeadlineAssessment(deadline, DeadlineStatus.MetOnTime, today, 0, 0)
            : new DeadlineAssessment(deadline, DeadlineStatus.MetLate, today, 0, _calendar.WorkingDaysBetween(deadline.DueDate, UkTime.ToUkDate(done)));
    }

    /// <summary>Shorthand: the status of the timescale counted from <paramref name="anchorDate"/>.</summary>
    public DeadlineAssessment Assess(string ruleId, DateOnly anchorDate, DateOnly? completedOn = null) =>
        Assess(Calculate(ruleId, anchorDate), completedOn);

    private DeadlineAssessment Pending(Deadline deadline, DateOnly today)
    {
        if (today > deadline.DueDate)
        {
            return new DeadlineAssessment(deadline, DeadlineStatus.Overdue, today, 0, _calendar.WorkingDaysBetween(deadline.DueDate, today));
        }

        var remaining = _calendar.WorkingDaysBetween(today, deadline.DueDate);
        if (today == deadline.DueDate)
        {
            return new DeadlineAssessment(deadline, DeadlineStatus.DueToday, today, 0, 0);
        }

        var window = deadline.Rule.WarningWorkingDays ?? _options.DefaultWarningWorkingDays;
        var status = remaining <= window ? DeadlineStatus.DueSoon : DeadlineStatus.NotYetDue;
        return new DeadlineAssessment(deadline, status, today, remaining, 0);
    }

    private DateOnly DueDate(TimescaleRule rule, DateOnly anchor) => rule.Unit switch
    {
        TimescaleUnit.WorkingDays => _calendar.AddWorkingDays(anchor, rule.Duration),
        TimescaleUnit.CalendarDays => anchor.AddDays(rule.Duration),
        TimescaleUnit.Weeks => anchor.AddDays(7 * rule.Duration),
        TimescaleUnit.Months => anchor.AddMonths(rule.Duration),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Unit, $"Timescale '{rule.Id}' has a unit with no date rule."),
    };
}
