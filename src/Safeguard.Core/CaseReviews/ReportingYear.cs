namespace Safeguard.CaseReviews;

/// <summary>A partnership reporting year, April to March, named by the year it starts in ("2021-22").</summary>
public readonly record struct ReportingYear(int StartYear)
{
    public DateOnly Start => new(StartYear, 4, 1);

    public DateOnly End => new(StartYear + 1, 3, 31);

    public string Name => $"{StartYear}-{(StartYear + 1) % 100:00}";

    public static ReportingYear Of(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    public bool Contains(DateOnly? date) => date is { } d && d >= Start && d <= End;

    public override string ToString() => Name;
}
