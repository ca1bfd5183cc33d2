using Microsoft.Extensions.DependencyInjection;

namespace Safeguard.Governance;

/// <summary>The meetings and governance area's services: boards and their members, meetings and actions, the business plan, figures and due work.</summary>
public static class GovernanceRegistration
{
    public static IServiceCollection AddGovernance(this IServiceCollection services)
    {
        services.AddScoped<BoardService>();
        services.AddScoped<MeetingService>();
        services.AddScoped<GovernanceFigures>();
        services.AddScoped<GovernanceRegisters>();
        services.AddScoped<AnnualReport.IAnnualReportSection, GovernanceReportSection>();
        services.AddScoped<Work.IDueWorkSource, GovernanceActionDueWorkSource>();
        return services;
    }
}
