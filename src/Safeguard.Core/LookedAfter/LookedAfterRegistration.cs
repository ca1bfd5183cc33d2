using Microsoft.Extensions.DependencyInjection;
using Safeguard.Dataset;

namespace Safeguard.LookedAfter;

/// <summary>The looked-after area's services.</summary>
public static class LookedAfterRegistration
{
    public static IServiceCollection AddLookedAfter(this IServiceCollection services)
    {
        services.AddScoped<LookedAfterService>();
        services.AddScoped<Work.IDueWorkSource, LookedAfterDueWorkSource>();
        services.AddScoped<Chronology.IChronologySource, LookedAfterChronologySource>();
        services.AddRecordIndicators<LookedAfterIndicatorData, LookedAfterFacts>(LookedAfterIndicators.All);
        return services;
    }
}
