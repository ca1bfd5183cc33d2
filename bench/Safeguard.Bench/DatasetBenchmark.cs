using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.DemoData;
using Safeguard.Persistence;

namespace Safeguard.Bench;

/// <summary>
/// Partnership dataset benchmark: seeds a demo area of each scale into its own database (a SQLite file in a
/// temporary folder, or a new PostgreSQL database when <c>--postgres "&lt;connection string&gt;"</c> is given; both
/// dropped afterwards), reports how long seeding took, then computes the whole dataset for the last complete
/// reporting year: once cold (the first computation in the process) and five times warm, each in a new scope (its
/// records read again), as a page or command would; the best and the median of the five are reported, since a
/// shared machine's speed varies from run to run. Usage: <c>--dataset [scale ...] [--postgres "Host=...;Username=...;Database=postgres"]</c>
/// (default scale 1).
/// </summary>
internal static class DatasetBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
        var scales = args.Where(a => double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && a != postgres)
            .Select(a => double.Parse(a, CultureInfo.InvariantCulture)).DefaultIfEmpty(1).ToList();
        Console.WriteLine($"{Environment.ProcessorCount} processors, .NET {Environment.Version}, {(postgres is null ? "SQLite" : "PostgreSQL")}");
        Console.WriteLine("| scale | children | contacts | referrals | seed seconds | dataset cold seconds | dataset warm seconds, best of 5 | warm median | indicators |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var scale in scales)
        {
            await MeasureAsync(scale, postgres);
        }

        return 0;
    }

    private static async Task MeasureAsync(double scale, string? postgres)
    {
        await using var database = BenchDatabase.Create("safeguard_bench", ((int)(scale * 1000)).ToString(CultureInfo.InvariantCulture), postgres);
        var provider = database.Services;
        var clock = Stopwatch.StartNew();
        DemoSeedResult seeded;
        using (var scope = provider.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            await SafeguardDatabase.MigrateAsync(db);
            seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync("Benchmark area", new DemoOptions(scale));
        }

        var seedSeconds = clock.Elapsed.TotalSeconds;
        var year = ReportingYear.Of(Calendar.UkTime.Today(provider.GetRequiredService<TimeProvider>())).Previous;
        var (cold, indicators) = await ComputeAsync(provider, year);
        var warm = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            warm.Add((await ComputeAsync(provider, year)).Seconds);
        }

        warm.Sort();

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {scale} | {seeded.ChildrenAdded:N0} | {seeded.ContactsAdded:N0} | {seeded.ReferralsAdded:N0} | {seedSeconds:0.0} | {cold:0.000} | {warm[0]:0.000} | {warm[2]:0.000} | {indicators} |"));
    }

    private static async Task<(double Seconds, int Indicators)> ComputeAsync(ServiceProvider provider, ReportingYear year)
    {
        using var scope = provider.CreateScope();
        var calculator = scope.ServiceProvider.GetRequiredService<DatasetCalculator>();
        var clock = Stopwatch.StartNew();
        var result = await calculator.ComputeAsync(year);
        return (clock.Elapsed.TotalSeconds, result.Rows.Count(r => r.Indicator.Source == IndicatorSource.Computed));
    }
}
