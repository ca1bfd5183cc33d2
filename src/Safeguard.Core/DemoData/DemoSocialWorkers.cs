using Safeguard.Calendar;
using Safeguard.Journey;
using Safeguard.LookedAfter;

namespace Safeguard.DemoData;

/// <summary>
/// The social workers of the demo's looked-after children (docs/adr/0087), so that the SSDA903 return's social worker
/// episodes can be written from the casework: a child looked after has an open episode of need all the while (a
/// looked-after child is a child in need), with a named social worker. Where the casework generated no episode of need
/// over part of a period of care, one is opened for it (referred by children's social care, abuse or neglect, assessed in
/// the first fortnight) and closed when care ends; the allocations over the period without a worker are given the child's
/// social worker (Sam Social or Tariq Manager, the demo's staff who hold casework), some of whom hand over to the other
/// during long periods. Every allocation to a worker records why the worker was given the case (SSDA903 SW_REASON).
/// </summary>
internal sealed class DemoSocialWorkers(DemoOptions options, DemoIds ids, DateOnly today, DemoCasework casework, IReadOnlyList<CareEpisode> care, Guid team, Guid[] workers)
{
    /// <summary>The Social Work England numbers the demo's social workers are given (made up: "SW9" and five digits).</summary>
    public static IReadOnlyDictionary<string, string> Numbers { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["social.worker"] = "SW900101",
        ["team.manager"] = "SW900102",
    };

    private static readonly string[] Handovers = ["MANAGE", "MANAGE", "TSPROC", "LEFTRL", "ABSENC", "ORGRST"];

    private readonly Random _random = new(options.Seed + 11);

    public void Generate()
    {
        if (workers.Length == 0)
        {
            return;
        }

        var history = DemoCasework.HistoryStart(today);
        var needs = casework.Episodes.ToLookup(e => e.PersonId);
        var allocations = casework.Allocations.ToLookup(a => a.EpisodeId);
        foreach (var child in care.GroupBy(e => e.PersonId))
        {
            var worker = workers[_random.Next(workers.Length)];
            foreach (var (start, end) in Periods(child.OrderBy(e => e.StartedOn).ToList()))
            {
                if (end is { } ended && ended < history)
                {
                    continue;
                }

                var last = end ?? today;
                var cursor = start;
                foreach (var need in needs[child.Key].Where(n => n.ReferralDate <= last && (n.ClosureDate is not { } c || c >= start)).OrderBy(n => n.ReferralDate))
                {
                    if (need.ReferralDate > cursor)
                    {
                        worker = Open(child.Key, cursor, need.ReferralDate.AddDays(-1), worker);
                    }

                    GiveWorker(allocations[need.Id], start, last, worker);
                    cursor = need.ClosureDate is { } closed ? closed.AddDays(1) : DateOnly.MaxValue;
                }

                if (cursor <= last)
                {
                    worker = Open(child.Key, cursor, end, worker);
                }
            }
        }

        // Why each worker was given the case, on each allocation that starts a worker's time with it (not a change of team
        // with the same worker): the episode's first worker is a first contact; a later one takes over.
        foreach (var episode in casework.Allocations.GroupBy(a => a.EpisodeId))
        {
            Guid? earlier = null;
            CaseAllocation? previous = null;
            foreach (var a in episode.OrderBy(a => a.From))
            {
                if (a.WorkerId is { } w && a.SocialWorkerReason is null && !(previous is not null && previous.WorkerId == w && previous.To == a.From))
                {
                    a.SocialWorkerReason = earlier is null ? SocialWorkerEpisodes.FirstContact : Handovers[_random.Next(Handovers.Length)];
                }

                earlier = a.WorkerId ?? earlier;
                previous = a;
            }
        }
    }

    /// <summary>The child's periods of care: from a start (or the first episode) to the end of the episode that ended care (null: looked after today).</summary>
    private static IEnumerable<(DateOnly Start, DateOnly? End)> Periods(List<CareEpisode> episodes)
    {
        DateOnly? from = null;
        foreach (var e in episodes)
        {
            from ??= e.StartedOn;
            if (e.EndedOn is null || e.ReasonEpisodeCeased != LookedAfterCodes.NextEpisodeFollows)
            {
                yield return (from.Value, e.EndedOn);
                from = null;
            }
        }

        if (from is { } open)
        {
            yield return (open, null);
        }
    }

    /// <summary>Gives the episode's allocations over the period of care that have no worker to the child's social worker.</summary>
    private static void GiveWorker(IEnumerable<CaseAllocation> allocations, DateOnly start, DateOnly last, Guid worker)
    {
        foreach (var a in allocations)
        {
            if (a.WorkerId is null && UkTime.ToUkDate(a.From) <= last && (a.To is not { } to || UkTime.ToUkDate(to) >= start))
            {
                a.WorkerId = worker;
            }
        }
    }

    /// <summary>
    /// Opens an episode of need from <paramref name="from"/> to <paramref name="to"/> (null: open today) for a child in care,
    /// allocated to <paramref name="worker"/>; a long one may pass to the other worker. Returns the worker holding it at the end.
    /// </summary>
    private Guid Open(Guid child, DateOnly from, DateOnly? to, Guid worker)
    {
        var closure = to is { } t && t <= today ? t : (DateOnly?)null;
        var episode = new NeedEpisode
        {
            Id = ids.Next(),
            PersonId = child,
            ReferralDate = from,
            ReferralSource = "5A",
            PrimaryNeedCode = "N1",
            CreatedAt = UkTime.FromUkLocal(from.ToDateTime(new TimeOnly(9, 0))),
            ClosureDate = closure,
            ReasonForClosure = closure is null ? null : "RC7",
        };
        casework.Episodes.Add(episode);
        var authorised = from.AddDays(14);
        if (closure is { } c && authorised > c)
        {
            authorised = c;
        }

        if (authorised > today)
        {
            authorised = today;
        }

        casework.Assessments.Add(new CaseAssessment
        {
            Id = ids.Next(),
            EpisodeId = episode.Id,
            StartDate = from,
            ChildSeenDate = from,
            AuthorisationDate = authorised,
            Factors = "2B",
        });

        var at = UkTime.FromUkLocal(from.ToDateTime(new TimeOnly(9, 0)));
        DateTimeOffset? end = closure is { } day ? UkTime.FromUkLocal(day.ToDateTime(new TimeOnly(17, 0))) : null;
        var allocation = new CaseAllocation { Id = ids.Next(), EpisodeId = episode.Id, PersonId = child, TeamId = team, WorkerId = worker, From = at, To = end, AllocatedByName = "Tariq Manager" };
        casework.Allocations.Add(allocation);

        // About one long period in two passes to the other worker part-way (caseloads, a move of team, a worker leaving).
        var last = closure ?? today;
        if (workers.Length > 1 && last.DayNumber - from.DayNumber > 400 && _random.Next(2) == 0)
        {
            var handover = from.AddDays(100 + _random.Next(last.DayNumber - from.DayNumber - 200));
            var other = workers.First(w => w != worker);
            var handoverAt = UkTime.FromUkLocal(handover.ToDateTime(new TimeOnly(12, 0)));
            allocation.To = handoverAt;
            casework.Allocations.Add(new CaseAllocation
            {
                Id = ids.Next(),
                EpisodeId = episode.Id,
                PersonId = child,
                TeamId = team,
                WorkerId = other,
                From = handoverAt,
                To = end,
                AllocatedByName = "Tariq Manager",
                SocialWorkerReason = Handovers[_random.Next(Handovers.Length)],
            });
            worker = other;
        }

        allocation.SocialWorkerReason = SocialWorkerEpisodes.FirstContact;
        return worker;
    }
}
