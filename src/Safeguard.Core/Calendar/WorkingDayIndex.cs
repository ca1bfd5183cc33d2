namespace Safeguard.Calendar;

/// <summary>
/// Working days between two dates in constant time, for counting many records at once (the dataset's timeliness
/// measures): the calendar's working days are counted once over a range, and any two dates in it are a subtraction.
/// Dates outside the range are counted by the calendar itself. Agrees with <see cref="WorkingDayCalendar.WorkingDaysBetween"/>.
/// </summary>
public sealed class WorkingDayIndex
{
    private readonly WorkingDayCalendar _calendar;
    private readonly DateOnly _first;
    private readonly int[] _counted;

    public WorkingDayIndex(WorkingDayCalendar calendar, DateOnly first, DateOnly last)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
        _first = first;
        var days = Math.Max(0, last.DayNumber - first.DayNumber) + 1;
        _counted = new int[days];
        for (var i = 1; i < days; i++)
        {
            _counted[i] = _counted[i - 1] + (calendar.IsWorkingDay(first.AddDays(i)) ? 1 : 0);
        }
    }

    /// <summary>As <see cref="WorkingDayCalendar.WorkingDaysBetween"/>: the working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int Between(DateOnly from, DateOnly to)
    {
        var a = from.DayNumber - _first.DayNumber;
        var b = to.DayNumber - _first.DayNumber;
        return a >= 0 && b >= 0 && a < _counted.Length && b < _counted.Length
            ? _counted[b] - _counted[a]
            : _calendar.WorkingDaysBetween(from, to);
    }
}
