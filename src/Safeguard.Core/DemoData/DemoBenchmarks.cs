using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Persistence;

namespace Safeguard.DemoData;

/// <summary>
/// Demo comparators for the dashboard's charts and the exception report: the partnership's targets and England and
/// statistical neighbours' averages for the indicators Safeguard computes, for every year of the demo's activity.
/// They are illustrative, and their source says so: a real area enters the published figures.
/// </summary>
internal static class DemoBenchmarks
{
    public const string Source = "Demo data: an illustrative figure, not a published statistic";

    private static readonly (string Code, BenchmarkKind Kind, decimal Value)[] Figures =
    [
        ("4.5a", BenchmarkKind.Target, 1m),
        ("5.2", BenchmarkKind.Target, 20m),
        ("5.2", BenchmarkKind.England, 22.4m),
        ("5.2", BenchmarkKind.StatisticalNeighbours, 21.5m),
        ("5.4", BenchmarkKind.Target, 85m),
        ("5.4", BenchmarkKind.England, 82m),
        ("5.4", BenchmarkKind.StatisticalNeighbours, 84m),
        ("5.5b", BenchmarkKind.England, 333m),
        ("6.3", BenchmarkKind.England, 180m),
        ("6.4", BenchmarkKind.Target, 85m),
        ("6.4", BenchmarkKind.England, 78m),
        ("6.7", BenchmarkKind.Target, 20m),
        ("6.7", BenchmarkKind.England, 23.5m),
    ];

    /// <summary>Adds the comparators for each reporting year from <paramref name="first"/> to this one; nothing when any benchmark exists.</summary>
    public static async Task SeedAsync(SafeguardDbContext db, Actor actor, ReportingYear first, CancellationToken cancellationToken)
    {
        if (await db.Set<IndicatorBenchmark>().AnyAsync(cancellationToken))
        {
            return;
        }

        var now = db.Time.GetUtcNow();
        var current = ReportingYear.Of(UkTime.ToUkDate(now));
        var indicators = await db.Set<Indicator>().AsNoTracking().ToDictionaryAsync(i => i.Code, i => i.Id, StringComparer.Ordinal, cancellationToken);
        using var process = db.BeginProcess("Demo.SeedBenchmarks", actor);
        for (var year = first; year.StartYear <= current.StartYear; year = new ReportingYear(year.StartYear + 1))
        {
            foreach (var (code, kind, value) in Figures)
            {
                if (indicators.TryGetValue(code, out var id))
                {
                    db.Add(new IndicatorBenchmark { IndicatorId = id, YearStart = year.StartYear, Kind = kind, Value = value, Source = Source, RecordedAt = now, RecordedBy = "demo data" });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
