namespace Safeguard.LookedAfter;

/// <summary>The personal adviser and the adult services flag as entered.</summary>
public sealed record AdviserDetails
{
    public Guid? PersonalAdviserUserId { get; init; }

    /// <summary>Whether the young person is likely to need adult services; null while not yet considered.</summary>
    public bool? NeedsAdultServices { get; init; }

    public string? AdultServicesNote { get; init; }
}

/// <summary>A pathway plan or review as entered.</summary>
public sealed record PathwayPlanDetails
{
    public DateOnly? AgreedOn { get; init; }

    public bool IsReview { get; init; }

    public string? Summary { get; init; }
}

/// <summary>The OC3 information around a birthday as entered.</summary>
public sealed record CareLeaverContactDetails
{
    /// <summary>17 to 21.</summary>
    public int? Birthday { get; init; }

    public DateOnly? ContactedOn { get; init; }

    public string? InTouch { get; init; }

    public string? Activity { get; init; }

    public string? Accommodation { get; init; }
}

/// <summary>One of the 17th to 21st birthdays: its date and the OC3 information recorded for it, if any.</summary>
public sealed record BirthdayView(int Age, DateOnly On, CareLeaverContact? Contact, bool LookedAfterOnTheDay);

/// <summary>
/// A young person's care leaver record: the status worked out from their care history, the personal adviser and the
/// adult services flag, the pathway plans and when the next is due, and the 17th to 21st birthdays.
/// </summary>
public sealed record CareLeaverView(
    Guid PersonId,
    string Name,
    DateOnly? DateOfBirth,
    CareLeaverAssessment Assessment,
    CareLeaver? Record,
    IReadOnlyList<PathwayPlan> Plans,
    NextDue? NextPlan,
    IReadOnlyList<BirthdayView> Birthdays)
{
    /// <summary>The latest OC3 "in touch" answer, if any.</summary>
    public CareLeaverContact? LatestContact => Birthdays.Where(b => b.Contact is not null).Select(b => b.Contact).LastOrDefault();
}

/// <summary>Which care leavers the tracker lists.</summary>
public sealed record CareLeaverTrackerQuery
{
    public LeavingCareStatus? Status { get; init; }

    public Guid? PersonalAdviserUserId { get; init; }

    /// <summary>Only those whose next pathway plan (or review) is overdue or due within the warning period.</summary>
    public bool PlanDueOnly { get; init; }

    /// <summary>Only those flagged as likely to need adult services, or not yet considered (null: everyone).</summary>
    public bool AdultServicesOnly { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;
}

/// <summary>One young person on the tracker.</summary>
public sealed record CareLeaverTrackerRow(
    Guid PersonId,
    string Name,
    int? Age,
    LeavingCareStatus Status,
    string? PersonalAdviserName,
    NextDue? NextPlan,
    string? InTouch,
    bool? NeedsAdultServices);

/// <summary>A page of the tracker, with the total and the counts by status over the whole (filtered) list.</summary>
public sealed record CareLeaverTrackerPage(IReadOnlyList<CareLeaverTrackerRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
