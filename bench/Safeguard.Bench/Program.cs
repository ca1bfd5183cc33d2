using System.Diagnostics;
using System.Globalization;
using Safeguard.Calendar;
using Safeguard.Interchange.Cin;
using Safeguard.Interchange.Cin.Rules;

namespace Safeguard.Bench;

/// <summary>
/// Children in need census benchmark: generates valid census files of the given sizes on the fly (in a temporary
/// folder, deleted afterwards), then measures a bare parse and a full validation of each: children per second,
/// MB per second, and memory (peak working set and managed heap, sampled as the file is read, to show it stays
/// flat), and the processor time used (on a shared machine it moves less with the load than the elapsed time does). Usage: dotnet run -c Release --project bench/Safeguard.Bench -- [children ...] (default 20000 500000).
/// With <c>--rules [children]</c> it instead reads that many children (default 20000) into memory and times each
/// single-child rule over them, slowest first, to show where checking spends its time. With <c>--dataset</c> it
/// measures the partnership dataset on generated demo areas instead (see <see cref="DatasetBenchmark"/>); with
/// <c>--census</c>, the census import, re-import and export against validation (see <see cref="CensusBenchmark"/>);
/// with <c>--search &lt;database file&gt;</c>, the person search on a demo area (see <see cref="SearchBenchmark"/>);
/// with <c>--load</c>, the web pages under concurrent signed-in users (see <see cref="LoadBenchmark"/>); with
/// <c>--generate &lt;children&gt; &lt;file&gt;</c>, it only writes a generated 2024-25 return to the file; with
/// <c>--ssda903 [children ...]</c>, the SSDA903 return's validation (see <see cref="Ssda903Benchmark"/>); with
/// <c>--ssda903-import [children ...]</c>, its import, re-import and export (see <see cref="Ssda903ImportBenchmark"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--dataset")
        {
            return DatasetBenchmark.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "--ssda903-import")
        {
            return Ssda903ImportBenchmark.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "--ssda903")
        {
            return Ssda903Benchmark.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "--census")
        {
            return CensusBenchmark.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "--search")
        {
            return SearchBenchmark.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "--load")
        {
            return LoadBenchmark.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        if (args.Length == 3 && args[0] == "--generate")
        {
            // A file to measure the command line with, e.g. /usr/bin/time -v safeguard cin validate <file>.
            using var file = File.Create(args[2]);
            CinCensusGenerator.Write(file, int.Parse(args[1], CultureInfo.InvariantCulture), CinCollection.Parse("2024-25"));
            return 0;
        }

        if (args.Length > 0 && args[0] == "--rules")
        {
            return TimeRules(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000);
        }

        var sizes = args.Length == 0 ? [20_000, 500_000] : args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        var folder = Directory.CreateTempSubdirectory("safeguard-cin-bench-").FullName;
        try
        {
            Console.WriteLine($"{Environment.ProcessorCount} processors, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
            Console.WriteLine("| children | file MB | run | seconds | CPU seconds | children/s | MB/s | peak working set MB | max managed heap MB | heap at 10% / 100% MB | issues |");
            Console.WriteLine("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |");
            foreach (var size in sizes)
            {
                var path = Path.Combine(folder, $"cin-{size}.xml");
                using (var file = File.Create(path))
                {
                    CinCensusGenerator.Write(file, size, CinCollection.Parse("2024-25"));
                }

                var megabytes = new FileInfo(path).Length / 1024.0 / 1024.0;
                Report(size, megabytes, "parse", Measure(path, size, validate: false));
                Report(size, megabytes, "validate", Measure(path, size, validate: true));
                File.Delete(path);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private sealed record Result(double Seconds, double CpuSeconds, long PeakWorkingSet, long MaxHeap, long HeapAtTenth, long HeapAtEnd, long Issues);

    private static Result Measure(string path, int size, bool validate)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        long maxHeap = 0, heapAtTenth = 0, heapAtEnd = 0, peakWorkingSet = 0, children = 0, issues = 0;
        void Sample()
        {
            children++;
            if (children % 2_000 == 0 || children == size)
            {
                var heap = GC.GetTotalMemory(false);
                maxHeap = Math.Max(maxHeap, heap);
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                if (children == size / 10)
                {
                    heapAtTenth = heap;
                }

                heapAtEnd = heap;
            }
        }

        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (validate)
        {
            new CinValidator(new WorkingDayCalendar([])).Validate(stream, Path.GetFileName(path), new CinReaderOptions(), _ => issues++, _ => Sample());
        }
        else
        {
            using var reader = new CinCensusReader(stream, Path.GetFileName(path), new CinReaderOptions(), _ => issues++);
            foreach (var child in reader.ReadChildren())
            {
                Sample();
            }
        }

        stopwatch.Stop();
        process.Refresh();
        return new Result(stopwatch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds, peakWorkingSet, maxHeap, heapAtTenth, heapAtEnd, issues);
    }

    private static void Report(int size, double megabytes, string run, Result result)
    {
        static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {size:N0} | {megabytes:F0} | {run} | {result.Seconds:F2} | {result.CpuSeconds:F2} | {size / result.Seconds:N0} | {megabytes / result.Seconds:F1} | {Mb(result.PeakWorkingSet)} | {Mb(result.MaxHeap)} | {Mb(result.HeapAtTenth)} / {Mb(result.HeapAtEnd)} | {result.Issues} |"));
    }

    private static int TimeRules(int size)
    {
        var collection = CinCollection.Parse("2024-25");
        using var stream = new MemoryStream();
        CinCensusGenerator.Write(stream, size, collection);
        stream.Position = 0;
        var children = new List<CinChild>(size);
        using (var reader = new CinCensusReader(stream, "generated.xml", new CinReaderOptions(), _ => { }))
        {
            children.AddRange(reader.ReadChildren());
        }

        var rules = CinRuleSet.For(collection.Name);
        long issues = 0;
        var context = new CinRuleContext(collection, new WorkingDayCalendar([]), rules.ReferenceData, _ => issues++);
        var timings = new List<(string Code, double Microseconds)>();
        foreach (var rule in rules.ChildRules)
        {
            var stopwatch = new Stopwatch();
            for (var round = 0; round < 3; round++)
            {
                stopwatch.Restart();
                foreach (var child in children)
                {
                    rule.Check(child, context);
                }

                stopwatch.Stop();
            }

            timings.Add((rule.Code, stopwatch.Elapsed.TotalMicroseconds / children.Count));
        }

        var whole = Stopwatch.StartNew();
        foreach (var child in children)
        {
            rules.CheckChild(child, context);
        }

        whole.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{children.Count:N0} children, all single-child rules: {whole.Elapsed.TotalMicroseconds / children.Count:F2} µs a child ({issues} issues)"));
        Console.WriteLine("| rule | µs a child |");
        Console.WriteLine("| --- | ---: |");
        foreach (var (code, microseconds) in timings.OrderByDescending(t => t.Microseconds).Take(20))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {code} | {microseconds:F3} |"));
        }

        return 0;
    }
}
