using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.FrontDoor;
using Safeguard.Journey;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Timescales;

namespace Safeguard.DemoData;

/// <summary>
/// Years of front door and casework activity for a demo area, at the rates of seed 000's Appendix 1 for a borough of
/// about 43,000 children (times the scale): about 10,000 contacts and 3,400 referrals a year, about nine in ten
/// referrals assessed, about 240 children on child protection plans at a time. Each referral's path is decided
/// when it is made and cut off at today, so what is still open today is open in the records. Some timescales are
/// missed on purpose (late decisions, assessments and conferences, overdue reviews), so the overdue views and the
/// timeliness indicators have something true to show. Everything obeys the journey's rules: the census export of
/// the demo area passes the census validator without errors.
/// </summary>
internal sealed class DemoCasework
{
    /// <summary>Contacts a year at scale 1: with siblings on some, about 10,000 children's contacts (indicator 4.4).</summary>
    private const double ContactsPerYear = 7_400;
    private const int WorkingDaysPerYear = 253;

    private static readonly (string Code, int Weight, string Agency, string Referrer)[] Sources =
    [
        ("6", 27, "POLICE", "Police officer"), ("2A", 17, "SCHOOLS", "Designated safeguarding lead"), ("3A", 3, "ICB", "GP"),
        ("3B", 4, "ICB", "Health visitor"), ("3C", 2, "ICB", "School nurse"), ("3E", 4, "HOSP", "Emergency department nurse"),
        ("3F", 2, "HOSP", "Midwife"), ("1A", 8, "CSC", "Family member"), ("1D", 3, "CSC", "Neighbour"), ("9", 2, "CSC", "Anonymous caller"),
        ("4", 3, "EHE", "Housing officer"), ("5A", 5, "CSC", "Social worker"), ("5C", 3, "CSC", "Another council's social worker"),
        ("5D", 8, "EHE", "Early help practitioner"), ("2B", 2, "EHE", "Education welfare officer"), ("7", 2, "POLICE", "Probation officer"),
        ("8", 4, "VCS", "Family support worker"), ("10", 1, "CSC", "Unknown"),
    ];

    private static readonly string[] Concerns =
    [
        "Police attended a domestic abuse incident at the home; the children were present.",
        "The child came to school with bruising to the arm and gave an inconsistent account.",
        "Repeated non-attendance at health appointments; the home conditions were poor on the health visitor's last visit.",
        "The child disclosed that a parent hits them when angry.",
        "Concerns about a parent's drinking and the care of the younger children.",
        "The young person has been missing overnight twice this month and was found with older males.",
        "The child was brought to the emergency department with an injury that does not fit the explanation.",
        "A neighbour reports the children are often left alone in the evenings.",
        "The family has been evicted and is staying with friends; the parent is struggling to cope.",
        "The young person told a teacher they feel unsafe at home and have been self-harming.",
        "The mother's mental health has deteriorated and she is not meeting the baby's needs.",
        "Concerns about the child's weight loss and hunger at school.",
    ];

    private static readonly string[] ReferrerNames = ["Dan Walsh", "Kerry Ogden", "Imran Aziz", "Helen Lomax", "Beth Crossley", "Tom Ridings", "Asha Mistry", "Gail Openshaw", "Neil Barlow", "Yasmin Akhtar"];
    private static readonly string[] AskedAgencies = ["POLICE", "ICB", "SCHOOLS"];
    internal static readonly string[] FrontDoorStaff = ["Farah Frontdoor", "Jo Mitchell", "Ravi Shah", "Claire Hughes", "Owen Price"];
    private static readonly string[] Factors = ["1B", "2B", "3A", "3B", "4B", "5B", "6B", "8B", "9A", "10A", "11A", "14A", "16A", "18B", "19B"];
    private static readonly string[] Categories = ["NEG", "NEG", "NEG", "NEG", "NEG", "EMO", "EMO", "EMO", "EMO", "PHY", "SAB", "MUL"];

    private readonly DemoOptions _options;
    private readonly Random _random;
    private readonly DemoIds _ids;
    private readonly WorkingDayCalendar _calendar;
    private readonly DeadlineService _deadlines;
    private readonly DateOnly _today;
    private readonly DateTimeOffset _now;
    private readonly DemoPopulation _population;
    private readonly IReadOnlyDictionary<string, Guid> _agencies;
    private readonly IReadOnlyDictionary<int, Guid> _thresholds;

    /// <summary>The threshold level's id for a level of the continuum of need (1 to 4), when the area has it.</summary>
    internal Guid? Threshold(int level) => _thresholds.TryGetValue(level, out var id) ? id : null;
    private readonly DemoTeams _teams;
    private readonly List<DemoFamily> _knownFamilies = [];
    private readonly Dictionary<Guid, DateOnly?> _episodeOpenUntil = [];
    private readonly Dictionary<Guid, int> _workerCaseload = [];
    private readonly Dictionary<Guid, CaseAllocation> _openAllocation = [];

    public DemoCasework(
        DemoOptions options, DemoIds ids, WorkingDayCalendar calendar, DeadlineService deadlines, DateTimeOffset now, DemoPopulation population,
        IReadOnlyDictionary<string, Guid> agencies, IReadOnlyDictionary<int, Guid> thresholds, DemoTeams teams)
    {
        _options = options;
        _random = new Random(options.Seed + 1);
        _ids = ids;
        _calendar = calendar;
        _deadlines = deadlines;
        _now = now;
        _today = UkTime.ToUkDate(now);
        _population = population;
        _agencies = agencies;
        _thresholds = thresholds;
        _teams = teams;
    }

    public List<Contact> Contacts { get; } = [];

    public List<ContactChild> ContactChildren { get; } = [];

    public List<ContactInformationRequest> InformationRequests { get; } = [];

    public List<InformationShare> Shares { get; } = [];

    public List<NeedEpisode> Episodes { get; } = [];

    public List<CaseAssessment> Assessments { get; } = [];

    public List<ChildInNeedPlan> CinPlans { get; } = [];

    public List<StrategyDiscussion> StrategyDiscussions { get; } = [];

    public List<S47Enquiry> Enquiries { get; } = [];

    public List<ProtectionPlan> Plans { get; } = [];

    public List<ReviewConference> Reviews { get; } = [];

    public List<CaseAllocation> Allocations { get; } = [];

    /// <summary>The visits to children on plans (see <see cref="DemoVisits"/>).</summary>
    public List<ChildVisit> Visits { get; } = [];

    /// <summary>The first day of activity: nine months before the reporting year three years back, so that year starts with plans already running.</summary>
    public static DateOnly HistoryStart(DateOnly today) => ReportingYear.Of(today).Start.AddYears(-3).AddMonths(-9);

    public void Generate()
    {
        var perWorkingDay = ContactsPerYear * _options.Scale / WorkingDaysPerYear;
        for (var day = HistoryStart(_today); day <= _today; day = day.AddDays(1))
        {
            var rate = _calendar.IsWorkingDay(day) ? perWorkingDay : perWorkingDay * 0.15;
            var count = (int)Math.Floor(rate * (0.75 + (0.5 * _random.NextDouble())));
            if (_random.NextDouble() < (rate * (0.75 + (0.5 * _random.NextDouble()))) - count)
            {
                count++;
            }

            for (var i = 0; i < count; i++)
            {
                AddContact(day);
            }
        }

        Visits.AddRange(DemoVisits.For(Plans, Episodes, _calendar, _deadlines, _today, _now, _ids, _options.Seed));
    }

    public async Task WriteAsync(SafeguardDbContext db, string detail, CancellationToken cancellationToken)
    {
        await BulkInsert.InsertAsync(db, Contacts, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, ContactChildren, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, InformationRequests, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Shares, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Episodes, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Assessments, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, CinPlans, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, StrategyDiscussions, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Enquiries, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Plans, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Reviews, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Allocations, detail, cancellationToken);
        await BulkInsert.InsertAsync(db, Visits, detail, cancellationToken);
    }

    private void AddContact(DateOnly day)
    {
        var (family, children) = PickChildren(day);
        if (family is null)
        {
            return;
        }

        var source = PickSource();
        var receivedAt = At(day, 8 + _random.Next(10), _random.Next(60));
        if (receivedAt > _now)
        {
            return;
        }

        var decision = PickDecision();
        var contact = new Contact
        {
            Id = _ids.Next(),
            ReceivedAt = receivedAt,
            FromAgencyId = _agencies[source.Agency],
            ReferrerName = ReferrerNames[_random.Next(ReferrerNames.Length)],
            ReferrerRole = source.Referrer,
            ReferralSource = source.Code,
            Concerns = decision == ContactDecision.ReferToLado
                ? DemoLado.ContactConcerns[_random.Next(DemoLado.ContactConcerns.Length)].Concerns
                : Concerns[_random.Next(Concerns.Length)],
            RecordedAt = receivedAt.AddMinutes(5 + _random.Next(40)),
            RecordedByName = FrontDoorStaff[_random.Next(FrontDoorStaff.Length)],
            SubmittedByPartner = source.Agency is "POLICE" or "SCHOOLS" && _random.Next(3) == 0,
        };
        (contact.Consent, contact.ConsentReason) = _random.Next(20) switch
        {
            < 12 => (ConsentPosition.Given, (string?)null),
            < 15 => (ConsentPosition.Sought, null),
            < 17 => (ConsentPosition.Refused, "The parent declined; the concerns were shared without consent because the child is at risk of significant harm."),
            _ => (ConsentPosition.Overridden, "Seeking consent would place the child at increased risk of harm."),
        };
        if (contact.RecordedAt > _now)
        {
            contact.RecordedAt = _now;
        }

        Contacts.Add(contact);
        _knownFamilies.Add(family);
        foreach (var child in children)
        {
            ContactChildren.Add(new ContactChild
            {
                Id = _ids.Next(),
                ContactId = contact.Id,
                PersonId = child.Id,
                DescribedName = child.DisplayName,
                DescribedDateOfBirth = child.DateOfBirth,
                DescribedNhsNumber = _random.Next(3) == 0 ? child.NhsNumber : null,
                DescribedUpn = source.Agency == "SCHOOLS" ? child.Upn : null,
            });
        }

        if (_random.Next(4) == 0)
        {
            AddInformationRequests(contact, receivedAt);
        }

        // Decided within one working day, except about one in twelve; contacts from the last working day wait in
        // the queue, and a few older ones are overdue there.
        var due = _deadlines.Calculate("contact-decision", receivedAt);
        var decisionDay = _random.Next(12) == 0 ? _calendar.AddWorkingDays(day, 2 + _random.Next(3)) : _calendar.NextWorkingDay(day.AddDays(_random.Next(2)));
        var decidedAt = At(decisionDay, 9 + _random.Next(8), _random.Next(60));
        if (decidedAt < receivedAt)
        {
            decidedAt = receivedAt.AddHours(2);
        }

        var waiting = decidedAt > _now || (day >= _today.AddDays(-6) && due.DueDate < _today && _random.Next(8) == 0);
        if (waiting)
        {
            return;
        }

        contact.Decision = decision;
        contact.DecidedAt = decidedAt;
        contact.DecidedByName = FrontDoorStaff[_random.Next(FrontDoorStaff.Length)];
        contact.Priority = decision is ContactDecision.StrategyDiscussion ? RagPriority.Red
            : decision is ContactDecision.ReferralToChildrensSocialCare ? (_random.Next(3) == 0 ? RagPriority.Red : RagPriority.Amber)
            : _random.Next(4) == 0 ? RagPriority.Amber : RagPriority.Green;
        var level = decision switch
        {
            ContactDecision.NoFurtherAction => 1 + _random.Next(2),
            ContactDecision.InformationAndAdvice => 2,
            ContactDecision.EarlyHelp => 3,
            ContactDecision.ReferToLado => 4,
            ContactDecision.ReferralToChildrensSocialCare => 4,
            _ => 5,
        };
        contact.ThresholdLevelId = _thresholds.TryGetValue(level, out var threshold) ? threshold : null;
        contact.DecisionRationale = decision switch
        {
            ContactDecision.NoFurtherAction => "No role for services: the concern was addressed at the time and there is no ongoing risk.",
            ContactDecision.InformationAndAdvice => "Advice given to the referrer and the family about universal services.",
            ContactDecision.EarlyHelp => "Needs met by an early help assessment and a team around the family, with consent.",
            ContactDecision.ReferralToChildrensSocialCare => "The child may be in need: a social work assessment is required.",
            ContactDecision.StrategyDiscussion => "Reasonable cause to suspect significant harm: strategy discussion needed today.",
            _ => "The concern is about an adult who works with children: referred to the LADO.",
        };
        if (decision is not (ContactDecision.ReferralToChildrensSocialCare or ContactDecision.StrategyDiscussion))
        {
            return;
        }

        var referralDay = UkTime.ToUkDate(decidedAt);
        foreach (var child in children)
        {
            if (!_episodeOpenUntil.TryGetValue(child.Id, out var openUntil) || (openUntil is { } closed && closed < referralDay))
            {
                AddEpisode(child, contact, referralDay, decidedAt, decision == ContactDecision.StrategyDiscussion);
            }
        }
    }

    private void AddInformationRequests(Contact contact, DateTimeOffset receivedAt)
    {
        foreach (var agency in AskedAgencies.Where(_ => _random.Next(3) > 0))
        {
            var requestedAt = receivedAt.AddMinutes(30 + _random.Next(90));
            var answeredAt = requestedAt.AddHours(1 + _random.Next(20));
            var answered = answeredAt <= _now;
            if (requestedAt > _now)
            {
                continue;
            }

            InformationRequests.Add(new ContactInformationRequest
            {
                Id = _ids.Next(),
                ContactId = contact.Id,
                AgencyId = _agencies[agency],
                Question = "What do you know about the children and the adults in the household?",
                RequestedAt = requestedAt,
                RequestedByName = contact.RecordedByName,
                Response = answered ? "Known to the agency; no current concerns recorded beyond those in the contact." : null,
                RespondedAt = answered ? answeredAt : null,
                RespondedByName = answered ? $"{agency.ToUpperInvariant()} safeguarding officer" : null,
            });
            Shares.Add(new InformationShare
            {
                Id = _ids.Next(),
                ContactId = contact.Id,
                Shared = true,
                What = "The concerns in the contact and the children's names and dates of birth",
                AgencyId = _agencies[agency],
                Purpose = "To decide on the right response to the contact (MASH enquiries)",
                LawfulBasis = LawfulBasis.PublicTaskSafeguarding,
                Consent = contact.Consent,
                Reason = contact.Consent == ConsentPosition.Given ? "Shared with the parent's consent." : "Shared without consent to safeguard the child; consent was not sought or was refused for the reason recorded.",
                DecidedAt = requestedAt,
                DecidedByName = contact.RecordedByName,
                DecidedByAgencyId = _agencies["CSC"],
            });
        }
    }

    private void AddEpisode(Person child, Contact contact, DateOnly referral, DateTimeOffset createdAt, bool urgent)
    {
        var episode = new NeedEpisode
        {
            Id = _ids.Next(),
            PersonId = child.Id,
            ReferralDate = referral,
            ReferralSource = contact.ReferralSource,
            FrontDoorContactId = contact.Id,
            CreatedAt = createdAt,
        };
        Episodes.Add(episode);
        var worker = PickWorker();
        Allocate(episode, _teams.Assessment, worker, referral);

        // About one referral in eleven ends with no further action before an assessment.
        if (!urgent && _random.Next(11) == 0)
        {
            episode.ReferralNfa = true;
            episode.PrimaryNeedCode = "N9";
            Close(episode, _calendar.AddWorkingDays(referral, _random.Next(3)), "RC7");
            return;
        }

        episode.PrimaryNeedCode = _random.Next(10) switch { < 6 => "N1", 6 => "N4", 7 => "N5", 8 => "N3", _ => "N2" };
        var assessmentStart = _calendar.AddWorkingDays(referral, _random.Next(3));
        if (assessmentStart > _today)
        {
            _episodeOpenUntil[child.Id] = null;
            return;
        }

        // Working days from referral to authorisation: most within 45, about one in eight late.
        var takes = _random.Next(8) == 0 ? 46 + _random.Next(30) : 10 + _random.Next(36);
        var authorised = _calendar.AddWorkingDays(referral, takes);
        if (authorised < assessmentStart)
        {
            authorised = assessmentStart;
        }

        var seen = _calendar.AddWorkingDays(assessmentStart, 1 + _random.Next(5));
        var assessment = new CaseAssessment
        {
            Id = _ids.Next(),
            EpisodeId = episode.Id,
            StartDate = assessmentStart,
            ChildSeenDate = seen <= _today && seen <= authorised ? seen : null,
        };
        Assessments.Add(assessment);

        DateOnly? planStart = null;
        var escalate = urgent || _random.Next(9) == 0;
        if (escalate)
        {
            planStart = AddEnquiry(episode, urgent ? referral : _calendar.AddWorkingDays(assessmentStart, 1 + _random.Next(5)));
            if (planStart == DateOnly.MaxValue)
            {
                // Still in progress today.
                FinishAssessment(assessment, authorised);
                _episodeOpenUntil[child.Id] = null;
                return;
            }
        }

        if (!FinishAssessment(assessment, authorised))
        {
            _episodeOpenUntil[child.Id] = null;
            return;
        }

        if (planStart is { } started)
        {
            var planEnd = RunProtectionPlan(episode, started);
            if (planEnd is null)
            {
                _episodeOpenUntil[child.Id] = null;
                return;
            }

            // Stepped down to a child in need plan, or closed (never before the assessment was authorised).
            var afterPlan = planEnd.Value < authorised ? authorised : planEnd.Value;
            if (_random.Next(5) < 3)
            {
                var cinEnd = RunCinPlan(episode, afterPlan.AddDays(1), 60 + _random.Next(120));
                CloseOrKeepOpen(episode, child, cinEnd, "RC7");
            }
            else
            {
                CloseOrKeepOpen(episode, child, afterPlan.AddDays(_random.Next(1, 20)), "RC7");
            }

            return;
        }

        // "Closed after assessment" (RC8, RC9) only when nothing followed the assessment but its outcome.
        var outcome = _random.Next(20);
        if (outcome < 13)
        {
            var reason = escalate ? "RC7" : outcome < 9 ? "RC8" : "RC9";
            CloseOrKeepOpen(episode, child, Later(authorised, episode).AddDays(_random.Next(0, 10)), reason);
        }
        else
        {
            var cinEnd = RunCinPlan(episode, Later(authorised, episode).AddDays(_random.Next(1, 15)), 90 + _random.Next(270));
            CloseOrKeepOpen(episode, child, cinEnd, "RC7");
        }
    }

    /// <summary>Completes the assessment on <paramref name="authorised"/> if that day has come; false when it is still open.</summary>
    private bool FinishAssessment(CaseAssessment assessment, DateOnly authorised)
    {
        if (authorised > _today)
        {
            return false;
        }

        assessment.AuthorisationDate = authorised;
        assessment.ChildSeenDate ??= authorised;
        var count = 1 + _random.Next(3);
        assessment.Factors = string.Join(',', Factors.OrderBy(_ => _random.Next()).Take(count).Order(StringComparer.Ordinal));
        return true;
    }

    /// <summary>
    /// A strategy discussion and, usually, a section 47 enquiry; returns the day a child protection plan starts,
    /// null when there is none, or <see cref="DateOnly.MaxValue"/> when the enquiry is still in progress today.
    /// </summary>
    private DateOnly? AddEnquiry(NeedEpisode episode, DateOnly date)
    {
        if (date > _today)
        {
            return DateOnly.MaxValue;
        }

        var discussion = new StrategyDiscussion { Id = _ids.Next(), EpisodeId = episode.Id, Date = date, Outcome = _random.Next(10) == 0 ? StrategyOutcome.NoSection47 : StrategyOutcome.Section47 };
        StrategyDiscussions.Add(discussion);
        if (discussion.Outcome == StrategyOutcome.NoSection47)
        {
            return null;
        }

        var enquiry = new S47Enquiry
        {
            Id = _ids.Next(),
            EpisodeId = episode.Id,
            StrategyDiscussionId = discussion.Id,
            StartDate = date,
            IcpcTargetDate = _deadlines.Calculate("icpc", date).DueDate,
        };
        Enquiries.Add(enquiry);

        // About three enquiries in ten go to an initial conference, one in five of those late.
        if (_random.Next(10) >= 3)
        {
            var concluded = _calendar.AddWorkingDays(date, 5 + _random.Next(15));
            if (concluded > _today)
            {
                return DateOnly.MaxValue;
            }

            enquiry.IcpcNotRequired = true;
            return null;
        }

        var conference = _random.Next(5) == 0 ? _calendar.AddWorkingDays(date, 16 + _random.Next(10)) : _calendar.AddWorkingDays(date, 8 + _random.Next(8));
        if (conference > _today)
        {
            return DateOnly.MaxValue;
        }

        enquiry.ConferenceDate = conference;
        enquiry.ConferenceOutcome = _random.Next(7) == 0 ? ConferenceOutcome.NoPlan : ConferenceOutcome.Plan;
        if (enquiry.ConferenceOutcome == ConferenceOutcome.NoPlan)
        {
            return null;
        }

        var plan = new ProtectionPlan
        {
            Id = _ids.Next(),
            EpisodeId = episode.Id,
            EnquiryId = enquiry.Id,
            StartDate = conference,
            InitialCategory = Categories[_random.Next(Categories.Length)],
            LatestCategory = "",
        };
        plan.LatestCategory = _random.Next(8) == 0 ? Categories[_random.Next(Categories.Length)] : plan.InitialCategory;
        Plans.Add(plan);
        return conference;
    }

    /// <summary>Reviews the plan that started on <paramref name="start"/> until it ends; returns its end, or null while it continues today.</summary>
    private DateOnly? RunProtectionPlan(NeedEpisode episode, DateOnly start)
    {
        var plan = Plans[^1];
        Allocate(episode, _teams.ChildProtection, PickWorker(), start);
        // The plan ends at the first review after this many months: about 14 months on average, a few over two years.
        var months = _random.Next(50) switch
        {
            < 15 => 3 + _random.Next(4),
            < 35 => 6 + _random.Next(6),
            < 48 => 12 + _random.Next(12),
            _ => 24 + _random.Next(8),
        };
        var endAround = start.AddMonths(months);
        var due = _deadlines.Calculate("first-cp-review", start).DueDate;
        while (true)
        {
            // About one review in fifteen is held late; a review not yet held by today is due or overdue.
            var held = _random.Next(15) == 0 ? _calendar.AddWorkingDays(due, 1 + _random.Next(10)) : WorkingDaysBefore(due, _random.Next(8));
            if (held <= start)
            {
                held = due;
            }

            if (held > _today)
            {
                return null;
            }

            Reviews.Add(new ReviewConference { Id = _ids.Next(), PlanId = plan.Id, Date = held });
            if (held >= endAround)
            {
                plan.EndDate = held;
                return held;
            }

            due = _deadlines.Calculate("later-cp-review", held).DueDate;
        }
    }

    /// <summary>A child in need plan from <paramref name="start"/> for about <paramref name="days"/> days; returns its end, or null while it continues today.</summary>
    private DateOnly? RunCinPlan(NeedEpisode episode, DateOnly start, int days)
    {
        if (start > _today)
        {
            return null;
        }

        var plan = new ChildInNeedPlan { Id = _ids.Next(), EpisodeId = episode.Id, StartDate = start };
        CinPlans.Add(plan);
        var end = start.AddDays(days);
        if (end > _today)
        {
            return null;
        }

        plan.EndDate = end;
        return end;
    }

    private void CloseOrKeepOpen(NeedEpisode episode, Person child, DateOnly? closure, string reason)
    {
        if (closure is { } day && day <= _today)
        {
            Close(episode, day, reason);
        }
        else
        {
            _episodeOpenUntil[child.Id] = null;
        }
    }

    private void Close(NeedEpisode episode, DateOnly day, string reason)
    {
        if (day > _today)
        {
            _episodeOpenUntil[episode.PersonId] = null;
            return;
        }

        episode.ClosureDate = day;
        episode.ReasonForClosure = reason;
        _episodeOpenUntil[episode.PersonId] = day;
        if (_openAllocation.Remove(episode.Id, out var open))
        {
            open.To = At(day, 17, 0);
            if (open.WorkerId is { } worker)
            {
                _workerCaseload[worker]--;
            }
        }
    }

    private void Allocate(NeedEpisode episode, Guid team, Guid? worker, DateOnly from)
    {
        var at = At(from, 12, 0);
        if (_openAllocation.TryGetValue(episode.Id, out var open))
        {
            open.To = at;
            if (open.WorkerId is { } previous)
            {
                _workerCaseload[previous]--;
            }
        }

        var allocation = new CaseAllocation { Id = _ids.Next(), EpisodeId = episode.Id, PersonId = episode.PersonId, TeamId = team, WorkerId = worker, From = at, AllocatedByName = "Tariq Manager" };
        Allocations.Add(allocation);
        _openAllocation[episode.Id] = allocation;
        if (worker is { } w)
        {
            _workerCaseload[w] = _workerCaseload.GetValueOrDefault(w) + 1;
        }
    }

    /// <summary>The demo social worker takes new work while their caseload is under 18; other work is allocated to the team.</summary>
    private Guid? PickWorker() =>
        _teams.Worker is { } worker && _workerCaseload.GetValueOrDefault(worker) < 18 && _random.Next(3) == 0 ? worker : null;

    private (DemoFamily? Family, List<Person> Children) PickChildren(DateOnly day)
    {
        for (var attempt = 0; attempt < 12; attempt++)
        {
            var family = _knownFamilies.Count > 20 && _random.Next(100) < 50
                ? _knownFamilies[_random.Next(_knownFamilies.Count)]
                : _population.Families[_random.Next(_population.Families.Count)];
            var eligible = family.Children.Where(c => c.DateOfBirth is { } dob && dob <= day && day < dob.AddYears(18)).ToList();
            if (eligible.Count == 0)
            {
                continue;
            }

            return _random.Next(10) < 7 || eligible.Count == 1
                ? (family, [eligible[_random.Next(eligible.Count)]])
                : (family, eligible.Take(3).ToList());
        }

        return (null, []);
    }

    private (string Code, int Weight, string Agency, string Referrer) PickSource()
    {
        var pick = _random.Next(Sources.Sum(s => s.Weight));
        foreach (var source in Sources)
        {
            pick -= source.Weight;
            if (pick < 0)
            {
                return source;
            }
        }

        return Sources[0];
    }

    private ContactDecision PickDecision() => _random.Next(100) switch
    {
        < 15 => ContactDecision.NoFurtherAction,
        < 35 => ContactDecision.InformationAndAdvice,
        < 62 => ContactDecision.EarlyHelp,
        < 63 => ContactDecision.ReferToLado,
        < 94 => ContactDecision.ReferralToChildrensSocialCare,
        _ => ContactDecision.StrategyDiscussion,
    };

    /// <summary>The later of <paramref name="day"/> and the episode's last section 47 event, so nothing follows a closure.</summary>
    private DateOnly Later(DateOnly day, NeedEpisode episode)
    {
        foreach (var enquiry in Enquiries.Count > 0 && Enquiries[^1].EpisodeId == episode.Id ? [Enquiries[^1]] : Array.Empty<S47Enquiry>())
        {
            var last = enquiry.ConferenceDate ?? _calendar.AddWorkingDays(enquiry.StartDate, 20);
            day = last > day ? last : day;
        }

        return day;
    }

    private DateOnly WorkingDaysBefore(DateOnly date, int workingDays)
    {
        for (var i = 0; i < workingDays; i++)
        {
            date = _calendar.PreviousWorkingDay(date);
        }

        return date;
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute) => UkTime.FromUkLocal(day.ToDateTime(new TimeOnly(hour, minute)));
}

/// <summary>The teams and the worker the demo allocates casework to.</summary>
internal sealed record DemoTeams(Guid Assessment, Guid ChildProtection, Guid? Worker);
