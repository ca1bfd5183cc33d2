using Safeguard.Calendar;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Timescales;

namespace Safeguard.DemoData;

/// <summary>
/// The demo area's children looked after, at Bury's rates (seed 004: about 339 children in care at any time; seed
/// 000's Appendix 1: about 28 starting and 24 ceasing a quarter), times the scale. Every child the complex
/// safeguarding records show missing from care is looked after across their missing episodes; some of the child
/// protection plans that ended did so because the child came into care that day; the other children looked
/// after today are mostly children with an open, allocated case, so their work is on the team's due work. Each period
/// of care has its episodes (legal status, placement type, provider and postcode, moves with their reasons, changes
/// of legal status), its reviews chaired by an IRO from the demo users (most on time; some of today's children's
/// reviews have fallen out of timescale unnoticed, seed 002), health assessments and dental checks. The codes keep
/// the SSDA903 return's rules (placement against provider, legal status against reason for new episode, ages,
/// postcodes), so the area's return validates.
/// </summary>
internal sealed partial class DemoLookedAfter
{
    /// <summary>
    /// Children starting to be looked after a year at scale 1 (seed 000, 7.2: about 28 a quarter): with periods lasting
    /// about three years on average, about 339 children are in care on any day (seed 004).
    /// </summary>
    private const double StartsPerYear = 112;

    /// <summary>Young people leaving care at 18 a year at scale 1, after being looked after from their teens.</summary>
    private const double YoungLeaversPerYear = 25;

    private static readonly string[] LocalPostcodes = ["BL9 0AA", "BL9 5BT", "BL8 1DE", "BL8 2HQ", "BL0 9RR", "M26 1GW", "M45 6TN", "BL9 7HS", "BL9 9PQ", "BL8 4LY", "M26 2SP", "M25 1AJ"];
    private static readonly string[] AwayPostcodes = ["OL10 1LR", "OL11 3PQ", "BL1 4RS", "M24 6DE", "WN7 1AA", "BB4 5TT", "SK4 1HX", "LA1 2AB", "M20 2RN", "PR1 8JU", "BL3 6SY", "OL16 1XU"];
    /// <summary>Why care ended at 18: into independent living with support (E5) or without (E6), or another reason (E8).</summary>
    private static readonly string[] LeftAtEighteen = ["E5", "E5", "E5", "E6", "E8"];
    private static readonly string[] MoveReasons = ["CARPL", "CARPL", "CARPL", "CREQB", "CREQB", "CREQO", "CHILD", "CHILD", "LAREQ", "STAND", "CLOSE", "OTHER"];
    private static readonly string[] Participation = ["PN1", "PN1", "PN1", "PN1", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN6", "PN7"];
    private static readonly string[] Decisions =
    [
        "The care plan continues; contact with the mother stays at twice a week, supervised.",
        "The placement meets the child's needs; a referral for therapeutic support is to be made.",
        "Permanence planning to be completed before the next review; life story work to start.",
        "School attendance has improved; the personal education plan targets are agreed.",
        "Concerns about missing episodes: a safety plan with the carers and the police is agreed.",
        "Sibling contact to be increased to fortnightly; the child asked for this.",
    ];

    private static readonly string[] Doctors = ["Dr Anita Shah, looked-after children's doctor", "Looked-after children's nurse", "Dr Owen Pickup, paediatrician", "Health visitor"];
    private static readonly string[] Dentists = ["Bury Smile Dental Practice", "Radcliffe Dental Care", "Whitefield Family Dentistry", "Community dental service"];

    private readonly DemoOptions _options;
    private readonly DemoIds _ids;
    private readonly Random _random;
    private readonly DeadlineService _deadlines;
    private readonly DateTimeOffset _now;
    private readonly DateOnly _today;
    private readonly DemoPopulation _population;
    private readonly DemoCasework _casework;
    private readonly DemoComplexSafeguarding _complex;
    private readonly DemoStaff[] _iros;
    private readonly DemoStaff _worker;
    private readonly HashSet<Guid> _used = [];

    public DemoLookedAfter(DemoOptions options, DemoIds ids, DeadlineService deadlines, DateTimeOffset now, DemoPopulation population, DemoCasework casework, DemoComplexSafeguarding complex, DemoUsers users)
    {
        _options = options;
        _ids = ids;
        _random = new Random(options.Seed + 4);
        _deadlines = deadlines;
        _now = now;
        _today = UkTime.ToUkDate(now);
        _population = population;
        _casework = casework;
        _complex = complex;
        _iros = [users.Manager, users.Manager, users.SocialWorker];
        _worker = users.SocialWorker;
    }

    public List<CareEpisode> Episodes { get; } = [];

    public List<LookedAfterReview> Reviews { get; } = [];

    public List<HealthCheck> HealthChecks { get; } = [];

    /// <summary>Children looked after today.</summary>
    public int LookedAfterToday => Episodes.Count(e => e.EndedOn is null);

    public void Generate()
    {
        var history = DemoCasework.HistoryStart(_today);
        var children = _population.People.Where(p => p.Kind == PersonKind.Child && p.DateOfBirth is not null).ToDictionary(p => p.Id);

        // Never looked after: the children missing from home (their episodes say they were not in care then).
        foreach (var e in _complex.Episodes.Where(e => e.PersonId is not null && !e.LookedAfter))
        {
            _used.Add(e.PersonId!.Value);
        }


        // 1. Looked after across their missing-from-care episodes.
        foreach (var child in _complex.Episodes.Where(e => e.PersonId is not null && e.LookedAfter).GroupBy(e => e.PersonId!.Value).OrderBy(g => g.Min(e => e.StartedAt)))
        {
            if (!children.TryGetValue(child.Key, out var person) || !_used.Add(child.Key))
            {
                continue;
            }

            var first = UkTime.ToUkDate(child.Min(e => e.StartedAt));
            var open = child.Any(e => e.EndedAt is null);
            var last = open ? _today : UkTime.ToUkDate(child.Max(e => e.EndedAt!.Value));
            var start = Latest(first.AddDays(-30 - _random.Next(900)), person.DateOfBirth!.Value.AddYears(9));
            start = start < first ? start : first.AddDays(-1);
            DateOnly? end = open || _random.NextDouble() < 0.6 ? null : last.AddDays(10 + _random.Next(200));
            AddPeriod(person, start, end is { } x && x < _today ? x : null);
        }

        // On a plan today: not looked after as well.
        var episodesById = _casework.Episodes.ToDictionary(e => e.Id);
        foreach (var plan in _casework.Plans.Where(p => p.EndDate is null))
        {
            _used.Add(episodesById[plan.EpisodeId].PersonId);
        }

        // 2. Some of the plans that ended did so because the child came into care that day (up to half the history's starts).
        var starts = (int)Math.Round(StartsPerYear * _options.Scale * (_today.DayNumber - history.DayNumber) / 365.25);
        var started = Episodes.Count(e => e.ReasonForNewEpisode == LookedAfterCodes.Started && e.StartedOn >= history);
        foreach (var plan in _casework.Plans.Where(p => p.EndDate is { } d && d >= history && d < _today))
        {
            if (started >= starts * 0.5 || _random.NextDouble() >= 0.12)
            {
                continue;
            }

            var childId = episodesById[plan.EpisodeId].PersonId;
            if (!children.TryGetValue(childId, out var person) || _used.Contains(childId) || person.DateOfBirth!.Value.AddYears(17) <= plan.EndDate!.Value)
            {
                continue;
            }

            _used.Add(childId);
            started++;
            AddPeriod(person, plan.EndDate!.Value, Duration(person, plan.EndDate!.Value));
        }

        // 3. The other periods of care: starts at about 112 a year over the twelve years before today (those that ended
        // before the history are left out), each lasting a few weeks to many years, so about 339 are in care on any
        // day. Periods running today go mostly to children with an open, allocated case (their team sees their work).
        var allocated = _casework.Allocations.Where(a => a.To is null).Select(a => a.PersonId).Distinct().Where(id => !_used.Contains(id) && children.ContainsKey(id)).ToList();
        Shuffle(allocated);
        var others = children.Keys.Where(id => !_used.Contains(id)).ToList();
        Shuffle(others);
        var next = 0;
        Person? NextChild(bool preferAllocated, Func<Person, bool> fits)
        {
            if (preferAllocated && _random.NextDouble() < 0.85)
            {
                foreach (var id in allocated.Where(id => !_used.Contains(id) && fits(children[id])))
                {
                    _used.Add(id);
                    return children[id];
                }
            }

            for (var tries = 0; next < others.Count && tries < 5000; tries++)
            {
                var id = others[next++];
                if (!_used.Contains(id) && fits(children[id]))
                {
                    _used.Add(id);
                    return children[id];
                }
            }

            return null;
        }

        // A quarter that already has its starts (from the children above) gets no more.
        var perDay = StartsPerYear * _options.Scale / 365.25;
        var perQuarter = StartsPerYear * _options.Scale / 4;
        var quarters = Episodes.Where(e => e.ReasonForNewEpisode == LookedAfterCodes.Started).GroupBy(e => Quarter(e.StartedOn)).ToDictionary(g => g.Key, g => g.Count());
        for (var day = _today.AddYears(-12); day < _today; day = day.AddDays(1))
        {
            var count = (int)perDay + (_random.NextDouble() < perDay - (int)perDay ? 1 : 0);
            for (var i = 0; i < count; i++)
            {
                var quarter = Quarter(day);
                var already = quarters.GetValueOrDefault(quarter);
                if (already >= perQuarter && day >= history.AddYears(-3))
                {
                    continue;
                }

                quarters[quarter] = already + 1;
                var r = _random.NextDouble();
                var end = day.AddDays(r < 0.3 ? 20 + _random.Next(160) : r < 0.6 ? 180 + _random.Next(550) : 900 + _random.Next(1700));
                if (end < history)
                {
                    continue;
                }

                var since = day;
                var now = end >= _today;
                var child = now
                    ? NextChild(true, p => p.DateOfBirth!.Value.AddDays(14) < since && p.DateOfBirth!.Value.AddYears(18) > _today.AddDays(30))
                    : NextChild(false, p => p.DateOfBirth!.Value < since && p.DateOfBirth!.Value.AddYears(18) > end.AddDays(1));
                if (child is not null)
                {
                    AddPeriod(child, since, now ? null : end);
                }
            }
        }

        // 4. Young people of 18 to 21 who were in care from their teens to their 18th birthday: the former relevant care
        // leavers (about 25 a year leave care at 18 at scale 1), each a record of their own.
        var leavers = (int)Math.Round(YoungLeaversPerYear * _options.Scale * 4);
        for (var n = 0; n < leavers; n++)
        {
            var born = _today.AddDays(-(18 * 365) - 5 - _random.Next(4 * 365));
            var person = DemoPeople.AddYoungPerson(_population, _random, _ids, _now, n + 1, born);
            AddPeriod(person, born.AddDays((13 * 365) + _random.Next(3 * 365)), null);
            Episodes[^1].ReasonEpisodeCeased = Pick(LeftAtEighteen);
        }

        // 5. Adoptions (DemoLookedAfter.Adoption.cs).
        GenerateAdoptions(children);

        // 6. Health and wellbeing of the children looked after for 12 months (DemoLookedAfter.Wellbeing.cs).
        GenerateWellbeing();

        // 7. Unaccompanied asylum-seeking children and previous permanence (DemoLookedAfter.Asylum.cs).
        GenerateAsylumAndPermanence();
    }

    public async Task WriteAsync(SafeguardDbContext db, string detail, CancellationToken cancellationToken)
    {
        await BulkInsert.InsertAsync(db, Episodes, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Reviews, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, HealthChecks, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, AdoptionDecisions, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Wellbeing, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, UascStatuses, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Permanences, detail, cancellationToken);
    }

    private static int Quarter(DateOnly day) => (day.Year * 4) + ((day.Month - 1) / 3);

    private static DateOnly Latest(DateOnly a, DateOnly b) => a > b ? a : b;

    private void Shuffle<T>(List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>When a period starting on <paramref name="start"/> ends: three in ten within six months, three in ten within two years, the rest two and a half to seven years (null: beyond today or the child's 17th year).</summary>
    private DateOnly? Duration(Person child, DateOnly start)
    {
        var r = _random.NextDouble();
        var days = r < 0.3 ? 20 + _random.Next(160) : r < 0.6 ? 180 + _random.Next(550) : 900 + _random.Next(1700);
        var end = start.AddDays(days);
        return end >= _today || end >= child.DateOfBirth!.Value.AddYears(18).AddDays(-1) ? null : end;
    }

    /// <summary>Adds a period of care from <paramref name="start"/> to <paramref name="end"/> (null: looked after today); true when the child is looked after today.</summary>
    private bool AddPeriod(Person child, DateOnly start, DateOnly? end)
    {
        var born = child.DateOfBirth!.Value;
        if (start < born)
        {
            start = born;
        }

        if (end is { } e && e <= start.AddDays(7))
        {
            end = start.AddDays(8);
        }

        // A child turning 18 before today has left care at 18 (care leavers are recorded elsewhere): end the period the day before.
        var eighteen = born.AddYears(18);
        if (eighteen <= _today && (end is null || end >= eighteen))
        {
            end = eighteen.AddDays(-1);
        }

        if (end is { } f && f >= _today)
        {
            end = null;
        }

        var iro = Pick(_iros);
        var cin = _random.NextDouble() switch { < 0.66 => "N1", < 0.72 => "N2", < 0.76 => "N3", < 0.84 => "N4", < 0.94 => "N5", < 0.97 => "N6", _ => "N8" };
        var legal = _random.NextDouble() < 0.45 ? "V2" : "C1";
        var (place, provider, postcode) = Placement(Age(born, start), legal, null);
        var episodes = new List<CareEpisode> { Episode(child, start, LookedAfterCodes.Started, legal, cin, place, provider, postcode, iro) };
        var until = end ?? _today;

        // Changes: a care order made 3 to 9 months after an interim order; moves at about one every 18 months.
        var changes = new SortedDictionary<DateOnly, bool>();
        if (legal == "C1" && start.AddDays(90 + _random.Next(180)) is var order && order < until)
        {
            changes[order] = true;
        }

        for (var at = start.AddDays((int)(-900 * Math.Log(1 - _random.NextDouble()))); at < until; at = at.AddDays(30 + (int)(-900 * Math.Log(1 - _random.NextDouble()))))
        {
            changes.TryAdd(at, false);
        }

        foreach (var (on, legalChange) in changes)
        {
            var current = episodes[^1];
            if (on <= current.StartedOn)
            {
                continue;
            }

            current.EndedOn = on;
            current.ReasonEpisodeCeased = LookedAfterCodes.NextEpisodeFollows;
            if (legalChange)
            {
                episodes.Add(Episode(child, on, "L", "C2", cin, current.PlacementType, current.PlacementProvider, current.PlacementPostcode, iro));
                continue;
            }

            current.ReasonPlacementChanged = Pick(MoveReasons);
            var (p, pr, pc) = Placement(Age(born, on), current.LegalStatus, current.PlacementPostcode);
            episodes.Add(Episode(child, on, "P", current.LegalStatus, cin, p, pr, pc, iro));
        }

        if (end is { } ended)
        {
            var last = episodes[^1];
            if (ended <= last.StartedOn)
            {
                ended = last.StartedOn.AddDays(1);
            }

            last.EndedOn = ended;
            last.ReasonEpisodeCeased = Ceased(last, Age(born, ended));
        }

        HomeAndUrns(episodes);
        Episodes.AddRange(episodes);
        AddReviews(child, start, end ?? _today, iro);
        AddHealthChecks(child, start, end ?? _today);
        return end is null;
    }

    private static int Age(DateOnly born, DateOnly on) => on.Year - born.Year - (on < born.AddYears(on.Year - born.Year) ? 1 : 0);

    /// <summary>A placement for a child of <paramref name="age"/>, its provider agreeing with it (SSDA903 rules 527 to 531, 550) and a postcode other than <paramref name="previous"/>.</summary>
    private (string Place, string Provider, string Postcode) Placement(int age, string legal, string? previous)
    {
        var r = _random.NextDouble();
        var (place, provider) = age >= 16 && r < 0.3 ? ("H5", "PR4")
            : age >= 10 && r < 0.42 ? ("K2", _random.NextDouble() < 0.8 ? "PR4" : "PR1")
            : r < 0.47 && legal != "V2" ? ("P1", "PR0")
            : r < 0.62 ? ("U3", "PR1")
            : r < 0.72 ? ("U4", "PR1")
            : ("U6", _random.NextDouble() < 0.65 ? "PR1" : _random.NextDouble() < 0.85 ? "PR4" : "PR2");
        string postcode;
        do
        {
            postcode = provider is "PR0" or "PR1" && _random.NextDouble() < 0.8 ? Pick(LocalPostcodes) : Pick(AwayPostcodes);
        }
        while (postcode == previous);
        return (place, provider, postcode);
    }

    /// <summary>Why the period ended, agreeing with the last placement and the child's age (rules 387, 389, 516).</summary>
    private string Ceased(CareEpisode last, int age)
    {
        var r = _random.NextDouble();
        if (last.PlacementType.StartsWith('U') && r < 0.25 && last.LegalStatus != "V2")
        {
            return last.PlacementType is "U1" or "U2" or "U3" ? "E45" : "E46";
        }

        if (age >= 16 && r < 0.45)
        {
            return "E5";
        }

        return r switch
        {
            < 0.6 => "E4A",
            < 0.72 => "E13",
            < 0.82 => last.LegalStatus == "V2" ? "E4A" : "E41",
            < 0.9 => "E47",
            < 0.95 => "E3",
            _ => "E8",
        };
    }

    /// <summary>
    /// The child's home postcode (local, never a placement's: rule 392d) and each placement's Ofsted URN where the
    /// placement type has a registered provider (rules 218, 222), worked out from the records themselves so the demo's
    /// other choices stay as they were.
    /// </summary>
    private static void HomeAndUrns(List<CareEpisode> episodes)
    {
        static int Stable(string text)
        {
            var hash = 17;
            foreach (var c in text)
            {
                hash = unchecked((hash * 31) + c);
            }

            return hash & 0x7fffffff;
        }

        var placed = episodes.Select(e => e.PlacementPostcode).ToHashSet(StringComparer.Ordinal);
        var homes = LocalPostcodes.Where(p => !placed.Contains(p)).ToArray();
        var home = homes[Stable(episodes[0].PersonId.ToString()) % homes.Length];
        foreach (var e in episodes)
        {
            e.HomePostcode = home;
            e.PlacementUrn = e.PlacementType is "K2" || e.PlacementType.StartsWith('U') || e.PlacementType.StartsWith('A')
                ? $"SC{100000 + (Stable($"{e.PlacementProvider} {e.PlacementPostcode} {e.PlacementType}") % 900000)}"
                : null;
        }
    }

    private CareEpisode Episode(Person child, DateOnly start, string rne, string legal, string cin, string place, string? provider, string? postcode, DemoStaff iro) => new()
    {
        Id = _ids.Next(),
        PersonId = child.Id,
        StartedOn = start,
        ReasonForNewEpisode = rne,
        LegalStatus = legal,
        CategoryOfNeed = cin,
        PlacementType = place,
        PlacementProvider = provider,
        PlacementPostcode = postcode,
        IroUserId = iro.Id,
        IroName = iro.Name,
        RecordedAt = Recorded(start),
        RecordedByName = _worker.Name,
    };

    private DateTimeOffset Recorded(DateOnly day)
    {
        var at = UkTime.StartOfDay(day).AddHours(10 + _random.Next(7)).AddDays(_random.Next(3));
        return at < _now ? at : _now;
    }

    /// <summary>
    /// Reviews on the statutory timescale, most on time, a few late; for about one child in seven looked after today the
    /// latest has fallen out of timescale unnoticed (nothing recorded since it was due).
    /// </summary>
    private void AddReviews(Person child, DateOnly start, DateOnly until, DemoStaff iro)
    {
        var held = new List<DateOnly>();
        var lapses = until == _today && _random.NextDouble() < 0.2;
        while (true)
        {
            var due = LookedAfterSchedule.ReviewDeadline(start, held, _deadlines).DueDate;
            var r = _random.NextDouble();
            var on = r < 0.88 ? due.AddDays(-_random.Next(Math.Min(15, Math.Max(1, due.DayNumber - (held.Count > 0 ? held[^1] : start).DayNumber)))) : due.AddDays(1 + _random.Next(25));
            if (on > until || on >= _today || (lapses && due < _today && due > _today.AddDays(-150)))
            {
                return;
            }

            if ((held.Count > 0 && on <= held[^1]) || on < start)
            {
                on = (held.Count > 0 ? held[^1] : start).AddDays(1);
            }

            held.Add(on);
            var underFour = child.DateOfBirth!.Value.AddYears(4) > on;
            Reviews.Add(new LookedAfterReview
            {
                Id = _ids.Next(),
                PersonId = child.Id,
                HeldOn = on,
                IroUserId = iro.Id,
                IroName = iro.Name,
                Participation = underFour ? "PN0" : Pick(Participation),
                Decisions = Pick(Decisions),
                RecordedAt = Recorded(on),
                RecordedByName = iro.Name,
            });
        }
    }

    /// <summary>An initial health assessment (most within 20 working days), then reviews every 6 or 12 months; dental checks about every 6 to 9 months.</summary>
    private void AddHealthChecks(Person child, DateOnly start, DateOnly until)
    {
        var born = child.DateOfBirth!.Value;
        var initial = _deadlines.Calculate(LookedAfterSchedule.InitialHealthAssessment, start).DueDate;
        for (var on = _random.NextDouble() < 0.8 ? initial.AddDays(-_random.Next(10)) : initial.AddDays(5 + _random.Next(40)); on <= until && on < _today;)
        {
            if (on > start)
            {
                HealthChecks.Add(Check(child, HealthCheckKind.HealthAssessment, on, Pick(Doctors)));
            }

            on = on.AddMonths(born.AddYears(5) > on ? 6 : 12).AddDays(-_random.Next(20) + (_random.NextDouble() < 0.1 ? 45 : 0));
        }

        if (born.AddYears(1) > until)
        {
            return;
        }

        for (var on = start.AddDays(30 + _random.Next(120)); on <= until && on < _today; on = on.AddDays(150 + _random.Next(_random.NextDouble() < 0.15 ? 200 : 90)))
        {
            HealthChecks.Add(Check(child, HealthCheckKind.DentalCheck, on, Pick(Dentists)));
        }
    }

    private HealthCheck Check(Person child, HealthCheckKind kind, DateOnly on, string by) => new()
    {
        Id = _ids.Next(),
        PersonId = child.Id,
        Kind = kind,
        DoneOn = on,
        DoneBy = by,
        RecordedAt = Recorded(on),
        RecordedByName = _worker.Name,
    };
}
