using Safeguard.Timescales;

namespace Safeguard.PrivateFostering;

/// <summary>
/// The statutory visits to a privately fostered child (Children (Private Arrangements for Fostering) Regulations 2005,
/// regulations 7 and 8): the first within 7 working days of the notification; then each at most 6 weeks after the one
/// before while the arrangement is in its first year (counted from its start), and at most 12 weeks after in the
/// second and later years. The interval is chosen by the date of the visit it is counted from.
/// </summary>
public static class PrivateFosteringSchedule
{
    public const string FirstVisit = "private-fostering-first-visit";
    public const string Visit = "private-fostering-visit";
    public const string LaterVisit = "private-fostering-visit-later";

    /// <summary>Each visit due, in order, with the visit that met it (null while not met, or when missed and a later visit met the next).</summary>
    public static IReadOnlyList<DueVisit> Visits(PrivateFosteringArrangement arrangement, DeadlineService deadlines)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        ArgumentNullException.ThrowIfNull(deadlines);
        var result = new List<DueVisit>();
        var due = deadlines.Calculate(FirstVisit, arrangement.NotifiedOn);
        var firstYearEnds = arrangement.StartedOn.AddYears(1);
        foreach (var visit in arrangement.Visits.Where(v => v.ChildSeen).OrderBy(v => v.VisitedOn))
        {
            result.Add(new DueVisit(result.Count == 0, deadlines.Assess(due, visit.VisitedOn), visit));
            due = deadlines.Calculate(visit.VisitedOn < firstYearEnds ? Visit : LaterVisit, visit.VisitedOn);
        }

        // The next visit is due while the arrangement lasts; after its end, only one whose date passed before the end (missed).
        if (arrangement.EndedOn is not { } ended || due.DueDate < ended)
        {
            result.Add(new DueVisit(result.Count == 0, deadlines.Assess(due), null));
        }

        return result;
    }

    /// <summary>The next visit due while the arrangement is open; null when it has ended.</summary>
    public static DueVisit? Next(PrivateFosteringArrangement arrangement, DeadlineService deadlines) =>
        arrangement is { EndedOn: null } ? Visits(arrangement, deadlines).LastOrDefault(v => v.MetBy is null) : null;
}

/// <param name="IsFirst">The first visit (7 working days from the notification).</param>
/// <param name="Assessment">Its deadline and where it stands (met on time, late, or open).</param>
/// <param name="MetBy">The visit made, when one was.</param>
public sealed record DueVisit(bool IsFirst, DeadlineAssessment Assessment, PrivateFosteringVisit? MetBy);
