using Safeguard.Calendar;
using Safeguard.FrontDoor;
using Safeguard.Lado;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.DemoData;

/// <summary>
/// Allegations referred to the LADO at Bury's rates (seed 000: 318 then 413 contacts a year, 60 then 51 reaching the
/// threshold): about 400 a year at scale 1 over the years the casework covers, mostly education; about one in seven
/// meets the threshold (more in health and social care). Each concerns one or two children of the area. The initial
/// consideration is made the same or next working day, now and then later; advice only closes within days; an
/// allegation meeting the threshold runs for weeks to months (strategy discussion, police and employer actions,
/// suspension for some) and closes with an outcome whose spread depends on the sector. The last few days' referrals
/// are awaiting a decision and recent threshold-met ones are open. All are held by the demo LADO.
/// <para>
/// The front door's contacts decided "refer to the LADO" (about 1% of contacts) become allegations the way the LADO opens
/// one from a waiting contact: linked to the contact, referred on the day of the decision, with the contact's referrer,
/// concerns and children; the rest of the day's referrals came to the LADO directly from employers. Contacts decided in
/// the last <see cref="WaitingWorkingDays"/> working days are still waiting for the LADO.
/// </para>
/// </summary>
internal sealed class DemoLado
{
    private const double ReferralsPerYear = 400;

    /// <summary>Contacts decided "refer to the LADO" on this many working days before today, or today, still wait for an allegation.</summary>
    public const int WaitingWorkingDays = 2;

    /// <summary>What a contact decided "refer to the LADO" says (used by the front door's demo contacts), with the sector and category the LADO records.</summary>
    internal static readonly (string Concerns, LadoSector Sector, LadoCategory Category)[] ContactConcerns =
    [
        ("The child says a member of staff at school grabbed their arm in class; there is a mark on the arm.", LadoSector.Education, LadoCategory.Harm),
        ("A parent found messages of a sexual nature to their daughter from a member of staff at her school.", LadoSector.Education, LadoCategory.PossibleOffence),
        ("A pupil says a member of staff shouts at them, calls them names and has been giving them lifts home.", LadoSector.Education, LadoCategory.BehaviourTowardsChild),
        ("Police attended a domestic abuse incident at the home of a member of school staff; their own children were present.", LadoSector.Education, LadoCategory.TransferableRisk),
        ("The child came home from nursery with a bruise and says a member of staff smacked them.", LadoSector.EarlyYears, LadoCategory.Harm),
        ("A young person on the ward says a member of staff touched them inappropriately.", LadoSector.Health, LadoCategory.PossibleOffence),
        ("A young person in a children's home says a support worker restrained them roughly and hurt their wrist.", LadoSector.SocialCare, LadoCategory.Harm),
        ("A foster carer was arrested after an incident at a pub; children are placed with them.", LadoSector.SocialCare, LadoCategory.TransferableRisk),
        ("A parent reports their son's football coach messages players late at night and asks them to keep it secret.", LadoSector.SportAndLeisure, LadoCategory.BehaviourTowardsChild),
        ("A young person says a youth leader at their place of worship has been sending them gifts and private messages.", LadoSector.Faith, LadoCategory.BehaviourTowardsChild),
    ];

    private static readonly (LadoSector Sector, double Weight, double Threshold, string[] Roles)[] Sectors =
    [
        (LadoSector.Education, 0.46, 0.10, ["Teacher", "Teaching assistant", "Lunchtime supervisor", "Head of year", "Sports coach (school)"]),
        (LadoSector.EarlyYears, 0.09, 0.12, ["Nursery practitioner", "Childminder", "Nursery manager"]),
        (LadoSector.Health, 0.09, 0.25, ["Healthcare assistant", "Staff nurse", "Mental health support worker", "Paramedic"]),
        (LadoSector.SocialCare, 0.13, 0.22, ["Residential care worker", "Foster carer", "Social worker", "Support worker"]),
        (LadoSector.Police, 0.03, 0.20, ["Police constable", "Police community support officer"]),
        (LadoSector.Faith, 0.03, 0.18, ["Youth leader", "Madrasa teacher", "Sunday school volunteer"]),
        (LadoSector.SportAndLeisure, 0.06, 0.15, ["Football coach", "Swimming instructor", "Gym instructor"]),
        (LadoSector.Transport, 0.04, 0.12, ["Taxi driver", "School bus escort"]),
        (LadoSector.Voluntary, 0.04, 0.12, ["Scout leader", "Volunteer mentor"]),
        (LadoSector.Other, 0.03, 0.10, ["Tutor", "Music teacher"]),
    ];

    private static readonly string[] Given = ["Sarah", "David", "Emma", "Imran", "Laura", "Mark", "Joanne", "Paul", "Rebecca", "Daniel", "Nadia", "Craig", "Gemma", "Asif", "Kirsty", "Gareth", "Stacey", "Tomasz", "Leanne", "Ryan"];

    private static readonly string[] Family = ["Ashworth", "Bradshaw", "Clegg", "Duckworth", "Entwistle", "Fletcher", "Greenhalgh", "Hussain", "Kay", "Lord", "Nuttall", "Ormerod", "Pilling", "Ramsbottom", "Schofield", "Taylor", "Walsh", "Yates"];

    private static readonly string[] Employers = ["Little Acorns Nursery", "Radcliffe Juniors FC", "St Mary's Church", "Bury Swim Club", "Town Taxis", "1st Tottington Scouts", "Brightstart Tutoring"];

    private readonly DemoOptions _options;
    private readonly DemoIds _ids;
    private readonly WorkingDayCalendar _calendar;
    private readonly DateOnly _today;
    private readonly DateTimeOffset _now;
    private readonly DemoPopulation _population;
    private readonly IReadOnlyDictionary<string, Guid> _agencies;
    private readonly DemoStaff? _lado;
    private readonly Random _random;
    private readonly DemoCasework? _casework;
    private List<Person> _children = [];

    public DemoLado(DemoOptions options, DemoIds ids, WorkingDayCalendar calendar, DateTimeOffset now, DemoPopulation population, IReadOnlyDictionary<string, Guid> agencies, DemoStaff? lado, DemoCasework? casework)
    {
        (_options, _ids, _calendar, _now, _population, _agencies, _lado, _casework) = (options, ids, calendar, now, population, agencies, lado, casework);
        _today = UkTime.ToUkDate(now);
        _random = new Random(options.Seed + 49);
    }

    public List<LadoAllegation> Allegations { get; } = [];

    public List<LadoAllegationChild> Children { get; } = [];

    public void Generate()
    {
        _children = [.. _population.People.Where(p => p.Kind == PersonKind.Child && p.DateOfBirth is not null)];
        if (_children.Count == 0)
        {
            return;
        }

        var perWorkingDay = ReferralsPerYear * _options.Scale / 253;
        var waitingFrom = _today;
        for (var i = 0; i < WaitingWorkingDays; i++)
        {
            waitingFrom = _calendar.PreviousWorkingDay(waitingFrom);
        }

        var fromFrontDoor = (_casework?.Contacts ?? []).Where(c => c.Decision == ContactDecision.ReferToLado && c.DecidedAt is not null)
            .GroupBy(c => UkTime.ToUkDate(c.DecidedAt!.Value)).ToDictionary(g => g.Key, g => g.OrderBy(c => c.DecidedAt).ToList());
        var contactChildren = (_casework?.ContactChildren ?? []).Where(c => c.PersonId is not null).ToLookup(c => c.ContactId, c => c.PersonId!.Value);

        // The day's contacts from the front door count among the day's referrals; on a day with more of them than the
        // day's rate, the referrals directly from employers on the following days are fewer by as many.
        var owed = 0;
        for (var day = DemoCasework.HistoryStart(_today); day <= _today; day = day.AddDays(1))
        {
            var contacts = day < waitingFrom && fromFrontDoor.TryGetValue(day, out var decided) ? decided : [];
            foreach (var contact in contacts)
            {
                Add(day, contact, [.. contactChildren[contact.Id]]);
            }

            owed += contacts.Count;
            if (!_calendar.IsWorkingDay(day))
            {
                continue;
            }

            var rate = perWorkingDay * (0.7 + (0.6 * _random.NextDouble()));
            var count = (int)Math.Floor(rate) + (_random.NextDouble() < rate - Math.Floor(rate) ? 1 : 0);
            var direct = Math.Max(0, count - owed);
            owed = Math.Max(0, owed - count);
            for (var i = 0; i < direct; i++)
            {
                Add(day, null, []);
            }
        }
    }

    public async Task WriteAsync(SafeguardDbContext db, string detail, CancellationToken cancellationToken)
    {
        await BulkInsert.InsertAsync(db, Allegations, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Children, detail, cancellationToken);
    }

    private void Add(DateOnly referred, Contact? contact, List<Guid> contactChildren)
    {
        var concern = contact is null ? default : ContactConcerns.FirstOrDefault(c => c.Concerns == contact.Concerns);
        var sector = concern.Concerns is null ? PickSector() : Sectors.First(s => s.Sector == concern.Sector);
        var worker = $"{Pick(Given)} {Pick(Family)}";
        var employer = sector.Sector switch
        {
            LadoSector.Education => "SCHOOLS",
            LadoSector.Health => "HOSP",
            LadoSector.Police => "POLICE",
            LadoSector.SocialCare => "CSC",
            LadoSector.Voluntary => "VCS",
            _ => null,
        };
        var employerId = employer is not null && _agencies.TryGetValue(employer, out var id) ? id : (Guid?)null;
        var category = concern.Concerns is not null ? concern.Category : _random.NextDouble() switch
        {
            < 0.35 => LadoCategory.Harm,
            < 0.50 => LadoCategory.PossibleOffence,
            < 0.80 => LadoCategory.BehaviourTowardsChild,
            _ => LadoCategory.TransferableRisk,
        };
        var allegation = new LadoAllegation
        {
            Id = _ids.Next(),
            WorkerName = worker,
            EmployerAgencyId = employerId,
            EmployerName = employerId is null ? Pick(Employers) : null,
            WorkerRole = Pick(sector.Roles),
            Sector = sector.Sector,
            ReferredOn = referred,
            ReferrerAgencyId = contact is null ? employerId : contact.FromAgencyId,
            ReferrerName = contact?.ReferrerName ?? (employerId is null ? "The employer's safeguarding lead" : "Designated safeguarding lead"),
            Category = category,
            Allegation = contact?.Concerns ?? category switch
            {
                LadoCategory.Harm => "Physical handling of a child that left a mark",
                LadoCategory.PossibleOffence => "Messages of a sexual nature to a child on social media",
                LadoCategory.BehaviourTowardsChild => "Shouting at and belittling children; inappropriate contact outside work",
                _ => "Arrested after an incident at home; works with children",
            },
            OwnerUserId = _lado?.Id,
            OwnerName = _lado?.Name ?? "LADO",
            RecordedAt = contact?.DecidedAt is { } decidedAt ? decidedAt.AddHours(1 + _random.Next(4)) : UkTime.StartOfDay(referred).AddHours(10),
            RecordedByName = _lado?.Name ?? "LADO",
            ContactId = contact?.Id,
        };
        Allegations.Add(allegation);
        foreach (var child in contactChildren.Count > 0 ? contactChildren : [.. PickChildren(referred).Select(c => c.Id)])
        {
            Children.Add(new LadoAllegationChild { Id = _ids.Next(), AllegationId = allegation.Id, PersonId = child });
        }

        var considered = _random.NextDouble() switch
        {
            < 0.70 => referred,
            < 0.92 => _calendar.AddWorkingDays(referred, 1),
            _ => _calendar.AddWorkingDays(referred, 2 + _random.Next(4)),
        };
        if (considered >= _today)
        {
            return;
        }

        var met = _random.NextDouble() < sector.Threshold;
        allegation.ConsideredOn = considered;
        allegation.Decision = met ? LadoDecision.ThresholdMet : LadoDecision.AdviceOnly;
        allegation.DecisionReason = met ? "The allegation meets the harm threshold: managed under the allegations procedure" : "Below the threshold: advice given to the employer on conduct and their own procedures";
        if (!met)
        {
            var closed = considered.AddDays(_random.Next(10));
            allegation.ClosedOn = closed < _today ? closed : null;
            return;
        }

        allegation.StrategyDiscussionOn = _calendar.AddWorkingDays(considered, _random.Next(4));
        allegation.Section47StartedOn = _random.NextDouble() < 0.3 ? allegation.StrategyDiscussionOn : null;
        allegation.PoliceActions = category == LadoCategory.PossibleOffence || _random.NextDouble() < 0.3 ? "Police investigation" : "No police action";
        allegation.Suspended = _random.NextDouble() < 0.35;
        allegation.SuspendedFrom = allegation.Suspended == true ? allegation.StrategyDiscussionOn : null;
        allegation.EmployerInvestigation = "Investigation by the employer";
        var r = _random.NextDouble();
        var days = r < 0.45 ? 10 + _random.Next(21) : r < 0.85 ? 31 + _random.Next(60) : 91 + _random.Next(200);
        var end = considered.AddDays(days);
        if (end >= _today || (allegation.StrategyDiscussionOn is { } sd && sd > end))
        {
            allegation.StrategyDiscussionOn = allegation.StrategyDiscussionOn > _today ? null : allegation.StrategyDiscussionOn;
            allegation.Section47StartedOn = allegation.StrategyDiscussionOn is null ? null : allegation.Section47StartedOn;
            allegation.SuspendedFrom = allegation.StrategyDiscussionOn is null ? null : allegation.SuspendedFrom;
            allegation.Suspended = allegation.SuspendedFrom is null ? null : allegation.Suspended;
            return;
        }

        allegation.ClosedOn = end;
        allegation.SuspendedUntil = allegation.Suspended == true ? end : null;
        allegation.Outcome = Outcome(sector.Sector);
        allegation.Disciplinary = allegation.Outcome == LadoOutcome.Substantiated ? "Dismissed; referred to the Disclosure and Barring Service" : null;
    }

    /// <summary>Outcomes by sector: schools' and early years' allegations are more often unsubstantiated or unfounded, health's and social care's more often substantiated.</summary>
    private LadoOutcome Outcome(LadoSector sector)
    {
        var substantiated = sector is LadoSector.Health or LadoSector.SocialCare or LadoSector.Police ? 0.40 : 0.25;
        var r = _random.NextDouble();
        return r < substantiated ? LadoOutcome.Substantiated
            : r < substantiated + 0.30 ? LadoOutcome.Unsubstantiated
            : r < substantiated + 0.52 ? LadoOutcome.Unfounded
            : r < substantiated + 0.67 ? LadoOutcome.False
            : r < substantiated + 0.71 ? LadoOutcome.Malicious
            : LadoOutcome.Unsubstantiated;
    }

    private (LadoSector Sector, double Weight, double Threshold, string[] Roles) PickSector()
    {
        var r = _random.NextDouble() * Sectors.Sum(s => s.Weight);
        foreach (var s in Sectors)
        {
            r -= s.Weight;
            if (r <= 0)
            {
                return s;
            }
        }

        return Sectors[0];
    }

    private IEnumerable<Person> PickChildren(DateOnly on)
    {
        var count = _random.NextDouble() < 0.8 ? 1 : 2;
        var chosen = new HashSet<Guid>();
        for (var tries = 0; chosen.Count < count && tries < 50; tries++)
        {
            var child = _children[_random.Next(_children.Count)];
            if (child.DateOfBirth!.Value <= on.AddYears(-2) && child.DateOfBirth.Value > on.AddYears(-18) && chosen.Add(child.Id))
            {
                yield return child;
            }
        }
    }

    private string Pick(string[] items) => items[_random.Next(items.Length)];
}
