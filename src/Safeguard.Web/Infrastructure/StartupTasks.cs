using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.DemoData;
using Safeguard.Identity;
using Safeguard.Persistence;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// What happens before the first request: the database is brought up to date (<c>Database:MigrateOnStartup</c>,
/// default true), roles and permissions are synchronised, and demo data is added on first start when
/// <c>Demo:SeedOnFirstStart</c> is true (its size from <c>Demo:Scale</c>, default 1, a borough of about 43,000
/// children; <c>Demo:Seed</c>; <c>Demo:Activity</c>, default true), after which the demo sign-ins are printed.
/// </summary>
public static class StartupTasks
{
    public static async Task PrepareDatabaseAsync(this WebApplication app, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(output);
        var migrate = SettingsReader.Flag(app.Configuration, "Database:MigrateOnStartup", true);
        var seedDemo = SettingsReader.Flag(app.Configuration, "Demo:SeedOnFirstStart", false);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        if (migrate)
        {
            await output.WriteLineAsync($"Safeguard is starting: bringing the database up to date ({settings.Describe()})");
            var applied = await SafeguardDatabase.MigrateAsync(db);
            await output.WriteLineAsync($"Safeguard database: {settings.Describe()} ({applied.Count} migration(s) applied now)");
        }
        else if ((await SafeguardDatabase.PendingMigrationsAsync(db)).Count > 0)
        {
            throw new DatabaseUnavailableException(
                $"The database ({settings.Describe()}) needs migrating and Database:MigrateOnStartup is false: run 'safeguard db migrate' first.");
        }

        await RoleSetup.SyncAsync(db);
        if (seedDemo)
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            if (!await seeder.IsSeededAsync())
            {
                var options = DemoSettings(app.Configuration);
                await output.WriteLineAsync("Adding the demo data on this first start (a minute or two at the default size; set Demo:Scale to 0.1 for a smaller area):");
                seeder.Progress = new LineProgress(output);
                var result = await seeder.SeedAsync(app.Configuration.AreaName(), options);
                await output.WriteLineAsync(
                    $"Demo data added: {result.AgenciesAdded} agencies, {result.UsersAdded} users, {result.ChildrenAdded} children, {result.ContactsAdded} contacts, {result.ReferralsAdded} referrals, {result.ReviewsAdded} case reviews.");
            }
        }

        // After the demo agencies exist, so the shipped returned indicators name their suppliers.
        await IndicatorCatalogue.SyncAsync(db);
        if (seedDemo)
        {
            var url = app.Urls.FirstOrDefault() ?? app.Configuration["Urls"] ?? "http://127.0.0.1:5080";
            await output.WriteLineAsync(DemoSeeder.SignInSheet(url));
        }
    }

    private static DemoOptions DemoSettings(IConfiguration configuration)
    {
        var scale = configuration["Demo:Scale"];
        var seed = configuration["Demo:Seed"];
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        double parsedScale = 1;
        int parsedSeed = DemoOptions.DefaultSeed;
        if (!string.IsNullOrWhiteSpace(scale) && !double.TryParse(scale, System.Globalization.NumberStyles.Float, invariant, out parsedScale))
        {
            throw new InvalidOperationException($"Demo:Scale is '{scale}': give a number such as 1 (a borough of about 43,000 children) or 0.1.");
        }

        if (!string.IsNullOrWhiteSpace(seed) && !int.TryParse(seed, System.Globalization.NumberStyles.Integer, invariant, out parsedSeed))
        {
            throw new InvalidOperationException($"Demo:Seed is '{seed}': give a whole number.");
        }

        var options = new DemoOptions(parsedScale, parsedSeed, SettingsReader.Flag(configuration, "Demo:Activity", true));
        try
        {
            return options.Checked();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new InvalidOperationException($"Demo:Scale is {scale}: {ex.Message.Split(" (Parameter", 2)[0]}", ex);
        }
    }

    /// <summary>Prints each progress report as a line as soon as it is made (not on the thread pool, so lines keep their order).</summary>
    private sealed class LineProgress(TextWriter output) : IProgress<string>
    {
        public void Report(string value)
        {
            output.WriteLine("  " + value);
            output.Flush();
        }
    }
}
