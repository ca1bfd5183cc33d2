using Microsoft.Extensions.DependencyInjection;

namespace Safeguard.Assurance;

/// <summary>The partnership assurance area's services: multi-agency audits, section 11 and section 175 self-assessments, their returns, figures and due work.</summary>
public static class AssuranceRegistration
{
    public static IServiceCollection AddAssurance(this IServiceCollection services)
    {
        services.AddScoped<AuditService>();
        services.AddScoped<AuditReturnService>();
        services.AddScoped<AuditFigures>();
        services.AddScoped<Work.IDueWorkSource, AuditReturnDueWorkSource>();
        services.AddScoped<SelfAssessmentService>();
        services.AddScoped<SelfAssessmentReturnService>();
        services.AddScoped<SelfAssessmentFigures>();
        services.AddScoped<Work.IDueWorkSource, SelfAssessmentDueWorkSource>();
        return services;
    }
}
