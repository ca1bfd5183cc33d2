namespace Safeguard.Calendar;

/// <summary>
/// Supplies the one-off proclaimed bank holidays currently in force. The product's database implements this
/// so an administrator can add or remove a day at run time; <see cref="InMemoryProclaimedDaySource"/> serves
/// tests and the command line until then.
/// </summary>
public interface IProclaimedDaySource
{
    /// <summary>The proclaimed days in force now, in any order.</summary>
    ValueTask<IReadOnlyList<ProclaimedDay>> GetProclaimedDaysAsync(CancellationToken cancellationToken = default);
}
