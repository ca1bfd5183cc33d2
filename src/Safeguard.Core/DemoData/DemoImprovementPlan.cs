using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.ImprovementPlan;
using Safeguard.Persistence;

namespace Safeguard.DemoData;

/// <summary>
/// The partnership's improvement plan, after the area's December 2023 progress report: its seven outcomes under two
/// themes, their workstreams led by partner agencies' staff (the demo users), milestones and actions (some met on time,
/// some late, some overdue), quarterly ratings over the last periods with a history of re-ratings, and each period's
/// key achievements and challenges.
/// </summary>
public static class DemoImprovementPlan
{
    private const string Conditions = "Create the conditions for good practice";
    private const string Practice = "Improve the quality of practice";

    private static readonly (string Theme, string Outcome, (string Title, string Lead, string[] Milestones)[] Workstreams)[] Outcomes =
    [
        (Conditions, "Strengthen the effectiveness of multi-agency governance and partnership arrangements and support provided to children, young people and their families",
            [("Governance arrangements", "partner.health", ["Refreshed safeguarding arrangements published", "Rapid review backlog cleared"]),
             ("Partnership strategies to ensure co-ordinated response to missing & exploitation", "partner.police", ["Complex Safeguarding Strategy refreshed", "Training offer for GPs and A&E staff"])]),
        (Conditions, "Establish a stable and effective leadership and management team",
            [("Permanent leadership team with sufficient senior leadership capacity", "team.manager", ["Recruit to permanent Practice Director", "Begin SLIP support for managers with Cheshire West & Chester"])]),
        (Conditions, "Build a skilled, confident and experienced workforce",
            [("Rolling recruitment", "data.council", ["Re-constituted Workforce Board to reconvene", "Review of induction checklists by PSW"]),
             ("Social work academy approach", "team.manager", ["Practice Standards launched"])]),
        (Practice, "Improve Performance Management, Quality Assurance and Management Information Systems to develop and support good social work practice",
            [("Ensure Quality Assurance Framework supports focused, ongoing improvement", "data.council", ["QA Officers commence in post", "LCS system diagnostic"])]),
        (Practice, "Identify and effectively support children and families in need of help and protection",
            [("Implement Family Safeguarding", "partner.police", ["Recruit to remaining adult practitioner roles in Family Safeguarding teams"]),
             ("Consistent offer of Early Help across universal and targeted services", "early.help", ["First Family Hub opened", "Early help assessments led by partners"])]),
        (Practice, "Ensure purposeful and timely care planning that directs proportionate and effective interventions for children and improves their outcomes",
            [("IROs driving improved outcomes for children through permanence planning", "data.council", ["Recruitment to Psychologist for Family Safeguarding role"])]),
        (Practice, "Develop a strategic and co-ordinated approach to providing support for care leavers to improve their outcomes",
            [("Care leavers' local offer", "early.help", ["Launch new local offer for care leavers"])]),
    ];

    private static readonly string[] Achievements = ["Formal launch of Family Safeguarding", "Launch of GM Social Work Pledge", "First Family Hub opened – East Bury", "Workforce Board reconvened", "Continuum of Need briefings: 165 staff attended"];

    private static readonly string[] Challenges = ["Recruitment/use of agency staff", "Consistency of practice", "Return home interviews declined by some children", "Caseloads averaging 20 per worker"];

    public static async Task<int> SeedAsync(SafeguardDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Set<Plan>().AnyAsync(cancellationToken))
        {
            return 0;
        }

        var names = Outcomes.SelectMany(o => o.Workstreams).Select(w => w.Lead).Append("data.police").Append("partner").Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.DisplayName, u.AgencyId), cancellationToken);
        if (users.Count != names.Count)
        {
            return 0;
        }

        var random = new Random(2025);
        var today = UkTime.Today(db.Time);
        var current = PlanPeriod.Of(ReportingFrequency.Quarterly, today);
        var start = current.Previous.Previous.Previous.Previous.Start;
        var plan = new Plan { Title = $"Improvement plan {start.Year}-{(start.Year + 2) % 100:00}", StartsOn = start, EndsOn = start.AddYears(2).AddDays(-1), Frequency = ReportingFrequency.Quarterly, CreatedAt = UkTime.StartOfDay(start).AddHours(9), CreatedBy = "Bea Business" };
        var periods = PlanPeriod.Between(plan.Frequency, plan.StartsOn, today).Reverse().ToList();
        var owners = new[] { "data.police", "partner", "data.council", "partner.health" };
        using var process = db.BeginProcess("Demo.ImprovementPlan", actor);
        db.Add(plan);
        var number = 0;
        foreach (var (theme, title, workstreams) in Outcomes)
        {
            var outcome = new PlanOutcome { PlanId = plan.Id, Number = ++number, Title = title, Theme = theme };
            db.Add(outcome);
            var outcomeRatings = new List<ProgressRating>();
            foreach (var (wsTitle, leadName, milestones) in workstreams)
            {
                var lead = users[leadName];
                var workstream = new Workstream { PlanId = plan.Id, OutcomeId = outcome.Id, Title = wsTitle, LeadUserId = lead.Id, LeadName = lead.DisplayName, LeadAgencyId = lead.AgencyId, Impact = "Arrangements are meeting regularly with clear terms of reference; more to do to show impact on practice." };
                db.Add(workstream);
                var step = 0;
                foreach (var m in milestones)
                {
                    var owner = users[owners[random.Next(owners.Length)]];
                    var due = plan.StartsOn.AddDays(60 + (110 * step++) + random.Next(0, 200));
                    var action = new PlanAction { PlanId = plan.Id, WorkstreamId = workstream.Id, Kind = PlanActionKind.Milestone, Title = m, DueOn = due, OwnerUserId = owner.Id, OwnerName = owner.DisplayName, OwnerAgencyId = owner.AgencyId };
                    if (due < today.AddDays(-20) && random.Next(4) > 0)
                    {
                        action.Status = PlanActionStatus.Completed;
                        action.CompletedOn = due.AddDays(random.Next(-20, 25));
                    }
                    else
                    {
                        action.Status = due < today.AddDays(30) ? PlanActionStatus.InProgress : PlanActionStatus.NotStarted;
                    }

                    db.Add(action);
                    foreach (var period in periods.Where(p => p.Start <= due.AddDays(90)))
                    {
                        var done = action.CompletedOn is { } c && c <= period.End;
                        Rate(db, plan, RatedItemKind.Action, action.Id, period, done ? ProgressRating.Finished : period.End < due.AddDays(-120) ? ProgressRating.NotStarted : Pick(random), owner.DisplayName, owner.Id, random);
                    }
                }

                var rating = ProgressRating.NotStarted;
                foreach (var period in periods)
                {
                    rating = period == periods[0] ? ProgressRating.NotStarted : Pick(random);
                    Rate(db, plan, RatedItemKind.Workstream, workstream.Id, period, rating, lead.DisplayName, lead.Id, random);
                }

                outcomeRatings.Add(rating);
            }

            foreach (var period in periods)
            {
                var worst = period == periods[^1] && outcomeRatings.Count > 0 ? outcomeRatings.Min() : period == periods[0] ? ProgressRating.NotStarted : ProgressRating.IssuesMayDelay;
                Rate(db, plan, RatedItemKind.Outcome, outcome.Id, period, worst, "Bea Business", null, random);
            }
        }

        foreach (var period in periods.Skip(1))
        {
            db.Add(new PlanPeriodSummary
            {
                PlanId = plan.Id,
                Period = period.Key,
                KeyAchievements = string.Join('\n', Achievements.OrderBy(_ => random.Next()).Take(3)),
                KeyChallenges = string.Join('\n', Challenges.OrderBy(_ => random.Next()).Take(2)),
                UpdatedAt = UkTime.StartOfDay(period.End.AddDays(10) < today ? period.End.AddDays(10) : today).AddHours(10),
                UpdatedBy = "Bea Business",
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return 1;
    }

    private static ProgressRating Pick(Random random) => random.Next(10) switch
    {
        0 => ProgressRating.MajorIssues,
        < 5 => ProgressRating.IssuesMayDelay,
        _ => ProgressRating.OnTrack,
    };

    /// <summary>A period's rating; now and then an earlier rating for the same period that it superseded, as the history keeps.</summary>
    private static void Rate(SafeguardDbContext db, Plan plan, RatedItemKind kind, Guid itemId, PlanPeriod period, ProgressRating rating, string by, Guid? byId, Random random)
    {
        var day = period.End.AddDays(-5 - random.Next(5));
        var today = UkTime.Today(db.Time);
        var at = UkTime.StartOfDay(day < today ? day : today.AddDays(-1)).AddHours(11);
        Guid? superseded = null;
        if (random.Next(6) == 0 && rating != ProgressRating.NotStarted)
        {
            var first = new PlanRating { PlanId = plan.Id, ItemKind = kind, ItemId = itemId, Period = period.Key, Rating = rating == ProgressRating.OnTrack ? ProgressRating.IssuesMayDelay : ProgressRating.OnTrack, Commentary = "First rating, revisited at the improvement board", RatedAt = at.AddDays(-10), RatedBy = by, RatedByUserId = byId };
            db.Add(first);
            superseded = first.Id;
        }

        db.Add(new PlanRating
        {
            PlanId = plan.Id,
            ItemKind = kind,
            ItemId = itemId,
            Period = period.Key,
            Rating = rating,
            Commentary = rating is ProgressRating.MajorIssues or ProgressRating.IssuesMayDelay ? "Recruitment delays; action agreed at the improvement board" : null,
            RatedAt = at,
            RatedBy = by,
            RatedByUserId = byId,
            SupersedesId = superseded,
        });
    }
}
