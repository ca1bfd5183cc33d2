using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Safeguard.ComplexSafeguarding;

/// <summary>Contextual safeguarding's, the panel's and the regional return's services.</summary>
public static class ContextualRegistration
{
    public static IServiceCollection AddContextualSafeguardingAndPanels(this IServiceCollection services)
    {
        services.AddScoped<ContextualService>();
        services.AddScoped<Chronology.IChronologySource, ContextualChronologySource>();
        services.AddScoped<PanelService>();
        services.AddScoped<ProblemProfile>();
        services.AddSingleton<Persistence.VersionedCache<ProfileResult>>();
        services.AddScoped<Work.IDueWorkSource, PanelActionDueWorkSource>();
        services.AddScoped<Chronology.IChronologySource, PanelChronologySource>();
        services.TryAddSingleton(new RegionalReturnOptions());
        services.AddScoped<RegionalReturn>();
        services.AddScoped<People.IPersonRecordsMover, ComplexSafeguardingRecordsMover>();

        // Every criterion in this assembly: adding a criterion is adding a class.
        foreach (var criterion in typeof(IPanelCriterion).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPanelCriterion).IsAssignableFrom(t)))
        {
            services.AddScoped(typeof(IPanelCriterion), criterion);
        }

        return services;
    }
}
