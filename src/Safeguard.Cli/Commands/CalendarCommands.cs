using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Calendar;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard calendar ...</c>: working days and bank holidays in England and Wales.</summary>
public static class CalendarCommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("calendar", "Working days and bank holidays in England and Wales")
        {
            AddWorkingDays(services),
            WorkingDaysBetween(services),
            Holidays(services),
            Proclaim(services),
            Withdraw(services),
        };
    }

    private static Command Proclaim(CliServices services)
    {
        var date = CommandSupport.DateArgument("date", "The proclaimed bank holiday, a weekday");
        var title = new Argument<string>("title") { Description = "Its name, for example \"Bank holiday for the coronation\"" };
        var reason = new Option<string?>("--reason") { Description = "Why, recorded in the audit trail (for example the proclamation's date)" };
        var command = new Command("proclaim", "Add a one-off bank holiday proclaimed by Royal Proclamation; deadlines move at once") { date, title, reason };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var holiday = await scope.ServiceProvider.GetRequiredService<CalendarAdministration>().ProclaimAsync(
                parseResult.GetRequiredValue(date), parseResult.GetRequiredValue(title), parseResult.GetValue(reason), CommandSupport.CliActor(), cancellationToken);
            await output.WriteLineAsync($"{CommandSupport.FormatDate(holiday.Date)} {holiday.Title} is now a bank holiday.");
        });
        return command;
    }

    private static Command Withdraw(CliServices services)
    {
        var date = CommandSupport.DateArgument("date", "The proclaimed bank holiday to remove");
        var reason = new Option<string?>("--reason") { Description = "Why, recorded in the audit trail" };
        var command = new Command("withdraw", "Remove a proclaimed bank holiday added in error") { date, reason };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var day = parseResult.GetRequiredValue(date);
            await scope.ServiceProvider.GetRequiredService<CalendarAdministration>().WithdrawAsync(day, parseResult.GetValue(reason), CommandSupport.CliActor(), cancellationToken);
            await output.WriteLineAsync($"{CommandSupport.FormatDate(day)} is no longer a proclaimed bank holiday.");
        });
        return command;
    }

    private static Command AddWorkingDays(CliServices services)
    {
        var date = CommandSupport.DateArgument("date", "The day to count from; it is not counted itself");
        var workingDays = CommandSupport.WholeNumberArgument("n", "How many working days to add (0 or more)", 0, int.MaxValue);
        var command = new Command("add-working-days", "Print the date n working days after a date: the due date of \"within n working days\"")
        {
            date,
            workingDays,
        };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            var calendar = await services.Calendar(parseResult, cancellationToken);
            var result = calendar.AddWorkingDays(parseResult.GetRequiredValue(date), parseResult.GetRequiredValue(workingDays));
            await output.WriteLineAsync(CommandSupport.FormatDate(result));
        });
        return command;
    }

    private static Command WorkingDaysBetween(CliServices services)
    {
        var from = CommandSupport.DateArgument("from", "The start date; it is not counted");
        var to = CommandSupport.DateArgument("to", "The end date; it is counted when it is a working day");
        var command = new Command("working-days-between", "Print the number of working days after <from> up to and including <to>")
        {
            from,
            to,
        };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            var calendar = await services.Calendar(parseResult, cancellationToken);
            var count = calendar.WorkingDaysBetween(parseResult.GetRequiredValue(from), parseResult.GetRequiredValue(to));
            await output.WriteLineAsync(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        return command;
    }

    private static Command Holidays(CliServices services)
    {
        var year = CommandSupport.WholeNumberArgument("year", "The year, for example 2025", DateOnly.MinValue.Year, DateOnly.MaxValue.Year);
        var command = new Command("holidays", "List a year's bank holidays with where each comes from (list, rule or proclaimed)")
        {
            year,
        };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            var calendar = await services.Calendar(parseResult, cancellationToken);
            var rows = calendar.HolidaysIn(parseResult.GetRequiredValue(year))
                .Select(h => new[]
                {
                    CommandSupport.FormatDate(h.Date),
                    h.Note is null ? h.Title : $"{h.Title} ({h.Note})",
                    SourceWord(h.Source),
                })
                .ToList();
            await CommandSupport.WriteTableAsync(output, rows);
        });
        return command;
    }

    private static string SourceWord(HolidaySource source) => source switch
    {
        HolidaySource.KnownList => "list",
        HolidaySource.Rule => "rule",
        HolidaySource.Proclaimed => "proclaimed",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown holiday source."),
    };
}
