using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Persistence;

namespace Safeguard.Lado;

/// <summary>Allegations referred to the LADO as the dataset needs them, as known at an instant: allegations recorded after it are left out.</summary>
public sealed class LadoIndicatorData(IServiceScopeFactory scopes) : IndicatorFacts<LadoFacts>(scopes)
{
    protected override async Task<LadoFacts> LoadAsync(IServiceProvider services, DateTimeOffset asAt, DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<SafeguardDbContext>();
        var today = UkTime.ToUkDate(asAt);
        var referred = (await db.Set<LadoAllegation>().AsNoTracking()
                .Where(a => a.ReferredOn >= from && a.ReferredOn <= until)
                .Select(a => new { a.ReferredOn, a.RecordedAt })
                .ToListAsync(cancellationToken))
            .Where(a => a.RecordedAt <= asAt && a.ReferredOn <= today)
            .Select(a => a.ReferredOn)
            .ToList();
        return new LadoFacts(referred);
    }
}

/// <param name="ReferredOn">The day each allegation in the years asked about was referred.</param>
public sealed record LadoFacts(IReadOnlyList<DateOnly> ReferredOn);

/// <summary>
/// The dataset indicator computed from the LADO's allegations (8.1). A counted record names no child and no worker: the
/// drill-down shows only the day each allegation was referred.
/// </summary>
public static class LadoIndicators
{
    public static IReadOnlyList<(string Key, Func<LadoFacts, ReportingQuarter, IndicatorBreakdown> Count)> All { get; } =
    [
        // 8.1: allegations referred to the LADO in the quarter (the day the LADO received the referral), advice only or threshold met.
        ("lado-allegations-referred", (f, q) => IndicatorBreakdown.Count(
            f.ReferredOn.Where(q.Contains).Order().Select(d => CountedRecord.For(null, "Allegation referred to the LADO", d)))),
    ];
}

/// <summary>The LADO area's services.</summary>
public static class LadoRegistration
{
    public static IServiceCollection AddLado(this IServiceCollection services)
    {
        services.AddScoped<LadoService>();
        services.AddScoped<LadoSubjectAccess>();
        services.AddScoped<Work.IDueWorkSource, LadoDueWorkSource>();
        services.AddScoped<People.IPersonRecordsMover, LadoRecordsMover>();
        services.AddRecordIndicators<LadoIndicatorData, LadoFacts>(LadoIndicators.All);
        return services;
    }
}
