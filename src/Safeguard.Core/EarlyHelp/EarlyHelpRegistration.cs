using Microsoft.Extensions.DependencyInjection;
using Safeguard.Dataset;

namespace Safeguard.EarlyHelp;

/// <summary>The early help area's services.</summary>
public static class EarlyHelpRegistration
{
    public static IServiceCollection AddEarlyHelp(this IServiceCollection services)
    {
        services.AddScoped<EarlyHelpService>();
        services.AddScoped<EarlyHelpFiguresService>();
        services.AddScoped<Interchange.AnnexA.IAnnexAEarlyHelpSource, EarlyHelpAnnexASource>();
        services.AddScoped<Work.IDueWorkSource, EarlyHelpDueWorkSource>();
        services.AddScoped<Chronology.IChronologySource, EarlyHelpChronologySource>();
        services.AddRecordIndicators<EarlyHelpIndicatorData, EarlyHelpFacts>(EarlyHelpIndicators.All);
        return services;
    }
}
