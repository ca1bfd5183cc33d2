using Safeguard.Common;
using Safeguard.Organisations;

namespace Safeguard.Training;

/// <summary>Where a training session stands.</summary>
public enum SessionStatus
{
    /// <summary>Planned: agencies can book places.</summary>
    Planned,

    /// <summary>Held: its attendance register has been taken.</summary>
    Delivered,

    /// <summary>Called off: its bookings count as cancelled.</summary>
    Cancelled,
}

/// <summary>What became of a delegate's booking.</summary>
public enum Attendance
{
    /// <summary>Booked; the register is not yet taken.</summary>
    Booked,

    Attended,

    /// <summary>Booked, did not come and did not cancel.</summary>
    DidNotAttend,

    /// <summary>The place was given back before the session (by the agency, or the session was called off).</summary>
    Cancelled,
}

/// <summary>
/// A multi-agency training course the partnership commissions: what it teaches (learning outcomes), who it is for
/// and, when it answers learning from case reviews, the learning theme it addresses, so a theme repeated in reviews
/// can be traced to the training given on it.
/// </summary>
public sealed class TrainingCourse : Entity
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;

    public required string Title { get; set; }

    public required string LearningOutcomes { get; set; }

    /// <summary>Who the course is for (for example, "Practitioners in every agency who work with children and families").</summary>
    public required string Audience { get; set; }

    /// <summary>The case reviews' learning theme the course addresses, if any.</summary>
    public Guid? LearningThemeId { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}

/// <summary>One delivery of a course: a date, a venue or online, the trainer and the places offered.</summary>
public sealed class TrainingSession : Entity
{
    public const int MaxPlaces = 500;

    public Guid CourseId { get; set; }

    public TrainingCourse? Course { get; set; }

    public DateOnly HeldOn { get; set; }

    /// <summary>The reporting year starting 1 April of this year (kept so a year's programme is read by index).</summary>
    public int YearStart { get; set; }

    public bool Online { get; set; }

    /// <summary>Where it is held; null when online.</summary>
    public string? Venue { get; set; }

    public required string Trainer { get; set; }

    public int Places { get; set; }

    /// <summary>
    /// Places taken (bookings not cancelled), kept with every booking and cancellation so that the session's version
    /// guards its last place: two agencies booking it at once cannot both have it.
    /// </summary>
    public int Booked { get; set; }

    public SessionStatus Status { get; set; }

    public ReportingYear Year => new(YearStart);
}

/// <summary>
/// A delegate booked on a session by their agency: the delegate is a member of staff (never a child's record), named
/// with their role; then whether they came, their evaluation at the session (confidence before and after on a 1 to 5
/// scale and feedback) and the follow-up three months on (has their practice changed, with an example).
/// </summary>
public sealed class TrainingBooking : Entity
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4000;

    public Guid SessionId { get; set; }

    public TrainingSession? Session { get; set; }

    public Guid AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public required string DelegateName { get; set; }

    /// <summary>The delegate's role, from <see cref="DelegateRoles.All"/>.</summary>
    public required string DelegateRole { get; set; }

    public DateTimeOffset BookedAt { get; set; }

    public required string BookedBy { get; set; }

    public Attendance Attendance { get; set; }

    public int? ConfidenceBefore { get; set; }

    public int? ConfidenceAfter { get; set; }

    public string? Feedback { get; set; }

    public DateOnly? EvaluatedOn { get; set; }

    /// <summary>Three months after the session, set when the delegate attended.</summary>
    public DateOnly? FollowUpDueOn { get; set; }

    public DateOnly? FollowUpOn { get; set; }

    public bool? PracticeChanged { get; set; }

    public string? PracticeExample { get; set; }

    public string? FollowUpBy { get; set; }

    public int FollowUpReminders { get; set; }

    public DateOnly? LastRemindedOn { get; set; }

    public bool IsEvaluated => ConfidenceBefore is not null && ConfidenceAfter is not null;

    /// <summary>Attended and the three-month follow-up not yet returned.</summary>
    public bool OwesFollowUp => Attendance == Attendance.Attended && FollowUpOn is null;
}

/// <summary>The delegates' roles attendance is counted by.</summary>
public static class DelegateRoles
{
    public static IReadOnlyList<string> All { get; } =
    [
        "Social worker",
        "Early help practitioner",
        "Police officer or staff",
        "Health visitor, school nurse or midwife",
        "Doctor or GP",
        "Other health practitioner",
        "Teacher or school staff",
        "Designated safeguarding lead",
        "Manager or team leader",
        "Voluntary or community sector worker",
        "Other",
    ];

    public static string? Find(string? role) => All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
