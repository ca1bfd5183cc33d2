using Safeguard.Calendar;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.PrivateFostering;

namespace Safeguard.DemoData;

/// <summary>
/// Private fostering arrangements at Bury's rate (seed 000, indicator 2.3: one or two notifications a quarter, about six a
/// year at scale 1), over the demo's history: children aged 5 to 15 who were never looked after, with first visits mostly
/// within 7 working days, later visits roughly every 6 weeks (some late), decisions, and most arrangements over 9 months old ended.
/// </summary>
internal sealed class DemoPrivateFostering(DemoOptions options, DemoIds ids, DateTimeOffset now, DemoPopulation population, IReadOnlySet<Guid> lookedAfter, DemoStaff worker)
{
    private const double PerYear = 6;
    private static readonly string[] Carers = ["Lesley Whitworth", "Anwar Hussain", "Maureen Kay", "Delroy Campbell", "Joanne Ashworth", "Krzysztof Nowak", "Paula Greenhalgh"];
    private readonly Random _random = new(options.Seed + 7);
    private readonly DateOnly _today = UkTime.ToUkDate(now);

    public List<PrivateFosteringArrangement> Arrangements { get; } = [];

    public List<PrivateFosteringVisit> Visits { get; } = [];

    public void Generate()
    {
        var history = DemoCasework.HistoryStart(_today);
        var years = (_today.DayNumber - history.DayNumber) / 365.25;
        var count = (int)Math.Round(PerYear * years * options.Scale);
        var candidates = population.People
            .Where(p => p.Kind == PersonKind.Child && p.DateOfBirth is { } born && born.AddYears(6) < history && born.AddYears(15) > _today && !lookedAfter.Contains(p.Id))
            .ToList();
        for (var i = 0; i < count && candidates.Count > 0; i++)
        {
            var child = candidates[_random.Next(candidates.Count)];
            candidates.Remove(child);
            var notified = history.AddDays(_random.Next(_today.DayNumber - history.DayNumber));
            while (notified.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                notified = notified.AddDays(1);
            }

            var a = new PrivateFosteringArrangement
            {
                Id = ids.Next(),
                PersonId = child.Id,
                CarerName = Carers[_random.Next(Carers.Length)],
                CarerAddress = $"{1 + _random.Next(120)} {(_random.Next(2) == 0 ? "Bolton Road" : "Walmersley Road")}, Bury",
                Parents = "Parents living abroad for work; in touch by phone",
                NotifiedBy = (PrivateFosteringNotifier)_random.Next(5),
                NotifiedByName = _random.Next(2) == 0 ? "Designated safeguarding lead, the child's school" : "The child's parent",
                NotifiedOn = notified,
                StartedOn = notified.AddDays(-_random.Next(20)),
                ExpectedLength = _random.Next(2) == 0 ? "6 months" : "Until the end of the school year",
                RecordedAt = UkTime.StartOfDay(notified).AddHours(10),
                RecordedByName = worker.Name,
            };
            Arrangements.Add(a);
            var visit = notified.AddDays(_random.NextDouble() < 0.8 ? 1 + _random.Next(8) : 10 + _random.Next(10));
            var end = _today.DayNumber - notified.DayNumber > 270 || _random.NextDouble() < 0.2 ? notified.AddDays(60 + _random.Next(300)) : (DateOnly?)null;
            end = end is { } e && e < _today ? e : null;
            while (visit < _today && (end is null || visit <= end))
            {
                Visits.Add(new PrivateFosteringVisit
                {
                    Id = ids.Next(),
                    ArrangementId = a.Id,
                    VisitedOn = visit,
                    ChildSeen = true,
                    ChildSeenAlone = _random.NextDouble() < 0.85,
                    VisitedBy = worker.Name,
                    RecordedAt = UkTime.StartOfDay(visit).AddHours(16),
                    RecordedByName = worker.Name,
                });
                visit = visit.AddDays(_random.NextDouble() < 0.85 ? 28 + _random.Next(14) : 43 + _random.Next(14));
            }

            var decided = notified.AddDays(30 + _random.Next(30));
            if (decided < _today)
            {
                (a.DecidedOn, a.Decision) = (decided, _random.NextDouble() < 0.9 ? PrivateFosteringDecision.Suitable : PrivateFosteringDecision.NotSuitable);
                a.DecisionReason = a.Decision == PrivateFosteringDecision.NotSuitable ? "Overcrowding at the carer's home; the parents were asked to make other arrangements" : null;
            }

            if (end is { } ended)
            {
                (a.EndedOn, a.EndReason) = (ended < a.StartedOn ? a.StartedOn : ended, a.Decision == PrivateFosteringDecision.NotSuitable ? PrivateFosteringEndReason.NotSuitable : PrivateFosteringEndReason.ReturnedToParents);
            }
        }
    }

    public async Task WriteAsync(SafeguardDbContext db, string detail, CancellationToken cancellationToken)
    {
        await BulkInsert.InsertAsync(db, Arrangements, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Visits, detail, cancellationToken);
    }
}
