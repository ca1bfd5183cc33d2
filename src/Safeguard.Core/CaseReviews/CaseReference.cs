using System.Globalization;
using System.Text.RegularExpressions;

namespace Safeguard.CaseReviews;

/// <summary>
/// Case references in the local style: a letter (two once the 26 letters of a year are used) and the
/// two-digit year the council became aware, like E21, G21 or Q21.
/// </summary>
public static partial class CaseReference
{
    public static bool IsValid(string reference) => Pattern().IsMatch(reference);

    /// <summary>The two-digit year a reference belongs to ("E21" gives 21).</summary>
    public static int YearOf(string reference) => int.Parse(reference[^2..], CultureInfo.InvariantCulture);

    /// <summary>The next free reference for the year of <paramref name="awareOn"/>: A, B ... Z, then AA, AB ...</summary>
    public static string Next(DateOnly awareOn, IEnumerable<string> used)
    {
        ArgumentNullException.ThrowIfNull(used);
        var year = (awareOn.Year % 100).ToString("00", CultureInfo.InvariantCulture);
        var taken = used.ToHashSet(StringComparer.Ordinal);
        foreach (var letters in Letters())
        {
            var candidate = letters + year;
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"Every case reference for the year {year} is used.");
    }

    private static IEnumerable<string> Letters()
    {
        for (var a = 'A'; a <= 'Z'; a++)
        {
            yield return a.ToString();
        }

        for (var a = 'A'; a <= 'Z'; a++)
        {
            for (var b = 'A'; b <= 'Z'; b++)
            {
                yield return $"{a}{b}";
            }
        }
    }

    [GeneratedRegex("^[A-Z]{1,2}[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
