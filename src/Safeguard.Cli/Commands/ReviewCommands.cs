using System.CommandLine;
using Safeguard.Timescales;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard reviews ...</c>: case reviews.</summary>
public static class ReviewCommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("reviews", "Serious incident notifications, rapid reviews and practice reviews")
        {
            Plan(services),
        };
    }

    /// <summary>The rapid review day plan, one line per step, with this area's calendar (proclaimed days included).</summary>
    private static Command Plan(CliServices services)
    {
        var notified = new Option<DateOnly>("--notified")
        {
            Description = "The date the serious incident was notified (yyyy-mm-dd); day N is the N-th working day after it",
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
                if (CommandSupport.TryParseDate(text, out var date, out var problem))
                {
                    return date;
                }

                result.AddError($"Option --notified: '{text}' {problem}.");
                return default;
            },
        };
        var command = new Command("plan", "Print the rapid review day plan dated from the notification: day number, date, step") { notified };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            var schedule = RapidReviewSchedule.Create(await services.Calendar(parseResult, cancellationToken), parseResult.GetRequiredValue(notified));
            await CommandSupport.WriteRapidReviewPlanAsync(output, schedule);
        });
        return command;
    }
}
