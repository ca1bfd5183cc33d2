using System.Globalization;

namespace Safeguard.Core.Tests;

/// <summary>Dates written literally in tests, read the same way in every culture.</summary>
internal static class TestDates
{
    public static DateOnly D(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset At(string isoInstant) => DateTimeOffset.Parse(isoInstant, CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
