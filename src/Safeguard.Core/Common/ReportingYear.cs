namespace Safeguard.Common;

/// <summary>A partnership reporting year, April to March, named by the year it starts in ("2021-22").</summary>
public readonly record struct ReportingYear(int StartYear)
{
    public DateOnly Start => new(StartYear, 4, 1);

    public DateOnly End => new(StartYear + 1, 3, 31);

    public string Name => $"{StartYear}-{(StartYear + 1) % 100:00}";

    public ReportingYear Previous => new(StartYear - 1);

    /// <summary>The four quarters: Q1 April-June, Q2 July-September, Q3 October-December, Q4 January-March.</summary>
    public IReadOnlyList<ReportingQuarter> Quarters => [Quarter(1), Quarter(2), Quarter(3), Quarter(4)];

    public ReportingQuarter Quarter(int number) => new(this, number);

    public static ReportingYear Of(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    public bool Contains(DateOnly? date) => date is { } d && d >= Start && d <= End;

    public override string ToString() => Name;
}

/// <summary>One quarter of a reporting year.</summary>
public readonly record struct ReportingQuarter
{
    public ReportingQuarter(ReportingYear year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 4);
        Year = year;
        Number = number;
    }

    public ReportingYear Year { get; }

    public int Number { get; }

    public DateOnly Start => Year.Start.AddMonths(3 * (Number - 1));

    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    /// <summary>"Q1", "Q2"…</summary>
    public string Label => $"Q{Number}";

    /// <summary>"2024-25 Q1".</summary>
    public string Name => $"{Year.Name} {Label}";

    /// <summary>The last day of each month of the quarter, for month-end snapshots.</summary>
    public IReadOnlyList<DateOnly> MonthEnds => [Start.AddMonths(1).AddDays(-1), Start.AddMonths(2).AddDays(-1), End];

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public static ReportingQuarter Of(DateOnly date)
    {
        var year = ReportingYear.Of(date);
        var months = ((date.Year - year.StartYear) * 12) + date.Month - 4;
        return new ReportingQuarter(year, (months / 3) + 1);
    }

    public override string ToString() => Name;
}
