using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.Assurance;

/// <summary>One agency's answer to one question as typed: the RAG rating's name, the evidence and the action.</summary>
public sealed record AnswerInput(string? Rating, string? Evidence, string? Action);

/// <summary>A return with its round and, per question of the standard, the answer so far.</summary>
public sealed record SelfAssessmentReturnView(SelfAssessmentReturn Return, SelfAssessmentRound Round, string AgencyName, IReadOnlyList<(SelfAssessmentQuestion Question, SelfAssessmentAnswer? Answer)> Lines);

/// <summary>
/// The agency side of self-assessments: the returns asked of an agency (or school), each answered question by
/// question (RAG self-rating, evidence, action) and submitted only by a member of that agency.
/// </summary>
public sealed class SelfAssessmentReturnService(SafeguardDbContext db)
{
    public const string EntityType = "SelfAssessmentReturn";

    /// <summary>The actor's agency's returns, those of open rounds first, earliest due first.</summary>
    public async Task<IReadOnlyList<(SelfAssessmentReturn Return, SelfAssessmentRound Round)>> ForAgencyAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var agencyId = actor.AgencyId ?? Guid.Empty;
        var rows = await db.Set<SelfAssessmentReturn>().AsNoTracking().Where(r => r.AgencyId == agencyId)
            .Join(db.Set<SelfAssessmentRound>(), r => r.RoundId, s => s.Id, (r, s) => new { Return = r, Round = s })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(x => x.Round.Status != SelfAssessmentStatus.Open).ThenBy(x => x.Return.IsSubmitted).ThenByDescending(x => x.Round.YearStart).ThenBy(x => x.Return.DueOn)
            .Select(x => (x.Return, x.Round))];
    }

    /// <summary>A return for the agency asked (null for anyone else's); the business unit reads any with <paramref name="anyAgency"/>.</summary>
    public async Task<SelfAssessmentReturnView?> GetAsync(Guid returnId, Actor actor, bool anyAgency = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var row = await db.Set<SelfAssessmentReturn>().AsNoTracking().Include(r => r.Answers).Include(r => r.Agency)
            .FirstOrDefaultAsync(r => r.Id == returnId && (anyAgency || r.AgencyId == actor.AgencyId), cancellationToken);
        if (row is null)
        {
            return null;
        }

        var round = await db.Set<SelfAssessmentRound>().AsNoTracking().Include(r => r.Questions).FirstAsync(r => r.Id == row.RoundId, cancellationToken);
        return new SelfAssessmentReturnView(row, round, row.Agency!.Name,
            [.. round.Questions.OrderBy(q => q.StandardNumber).ThenBy(q => q.Number).Select(q => (q, row.Answers.FirstOrDefault(a => a.QuestionId == q.Id)))]);
    }

    /// <summary>
    /// Saves an agency's answers; with <paramref name="submit"/> every question needs a rating and evidence, and a red or
    /// amber rating an action. Only the agency asked may save, only while the round is open, never after submitting, and
    /// a save from an older version of the return is refused.
    /// </summary>
    public async Task SaveAsync(Guid returnId, int version, IReadOnlyDictionary<Guid, AnswerInput> answers, bool submit, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(actor);
        var row = await db.Set<SelfAssessmentReturn>().Include(r => r.Answers).FirstOrDefaultAsync(r => r.Id == returnId, cancellationToken)
            ?? throw new SafeguardValidationException("Return", "There is no such self-assessment return");
        if (actor.AgencyId != row.AgencyId)
        {
            throw new SafeguardValidationException("Return", "Only the agency asked can answer its self-assessment");
        }

        var round = await db.Set<SelfAssessmentRound>().AsNoTracking().Include(r => r.Questions).FirstAsync(r => r.Id == row.RoundId, cancellationToken);
        if (round.Status != SelfAssessmentStatus.Open)
        {
            throw new SafeguardValidationException("Return", "This self-assessment round is not taking returns");
        }

        if (row.SubmittedAt is { } earlier)
        {
            throw new SafeguardValidationException("Return", $"This return was submitted on {Problems.Format(UkTime.ToUkDate(earlier))} by {row.SubmittedBy}: it can no longer change");
        }

        var problems = new Problems();
        var parsed = new List<(Guid QuestionId, RagRating? Rating, string? Evidence, string? Action)>();
        foreach (var question in round.Questions.OrderBy(q => q.StandardNumber).ThenBy(q => q.Number))
        {
            var key = $"Q{question.StandardNumber}_{question.Number}";
            var input = answers.GetValueOrDefault(question.Id) ?? new AnswerInput(null, null, null);
            RagRating? rating = null;
            if (!string.IsNullOrWhiteSpace(input.Rating))
            {
                if (Enum.TryParse<RagRating>(input.Rating.Trim(), ignoreCase: true, out var r) && Enum.IsDefined(r))
                {
                    rating = r;
                }
                else
                {
                    problems.Add($"{key}.Rating", $"Select red, amber or green for {question.Reference}");
                }
            }
            else if (submit)
            {
                problems.Add($"{key}.Rating", $"Select your rating for {question.Reference}");
            }

            var evidence = problems.Optional($"{key}.Evidence", input.Evidence, $"The evidence for {question.Reference}", SelfAssessmentRound.MaxTextLength);
            if (submit && evidence is null)
            {
                problems.Add($"{key}.Evidence", $"Enter the evidence for {question.Reference}");
            }

            var action = problems.Optional($"{key}.Action", input.Action, $"The action for {question.Reference}", SelfAssessmentRound.MaxTextLength);
            if (submit && action is null && rating is RagRating.Red or RagRating.Amber)
            {
                problems.Add($"{key}.Action", $"Enter what your agency will do about {question.Reference}, rated {rating.ToString()!.ToLowerInvariant()}");
            }

            parsed.Add((question.Id, rating, evidence, action));
        }

        problems.ThrowIfAny();
        using var process = db.BeginProcess(submit ? "SelfAssessment.SubmitReturn" : "SelfAssessment.SaveReturn", actor);
        db.Entry(row).Property(r => r.Version).OriginalValue = version;
        foreach (var (questionId, rating, evidence, action) in parsed)
        {
            var answer = row.Answers.FirstOrDefault(a => a.QuestionId == questionId);
            if (rating is null && evidence is null && action is null)
            {
                if (answer is not null)
                {
                    db.Remove(answer);
                }

                continue;
            }

            if (answer is null)
            {
                answer = new SelfAssessmentAnswer { ReturnId = returnId, QuestionId = questionId };
                db.Add(answer);
            }

            answer.Rating = rating;
            answer.Evidence = evidence;
            answer.Action = action;
        }

        if (submit)
        {
            row.SubmittedAt = db.Time.GetUtcNow();
            row.SubmittedBy = actor.Name;
        }

        db.Entry(row).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
