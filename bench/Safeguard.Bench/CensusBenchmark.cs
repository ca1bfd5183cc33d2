using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Interchange.Cin;
using Safeguard.Journey;
using Safeguard.Persistence;

namespace Safeguard.Bench;

/// <summary>
/// Census import and export benchmark: generates a valid census file of the given number of children, then, in a
/// new database (a SQLite file in a temporary folder, or a new PostgreSQL database when <c>--postgres
/// "&lt;connection string&gt;"</c> is given; both dropped afterwards), measures validating it, importing it into the
/// empty database, importing it again (nothing changes) and exporting the collection, each in a new scope as the
/// command would run it, after a warm-up that validates, imports, re-imports and exports a 200-child file in a
/// database of its own (so no measured run pays for the JIT alone). Elapsed and processor seconds are reported, with each run's ratio to validation (the
/// targets: import and export within 5x, an unchanged re-import within 2x). Usage:
/// <c>--census [children ...] [--postgres "Host=...;Username=...;Database=postgres"]</c> (default 20000).
/// </summary>
internal static class CensusBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
        var sizes = args.Where(a => int.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) && a != postgres)
            .Select(a => int.Parse(a, CultureInfo.InvariantCulture)).DefaultIfEmpty(20_000).ToList();
        Console.WriteLine($"{Environment.ProcessorCount} processors, .NET {Environment.Version}, {(postgres is null ? "SQLite" : "PostgreSQL")}");
        Console.WriteLine("| children | run | seconds | CPU seconds | x validate (elapsed) | x validate (CPU) | records |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var size in sizes)
        {
            await MeasureAsync(size, postgres);
        }

        return 0;
    }

    private static async Task MeasureAsync(int size, string? postgres)
    {
        await using var database = BenchDatabase.Create("safeguard_census_bench", size.ToString(CultureInfo.InvariantCulture), postgres);
        var folder = database.Folder;
        var provider = database.Services;
        var collection = CinCollection.Parse("2024-25");
        var path = Path.Combine(folder, $"cin-{size}.xml");
        var exported = Path.Combine(folder, $"cin-{size}-export.xml");
        var actor = Actor.System("census benchmark");
        using (var file = File.Create(path))
        {
            CinCensusGenerator.Write(file, size, collection);
        }

        using (var scope = provider.CreateScope())
        {
            await SafeguardDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>());
        }

        // A warm-up on a small file, so that the first measured run does not pay for the JIT alone.
        var warmup = Path.Combine(folder, "warmup.xml");
        using (var file = File.Create(warmup))
        {
            CinCensusGenerator.Write(file, 200, collection);
        }

        _ = Validate(warmup);
        await WarmUpAsync(warmup, postgres, collection, actor);

        var validate = Measure(() => Task.FromResult($"{Validate(path)} issues"));
        Report(size, "validate", validate, validate);
        var import = Measure(() => ImportAsync(provider, path, actor));
        Report(size, "import (empty database)", import, validate);
        var reimport = Measure(() => ImportAsync(provider, path, actor));
        Report(size, "import again (unchanged)", reimport, validate);
        var export = Measure(async () =>
        {
            using var scope = provider.CreateScope();
            await using var stream = File.Create(exported);
            var result = await scope.ServiceProvider.GetRequiredService<CensusExportService>().ExportAsync(stream, collection, "201", actor);
            return $"{result.Children:N0} children, {result.Episodes:N0} episodes";
        });
        Report(size, "export", export, validate);
    }

    /// <summary>
    /// Imports, re-imports and exports the small file once in a database of its own, so that the measured runs, like
    /// the measured validation, do not pay for the JIT and EF Core's first compilation of each query: each is then
    /// compared with validation on the same footing.
    /// </summary>
    private static async Task WarmUpAsync(string warmup, string? postgres, CinCollection collection, Actor actor)
    {
        await using var database = BenchDatabase.Create("safeguard_census_warmup", "200", postgres);
        using (var scope = database.Services.CreateScope())
        {
            await SafeguardDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>());
        }

        _ = await ImportAsync(database.Services, warmup, actor);
        _ = await ImportAsync(database.Services, warmup, actor);
        using (var scope = database.Services.CreateScope())
        {
            await using var stream = File.Create(Path.Combine(database.Folder, "warmup-export.xml"));
            _ = await scope.ServiceProvider.GetRequiredService<CensusExportService>().ExportAsync(stream, collection, "201", actor);
        }
    }

    private static long Validate(string path)
    {
        long issues = 0;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        new CinValidator(new WorkingDayCalendar([])).Validate(stream, Path.GetFileName(path), new CinReaderOptions(), _ => issues++, null);
        return issues;
    }

    private static async Task<string> ImportAsync(ServiceProvider provider, string path, Actor actor)
    {
        using var scope = provider.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<CensusImportService>()
            .ImportAsync(path, new CensusImportOptions { AcceptQueries = true }, actor);
        return $"{result.Created:N0} created, {result.Changed:N0} changed, {result.Unchanged:N0} unchanged";
    }

    private sealed record Result(double Seconds, double CpuSeconds, string What);

    private static Result Measure(Func<Task<string>> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var what = run().GetAwaiter().GetResult();
        clock.Stop();
        process.Refresh();
        return new Result(clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds, what);
    }

    private static void Report(int size, string run, Result result, Result validate) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {size:N0} | {run} | {result.Seconds:F2} | {result.CpuSeconds:F2} | {result.Seconds / validate.Seconds:F1} | {result.CpuSeconds / validate.CpuSeconds:F1} | {result.What} |"));
}
