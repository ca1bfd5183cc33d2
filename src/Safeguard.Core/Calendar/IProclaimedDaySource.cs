namespace Safeguard.Calendar;

/// <summary>
/// Supplies the one-off proclaimed bank holidays currently in force: <see cref="DatabaseProclaimedDaySource"/>
/// reads the days an administrator has added at run time; tests use an in-memory source.
/// </summary>
public interface IProclaimedDaySource
{
    /// <summary>The proclaimed days in force now, in any order.</summary>
    ValueTask<IReadOnlyList<ProclaimedDay>> GetProclaimedDaysAsync(CancellationToken cancellationToken = default);
}
