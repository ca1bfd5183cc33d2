using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Safeguard.Dataset;
using Safeguard.DemoData;
using Safeguard.Identity;
using Safeguard.Persistence;

namespace Safeguard;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The database, the clock and the Core services both hosts share. The web app adds Identity's sign-in
    /// on top (<c>AddIdentity</c>); the CLI uses <see cref="AddSafeguardIdentityCore"/>.
    /// </summary>
    public static IServiceCollection AddSafeguardCore(this IServiceCollection services, DatabaseSettings database, Timescales.DeadlineServiceOptions? deadlines = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(deadlines ?? new Timescales.DeadlineServiceOptions());
        services.AddSingleton(database);
        services.AddDbContext<SafeguardDbContext>(database.Apply);
        services.AddScoped<UserAdministration>();
        services.AddScoped<Organisations.OrganisationAdministration>();
        services.AddScoped<Calendar.CalendarAdministration>();
        services.TryAddSingleton(new CaseReviews.CaseReviewOptions());
        services.AddScoped<CaseReviews.NotificationService>();
        services.AddScoped<CaseReviews.RapidReviewService>();
        services.AddScoped<CaseReviews.PracticeReviewService>();
        services.AddScoped<CaseReviews.LearningService>();
        services.AddScoped<CaseReviews.ReviewTracker>();
        services.AddScoped<People.PersonIndex>();
        services.AddScoped<People.RecordRestriction>();
        services.AddScoped<InformationGovernance.SubjectAccessExport>();
        services.AddScoped<InformationGovernance.RetentionSchedule>();
        services.AddScoped<Chronology.ChronologyService>();
        services.AddSingleton<VersionedCache<Chronology.AssembledChronology>>();
        services.AddScoped<Dataset.DataReturnService>();
        services.AddScoped<Dataset.DatasetCalculator>();
        services.TryAddSingleton(new Dataset.DatasetCacheOptions());
        services.AddSingleton<Dataset.DatasetCache>();
        services.AddScoped<Dataset.IndicatorDrillDown>();
        services.AddScoped<Dataset.IndicatorAdministration>();
        services.AddScoped<Dataset.BenchmarkAdministration>();
        services.AddScoped<Dataset.ExceptionReportService>();
        services.AddScoped<Dataset.DashboardService>();
        services.AddScoped<Journey.CaseworkService>();
        services.AddScoped<Journey.CensusImportService>();
        services.AddScoped<Journey.CensusExportService>();
        services.AddRecordIndicators<Journey.JourneyIndicatorData, Journey.JourneyFacts>(Journey.JourneyIndicators.All);

        services.AddScoped<Work.IDueWorkSource, Journey.JourneyDueWork>();
        services.AddScoped<Journey.ChildVisitService>();
        services.AddScoped<Work.IDueWorkSource, Journey.ChildVisitDueWork>();
        services.AddScoped<Chronology.IChronologySource, Journey.ChildVisitChronology>();
        services.AddScoped<Journey.TeamPerformance>();
        services.AddSingleton<VersionedCache<Journey.TeamFigures>>();
        services.AddSingleton<VersionedCache<IReadOnlyList<Work.DueItem>>>();
        services.AddScoped<Chronology.IChronologySource, Journey.PersonIndexChronology>();
        services.AddScoped<Chronology.IChronologySource, Journey.JourneyChronology>();
        services.TryAddSingleton(new Interchange.Cin.Uploads.CinUploadOptions());
        services.AddScoped<Interchange.Cin.Uploads.CinUploadStore>();
        services.AddScoped<Interchange.Ssda903.Uploads.Ssda903UploadStore>();
        services.AddScoped<FrontDoor.ContactService>();
        services.AddScoped<FrontDoor.ReferralsWaiting>();
        services.AddRecordIndicators<FrontDoor.FrontDoorIndicatorData, FrontDoor.FrontDoorFacts>(FrontDoor.FrontDoorIndicators.All);

        services.AddScoped<FrontDoor.InformationSharingLog>();
        services.AddScoped<FrontDoor.ThresholdLevels>();
        services.AddScoped<Chronology.IChronologySource, FrontDoor.FrontDoorChronologySource>();
        services.AddScoped<Work.IDueWorkSource, FrontDoor.FrontDoorDueWorkSource>();
        services.AddScoped<Work.DueWorkList>();
        services.AddScoped<FrontDoor.FrontDoorQueue>();
        services.AddSingleton<VersionedCache<FrontDoor.AgencyListCounts>>();
        services.AddScoped<FrontDoor.AgencyCounts>();
        services.AddSingleton<VersionedCache<FrontDoor.KeptQueue>>();
        services.AddScoped<ApiClients.ApiClientAdministration>();
        services.AddScoped<ComplexSafeguarding.MissingEpisodeService>();
        services.AddSingleton<VersionedCache<ComplexSafeguarding.KeptMissingOverview>>();
        services.AddScoped<Work.IDueWorkSource, ComplexSafeguarding.MissingDueWorkSource>();
        services.AddScoped<Chronology.IChronologySource, ComplexSafeguarding.MissingChronologySource>();
        services.AddScoped<ComplexSafeguarding.ExploitationService>();
        services.AddRecordIndicators<ComplexSafeguarding.ComplexSafeguardingIndicatorData, ComplexSafeguarding.ComplexSafeguardingFacts>(ComplexSafeguarding.ComplexSafeguardingIndicators.All);
        services.AddScoped<Work.IDueWorkSource, ComplexSafeguarding.ExploitationDueWorkSource>();
        services.AddScoped<Chronology.IChronologySource, ComplexSafeguarding.ExploitationChronologySource>();
        ComplexSafeguarding.ContextualRegistration.AddContextualSafeguardingAndPanels(services);
        LookedAfter.LookedAfterRegistration.AddLookedAfter(services);
        Assurance.AssuranceRegistration.AddAssurance(services);
        Training.TrainingRegistration.AddTraining(services);
        Governance.GovernanceRegistration.AddGovernance(services);
        ImprovementPlan.ImprovementPlanRegistration.AddImprovementPlan(services);
        PrivateFostering.PrivateFosteringRegistration.AddPrivateFostering(services);
        services.AddScoped<Interchange.AnnexA.AnnexAExport>();

        EarlyHelp.EarlyHelpRegistration.AddEarlyHelp(services);
        Lado.LadoRegistration.AddLado(services);
        Escalations.EscalationRegistration.AddEscalations(services);
        Reminders.RemindersRegistration.AddReminders(services);
        AnnualReport.AnnualReportRegistration.AddAnnualReport(services);
        services.AddScoped<DemoSeeder>();
        return services;
    }

    /// <summary>User management without the web sign-in (for the CLI).</summary>
    public static IServiceCollection AddSafeguardIdentityCore(this IServiceCollection services)
    {
        services.AddLogging();
        services.AddIdentityCore<User>(IdentitySetup.Configure)
            .AddRoles<Role>()
            .AddEntityFrameworkStores<SafeguardDbContext>()
            .AddTokenProvider<AuthenticatorTokenProvider>(AuthenticatorTokenProvider.ProviderName);
        return services;
    }

    public static IdentityBuilder AddSafeguardTokenProviders(this IdentityBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddTokenProvider<AuthenticatorTokenProvider>(AuthenticatorTokenProvider.ProviderName);
    }
}
