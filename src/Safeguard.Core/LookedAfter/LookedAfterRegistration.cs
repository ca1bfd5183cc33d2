using Microsoft.Extensions.DependencyInjection;
using Safeguard.Dataset;

namespace Safeguard.LookedAfter;

/// <summary>The looked-after area's services.</summary>
public static class LookedAfterRegistration
{
    public static IServiceCollection AddLookedAfter(this IServiceCollection services)
    {
        services.AddScoped<LookedAfterService>();
        services.AddScoped<Ssda903ImportService>();
        services.AddScoped<Ssda903ExportService>();
        services.AddScoped<Work.IDueWorkSource, LookedAfterDueWorkSource>();
        services.AddScoped<Chronology.IChronologySource, LookedAfterChronologySource>();
        services.AddScoped<CareLeaverService>();
        services.AddScoped<CareLeaverTracker>();
        services.AddScoped<AdoptionService>();
        services.AddScoped<WellbeingService>();
        services.AddScoped<People.IPersonRecordsMover, WellbeingRecordsMover>();
        services.AddScoped<AsylumAndPermanenceService>();
        services.AddScoped<People.IPersonRecordsMover, LookedAfterRecordsMover>();
        services.AddScoped<Work.IDueWorkSource, CareLeaverDueWorkSource>();
        services.AddScoped<Chronology.IChronologySource, CareLeaverChronologySource>();
        services.AddRecordIndicators<LookedAfterIndicatorData, LookedAfterFacts>(LookedAfterIndicators.All);
        return services;
    }
}
