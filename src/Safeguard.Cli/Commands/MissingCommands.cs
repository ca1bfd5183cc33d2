using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.ComplexSafeguarding;
using Safeguard.Timescales;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard missing ...</c>: missing children and their return home interviews.</summary>
public static class MissingCommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("missing", "Missing children and their return home interviews") { Daily(services) };
    }

    /// <summary>
    /// The list for the daily governance meeting: children reported missing in the last hours, children missing now,
    /// and return home interviews not yet offered, overdue first. The list is audited as a search by the CLI.
    /// </summary>
    private static Command Daily(CliServices services)
    {
        var hours = new Option<int>("--hours") { Description = "How far back 'reported missing' looks, in hours (1 to 168)", DefaultValueFactory = _ => 24 };
        hours.Validators.Add(result =>
        {
            // A value that is not a number is the parser's to report (reading it here would throw).
            if (result.Tokens.Count == 1 && !int.TryParse(result.Tokens[0].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                return;
            }

            var value = result.GetValueOrDefault<int>();
            if (value is < 1 or > 168)
            {
                result.AddError($"Option --hours: {value} is not between 1 and 168.");
            }
        });
        var command = new Command("daily", "Children reported missing in the last 24 hours (or --hours), missing now, and interviews not yet offered: one line each") { hours };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var overview = await scope.ServiceProvider.GetRequiredService<MissingEpisodeService>().OverviewAsync(CommandSupport.CliActor(), MissingOverviewPages.Everything, cancellationToken);
            var since = services.Clock.GetUtcNow().AddHours(-parseResult.GetValue(hours));
            var reported = overview.MissingNow.Concat(overview.RecentlyEnded.Items).Where(v => v.Episode.StartedAt >= since).DistinctBy(v => v.Episode.Id).OrderBy(v => v.Episode.StartedAt);
            List<string[]> rows = [["List", "Child", "Went missing", "Returned", "Risk", "Interview", "Episode"]];
            rows.AddRange(reported.Select(v => Row("Reported recently", v)));
            rows.AddRange(overview.MissingNow.Select(v => Row("Missing now", v)));
            rows.AddRange(overview.InterviewsDue.Items
                .OrderBy(v => v.Clock?.Status == DeadlineStatus.Overdue ? 0 : 1).ThenBy(v => v.Episode.EndedAt)
                .Select(v => Row("Interview to offer", v)));
            await CommandSupport.WriteTableAsync(output, rows);
        });
        return command;
    }

    private static string[] Row(string list, EpisodeView v) =>
    [
        list,
        v.ChildName + (v.IsRepeat ? " (repeat missing)" : ""),
        CommandSupport.FormatUkInstant(v.Episode.StartedAt),
        v.Episode.EndedAt is { } ended ? CommandSupport.FormatUkInstant(ended) : "still missing",
        v.Episode.RiskAtReport is { } risk ? MissingText.Describe(risk) : "-",
        v.Clock is not { } clock ? "-"
            : clock.Status switch
            {
                DeadlineStatus.Overdue => "overdue, was due " + CommandSupport.FormatUkInstant(clock.Deadline.DueInstant!.Value),
                DeadlineStatus.MetOnTime => "offered on time",
                DeadlineStatus.MetLate => "offered late",
                _ => "due " + CommandSupport.FormatUkInstant(clock.Deadline.DueInstant!.Value),
            },
        v.Episode.Id.ToString(),
    ];
}
