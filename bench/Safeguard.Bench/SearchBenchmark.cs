using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.DemoData;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.Bench;

/// <summary>
/// Person search benchmark: a demo area (scale 1 by default: about 43,000 children) in a SQLite file, seeded once
/// and kept at the path given so that two builds can be measured on the same data; then each search (the
/// commonest family name with a given name that goes with it, that family name alone, a given name alone, three
/// letters, a name that matches nobody) once cold and ten times warm, each in a new scope as a page would. Reports
/// the median and the slowest warm run, the number found and where the whole name came in the results.
/// Usage: <c>--search &lt;database file&gt; [scale]</c>.
/// </summary>
internal static class SearchBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("Usage: --search <database file> [scale]");
            return 1;
        }

        var path = Path.GetFullPath(args[0]);
        var scale = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSafeguardCore(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={path}")).AddSafeguardIdentityCore();
        await using var provider = services.BuildServiceProvider();
        string given, family;
        using (var scope = provider.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            await SafeguardDatabase.MigrateAsync(db);
            if (!await db.People.AnyAsync())
            {
                var clock = Stopwatch.StartNew();
                var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync("Benchmark area", new DemoOptions(scale));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {seeded.ChildrenAdded:N0} children in {clock.Elapsed.TotalSeconds:0} s into {path}"));
            }

            family = (await db.Set<PersonName>().AsNoTracking().GroupBy(n => n.FamilyName).Select(g => new { g.Key, Count = g.Count() })
                .OrderByDescending(g => g.Count).ThenBy(g => g.Key).FirstAsync()).Key;
            given = (await db.Set<PersonName>().AsNoTracking().Where(n => n.FamilyName == family).OrderBy(n => n.GivenNames).Select(n => n.GivenNames).ToListAsync())
                .Select(g => g.Split(' ')[0]).GroupBy(g => g).OrderBy(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            var people = await db.People.CountAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{people:N0} people, {Environment.ProcessorCount} processors, .NET {Environment.Version}, SQLite"));
        }

        Console.WriteLine("| search | found | whole name at | cold ms | warm median ms | warm slowest ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var name in new[] { $"{given} {family}", family, given, family[..3], "Qzxvbnm" })
        {
            var (cold, found, at) = await SearchAsync(provider, name, $"{given} {family}");
            var warm = new List<double>();
            for (var i = 0; i < 10; i++)
            {
                warm.Add((await SearchAsync(provider, name, $"{given} {family}")).Milliseconds);
            }

            warm.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {found} | {(at < 0 ? "-" : (at + 1).ToString(CultureInfo.InvariantCulture))} | {cold:0} | {(warm[4] + warm[5]) / 2:0} | {warm[^1]:0} |"));
        }

        return 0;
    }

    private static async Task<(double Milliseconds, int Found, int WholeNameAt)> SearchAsync(ServiceProvider provider, string name, string wholeName)
    {
        using var scope = provider.CreateScope();
        var index = scope.ServiceProvider.GetRequiredService<PersonIndex>();
        var clock = Stopwatch.StartNew();
        var found = await index.SearchAsync(new PersonSearch(Name: name), Actor.System("Search benchmark"));
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var at = found.ToList().FindIndex(p => p.Name.StartsWith(wholeName, StringComparison.Ordinal));
        return (elapsed, found.Count, at);
    }
}
