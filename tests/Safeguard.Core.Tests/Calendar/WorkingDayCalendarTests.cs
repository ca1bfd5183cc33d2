using Safeguard.Calendar;
using Safeguard.Testing;
using static Safeguard.Core.Tests.TestDates;

namespace Safeguard.Core.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = new([]);

    [Theory]
    [InlineData("2020-05-07", 1, "2020-05-11")] // VE Day Friday 8 May 2020
    [InlineData("2020-05-01", 1, "2020-05-04")] // Monday 4 May 2020 was a working day
    [InlineData("2022-06-01", 1, "2022-06-06")] // jubilee Thursday and Friday
    [InlineData("2022-05-27", 1, "2022-05-30")] // Monday 30 May 2022 was a working day
    [InlineData("2022-09-16", 1, "2022-09-20")] // state funeral Monday 19 September
    [InlineData("2023-05-05", 1, "2023-05-09")] // coronation Monday 8 May
    [InlineData("2021-12-24", 1, "2021-12-29")] // Christmas on Saturday: Monday 27 and Tuesday 28 off
    [InlineData("2022-12-23", 1, "2022-12-28")] // Christmas on Sunday: Monday 26 and Tuesday 27 off
    [InlineData("2027-12-24", 1, "2027-12-29")] // Christmas on Saturday
    [InlineData("2024-03-28", 1, "2024-04-02")] // Easter in March
    [InlineData("2025-04-17", 1, "2025-04-22")] // Easter in April
    [InlineData("2024-02-28", 1, "2024-02-29")] // leap day
    [InlineData("2024-02-29", 1, "2024-03-01")]
    [InlineData("2024-03-30", 1, "2024-04-02")] // from a Saturday: the start day is not counted
    [InlineData("2024-03-30", 0, "2024-03-30")] // adding 0 leaves a non-working day unchanged
    [InlineData("2024-03-28", 0, "2024-03-28")]
    [InlineData("2024-03-20", 15, "2024-04-12")] // ICPC across Easter
    [InlineData("2023-12-20", 45, "2024-02-26")] // assessment across Christmas and New Year
    public void Adds_working_days(string from, int workingDays, string expected) =>
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(from), workingDays));

    [Theory]
    [InlineData("2024-03-28", "2024-04-02", 1)]
    [InlineData("2024-03-29", "2024-04-02", 1)] // from Good Friday
    [InlineData("2024-04-02", "2024-03-28", -1)] // backwards is negative
    [InlineData("2024-03-29", "2024-04-01", 0)] // Good Friday to Easter Monday: no working day
    [InlineData("2024-03-28", "2024-03-28", 0)]
    [InlineData("2020-05-01", "2020-05-11", 5)]
    [InlineData("2022-06-01", "2022-06-06", 1)]
    [InlineData("2024-02-01", "2024-03-01", 21)] // leap February
    [InlineData("2024-12-31", "2025-12-31", 253)] // the working days of 2025
    public void Counts_working_days_between_dates(string from, string to, int expected) =>
        Assert.Equal(expected, Calendar.WorkingDaysBetween(D(from), D(to)));

    [Theory]
    [InlineData("2024-03-28", "2024-04-02", "2024-03-27")]
    [InlineData("2024-03-29", "2024-04-02", "2024-03-28")]
    [InlineData("2022-12-23", "2022-12-28", "2022-12-22")]
    [InlineData("2022-06-06", "2022-06-07", "2022-06-01")]
    public void Finds_the_next_and_previous_working_days(string date, string next, string previous)
    {
        Assert.Equal(D(next), Calendar.NextWorkingDay(D(date)));
        Assert.Equal(D(previous), Calendar.PreviousWorkingDay(D(date)));
    }

    [Fact]
    public void Adding_a_negative_number_of_working_days_is_refused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(D("2024-03-28"), -1));

        Assert.Equal("workingDays", ex.ParamName);
        Assert.Contains("zero or more", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counting_past_the_end_of_the_calendar_says_so() =>
        Assert.Contains(
            "9999-12-31",
            Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(D("9999-12-30"), 2)).Message,
            StringComparison.Ordinal);

    [Fact]
    public void A_proclaimed_day_is_a_holiday_and_not_a_working_day()
    {
        var calendar = new WorkingDayCalendar([new ProclaimedDay(D("2029-06-01"), "Royal event bank holiday")]);

        var holiday = calendar.HolidayOn(D("2029-06-01"));
        Assert.NotNull(holiday);
        Assert.Equal(HolidaySource.Proclaimed, holiday.Source);
        Assert.Equal("Royal event bank holiday", holiday.Title);
        Assert.False(calendar.IsWorkingDay(D("2029-06-01")));
        Assert.Equal(D("2029-06-04"), calendar.AddWorkingDays(D("2029-05-31"), 1));
        Assert.Equal(9, calendar.HolidaysIn(2029).Count);
        Assert.True(Calendar.IsWorkingDay(D("2029-06-01"))); // the calendar without it is unchanged
    }

    [Theory]
    [InlineData("2029-06-02", "Saturday")]
    [InlineData("2029-06-03", "Sunday")]
    public void A_proclaimed_day_at_a_weekend_is_refused(string date, string dayName)
    {
        var ex = Assert.Throws<InvalidProclaimedDayException>(() => new WorkingDayCalendar([new ProclaimedDay(D(date), "Weekend party")]));

        Assert.Contains(date, ex.Message, StringComparison.Ordinal);
        Assert.Contains(dayName, ex.Message, StringComparison.Ordinal);
        Assert.Contains("weekday", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-12-25", "Christmas Day", "published list")]
    [InlineData("2029-12-25", "Christmas Day", "standing rules")]
    [InlineData("2022-09-19", "State Funeral", "published list")]
    public void A_proclaimed_day_that_is_already_a_holiday_is_refused(string date, string existing, string where)
    {
        var ex = Assert.Throws<InvalidProclaimedDayException>(() => new WorkingDayCalendar([new ProclaimedDay(D(date), "Extra day")]));

        Assert.Contains(date, ex.Message, StringComparison.Ordinal);
        Assert.Contains(existing, ex.Message, StringComparison.Ordinal);
        Assert.Contains(where, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_proclaimed_twice_or_without_a_title_is_refused()
    {
        var twice = Assert.Throws<InvalidProclaimedDayException>(() => new WorkingDayCalendar(
            [new ProclaimedDay(D("2029-06-01"), "First"), new ProclaimedDay(D("2029-06-01"), "Second")]));
        var untitled = Assert.Throws<InvalidProclaimedDayException>(() => new WorkingDayCalendar([new ProclaimedDay(D("2029-06-01"), " ")]));

        Assert.Contains("already proclaimed", twice.Message, StringComparison.Ordinal);
        Assert.Contains("no title", untitled.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proclaimed_days_are_added_and_removed_at_run_time_through_a_source()
    {
        var source = new InMemoryProclaimedDaySource();
        source.Add(new ProclaimedDay(D("2029-06-01"), "Royal event bank holiday"));

        var withDay = await WorkingDayCalendar.CreateAsync(source, TestContext.Current.CancellationToken);
        Assert.True(source.Remove(D("2029-06-01")));
        var withoutDay = await WorkingDayCalendar.CreateAsync(source, TestContext.Current.CancellationToken);

        Assert.False(withDay.IsWorkingDay(D("2029-06-01")));
        Assert.True(withoutDay.IsWorkingDay(D("2029-06-01")));
        Assert.False(source.Remove(D("2029-06-01")));
    }

    [Fact]
    public void The_in_memory_source_refuses_a_bad_day_when_it_is_added()
    {
        var source = new InMemoryProclaimedDaySource([new ProclaimedDay(D("2029-06-01"), "Royal event bank holiday")]);

        Assert.Throws<InvalidProclaimedDayException>(() => source.Add(new ProclaimedDay(D("2029-06-01"), "Again")));
        Assert.Throws<InvalidProclaimedDayException>(() => source.Add(new ProclaimedDay(D("2029-06-02"), "Saturday")));
    }

    [Fact]
    public void A_new_proclaimed_day_can_be_checked_before_it_is_stored()
    {
        var calendar = new WorkingDayCalendar([new ProclaimedDay(D("2029-06-01"), "Royal event bank holiday")]);

        calendar.ValidateNewProclaimedDay(new ProclaimedDay(D("2029-06-05"), "Another"));
        Assert.Throws<InvalidProclaimedDayException>(() => calendar.ValidateNewProclaimedDay(new ProclaimedDay(D("2029-06-01"), "Same day")));
    }
}
