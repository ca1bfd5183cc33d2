using Safeguard.Calendar;

namespace Safeguard.Timescales;

/// <summary>One step of the rapid review day plan.</summary>
/// <param name="FirstDay">The working day number the step starts on (day 1 is the first working day after the notification).</param>
/// <param name="LastDay">The working day number by which the step is finished; equal to <paramref name="FirstDay"/> for a one-day step.</param>
/// <param name="StartDate">The date of <paramref name="FirstDay"/>.</param>
/// <param name="EndDate">The date of <paramref name="LastDay"/>.</param>
/// <param name="Description">What happens.</param>
public sealed record RapidReviewStep(int FirstDay, int LastDay, DateOnly StartDate, DateOnly EndDate, string Description)
{
    /// <summary>"Day 13" or "Days 2-10".</summary>
    public string DayText => FirstDay == LastDay ? $"Day {FirstDay}" : $"Days {FirstDay}-{LastDay}";
}

/// <summary>
/// The rapid review day plan (the partnership's "Rapid Review Process"), dated from the serious incident
/// notification with the same working-day calendar as every other deadline: day N is
/// <c>AddWorkingDays(notification, N)</c>, so day 15, when the recommendation goes to the National Panel, is the
/// due date of the <c>rapid-review</c> timescale.
/// </summary>
public sealed class RapidReviewSchedule
{
    /// <summary>The working day by which the rapid review is sent to the Panel.</summary>
    public const int FinalDay = 15;

    private static readonly (int First, int Last, string Description)[] Plan =
    [
        (1, 1, "Request for information sent to all member agencies (return by day 10), with the invitation to the rapid review meeting on day 13"),
        (2, 10, "Agencies return information"),
        (11, 12, "Information collated and circulated to the rapid review members"),
        (13, 13, "Rapid review meeting held and recommendation made"),
        (14, 14, "Recommendation agreed and signed by the three safeguarding partners"),
        (15, 15, "Recommendation sent to the National Child Safeguarding Practice Review Panel and the case review group"),
    ];

    private RapidReviewSchedule(DateOnly notificationDate, IReadOnlyList<RapidReviewStep> steps)
    {
        NotificationDate = notificationDate;
        Steps = steps;
    }

    /// <summary>The date the serious incident was notified (to the chair, deputy chair and business manager).</summary>
    public DateOnly NotificationDate { get; }

    /// <summary>The steps in order, with their working day numbers and dates.</summary>
    public IReadOnlyList<RapidReviewStep> Steps { get; }

    /// <summary>Dates the day plan from the notification date.</summary>
    public static RapidReviewSchedule Create(WorkingDayCalendar calendar, DateOnly notificationDate)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var steps = Plan
            .Select(p => new RapidReviewStep(
                p.First,
                p.Last,
                calendar.AddWorkingDays(notificationDate, p.First),
                calendar.AddWorkingDays(notificationDate, p.Last),
                p.Description))
            .ToList();
        return new RapidReviewSchedule(notificationDate, steps);
    }
}
