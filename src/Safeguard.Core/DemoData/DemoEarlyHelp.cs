using Safeguard.Calendar;
using Safeguard.EarlyHelp;
using Safeguard.FrontDoor;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.DemoData;

/// <summary>
/// The demo area's early help at Bury's rates (seed 000: 819 episodes in 2020-21 and 989 in 2021-22; about 360 open at
/// each quarter end, indicator 4.1; the locality teams lead professional in 80% of families), times the scale. About
/// half the episodes start from a front door contact decided early help (the contact's children), a few from a
/// children's social care episode closed with a step-down (RC9), the rest from a partner's request (the family's
/// children). The locality team leads about 85% at the start of the history, falling to about 72% today, the rest led
/// by schools (some by the demo school user), health and the family support charity; reviews every 6 weeks, with
/// some of today's open episodes past their review date; most assessments authorised (indicator 4.2).
/// </summary>
internal sealed class DemoEarlyHelp
{
    /// <summary>Episodes a year at scale 1 (seed 000: 989 in 2021-22).</summary>
    private const double EpisodesPerYear = 990;

    private static readonly string[] LocalityNames = ["Jo Hartley", "Amir Begum", "Claire Nuttall", "Dan Whitehead", "Priya Mistry", "Leanne Ashworth", "Tom Grundy"];
    private static readonly string[] SchoolNames = ["Mrs Kay, designated safeguarding lead", "Mr Patel, designated safeguarding lead", "Ms Brennan, pastoral lead", "Mr Ogden, SENCO", "Mrs Hussain, designated safeguarding lead"];
    private static readonly string[] HealthNames = ["Sue Taylor", "Rachel Booth", "Nadia Karim"];
    private static readonly (EarlyHelpOutcome Outcome, int Weight)[] Outcomes = [(EarlyHelpOutcome.NeedsMet, 70), (EarlyHelpOutcome.SteppedUp, 8), (EarlyHelpOutcome.MovedAway, 7), (EarlyHelpOutcome.ConsentWithdrawn, 10), (EarlyHelpOutcome.Other, 5)];
    private static readonly string[] StepUpConcerns =
    [
        "Neglect is getting worse despite the early help plan: the home conditions have deteriorated and the children are often hungry at school.",
        "Domestic abuse has escalated: police were called twice this month and the children witnessed an assault.",
        "The young person is missing from home overnight and is seen with older males; early help cannot keep them safe.",
        "Mum's mental health has worsened and she is not managing the baby's care; the health visitor is worried.",
    ];

    private static readonly string[] ReviewNotes =
    [
        "Attendance improving; the family are engaging with the parenting course.",
        "Housing application submitted; mum feels more settled.",
        "Referral to the school nurse for sleep and anxiety; plan continues.",
        "Dad has started with the drug and alcohol service; progress is slow.",
        "Debt advice given; the family's income has gone up.",
        "Less conflict at home; the young person is attending the youth club.",
    ];

    private readonly DemoOptions _options;
    private readonly DemoIds _ids;
    private readonly Random _random;
    private readonly DateOnly _today;
    private readonly DemoPopulation _population;
    private readonly DemoCasework _casework;
    private readonly IReadOnlyDictionary<string, Guid> _agencies;
    private readonly DemoStaff _coordinator;
    private readonly DemoStaff _school;
    private readonly Dictionary<Guid, DateOnly> _busyUntil = [];
    private readonly Dictionary<Guid, string> _names;
    private readonly Dictionary<Guid, DateOnly?> _born;

    public DemoEarlyHelp(DemoOptions options, DemoIds ids, DateTimeOffset now, DemoPopulation population, DemoCasework casework, IReadOnlyDictionary<string, Guid> agencies, DemoStaff coordinator, DemoStaff school)
    {
        _options = options;
        _ids = ids;
        _random = new Random(options.Seed + 5);
        _today = UkTime.ToUkDate(now);
        _population = population;
        _casework = casework;
        _agencies = agencies;
        _coordinator = coordinator;
        _school = school;
        _names = population.People.Where(p => p.Kind == PersonKind.Child).ToDictionary(p => p.Id, p => p.DisplayName);
        _born = population.People.Where(p => p.Kind == PersonKind.Child).ToDictionary(p => p.Id, p => p.DateOfBirth);
    }

    public List<EarlyHelpEpisode> Episodes { get; } = [];

    public List<EarlyHelpFamilyMember> Members { get; } = [];

    public List<EarlyHelpLead> Leads { get; } = [];

    public List<EarlyHelpTeamMember> TeamMembers { get; } = [];

    public List<EarlyHelpReview> Reviews { get; } = [];

    /// <summary>The step-ups' contacts to the front door (source 5D), as the service makes them, each decided a referral.</summary>
    public List<Contact> Contacts { get; } = [];

    public List<ContactChild> ContactChildren { get; } = [];

    public int OpenToday => Episodes.Count(e => e.ClosedOn is null);

    public void Generate()
    {
        var history = DemoCasework.HistoryStart(_today);
        var target = (int)Math.Round(EpisodesPerYear * _options.Scale * (_today.DayNumber - history.DayNumber) / 365.25);
        var families = _population.Families.Where(f => f.Children.Count > 0).ToList();
        var familyOf = new Dictionary<Guid, DemoFamily>();
        foreach (var family in families)
        {
            foreach (var child in family.Children)
            {
                familyOf[child.Id] = family;
            }
        }

        // From the front door: contacts decided early help, about half the episodes. The front door decides early help
        // for more contacts than become episodes, so a share of them is taken across the whole history (taking the
        // first ones until half the target was reached filled the first years and left none from the front door since).
        var children = _casework.ContactChildren.Where(c => c.PersonId is not null).ToLookup(c => c.ContactId, c => c.PersonId!.Value);
        var decided = _casework.Contacts.Where(c => c.Decision == ContactDecision.EarlyHelp && c.DecidedAt is not null).OrderBy(c => c.DecidedAt).ToList();
        var share = decided.Count == 0 ? 0 : Math.Min(1, target / 2.0 / decided.Count);
        foreach (var contact in decided)
        {
            if (_random.NextDouble() >= share)
            {
                continue;
            }

            var started = UkTime.ToUkDate(contact.DecidedAt!.Value).AddDays(_random.Next(1, 8));
            var kids = children[contact.Id].Distinct().ToList();
            if (started <= _today && kids.Count > 0)
            {
                Add(started, EarlyHelpSource.FrontDoor, kids, familyOf.GetValueOrDefault(kids[0]), history, e => e.FrontDoorContactId = contact.Id);
            }
        }

        // Step-downs: children's social care episodes closed "referred to early help".
        foreach (var need in _casework.Episodes.Where(e => e.ReasonForClosure == "RC9" && e.ClosureDate is { } d && d <= _today).OrderBy(e => e.ClosureDate))
        {
            Add(need.ClosureDate!.Value, EarlyHelpSource.StepDown, [need.PersonId], familyOf.GetValueOrDefault(need.PersonId), history, e => e.StepDownFromEpisodeId = need.Id);
        }

        // A partner's request for the rest, spread over the history.
        var attempts = 0;
        while (Episodes.Count < target && families.Count > 0 && attempts++ < target * 4)
        {
            var family = families[_random.Next(families.Count)];
            var started = history.AddDays(_random.Next(_today.DayNumber - history.DayNumber + 1));
            var agency = _random.NextDouble() < 0.8 ? "SCHOOLS" : "HOSP";
            Add(started, EarlyHelpSource.PartnerAgency, [.. family.Children.Select(c => c.Id)], family, history, e => e.RequestedByAgencyId = _agencies[agency]);
        }
    }

    public async Task WriteAsync(SafeguardDbContext db, string detail, CancellationToken cancellationToken)
    {
        await BulkInsert.InsertAsync(db, Contacts, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, ContactChildren, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Episodes, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Members, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Leads, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, TeamMembers, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Reviews, detail, cancellationToken);
    }

    private void Add(DateOnly started, EarlyHelpSource source, List<Guid> childIds, DemoFamily? family, DateOnly history, Action<EarlyHelpEpisode> link)
    {
        var kids = childIds.Where(c => !_busyUntil.TryGetValue(c, out var until) || until < started).ToList();
        if (kids.Count == 0 || kids.Count != childIds.Count)
        {
            return;
        }

        // About 4 months on average, so about 360 are open at any time at Bury's rate.
        var length = 40 + _random.Next(121) + _random.Next(67);
        DateOnly? closed = started.AddDays(length) is { } end && end < _today ? end : null;
        var episode = new EarlyHelpEpisode
        {
            Id = _ids.Next(),
            FamilyName = EarlyHelpService.FamilyOf(family?.Mother.DisplayName ?? _names.GetValueOrDefault(kids[0], "")),
            StartedOn = started,
            Source = source,
            RecordedAt = UkTime.StartOfDay(started).AddHours(10),
            RecordedByName = _coordinator.Name,
        };
        link(episode);
        foreach (var kid in kids)
        {
            Members.Add(new EarlyHelpFamilyMember { Id = _ids.Next(), EpisodeId = episode.Id, PersonId = kid, IsChild = true });
            _busyUntil[kid] = closed ?? DateOnly.MaxValue;
        }

        foreach (var adult in new[] { family?.Mother, family?.Father }.OfType<Person>())
        {
            Members.Add(new EarlyHelpFamilyMember { Id = _ids.Next(), EpisodeId = episode.Id, PersonId = adult.Id, IsChild = false });
        }

        // The lead professional: the locality team in about 85% at the start of the history, falling to about 72% today.
        var progress = (double)(started.DayNumber - history.DayNumber) / Math.Max(1, _today.DayNumber - history.DayNumber);
        var leadFrom = _random.NextDouble() < 0.9 ? started : started.AddDays(7 + _random.Next(14));
        if (closed is null || leadFrom < closed)
        {
            if (leadFrom <= _today)
            {
                Leads.Add(Lead(episode.Id, leadFrom, closed, _random.NextDouble() < 0.85 - (0.13 * progress)));
            }
        }

        // The team around the family: one to three members from other partners.
        var members = 1 + _random.Next(3);
        for (var i = 0; i < members; i++)
        {
            var (agency, name, role) = (i % 3) switch
            {
                0 => ("SCHOOLS", SchoolNames[_random.Next(SchoolNames.Length)], "School"),
                1 => ("HOSP", HealthNames[_random.Next(HealthNames.Length)], "Health visitor"),
                _ => ("VCS", "Family support worker", "Family support"),
            };
            var joined = started.AddDays(_random.Next(14));
            if (joined <= _today && (closed is null || joined <= closed))
            {
                TeamMembers.Add(new EarlyHelpTeamMember { Id = _ids.Next(), EpisodeId = episode.Id, AgencyId = _agencies[agency], Name = name, Role = role, JoinedOn = joined, LeftOn = closed });
            }
        }

        // The assessment: started within 2 weeks, completed within about 6 weeks, most authorised days later.
        var assessed = started.AddDays(_random.Next(1, 15));
        if (assessed <= _today && (closed is null || assessed < closed))
        {
            episode.AssessmentStartedOn = assessed;
            var completed = assessed.AddDays(10 + _random.Next(35));
            if (completed <= _today && (closed is null || completed <= closed) && _random.NextDouble() < 0.75)
            {
                episode.AssessmentCompletedOn = completed;
                episode.Needs = string.Join(',', EarlyHelpNeeds.All.Select(n => n.Code).Where(_ => _random.NextDouble() < 0.25).DefaultIfEmpty("relationships"));
                var authorised = completed.AddDays(_random.Next(1, 8));
                if (authorised <= _today && (closed is null || authorised <= closed))
                {
                    episode.AssessmentAuthorisedOn = authorised;
                }
            }
        }

        // Reviews every 6 weeks, a few days either way; some of today's open episodes have missed their last one.
        var stop = closed ?? (_random.NextDouble() < 0.15 ? _today.AddDays(-30 - _random.Next(40)) : _today);
        for (var review = started.AddDays(38 + _random.Next(8)); review <= stop; review = review.AddDays(38 + _random.Next(8)))
        {
            Reviews.Add(new EarlyHelpReview
            {
                Id = _ids.Next(),
                EpisodeId = episode.Id,
                HeldOn = review,
                Progress = _random.Next(10) switch { < 6 => EarlyHelpProgress.Improving, < 9 => EarlyHelpProgress.NoChange, _ => EarlyHelpProgress.Worsening },
                Notes = ReviewNotes[_random.Next(ReviewNotes.Length)],
                RecordedAt = UkTime.StartOfDay(review).AddHours(15),
                RecordedByName = _coordinator.Name,
            });
        }

        if (closed is { } c)
        {
            episode.ClosedOn = c;
            var pick = _random.Next(Outcomes.Sum(o => o.Weight));
            episode.Outcome = Outcomes.First(o => (pick -= o.Weight) < 0).Outcome;
            if (episode.Outcome == EarlyHelpOutcome.SteppedUp)
            {
                StepUp(episode, kids, c);
            }

            episode.ClosureNote = episode.Outcome == EarlyHelpOutcome.Other ? "The family declined further support after the review." : null;
        }

        Episodes.Add(episode);
    }

    /// <summary>
    /// The step-up a few days before the closure: a contact to the front door about the family's children from the lead
    /// professional's agency, referral source 5D, as <see cref="EarlyHelpService.StepUpAsync"/> makes it, which the front
    /// door decided a referral to children's social care within a day.
    /// </summary>
    private void StepUp(EarlyHelpEpisode episode, List<Guid> kids, DateOnly closed)
    {
        var on = closed.AddDays(-_random.Next(1, 8));
        on = on < episode.StartedOn ? episode.StartedOn : on;
        var lead = Leads.Count > 0 && Leads[^1].EpisodeId == episode.Id ? Leads[^1] : null;
        var receivedAt = UkTime.StartOfDay(on).AddHours(10 + _random.Next(6)).AddMinutes(_random.Next(60));
        var contact = new Contact
        {
            Id = _ids.Next(),
            ReceivedAt = receivedAt,
            FromAgencyId = lead?.AgencyId ?? _agencies["EHE"],
            ReferrerName = lead?.Name ?? _coordinator.Name,
            ReferrerRole = lead?.Role is { } role ? $"{role} (early help lead professional)" : "Early help",
            ReferralSource = "5D",
            Concerns = StepUpConcerns[_random.Next(StepUpConcerns.Length)],
            Consent = _random.Next(5) == 0 ? ConsentPosition.Refused : ConsentPosition.Given,
            RecordedAt = receivedAt,
            RecordedByName = _coordinator.Name,
            Priority = _random.Next(3) == 0 ? RagPriority.Red : RagPriority.Amber,
            ThresholdLevelId = _casework.Threshold(4),
            Decision = ContactDecision.ReferralToChildrensSocialCare,
            DecidedAt = receivedAt.AddHours(2 + _random.Next(20)),
            DecidedByName = DemoCasework.FrontDoorStaff[_random.Next(DemoCasework.FrontDoorStaff.Length)],
            DecisionRationale = "The family's needs have grown beyond early help: a social work assessment is required.",
        };
        contact.ConsentReason = contact.Consent == ConsentPosition.Refused ? "The parents declined; the concerns were shared because the children may be at risk of significant harm." : null;
        Contacts.Add(contact);
        foreach (var kid in kids)
        {
            ContactChildren.Add(new ContactChild { Id = _ids.Next(), ContactId = contact.Id, PersonId = kid, DescribedName = _names.GetValueOrDefault(kid, ""), DescribedDateOfBirth = _born.GetValueOrDefault(kid) });
        }

        episode.StepUpContactId = contact.Id;
        episode.SteppedUpOn = on;
    }

    private EarlyHelpLead Lead(Guid episodeId, DateOnly from, DateOnly? to, bool locality)
    {
        if (locality)
        {
            var coordinator = _random.NextDouble() < 0.1;
            return new EarlyHelpLead
            {
                Id = _ids.Next(),
                EpisodeId = episodeId,
                AgencyId = _agencies["EHE"],
                UserId = coordinator ? _coordinator.Id : null,
                Name = coordinator ? _coordinator.Name : LocalityNames[_random.Next(LocalityNames.Length)],
                Role = "Early help practitioner",
                From = from,
                To = to,
            };
        }

        var kind = _random.NextDouble();
        if (kind < 0.7)
        {
            var user = _random.NextDouble() < 0.15;
            return new EarlyHelpLead
            {
                Id = _ids.Next(),
                EpisodeId = episodeId,
                AgencyId = _agencies["SCHOOLS"],
                UserId = user ? _school.Id : null,
                Name = user ? _school.Name : SchoolNames[_random.Next(SchoolNames.Length)].Split(',')[0],
                Role = "Designated safeguarding lead",
                From = from,
                To = to,
            };
        }

        return kind < 0.9
            ? new EarlyHelpLead { Id = _ids.Next(), EpisodeId = episodeId, AgencyId = _agencies["HOSP"], Name = HealthNames[_random.Next(HealthNames.Length)], Role = "Health visitor", From = from, To = to }
            : new EarlyHelpLead { Id = _ids.Next(), EpisodeId = episodeId, AgencyId = _agencies["VCS"], Name = "Family support worker", Role = "Family support", From = from, To = to };
    }
}
