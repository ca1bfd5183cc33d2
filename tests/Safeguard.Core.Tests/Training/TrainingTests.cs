using Microsoft.EntityFrameworkCore;
using Safeguard.AnnualReport;
using Safeguard.Auditing;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Core.Tests.Journey;
using Safeguard.Identity;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Timescales;
using Safeguard.Training;
using Safeguard.Work;

namespace Safeguard.Core.Tests.Training;

/// <summary>
/// The multi-agency training programme: courses linked to learning themes, sessions, each agency booking only its own
/// staff within the places, the register, evaluations, the three-month follow-up on the agency's due work, versions
/// and the annual report's figures.
/// </summary>
public class TrainingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Today = JourneyFixture.Today;

    private sealed class Fixture : IAsyncDisposable
    {
        public required JourneyFixture Journey { get; init; }

        public required Actor BusinessUnit { get; init; }

        public required Actor Police { get; init; }

        public required Actor Health { get; init; }

        public TrainingService Programme => Journey.Services.Get<TrainingService>();

        public TrainingBookingService Bookings => Journey.Services.Get<TrainingBookingService>();

        public TrainingFigures Figures => Journey.Services.Get<TrainingFigures>();

        public FakeTimeProvider Clock => (FakeTimeProvider)Journey.Services.Db.Time;

        public ValueTask DisposeAsync() => Journey.DisposeAsync();
    }

    private static async Task<Fixture> CreateAsync(DatabaseProvider provider)
    {
        var journey = await JourneyFixture.CreateAsync(provider);
        var db = journey.Services.Db;
        var police = new Agency { Name = "Greater Manchester Police", Code = "GMP", Type = AgencyType.Police };
        var health = new Agency { Name = "Northern Care Alliance", Code = "NCA", Type = AgencyType.HealthProvider };
        var lead = new User { DisplayName = "Dev Data", UserName = "dev.data", AgencyId = police.Id, CreatedAt = JourneyFixture.Now };
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.AddRange(police, health, lead);
            await db.SaveChangesAsync(Ct);
            var role = await db.Roles.SingleAsync(r => r.Name == Roles.AgencyDataLead, Ct);
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = lead.Id, RoleId = role.Id });
            await db.SaveChangesAsync(Ct);
        }

        return new Fixture
        {
            Journey = journey,
            BusinessUnit = new Actor(Guid.NewGuid(), "Bea Business", null),
            Police = new Actor(lead.Id, lead.DisplayName, police.Id),
            Health = new Actor(Guid.NewGuid(), "Hana Health", health.Id),
        };
    }

    private static async Task<(TrainingCourse Course, TrainingSession Session)> SessionAsync(Fixture f, DateOnly on, int places, string title = "Neglect and the graded care profile", Guid? theme = null)
    {
        var course = await f.Programme.CreateCourseAsync(new CourseInput(title, "Recognise neglect; use the GCP2", "Practitioners in every agency", theme), f.BusinessUnit, Ct);
        var session = await f.Programme.AddSessionAsync(course.Id, new SessionInput(on, false, "Bury Town Hall", "Lou Lado", places), f.BusinessUnit, Ct);
        return (course, session);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Courses_and_sessions_are_checked_versioned_and_audited(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var bad = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Programme.CreateCourseAsync(new CourseInput(" ", null, "", Guid.NewGuid()), f.BusinessUnit, Ct));
        Assert.Equal(["Title", "LearningOutcomes", "Audience", "LearningThemeId"], bad.Problems.Select(p => p.Field));

        var (course, session) = await SessionAsync(f, Today.AddDays(14), 20);
        var twice = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Programme.CreateCourseAsync(new CourseInput(course.Title, "x", "y", null), f.BusinessUnit, Ct));
        Assert.Equal("Title", twice.Problems.Single().Field);
        var noVenue = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Programme.AddSessionAsync(course.Id, new SessionInput(null, false, " ", "", 0), f.BusinessUnit, Ct));
        Assert.Equal(["HeldOn", "Venue", "Trainer", "Places"], noVenue.Problems.Select(p => p.Field));

        var opened = course.Version;
        await f.Programme.UpdateCourseAsync(course.Id, opened, new CourseInput(course.Title, "Recognise and respond to neglect", "Everyone", null), f.BusinessUnit, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Programme.UpdateCourseAsync(course.Id, opened, new CourseInput("Stale", "x", "y", null), f.BusinessUnit, Ct));
        var changed = (await f.Programme.GetCourseAsync(course.Id, Ct))!;
        Assert.Equal(("Recognise and respond to neglect", opened + 1), (changed.LearningOutcomes, changed.Version));

        await f.Programme.UpdateSessionAsync(session.Id, session.Version, new SessionInput(Today.AddDays(21), true, "ignored", "Nia Nurse", 25), f.BusinessUnit, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Programme.UpdateSessionAsync(session.Id, session.Version, new SessionInput(Today, false, "Hall", "X", 5), f.BusinessUnit, Ct));
        var moved = (await f.Programme.GetSessionAsync(session.Id, Ct))!.Session;
        Assert.Equal((Today.AddDays(21), true, null, 25), (moved.HeldOn, moved.Online, moved.Venue, moved.Places));

        var audited = await f.Journey.Services.Db.AuditEvents.AsNoTracking().Where(e => e.EntityId == course.Id.ToString() || e.EntityId == session.Id.ToString())
            .Select(e => new { e.Process, e.Action }).ToListAsync(Ct);
        Assert.Contains(audited, e => e.Process == "Training.ChangeCourse" && e.Action == AuditAction.Updated);
        Assert.Contains(audited, e => e.Process == "Training.ChangeSession" && e.Action == AuditAction.Updated);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_agency_books_and_sees_only_its_own_staff_within_the_places(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var (_, session) = await SessionAsync(f, Today.AddDays(7), 2);
        var missing = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Bookings.BookAsync(new BookingInput(session.Id, "", "Astronaut"), f.Police, Ct));
        Assert.Equal(["DelegateName", "DelegateRole"], missing.Problems.Select(p => p.Field));

        var pc = await f.Bookings.BookAsync(new BookingInput(session.Id, "PC Amy Hart", "police officer or staff"), f.Police, Ct);
        Assert.Equal("Police officer or staff", pc.DelegateRole);
        var again = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Bookings.BookAsync(new BookingInput(session.Id, "PC Amy Hart", "Police officer or staff"), f.Police, Ct));
        Assert.Contains("already booked", again.Problems.Single().Message, StringComparison.Ordinal);
        var nurse = await f.Bookings.BookAsync(new BookingInput(session.Id, "Nurse Ola Bell", "Other health practitioner"), f.Health, Ct);
        var full = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Bookings.BookAsync(new BookingInput(session.Id, "DC Raj Patel", "Police officer or staff"), f.Police, Ct));
        Assert.Equal(("SessionId", "This session is full"), (full.Problems.Single().Field, full.Problems.Single().Message));

        // Each agency sees its own delegates; another agency's booking is "not found", for reading and for changing.
        Assert.Equal(["PC Amy Hart"], (await f.Bookings.ForAgencyAsync(f.Police, owing: false, cancellationToken: Ct)).Items.Select(r => r.Booking.DelegateName));
        Assert.Equal(["Nurse Ola Bell"], (await f.Bookings.ForAgencyAsync(f.Health, owing: false, cancellationToken: Ct)).Items.Select(r => r.Booking.DelegateName));
        Assert.Null(await f.Bookings.GetAsync(nurse.Id, f.Police, Ct));
        await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Bookings.CancelAsync(nurse.Id, nurse.Version, f.Police, Ct));

        // Giving a place back frees it; the business unit sees every agency's delegates, and the read is audited.
        await f.Bookings.CancelAsync(pc.Id, pc.Version, f.Police, Ct);
        await f.Bookings.BookAsync(new BookingInput(session.Id, "DC Raj Patel", "Police officer or staff"), f.Police, Ct);
        var register = await f.Programme.BookingsAsync(session.Id, f.BusinessUnit, cancellationToken: Ct);
        Assert.Equal(["DC Raj Patel", "PC Amy Hart", "Nurse Ola Bell"], register.Items.Select(b => b.DelegateName));
        Assert.Equal(2, (await f.Programme.GetSessionAsync(session.Id, Ct))!.Booked);
        Assert.True(await f.Journey.Services.Db.AuditEvents.AnyAsync(e => e.Process == "Training.ViewDelegates" && e.EntityId == session.Id.ToString(), Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_register_evaluations_and_follow_ups_make_the_years_figures_and_the_follow_up_is_due_work(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var learning = f.Journey.Services.Get<LearningService>();
        var theme = await f.Journey.Services.Db.LearningThemes.AsNoTracking().SingleAsync(t => t.Name == "Neglect", Ct);
        var notifications = f.Journey.Services.Get<NotificationService>();
        foreach (var child in new[] { "Child A", "Child B" })
        {
            var n = await notifications.RecordAsync(new NotificationDetails { AwareOn = Today.AddMonths(-6), ChildName = child, Summary = "Neglect over years" }, f.BusinessUnit, Ct);
            await learning.AddFindingAsync(n.Id, "Neglect was not recognised", theme.Id, f.BusinessUnit, Ct);
        }

        var (_, session) = await SessionAsync(f, Today, 10, theme: theme.Id);
        var (_, other) = await SessionAsync(f, Today.AddDays(30), 10, title: "Safer recruitment");
        var delegates = new List<TrainingBooking>();
        foreach (var (name, role, actor) in new[]
        {
            ("PC One", "Police officer or staff", f.Police), ("PC Two", "Police officer or staff", f.Police), ("PC Three", "Manager or team leader", f.Police),
            ("Nurse One", "Other health practitioner", f.Health), ("Nurse Two", "Other health practitioner", f.Health),
        })
        {
            delegates.Add(await f.Bookings.BookAsync(new BookingInput(session.Id, name, role), actor, Ct));
        }

        await f.Bookings.BookAsync(new BookingInput(other.Id, "PC Four", "Police officer or staff"), f.Police, Ct);
        var early = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Programme.RecordAttendanceAsync(other.Id, new Dictionary<Guid, (int, Attendance)>(), f.BusinessUnit, Ct));
        Assert.Contains("on or after the session's day", early.Problems.Single().Message, StringComparison.Ordinal);
        var noEvaluation = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Programme.RecordEvaluationAsync(delegates[0].Id, delegates[0].Version, 2, 4, null, f.BusinessUnit, Ct));
        Assert.Equal("Booking", noEvaluation.Problems.Single().Field);

        var outcome = new[] { Attendance.Attended, Attendance.Attended, Attendance.DidNotAttend, Attendance.Attended, Attendance.Cancelled };
        await f.Programme.RecordAttendanceAsync(session.Id, delegates.Select((d, i) => (d, i)).ToDictionary(x => x.d.Id, x => (x.d.Version, outcome[x.i])), f.BusinessUnit, Ct);
        var taken = await f.Programme.BookingsAsync(session.Id, f.BusinessUnit, cancellationToken: Ct);
        Assert.All(taken.Items.Where(b => b.Attendance == Attendance.Attended), b => Assert.Equal(Today.AddMonths(3), b.FollowUpDueOn));
        Assert.Equal(SessionStatus.Delivered, (await f.Programme.GetSessionAsync(session.Id, Ct))!.Session.Status);

        var range = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Programme.RecordEvaluationAsync(delegates[0].Id, taken.Items.Single(b => b.Id == delegates[0].Id).Version, 0, 6, null, f.BusinessUnit, Ct));
        Assert.Equal(["ConfidenceBefore", "ConfidenceAfter"], range.Problems.Select(p => p.Field));
        foreach (var (index, before, after) in new[] { (0, 2, 4), (1, 3, 4), (3, 1, 4) })
        {
            var b = taken.Items.Single(x => x.Id == delegates[index].Id);
            await f.Programme.RecordEvaluationAsync(b.Id, b.Version, before, after, "Useful", f.BusinessUnit, Ct);
        }

        // The follow-ups are on the police data lead's due work (one item for the session, two delegates, naming none), not yet due.
        var dueWork = f.Journey.Services.Get<IEnumerable<IDueWorkSource>>().OfType<TrainingFollowUpDueWorkSource>().Single();
        var item = Assert.Single(await dueWork.DueAsync(new DueWorkQuery(WorkerId: f.Police.UserId), Ct));
        Assert.Equal(("2 delegates", Today.AddMonths(3), DeadlineStatus.NotYetDue), (item.ChildName, item.Assessment.Deadline.DueDate, item.Assessment.Status));
        Assert.Empty(await dueWork.DueAsync(new DueWorkQuery(WorkerId: f.Journey.Worker.UserId), Ct));

        // Three months and a week on: overdue; the police return one follow-up; health cannot record the police's.
        f.Clock.Advance(TimeSpan.FromDays(99));
        item = Assert.Single(await dueWork.DueAsync(new DueWorkQuery(WorkerId: f.Police.UserId), Ct));
        Assert.Equal(DeadlineStatus.Overdue, item.Assessment.Status);
        var owing = await f.Bookings.ForAgencyAsync(f.Police, owing: true, cancellationToken: Ct);
        Assert.Equal(["PC One", "PC Two"], owing.Items.Select(r => r.Booking.DelegateName));
        var first = owing.Items[0].Booking;
        await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Bookings.RecordFollowUpAsync(first.Id, first.Version, true, "x", f.Health, Ct));
        var noExample = await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Bookings.RecordFollowUpAsync(first.Id, first.Version, true, " ", f.Police, Ct));
        Assert.Equal("PracticeExample", noExample.Problems.Single().Field);
        await f.Bookings.RecordFollowUpAsync(first.Id, first.Version, true, "Used the GCP2 with a family before referring", f.Police, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Bookings.RecordFollowUpAsync(first.Id, first.Version, false, null, f.Police, Ct));
        Assert.Equal("1 delegate", Assert.Single(await dueWork.DueAsync(new DueWorkQuery(WorkerId: f.Police.UserId), Ct)).ChildName);

        var figures = await f.Figures.ForYearAsync(ReportingYear.Of(Today), Ct);
        Assert.Equal((1, 10, 4, 3, 1, 1), (figures.SessionsDelivered, figures.PlacesOffered, figures.PlacesBooked, figures.Attended, figures.DidNotAttend, figures.Cancelled));
        Assert.Equal(25.0m, figures.DidNotAttendRate);
        Assert.Equal([("Greater Manchester Police", 3, 2, 1), ("Northern Care Alliance", 1, 1, 0)], figures.ByAgency.Select(a => (a.Group, a.Booked, a.Attended, a.DidNotAttend)));
        Assert.Equal([("Police officer or staff", 2), ("Other health practitioner", 1), ("Manager or team leader", 0)], figures.ByRole.Select(r => (r.Group, r.Attended)));
        Assert.Equal((3, 2.00m, 4.00m, 2.00m), (figures.Evaluations, figures.MeanConfidenceBefore!.Value, figures.MeanConfidenceAfter!.Value, figures.ConfidenceChange!.Value));
        Assert.Equal((3, 1, 1), (figures.FollowUpsDue, figures.FollowUpsReturned, figures.PracticeChanged));
        Assert.Equal((33.3m, 100.0m), (figures.FollowUpReturnRate, figures.PracticeChangedShare));
        var neglect = Assert.Single(figures.Themes);
        Assert.Equal(("Neglect", 2, 1, 1, 3), (neglect.Theme, neglect.Reviews, neglect.Courses, neglect.Sessions, neglect.Attended));
        Assert.Equal("Neglect", Assert.Single(figures.Courses).Theme);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_demo_programme_is_a_years_training_at_the_area_rates_and_seeds_once(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var db = f.Journey.Services.Db;
        var police = new Agency { Name = "Bury Police", Code = "POLICE", Type = AgencyType.Police };
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.Add(police);
            db.Add(new Agency { Name = "Bury Schools", Code = "SCHOOLS", Type = AgencyType.School });
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(96, await Safeguard.DemoData.DemoTraining.SeedAsync(db, Actor.System(), Ct));
        Assert.Equal(0, await Safeguard.DemoData.DemoTraining.SeedAsync(db, Actor.System(), Ct));

        var last = await f.Figures.ForYearAsync(ReportingYear.Of(Today).Previous, Ct);
        Assert.Equal(48, last.SessionsDelivered);
        Assert.InRange(last.PlacesBooked, last.PlacesOffered * 6 / 10, last.PlacesOffered);
        Assert.InRange(last.DidNotAttendRate, 6m, 18m);
        Assert.InRange(last.ConfidenceChange!.Value, 1m, 2m);
        Assert.InRange(last.FollowUpReturnRate, 45m, 75m);
        Assert.InRange(last.PracticeChangedShare, 55m, 85m);
        Assert.Equal(["Bury Police", "Bury Schools", "Children's services"], last.ByAgency.Select(a => a.Group).Order(StringComparer.Ordinal));
        Assert.Contains(last.Themes, t => t.Theme == "Neglect" && t.Sessions == 6);

        // The annual report's training section is built from the same figures, naming no delegate.
        var section = await f.Journey.Services.Get<IEnumerable<IAnnualReportSection>>().OfType<TrainingReportSection>().Single().BuildAsync(new AnnualReportRequest(ReportingYear.Of(Today).Previous, Actor.System()), Ct);
        Assert.True(section.HasRecords);
        Assert.Contains("delivered 48 training sessions", ((ReportParagraph)section.Blocks[0]).Text, StringComparison.Ordinal);
        Assert.Contains(section.Blocks.OfType<ReportTable>(), t => t.Caption == "Attendance by agency" && t.Rows.Any(r => r[0] == "Bury Police"));
        Assert.Single(section.Blocks.OfType<ReportChart>());

        // This year: sessions after today are open to booking, and the police owe follow-ups, some overdue.
        Assert.NotEmpty(await f.Programme.BookableAsync(Ct));
        var owing = await f.Bookings.ForAgencyAsync(new Actor(Guid.NewGuid(), "Dev Data", police.Id), owing: true, cancellationToken: Ct);
        Assert.Contains(owing.Items, r => r.Booking.FollowUpDueOn < Today);
    }
}
