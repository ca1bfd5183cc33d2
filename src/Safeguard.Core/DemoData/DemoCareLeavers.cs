using Safeguard.Calendar;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.DemoData;

/// <summary>
/// The demo area's care leavers: every young person whose generated care history makes them eligible, relevant or
/// former relevant today (worked out by <see cref="CareLeaverRules.Assess"/>, as the tracker does) gets a personal
/// adviser, a pathway plan within about three months of becoming eligible and its six-monthly reviews (for about one
/// in eight the latest review has lapsed, so the tracker shows some overdue), the adult services flag considered at 16
/// for most, and the SSDA903 OC3 information at each birthday from the 17th to the 21st after leaving care (mostly in
/// touch, a few not). Nothing is added for a child who is not a care leaver.
/// </summary>
internal sealed class DemoCareLeavers(DemoOptions options, DemoIds ids, DateTimeOffset now, DemoUsers users)
{
    private static readonly string[] PlanSummaries =
    [
        "Stay put with foster carers until 21; college course in health and social care; budgeting support.",
        "Move to supported lodgings; apprenticeship application with the council's help; weekly contact with the adviser.",
        "Staying in the children's home until 18 then a council tenancy; driving lessons funded; CAMHS continues.",
        "Semi-independent flat; part-time work at a supermarket; reconnecting with siblings.",
        "University place for September; bursary and vacation accommodation agreed; health passport given.",
    ];

    private static readonly string[] InTouchActivities = ["F1", "F1", "P1", "F2", "F2", "P2", "F4", "F5", "G4", "G5", "G6"];
    private static readonly string[] Accommodations = ["B1", "C1", "D1", "E1", "H1", "K1", "R1", "S1", "T1", "U1", "V1", "W1", "X1", "Z1", "B2", "S2"];

    private readonly Random _random = new(options.Seed + 5);
    private readonly DateOnly _today = UkTime.ToUkDate(now);

    public List<CareLeaver> CareLeavers { get; } = [];

    public List<PathwayPlan> Plans { get; } = [];

    public List<CareLeaverContact> Contacts { get; } = [];

    public void Generate(IEnumerable<Person> people, IEnumerable<CareEpisode> episodes)
    {
        var byChild = episodes.ToLookup(e => e.PersonId);
        foreach (var person in people.Where(p => byChild.Contains(p.Id)).OrderBy(p => p.Id))
        {
            var history = byChild[person.Id].OrderBy(e => e.StartedOn).ToList();
            var assessment = CareLeaverRules.Assess(person.DateOfBirth, history, _today);
            if (!assessment.OwedPathwayPlan || assessment.EligibleFrom is not { } eligible)
            {
                continue;
            }

            var born = person.DateOfBirth!.Value;
            var adviser = _random.NextDouble() < 0.7 ? users.SocialWorker : users.Manager;
            bool? adult = _random.NextDouble() switch { < 0.15 => true, < 0.85 => false, _ => null };
            CareLeavers.Add(new CareLeaver
            {
                Id = ids.Next(),
                PersonId = person.Id,
                PersonalAdviserUserId = adviser.Id,
                PersonalAdviserName = adviser.Name,
                NeedsAdultServices = adult,
                AdultServicesNote = adult == true ? "Referred to adult social care for a transition assessment (learning disability)." : null,
                RecordedAt = Recorded(born.AddYears(16)),
                RecordedByName = users.SocialWorker.Name,
            });

            // The plan within about 3 months of eligibility (one in ten late), then reviews about every 6 months.
            var lapses = _random.NextDouble() < 0.125;
            var on = eligible.AddDays(_random.NextDouble() < 0.9 ? 20 + _random.Next(60) : 100 + _random.Next(60));
            for (var review = false; on < _today && on < born.AddYears(21); review = true)
            {
                Plans.Add(new PathwayPlan
                {
                    Id = ids.Next(),
                    PersonId = person.Id,
                    AgreedOn = on,
                    IsReview = review,
                    Summary = PlanSummaries[_random.Next(PlanSummaries.Length)],
                    RecordedAt = Recorded(on),
                    RecordedByName = adviser.Name,
                });
                on = on.AddDays(150 + _random.Next(30));
                if (lapses && on > _today.AddMonths(-9))
                {
                    break;
                }
            }

            // OC3 at each birthday from the 17th to the 21st that has passed, when not looked after that day.
            for (var birthday = 17; birthday <= 21; birthday++)
            {
                var day = born.AddYears(birthday);
                if (day.AddMonths(1) > _today || CareLeaverService.LookedAfterOn(history, day))
                {
                    continue;
                }

                var contacted = day.AddDays(-_random.Next(60));
                var inTouch = _random.NextDouble() switch { < 0.88 => "YES", < 0.94 => "NO", < 0.97 => "REFU", _ => "NREQ" };
                var accommodation = Accommodations[_random.Next(Accommodations.Length)];
                if (birthday == 17 && accommodation.StartsWith('Z'))
                {
                    accommodation = "S1";
                }

                Contacts.Add(new CareLeaverContact
                {
                    Id = ids.Next(),
                    PersonId = person.Id,
                    Birthday = birthday,
                    ContactedOn = contacted,
                    InTouch = inTouch,
                    Activity = inTouch == "YES" ? InTouchActivities[_random.Next(InTouchActivities.Length)] : "0",
                    Accommodation = inTouch == "YES" ? accommodation : "0",
                    RecordedAt = Recorded(contacted),
                    RecordedByName = adviser.Name,
                });
            }
        }
    }

    public async Task WriteAsync(SafeguardDbContext db, string detail, CancellationToken cancellationToken)
    {
        await BulkInsert.InsertAsync(db, CareLeavers, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Plans, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Contacts, detail, cancellationToken);
    }

    private DateTimeOffset Recorded(DateOnly day)
    {
        var at = UkTime.StartOfDay(day).AddHours(10 + _random.Next(7));
        return at < now ? at : now;
    }
}
