using System.Diagnostics;
using System.Globalization;
using Safeguard.Interchange.Cin;
using Safeguard.Interchange.Ssda903;

namespace Safeguard.Bench;

/// <summary>
/// SSDA903 benchmark: generates returns of the given numbers of children (default 10,000 and 100,000) with
/// <see cref="Ssda903Generator"/> in a temporary folder, validates each against the 2024-25 rules and prints rows
/// and children per second, the issues found, and memory (peak working set of the process and the managed heap
/// after the run). With <c>--keep &lt;folder&gt;</c> the files of the first size are left there, to run another
/// validator on the same files. Usage: dotnet run -c Release --project bench/Safeguard.Bench -- --ssda903 [children ...] [--keep folder].
/// With <c>--files &lt;folder&gt; [--repeat n]</c> it instead validates the return in that folder n times (default 5) in one
/// process, and prints for each run the seconds and processor seconds spent reading the files (the reader alone) and
/// validating them (reading and every rule): the first run carries the JIT of the reader and the rules, the later ones
/// show the steady cost, and the difference between the two columns is the rules' share.
/// </summary>
internal static class Ssda903Benchmark
{
    public static int Run(string[] args)
    {
        var filesAt = Array.IndexOf(args, "--files");
        if (filesAt >= 0 && filesAt + 1 < args.Length)
        {
            var repeatAt = Array.IndexOf(args, "--repeat");
            return RunFiles(args[filesAt + 1], repeatAt >= 0 && repeatAt + 1 < args.Length ? int.Parse(args[repeatAt + 1], CultureInfo.InvariantCulture) : 5);
        }

        var keepAt = Array.IndexOf(args, "--keep");
        var keep = keepAt >= 0 && keepAt + 1 < args.Length ? args[keepAt + 1] : null;
        var sizes = args.Where((a, i) => i != keepAt && i != keepAt + 1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        if (sizes.Length == 0)
        {
            sizes = [10_000, 100_000];
        }

        var collection = CinCollection.Parse("2024-25");
        Console.WriteLine("children  rows       tables  seconds  rows/s     children/s  issues   peak working set  managed heap after");
        foreach (var size in sizes)
        {
            var folder = keep is not null && size == sizes[0] ? keep : Directory.CreateTempSubdirectory("safeguard-903-bench-").FullName;
            try
            {
                Ssda903Generator.Write(folder, size, collection);
                GC.Collect();
                var clock = Stopwatch.StartNew();
                long issues = 0;
                var summary = Ssda903Validator.Validate(Ssda903File.FromPaths([folder]), collection, _ => issues++);
                clock.Stop();
                using var process = Process.GetCurrentProcess();
                process.Refresh();
                var seconds = clock.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{size,-9} {summary.Rows,-10} {summary.Files.Count,-7} {seconds,-8:F2} {summary.Rows / seconds,-10:N0} {size / seconds,-11:N0} {issues,-8:N0} {process.PeakWorkingSet64 / 1048576.0,-17:N0} MB {GC.GetTotalMemory(false) / 1048576.0:N0} MB"));
            }
            finally
            {
                if (folder != keep)
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }

        return 0;
    }

    private static int RunFiles(string folder, int repeat)
    {
        var collection = CinCollection.Parse("2024-25");
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process start to here: {(DateTime.Now - process.StartTime).TotalSeconds:F2} s, processor {process.TotalProcessorTime.TotalSeconds:F2} s"));
        Console.WriteLine("run  read s  read cpu s  validate s  validate cpu s  rows     issues   peak working set");
        for (var run = 1; run <= repeat; run++)
        {
            var (readSeconds, readCpu) = Measure(process, () => new Ssda903Reader(_ => { }).Read(Ssda903File.FromPaths([folder])));
            long issues = 0;
            Ssda903ValidationSummary? summary = null;
            var (seconds, cpu) = Measure(process, () => summary = Ssda903Validator.Validate(Ssda903File.FromPaths([folder]), collection, _ => issues++));
            process.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{run,-4} {readSeconds,-7:F3} {readCpu,-11:F3} {seconds,-11:F3} {cpu,-15:F3} {summary!.Rows,-8} {issues,-8} {process.PeakWorkingSet64 / 1048576.0:N0} MB"));
        }

        return 0;
    }

    private static (double Seconds, double Cpu) Measure(Process process, Action action)
    {
        GC.Collect();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        clock.Stop();
        process.Refresh();
        return (clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }
}
