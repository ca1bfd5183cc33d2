using Safeguard.Calendar;
using Safeguard.ComplexSafeguarding;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.DemoData;

/// <summary>
/// The demo area's complex safeguarding records, at Bury's rates (seed 000, Appendix 1): two years of missing episodes
/// reported by the police (about 88 children a quarter missing from home, 3.4a, and 114 from care, 3.4b, many of them
/// going missing again and again), return home interviews (about 61% offered by an independent person within 72 hours,
/// 3.5), exploitation screenings with the complex safeguarding team's interventions (about 40 CSE interventions open at
/// a month end, 3.7, and about 8 high-risk CSE referrals a year, 3.8), WISE assessments and reviews, safety plans, NRM
/// referrals, and places and groups linked to the children. Every rate is multiplied by the scale.
/// </summary>
internal sealed class DemoComplexSafeguarding
{
    /// <summary>Children who go missing from care over the two years at scale 1 (each a looked-after child in the demo).</summary>
    private const int CarePool = 190;

    /// <summary>Children who go missing from home over the two years at scale 1, from once to every few weeks.</summary>
    private const int HomePool = 480;

    /// <summary>Exploitation screenings a year at scale 1.</summary>
    private const double ScreeningsPerYear = 240;

    private static readonly string[] Workers = ["Gemma Holt", "Liam Brennan", "Shazia Khan", "Rachel Duffy"];
    private static readonly string[] CseWorkers = ["Kate Morris", "Adam Pilling", "Zara Hussain", "Sam Social"];
    private static readonly string[] FoundAt =
    [
        "Returned home by themselves", "Found by police at a friend's address", "Found in the town centre by police", "Returned to placement by themselves",
        "Found at a relative's address", "Found at the bus station", "Found in Manchester city centre", "Found at an adult's flat in Radcliffe",
    ];

    private static readonly string[] HomeCircumstances =
    [
        "Did not come home after school; phone switched off.", "Left after an argument with a parent.", "Went out in the evening and did not return at the agreed time.",
        "Left the house overnight without telling anyone.", "Was last seen with older young people in the park.",
    ];

    private static readonly string[] CareCircumstances =
    [
        "Did not return to the placement by the agreed time.", "Left the children's home after a disagreement with staff.", "Went to see family without permission.",
        "Left the placement in a car with unknown adults.", "Absconded from school during the day.",
    ];

    private static readonly string[] Push = ["Arguments at home", "Unhappy in placement", "Conflict with a parent's partner", "Bullying at school", "Feels not listened to"];
    private static readonly string[] Pull = ["Friends in the town centre", "An older boyfriend", "Wants to see birth family", "Older associates offering money and lifts", "Parties at an address in Bury"];
    private static readonly string[] DeclineReasons = ["Said they did not want to talk about it", "Did not want to meet a worker again", "Parent declined on their behalf"];
    private static readonly string[] NotPossibleReasons = ["Could not be contacted after three attempts", "Went missing again before the interview", "Moved placement out of the area"];
    private static readonly string[] SafetyActions =
    [
        "Agree a trigger plan with the placement and police", "Disruption visit to the address of concern", "Weekly direct work session on healthy relationships",
        "Share intelligence about the associates with the police", "Arrange a school return meeting", "Check phone contact arrangements with the carers",
    ];

    private static readonly (string Name, LocationType Type, string? Postcode, string Description)[] Places =
    [
        ("Bury Interchange", LocationType.TransportHub, "BL9 0BD", "Bus and tram interchange where young people gather in the evenings."),
        ("Clarence Park", LocationType.Park, "BL9 6AB", "Park where older males have been seen with young people after dark."),
        ("Late-night takeaway, Bolton Street", LocationType.Shop, "BL9 0LQ", "Staff report young people being given free food by adults."),
        ("Flat above Radcliffe shops", LocationType.Address, "M26 2SP", "Address where missing children have been found; subject of police visits."),
        ("Snapchat group 'BL9 link ups'", LocationType.OnlineSpace, null, "Online group used to arrange meetings with young people."),
        ("The Mill pub", LocationType.LicensedPremises, "BL8 1DE", "Licensed premises where under-age young people have been served."),
    ];

    private static readonly (string Name, string Description)[] Groups =
    [
        ("Town centre peer group", "Young people aged 13 to 16 who go missing together and are seen with older males."),
        ("County line 'Bury Bando'", "Drug line running from Bury to Cumbria; police intelligence of children used as runners."),
        ("Radcliffe older associates", "Adults in their twenties known to offer lifts, alcohol and money to girls."),
    ];

    private readonly DemoOptions _options;
    private readonly DemoIds _ids;
    private readonly Random _random;
    private readonly DateTimeOffset _now;
    private readonly DateOnly _today;
    private readonly DemoPopulation _population;
    private readonly Guid _police;
    private readonly DemoUsers _users;
    private readonly List<(Person Child, List<MissingEpisode> Episodes)> _missingChildren = [];
    private int _policeSerial;

    public DemoComplexSafeguarding(DemoOptions options, DemoIds ids, DateTimeOffset now, DemoPopulation population, Guid policeAgency, DemoUsers users)
    {
        _options = options;
        _ids = ids;
        _random = new Random(options.Seed + 3);
        _now = now;
        _today = UkTime.ToUkDate(now);
        _population = population;
        _police = policeAgency;
        _users = users;
    }

    public List<MissingEpisode> Episodes { get; } = [];

    public List<ReturnInterview> Interviews { get; } = [];

    public List<ExploitationScreening> Screenings { get; } = [];

    public List<ExploitationAssessment> Assessments { get; } = [];

    public List<SafetyPlan> SafetyPlans { get; } = [];

    public List<SafetyPlanAction> SafetyPlanActions { get; } = [];

    public List<NrmReferral> NrmReferrals { get; } = [];

    public List<ContextualLocation> Locations { get; } = [];

    public List<ContextualGroup> ContextGroups { get; } = [];

    public List<ContextualLink> Links { get; } = [];

    public void Generate()
    {
        var teenagers = _population.People
            .Where(p => p.Kind == PersonKind.Child && p.DateOfBirth is { } born && born <= _today.AddYears(-11) && born > _today.AddYears(-18).AddDays(30))
            .ToList();
        Shuffle(teenagers);
        var next = 0;
        var care = Count(CarePool);
        var home = Count(HomePool);
        foreach (var child in teenagers.Skip(next).Take(care))
        {
            AddMissingChild(child, lookedAfter: true, meanGapDays: 30 + _random.Next(150));
        }

        next += care;
        foreach (var child in teenagers.Skip(next).Take(home))
        {
            AddMissingChild(child, lookedAfter: false, meanGapDays: 60 + _random.Next(840));
        }

        next += home;
        AddUnidentifiedReports();
        foreach (var episode in Episodes.Where(e => e.EndedAt is not null))
        {
            AddInterview(episode);
        }

        AddScreenings(teenagers.Skip(next).ToList());
        AddContext();
    }

    public async Task WriteAsync(SafeguardDbContext db, string detail, CancellationToken cancellationToken)
    {
        await BulkInsert.InsertAsync(db, Episodes, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Interviews, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Screenings, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Assessments, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, SafetyPlans, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, SafetyPlanActions, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, NrmReferrals, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Locations, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, ContextGroups, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Links, detail, cancellationToken);
    }

    private int Count(double atScaleOne) => (int)Math.Round(atScaleOne * _options.Scale);

    private void Shuffle<T>(List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private DateTimeOffset Noon(DateOnly day) => UkTime.StartOfDay(day).AddHours(9 + _random.Next(8)).AddMinutes(_random.Next(60));

    /// <summary>A child's episodes over the two years: gaps averaging <paramref name="meanGapDays"/>, mostly hours long, a few days at most; one running now stays open.</summary>
    private void AddMissingChild(Person child, bool lookedAfter, int meanGapDays)
    {
        var episodes = new List<MissingEpisode>();
        var windowStart = _now.AddYears(-2).AddDays(1);
        var at = windowStart.AddDays(_random.NextDouble() * meanGapDays * 2);
        while (at < _now.AddHours(-1))
        {
            var r = _random.NextDouble();
            var hours = r < 0.6 ? 2 + (_random.NextDouble() * 14) : r < 0.92 ? 16 + (_random.NextDouble() * 32) : 48 + (_random.NextDouble() * 100);
            var ended = at.AddHours(hours);
            var episode = Episode(child, lookedAfter, at, ended <= _now ? ended : null);
            episodes.Add(episode);
            if (episode.EndedAt is null)
            {
                break;
            }

            at = ended.AddHours(12).AddDays(-meanGapDays * Math.Log(1 - _random.NextDouble()));
        }

        Episodes.AddRange(episodes);
        if (episodes.Count > 0)
        {
            _missingChildren.Add((child, episodes));
        }
    }

    private MissingEpisode Episode(Person? child, bool lookedAfter, DateTimeOffset started, DateTimeOffset? ended)
    {
        var away = lookedAfter && _random.NextDouble() < 0.3;
        var from = lookedAfter ? (away || _random.NextDouble() < 0.9 ? MissingFrom.CarePlacement : MissingFrom.School)
            : _random.NextDouble() < 0.85 ? MissingFrom.Home : _random.NextDouble() < 0.7 ? MissingFrom.School : MissingFrom.Other;
        var risk = _random.NextDouble() switch { < 0.1 => MissingRisk.High, < 0.55 => MissingRisk.Medium, _ => MissingRisk.Low };
        var partner = _random.NextDouble() < 0.7;
        var recorded = started.AddMinutes(30 + _random.Next(300));
        var serial = ++_policeSerial;
        return new MissingEpisode
        {
            Id = _ids.Next(),
            PersonId = child?.Id,
            DescribedName = child?.DisplayName ?? "",
            DescribedDateOfBirth = child?.DateOfBirth,
            Kind = away ? MissingKind.AwayWithoutAuthorisation : MissingKind.Missing,
            StartedAt = started,
            EndedAt = ended,
            WhereFound = ended is null ? null : Pick(FoundAt),
            From = from,
            RiskAtReport = risk,
            LookedAfter = lookedAfter,
            Circumstances = Pick(lookedAfter ? CareCircumstances : HomeCircumstances),
            PoliceReference = $"MFH/{UkTime.ToUkDate(started).Year % 100:00}/{serial:000000}",
            ReportedByAgencyId = _police,
            ReportedByName = lookedAfter ? (from == MissingFrom.School ? "School office" : "Placement carer") : from == MissingFrom.School ? "School office" : Pick(["Mother", "Father", "Grandparent"]),
            ReportedByPartner = partner,
            RecordedAt = recorded < _now ? recorded : _now,
            RecordedByUserId = partner ? _users.Police.Id : _users.FrontDoor.Id,
            RecordedByName = partner ? _users.Police.Name : _users.FrontDoor.Name,
        };
    }

    /// <summary>Police reports of the last days whose child the front door has not yet identified.</summary>
    private void AddUnidentifiedReports()
    {
        string[] names = ["Kayden Walsh", "Amelia-Rose Kenyon", "Tyler Horrocks", "Lacey Dunn"];
        for (var i = 0; i < Math.Max(1, Count(4)); i++)
        {
            var started = _now.AddHours(-(6 + _random.Next(24 * 6)));
            var ended = _random.NextDouble() < 0.5 ? started.AddHours(3 + _random.Next(12)) : (DateTimeOffset?)null;
            var episode = Episode(null, lookedAfter: false, started, ended is { } e && e < _now ? e : null);
            episode.DescribedName = names[i % names.Length];
            episode.DescribedDateOfBirth = _today.AddYears(-13 - _random.Next(4)).AddDays(-_random.Next(365));
            episode.ReportedByPartner = true;
            episode.RecordedByUserId = _users.Police.Id;
            episode.RecordedByName = _users.Police.Name;
            Episodes.Add(episode);
        }
    }

    /// <summary>About 61% offered by an independent worker within 72 hours (seed 000, 3.5: 61.25%); the rest late, by the child's own worker, or none.</summary>
    private void AddInterview(MissingEpisode episode)
    {
        if (episode.PersonId is null)
        {
            return;
        }

        var ended = episode.EndedAt!.Value;
        var r = _random.NextDouble();
        if (r >= 0.9)
        {
            return;
        }

        var independent = r < 0.8;
        var offered = r < 0.625 || (r >= 0.8) ? ended.AddHours(3 + (_random.NextDouble() * 66)) : ended.AddHours(73 + (_random.NextDouble() * 200));
        if (offered > _now)
        {
            return;
        }

        var interview = new ReturnInterview
        {
            Id = _ids.Next(),
            EpisodeId = episode.Id,
            OfferedAt = offered,
            Interviewer = independent ? Pick(Workers) : "Allocated social worker",
            Organisation = independent ? "Missing from Home Service" : "Children's social care",
            Independent = independent,
            RecordedByName = independent ? "Missing from Home Service" : "Children's social care",
        };
        var o = _random.NextDouble();
        var held = offered.AddHours(2 + (_random.NextDouble() * 46));
        if (o < 0.66 && held <= _now)
        {
            interview.Outcome = ReturnInterviewOutcome.Accepted;
            interview.HeldAt = held;
            if (_random.NextDouble() < 0.6)
            {
                interview.PushFactors = Pick(Push);
                interview.PullFactors = Pick(Pull);
                interview.WhereTheyWere = episode.WhereFound;
                interview.WithWhom = Pick(["Friends from school", "Older young people", "An adult they met online", "Alone", "A boyfriend"]);
            }
        }
        else if (o < 0.86)
        {
            interview.Outcome = ReturnInterviewOutcome.Declined;
            interview.Reason = Pick(DeclineReasons);
        }
        else if (o < 0.97)
        {
            interview.Outcome = ReturnInterviewOutcome.NotPossible;
            interview.Reason = Pick(NotPossibleReasons);
        }
        else
        {
            interview.Outcome = ReturnInterviewOutcome.Offered;
        }

        var recorded = (interview.HeldAt ?? offered).AddHours(1 + _random.Next(20));
        interview.RecordedAt = recorded < _now ? recorded : _now;
        Interviews.Add(interview);
    }

    /// <summary>
    /// Screenings over three years (so interventions are running when the two shown years start): a third after a child's
    /// missing episode, the rest of other teenagers; four in ten referred to the complex safeguarding team, CSE and CCE most.
    /// </summary>
    private void AddScreenings(List<Person> others)
    {
        var start = _today.AddYears(-3);
        var total = Count(ScreeningsPerYear * 3);
        var repeat = _missingChildren.Where(m => m.Episodes.Count >= 2).ToList();
        Shuffle(repeat);
        var fromMissing = 0;
        var fromOthers = 0;
        for (var i = 0; i < total; i++)
        {
            Person child;
            MissingEpisode? episode = null;
            DateOnly screened;
            if (i % 3 == 0 && fromMissing < repeat.Count)
            {
                var (person, episodes) = repeat[fromMissing++];
                child = person;
                episode = episodes.FirstOrDefault(e => e.EndedAt is not null);
                if (episode is null)
                {
                    continue;
                }

                screened = UkTime.ToUkDate(episode.EndedAt!.Value).AddDays(1 + _random.Next(6));
                if (screened > _today)
                {
                    continue;
                }
            }
            else if (fromOthers < others.Count)
            {
                child = others[fromOthers++];
                screened = start.AddDays(_random.Next(_today.DayNumber - start.DayNumber + 1));
            }
            else
            {
                break;
            }

            AddScreening(child, episode, screened);
        }
    }

    private void AddScreening(Person child, MissingEpisode? episode, DateOnly screened)
    {
        var outcome = _random.NextDouble() switch { < 0.32 => ScreeningOutcome.NoFurtherAction, < 0.58 => ScreeningOutcome.SupportWithoutReferral, _ => ScreeningOutcome.ReferredToComplexSafeguarding };
        var categories = _random.NextDouble() switch
        {
            < 0.4 => ExploitationCategories.Sexual,
            < 0.72 => ExploitationCategories.Criminal,
            < 0.82 => ExploitationCategories.Sexual | ExploitationCategories.Criminal,
            < 0.92 => ExploitationCategories.Criminal | ExploitationCategories.CountyLines,
            < 0.96 => ExploitationCategories.Sexual | ExploitationCategories.Online,
            < 0.98 => ExploitationCategories.Criminal | ExploitationCategories.Trafficking,
            _ => ExploitationCategories.Radicalisation,
        };
        var risk = outcome switch
        {
            ScreeningOutcome.NoFurtherAction => ExploitationRisk.Low,
            ScreeningOutcome.SupportWithoutReferral => _random.NextDouble() < 0.6 ? ExploitationRisk.Low : ExploitationRisk.Medium,
            _ => _random.NextDouble() switch { < 0.16 => ExploitationRisk.High, < 0.75 => ExploitationRisk.Medium, _ => ExploitationRisk.Low },
        };
        var indicators = ExploitationIndicators.All.Where(x => (x.PointsTo & categories) != 0).Select(x => x.Code).ToList();
        Shuffle(indicators);
        var present = indicators.Take(outcome == ScreeningOutcome.NoFurtherAction ? 1 : 2 + _random.Next(3)).ToList();
        if (episode is not null && !present.Contains("missing"))
        {
            present.Insert(0, "missing");
        }

        var screening = new ExploitationScreening
        {
            Id = _ids.Next(),
            PersonId = child.Id,
            MissingEpisodeId = episode?.Id,
            ScreenedOn = screened,
            ScreenedByName = Pick(CseWorkers),
            Categories = categories,
            IndicatorsPresent = string.Join(',', ExploitationIndicators.All.Select(x => x.Code).Where(present.Contains)),
            Risk = risk,
            Outcome = outcome,
            Analysis = outcome == ScreeningOutcome.NoFurtherAction ? "No indicators of exploitation beyond the episode; universal services to continue." : "Indicators of exploitation present; see the indicators and the plan.",
            RecordedByName = Pick(CseWorkers),
        };
        screening.RecordedAt = Min(Noon(screened));
        if (outcome == ScreeningOutcome.ReferredToComplexSafeguarding)
        {
            var started = screened.AddDays(_random.Next(8));
            if (started <= _today)
            {
                screening.InterventionStartedOn = started;
                var ends = started.AddDays(120 + _random.Next(300));
                screening.InterventionEndedOn = ends <= _today ? ends : null;
                AddWork(screening);
            }
        }

        Screenings.Add(screening);
    }

    private DateTimeOffset Min(DateTimeOffset at) => at < _now ? at : _now;

    /// <summary>The team's WISE assessment and its three-monthly reviews, a safety plan for some, an NRM referral for trafficking, county lines and some high-risk CCE.</summary>
    private void AddWork(ExploitationScreening screening)
    {
        var started = screening.InterventionStartedOn!.Value;
        var until = screening.InterventionEndedOn ?? _today;
        var on = started.AddDays(5 + _random.Next(16));
        var kind = AssessmentKind.Initial;
        var risk = screening.Risk;
        while (on <= until && _random.NextDouble() < 0.92)
        {
            Assessments.Add(new ExploitationAssessment
            {
                Id = _ids.Next(),
                PersonId = screening.PersonId,
                ScreeningId = screening.Id,
                Kind = kind,
                CompletedOn = on,
                AssessedByName = screening.ScreenedByName,
                Categories = screening.Categories,
                Risk = risk,
                Analysis = kind == AssessmentKind.Initial ? "WISE assessment: what we are worried about, what is working well, what needs to happen." : "Review: safety has increased; disruption activity continues.",
                QualityAssuredByName = _random.NextDouble() < 0.7 ? _users.Manager.Name : null,
                RecordedAt = Min(Noon(on)),
                RecordedByName = screening.ScreenedByName,
            });
            kind = AssessmentKind.Review;
            risk = risk == ExploitationRisk.High && _random.NextDouble() < 0.5 ? ExploitationRisk.Medium : risk;
            on = on.AddDays(80 + _random.Next(20));
        }

        if (_random.NextDouble() < 0.3)
        {
            AddSafetyPlan(screening);
        }

        var nrm = (screening.Categories & (ExploitationCategories.Trafficking | ExploitationCategories.CountyLines)) != 0
            || (screening.Risk == ExploitationRisk.High && screening.Categories.HasFlag(ExploitationCategories.Criminal) && _random.NextDouble() < 0.5);
        if (nrm)
        {
            AddNrm(screening);
        }
    }

    private void AddSafetyPlan(ExploitationScreening screening)
    {
        var agreed = screening.InterventionStartedOn!.Value.AddDays(7 + _random.Next(14));
        if (agreed > _today)
        {
            return;
        }

        var plan = new SafetyPlan
        {
            Id = _ids.Next(),
            PersonId = screening.PersonId,
            AgreedOn = agreed,
            Arrangements = "Trigger plan agreed with the carers and police: report missing after one hour; the young person texts their worker when out; known addresses shared with the police.",
            EndedOn = screening.InterventionEndedOn,
            RecordedAt = Min(Noon(agreed)),
            RecordedByName = screening.ScreenedByName,
        };
        SafetyPlans.Add(plan);
        var owners = new[] { _users.SocialWorker, _users.Manager, _users.Police };
        var actions = SafetyActions.ToList();
        Shuffle(actions);
        for (var i = 0; i < 2 + _random.Next(2); i++)
        {
            var owner = owners[i % owners.Length];
            var due = agreed.AddDays(7 + _random.Next(50));
            var done = plan.EndedOn is not null || (due < _today && _random.NextDouble() < 0.75) ? due.AddDays(-_random.Next(5)) : (DateOnly?)null;
            SafetyPlanActions.Add(new SafetyPlanAction
            {
                Id = _ids.Next(),
                PlanId = plan.Id,
                Description = actions[i],
                OwnerUserId = owner.Id,
                OwnerName = owner.Name,
                DueOn = due,
                CompletedOn = done is { } d && d <= _today ? (d < agreed ? agreed : d) : null,
            });
        }
    }

    private void AddNrm(ExploitationScreening screening)
    {
        var referred = screening.InterventionStartedOn!.Value.AddDays(_random.Next(30));
        if (referred > _today)
        {
            return;
        }

        var referral = new NrmReferral
        {
            Id = _ids.Next(),
            PersonId = screening.PersonId,
            ReferredOn = referred,
            FirstResponder = "Council children's social care",
            ReferredByName = screening.ScreenedByName,
            Categories = screening.Categories,
            RecordedAt = Min(Noon(referred)),
            RecordedByName = screening.ScreenedByName,
        };
        var reasonable = referred.AddDays(5 + _random.Next(25));
        if (reasonable <= _today)
        {
            referral.ReasonableGrounds = _random.NextDouble() < 0.85 ? NrmDecision.Positive : NrmDecision.Negative;
            referral.ReasonableGroundsOn = reasonable;
            var conclusive = reasonable.AddDays(60 + _random.Next(300));
            if (referral.ReasonableGrounds == NrmDecision.Positive && conclusive <= _today)
            {
                referral.ConclusiveGrounds = _random.NextDouble() < 0.7 ? NrmDecision.Positive : NrmDecision.Negative;
                referral.ConclusiveGroundsOn = conclusive;
            }
        }

        NrmReferrals.Add(referral);
    }

    /// <summary>A handful of places and groups; children referred to the team linked to one or two of them, and to each other within a group.</summary>
    private void AddContext()
    {
        var created = _now.AddYears(-2);
        foreach (var (name, type, postcode, description) in Places)
        {
            Locations.Add(new ContextualLocation { Id = _ids.Next(), Name = name, Type = type, Postcode = postcode, Description = description, CreatedAt = created, CreatedByName = _users.Police.Name });
        }

        foreach (var (name, description) in Groups)
        {
            ContextGroups.Add(new ContextualGroup { Id = _ids.Next(), Name = name, Description = description, CreatedAt = created, CreatedByName = _users.Police.Name });
        }

        var referred = Screenings.Where(s => s.InterventionStartedOn is not null).GroupBy(s => s.PersonId).Select(g => g.First()).ToList();
        var members = new Dictionary<Guid, List<Guid>>();
        foreach (var screening in referred.Where(_ => _random.NextDouble() < 0.5))
        {
            var from = screening.ScreenedOn;
            var place = Locations[screening.Categories.HasFlag(ExploitationCategories.Sexual) ? _random.Next(Locations.Count) : _random.Next(3)];
            Links.Add(Link(screening.PersonId, from, ContextualRelationship.Frequents, "Return home interview", locationId: place.Id));
            if (screening.MissingEpisodeId is { } episodeId && place.Type != LocationType.OnlineSpace)
            {
                Links.Add(Link(screening.PersonId, from, ContextualRelationship.FoundThere, "Police missing report", locationId: place.Id, episodeId: episodeId));
            }

            if (_random.NextDouble() < 0.6)
            {
                var group = ContextGroups[screening.Categories.HasFlag(ExploitationCategories.CountyLines) ? 1 : screening.Categories.HasFlag(ExploitationCategories.Sexual) ? 2 * _random.Next(2) : _random.Next(2)];
                Links.Add(Link(screening.PersonId, from, ContextualRelationship.Member, "Police intelligence", groupId: group.Id));
                if (!members.TryGetValue(group.Id, out var list))
                {
                    members[group.Id] = list = [];
                }

                if (list.Count > 0 && _random.NextDouble() < 0.5)
                {
                    Links.Add(Link(screening.PersonId, from, ContextualRelationship.Peer, "WISE assessment", relatedId: Pick(list)));
                }

                list.Add(screening.PersonId);
            }
        }
    }

    private ContextualLink Link(Guid personId, DateOnly from, ContextualRelationship relationship, string source, Guid? locationId = null, Guid? groupId = null, Guid? relatedId = null, Guid? episodeId = null) => new()
    {
        Id = _ids.Next(),
        PersonId = personId,
        LocationId = locationId,
        GroupId = groupId,
        RelatedPersonId = relatedId,
        Relationship = relationship,
        From = from,
        Source = source,
        MissingEpisodeId = episodeId,
        RecordedAt = Min(Noon(from)),
        RecordedByName = Pick(CseWorkers),
    };
}

/// <summary>The demo users whose names complex safeguarding records carry (as recorders and owners of actions).</summary>
internal sealed record DemoUsers(DemoStaff FrontDoor, DemoStaff Police, DemoStaff SocialWorker, DemoStaff Manager);

internal sealed record DemoStaff(Guid Id, string Name);
