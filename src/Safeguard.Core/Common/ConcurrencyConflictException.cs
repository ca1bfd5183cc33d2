using Microsoft.EntityFrameworkCore;

namespace Safeguard.Common;

/// <summary>
/// Somebody else saved the record after it was read: the save is refused so that neither change is lost.
/// It is a <see cref="DbUpdateConcurrencyException"/>, so code that already handles EF Core's conflicts
/// (ASP.NET Core Identity's stores, which answer with a ConcurrencyFailure result) keeps working.
/// </summary>
public sealed class ConcurrencyConflictException : DbUpdateConcurrencyException
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
