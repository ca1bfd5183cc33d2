using Microsoft.Extensions.DependencyInjection;

namespace Safeguard.ImprovementPlan;

/// <summary>The improvement plan's services: the plan and its ratings, the leads' and owners' updates, figures, the progress report and due work.</summary>
public static class ImprovementPlanRegistration
{
    public static IServiceCollection AddImprovementPlan(this IServiceCollection services)
    {
        services.AddScoped<PlanService>();
        services.AddScoped<PlanUpdateService>();
        services.AddScoped<PlanFigures>();
        services.AddScoped<ProgressReportBuilder>();
        services.AddScoped<Work.IDueWorkSource, PlanDueWorkSource>();
        return services;
    }
}
