using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Persistence;
using Safeguard.Work;

namespace Safeguard.Training;

/// <summary>A course as typed by the business unit.</summary>
public sealed record CourseInput(string? Title, string? LearningOutcomes, string? Audience, Guid? LearningThemeId, bool Active = true);

/// <summary>A session as typed: the date, online or a venue, the trainer and the places.</summary>
public sealed record SessionInput(DateOnly? HeldOn, bool Online, string? Venue, string? Trainer, int? Places);

/// <summary>A session as a row of the programme: its course and how its places went.</summary>
public sealed record SessionRow(TrainingSession Session, string CourseTitle, int Booked, int Attended, int DidNotAttend, int Cancelled)
{
    public int Free => Math.Max(0, Session.Places - Booked);
}

/// <summary>A course as listed, with its theme's name and how many sessions it has had.</summary>
public sealed record CourseRow(TrainingCourse Course, string? ThemeName, int Sessions);

/// <summary>
/// The business unit's side of the multi-agency training programme: courses (linked to the case reviews' learning
/// themes), sessions by reporting year, each session's bookings from every agency, the attendance register, the
/// evaluations taken at the session and reminders to the agencies that still owe a three-month follow-up.
/// Every change carries the record's version and is audited.
/// </summary>
public sealed class TrainingService(SafeguardDbContext db)
{
    public async Task<TrainingCourse> CreateCourseAsync(CourseInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var (title, outcomes, audience) = await CheckCourseAsync(input, null, cancellationToken);
        var course = new TrainingCourse
        {
            Title = title,
            LearningOutcomes = outcomes,
            Audience = audience,
            LearningThemeId = input.LearningThemeId,
            CreatedAt = db.Time.GetUtcNow(),
            CreatedBy = actor.Name,
        };
        using var process = db.BeginProcess("Training.CreateCourse", actor);
        db.Add(course);
        await db.SaveChangesAsync(cancellationToken);
        return course;
    }

    public async Task UpdateCourseAsync(Guid courseId, int version, CourseInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var course = await db.Set<TrainingCourse>().FirstOrDefaultAsync(c => c.Id == courseId, cancellationToken)
            ?? throw new SafeguardValidationException("Course", "There is no such course");
        var (title, outcomes, audience) = await CheckCourseAsync(input, courseId, cancellationToken);
        using var process = db.BeginProcess("Training.ChangeCourse", actor);
        db.Entry(course).Property(c => c.Version).OriginalValue = version;
        course.Title = title;
        course.LearningOutcomes = outcomes;
        course.Audience = audience;
        course.LearningThemeId = input.LearningThemeId;
        course.IsActive = input.Active;
        await SaveAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CourseRow>> CoursesAsync(CancellationToken cancellationToken = default)
    {
        var courses = await db.Set<TrainingCourse>().AsNoTracking().ToListAsync(cancellationToken);
        var themes = await db.Set<LearningTheme>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var sessions = await db.Set<TrainingSession>().AsNoTracking().GroupBy(s => s.CourseId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. courses.OrderByDescending(c => c.IsActive).ThenBy(c => c.Title, StringComparer.Ordinal)
            .Select(c => new CourseRow(c, c.LearningThemeId is { } t ? themes.GetValueOrDefault(t) : null, sessions.GetValueOrDefault(c.Id)))];
    }

    public async Task<TrainingCourse?> GetCourseAsync(Guid courseId, CancellationToken cancellationToken = default) =>
        await db.Set<TrainingCourse>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId, cancellationToken);

    /// <summary>The active learning themes a course can be linked to.</summary>
    public async Task<IReadOnlyList<LearningTheme>> ThemesAsync(CancellationToken cancellationToken = default) =>
        [.. (await db.Set<LearningTheme>().AsNoTracking().Where(t => t.IsActive).ToListAsync(cancellationToken)).OrderBy(t => t.Name, StringComparer.Ordinal)];

    public async Task<TrainingSession> AddSessionAsync(Guid courseId, SessionInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var course = await db.Set<TrainingCourse>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId, cancellationToken)
            ?? throw new SafeguardValidationException("Course", "There is no such course");
        var problems = new Problems();
        if (!course.IsActive)
        {
            problems.Add("Course", "This course is no longer offered: make it active to add a session");
        }

        var (venue, trainer) = CheckSession(input, 0, problems);
        problems.ThrowIfAny();
        var session = new TrainingSession
        {
            CourseId = courseId,
            HeldOn = input.HeldOn!.Value,
            YearStart = ReportingYear.Of(input.HeldOn.Value).StartYear,
            Online = input.Online,
            Venue = venue,
            Trainer = trainer,
            Places = input.Places!.Value,
        };
        using var process = db.BeginProcess("Training.AddSession", actor);
        db.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    /// <summary>Changes a planned session's date, venue, trainer or places (never below the places already booked).</summary>
    public async Task UpdateSessionAsync(Guid sessionId, int version, SessionInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var session = await db.Set<TrainingSession>().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
            ?? throw new SafeguardValidationException("Session", "There is no such session");
        if (session.Status != SessionStatus.Planned)
        {
            throw new SafeguardValidationException("Session", "Only a planned session can change");
        }

        var problems = new Problems();
        var (venue, trainer) = CheckSession(input, session.Booked, problems);
        problems.ThrowIfAny();
        using var process = db.BeginProcess("Training.ChangeSession", actor);
        db.Entry(session).Property(s => s.Version).OriginalValue = version;
        session.HeldOn = input.HeldOn!.Value;
        session.YearStart = ReportingYear.Of(session.HeldOn).StartYear;
        session.Online = input.Online;
        session.Venue = venue;
        session.Trainer = trainer;
        session.Places = input.Places!.Value;
        await SaveAsync(cancellationToken);
    }

    /// <summary>Calls a planned session off: every booking on it becomes cancelled.</summary>
    public async Task CancelSessionAsync(Guid sessionId, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        var session = await db.Set<TrainingSession>().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
            ?? throw new SafeguardValidationException("Session", "There is no such session");
        if (session.Status != SessionStatus.Planned)
        {
            throw new SafeguardValidationException("Session", "Only a planned session can be called off");
        }

        using var process = db.BeginProcess("Training.CancelSession", actor);
        db.Entry(session).Property(s => s.Version).OriginalValue = version;
        session.Status = SessionStatus.Cancelled;
        session.Booked = 0;
        foreach (var booking in await db.Set<TrainingBooking>().Where(b => b.SessionId == sessionId && b.Attendance == Attendance.Booked).ToListAsync(cancellationToken))
        {
            booking.Attendance = Attendance.Cancelled;
        }

        await SaveAsync(cancellationToken);
    }

    /// <summary>A year's sessions in date order, a page at a time (counted and paged in the database), with how their places went.</summary>
    public async Task<ListPage<SessionRow>> ProgrammeAsync(ReportingYear year, int page = 1, int pageSize = ListPage.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var query = db.Set<TrainingSession>().AsNoTracking().Where(s => s.YearStart == year.StartYear);
        var total = await query.CountAsync(cancellationToken);
        var (number, skip) = ListPage.Clamp(total, page, pageSize);
        var sessions = await query.OrderBy(s => s.HeldOn).ThenBy(s => s.Id).Skip(skip).Take(pageSize)
            .Select(s => new { Session = s, s.Course!.Title }).ToListAsync(cancellationToken);
        var rows = await RowsAsync([.. sessions.Select(s => (s.Session, s.Title))], cancellationToken);
        return new ListPage<SessionRow>(rows, total, number, pageSize);
    }

    /// <summary>A course's sessions, latest first.</summary>
    public async Task<IReadOnlyList<SessionRow>> SessionsOfAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        var sessions = await db.Set<TrainingSession>().AsNoTracking().Where(s => s.CourseId == courseId)
            .Select(s => new { Session = s, s.Course!.Title }).ToListAsync(cancellationToken);
        return await RowsAsync([.. sessions.OrderByDescending(s => s.Session.HeldOn).Select(s => (s.Session, s.Title))], cancellationToken);
    }

    /// <summary>The sessions still open to booking (planned, today or later, with a free place), soonest first.</summary>
    public async Task<IReadOnlyList<SessionRow>> BookableAsync(CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(db.Time);
        var sessions = await db.Set<TrainingSession>().AsNoTracking().Where(s => s.Status == SessionStatus.Planned && s.HeldOn >= today && s.Course!.IsActive)
            .OrderBy(s => s.HeldOn).ThenBy(s => s.Id).Take(200)
            .Select(s => new { Session = s, s.Course!.Title }).ToListAsync(cancellationToken);
        return [.. (await RowsAsync([.. sessions.Select(s => (s.Session, s.Title))], cancellationToken)).Where(r => r.Free > 0)];
    }

    public async Task<SessionRow?> GetSessionAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        var session = await db.Set<TrainingSession>().AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { Session = s, s.Course!.Title }).FirstOrDefaultAsync(cancellationToken);
        return session is null ? null : (await RowsAsync([(session.Session, session.Title)], cancellationToken))[0];
    }

    /// <summary>
    /// A session's bookings from every agency, by agency then name, a page at a time: the business unit's register,
    /// naming staff of every agency (audited as a read of the session's delegates).
    /// </summary>
    public async Task<ListPage<TrainingBooking>> BookingsAsync(Guid sessionId, Actor actor, int page = 1, int pageSize = ListPage.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var query = db.Set<TrainingBooking>().AsNoTracking().Where(b => b.SessionId == sessionId);
        var total = await query.CountAsync(cancellationToken);
        var (number, skip) = ListPage.Clamp(total, page, pageSize);
        var rows = await query.Include(b => b.Agency).OrderBy(b => b.Agency!.Name).ThenBy(b => b.DelegateName).ThenBy(b => b.Id).Skip(skip).Take(pageSize).ToListAsync(cancellationToken);
        if (rows.Count > 0)
        {
            using var process = db.BeginProcess("Training.ViewDelegates", actor);
            db.RecordAccess(TrainingBookingService.SessionEntityType, sessionId.ToString(), detail: $"{rows.Count} delegates");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ListPage<TrainingBooking>(rows, total, number, pageSize);
    }

    /// <summary>
    /// What is still to do for a session's delegates across all its bookings, not only the page of the register shown:
    /// those who attended without an evaluation recorded, and those whose follow-up is owed and due by
    /// <paramref name="dueBy"/> (earliest first). Read with the register's page, whose read is audited.
    /// </summary>
    public async Task<(IReadOnlyList<TrainingBooking> ToEvaluate, IReadOnlyList<TrainingBooking> FollowUpsDue)> SessionWorkAsync(Guid sessionId, DateOnly dueBy, CancellationToken cancellationToken = default)
    {
        var attended = db.Set<TrainingBooking>().AsNoTracking().Include(b => b.Agency).Where(b => b.SessionId == sessionId && b.Attendance == Attendance.Attended);
        var toEvaluate = await attended.Where(b => b.ConfidenceBefore == null || b.ConfidenceAfter == null)
            .OrderBy(b => b.Agency!.Name).ThenBy(b => b.DelegateName).ThenBy(b => b.Id).ToListAsync(cancellationToken);
        var owing = await attended.Where(b => b.FollowUpOn == null && b.FollowUpDueOn != null && b.FollowUpDueOn <= dueBy)
            .OrderBy(b => b.FollowUpDueOn).ThenBy(b => b.DelegateName).ThenBy(b => b.Id).ToListAsync(cancellationToken);
        return (toEvaluate, owing);
    }

    /// <summary>
    /// Takes the register: each booking given attended, did not attend or cancelled. The session becomes delivered;
    /// a delegate who attended owes a follow-up three months after the session. Refused before the session's day.
    /// </summary>
    public async Task RecordAttendanceAsync(Guid sessionId, IReadOnlyDictionary<Guid, (int Version, Attendance Attendance)> register, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(register);
        var session = await db.Set<TrainingSession>().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
            ?? throw new SafeguardValidationException("Session", "There is no such session");
        var problems = new Problems();
        if (session.Status == SessionStatus.Cancelled)
        {
            problems.Add("Session", "This session was called off: there is no register to take");
        }
        else if (session.HeldOn > UkTime.Today(db.Time))
        {
            problems.Add("Session", $"The register can be taken on or after the session's day ({Problems.Format(session.HeldOn)})");
        }

        var ids = register.Keys.ToList();
        var bookings = await db.Set<TrainingBooking>().Where(b => b.SessionId == sessionId && ids.Contains(b.Id)).ToListAsync(cancellationToken);
        if (bookings.Count != ids.Count)
        {
            problems.Add("Register", "One of the delegates is not booked on this session");
        }

        foreach (var (id, (_, attendance)) in register)
        {
            if (attendance == Attendance.Booked || !Enum.IsDefined(attendance))
            {
                problems.Add($"Register.{id}", "Select attended, did not attend or cancelled for each delegate");
            }
        }

        problems.ThrowIfAny();
        using var process = db.BeginProcess("Training.RecordAttendance", actor);
        session.Status = SessionStatus.Delivered;
        foreach (var booking in bookings)
        {
            var (version, attendance) = register[booking.Id];
            db.Entry(booking).Property(b => b.Version).OriginalValue = version;
            booking.Attendance = attendance;
            booking.FollowUpDueOn = attendance == Attendance.Attended ? session.HeldOn.AddMonths(3) : null;
        }

        session.Booked = await db.Set<TrainingBooking>().CountAsync(b => b.SessionId == sessionId && b.Attendance != Attendance.Cancelled && !ids.Contains(b.Id), cancellationToken)
            + bookings.Count(b => b.Attendance != Attendance.Cancelled);

        await SaveAsync(cancellationToken);
    }

    /// <summary>Records a delegate's evaluation at the session: confidence before and after (1 to 5) and their feedback.</summary>
    public async Task RecordEvaluationAsync(Guid bookingId, int version, int? before, int? after, string? feedback, Actor actor, CancellationToken cancellationToken = default)
    {
        var booking = await db.Set<TrainingBooking>().FirstOrDefaultAsync(b => b.Id == bookingId, cancellationToken)
            ?? throw new SafeguardValidationException("Booking", "There is no such booking");
        var problems = new Problems();
        if (booking.Attendance != Attendance.Attended)
        {
            problems.Add("Booking", "Only a delegate who attended can evaluate the session: take the register first");
        }

        if (before is not (>= 1 and <= 5))
        {
            problems.Add("ConfidenceBefore", "Select the delegate's confidence before the session, from 1 to 5");
        }

        if (after is not (>= 1 and <= 5))
        {
            problems.Add("ConfidenceAfter", "Select the delegate's confidence after the session, from 1 to 5");
        }

        var text = problems.Optional("Feedback", feedback, "The feedback", TrainingBooking.MaxTextLength);
        problems.ThrowIfAny();
        using var process = db.BeginProcess("Training.RecordEvaluation", actor);
        db.Entry(booking).Property(b => b.Version).OriginalValue = version;
        booking.ConfidenceBefore = before;
        booking.ConfidenceAfter = after;
        booking.Feedback = text;
        booking.EvaluatedOn = UkTime.Today(db.Time);
        await SaveAsync(cancellationToken);
    }

    /// <summary>Logs a reminder to the agency of a delegate whose three-month follow-up is due or overdue.</summary>
    public async Task RemindFollowUpAsync(Guid bookingId, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        var booking = await db.Set<TrainingBooking>().FirstOrDefaultAsync(b => b.Id == bookingId, cancellationToken)
            ?? throw new SafeguardValidationException("Booking", "There is no such booking");
        if (!booking.OwesFollowUp)
        {
            throw new SafeguardValidationException("Booking", "This delegate owes no follow-up");
        }

        using var process = db.BeginProcess("Training.RemindFollowUp", actor);
        db.Entry(booking).Property(b => b.Version).OriginalValue = version;
        booking.FollowUpReminders++;
        booking.LastRemindedOn = UkTime.Today(db.Time);
        await SaveAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<SessionRow>> RowsAsync(IReadOnlyList<(TrainingSession Session, string Title)> sessions, CancellationToken cancellationToken)
    {
        var ids = sessions.Select(s => s.Session.Id).ToList();
        var counts = await db.Set<TrainingBooking>().AsNoTracking().Where(b => ids.Contains(b.SessionId))
            .GroupBy(b => new { b.SessionId, b.Attendance }).Select(g => new { g.Key.SessionId, g.Key.Attendance, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(Guid id, Attendance a) => counts.Where(c => c.SessionId == id && c.Attendance == a).Sum(c => c.Count);
        return [.. sessions.Select(s => new SessionRow(
            s.Session,
            s.Title,
            Count(s.Session.Id, Attendance.Booked) + Count(s.Session.Id, Attendance.Attended) + Count(s.Session.Id, Attendance.DidNotAttend),
            Count(s.Session.Id, Attendance.Attended),
            Count(s.Session.Id, Attendance.DidNotAttend),
            Count(s.Session.Id, Attendance.Cancelled)))];
    }

    private async Task<(string Title, string Outcomes, string Audience)> CheckCourseAsync(CourseInput input, Guid? courseId, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        var title = problems.Required("Title", input.Title, "Enter the course's title", TrainingCourse.MaxTitleLength);
        var outcomes = problems.Required("LearningOutcomes", input.LearningOutcomes, "Enter the learning outcomes", TrainingCourse.MaxTextLength);
        var audience = problems.Required("Audience", input.Audience, "Enter who the course is for", TrainingCourse.MaxTitleLength);
        if (title.Length > 0 && await db.Set<TrainingCourse>().AnyAsync(c => c.Title == title && c.Id != courseId, cancellationToken))
        {
            problems.Add("Title", $"There is already a course called {title}");
        }

        if (input.LearningThemeId is { } theme && !await db.Set<LearningTheme>().AnyAsync(t => t.Id == theme, cancellationToken))
        {
            problems.Add("LearningThemeId", "Select a learning theme from the list, or none");
        }

        problems.ThrowIfAny();
        return (title, outcomes, audience);
    }

    private (string? Venue, string Trainer) CheckSession(SessionInput input, int booked, Problems problems)
    {
        if (input.HeldOn is not { } held)
        {
            problems.Add("HeldOn", "Enter the session's date");
        }
        else if (held.Year < 2000 || held > UkTime.Today(db.Time).AddYears(2))
        {
            problems.Add("HeldOn", "The session's date must be within the next two years");
        }

        var venue = problems.Optional("Venue", input.Venue, "The venue", TrainingCourse.MaxTitleLength);
        if (!input.Online && venue is null)
        {
            problems.Add("Venue", "Enter the venue, or select online");
        }

        var trainer = problems.Required("Trainer", input.Trainer, "Enter the trainer's name", TrainingBooking.MaxNameLength);
        if (input.Places is not { } places || places < 1 || places > TrainingSession.MaxPlaces)
        {
            problems.Add("Places", $"Enter the places offered, from 1 to {TrainingSession.MaxPlaces}");
        }
        else if (places < booked)
        {
            problems.Add("Places", $"{booked} places are already booked: offer at least {booked}");
        }

        return (input.Online ? null : venue, trainer);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
