using FsCheck;
using FsCheck.Fluent;
using Safeguard.Calendar;

namespace Safeguard.Core.Tests.Calendar;

/// <summary>Properties of the counting convention, over dates 2000-2040 (known list and rule years).</summary>
public class WorkingDayCalendarPropertyTests
{
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly WorkingDayCalendar Calendar = new([new ProclaimedDay(new DateOnly(2031, 6, 6), "Proclaimed day for the test")]);
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static Arbitrary<(DateOnly Date, int WorkingDays)> DatesAndCounts(int minimum, int maximum) =>
        (from offset in Gen.Choose(0, (40 * 365) + 10)
         from n in Gen.Choose(minimum, maximum)
         select (Earliest.AddDays(offset), n)).ToArbitrary();

    private static Arbitrary<(DateOnly From, DateOnly To)> DatePairs() =>
        (from a in Gen.Choose(0, (40 * 365) + 10)
         from span in Gen.Choose(-400, 400)
         select (Earliest.AddDays(a), Earliest.AddDays(Math.Max(0, a + span)))).ToArbitrary();

    [Fact]
    public void Adding_one_or_more_working_days_always_lands_on_a_working_day() =>
        Check.One(Config, Prop.ForAll(DatesAndCounts(1, 300), x => Calendar.IsWorkingDay(Calendar.AddWorkingDays(x.Date, x.WorkingDays))));

    [Fact]
    public void Working_days_between_a_date_and_n_working_days_later_is_n() =>
        Check.One(Config, Prop.ForAll(DatesAndCounts(0, 300), x =>
            Calendar.WorkingDaysBetween(x.Date, Calendar.AddWorkingDays(x.Date, x.WorkingDays)) == x.WorkingDays));

    [Fact]
    public void Adding_working_days_is_strictly_increasing_in_n() =>
        Check.One(Config, Prop.ForAll(DatesAndCounts(0, 300), x =>
            Calendar.AddWorkingDays(x.Date, x.WorkingDays) < Calendar.AddWorkingDays(x.Date, x.WorkingDays + 1)));

    [Fact]
    public void Working_days_between_changes_sign_when_the_dates_swap() =>
        Check.One(Config, Prop.ForAll(DatePairs(), x =>
            Calendar.WorkingDaysBetween(x.From, x.To) == -Calendar.WorkingDaysBetween(x.To, x.From)));

    [Fact]
    public void The_next_working_day_is_one_working_day_later_and_the_previous_one_back() =>
        Check.One(Config, Prop.ForAll(DatesAndCounts(0, 0), x =>
            Calendar.NextWorkingDay(x.Date) == Calendar.AddWorkingDays(x.Date, 1)
            && Calendar.WorkingDaysBetween(Calendar.PreviousWorkingDay(x.Date), x.Date) == (Calendar.IsWorkingDay(x.Date) ? 1 : 0)
            && Calendar.IsWorkingDay(Calendar.PreviousWorkingDay(x.Date))));

    [Fact]
    public void Rule_years_have_eight_distinct_weekday_holidays_around_a_sunday_easter() =>
        Check.One(Config, Prop.ForAll(Gen.Choose(1583, 3000).ToArbitrary(), year =>
        {
            var holidays = EnglandAndWalesBankHolidays.ByRule(year);
            var easter = EnglandAndWalesBankHolidays.EasterSunday(year);
            return holidays.Count == 8
                && holidays.Select(h => h.Date).Distinct().Count() == 8
                && holidays.All(h => h.Date.Year == year && h.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                && easter.DayOfWeek == DayOfWeek.Sunday
                && easter >= new DateOnly(year, 3, 22) && easter <= new DateOnly(year, 4, 25)
                && holidays.Any(h => h.Title == "Good Friday" && h.Date == easter.AddDays(-2))
                && holidays.Any(h => h.Title == "Easter Monday" && h.Date == easter.AddDays(1));
        }));
}
