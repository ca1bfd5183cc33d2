using System.Collections.Concurrent;

namespace Safeguard.Calendar;

/// <summary>
/// Working days in England and Wales: Monday to Friday, except bank holidays (the known list, the standing
/// rules outside it, and the proclaimed days given to the constructor). Every working-day deadline in the
/// product is worked out here. An instance is an immutable snapshot and safe to share between threads; build a
/// new one when an administrator changes the proclaimed days.
/// </summary>
/// <remarks>
/// <para>The counting convention, used throughout the product (see <c>docs/timescales.md</c>):</para>
/// <list type="bullet">
/// <item><description>"Within N working days of X" means on or before <c>AddWorkingDays(X, N)</c>: the day of
/// X itself is never counted, and the first day counted is the first working day after X.</description></item>
/// <item><description><c>AddWorkingDays(X, 0)</c> is X unchanged, even when X is not a working day.</description></item>
/// <item><description><c>WorkingDaysBetween(from, to)</c> counts the working days after <c>from</c> up to and
/// including <c>to</c> (the half-open interval (from, to]); it is negative when <c>to</c> is before
/// <c>from</c>.</description></item>
/// <item><description>So <c>WorkingDaysBetween(X, AddWorkingDays(X, N)) == N</c> for every date X, working
/// day or not, and every N &gt;= 0.</description></item>
/// </list>
/// </remarks>
public sealed class WorkingDayCalendar
{
    private readonly Dictionary<int, List<ProclaimedDay>> _proclaimedByYear;
    private readonly ConcurrentDictionary<int, YearOfHolidays> _years = new();

    /// <summary>Builds a calendar with the given proclaimed days on top of the England and Wales holidays.</summary>
    /// <param name="proclaimedDays">The one-off proclaimed days in force; pass an empty list when there are none.</param>
    /// <exception cref="InvalidProclaimedDayException">A day is on a weekend, untitled, already a holiday, or listed twice.</exception>
    public WorkingDayCalendar(IEnumerable<ProclaimedDay> proclaimedDays)
    {
        ArgumentNullException.ThrowIfNull(proclaimedDays);
        var days = proclaimedDays.ToList();
        _proclaimedByYear = [];
        foreach (var day in days)
        {
            CheckProclaimedDay(day);
            if (!_proclaimedByYear.TryGetValue(day.Date.Year, out var list))
            {
                list = [];
                _proclaimedByYear[day.Date.Year] = list;
            }

            list.Add(day);
        }

        ProclaimedDays = [.. days.OrderBy(d => d.Date)];
    }

    /// <summary>A calendar from the proclaimed days a source holds now (for example the database).</summary>
    public static async ValueTask<WorkingDayCalendar> CreateAsync(IProclaimedDaySource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new WorkingDayCalendar(await source.GetProclaimedDaysAsync(cancellationToken));
    }

    /// <summary>The proclaimed days this calendar was built with, in date order.</summary>
    public IReadOnlyList<ProclaimedDay> ProclaimedDays { get; }

    /// <summary>The bank holidays of <paramref name="year"/>, including proclaimed days, in date order.</summary>
    public IReadOnlyList<BankHoliday> HolidaysIn(int year) => Year(year).Holidays;

    /// <summary>The bank holiday on <paramref name="date"/>, or null when it is not one.</summary>
    public BankHoliday? HolidayOn(DateOnly date) =>
        Year(date.Year).ByDate.TryGetValue(date, out var holiday) ? holiday : null;

    public bool IsBankHoliday(DateOnly date) => Year(date.Year).ByDate.ContainsKey(date);

    /// <summary>True for Monday to Friday when the day is not a bank holiday.</summary>
    public bool IsWorkingDay(DateOnly date) => !EnglandAndWalesBankHolidays.IsWeekend(date) && !IsBankHoliday(date);

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        var next = Step(date, 1);
        while (!IsWorkingDay(next))
        {
            next = Step(next, 1);
        }

        return next;
    }

    /// <summary>The last working day strictly before <paramref name="date"/>.</summary>
    public DateOnly PreviousWorkingDay(DateOnly date)
    {
        var previous = Step(date, -1);
        while (!IsWorkingDay(previous))
        {
            previous = Step(previous, -1);
        }

        return previous;
    }

    private static DateOnly Step(DateOnly date, int days) =>
        (days > 0 && date == DateOnly.MaxValue) || (days < 0 && date == DateOnly.MinValue)
            ? throw new ArgumentOutOfRangeException(
                nameof(date),
                date,
                $"The calendar runs from {DateOnly.MinValue:yyyy-MM-dd} to {DateOnly.MaxValue:yyyy-MM-dd}; there is no working day {(days > 0 ? "after" : "before")} {date:yyyy-MM-dd} within it.")
            : date.AddDays(days);

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="date"/>: the due date of
    /// something that must happen "within <paramref name="workingDays"/> working days" of it. The start day is
    /// not counted. With 0 the date comes back unchanged, even when it is not a working day; with 1 or more the
    /// result is always a working day.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is negative.</exception>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        if (workingDays < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(workingDays),
                workingDays,
                $"The number of working days to add must be zero or more, but was {workingDays}; use PreviousWorkingDay or WorkingDaysBetween to count backwards.");
        }

        var result = date;
        for (var counted = 0; counted < workingDays; counted++)
        {
            result = NextWorkingDay(result);
        }

        return result;
    }

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>;
    /// the start day is not counted. Negative (minus the count from <paramref name="to"/> to
    /// <paramref name="from"/>) when <paramref name="to"/> is earlier, and 0 when the dates are equal.
    /// <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c> for every d and every n &gt;= 0.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var day = from; day < to;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Checks a day an administrator wants to proclaim against this calendar: it must be a weekday with a
    /// title, and not already a bank holiday (from the list, the rules or an earlier proclamation).
    /// </summary>
    /// <exception cref="InvalidProclaimedDayException">The day cannot be proclaimed; the message says why.</exception>
    public void ValidateNewProclaimedDay(ProclaimedDay day) => CheckProclaimedDay(day);

    private void CheckProclaimedDay(ProclaimedDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        if (string.IsNullOrWhiteSpace(day.Title))
        {
            throw new InvalidProclaimedDayException($"Proclaimed day {day.Date:yyyy-MM-dd} has no title; give the name used in the proclamation.");
        }

        if (EnglandAndWalesBankHolidays.IsWeekend(day.Date))
        {
            throw new InvalidProclaimedDayException(
                $"Proclaimed day {day.Date:yyyy-MM-dd} ({day.Title}) falls on a {day.Date.DayOfWeek}; a proclaimed bank holiday must be a weekday (Monday to Friday).");
        }

        var standing = EnglandAndWalesBankHolidays.ForYear(day.Date.Year).FirstOrDefault(h => h.Date == day.Date);
        if (standing is not null)
        {
            throw new InvalidProclaimedDayException(
                $"Proclaimed day {day.Date:yyyy-MM-dd} ({day.Title}) duplicates an existing bank holiday: {standing.Title} ({Describe(standing.Source)}).");
        }

        var proclaimed = _proclaimedByYear.TryGetValue(day.Date.Year, out var sameYear)
            ? sameYear.FirstOrDefault(d => d.Date == day.Date)
            : null;
        if (proclaimed is not null)
        {
            throw new InvalidProclaimedDayException(
                $"Proclaimed day {day.Date:yyyy-MM-dd} ({day.Title}) duplicates an existing bank holiday: {proclaimed.Title} ({Describe(HolidaySource.Proclaimed)}).");
        }
    }

    private static string Describe(HolidaySource source) => source switch
    {
        HolidaySource.KnownList => "from the published list",
        HolidaySource.Rule => "from the standing rules",
        _ => "already proclaimed",
    };

    private YearOfHolidays Year(int year) => _years.GetOrAdd(year, y =>
    {
        var holidays = EnglandAndWalesBankHolidays.ForYear(y).ToList();
        if (_proclaimedByYear.TryGetValue(y, out var proclaimed))
        {
            holidays.AddRange(proclaimed.Select(p => new BankHoliday(p.Date, p.Title, HolidaySource.Proclaimed)));
        }

        holidays.Sort((a, b) => a.Date.CompareTo(b.Date));
        return new YearOfHolidays(holidays, holidays.ToDictionary(h => h.Date));
    });

    private sealed record YearOfHolidays(IReadOnlyList<BankHoliday> Holidays, IReadOnlyDictionary<DateOnly, BankHoliday> ByDate);
}
