using System.Globalization;

namespace Safeguard.AnnualReport;

/// <summary>How figures are written in the report.</summary>
public static class ReportText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string N(int value) => value.ToString("N0", English);

    public static string N(decimal? value) => value is { } v ? v.ToString(v == decimal.Truncate(v) ? "N0" : "N1", English) : "-";

    public static string Money(decimal value) => value.ToString(value == decimal.Truncate(value) ? "C0" : "C2", English);

    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.0", English) + "%" : "-";

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    public static string Change(decimal? value) => value is { } v ? (v > 0 ? "+" : "") + N(v) : "-";
}
