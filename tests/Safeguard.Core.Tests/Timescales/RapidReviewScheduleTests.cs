using Safeguard.Calendar;
using Safeguard.Testing;
using Safeguard.Timescales;
using static Safeguard.Core.Tests.TestDates;

namespace Safeguard.Core.Tests.Timescales;

public class RapidReviewScheduleTests
{
    private static readonly WorkingDayCalendar Calendar = new([]);

    [Fact]
    public void The_day_plan_is_dated_in_working_days_across_easter()
    {
        // Notified Monday 25 March 2024; Good Friday 29 March and Easter Monday 1 April are not working days.
        var schedule = RapidReviewSchedule.Create(Calendar, D("2024-03-25"));

        Assert.Equal(
            [
                (1, 1, "2024-03-26", "2024-03-26"),
                (2, 10, "2024-03-27", "2024-04-10"),
                (11, 12, "2024-04-11", "2024-04-12"),
                (13, 13, "2024-04-15", "2024-04-15"),
                (14, 14, "2024-04-16", "2024-04-16"),
                (15, 15, "2024-04-17", "2024-04-17"),
            ],
            schedule.Steps.Select(s => (s.FirstDay, s.LastDay, Iso(s.StartDate), Iso(s.EndDate))));
        Assert.Contains("day 13", schedule.Steps[0].Description, StringComparison.Ordinal);
        Assert.Contains("three safeguarding partners", schedule.Steps[4].Description, StringComparison.Ordinal);
        Assert.Contains("National Child Safeguarding Practice Review Panel", schedule.Steps[5].Description, StringComparison.Ordinal);
        Assert.Equal("Days 2-10", schedule.Steps[1].DayText);
        Assert.Equal("Day 15", schedule.Steps[5].DayText);
    }

    [Fact]
    public void The_day_plan_is_dated_across_christmas_and_new_year()
    {
        var schedule = RapidReviewSchedule.Create(Calendar, D("2022-12-16"));

        Assert.Equal(D("2022-12-19"), schedule.Steps[0].StartDate);
        Assert.Equal(D("2023-01-04"), schedule.Steps[1].EndDate); // day 10
        Assert.Equal(D("2023-01-09"), schedule.Steps[3].StartDate); // day 13
        Assert.Equal(D("2023-01-11"), schedule.Steps[5].StartDate); // day 15
    }

    [Fact]
    public void Day_fifteen_is_the_due_date_of_the_rapid_review_timescale()
    {
        var service = new DeadlineService(Calendar, TimescaleCatalogue.Default, new FakeTimeProvider(At("2024-01-01T12:00:00Z")));

        foreach (var notified in new[] { D("2024-03-25"), D("2022-12-16"), D("2022-06-01"), D("2030-12-20") })
        {
            Assert.Equal(service.Calculate("rapid-review", notified).DueDate, RapidReviewSchedule.Create(Calendar, notified).Steps[^1].EndDate);
        }
    }
}
