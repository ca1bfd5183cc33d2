using Safeguard.Calendar;
using Safeguard.Journey;
using Safeguard.Timescales;

namespace Safeguard.DemoData;

/// <summary>
/// The visits to each child on a demo child protection plan, as a team that mostly keeps to the timescale makes them:
/// one every <c>cp-visit</c> working days (local practice: 10) or a day or few sooner, the child seen; about one visit in
/// twelve is a few working days late, and about one in twenty-five is an extra visit at which the child was not seen.
/// About one open plan in ten has its latest visit overdue today, by 1 to about 20 working days (never months), so the
/// due-work lists have something true and believable to show. Drawn from a random sequence of their own, so the rest
/// of the demo area is the same with or without them.
/// </summary>
internal static class DemoVisits
{
    private static readonly string[] Visitors = ["Sam Social", "Amy Clarke", "Josh Bennett", "Priya Patel", "Liam Walsh", "Grace Okafor"];

    public static List<ChildVisit> For(
        IEnumerable<ProtectionPlan> plans, IEnumerable<NeedEpisode> episodes, WorkingDayCalendar calendar, DeadlineService deadlines, DateOnly today, DateTimeOffset now, DemoIds ids, int seed)
    {
        var random = new Random(seed + 7);
        var children = episodes.ToDictionary(e => e.Id, e => e.PersonId);
        var visits = new List<ChildVisit>();
        foreach (var plan in plans.OrderBy(p => p.StartDate).ThenBy(p => p.Id))
        {
            var personId = children[plan.EpisodeId];
            var visitor = Visitors[random.Next(Visitors.Length)];
            // An open plan's visits run to today, or for about one in ten stop a few weeks back (its next visit is overdue).
            var last = plan.EndDate ?? (random.Next(10) == 0 ? Before(calendar, today, 11 + random.Next(10)) : today);
            var anchor = plan.StartDate;
            while (true)
            {
                var due = deadlines.Calculate(CpVisits.RuleId, anchor).DueDate;
                var made = random.Next(12) == 0 ? calendar.AddWorkingDays(due, 1 + random.Next(5)) : Before(calendar, due, random.Next(4));
                if (made <= anchor)
                {
                    made = calendar.AddWorkingDays(anchor, 1);
                }

                if (made > last)
                {
                    break;
                }

                if (random.Next(25) == 0 && calendar.AddWorkingDays(anchor, 1) < made)
                {
                    visits.Add(Visit(ids, personId, Before(calendar, made, 1), seen: false, alone: false, visitor, now));
                }

                visits.Add(Visit(ids, personId, made, seen: true, alone: random.Next(3) == 0, visitor, now));
                anchor = made;
            }
        }

        return visits;
    }

    private static ChildVisit Visit(DemoIds ids, Guid personId, DateOnly date, bool seen, bool alone, string visitor, DateTimeOffset now) => new()
    {
        Id = ids.Next(),
        PersonId = personId,
        VisitDate = date,
        ChildSeen = seen,
        SeenAlone = seen && alone,
        VisitedBy = visitor,
        Note = seen ? null : "No answer at the door; a further visit was arranged.",
        RecordedAt = now,
        RecordedByName = visitor,
    };

    private static DateOnly Before(WorkingDayCalendar calendar, DateOnly date, int workingDays)
    {
        for (var i = 0; i < workingDays; i++)
        {
            date = calendar.PreviousWorkingDay(date);
        }

        return date;
    }
}
