using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Safeguard.Calendar;
using Safeguard.Cli.Interchange;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.Cli.Commands;

/// <summary>Arguments and actions shared by the command verbs.</summary>
internal static partial class CommandSupport
{
    private const string IsoDateFormat = "yyyy-MM-dd";

    /// <summary>
    /// Sets an action that writes to the invocation's output. A rejected input (an <see cref="ArgumentException"/>
    /// from the product, whose messages are written for the user) goes to the error writer with exit code 1.
    /// </summary>
    public static void SetOutputAction(this Command command, Func<ParseResult, TextWriter, CancellationToken, Task> action) =>
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await action(parseResult, output, cancellationToken);
            return CommandRunner.Success;
        });

    /// <summary>
    /// As above, for a verb that chooses its own exit code (its output is written whatever the code). Besides the
    /// refused input of <see cref="CommandOutput.SetOutputAction"/>, a configuration, database or concurrency problem
    /// is reported on the error writer with exit code 1.
    /// </summary>
    public static void SetOutputAction(this Command command, Func<ParseResult, TextWriter, CancellationToken, Task<int>> action) =>
        CommandOutput.SetOutputAction(command, action, Refusal);

    private static string[]? Refusal(ParseResult parseResult, Exception ex) => ex switch
    {
        SafeguardConfigurationException or DatabaseUnavailableException or ConcurrencyConflictException => [ex.Message],
        DbException or { InnerException: DbException } =>
            [$"Safeguard could not use its database ({DescribeDatabase(parseResult)}): {ex.GetBaseException().Message}"],
        _ => null,
    };

    /// <summary>A required date argument in the form yyyy-mm-dd.</summary>
    public static Argument<DateOnly> DateArgument(string name, string description) => new(name)
    {
        Description = $"{description} (yyyy-mm-dd)",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (TryParseDate(text, out var date, out var problem))
            {
                return date;
            }

            result.AddError($"Argument <{name}>: '{text}' {problem}.");
            return default;
        },
    };

    /// <summary>A required whole-number argument within the given range.</summary>
    public static Argument<int> WholeNumberArgument(string name, string description, int minimum, int maximum) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                result.AddError($"Argument <{name}>: '{text}' is not a whole number.");
            }
            else if (value < minimum || value > maximum)
            {
                result.AddError(minimum == 0 && value < 0
                    ? $"Argument <{name}>: must be zero or more, but was {value}."
                    : $"Argument <{name}>: must be from {minimum} to {maximum}, but was {value}.");
            }

            return value;
        },
    };

    /// <summary>Reads a date in the form yyyy-mm-dd, saying what is wrong when it cannot.</summary>
    public static bool TryParseDate(string text, out DateOnly date, out string problem)
    {
        date = default;
        var match = IsoDate().Match(text);
        if (!match.Success)
        {
            problem = "is not a date in the form yyyy-mm-dd";
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (year < 1)
        {
            problem = "is not a date: there is no year 0";
            return false;
        }

        if (month is < 1 or > 12)
        {
            problem = $"is not a date: there is no month {month}";
            return false;
        }

        var daysInMonth = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > daysInMonth)
        {
            var monthName = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
            problem = $"is not a date: {monthName} {year} has {daysInMonth} days";
            return false;
        }

        date = new DateOnly(year, month, day);
        problem = string.Empty;
        return true;
    }

    /// <summary>
    /// Reads a date and time: with an offset (2024-03-29T17:00Z, 2024-03-29T18:00+01:00) it is that instant;
    /// without one (2024-03-29T18:00) it is UK local time.
    /// </summary>
    public static bool TryParseInstant(string text, out DateTimeOffset instant, out string problem)
    {
        instant = default;
        string[] withOffset = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK"];
        string[] local = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];
        if (HasOffset().IsMatch(text))
        {
            if (DateTimeOffset.TryParseExact(text, withOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant))
            {
                instant = instant.ToUniversalTime();
                problem = string.Empty;
                return true;
            }
        }
        else if (DateTime.TryParseExact(text, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var localTime))
        {
            return UkTime.TryFromUkLocal(localTime, out instant, out problem);
        }

        problem = "is not a date and time such as 2024-03-29T18:00 (UK time) or 2024-03-29T17:00Z";
        return false;
    }

    private static string DescribeDatabase(ParseResult parseResult)
    {
        var provider = parseResult.RootCommandResult.Command.Options.OfType<Option<string?>>().FirstOrDefault(o => o.Name == "--provider");
        var connection = parseResult.RootCommandResult.Command.Options.OfType<Option<string?>>().FirstOrDefault(o => o.Name == "--connection");
        try
        {
            return DatabaseSettings.Create(provider is null ? null : parseResult.GetValue(provider), connection is null ? null : parseResult.GetValue(connection)).Describe();
        }
        catch (SafeguardConfigurationException)
        {
            return "as configured";
        }
    }

    /// <summary>Who the audit trail names for a change made from the command line.</summary>
    public static Auditing.Actor CliActor() => Auditing.Actor.System($"safeguard CLI ({Environment.UserName})");

    public static string FormatDate(DateOnly date) => date.ToString(IsoDateFormat, CultureInfo.InvariantCulture);

    /// <summary>An instant as UK local time with its offset, for example 2024-04-01T19:00:00+01:00.</summary>
    public static string FormatUkInstant(DateTimeOffset instant) =>
        UkTime.ToUkLocal(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The rapid review day plan, one line per step: day number, date (or dates), step.</summary>
    public static Task WriteRapidReviewPlanAsync(TextWriter output, Timescales.RapidReviewSchedule schedule) =>
        WriteTableAsync(output, [.. schedule.Steps.Select(s => new[]
        {
            s.DayText,
            s.FirstDay == s.LastDay ? FormatDate(s.StartDate) : $"{FormatDate(s.StartDate)} to {FormatDate(s.EndDate)}",
            s.Description,
        })]);

    /// <summary>Writes rows as columns separated by two spaces; the last column is not padded.</summary>
    public static Task WriteTableAsync(TextWriter output, IReadOnlyList<string[]> rows) => CommandOutput.WriteTableAsync(output, rows);

    [GeneratedRegex(@"^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex HasOffset();
}
