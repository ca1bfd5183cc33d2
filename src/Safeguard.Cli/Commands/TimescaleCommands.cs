using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
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
            SetLocal(services),
            ResetLocal(services),
        };
    }

    private static Command SetLocal(CliServices services)
    {
        var ruleId = new Argument<string>("rule-id") { Description = "A locally changeable timescale, as shown by 'timescales list'" };
        var duration = CommandSupport.WholeNumberArgument("duration", "The local duration, in the timescale's own unit", 1, 10_000);
        var reason = new Option<string?>("--reason") { Description = "Why, recorded in the audit trail" };
        var command = new Command("set", "Set this area's own duration for a locally changeable timescale (statutory ones are refused)") { ruleId, duration, reason };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var calendar = scope.ServiceProvider.GetRequiredService<Calendar.CalendarAdministration>();
            var id = parseResult.GetRequiredValue(ruleId);
            await calendar.SetLocalTimescaleAsync(id, parseResult.GetRequiredValue(duration), parseResult.GetValue(reason), CommandSupport.CliActor(), cancellationToken);
            var rule = (await calendar.TimescalesAsync(cancellationToken)).Get(id);
            await output.WriteLineAsync($"{rule.Id} is now {rule.DurationText} (default {rule.DefaultDurationText}).");
        });
        return command;
    }

    private static Command ResetLocal(CliServices services)
    {
        var ruleId = new Argument<string>("rule-id") { Description = "A timescale with a local duration" };
        var reason = new Option<string?>("--reason") { Description = "Why, recorded in the audit trail" };
        var command = new Command("reset", "Go back to the default duration of a timescale") { ruleId, reason };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var id = parseResult.GetRequiredValue(ruleId);
            await scope.ServiceProvider.GetRequiredService<Calendar.CalendarAdministration>().ResetLocalTimescaleAsync(id, parseResult.GetValue(reason), CommandSupport.CliActor(), cancellationToken);
            await output.WriteLineAsync($"{id} uses its default duration again.");
        });
        return command;
    }

    private static Command List(CliServices services)
    {
        var command = new Command("list", "Show every timescale: id, duration, counted from, source, and whether the local area may change it");
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            var catalogue = await services.Timescales(parseResult, cancellationToken);
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
            var catalogue = await services.Timescales(parseResult, cancellationToken);
            var id = parseResult.GetRequiredValue(ruleId);
            if (!catalogue.TryGet(id, out var rule))
            {
                throw new ArgumentException($"Argument <rule-id>: there is no timescale '{id}'. Known timescales: {string.Join(", ", catalogue.Rules.Select(r => r.Id))}.");
            }

            var deadlines = new DeadlineService(await services.Calendar(parseResult, cancellationToken), catalogue, services.Clock);
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
            var schedule = RapidReviewSchedule.Create(await services.Calendar(parseResult, cancellationToken), parseResult.GetRequiredValue(notified));
            await CommandSupport.WriteRapidReviewPlanAsync(output, schedule);
        });
        return command;
    }
}
