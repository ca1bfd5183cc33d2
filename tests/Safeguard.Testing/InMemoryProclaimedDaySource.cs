using Safeguard.Calendar;

namespace Safeguard.Testing;

/// <summary>
/// Proclaimed days held in memory. Adding a day checks it the same way the calendar does (weekday, not already
/// a bank holiday, not proclaimed twice), so a bad day is refused when it is added rather than when a deadline
/// is next worked out.
/// </summary>
public sealed class InMemoryProclaimedDaySource : IProclaimedDaySource
{
    private readonly Lock _lock = new();
    private readonly List<ProclaimedDay> _days = [];

    public InMemoryProclaimedDaySource(IEnumerable<ProclaimedDay>? initialDays = null)
    {
        foreach (var day in initialDays ?? [])
        {
            Add(day);
        }
    }

    public ValueTask<IReadOnlyList<ProclaimedDay>> GetProclaimedDaysAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult<IReadOnlyList<ProclaimedDay>>([.. _days]);
        }
    }

    /// <summary>Adds a proclaimed day.</summary>
    /// <exception cref="InvalidProclaimedDayException">The day is on a weekend, untitled, or already a holiday.</exception>
    public void Add(ProclaimedDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        lock (_lock)
        {
            new WorkingDayCalendar(_days).ValidateNewProclaimedDay(day);
            _days.Add(day);
        }
    }

    /// <summary>Removes the proclaimed day on <paramref name="date"/>; false when there is none.</summary>
    public bool Remove(DateOnly date)
    {
        lock (_lock)
        {
            return _days.RemoveAll(d => d.Date == date) > 0;
        }
    }
}
