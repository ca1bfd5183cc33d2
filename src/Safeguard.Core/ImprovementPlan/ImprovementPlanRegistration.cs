using Microsoft.Extensions.DependencyInjection;

namespace Safeguard.ImprovementPlan;

/// <summary>The improvement plan's services: the plan and its ratings, the leads' and owners' updates, figures, the progress report, due work and the annual report's priorities section.</summary>
public static class ImprovementPlanRegistration
{
    public static IServiceCollection AddImprovementPlan(this IServiceCollection services)
    {
        services.AddScoped<PlanService>();
        services.AddScoped<PlanUpdateService>();
        services.AddScoped<PlanFigures>();
        services.AddScoped<ProgressReportBuilder>();
        services.AddScoped<Work.IDueWorkSource, PlanDueWorkSource>();
        services.AddScoped<AnnualReport.IAnnualReportSection, PlanReportSection>();
        return services;
    }
}
