using Microsoft.Extensions.DependencyInjection;
using Safeguard.Common;

namespace Safeguard.Dataset;

/// <summary>
/// An area's records as its dataset indicators need them, loaded once per "as at" instant and shared by every
/// indicator of that area in one computation (a scoped service, so one request or command).
/// </summary>
/// <typeparam name="TFacts">What the area's calculations count.</typeparam>
public abstract class IndicatorFacts<TFacts>
    where TFacts : class
{
    private readonly Dictionary<DateTimeOffset, Task<TFacts>> _loaded = [];

    public Task<TFacts> AtAsync(DateTimeOffset asAt, CancellationToken cancellationToken)
    {
        if (!_loaded.TryGetValue(asAt, out var facts))
        {
            facts = LoadAsync(asAt, cancellationToken);
            _loaded[asAt] = facts;
        }

        return facts;
    }

    /// <summary>The records as known at <paramref name="asAt"/>.</summary>
    protected abstract Task<TFacts> LoadAsync(DateTimeOffset asAt, CancellationToken cancellationToken);
}

/// <summary>
/// A dataset indicator computed by a function of an area's facts: the function says which records it counted,
/// and the figure is made from them (<see cref="IndicatorBreakdown.Figure"/>).
/// </summary>
public sealed class RecordIndicator<TFacts>(string key, Func<TFacts, ReportingQuarter, IndicatorBreakdown> count, IndicatorFacts<TFacts> facts) : IIndicatorCalculation
    where TFacts : class
{
    public string Key => key;

    public async Task<CalculatedFigure> CalculateAsync(ReportingQuarter quarter, CalculationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (await BreakdownAsync(quarter, context, cancellationToken)).Figure(context.ChildPopulation);
    }

    public async Task<IndicatorBreakdown> BreakdownAsync(ReportingQuarter quarter, CalculationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return count(await facts.AtAsync(context.AsAt, cancellationToken), quarter);
    }
}

public static class RecordIndicatorRegistration
{
    /// <summary>Registers an area's facts (scoped) and one <see cref="IIndicatorCalculation"/> per calculation key.</summary>
    public static IServiceCollection AddRecordIndicators<TData, TFacts>(
        this IServiceCollection services,
        IEnumerable<(string Key, Func<TFacts, ReportingQuarter, IndicatorBreakdown> Count)> calculations)
        where TData : IndicatorFacts<TFacts>
        where TFacts : class
    {
        ArgumentNullException.ThrowIfNull(calculations);
        services.AddScoped<TData>();
        foreach (var (key, count) in calculations)
        {
            services.AddScoped<IIndicatorCalculation>(p => new RecordIndicator<TFacts>(key, count, p.GetRequiredService<TData>()));
        }

        return services;
    }
}
