using Safeguard.Common;

namespace Safeguard.Calendar;

/// <summary>
/// A one-off bank holiday proclaimed by Royal Proclamation (a coronation, a state funeral), added by an
/// administrator at run time so deadlines move without a release. Withdrawing one deletes the row; the
/// audit trail keeps what it was and who removed it.
/// </summary>
public sealed class ProclaimedBankHoliday : Entity
{
    public DateOnly Date { get; set; }

    public required string Title { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}
