using Microsoft.Extensions.DependencyInjection;
using Safeguard.Common;

namespace Safeguard.Dataset;

/// <summary>
/// An area's records as its dataset indicators need them, loaded once per "as at" instant and shared by every
/// indicator of that area in one computation (a scoped service, so one request or command). Only the records that
/// can count in a quarter from <see cref="CalculationContext.From"/> to <see cref="CalculationContext.Until"/> are
/// loaded (with whatever earlier history those quarters look back on); a later question about a quarter outside
/// them loads again, for both. Each load reads in a scope (and database connection) of its own, on the thread
/// pool, so that the dataset can read every area's records side by side (<see cref="IIndicatorCalculation.PrepareAsync"/>).
/// </summary>
/// <typeparam name="TFacts">What the area's calculations count.</typeparam>
public abstract class IndicatorFacts<TFacts>(IServiceScopeFactory scopes)
    where TFacts : class
{
    private readonly Dictionary<DateTimeOffset, (DateOnly From, DateOnly Until, Task<TFacts> Facts)> _loaded = [];

    public Task<TFacts> AtAsync(CalculationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_loaded.TryGetValue(context.AsAt, out var loaded))
        {
            loaded = (context.From, context.Until, LoadInOwnScopeAsync(context.AsAt, context.From, context.Until, cancellationToken));
            _loaded[context.AsAt] = loaded;
        }
        else if (loaded.From > context.From || loaded.Until < context.Until)
        {
            var (from, until) = (Min(loaded.From, context.From), Max(loaded.Until, context.Until));
            loaded = (from, until, LoadInOwnScopeAsync(context.AsAt, from, until, cancellationToken));
            _loaded[context.AsAt] = loaded;
        }

        return loaded.Facts;
    }

    /// <summary>
    /// The records as known at an instant that can count in a quarter of the years asked about, with the earlier
    /// records those quarters look back on. <paramref name="services"/> is a scope of the load's own: its database
    /// context is used by nothing else.
    /// </summary>
    protected abstract Task<TFacts> LoadAsync(IServiceProvider services, DateTimeOffset asAt, DateOnly from, DateOnly until, CancellationToken cancellationToken);

    private Task<TFacts> LoadInOwnScopeAsync(DateTimeOffset asAt, DateOnly from, DateOnly until, CancellationToken cancellationToken) =>
        Task.Run(
            async () =>
            {
                await using var scope = scopes.CreateAsyncScope();
                return await LoadAsync(scope.ServiceProvider, asAt, from, until, cancellationToken);
            },
            cancellationToken);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
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

    public Task PrepareAsync(CalculationContext context, CancellationToken cancellationToken) => facts.AtAsync(context, cancellationToken);

    public async Task<IndicatorBreakdown> BreakdownAsync(ReportingQuarter quarter, CalculationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return count(await facts.AtAsync(context, cancellationToken), quarter);
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
