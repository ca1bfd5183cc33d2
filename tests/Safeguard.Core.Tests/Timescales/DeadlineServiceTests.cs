using Safeguard.Calendar;
using Safeguard.Testing;
using Safeguard.Timescales;
using static Safeguard.Core.Tests.TestDates;

namespace Safeguard.Core.Tests.Timescales;

public class DeadlineServiceTests
{
    private static readonly WorkingDayCalendar Calendar = new([]);

    private static DeadlineService ServiceAt(string utcNow, TimescaleCatalogue? catalogue = null, DeadlineServiceOptions? options = null) =>
        new(Calendar, catalogue ?? TimescaleCatalogue.Default, new FakeTimeProvider(At(utcNow)), options);

    [Theory]
    [InlineData("contact-decision", "2024-03-28", "2024-04-02")]
    [InlineData("contact-decision", "2024-03-30", "2024-04-02")] // received on a Saturday
    [InlineData("assessment", "2023-12-20", "2024-02-26")]
    [InlineData("icpc", "2024-03-20", "2024-04-12")]
    [InlineData("first-core-group", "2024-03-20", "2024-04-05")]
    [InlineData("panel-notification", "2022-09-14", "2022-09-22")] // across the state funeral
    [InlineData("rapid-review", "2024-03-25", "2024-04-17")]
    [InlineData("lac-first-review", "2023-04-28", "2023-05-31")] // across three May bank holidays
    [InlineData("first-cp-review", "2023-11-30", "2024-02-29")] // clamped to the end of a leap February
    [InlineData("first-cp-review", "2024-01-15", "2024-04-15")]
    [InlineData("later-cp-review", "2023-08-31", "2024-02-29")]
    [InlineData("lac-second-review", "2023-01-31", "2023-04-30")] // a Sunday: month deadlines stay on the calendar date
    [InlineData("lcspr", "2024-08-31", "2025-02-28")]
    [InlineData("wise-assessment", "2024-01-10", "2024-02-07")]
    public void Due_dates_come_from_the_catalogue_and_the_calendar(string ruleId, string anchor, string expected) =>
        Assert.Equal(D(expected), ServiceAt("2024-01-01T12:00:00Z").Calculate(ruleId, D(anchor)).DueDate);

    [Fact]
    public void A_local_override_moves_the_due_date()
    {
        var local = TimescaleCatalogue.Default.WithOverrides([new TimescaleOverride("first-core-group", 5), new TimescaleOverride("wise-assessment", 6)]);
        var service = ServiceAt("2024-01-01T12:00:00Z", local);

        Assert.Equal(D("2024-03-27"), service.Calculate("first-core-group", D("2024-03-20")).DueDate);
        Assert.Equal(D("2024-02-21"), service.Calculate("wise-assessment", D("2024-01-10")).DueDate);
    }

    [Fact]
    public void An_unknown_rule_is_named_with_the_known_rules()
    {
        var ex = Assert.Throws<UnknownTimescaleRuleException>(() => ServiceAt("2024-01-01T12:00:00Z").Calculate("initial-conference", D("2024-03-20")));

        Assert.Contains("'initial-conference'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("icpc", ex.Message, StringComparison.Ordinal);
        Assert.Contains("contact-decision", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-04-05T11:00:00Z", DeadlineStatus.NotYetDue, 5, 0)]
    [InlineData("2024-04-09T11:00:00Z", DeadlineStatus.NotYetDue, 3, 0)]
    [InlineData("2024-04-10T11:00:00Z", DeadlineStatus.DueSoon, 2, 0)] // two working days left: the default warning window
    [InlineData("2024-04-11T22:59:00Z", DeadlineStatus.DueSoon, 1, 0)] // 23:59 BST on Thursday 11
    [InlineData("2024-04-11T23:00:00Z", DeadlineStatus.DueToday, 0, 0)] // midnight BST: Friday 12 in the UK
    [InlineData("2024-04-12T11:00:00Z", DeadlineStatus.DueToday, 0, 0)]
    [InlineData("2024-04-12T23:30:00Z", DeadlineStatus.Overdue, 0, 0)] // Saturday 13 in the UK: late, no working day lost yet
    [InlineData("2024-04-16T11:00:00Z", DeadlineStatus.Overdue, 0, 2)]
    public void The_status_of_an_open_deadline_follows_the_uk_date_of_the_clock(string utcNow, DeadlineStatus status, int remaining, int late)
    {
        var service = ServiceAt(utcNow);

        var assessment = service.Assess("icpc", D("2024-03-20")); // due Friday 12 April 2024

        Assert.Equal(D("2024-04-12"), assessment.Deadline.DueDate);
        Assert.Equal(status, assessment.Status);
        Assert.Equal(remaining, assessment.WorkingDaysRemaining);
        Assert.Equal(late, assessment.WorkingDaysLate);
    }

    [Theory]
    [InlineData("2024-04-11", DeadlineStatus.MetOnTime, 0)]
    [InlineData("2024-04-12", DeadlineStatus.MetOnTime, 0)]
    [InlineData("2024-03-20", DeadlineStatus.MetOnTime, 0)]
    [InlineData("2024-04-13", DeadlineStatus.MetLate, 0)] // the Saturday after: late, but no working day lost
    [InlineData("2024-04-17", DeadlineStatus.MetLate, 3)]
    public void The_status_of_completed_work_compares_the_completion_date_with_the_due_date(string completed, DeadlineStatus status, int late)
    {
        var assessment = ServiceAt("2024-06-01T12:00:00Z").Assess("icpc", D("2024-03-20"), D(completed));

        Assert.Equal(status, assessment.Status);
        Assert.Equal(late, assessment.WorkingDaysLate);
    }

    [Fact]
    public void The_warning_window_can_be_set_for_the_service_and_per_rule()
    {
        var wider = ServiceAt("2024-04-05T11:00:00Z", options: new DeadlineServiceOptions { DefaultWarningWorkingDays = 5 });
        Assert.Equal(DeadlineStatus.DueSoon, wider.Assess("icpc", D("2024-03-20")).Status);

        // first-cp-review warns 10 working days ahead: ICPC 15 January 2024, due Monday 15 April.
        Assert.Equal(DeadlineStatus.DueSoon, ServiceAt("2024-04-02T11:00:00Z").Assess("first-cp-review", D("2024-01-15")).Status); // 9 left
        Assert.Equal(DeadlineStatus.NotYetDue, ServiceAt("2024-03-27T11:00:00Z").Assess("first-cp-review", D("2024-01-15")).Status); // 11 left
    }

    [Fact]
    public void A_negative_warning_window_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceAt("2024-01-01T12:00:00Z", options: new DeadlineServiceOptions { DefaultWarningWorkingDays = -1 }));

    [Theory]
    [InlineData("2024-03-29T18:00:00Z", "2024-04-01T18:00:00Z", "2024-04-01T19:00:00+01:00")] // Good Friday 18:00 GMT; clocks go forward on 31 March
    [InlineData("2024-03-30T12:00:00+00:00", "2024-04-02T12:00:00Z", "2024-04-02T13:00:00+01:00")]
    [InlineData("2024-03-28T23:30:00Z", "2024-03-31T23:30:00Z", "2024-04-01T00:30:00+01:00")] // due on 1 April in the UK, 31 March in UTC
    [InlineData("2024-10-26T12:00:00+01:00", "2024-10-29T11:00:00Z", "2024-10-29T11:00:00+00:00")] // clocks go back on 27 October
    [InlineData("2024-10-27T01:30:00+01:00", "2024-10-30T00:30:00Z", "2024-10-30T00:30:00+00:00")] // the first 01:30 on the day the clocks go back
    public void Hour_deadlines_are_elapsed_hours_across_clock_changes(string anchor, string expectedUtc, string expectedUkLocal)
    {
        var deadline = ServiceAt("2024-01-01T12:00:00Z").Calculate("return-home-interview", At(anchor));

        Assert.Equal(At(expectedUtc), deadline.DueInstant);
        Assert.Equal(TimeSpan.Zero, deadline.DueInstant!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(72), deadline.DueInstant.Value - deadline.AnchorInstant!.Value);
        var local = UkTime.ToUkLocal(deadline.DueInstant.Value);
        Assert.Equal(At(expectedUkLocal).Offset, local.Offset);
        Assert.Equal(At(expectedUkLocal).DateTime, local.DateTime);
        Assert.Equal(DateOnly.FromDateTime(At(expectedUkLocal).DateTime), deadline.DueDate);
    }

    [Theory]
    [InlineData("2024-03-29T20:00:00Z", DeadlineStatus.DueSoon, 0)] // no working day before Easter Monday
    [InlineData("2024-04-01T17:59:00Z", DeadlineStatus.DueToday, 0)]
    [InlineData("2024-04-01T18:01:00Z", DeadlineStatus.Overdue, 0)]
    [InlineData("2024-04-02T09:00:00Z", DeadlineStatus.Overdue, 1)]
    public void The_status_of_an_open_hour_deadline_compares_instants(string utcNow, DeadlineStatus status, int late)
    {
        var service = ServiceAt(utcNow);
        var deadline = service.Calculate("return-home-interview", At("2024-03-29T18:00:00Z"));

        var assessment = service.Assess(deadline);

        Assert.Equal(status, assessment.Status);
        Assert.Equal(late, assessment.WorkingDaysLate);
    }

    [Theory]
    [InlineData("2024-04-01T17:59:00Z", DeadlineStatus.MetOnTime)]
    [InlineData("2024-04-01T18:00:00Z", DeadlineStatus.MetOnTime)]
    [InlineData("2024-04-01T18:01:00Z", DeadlineStatus.MetLate)]
    public void Completed_hour_deadlines_compare_instants(string completedAt, DeadlineStatus status)
    {
        var service = ServiceAt("2024-05-01T12:00:00Z");
        var deadline = service.Calculate("return-home-interview", At("2024-03-29T18:00:00Z"));

        Assert.Equal(status, service.AssessAt(deadline, At(completedAt)).Status);
    }

    [Fact]
    public void An_hour_timescale_needs_times_not_dates()
    {
        var service = ServiceAt("2024-05-01T12:00:00Z");
        var deadline = service.Calculate("return-home-interview", At("2024-03-29T18:00:00Z"));

        var noTime = Assert.Throws<ArgumentException>(() => service.Calculate("return-home-interview", D("2024-03-29")));
        Assert.Contains("date and time", noTime.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => service.Assess(deadline, D("2024-04-01")));
    }

    [Fact]
    public void A_day_timescale_counted_from_an_instant_uses_its_uk_date()
    {
        var service = ServiceAt("2024-05-01T12:00:00Z");

        // 23:30 UTC on Thursday 27 June 2024 is 00:30 BST on Friday 28 June.
        var deadline = service.Calculate("contact-decision", At("2024-06-27T23:30:00Z"));

        Assert.Equal(D("2024-06-28"), deadline.AnchorDate);
        Assert.Equal(D("2024-07-01"), deadline.DueDate);
        Assert.Null(deadline.DueInstant);
        Assert.Equal(DeadlineStatus.MetLate, service.AssessAt(deadline, At("2024-07-02T08:00:00Z")).Status);
        Assert.Equal(DeadlineStatus.MetOnTime, service.AssessAt(deadline, At("2024-07-01T22:30:00Z")).Status); // 23:30 BST on the due date
    }
}
