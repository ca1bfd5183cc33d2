using Safeguard.Dataset;
using Safeguard.DemoData;
using Safeguard.Identity;
using Safeguard.Persistence;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// What happens before the first request: the database is brought up to date (<c>Database:MigrateOnStartup</c>,
/// default true), roles and permissions are synchronised, and demo data is added on first start when
/// <c>Demo:SeedOnFirstStart</c> is true, after which the demo sign-ins are printed.
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
                var result = await seeder.SeedAsync(app.Configuration.AreaName());
                await output.WriteLineAsync($"Demo data added: {result.AgenciesAdded} agencies, {result.UsersAdded} users, {result.ChildrenAdded} children, {result.ReviewsAdded} case reviews.");
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
}
