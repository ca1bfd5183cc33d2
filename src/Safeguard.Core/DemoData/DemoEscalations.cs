using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Escalations;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Timescales;

namespace Safeguard.DemoData;

/// <summary>
/// Three years of professional disagreements between the area's agencies: about three dozen a year (a borough of
/// Bury's size), raised mostly by the police, schools and health with children's social care about threshold
/// decisions and case closures, some the other way about information sharing and attendance at meetings; most
/// resolved at stage 1 or 2, a few reaching the senior managers and the partnership, some stages late; a handful open
/// now on the demo users' due work, one of them overdue.
/// </summary>
public static class DemoEscalations
{
    private const int PerYear = 36;

    private static readonly (string By, string With, EscalationTheme Theme, int Weight)[] Patterns =
    [
        ("POLICE", "CSC", EscalationTheme.ThresholdDecision, 8),
        ("SCHOOLS", "CSC", EscalationTheme.ThresholdDecision, 7),
        ("SCHOOLS", "CSC", EscalationTheme.CaseClosure, 4),
        ("HOSP", "CSC", EscalationTheme.ThresholdDecision, 3),
        ("ICB", "CSC", EscalationTheme.PlanNotProgressing, 3),
        ("VCS", "EHE", EscalationTheme.CaseClosure, 2),
        ("CSC", "POLICE", EscalationTheme.InformationSharing, 3),
        ("CSC", "HOSP", EscalationTheme.AttendanceAtMeetings, 2),
        ("CSC", "SCHOOLS", EscalationTheme.AttendanceAtMeetings, 1),
        ("EHE", "CSC", EscalationTheme.Referral, 2),
        ("POLICE", "HOSP", EscalationTheme.InformationSharing, 1),
    ];

    private static readonly Dictionary<EscalationTheme, string[]> Concerns = new()
    {
        [EscalationTheme.ThresholdDecision] = ["We disagree with the decision of no further action after the third domestic abuse incident this month; we ask for a strategy discussion.", "The contact was stepped down to early help but the child disclosed being hit; we ask for a section 47 enquiry.", "Neglect concerns have grown over two terms; we ask for a children and families assessment."],
        [EscalationTheme.CaseClosure] = ["The case was closed while the family's housing is still unsafe; we ask for it to stay open until the move.", "Closure to early help without a step-down meeting: we ask for the plan to be handed over."],
        [EscalationTheme.PlanNotProgressing] = ["The child in need plan has not moved in three reviews; we ask for a manager's review.", "Health actions on the plan are not being picked up by the core group."],
        [EscalationTheme.InformationSharing] = ["Incident details needed for the strategy discussion were not shared within the day.", "We have not received the police checks asked for the assessment."],
        [EscalationTheme.AttendanceAtMeetings] = ["No health representative at the last two core groups.", "The school has not attended the child protection conference or sent a report."],
        [EscalationTheme.Referral] = ["Our referral was returned for more information twice; we ask for a decision."],
    };

    private static readonly string[] Roles1 = ["Detective constable", "Designated safeguarding lead", "Named nurse", "Family support worker", "Social worker", "Early help practitioner"];

    private static readonly string[] Roles2 = ["Detective sergeant", "Headteacher", "Named nurse lead", "Team manager", "Service manager"];

    private static readonly string[] Roles3 = ["Detective inspector", "Head of service", "Designated nurse", "Assistant director"];

    public static async Task<int> SeedAsync(SafeguardDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Set<Escalation>().AnyAsync(cancellationToken))
        {
            return 0;
        }

        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        if (Patterns.Any(p => !agencies.ContainsKey(p.By) || !agencies.ContainsKey(p.With)))
        {
            return 0;
        }

        var users = await db.Users.AsNoTracking().Where(u => new[] { "partner", "social.worker", "team.manager", "school" }.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.DisplayName), cancellationToken);
        var children = await db.Set<Person>().AsNoTracking().Where(p => p.Kind == PersonKind.Child && p.MergedIntoId == null && !p.IsRestricted)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.DisplayName }).Take(400).ToListAsync(cancellationToken);
        var deadlines = await new CalendarAdministration(db, new DeadlineServiceOptions()).DeadlinesAsync(cancellationToken);
        var calendar = await new CalendarAdministration(db, new DeadlineServiceOptions()).CalendarAsync(cancellationToken);
        var random = new Random(73);
        var today = UkTime.Today(db.Time);
        var start = ReportingYear.Of(today).Previous.Previous.Start;
        var days = today.DayNumber - start.DayNumber;
        var count = (int)Math.Round(PerYear * days / 365.0);
        var weights = Patterns.Sum(p => p.Weight);
        var added = new List<Escalation>();
        for (var i = 0; i < count; i++)
        {
            var pick = random.Next(weights);
            var pattern = Patterns.First(p => (pick -= p.Weight) < 0);
            var raisedOn = calendar.NextWorkingDay(start.AddDays(random.Next(days)));
            if (raisedOn >= today)
            {
                continue;
            }

            var highest = random.NextDouble() switch { < 0.55 => 1, < 0.83 => 2, < 0.95 => 3, _ => 4 };
            var child = pattern.By == "CSC" && children.Count > 0 ? children[random.Next(children.Count)] : null;
            added.Add(Build(random, deadlines, calendar, today, agencies, pattern, raisedOn, highest, child?.Id, child?.DisplayName, null, null));
        }

        // Open now, on the demo users' due work: one raised with children's services days ago, one overdue, one at stage 2.
        if (users.TryGetValue("partner", out var pat) && users.TryGetValue("social.worker", out var sam))
        {
            added.Add(Build(random, deadlines, calendar, today, agencies, ("POLICE", "CSC", EscalationTheme.ThresholdDecision, 0), Back(calendar, today, 2), 0, null, null, pat, sam));
        }

        if (users.TryGetValue("school", out var sid) && users.TryGetValue("social.worker", out var worker))
        {
            added.Add(Build(random, deadlines, calendar, today, agencies, ("SCHOOLS", "CSC", EscalationTheme.CaseClosure, 0), Back(calendar, today, 8), 0, null, null, sid, worker));
        }

        if (users.TryGetValue("team.manager", out var tariq) && users.TryGetValue("partner", out var police))
        {
            var open = Build(random, deadlines, calendar, today, agencies, ("CSC", "POLICE", EscalationTheme.InformationSharing, 0), Back(calendar, today, 7), 0, children.FirstOrDefault()?.Id, children.FirstOrDefault()?.DisplayName, tariq, police);
            var first = open.Stages[0];
            first.EndedOn = calendar.AddWorkingDays(first.StartedOn, 5);
            first.Response = "The incident log is being reviewed before it is shared.";
            first.RespondedOn = calendar.AddWorkingDays(first.StartedOn, 3);
            var due = deadlines.Calculate(EscalationText.RuleFor(2), first.EndedOn.Value).DueDate;
            open.Stages.Add(new EscalationStage
            {
                EscalationId = open.Id,
                Number = 2,
                StartedOn = first.EndedOn.Value,
                DueOn = due,
                Reason = "Still not shared for the strategy discussion",
                RaisingUserId = tariq.Id,
                RaisingName = tariq.DisplayName,
                RaisingRole = "Team manager",
                RespondingUserId = police.Id,
                RespondingName = police.DisplayName,
                RespondingRole = "Detective sergeant",
            });
            (open.Stage, open.CurrentDueOn) = (2, due);
            added.Add(open);
        }

        using (db.BeginProcess("Demo.Escalations", actor))
        {
            db.AddRange(added);
            await db.SaveChangesAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        return added.Count;
    }

    /// <summary>One escalation (kept open at stage 1 when <paramref name="highest"/> is 0), its stages walked from the day raised: each ends in time or a few days late, escalates until the highest stage, then closes; one still running today stays open.</summary>
    private static Escalation Build(
        Random random, DeadlineService deadlines, WorkingDayCalendar calendar, DateOnly today, Dictionary<string, Guid> agencies,
        (string By, string With, EscalationTheme Theme, int Weight) pattern, DateOnly raisedOn, int highest, Guid? childId, string? childName,
        (Guid Id, string DisplayName)? raiser, (Guid Id, string DisplayName)? responder)
    {
        var concerns = Concerns[pattern.Theme];
        var role1 = raiser is null ? Roles1[random.Next(Roles1.Length)] : pattern.By == "SCHOOLS" ? "Designated safeguarding lead" : pattern.By == "POLICE" ? "Detective constable" : "Team manager";
        var raisedBy = raiser?.DisplayName ?? Name(random);
        var escalation = new Escalation
        {
            RaisedByAgencyId = agencies[pattern.By],
            RaisedByUserId = raiser?.Id,
            RaisedByName = raisedBy,
            RaisedByRole = role1,
            RaisedWithAgencyId = agencies[pattern.With],
            PersonId = childId,
            Subject = childName ?? $"The {Families[random.Next(Families.Length)]} family",
            Theme = pattern.Theme,
            Concern = concerns[random.Next(concerns.Length)],
            RaisedOn = raisedOn,
            RecordedAt = UkTime.StartOfDay(raisedOn).AddHours(10),
            RecordedByName = raisedBy,
        };
        var startedOn = raisedOn;
        for (var number = 1; number <= Escalation.LastStage; number++)
        {
            var due = deadlines.Calculate(EscalationText.RuleFor(number), startedOn).DueDate;
            var stage = new EscalationStage
            {
                EscalationId = escalation.Id,
                Number = number,
                StartedOn = startedOn,
                DueOn = due,
                RaisingUserId = number == 1 ? raiser?.Id : null,
                RaisingName = number == 1 ? raisedBy : Name(random),
                RaisingRole = number switch { 1 => role1, 2 => Roles2[random.Next(Roles2.Length)], 3 => Roles3[random.Next(Roles3.Length)], _ => "Partnership business manager" },
                RespondingUserId = number == 1 ? responder?.Id : null,
                RespondingName = number == 1 && responder is { } r ? r.DisplayName : Name(random),
                RespondingRole = number switch { 1 => "Social worker", 2 => "Team manager", 3 => "Head of service", _ => "Independent scrutineer" },
                Reason = number == 1 ? null : "Not resolved at the previous stage within its timescale",
            };
            escalation.Stages.Add(stage);
            (escalation.Stage, escalation.CurrentDueOn) = (number, due);
            if (highest == 0)
            {
                // Kept open at stage 1 (the demo users' own).
                return escalation;
            }

            var length = calendar.WorkingDaysBetween(startedOn, due);
            var ends = random.NextDouble() < 0.78 ? calendar.AddWorkingDays(startedOn, 1 + random.Next(Math.Max(1, length))) : calendar.AddWorkingDays(due, 1 + random.Next(5));
            if (ends > today)
            {
                if (calendar.AddWorkingDays(startedOn, 1) <= today && random.NextDouble() < 0.6)
                {
                    stage.Response = "We have looked at the decision again and will discuss it with you.";
                    stage.RespondedOn = calendar.AddWorkingDays(startedOn, 1);
                }

                return escalation;
            }

            stage.Response = number switch { 1 => "We have reviewed the decision with the practitioner.", 2 => "The managers met and agreed the next steps.", _ => "Reviewed at senior level." };
            stage.RespondedOn = ends;
            stage.EndedOn = ends;
            if (number >= highest)
            {
                var outcome = random.NextDouble() switch { < 0.82 => EscalationOutcome.Resolved, < 0.9 => EscalationOutcome.NotResolved, _ => EscalationOutcome.Withdrawn };
                escalation.Outcome = outcome;
                escalation.ClosedOn = ends;
                escalation.ClosedByName = stage.RaisingName;
                escalation.OutcomeNotes = outcome switch
                {
                    EscalationOutcome.Resolved => "Agreed: " + (pattern.Theme == EscalationTheme.ThresholdDecision ? "a strategy discussion was held and a section 47 enquiry started." : "the plan was reviewed and actions allocated."),
                    EscalationOutcome.NotResolved => "No agreement; the concern was recorded for the partnership's audit programme.",
                    _ => "Withdrawn after new information was shared.",
                };
                escalation.Learning = random.NextDouble() < 0.5 ? "Share the reasons for threshold decisions with the referrer on the day." : null;
                return escalation;
            }

            startedOn = ends;
        }

        return escalation;
    }

    /// <summary>The working day <paramref name="workingDays"/> working days before <paramref name="date"/>.</summary>
    private static DateOnly Back(WorkingDayCalendar calendar, DateOnly date, int workingDays)
    {
        for (var i = 0; i < workingDays; i++)
        {
            date = calendar.PreviousWorkingDay(date);
        }

        return date;
    }

    private static readonly string[] Families = ["Ahmed", "Brown", "Clarke", "Davies", "Evans", "Hussain", "Jones", "Khan", "Lee", "Nowak", "Patel", "Smith", "Taylor", "Walsh", "Wilson"];

    private static readonly string[] Given = ["Alex", "Bev", "Chris", "Dana", "Emma", "Faisal", "Gail", "Hamid", "Jo", "Kerry", "Lisa", "Mo", "Niamh", "Omar", "Priya", "Rob"];

    private static string Name(Random random) => $"{Given[random.Next(Given.Length)]} {Families[random.Next(Families.Length)]}";
}
