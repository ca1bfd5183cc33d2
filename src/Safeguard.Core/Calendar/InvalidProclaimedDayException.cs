namespace Safeguard.Calendar;

/// <summary>
/// A proclaimed day the calendar cannot accept: it falls on a weekend, has no title, or is already a bank
/// holiday. The message names the date and the reason, ready to show to the administrator.
/// </summary>
public sealed class InvalidProclaimedDayException : ArgumentException
{
    public InvalidProclaimedDayException()
    {
    }

    public InvalidProclaimedDayException(string message)
        : base(message)
    {
    }

    public InvalidProclaimedDayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
