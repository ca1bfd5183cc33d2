using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.Dataset;

/// <summary>How long the dataset worked out "as at now" is shown before it is worked out again, when nothing has changed.</summary>
public sealed class DatasetCacheOptions
{
    /// <summary>The oldest "as at now" figures shown; the page says the time they were worked out. Default 5 minutes.</summary>
    public TimeSpan MaxAgeOfNow { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// The dataset as the pages show it: worked out by <see cref="DatasetCalculator"/> once for each years and "as at",
/// and shown again until the records change (<see cref="VersionedCache{T}"/>). "As at now" figures are also worked
/// out again on a new day and after <see cref="DatasetCacheOptions.MaxAgeOfNow"/>; their "as at" is the time they
/// were worked out, which the pages show (ADR 0032).
/// </summary>
public sealed class DatasetCache(IServiceScopeFactory scopes, TimeProvider time, DatasetCacheOptions options)
{
    private readonly VersionedCache<IReadOnlyList<DatasetResult>> _results = new(time);

    /// <remarks>db: the caller's context, to read the data version.</remarks>
    public async Task<DatasetResult> ComputeAsync(SafeguardDbContext db, ReportingYear year, DateTimeOffset? asAt = null, CancellationToken cancellationToken = default) =>
        (await ComputeAsync(db, [year], asAt, cancellationToken))[0];

    /// <summary>The dataset of each of <paramref name="years"/> as at <paramref name="asAt"/> (now when null), as <see cref="DatasetCalculator.ComputeAsync(IReadOnlyList{ReportingYear}, DateTimeOffset?, CancellationToken)"/> gives it.</summary>
    /// <remarks>db: the caller's context, to read the data version.</remarks>
    public Task<IReadOnlyList<DatasetResult>> ComputeAsync(SafeguardDbContext db, IReadOnlyList<ReportingYear> years, DateTimeOffset? asAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentOutOfRangeException.ThrowIfZero(years.Count);
        ReportingYear[] asked = [.. years];
        var key = string.Join(',', asked.Select(y => y.StartYear.ToString(CultureInfo.InvariantCulture)))
            + "@" + (asAt is { } at ? at.UtcTicks.ToString(CultureInfo.InvariantCulture) : "now");
        return _results.GetAsync(db, key, asAt is null ? options.MaxAgeOfNow : null, async now =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DatasetCalculator>().ComputeAsync(asked, asAt ?? now, CancellationToken.None);
        }, cancellationToken);
    }
}
