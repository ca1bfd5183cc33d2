using Safeguard.Calendar;
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
/// </summary>
internal sealed class DemoLado
{
    private const double ReferralsPerYear = 400;

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
    private List<Person> _children = [];

    public DemoLado(DemoOptions options, DemoIds ids, WorkingDayCalendar calendar, DateTimeOffset now, DemoPopulation population, IReadOnlyDictionary<string, Guid> agencies, DemoStaff? lado)
    {
        (_options, _ids, _calendar, _now, _population, _agencies, _lado) = (options, ids, calendar, now, population, agencies, lado);
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
        for (var day = DemoCasework.HistoryStart(_today); day <= _today; day = day.AddDays(1))
        {
            if (!_calendar.IsWorkingDay(day))
            {
                continue;
            }

            var rate = perWorkingDay * (0.7 + (0.6 * _random.NextDouble()));
            var count = (int)Math.Floor(rate) + (_random.NextDouble() < rate - Math.Floor(rate) ? 1 : 0);
            for (var i = 0; i < count; i++)
            {
                Add(day);
            }
        }
    }

    public async Task WriteAsync(SafeguardDbContext db, string detail, CancellationToken cancellationToken)
    {
        await BulkInsert.InsertAsync(db, Allegations, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Children, detail, cancellationToken);
    }

    private void Add(DateOnly referred)
    {
        var sector = PickSector();
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
        var category = _random.NextDouble() switch
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
            ReferrerAgencyId = employerId,
            ReferrerName = employerId is null ? "The employer's safeguarding lead" : "Designated safeguarding lead",
            Category = category,
            Allegation = category switch
            {
                LadoCategory.Harm => "Physical handling of a child that left a mark",
                LadoCategory.PossibleOffence => "Messages of a sexual nature to a child on social media",
                LadoCategory.BehaviourTowardsChild => "Shouting at and belittling children; inappropriate contact outside work",
                _ => "Arrested after an incident at home; works with children",
            },
            OwnerUserId = _lado?.Id,
            OwnerName = _lado?.Name ?? "LADO",
            RecordedAt = UkTime.StartOfDay(referred).AddHours(10),
            RecordedByName = _lado?.Name ?? "LADO",
        };
        Allegations.Add(allegation);
        foreach (var child in PickChildren(referred))
        {
            Children.Add(new LadoAllegationChild { Id = _ids.Next(), AllegationId = allegation.Id, PersonId = child.Id });
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
