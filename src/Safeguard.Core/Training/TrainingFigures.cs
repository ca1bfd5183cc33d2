using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.Training;

/// <summary>Places booked and used by one group of delegates (an agency or a role).</summary>
public sealed record AttendanceLine(string Group, int Booked, int Attended, int DidNotAttend)
{
    public decimal DidNotAttendRate => TrainingFigures.Rate(DidNotAttend, Booked);
}

/// <summary>A course's year: sessions delivered, delegates who came, and the confidence they reported.</summary>
public sealed record CourseLine(string Title, string? Theme, int Sessions, int Attended, decimal? MeanBefore, decimal? MeanAfter)
{
    public decimal? Change => MeanBefore is { } b && MeanAfter is { } a ? a - b : null;
}

/// <summary>A case review learning theme traced to training: the reviews that found it and the training given on it in the year.</summary>
public sealed record ThemeLine(string Theme, int Reviews, int Courses, int Sessions, int Attended);

/// <summary>The annual report's training figures for a reporting year.</summary>
public sealed record TrainingYearFigures(
    ReportingYear Year,
    int SessionsDelivered,
    int SessionsCancelled,
    int PlacesOffered,
    int PlacesBooked,
    int Attended,
    int DidNotAttend,
    int Cancelled,
    IReadOnlyList<AttendanceLine> ByAgency,
    IReadOnlyList<AttendanceLine> ByRole,
    int Evaluations,
    decimal? MeanConfidenceBefore,
    decimal? MeanConfidenceAfter,
    int FollowUpsDue,
    int FollowUpsReturned,
    int PracticeChanged,
    IReadOnlyList<CourseLine> Courses,
    IReadOnlyList<ThemeLine> Themes)
{
    /// <summary>Of the places booked on sessions held, the share not used and not given back (%).</summary>
    public decimal DidNotAttendRate => TrainingFigures.Rate(DidNotAttend, PlacesBooked);

    /// <summary>Mean confidence after less mean confidence before, on the 1 to 5 scale.</summary>
    public decimal? ConfidenceChange => MeanConfidenceBefore is { } b && MeanConfidenceAfter is { } a ? a - b : null;

    /// <summary>Of the follow-ups fallen due (three months after the session), the share returned (%).</summary>
    public decimal FollowUpReturnRate => TrainingFigures.Rate(FollowUpsReturned, FollowUpsDue);

    /// <summary>Of the follow-ups returned, the share reporting changed practice (%).</summary>
    public decimal PracticeChangedShare => TrainingFigures.Rate(PracticeChanged, FollowUpsReturned);
}

/// <summary>
/// The annual report's figures on the multi-agency training programme, as data: sessions delivered, places offered,
/// booked and attended, attendance by agency and role, the did-not-attend rate, mean confidence before and after,
/// the follow-up return rate and the share reporting changed practice; by course, and by case review learning theme.
/// Counts only: no delegate is named.
/// </summary>
public sealed class TrainingFigures(SafeguardDbContext db)
{
    public static decimal Rate(int part, int whole) => whole == 0 ? 0 : Math.Round(100m * part / whole, 1);

    private static decimal? Mean(IEnumerable<int?> values)
    {
        var list = values.OfType<int>().ToList();
        return list.Count == 0 ? null : Math.Round((decimal)list.Sum() / list.Count, 2);
    }

    public async Task<TrainingYearFigures> ForYearAsync(ReportingYear year, CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(db.Time);
        var sessions = await db.Set<TrainingSession>().AsNoTracking().Where(s => s.YearStart == year.StartYear)
            .Select(s => new { s.Id, s.CourseId, s.Places, s.Status }).ToListAsync(cancellationToken);
        var delivered = sessions.Where(s => s.Status == SessionStatus.Delivered).ToList();
        var deliveredIds = delivered.Select(s => s.Id).ToList();
        var bookings = await db.Set<TrainingBooking>().AsNoTracking().Where(b => deliveredIds.Contains(b.SessionId))
            .Select(b => new
            {
                b.SessionId,
                Agency = b.Agency!.Name,
                b.DelegateRole,
                b.Attendance,
                b.ConfidenceBefore,
                b.ConfidenceAfter,
                b.FollowUpDueOn,
                b.FollowUpOn,
                b.PracticeChanged,
            })
            .ToListAsync(cancellationToken);
        var used = bookings.Where(b => b.Attendance is Attendance.Attended or Attendance.DidNotAttend).ToList();
        var attended = used.Where(b => b.Attendance == Attendance.Attended).ToList();
        var evaluated = attended.Where(b => b.ConfidenceBefore is not null && b.ConfidenceAfter is not null).ToList();
        var due = attended.Where(b => b.FollowUpOn is not null || b.FollowUpDueOn <= today).ToList();
        var returned = due.Where(b => b.FollowUpOn is not null).ToList();

        var byAgency = used.GroupBy(b => b.Agency).Select(g => new AttendanceLine(g.Key, g.Count(), g.Count(b => b.Attendance == Attendance.Attended), g.Count(b => b.Attendance == Attendance.DidNotAttend)))
            .OrderByDescending(l => l.Booked).ThenBy(l => l.Group, StringComparer.Ordinal).ToList();
        var byRole = used.GroupBy(b => b.DelegateRole).Select(g => new AttendanceLine(g.Key, g.Count(), g.Count(b => b.Attendance == Attendance.Attended), g.Count(b => b.Attendance == Attendance.DidNotAttend)))
            .OrderBy(l => DelegateRoles.All.ToList().IndexOf(l.Group)).ThenBy(l => l.Group, StringComparer.Ordinal).ToList();

        var courseIds = sessions.Select(s => s.CourseId).Distinct().ToList();
        var courses = await db.Set<TrainingCourse>().AsNoTracking().Where(c => courseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Title, c.LearningThemeId }).ToListAsync(cancellationToken);
        var themes = await db.Set<LearningTheme>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var courseOf = delivered.ToDictionary(s => s.Id, s => s.CourseId);
        var courseLines = courses.Select(c =>
        {
            var rows = attended.Where(b => courseOf[b.SessionId] == c.Id).ToList();
            var evals = rows.Where(b => b.ConfidenceBefore is not null && b.ConfidenceAfter is not null).ToList();
            return new CourseLine(c.Title, c.LearningThemeId is { } t ? themes.GetValueOrDefault(t) : null, delivered.Count(s => s.CourseId == c.Id), rows.Count,
                Mean(evals.Select(b => b.ConfidenceBefore)), Mean(evals.Select(b => b.ConfidenceAfter)));
        }).Where(c => c.Sessions > 0).OrderBy(c => c.Title, StringComparer.Ordinal).ToList();

        // Each theme found in reviews (by the number of reviews finding it) beside the training given on it this year.
        var found = await db.Set<Finding>().AsNoTracking().GroupBy(f => f.LearningThemeId)
            .Select(g => new { g.Key, Reviews = g.Select(f => f.NotificationId).Distinct().Count() }).ToListAsync(cancellationToken);
        var themed = courses.Where(c => c.LearningThemeId is not null).ToList();
        var themeIds = found.Select(f => f.Key).Concat(themed.Select(c => c.LearningThemeId!.Value)).Distinct();
        var themeLines = themeIds.Select(id =>
        {
            var themeCourses = themed.Where(c => c.LearningThemeId == id).Select(c => c.Id).ToHashSet();
            var themeSessions = delivered.Where(s => themeCourses.Contains(s.CourseId)).Select(s => s.Id).ToHashSet();
            return new ThemeLine(themes.GetValueOrDefault(id) ?? "", found.FirstOrDefault(f => f.Key == id)?.Reviews ?? 0, themeCourses.Count, themeSessions.Count,
                attended.Count(b => themeSessions.Contains(b.SessionId)));
        }).OrderByDescending(t => t.Reviews).ThenBy(t => t.Theme, StringComparer.Ordinal).ToList();

        return new TrainingYearFigures(
            year,
            delivered.Count,
            sessions.Count(s => s.Status == SessionStatus.Cancelled),
            delivered.Sum(s => s.Places),
            used.Count,
            attended.Count,
            used.Count - attended.Count,
            bookings.Count(b => b.Attendance == Attendance.Cancelled),
            byAgency,
            byRole,
            evaluated.Count,
            Mean(evaluated.Select(b => b.ConfidenceBefore)),
            Mean(evaluated.Select(b => b.ConfidenceAfter)),
            due.Count,
            returned.Count,
            returned.Count(b => b.PracticeChanged == true),
            courseLines,
            themeLines);
    }
}
