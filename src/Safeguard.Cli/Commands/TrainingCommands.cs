using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Common;
using Safeguard.Training;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard training ...</c>: the multi-agency training programme's annual figures.</summary>
public static class TrainingCommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("training", "The multi-agency training programme") { Figures(services) };
    }

    /// <summary>The annual report's training figures: places, attendance by agency and role, confidence and follow-ups. Counts only.</summary>
    private static Command Figures(CliServices services)
    {
        var year = CommandSupport.ReportingYearOption(2024);
        var command = new Command("figures", "The training figures for the annual report: sessions, places offered, booked and attended, attendance by agency and role, did-not-attend rate, confidence before and after, follow-ups") { year };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var f = await scope.ServiceProvider.GetRequiredService<TrainingFigures>().ForYearAsync(new ReportingYear(parseResult.GetRequiredValue(year)), cancellationToken);
            static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
            static string P(decimal rate) => rate.ToString("0.0", CultureInfo.InvariantCulture) + "%";
            static string M(decimal? mean) => mean is { } m ? m.ToString("0.00", CultureInfo.InvariantCulture) : "-";
            List<string[]> rows = [["Figure", "Group", "Value"]];
            rows.Add(["Sessions delivered", f.Year.Name, N(f.SessionsDelivered)]);
            rows.Add(["Sessions called off", "", N(f.SessionsCancelled)]);
            rows.Add(["Places offered", "", N(f.PlacesOffered)]);
            rows.Add(["Places booked", "", N(f.PlacesBooked)]);
            rows.Add(["Attended", "", N(f.Attended)]);
            rows.Add(["Did not attend", P(f.DidNotAttendRate), N(f.DidNotAttend)]);
            rows.Add(["Given back before the session", "", N(f.Cancelled)]);
            rows.AddRange(f.ByAgency.Select(a => new[] { "Attended by agency", a.Group, $"{N(a.Attended)} of {N(a.Booked)} (did not attend {P(a.DidNotAttendRate)})" }));
            rows.AddRange(f.ByRole.Select(r => new[] { "Attended by role", r.Group, $"{N(r.Attended)} of {N(r.Booked)} (did not attend {P(r.DidNotAttendRate)})" }));
            rows.Add(["Evaluations", "", N(f.Evaluations)]);
            rows.Add(["Mean confidence before", "1 to 5", M(f.MeanConfidenceBefore)]);
            rows.Add(["Mean confidence after", "1 to 5", M(f.MeanConfidenceAfter)]);
            rows.Add(["Change in confidence", "", M(f.ConfidenceChange)]);
            rows.Add(["Follow-ups returned", $"of {N(f.FollowUpsDue)} due", $"{N(f.FollowUpsReturned)} ({P(f.FollowUpReturnRate)})"]);
            rows.Add(["Reporting changed practice", "of those returned", $"{N(f.PracticeChanged)} ({P(f.PracticeChangedShare)})"]);
            await CommandSupport.WriteTableAsync(output, rows);
        });
        return command;
    }
}
