using Microsoft.Extensions.DependencyInjection;
using Safeguard.Dataset;
using Safeguard.Persistence;

namespace Safeguard.AnnualReport;

/// <summary>
/// The annual report's services and its sections. Each area contributes a section by registering an
/// <see cref="IAnnualReportSection"/>; the placeholders stand for areas whose records Safeguard does not hold yet and
/// give way to an area's own section with the same key.
/// </summary>
public static class AnnualReportRegistration
{
    public static IServiceCollection AddAnnualReport(this IServiceCollection services)
    {
        services.AddScoped<AnnualReportService>();
        services.AddSingleton<VersionedCache<SectionsWithRecords>>();
        services.AddScoped<AnnualReportRecords>();
        services.AddScoped<IAnnualReportSection, PartnershipSection>();
        Dataset(services, "front-door", "The front door and the child's journey in figures", 30, [4, 5, 6]);
        Dataset(services, "complex-safeguarding", "Complex safeguarding, exploitation and missing children", 35, [3]);
        Dataset(services, "looked-after", "Children looked after", 45, [7]);
        services.AddScoped<IAnnualReportSection, EarlyHelpSection>();
        services.AddScoped<IAnnualReportSection, LadoSection>();
        services.AddScoped<IAnnualReportSection, PrivateFosteringSection>();
        services.AddScoped<IAnnualReportSection, CaseReviewSection>();
        services.AddScoped<IAnnualReportSection, AssuranceSection>();
        services.AddScoped<IAnnualReportSection, FeedbackSection>();
        services.AddScoped<IAnnualReportSection, FundingSection>();
        services.AddScoped<IAnnualReportSection, DatasetAppendixSection>();
        Placeholder(services, "priorities", "Progress on the partnership's priorities (the improvement plan)", 20, "the partnership's priorities or improvement plan");
        Placeholder(services, "training", "Multi-agency training", 75, "records of multi-agency training");
        Placeholder(services, "escalations", "Escalations and resolving professional disagreements", 78, "records of escalations");
        Placeholder(services, "meetings", "Partnership meetings and governance", 80, "records of partnership meetings");
        return services;
    }

    private static void Dataset(IServiceCollection services, string key, string title, int order, int[] groups) =>
        services.AddScoped<IAnnualReportSection>(sp => new DatasetGroupSection(sp.GetRequiredService<SafeguardDbContext>(), sp.GetRequiredService<DatasetCache>(), key, title, order, groups));

    private static void Placeholder(IServiceCollection services, string key, string title, int order, string what) =>
        services.AddScoped<IAnnualReportSection>(_ => new PlaceholderSection(key, title, order, what));
}
