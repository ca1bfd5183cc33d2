using System.CommandLine;
using Safeguard.Timescales;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard timescales ...</c>: the statutory and local timescales and their due dates.</summary>
public static class TimescaleCommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("timescales", "The statutory and local timescales, and when things are due")
        {
            List(services),
            Due(services),
            RapidReview(services),
        };
    }

    private static Command List(CliServices services)
    {
        var command = new Command("list", "Show every timescale: id, duration, counted from, source, and whether the local area may change it");
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            var catalogue = await services.Timescales(cancellationToken);
            List<string[]> rows = [["Id", "Duration", "Counted from", "Source", "Locally changeable"]];
            rows.AddRange(catalogue.Rules.Select(r => new[]
            {
                r.Id,
                r.IsOverridden ? $"{r.DurationText} (local; default {r.DefaultDurationText})" : r.DurationText,
                r.CountedFrom,
                r.Source,
                r.LocallyChangeable ? "yes" : "no",
            }));
            await CommandSupport.WriteTableAsync(output, rows);
        });
        return command;
    }

    private static Command Due(CliServices services)
    {
        var ruleId = new Argument<string>("rule-id") { Description = "The timescale's id, as shown by 'timescales list'" };
        var anchor = new Argument<string>("anchor")
        {
            Description = "When the counted-from event happened: a date (yyyy-mm-dd), or for hour timescales a date and time (2024-03-29T18:00 in UK time, or with an offset)",
        };
        var command = new Command("due", "Print the due date of a timescale counted from a date (the due date and time, in UK time, for hour timescales)")
        {
            ruleId,
            anchor,
        };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            var catalogue = await services.Timescales(cancellationToken);
            var id = parseResult.GetRequiredValue(ruleId);
            if (!catalogue.TryGet(id, out var rule))
            {
                throw new ArgumentException($"Argument <rule-id>: there is no timescale '{id}'. Known timescales: {string.Join(", ", catalogue.Rules.Select(r => r.Id))}.");
            }

            var deadlines = new DeadlineService(await services.Calendar(cancellationToken), catalogue, services.Clock);
            var text = parseResult.GetRequiredValue(anchor);
            if (rule.Unit == TimescaleUnit.Hours)
            {
                if (!CommandSupport.TryParseInstant(text, out var instant, out var problem))
                {
                    throw new ArgumentException($"Argument <anchor>: '{text}' {problem}; timescale '{rule.Id}' counts {rule.DurationText} from {rule.CountedFrom}.");
                }

                var deadline = deadlines.Calculate(rule.Id, instant);
                await output.WriteLineAsync(CommandSupport.FormatUkInstant(deadline.DueInstant!.Value));
            }
            else
            {
                if (!CommandSupport.TryParseDate(text, out var date, out var problem))
                {
                    throw new ArgumentException($"Argument <anchor>: '{text}' {problem}.");
                }

                await output.WriteLineAsync(CommandSupport.FormatDate(deadlines.Calculate(rule.Id, date).DueDate));
            }
        });
        return command;
    }

    private static Command RapidReview(CliServices services)
    {
        var notified = CommandSupport.DateArgument("notification-date", "The date the serious incident was notified");
        var command = new Command("rapid-review", "Print the rapid review day plan dated from the notification")
        {
            notified,
        };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            var schedule = RapidReviewSchedule.Create(await services.Calendar(cancellationToken), parseResult.GetRequiredValue(notified));
            var rows = schedule.Steps
                .Select(s => new[]
                {
                    s.DayText,
                    s.FirstDay == s.LastDay ? CommandSupport.FormatDate(s.StartDate) : $"{CommandSupport.FormatDate(s.StartDate)} to {CommandSupport.FormatDate(s.EndDate)}",
                    s.Description,
                })
                .ToList();
            await CommandSupport.WriteTableAsync(output, rows);
        });
        return command;
    }
}
