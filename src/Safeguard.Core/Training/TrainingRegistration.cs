using Microsoft.Extensions.DependencyInjection;

namespace Safeguard.Training;

/// <summary>The multi-agency training programme's services: courses and sessions, agencies' bookings, figures and the follow-ups' due work.</summary>
public static class TrainingRegistration
{
    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        services.AddScoped<TrainingService>();
        services.AddScoped<TrainingBookingService>();
        services.AddScoped<TrainingFigures>();
        services.AddScoped<AnnualReport.IAnnualReportSection, TrainingReportSection>();
        services.AddScoped<Work.IDueWorkSource, TrainingFollowUpDueWorkSource>();
        return services;
    }
}
