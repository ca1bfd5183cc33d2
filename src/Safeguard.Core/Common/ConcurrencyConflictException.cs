namespace Safeguard.Common;

/// <summary>
/// Somebody else saved the record after it was read: the save is refused so that neither change is lost.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
        : this("This record was changed by someone else after you opened it. Nothing was saved. Reload the record to see their change, then make yours again.")
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
