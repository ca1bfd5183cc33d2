using System.Text.RegularExpressions;

namespace Safeguard.People;

/// <summary>UK postcodes: an outward code (area, district) and an inward code (sector digit, two unit letters).</summary>
public static partial class UkPostcode
{
    /// <summary>The postcode in capitals with one space before the inward code, or null when it is not a UK postcode's form.</summary>
    public static string? Normalise(string? postcode)
    {
        if (postcode is null)
        {
            return null;
        }

        var compact = string.Concat(postcode.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (!Shape().IsMatch(compact))
        {
            return null;
        }

        return $"{compact[..^3]} {compact[^3..]}";
    }

    // Area letters, a district (digit, digit-digit, digit-letter), then digit + two letters; GIR 0AA is the one exception.
    [GeneratedRegex("^(GIR0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY])[0-9][ABD-HJLNP-UW-Z]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
