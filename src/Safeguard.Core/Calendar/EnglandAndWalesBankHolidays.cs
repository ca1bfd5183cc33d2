using System.Globalization;

namespace Safeguard.Calendar;

/// <summary>
/// The bank holidays of England and Wales, before any proclaimed days are added. Within the years of the
/// published list the product carries (<c>Calendar/Data/bank-holidays-england-and-wales.csv</c>) the list is
/// authoritative, because it holds the one-off changes no rule can predict (the 2020 VE Day move, the 2022
/// jubilee and state funeral, the 2023 coronation). Outside those years the standing rules apply.
/// </summary>
public static class EnglandAndWalesBankHolidays
{
    internal const string KnownListResourceName = "Safeguard.Calendar.Data.bank-holidays-england-and-wales.csv";

    private static readonly Lazy<KnownList> Known = new(() => KnownList.Parse(ReadEmbeddedKnownList(), KnownListResourceName));

    /// <summary>The first year the known list covers.</summary>
    public static int KnownListFirstYear => Known.Value.FirstYear;

    /// <summary>The last year the known list covers.</summary>
    public static int KnownListLastYear => Known.Value.LastYear;

    /// <summary>Every holiday in the known list, in date order.</summary>
    public static IReadOnlyList<BankHoliday> KnownListHolidays => Known.Value.All;

    /// <summary>True when <paramref name="year"/> is covered by the known list rather than the rules.</summary>
    public static bool IsInKnownList(int year) => year >= KnownListFirstYear && year <= KnownListLastYear;

    /// <summary>The year's bank holidays: the known list where it covers the year, otherwise the rules.</summary>
    public static IReadOnlyList<BankHoliday> ForYear(int year) =>
        IsInKnownList(year) ? Known.Value.ByYear[year] : ByRule(year);

    /// <summary>
    /// The year's bank holidays from the standing rules alone: New Year's Day, Good Friday, Easter Monday, the
    /// first and last Mondays of May, the last Monday of August, Christmas Day and Boxing Day. A holiday that
    /// falls on a weekend moves to the next weekday not already a holiday, so Christmas on a Saturday gives
    /// Monday 27 and Tuesday 28 December, and Christmas on a Sunday gives Boxing Day on Monday 26 and the
    /// Christmas substitute on Tuesday 27.
    /// </summary>
    public static IReadOnlyList<BankHoliday> ByRule(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, DateOnly.MinValue.Year);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, DateOnly.MaxValue.Year);

        var easter = EasterSunday(year);
        var holidays = new List<BankHoliday>
        {
            Substituted(new DateOnly(year, 1, 1), "New Year's Day", taken: []),
            new(easter.AddDays(-2), "Good Friday", HolidaySource.Rule),
            new(easter.AddDays(1), "Easter Monday", HolidaySource.Rule),
            new(FirstMonday(year, 5), "Early May bank holiday", HolidaySource.Rule),
            new(LastMonday(year, 5), "Spring bank holiday", HolidaySource.Rule),
            new(LastMonday(year, 8), "Summer bank holiday", HolidaySource.Rule),
        };

        // Boxing Day is placed first when Christmas falls on a Sunday: it is then Monday 26th itself, and the
        // Christmas substitute takes the Tuesday.
        var christmas = new DateOnly(year, 12, 25);
        var boxingDay = new DateOnly(year, 12, 26);
        if (christmas.DayOfWeek == DayOfWeek.Sunday)
        {
            var boxing = new BankHoliday(boxingDay, "Boxing Day", HolidaySource.Rule);
            holidays.Add(boxing);
            holidays.Add(Substituted(christmas, "Christmas Day", taken: [boxing.Date]));
        }
        else
        {
            var christmasHoliday = Substituted(christmas, "Christmas Day", taken: []);
            holidays.Add(christmasHoliday);
            holidays.Add(Substituted(boxingDay, "Boxing Day", taken: [christmasHoliday.Date]));
        }

        return [.. holidays.OrderBy(h => h.Date)];
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static BankHoliday Substituted(DateOnly date, string title, IReadOnlyCollection<DateOnly> taken)
    {
        if (!IsWeekend(date) && !taken.Contains(date))
        {
            return new BankHoliday(date, title, HolidaySource.Rule);
        }

        var substitute = date.AddDays(1);
        while (IsWeekend(substitute) || taken.Contains(substitute))
        {
            substitute = substitute.AddDays(1);
        }

        return new BankHoliday(substitute, title, HolidaySource.Rule, "Substitute day");
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }

    private static string ReadEmbeddedKnownList()
    {
        using var stream = typeof(EnglandAndWalesBankHolidays).Assembly.GetManifestResourceStream(KnownListResourceName)
            ?? throw new InvalidOperationException($"The bank holiday list '{KnownListResourceName}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The parsed known list. Internal so tests can check the parser's error messages.</summary>
    internal sealed class KnownList
    {
        private KnownList(IReadOnlyList<BankHoliday> all)
        {
            All = all;
            FirstYear = all[0].Date.Year;
            LastYear = all[^1].Date.Year;
            ByYear = all.GroupBy(h => h.Date.Year).ToDictionary(g => g.Key, g => (IReadOnlyList<BankHoliday>)[.. g]);
        }

        public IReadOnlyList<BankHoliday> All { get; }

        public int FirstYear { get; }

        public int LastYear { get; }

        public IReadOnlyDictionary<int, IReadOnlyList<BankHoliday>> ByYear { get; }

        /// <summary>Reads <c>date,title,note</c> lines with a header; fields may be double-quoted.</summary>
        public static KnownList Parse(string csv, string fileName)
        {
            var lines = csv.ReplaceLineEndings("\n").Split('\n');
            if (lines.Length == 0 || !lines[0].Trim().Equals("date,title,note", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException($"{fileName} line 1: expected the header 'date,title,note'.");
            }

            var holidays = new List<BankHoliday>();
            for (var i = 1; i < lines.Length; i++)
            {
                var lineNumber = i + 1;
                if (string.IsNullOrWhiteSpace(lines[i]))
                {
                    continue;
                }

                var fields = SplitCsvLine(lines[i], fileName, lineNumber);
                if (fields.Count is < 2 or > 3)
                {
                    throw new FormatException($"{fileName} line {lineNumber}: expected date,title,note but found {fields.Count} fields.");
                }

                if (!DateOnly.TryParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw new FormatException($"{fileName} line {lineNumber}, field date: '{fields[0]}' is not a date in the form yyyy-mm-dd.");
                }

                if (IsWeekend(date))
                {
                    throw new FormatException($"{fileName} line {lineNumber}, field date: {date:yyyy-MM-dd} is a {date.DayOfWeek}; bank holidays fall on weekdays.");
                }

                if (string.IsNullOrWhiteSpace(fields[1]))
                {
                    throw new FormatException($"{fileName} line {lineNumber}, field title: the title is empty.");
                }

                if (holidays.Count > 0 && date <= holidays[^1].Date)
                {
                    throw new FormatException($"{fileName} line {lineNumber}, field date: {date:yyyy-MM-dd} is not after the previous line's date; keep the list in date order without repeats.");
                }

                var note = fields.Count == 3 && !string.IsNullOrWhiteSpace(fields[2]) ? fields[2].Trim() : null;
                holidays.Add(new BankHoliday(date, fields[1].Trim(), HolidaySource.KnownList, note));
            }

            if (holidays.Count == 0)
            {
                throw new FormatException($"{fileName}: the list has no holidays.");
            }

            // Every year between the first and the last must be present, or the rules would silently be
            // skipped for a year the list forgot.
            for (var year = holidays[0].Date.Year; year <= holidays[^1].Date.Year; year++)
            {
                if (!holidays.Any(h => h.Date.Year == year))
                {
                    throw new FormatException($"{fileName}: the list has no holidays for {year}, between its first and last years.");
                }
            }

            return new KnownList(holidays);
        }

        private static List<string> SplitCsvLine(string line, string fileName, int lineNumber)
        {
            var fields = new List<string>();
            var field = new System.Text.StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var ch = line[i];
                if (quoted)
                {
                    if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (ch == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(ch);
                    }
                }
                else if (ch == '"')
                {
                    quoted = true;
                }
                else if (ch == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(ch);
                }
            }

            if (quoted)
            {
                throw new FormatException($"{fileName} line {lineNumber}: a quoted field is not closed.");
            }

            fields.Add(field.ToString());
            return fields;
        }
    }
}
