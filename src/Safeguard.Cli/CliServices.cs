using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Calendar;
using Safeguard.Persistence;
using Safeguard.Timescales;

namespace Safeguard.Cli;

/// <summary>
/// What the command verbs need from the rest of the product, made on demand so a verb that does not need the
/// database never opens it. Every verb accepts <c>--provider</c> and <c>--connection</c>; without them the CLI
/// uses the same embedded SQLite file as the web app.
/// </summary>
public sealed class CliServices
{
    /// <summary>The <c>--provider</c> option (Sqlite or Postgres), on every verb.</summary>
    public Option<string?> ProviderOption { get; } = new("--provider")
    {
        Description = "The database: Sqlite (default) or Postgres",
        Recursive = true,
    };

    /// <summary>The <c>--connection</c> option, on every verb.</summary>
    public Option<string?> ConnectionOption { get; } = new("--connection")
    {
        Description = "The database connection string (default: the SQLite file the web app uses, data/safeguard.db)",
        Recursive = true,
    };

    /// <summary>Builds the working-day calendar, with whatever proclaimed days are in force.</summary>
    public required Func<ParseResult, CancellationToken, ValueTask<WorkingDayCalendar>> Calendar { get; init; }

    /// <summary>Builds the timescale catalogue, with whatever local overrides are in force.</summary>
    public required Func<ParseResult, CancellationToken, ValueTask<TimescaleCatalogue>> Timescales { get; init; }

    /// <summary>The clock.</summary>
    public required TimeProvider Clock { get; init; }

    /// <summary>Where <c>--password-stdin</c> reads from.</summary>
    public TextReader Input { get; init; } = Console.In;

    /// <summary>The database settings from the options, checked.</summary>
    public DatabaseSettings Database(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return DatabaseSettings.Create(parseResult.GetValue(ProviderOption), parseResult.GetValue(ConnectionOption));
    }

    /// <summary>The Core services on the chosen database, as the web app has them (without sign-in).</summary>
    /// <param name="parseResult">The command line, for the database options.</param>
    /// <param name="configure">Services registered before the Core ones, which then keep them (the reminder settings).</param>
    public ServiceProvider OpenServices(ParseResult parseResult, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Clock);
        configure?.Invoke(services);
        services.AddSafeguardCore(Database(parseResult)).AddSafeguardIdentityCore();
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Calendar and timescales from the database when there is one (its proclaimed days and local durations);
    /// from the product's own list and rules when the embedded database has not been created yet.
    /// </summary>
    public static CliServices CreateDefault(TimeProvider? clock = null, TextReader? input = null)
    {
        CliServices? self = null;
        self = new CliServices
        {
            Clock = clock ?? TimeProvider.System,
            Input = input ?? Console.In,
            Calendar = async (parseResult, cancellationToken) =>
                await WithCalendarAsync(self!, parseResult, (c, ct) => c.CalendarAsync(ct), () => new WorkingDayCalendar([]), cancellationToken),
            Timescales = async (parseResult, cancellationToken) =>
                await WithCalendarAsync(self!, parseResult, (c, ct) => c.TimescalesAsync(ct), () => TimescaleCatalogue.Default, cancellationToken),
        };
        return self;
    }

    private static async Task<T> WithCalendarAsync<T>(
        CliServices services, ParseResult parseResult, Func<CalendarAdministration, CancellationToken, Task<T>> fromDatabase, Func<T> builtIn, CancellationToken cancellationToken)
    {
        var settings = services.Database(parseResult);
        if (settings.Provider == DatabaseProvider.Sqlite && !File.Exists(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource))
        {
            return builtIn();
        }

        await using var provider = services.OpenServices(parseResult);
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        if ((await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetPendingMigrationsAsync(db.Database, cancellationToken)).Any())
        {
            throw new DatabaseUnavailableException($"The database ({settings.Describe()}) needs migrating first: run 'safeguard db migrate'.");
        }

        return await fromDatabase(scope.ServiceProvider.GetRequiredService<CalendarAdministration>(), cancellationToken);
    }
}
