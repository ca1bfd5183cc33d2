using Safeguard.Calendar;
using static Safeguard.Core.Tests.TestDates;

namespace Safeguard.Core.Tests.Calendar;

public class BankHolidayTests
{
    private static readonly WorkingDayCalendar Calendar = new([]);

    [Theory]
    [InlineData("2020-05-08", "Early May bank holiday (VE day)")]
    [InlineData("2022-06-02", "Spring bank holiday")]
    [InlineData("2022-06-03", "Platinum Jubilee bank holiday")]
    [InlineData("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II")]
    [InlineData("2023-05-08", "Bank holiday for the coronation of King Charles III")]
    [InlineData("2023-05-01", "Early May bank holiday")]
    [InlineData("2016-03-25", "Good Friday")]
    [InlineData("2016-03-28", "Easter Monday")]
    [InlineData("2024-03-29", "Good Friday")]
    [InlineData("2024-04-01", "Easter Monday")]
    [InlineData("2025-04-18", "Good Friday")]
    [InlineData("2025-04-21", "Easter Monday")]
    [InlineData("2021-12-27", "Christmas Day")]
    [InlineData("2021-12-28", "Boxing Day")]
    [InlineData("2022-12-26", "Boxing Day")]
    [InlineData("2022-12-27", "Christmas Day")]
    [InlineData("2027-12-27", "Christmas Day")]
    [InlineData("2027-12-28", "Boxing Day")]
    [InlineData("2022-01-03", "New Year's Day")]
    public void Known_list_days_are_holidays_from_the_list(string date, string title)
    {
        var holiday = Calendar.HolidayOn(D(date));

        Assert.NotNull(holiday);
        Assert.Equal(title, holiday.Title);
        Assert.Equal(HolidaySource.KnownList, holiday.Source);
        Assert.False(Calendar.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("2020-05-04")] // first Monday in May 2020: the holiday moved to VE Day, Friday 8 May
    [InlineData("2022-05-30")] // last Monday in May 2022: the spring holiday moved to Thursday 2 June
    [InlineData("2021-12-24")] // Christmas Eve is not a holiday
    [InlineData("2024-02-29")] // leap day, a Thursday
    public void Days_the_rules_would_suggest_but_the_list_does_not_hold_are_working_days(string date)
    {
        Assert.Null(Calendar.HolidayOn(D(date)));
        Assert.True(Calendar.IsWorkingDay(D(date)));
    }

    [Fact]
    public void The_known_list_covers_2014_to_2027_and_each_year_comes_from_it()
    {
        Assert.Equal(2014, EnglandAndWalesBankHolidays.KnownListFirstYear);
        Assert.Equal(2027, EnglandAndWalesBankHolidays.KnownListLastYear);
        Assert.Equal(116 - 1, EnglandAndWalesBankHolidays.KnownListHolidays.Count); // 116 lines in the file, one header
        Assert.All(Calendar.HolidaysIn(2022), h => Assert.Equal(HolidaySource.KnownList, h.Source));
        Assert.Equal(10, Calendar.HolidaysIn(2022).Count);
        Assert.Equal(9, Calendar.HolidaysIn(2023).Count);
        Assert.All(Calendar.HolidaysIn(2013), h => Assert.Equal(HolidaySource.Rule, h.Source));
        Assert.All(Calendar.HolidaysIn(2028), h => Assert.Equal(HolidaySource.Rule, h.Source));
    }

    [Fact]
    public void Rules_give_the_2028_holidays()
    {
        var dates = EnglandAndWalesBankHolidays.ByRule(2028).Select(h => Iso(h.Date));

        Assert.Equal(
            ["2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26"],
            dates);
    }

    [Theory]
    [InlineData(2032, "2032-12-27", "2032-12-28")] // Christmas on a Saturday: Monday and Tuesday
    [InlineData(2033, "2033-12-27", "2033-12-26")] // Christmas on a Sunday: Boxing Day Monday 26, Christmas substitute Tuesday 27
    [InlineData(2037, "2037-12-25", "2037-12-28")] // Christmas on a Friday: Boxing Day substitute Monday 28
    [InlineData(2028, "2028-12-25", "2028-12-26")] // Christmas on a Monday
    public void Rules_substitute_christmas_and_boxing_day_falling_at_a_weekend(int year, string christmas, string boxingDay)
    {
        var holidays = EnglandAndWalesBankHolidays.ByRule(year);

        Assert.Equal(D(christmas), Assert.Single(holidays, h => h.Title == "Christmas Day").Date);
        Assert.Equal(D(boxingDay), Assert.Single(holidays, h => h.Title == "Boxing Day").Date);
    }

    [Theory]
    [InlineData(2028, "2028-01-03")] // Saturday 1 January
    [InlineData(2034, "2034-01-02")] // Sunday 1 January
    [InlineData(2029, "2029-01-01")] // Monday 1 January
    public void Rules_substitute_new_years_day_falling_at_a_weekend(int year, string expected)
    {
        var newYear = Assert.Single(EnglandAndWalesBankHolidays.ByRule(year), h => h.Title == "New Year's Day");

        Assert.Equal(D(expected), newYear.Date);
        Assert.Equal(expected.EndsWith("-01", StringComparison.Ordinal) ? null : "Substitute day", newYear.Note);
    }

    [Theory]
    [InlineData(2016, "2016-03-27")] // March, in the known list
    [InlineData(2024, "2024-03-31")] // March, in the known list
    [InlineData(2025, "2025-04-20")] // April
    [InlineData(2019, "2019-04-21")] // April
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2029, "2029-04-01")]
    [InlineData(2035, "2035-03-25")]
    [InlineData(2038, "2038-04-25")] // the latest possible date
    [InlineData(2285, "2285-03-22")] // the earliest possible date
    [InlineData(1818, "1818-03-22")]
    public void Easter_sunday_by_computus(int year, string expected) =>
        Assert.Equal(D(expected), EnglandAndWalesBankHolidays.EasterSunday(year));

    [Fact]
    public void Rules_agree_with_the_known_list_except_for_the_one_off_days()
    {
        // The only differences 2014-2027 between the standing rules and the published list.
        string[] expectedDifferences =
        [
            "2020-05-04", // rule: first Monday in May; moved to VE Day
            "2020-05-08", // list: VE Day
            "2022-05-30", // rule: last Monday in May; moved to 2 June
            "2022-06-02", // list: spring bank holiday moved for the Platinum Jubilee
            "2022-06-03", // list: Platinum Jubilee
            "2022-09-19", // list: state funeral of Queen Elizabeth II
            "2023-05-08", // list: coronation of King Charles III
        ];

        var differences = new List<string>();
        for (var year = 2014; year <= 2027; year++)
        {
            var ruleDates = EnglandAndWalesBankHolidays.ByRule(year).Select(h => h.Date).ToHashSet();
            var listDates = EnglandAndWalesBankHolidays.ForYear(year).Select(h => h.Date).ToHashSet();
            ruleDates.SymmetricExceptWith(listDates);
            differences.AddRange(ruleDates.Select(d => Iso(d)));
        }

        Assert.Equal(expectedDifferences, differences.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Known_list_parser_names_the_line_and_field_of_a_bad_date()
    {
        var ex = Assert.Throws<FormatException>(() =>
            EnglandAndWalesBankHolidays.KnownList.Parse("date,title,note\n2030-01-01,New Year's Day,\n2030-02-30,Nonsense,\n", "holidays.csv"));

        Assert.Contains("holidays.csv line 3, field date", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2030-02-30", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Known_list_parser_refuses_a_weekend_date_and_a_missing_year()
    {
        var weekend = Assert.Throws<FormatException>(() =>
            EnglandAndWalesBankHolidays.KnownList.Parse("date,title,note\n2030-01-05,Saturday holiday,\n", "holidays.csv"));
        var gap = Assert.Throws<FormatException>(() =>
            EnglandAndWalesBankHolidays.KnownList.Parse("date,title,note\n2030-01-01,New Year's Day,\n2032-01-01,\"New Year's Day, again\",\n", "holidays.csv"));

        Assert.Contains("Saturday", weekend.Message, StringComparison.Ordinal);
        Assert.Contains("no holidays for 2031", gap.Message, StringComparison.Ordinal);
    }
}
