using Microsoft.Extensions.DependencyInjection;

namespace Safeguard.ComplexSafeguarding;

/// <summary>Contextual safeguarding's and the panel's services.</summary>
public static class ContextualRegistration
{
    public static IServiceCollection AddContextualSafeguardingAndPanels(this IServiceCollection services)
    {
        services.AddScoped<ContextualService>();
        services.AddScoped<Chronology.IChronologySource, ContextualChronologySource>();
        return services;
    }
}
