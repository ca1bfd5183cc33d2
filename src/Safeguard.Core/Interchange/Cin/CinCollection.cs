using System.Globalization;
using System.Text.RegularExpressions;

namespace Safeguard.Interchange.Cin;

/// <summary>
/// A census collection: the year from 1 April to 31 March, named like 2024-25. The census period runs from
/// <see cref="Start"/> to <see cref="ReferenceDate"/> (31 March), both included.
/// </summary>
public sealed partial record CinCollection
{
    private CinCollection(int startYear)
    {
        StartYear = startYear;
        Start = new DateOnly(startYear, 4, 1);
        ReferenceDate = new DateOnly(startYear + 1, 3, 31);
    }

    /// <summary>The calendar year in which the collection year starts (2024 for 2024-25).</summary>
    public int StartYear { get; }

    public string Name => $"{StartYear}-{(StartYear + 1) % 100:00}";

    /// <summary>1 April: the first day of the census period.</summary>
    public DateOnly Start { get; }

    /// <summary>31 March: the reference date and last day of the census period.</summary>
    public DateOnly ReferenceDate { get; }

    /// <summary>True when <paramref name="date"/> falls within the census period.</summary>
    public bool Contains(DateOnly date) => date >= Start && date <= ReferenceDate;

    public static CinCollection ForStartYear(int startYear) =>
        startYear is < 2000 or > 9000
            ? throw new ArgumentOutOfRangeException(nameof(startYear), startYear, "A census collection year must start between 2000 and 9000.")
            : new CinCollection(startYear);

    /// <summary>The collection whose census period contains <paramref name="referenceDate"/> (31 March 2025 gives 2024-25).</summary>
    public static CinCollection Containing(DateOnly referenceDate) =>
        ForStartYear(referenceDate.Month >= 4 ? referenceDate.Year : referenceDate.Year - 1);

    /// <summary>Reads a name such as 2024-25.</summary>
    /// <exception cref="ArgumentException">The name is not of the form yyyy-yy with consecutive years.</exception>
    public static CinCollection Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var match = CollectionName().Match(name);
        if (!match.Success)
        {
            throw new ArgumentException($"'{name}' is not a collection year: write it as yyyy-yy, for example 2024-25.", nameof(name));
        }

        var start = int.Parse(match.Groups["start"].Value, CultureInfo.InvariantCulture);
        var end = int.Parse(match.Groups["end"].Value, CultureInfo.InvariantCulture);
        if ((start + 1) % 100 != end)
        {
            throw new ArgumentException($"'{name}' is not a collection year: the second year must follow the first, as in {start}-{(start + 1) % 100:00}.", nameof(name));
        }

        return ForStartYear(start);
    }

    public override string ToString() => Name;

    [GeneratedRegex(@"^(?<start>\d{4})-(?<end>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex CollectionName();
}
