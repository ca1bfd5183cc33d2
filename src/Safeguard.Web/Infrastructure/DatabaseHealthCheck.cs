using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Safeguard.Persistence;

namespace Safeguard.Web.Infrastructure;

/// <summary>The database answers and has every migration applied.</summary>
public sealed class DatabaseHealthCheck(SafeguardDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await SafeguardDatabase.CanConnectAsync(db, cancellationToken))
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }

        var pending = await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetPendingMigrationsAsync(db.Database, cancellationToken);
        return pending.Any()
            ? HealthCheckResult.Degraded("The database needs migrating: run 'safeguard db migrate'.")
            : HealthCheckResult.Healthy("The database answers and is up to date.");
    }

    public static Task WriteResponse(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
