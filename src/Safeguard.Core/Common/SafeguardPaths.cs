namespace Safeguard.Common;

/// <summary>
/// Where Safeguard keeps its files when nothing is configured. The web app and the CLI must agree on the
/// embedded database file, whichever folder they are started from, so the default is the <c>data/</c>
/// folder beside the solution file when running from a checkout, and <c>data/</c> under the current
/// directory otherwise (an installed copy).
/// </summary>
public static class SafeguardPaths
{
    public const string SolutionFileName = "Safeguard.slnx";

    public static string DefaultDataDirectory()
    {
        var root = FindCheckoutRoot(Directory.GetCurrentDirectory()) ?? FindCheckoutRoot(AppContext.BaseDirectory);
        return Path.Combine(root ?? Directory.GetCurrentDirectory(), "data");
    }

    public static string DefaultSqliteConnectionString() =>
        $"Data Source={Path.Combine(DefaultDataDirectory(), "safeguard.db")}";

    public static string? FindCheckoutRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
