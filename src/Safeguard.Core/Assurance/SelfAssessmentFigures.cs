using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Timescales;
using Safeguard.Work;

namespace Safeguard.Assurance;

/// <summary>Returns asked and returned in one sector (primary schools, police...).</summary>
public sealed record SectorRate(string Sector, int Asked, int Returned)
{
    public decimal Rate => Asked == 0 ? 0 : Math.Round(100m * Returned / Asked, 1);
}

/// <summary>How the submitted answers under one standard were rated (after challenge).</summary>
public sealed record StandardRag(int Number, string Title, int Red, int Amber, int Green)
{
    public int Total => Red + Amber + Green;
}

/// <summary>A round's figures for the annual report.</summary>
public sealed record RoundFigures(
    SelfAssessmentKind Kind,
    string Title,
    SelfAssessmentStatus Status,
    IReadOnlyList<SectorRate> Sectors,
    IReadOnlyList<StandardRag> Standards,
    IReadOnlyDictionary<ChallengeOutcome, int> Challenges,
    int Actions,
    int ActionsOutstanding)
{
    public int Asked => Sectors.Sum(s => s.Asked);

    public int Returned => Sectors.Sum(s => s.Returned);

    public decimal Rate => Asked == 0 ? 0 : Math.Round(100m * Returned / Asked, 1);
}

/// <summary>
/// The annual report's figures on section 11 and section 175 self-assessment, as data: return rates by sector and the
/// RAG distribution by standard for each round of the year, challenge outcomes and actions.
/// </summary>
public sealed class SelfAssessmentFigures(SafeguardDbContext db)
{
    public async Task<IReadOnlyList<RoundFigures>> ForYearAsync(ReportingYear year, CancellationToken cancellationToken = default)
    {
        var rounds = await db.Set<SelfAssessmentRound>().AsNoTracking().Include(r => r.Questions).Where(r => r.YearStart == year.StartYear).ToListAsync(cancellationToken);
        var result = new List<RoundFigures>();
        foreach (var round in rounds.OrderBy(r => r.Kind))
        {
            var returns = await db.Set<SelfAssessmentReturn>().AsNoTracking().Where(r => r.RoundId == round.Id)
                .Select(r => new { r.Id, r.Sector, Submitted = r.SubmittedAt != null }).ToListAsync(cancellationToken);
            var submitted = returns.Where(r => r.Submitted).Select(r => r.Id).ToList();
            var answers = await db.Set<SelfAssessmentAnswer>().AsNoTracking().Where(a => submitted.Contains(a.ReturnId))
                .Select(a => new { a.QuestionId, a.Rating, a.AgreedRating }).ToListAsync(cancellationToken);
            var standardOf = round.Questions.ToDictionary(q => q.Id, q => q.StandardNumber);
            var ids = returns.Select(r => r.Id).ToList();
            var challenges = await db.Set<SelfAssessmentChallenge>().AsNoTracking().Where(c => ids.Contains(c.ReturnId))
                .GroupBy(c => c.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var actions = await db.Set<SelfAssessmentAction>().AsNoTracking().Where(a => a.RoundId == round.Id).Select(a => a.Status).ToListAsync(cancellationToken);
            result.Add(new RoundFigures(
                round.Kind,
                round.Title,
                round.Status,
                [.. returns.GroupBy(r => r.Sector).Select(g => new SectorRate(g.Key, g.Count(), g.Count(r => r.Submitted))).OrderBy(s => s.Sector, StringComparer.Ordinal)],
                [.. round.Questions.GroupBy(q => (q.StandardNumber, q.StandardTitle)).OrderBy(g => g.Key.StandardNumber).Select(g =>
                {
                    var ratings = answers.Where(a => standardOf.GetValueOrDefault(a.QuestionId) == g.Key.StandardNumber).Select(a => a.AgreedRating ?? a.Rating).ToList();
                    return new StandardRag(g.Key.StandardNumber, g.Key.StandardTitle, ratings.Count(r => r == RagRating.Red), ratings.Count(r => r == RagRating.Amber), ratings.Count(r => r == RagRating.Green));
                })],
                Enum.GetValues<ChallengeOutcome>().ToDictionary(o => o, o => challenges.FirstOrDefault(c => c.Key == o)?.Count ?? 0),
                actions.Count,
                actions.Count(s => s is CaseReviews.ReviewActionStatus.NotStarted or CaseReviews.ReviewActionStatus.InProgress or CaseReviews.ReviewActionStatus.Completed)));
        }

        return result;
    }
}

/// <summary>
/// The self-assessment returns an agency (or school) still owes on open rounds, on the due work of each member of the
/// agency who answers for it (<see cref="Permissions.AnswerAssurance"/>), like audit returns.
/// </summary>
public sealed class SelfAssessmentDueWorkSource(SafeguardDbContext db, CalendarAdministration calendar) : IDueWorkSource
{
    /// <summary>A self-assessment's due date is set by the business unit when it sends the round.</summary>
    public static readonly TimescaleRule Rule = TimescaleRule.DueDateSetBy(
        "self-assessment-return",
        "An agency's section 11 or a school's section 175 self-assessment return",
        "the round being sent",
        "The business unit's request");

    public async Task<IReadOnlyList<DueItem>> DueAsync(DueWorkQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.WorkerId is not { } worker)
        {
            return [];
        }

        var agencyId = await UserPermissions.AgencyAnsweringAsync(db, worker, Permissions.AnswerAssurance, cancellationToken);
        if (agencyId is null)
        {
            return [];
        }

        var owed = await db.Set<SelfAssessmentReturn>().AsNoTracking()
            .Where(r => r.AgencyId == agencyId && r.SubmittedAt == null)
            .Join(db.Set<SelfAssessmentRound>().Where(s => s.Status == SelfAssessmentStatus.Open), r => r.RoundId, s => s.Id, (r, s) => new { r.Id, s.Title, s.Kind, r.DueOn, s.SentAt })
            .ToListAsync(cancellationToken);
        if (owed.Count == 0)
        {
            return [];
        }

        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        return [.. owed.Select(o =>
        {
            var sent = o.SentAt is { } at ? UkTime.ToUkDate(at) : o.DueOn;
            return new DueItem(
                null,
                SelfAssessmentStandards.KindName(o.Kind),
                "Self-assessment: " + (o.Title.Length <= 80 ? o.Title : o.Title[..79] + "…"),
                null,
                worker,
                deadlines.Assess(new Deadline(Rule, sent > o.DueOn ? o.DueOn : sent, o.DueOn)),
                $"/my-agency/self-assessments/{o.Id}");
        })];
    }
}
