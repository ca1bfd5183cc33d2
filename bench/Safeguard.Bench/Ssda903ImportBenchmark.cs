using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Interchange.Cin;
using Safeguard.Interchange.Ssda903;
using Safeguard.LookedAfter;
using Safeguard.Persistence;

namespace Safeguard.Bench;

/// <summary>
/// SSDA903 import and export benchmark: generates a return (<see cref="Ssda903Generator"/>) and leaves out the
/// children the validator finds issues for, so the return imports; then, in a new database (SQLite in a temporary
/// folder, or PostgreSQL with <c>--postgres "&lt;connection string&gt;"</c>; dropped afterwards), measures validating
/// it, importing it into the empty database, importing it again (nothing changes) and exporting the year, each in a
/// new scope as the command runs it: seconds, processor seconds and rows per second. Usage:
/// <c>--ssda903-import [children ...] [--postgres "Host=...;Username=...;Database=postgres"]</c> (default 10000).
/// </summary>
internal static class Ssda903ImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
        var sizes = args.Where(a => int.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) && a != postgres)
            .Select(a => int.Parse(a, CultureInfo.InvariantCulture)).DefaultIfEmpty(10_000).ToList();
        Console.WriteLine($"{Environment.ProcessorCount} processors, .NET {Environment.Version}, {(postgres is null ? "SQLite" : "PostgreSQL")}");
        Console.WriteLine("| children | rows | run | seconds | CPU seconds | rows/s | what |");
        Console.WriteLine("| ---: | ---: | --- | ---: | ---: | ---: | --- |");
        foreach (var size in sizes)
        {
            await MeasureAsync(size, postgres);
        }

        return 0;
    }

    private static async Task MeasureAsync(int size, string? postgres)
    {
        await using var database = BenchDatabase.Create("safeguard_903_bench", size.ToString(CultureInfo.InvariantCulture), postgres);
        var provider = database.Services;
        var collection = CinCollection.Parse("2024-25");
        var folder = Path.Combine(database.Folder, "return");
        Ssda903Generator.Write(folder, size, collection);
        var (_, issues) = Ssda903Validator.Validate(Ssda903File.FromPaths([folder]), collection);
        var withIssues = issues.Select(i => i.ChildId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.csv"))
        {
            var lines = File.ReadAllLines(file);
            File.WriteAllLines(file, [lines[0], .. lines.Skip(1).Where(l => !withIssues.Contains(l[..l.IndexOf(',', StringComparison.Ordinal)]))]);
        }

        using (var scope = provider.CreateScope())
        {
            await SafeguardDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>());
        }

        var actor = Actor.System("ssda903 benchmark");
        var files = Ssda903File.FromPaths([folder]).ToList();
        var validated = Measure(() =>
        {
            var summary = Ssda903Validator.Validate(files, collection, _ => { });
            return Task.FromResult((summary.Rows, $"{summary.Children:N0} children, {summary.Errors:N0} errors"));
        });
        Report(size, "validate", validated, validated.Rows);
        var import = Measure(() => ImportAsync(provider, files, collection, actor));
        Report(size, "import (empty database)", import, validated.Rows);
        var again = Measure(() => ImportAsync(provider, files, collection, actor));
        Report(size, "import again (unchanged)", again, validated.Rows);
        var export = Measure(async () =>
        {
            using var scope = provider.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<Ssda903ExportService>().ExportAsync(Path.Combine(database.Folder, "export"), collection, actor);
            return ((long)result.Files.Sum(f => f.Rows), $"{result.Children:N0} children, {string.Join(", ", result.Files.Select(f => $"{f.Rows:N0} {f.Table}"))}");
        });
        Report(size, "export", export, export.Rows);
    }

    private static async Task<(long Rows, string What)> ImportAsync(ServiceProvider provider, List<Ssda903File> files, CinCollection collection, Actor actor)
    {
        using var scope = provider.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<Ssda903ImportService>().ImportAsync(files, new Ssda903ImportOptions { Collection = collection }, actor);
        return (result.Rows, $"{result.Created:N0} created, {result.Changed:N0} changed, {result.Unchanged:N0} unchanged, {result.NotImported.Sum(n => n.Rows):N0} rows not kept");
    }

    private sealed record Result(double Seconds, double CpuSeconds, long Rows, string What);

    private static Result Measure(Func<Task<(long Rows, string What)>> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var (rows, what) = run().GetAwaiter().GetResult();
        clock.Stop();
        process.Refresh();
        return new Result(clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds, rows, what);
    }

    private static void Report(int size, string run, Result result, long rows) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {size:N0} | {rows:N0} | {run} | {result.Seconds:F2} | {result.CpuSeconds:F2} | {rows / result.Seconds:N0} | {result.What} |"));
}
