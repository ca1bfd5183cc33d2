using System.Globalization;
using Safeguard.Common;

namespace Safeguard.ImprovementPlan;

/// <summary>
/// A reporting period of a plan: a quarter of the reporting year ("2026-Q3" is 2026-27 Q3, October to December 2026)
/// or a calendar month ("2026-11").
/// </summary>
public readonly record struct PlanPeriod(ReportingFrequency Frequency, DateOnly Start)
{
    public DateOnly End => Frequency == ReportingFrequency.Quarterly ? Start.AddMonths(3).AddDays(-1) : Start.AddMonths(1).AddDays(-1);

    public string Key => Frequency == ReportingFrequency.Quarterly
        ? $"{ReportingQuarter.Of(Start).Year.StartYear}-Q{ReportingQuarter.Of(Start).Number}"
        : Start.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public string Name => Frequency == ReportingFrequency.Quarterly
        ? $"{ReportingQuarter.Of(Start).Name} ({Start.ToString("MMMM", CultureInfo.GetCultureInfo("en-GB"))} to {End.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))})"
        : Start.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public PlanPeriod Previous => new(Frequency, Frequency == ReportingFrequency.Quarterly ? Start.AddMonths(-3) : Start.AddMonths(-1));

    public PlanPeriod Next => new(Frequency, Frequency == ReportingFrequency.Quarterly ? Start.AddMonths(3) : Start.AddMonths(1));

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public static PlanPeriod Of(ReportingFrequency frequency, DateOnly date) => frequency == ReportingFrequency.Quarterly
        ? new(frequency, ReportingQuarter.Of(date).Start)
        : new(frequency, new DateOnly(date.Year, date.Month, 1));

    /// <summary>Reads a period's key for a plan reported at <paramref name="frequency"/>; null when it is not one.</summary>
    public static PlanPeriod? Parse(ReportingFrequency frequency, string? key)
    {
        var text = key?.Trim() ?? "";
        if (frequency == ReportingFrequency.Quarterly)
        {
            var parts = text.Split("-Q", StringSplitOptions.None);
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 1999 and < 2200
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is >= 1 and <= 4)
            {
                return new PlanPeriod(frequency, new ReportingYear(year).Quarter(q).Start);
            }

            return null;
        }

        return DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is > 1999 and < 2200
            ? new PlanPeriod(frequency, month)
            : null;
    }

    /// <summary>What a period's key looks like, for error messages.</summary>
    public static string Example(ReportingFrequency frequency) => frequency == ReportingFrequency.Quarterly ? "2026-Q3 (2026-27 Q3)" : "2026-11 (November 2026)";

    /// <summary>Every period of a plan from its start to the one containing <paramref name="until"/> (or its end), newest first.</summary>
    public static IReadOnlyList<PlanPeriod> Between(ReportingFrequency frequency, DateOnly starts, DateOnly until)
    {
        var list = new List<PlanPeriod>();
        for (var p = Of(frequency, until); p.End >= starts && list.Count < 240; p = p.Previous)
        {
            list.Add(p);
        }

        return list;
    }

    public override string ToString() => Key;
}
