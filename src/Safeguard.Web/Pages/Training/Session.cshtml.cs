using Microsoft.AspNetCore.Mvc;
using Safeguard.Calendar;
using Safeguard.Training;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.Shared;
using Safeguard.Work;

namespace Safeguard.Web.Pages.Training;

/// <summary>
/// A session for the business unit: its details (changed by version while planned, or called off), every agency's
/// bookings (paged in the database, the read audited), the attendance register, the evaluations taken at the session
/// and the follow-ups still owed, with reminders.
/// </summary>
[RequirePermission("training.manage")]
public sealed class SessionModel(TrainingService training, TimeProvider time) : TrainingPageModel
{
    public SessionRow Row { get; private set; } = default!;

    public ListPage<TrainingBooking> Bookings { get; private set; } = new([], 0, 1, ListPage.DefaultPageSize);

    public DateOnly Today { get; private set; }

    /// <summary>Delegates of the whole session (every page) who attended and have no evaluation recorded.</summary>
    public IReadOnlyList<TrainingBooking> ToEvaluate { get; private set; } = [];

    /// <summary>Delegates of the whole session (every page) whose follow-up is owed and due within a fortnight.</summary>
    public IReadOnlyList<TrainingBooking> FollowUpsDue { get; private set; } = [];

    public bool CanTakeRegister => Row.Session.Status != SessionStatus.Cancelled && Row.Session.HeldOn <= Today && Bookings.Total > 0;

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public SessionForm Input { get; set; } = new();

    /// <summary>The register as posted: each booking's id, version and attendance.</summary>
    [BindProperty]
    public List<RegisterLine> Register { get; set; } = [];

    [BindProperty]
    public EvaluationForm Evaluation { get; set; } = new();

    /// <summary>The page of the register posted (its delegates are that page's), shown again after saving.</summary>
    [BindProperty]
    public int? RegisterPage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var s = Row.Session;
        Version = s.Version;
        Input = new SessionForm { Mode = s.Online ? "online" : "venue", Venue = s.Venue, Trainer = s.Trainer, Places = s.Places };
        PrefillDateInput("Input.HeldOn", s.HeldOn);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var heldOn = ReadDate("Input.HeldOn", "session's date");
        return ChangeAsync(id, "Input", () => training.UpdateSessionAsync(id, Version, Input.ToInput(heldOn), Actor, cancellationToken), "The session is changed.", cancellationToken);
    }

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Input", () => training.CancelSessionAsync(id, Version, Actor, cancellationToken), "The session is called off and its bookings cancelled.", cancellationToken);

    public Task<IActionResult> OnPostRegisterAsync(Guid id, CancellationToken cancellationToken)
    {
        var register = new Dictionary<Guid, (int, Attendance)>();
        foreach (var line in Register)
        {
            if (!Enum.TryParse<Attendance>(line.Attendance, out var attendance) || attendance == Attendance.Booked)
            {
                ModelState.AddModelError($"Register[{Register.IndexOf(line)}].Attendance", $"Select attended, did not attend or cancelled for {line.Name}");
                continue;
            }

            register[line.BookingId] = (line.Version, attendance);
        }

        return ChangeAsync(id, "Register", () => training.RecordAttendanceAsync(id, register, Actor, cancellationToken), "The register is taken.", cancellationToken, RegisterPage);
    }

    public Task<IActionResult> OnPostEvaluationAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Evaluation", () => Evaluation.Parse() is { } booking
            ? training.RecordEvaluationAsync(booking.Id, booking.Version, Evaluation.ConfidenceBefore, Evaluation.ConfidenceAfter, Evaluation.Feedback, Actor, cancellationToken)
            : throw new Common.SafeguardValidationException("Booking", "Select the delegate"),
            "The evaluation is recorded.", cancellationToken);

    public Task<IActionResult> OnPostRemindAsync(Guid id, Guid bookingId, int bookingVersion, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Remind", () => training.RemindFollowUpAsync(bookingId, bookingVersion, Actor, cancellationToken), "The reminder is logged.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, string prefix, Func<Task> change, string notice, CancellationToken cancellationToken, int? page = null)
    {
        if (await training.GetSessionAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        if (await TryChangeAsync(change, prefix))
        {
            Notice = notice;
            return Redirect(page > 1 ? $"/training/sessions/{id}?page={page}" : $"/training/sessions/{id}");
        }

        await LoadAsync(id, cancellationToken, page);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken, int? page = null)
    {
        if (await training.GetSessionAsync(id, cancellationToken) is not { } row)
        {
            return false;
        }

        Row = row;
        Today = UkTime.Today(time);
        Bookings = await training.BookingsAsync(id, Actor, page is > 0 ? page.Value : ListLinks.PageNumber(Request), cancellationToken: cancellationToken);
        (ToEvaluate, FollowUpsDue) = await training.SessionWorkAsync(id, Today.AddDays(14), cancellationToken);
        return true;
    }

    public sealed class RegisterLine
    {
        public Guid BookingId { get; set; }

        public int Version { get; set; }

        public string? Name { get; set; }

        public string? Attendance { get; set; }
    }

    public sealed class EvaluationForm
    {
        /// <summary>The delegate's booking as "id:version".</summary>
        public string? Booking { get; set; }

        public (Guid Id, int Version)? Parse()
        {
            var parts = Booking?.Split(':');
            return parts is [var id, var version] && Guid.TryParse(id, out var g) && int.TryParse(version, System.Globalization.CultureInfo.InvariantCulture, out var v) ? (g, v) : null;
        }

        public int? ConfidenceBefore { get; set; }

        public int? ConfidenceAfter { get; set; }

        public string? Feedback { get; set; }
    }
}
