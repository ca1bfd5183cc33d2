using Microsoft.EntityFrameworkCore;
using Safeguard.Assurance;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Organisations;
using Safeguard.Persistence;

namespace Safeguard.DemoData;

/// <summary>
/// Three years of section 11 and section 175 self-assessment (the last two closed, this year's open): the area's
/// schools as agencies with their phase (64: 48 primary, 12 secondary, 4 special), a section 175 return rate of
/// about 54% (as the area's annual report gives it: 53.8%, lower in secondary schools), most partner agencies
/// returning their section 11, ratings mostly green with some amber and red, challenge sessions and their actions.
/// </summary>
public static class DemoSelfAssessments
{
    private static readonly string[] Places = ["Brookside", "St Mary's", "Holly Bank", "Elton", "Chesham", "Redvales", "Fairfield", "Tottington", "Ramsbottom", "Whitefield", "Unsworth", "Radcliffe", "Summerseat", "Walshaw", "Greenmount", "Prestwich"];

    private static readonly string[] GreenEvidence = ["Policy reviewed this year and on the intranet", "Training records show 96% of staff up to date", "Board minutes record the annual safeguarding report", "Audit of supervision files in the autumn"];

    private static readonly string[] AmberEvidence = ["Policy in place but overdue for review", "Training rates at 78%, below the 90% target", "Some records do not show the reason for sharing"];

    private static readonly string[] Actions = ["Review the policy by the end of the spring term", "Run catch-up training sessions and report the rate to the board", "Remind staff to record information-sharing decisions and re-audit"];

    public static async Task<int> SeedAsync(SafeguardDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Set<SelfAssessmentRound>().AnyAsync(cancellationToken))
        {
            return 0;
        }

        var random = new Random(175);
        var today = UkTime.Today(db.Time);
        var current = ReportingYear.Of(today);
        using var process = db.BeginProcess("Demo.SelfAssessments", actor);
        var schools = await db.Agencies.Where(a => a.Type == AgencyType.School && a.Phase != null).ToListAsync(cancellationToken);
        if (schools.Count == 0)
        {
            var phases = Enumerable.Repeat(SchoolPhase.Primary, 48).Concat(Enumerable.Repeat(SchoolPhase.Secondary, 12)).Concat(Enumerable.Repeat(SchoolPhase.Special, 4)).ToList();
            for (var i = 0; i < phases.Count; i++)
            {
                var phase = phases[i];
                var kind = phase switch { SchoolPhase.Primary => "Primary School", SchoolPhase.Secondary => "High School", _ => "School (special)" };
                var place = Places[i % Places.Length];
                var name = i < Places.Length || phase != SchoolPhase.Primary ? $"{place} {kind}" : $"{place} {(i / Places.Length == 1 ? "Church of England" : "Community")} {kind}";
                var school = new Agency { Name = name, Code = $"SCH{i + 1:000}", Type = AgencyType.School, Phase = phase };
                db.Agencies.Add(school);
                schools.Add(school);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        var partners = await db.Agencies.AsNoTracking().Where(a => a.IsActive && a.Type != AgencyType.School && a.Code != "SP").ToListAsync(cancellationToken);
        var rounds = 0;
        for (var back = 2; back >= 0; back--)
        {
            var year = new ReportingYear(current.StartYear - back);
            foreach (var kind in new[] { SelfAssessmentKind.Section11, SelfAssessmentKind.Section175 })
            {
                var open = back == 0;
                var sent = year.Start.AddMonths(6);
                var due = open ? (today.AddDays(28) > year.Start.AddMonths(9) ? today.AddDays(28) : year.Start.AddMonths(9)) : year.Start.AddMonths(9);
                var round = new SelfAssessmentRound
                {
                    Title = $"{SelfAssessmentStandards.KindName(kind)} self-assessment {year.Name}",
                    Kind = kind,
                    YearStart = year.StartYear,
                    Status = open ? SelfAssessmentStatus.Open : SelfAssessmentStatus.Closed,
                    DueOn = due,
                    SentAt = UkTime.StartOfDay(sent).AddHours(9),
                    ClosedOn = open ? null : due.AddDays(30),
                    CreatedAt = UkTime.StartOfDay(sent.AddDays(-14)).AddHours(9),
                    CreatedBy = "Bea Business",
                };
                foreach (var standard in SelfAssessmentStandards.For(kind))
                {
                    for (var q = 0; q < standard.Questions.Count; q++)
                    {
                        round.Questions.Add(new SelfAssessmentQuestion { RoundId = round.Id, StandardNumber = standard.Number, StandardTitle = standard.Title, Number = q + 1, Text = standard.Questions[q] });
                    }
                }

                db.Add(round);
                rounds++;
                var asked = kind == SelfAssessmentKind.Section175
                    ? schools.Select(s => (s.Id, s.Type, s.Phase, s.Code)).ToList()
                    : partners.Select(a => (a.Id, a.Type, a.Phase, a.Code)).ToList();
                var challenged = 0;
                foreach (var (agencyId, type, phase, code) in asked)
                {
                    // Section 175: about 58% of primary schools, a third of secondary schools and half of special schools
                    // return (53.8% overall); this year's round is part way through. Section 11: the police owe this
                    // year's, every other partner returns.
                    var chance = kind == SelfAssessmentKind.Section11 ? (open && code == "POLICE" ? 0 : 0.95)
                        : phase == SchoolPhase.Secondary ? 0.34 : phase == SchoolPhase.Special ? 0.5 : 0.59;
                    if (open)
                    {
                        chance *= 0.7;
                    }

                    var returned = random.NextDouble() < chance;
                    var row = new SelfAssessmentReturn
                    {
                        RoundId = round.Id,
                        AgencyId = agencyId,
                        Sector = SelfAssessmentStandards.SectorOf(type, phase),
                        DueOn = due,
                        Reminders = returned ? 0 : 1 + random.Next(2),
                        LastRemindedOn = returned ? null : (open ? today.AddDays(-7) : due.AddDays(7)),
                    };
                    if (returned)
                    {
                        var submitted = sent.AddDays(20 + random.Next(Math.Max(1, due.DayNumber - sent.DayNumber)));
                        submitted = submitted > today ? today : submitted;
                        row.SubmittedAt = UkTime.StartOfDay(submitted).AddHours(11);
                        row.SubmittedBy = kind == SelfAssessmentKind.Section175 ? "Designated safeguarding lead" : "Safeguarding lead";
                        row.Reminders = random.NextDouble() < 0.3 ? 1 : 0;
                        row.LastRemindedOn = row.Reminders == 0 ? null : due.AddDays(-7);
                        foreach (var question in round.Questions)
                        {
                            var roll = random.NextDouble();
                            var rating = roll < 0.08 ? RagRating.Red : roll < 0.33 ? RagRating.Amber : RagRating.Green;
                            var answer = new SelfAssessmentAnswer
                            {
                                ReturnId = row.Id,
                                QuestionId = question.Id,
                                Rating = rating,
                                Evidence = rating == RagRating.Green ? GreenEvidence[random.Next(GreenEvidence.Length)] : AmberEvidence[random.Next(AmberEvidence.Length)],
                                Action = rating == RagRating.Green ? null : Actions[random.Next(Actions.Length)],
                            };
                            row.Answers.Add(answer);

                            // Challenge sessions in the closed rounds, for section 11 and a sample of schools.
                            if (!open && (kind == SelfAssessmentKind.Section11 || challenged < 6) && question.Number == 1 && question.StandardNumber <= 2)
                            {
                                var outcome = rating == RagRating.Green && random.NextDouble() < 0.25 ? ChallengeOutcome.RatingChanged
                                    : rating != RagRating.Green ? ChallengeOutcome.ActionAdded : ChallengeOutcome.Accepted;
                                var held = UkTime.ToUkDate(row.SubmittedAt.Value).AddDays(21);
                                var challenge = new SelfAssessmentChallenge
                                {
                                    ReturnId = row.Id,
                                    QuestionId = question.Id,
                                    HeldOn = held > today ? today : held,
                                    Outcome = outcome,
                                    RatingBefore = rating,
                                    RatingAfter = outcome == ChallengeOutcome.RatingChanged ? RagRating.Amber : rating,
                                    Note = outcome switch
                                    {
                                        ChallengeOutcome.RatingChanged => "The evidence did not bear out green: training figures were a year old",
                                        ChallengeOutcome.ActionAdded => "The panel agreed the rating and asked for a dated action",
                                        _ => "Evidence seen and accepted",
                                    },
                                    RecordedBy = "Bea Business",
                                };
                                if (outcome == ChallengeOutcome.RatingChanged)
                                {
                                    answer.AgreedRating = RagRating.Amber;
                                }

                                db.Add(challenge);
                                if (outcome == ChallengeOutcome.ActionAdded)
                                {
                                    var actionDue = challenge.HeldOn.AddMonths(4);
                                    db.Add(new SelfAssessmentAction
                                    {
                                        RoundId = round.Id,
                                        ReturnId = row.Id,
                                        QuestionId = question.Id,
                                        Description = answer.Action ?? Actions[0],
                                        OwningAgencyId = agencyId,
                                        Owner = kind == SelfAssessmentKind.Section175 ? "Headteacher" : "Safeguarding lead",
                                        DueOn = actionDue,
                                        Status = back == 2 ? ReviewActionStatus.SignedOff : actionDue < today ? ReviewActionStatus.Completed : ReviewActionStatus.InProgress,
                                        Evidence = back == 2 || actionDue < today ? "Done: reported to the quality assurance subgroup" : null,
                                        CompletedOn = back == 2 || actionDue < today ? actionDue : null,
                                    });
                                }

                                challenged++;
                            }
                        }
                    }

                    db.Add(row);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return rounds;
    }
}
