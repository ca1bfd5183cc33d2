using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Persistence;
using Safeguard.Work;

namespace Safeguard.Training;

/// <summary>A delegate as typed by their agency.</summary>
public sealed record BookingInput(Guid? SessionId, string? DelegateName, string? DelegateRole);

/// <summary>One of an agency's bookings with its session's course and date.</summary>
public sealed record AgencyBookingRow(TrainingBooking Booking, string CourseTitle, DateOnly HeldOn, SessionStatus SessionStatus);

/// <summary>
/// An agency's side of the training programme: booking its own staff on sessions, seeing its own delegates only (never
/// another agency's), giving a place back, and recording each delegate's follow-up three months after the session.
/// </summary>
public sealed class TrainingBookingService(SafeguardDbContext db)
{
    public const string SessionEntityType = "TrainingSession";

    /// <summary>Books a member of the actor's agency on a planned session with a free place.</summary>
    public async Task<TrainingBooking> BookAsync(BookingInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = new Problems();
        if (actor.AgencyId is not { } agencyId)
        {
            throw new SafeguardValidationException("Agency", "Only a member of an agency can book its staff");
        }

        var session = input.SessionId is { } id ? await db.Set<TrainingSession>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) : null;
        if (session is null)
        {
            problems.Add("SessionId", "Select the session");
        }
        else if (session.Status != SessionStatus.Planned || session.HeldOn < UkTime.Today(db.Time))
        {
            problems.Add("SessionId", "This session is no longer taking bookings");
        }
        else if (session.Booked >= session.Places)
        {
            problems.Add("SessionId", "This session is full");
        }

        var name = problems.Required("DelegateName", input.DelegateName, "Enter the delegate's name", TrainingBooking.MaxNameLength);
        var role = DelegateRoles.Find(input.DelegateRole);
        if (role is null)
        {
            problems.Add("DelegateRole", "Select the delegate's role");
        }

        if (session is not null && name.Length > 0 && await db.Set<TrainingBooking>().AnyAsync(
            b => b.SessionId == session.Id && b.AgencyId == agencyId && b.DelegateName == name && b.Attendance != Attendance.Cancelled, cancellationToken))
        {
            problems.Add("DelegateName", $"{name} is already booked on this session");
        }

        problems.ThrowIfAny();
        using var process = db.BeginProcess("Training.Book", actor);
        session!.Booked++;
        var booking = new TrainingBooking
        {
            SessionId = session.Id,
            AgencyId = agencyId,
            DelegateName = name,
            DelegateRole = role!,
            BookedAt = db.Time.GetUtcNow(),
            BookedBy = actor.Name,
        };
        db.Add(booking);
        await SaveAsync(cancellationToken);
        return booking;
    }

    /// <summary>Gives a place back before the session; only the delegate's own agency can.</summary>
    public async Task CancelAsync(Guid bookingId, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        var booking = await OwnAsync(bookingId, actor, cancellationToken);
        if (booking.Attendance != Attendance.Booked)
        {
            throw new SafeguardValidationException("Booking", "Only a place not yet used can be given back");
        }

        using var process = db.BeginProcess("Training.CancelBooking", actor);
        db.Entry(booking).Property(b => b.Version).OriginalValue = version;
        booking.Attendance = Attendance.Cancelled;
        var session = await db.Set<TrainingSession>().FirstAsync(s => s.Id == booking.SessionId, cancellationToken);
        session.Booked = Math.Max(0, session.Booked - 1);
        await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// The actor's agency's bookings, a page at a time (counted and paged in the database): with <paramref name="owing"/>
    /// only the delegates who still owe a follow-up, earliest due first; otherwise latest session first.
    /// </summary>
    public async Task<ListPage<AgencyBookingRow>> ForAgencyAsync(Actor actor, bool owing, int page = 1, int pageSize = ListPage.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var agencyId = actor.AgencyId ?? Guid.Empty;
        var query = db.Set<TrainingBooking>().AsNoTracking().Where(b => b.AgencyId == agencyId);
        if (owing)
        {
            query = query.Where(b => b.Attendance == Attendance.Attended && b.FollowUpOn == null);
        }

        var total = await query.CountAsync(cancellationToken);
        var (number, skip) = ListPage.Clamp(total, page, pageSize);
        var ordered = owing
            ? query.OrderBy(b => b.FollowUpDueOn).ThenBy(b => b.DelegateName).ThenBy(b => b.Id)
            : query.OrderByDescending(b => b.Session!.HeldOn).ThenBy(b => b.DelegateName).ThenBy(b => b.Id);
        var rows = await ordered.Skip(skip).Take(pageSize)
            .Select(b => new { Booking = b, b.Session!.Course!.Title, b.Session.HeldOn, b.Session.Status }).ToListAsync(cancellationToken);
        return new ListPage<AgencyBookingRow>([.. rows.Select(r => new AgencyBookingRow(r.Booking, r.Title, r.HeldOn, r.Status))], total, number, pageSize);
    }

    /// <summary>One of the actor's agency's bookings (null for another agency's).</summary>
    public async Task<AgencyBookingRow?> GetAsync(Guid bookingId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var row = await db.Set<TrainingBooking>().AsNoTracking().Where(b => b.Id == bookingId && b.AgencyId == actor.AgencyId)
            .Select(b => new { Booking = b, b.Session!.Course!.Title, b.Session.HeldOn, b.Session.Status }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new AgencyBookingRow(row.Booking, row.Title, row.HeldOn, row.Status);
    }

    /// <summary>
    /// Records the three-month follow-up of a delegate who attended: whether their practice has changed and an
    /// example (needed when it has). Only the delegate's agency records it; it can be corrected later (by version).
    /// </summary>
    public async Task RecordFollowUpAsync(Guid bookingId, int version, bool? practiceChanged, string? example, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var booking = await OwnAsync(bookingId, actor, cancellationToken);
        var problems = new Problems();
        if (booking.Attendance != Attendance.Attended)
        {
            problems.Add("Booking", "Only a delegate who attended has a follow-up");
        }

        if (practiceChanged is null)
        {
            problems.Add("PracticeChanged", "Select whether the delegate's practice has changed");
        }

        var text = problems.Optional("PracticeExample", example, "The example", TrainingBooking.MaxTextLength);
        if (practiceChanged == true && text is null)
        {
            problems.Add("PracticeExample", "Enter an example of how the delegate's practice has changed");
        }

        problems.ThrowIfAny();
        using var process = db.BeginProcess("Training.RecordFollowUp", actor);
        db.Entry(booking).Property(b => b.Version).OriginalValue = version;
        booking.PracticeChanged = practiceChanged;
        booking.PracticeExample = text;
        booking.FollowUpOn = UkTime.Today(db.Time);
        booking.FollowUpBy = actor.Name;
        await SaveAsync(cancellationToken);
    }

    private async Task<TrainingBooking> OwnAsync(Guid bookingId, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var booking = await db.Set<TrainingBooking>().FirstOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        return booking is not null && booking.AgencyId == actor.AgencyId
            ? booking
            : throw new SafeguardValidationException("Booking", "There is no such booking for your agency");
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
