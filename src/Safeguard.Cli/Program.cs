using System.CommandLine;
using Safeguard.Cli.Commands;

namespace Safeguard.Cli;

/// <summary>The <c>safeguard</c> command: builds the command tree from <c>Commands/</c> and runs it.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) =>
        CommandRunner.InvokeAsync(BuildRootCommand(CliServices.CreateDefault()), args, Console.Out, Console.Error);

    /// <summary>The whole command tree; tests build it with their own services and writers.</summary>
    public static RootCommand BuildRootCommand(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return
        new("Safeguard: multi-agency safeguarding of children")
        {
            services.ProviderOption,
            services.ConnectionOption,
            DatabaseCommands.Create(services),
            SeedCommands.Create(services),
            AgencyCommands.Create(services),
            UserCommands.Create(services),
            AuditCommands.Create(services),
            CalendarCommands.Create(services),
            TimescaleCommands.Create(services),
            CinCommands.Create(services),
            Ssda903Commands.Create(services),
            AnnexACommands.Create(services),
            ReviewCommands.Create(services),
            KpiCommands.Create(services),
            ApiKeyCommands.Create(services),
            MissingCommands.Create(services),
            AssuranceCommands.Create(services),
            SelfAssessmentCommands.Create(services),
            EarlyHelpCommands.Create(services),
            LadoCommands.Create(services),
            TrainingCommands.Create(services),
            EscalationCommands.Create(services),
            ComplexSafeguardingCommands.Create(services),
            RecordCommands.Create(services),
            RetentionCommands.Create(services),
            ReminderCommands.Create(services),
            ReportCommands.Create(services),
            ImprovementPlanCommands.Create(services),
            GovernanceCommands.Create(services),
        };
    }
}
