using Microsoft.EntityFrameworkCore;

namespace Safeguard.Common;

/// <summary>
/// What the services that keep records do the same way: a change with any problem is refused whole, naming each
/// field; text is stored tidied and cut to its column; and a save leaves the (scoped) context with nothing tracked,
/// so the next read on it sees the database as it is.
/// </summary>
public static class RecordKeeping
{
    /// <summary>Refuses the change when <paramref name="problems"/> holds any, with all of them.</summary>
    /// <exception cref="SafeguardValidationException">There is at least one problem.</exception>
    public static void ThrowIfAny(IReadOnlyList<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }
    }

    /// <summary>Optional text as it is stored: null when blank, otherwise without white space at either end.</summary>
    public static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Text cut to at most <paramref name="length"/> characters (a name copied into a column of that size).</summary>
    public static string Fit(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= length ? text : text[..length];
    }

    /// <summary>Like <see cref="Fit"/>, of the text without white space at either end, and with none left where it was cut.</summary>
    public static string FitTrimmed(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Fit(text.Trim(), length).TrimEnd();
    }

    /// <summary>Saves the changes, then forgets every tracked entity whether the save worked or was refused.</summary>
    public static async Task SaveAndClearAsync(this DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
