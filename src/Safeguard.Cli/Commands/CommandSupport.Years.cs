using System.CommandLine;
using System.Globalization;

namespace Safeguard.Cli.Commands;

internal static partial class CommandSupport
{
    /// <summary>
    /// The required <c>--year</c> of the figures verbs: a reporting year by the year it starts in, from 2000 to 2100.
    /// A value that is not a whole number is left to the parser, which names the option and the value; the range is
    /// checked only on a number (asking the parser for the value of an unreadable one would throw).
    /// </summary>
    public static Option<int> ReportingYearOption(int example)
    {
        var year = new Option<int>("--year")
        {
            Description = $"The reporting year by the year it starts in: {example} means April {example} to March {example + 1}",
            Required = true,
        };
        year.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1
                && int.TryParse(result.Tokens[0].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                && value is < 2000 or > 2100)
            {
                result.AddError($"Option --year: give the year the reporting year starts in, such as {example}.");
            }
        });
        return year;
    }
}
