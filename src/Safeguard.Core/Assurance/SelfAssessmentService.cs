using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.Assurance;

/// <summary>What the business unit types to start a round.</summary>
public sealed record NewRound(string? Title, SelfAssessmentKind? Kind, int? YearStart);

/// <summary>A question of the standard as typed (a new one when <see cref="QuestionId"/> is null).</summary>
public sealed record QuestionInput(Guid? QuestionId, int? StandardNumber, string? StandardTitle, string? Text);

/// <summary>What a challenge session decided about one answer; an action's fields are needed only when one is added.</summary>
public sealed record ChallengeInput(DateOnly? HeldOn, ChallengeOutcome? Outcome, RagRating? NewRating, string? Note, string? ActionDescription, string? ActionOwner, DateOnly? ActionDueOn);

/// <summary>A round as listed: how many were asked and how many returned.</summary>
public sealed record RoundSummary(SelfAssessmentRound Round, int Asked, int Returned)
{
    public decimal Rate => Asked == 0 ? 0 : Math.Round(100m * Returned / Asked, 1);
}

/// <summary>An agency's return as a row of the round's page: who owes, since when, reminders.</summary>
public sealed record ReturnRow(SelfAssessmentReturn Return, string AgencyName, bool Overdue, int Red, int Amber, int Green);

/// <summary>
/// Section 11 and section 175 self-assessments for the business unit: rounds by year with their standard (editable
/// while a draft), sending to agencies and schools with a due date, who still owes and reminders, challenge sessions
/// and their actions on the partnership's tracker.
/// </summary>
public sealed class SelfAssessmentService(SafeguardDbContext db)
{
    public const string EntityType = "SelfAssessmentRound";

    public async Task<SelfAssessmentRound> CreateAsync(NewRound input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = new Problems();
        var title = problems.Required("Title", input.Title, "Enter the round's title", SelfAssessmentRound.MaxTitleLength);
        if (input.Kind is null)
        {
            problems.Add("Kind", "Select section 11 or section 175");
        }

        var today = UkTime.Today(db.Time);
        if (input.YearStart is not { } year || year < 2000 || year > today.Year + 1)
        {
            problems.Add("YearStart", "Select the reporting year");
        }
        else if (input.Kind is { } k && await db.Set<SelfAssessmentRound>().AnyAsync(r => r.YearStart == year && r.Kind == k, cancellationToken))
        {
            problems.Add("YearStart", $"There is already a {SelfAssessmentStandards.KindName(k)} round for {new ReportingYear(year)}");
        }

        problems.ThrowIfAny();
        var round = new SelfAssessmentRound
        {
            Title = title,
            Kind = input.Kind!.Value,
            YearStart = input.YearStart!.Value,
            CreatedAt = db.Time.GetUtcNow(),
            CreatedBy = actor.Name,
        };
        foreach (var standard in SelfAssessmentStandards.For(round.Kind))
        {
            for (var i = 0; i < standard.Questions.Count; i++)
            {
                round.Questions.Add(new SelfAssessmentQuestion { RoundId = round.Id, StandardNumber = standard.Number, StandardTitle = standard.Title, Number = i + 1, Text = standard.Questions[i] });
            }
        }

        using var process = db.BeginProcess("SelfAssessment.CreateRound", actor);
        db.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        return round;
    }

    public async Task<IReadOnlyList<RoundSummary>> ListAsync(int? yearStart = null, CancellationToken cancellationToken = default)
    {
        var rounds = db.Set<SelfAssessmentRound>().AsNoTracking();
        if (yearStart is { } year)
        {
            rounds = rounds.Where(r => r.YearStart == year);
        }

        var list = await rounds.ToListAsync(cancellationToken);
        var ids = list.Select(r => r.Id).ToList();
        var counts = (await db.Set<SelfAssessmentReturn>().AsNoTracking().Where(r => ids.Contains(r.RoundId))
            .Select(r => new { r.RoundId, Submitted = r.SubmittedAt != null }).ToListAsync(cancellationToken))
            .GroupBy(r => r.RoundId).ToDictionary(g => g.Key, g => (Asked: g.Count(), Returned: g.Count(r => r.Submitted)));
        return [.. list.OrderByDescending(r => r.YearStart).ThenBy(r => r.Kind)
            .Select(r => new RoundSummary(r, counts.GetValueOrDefault(r.Id).Asked, counts.GetValueOrDefault(r.Id).Returned))];
    }

    public async Task<SelfAssessmentRound?> GetAsync(Guid roundId, CancellationToken cancellationToken = default) =>
        await db.Set<SelfAssessmentRound>().AsNoTracking().Include(r => r.Questions).FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);

    /// <summary>Adds or changes a question of a draft round's standard; the round's version guards against two people editing at once.</summary>
    public async Task SaveQuestionAsync(Guid roundId, int version, QuestionInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var round = await DraftAsync(roundId, cancellationToken);
        var problems = new Problems();
        if (input.StandardNumber is not { } number || number < 1 || number > 20)
        {
            problems.Add("StandardNumber", "Enter the standard's number, from 1 to 20");
        }

        var standardTitle = problems.Required("StandardTitle", input.StandardTitle, "Enter the standard's title", SelfAssessmentRound.MaxTitleLength);
        var text = problems.Required("Text", input.Text, "Enter the question", SelfAssessmentRound.MaxTextLength);
        var question = input.QuestionId is { } id ? round.Questions.FirstOrDefault(q => q.Id == id) : null;
        if (input.QuestionId is not null && question is null)
        {
            problems.Add("QuestionId", "There is no such question in this round");
        }

        problems.ThrowIfAny();
        using var process = db.BeginProcess(question is null ? "SelfAssessment.AddQuestion" : "SelfAssessment.ChangeQuestion", actor);
        db.Entry(round).Property(r => r.Version).OriginalValue = version;
        db.Entry(round).State = EntityState.Modified;
        var standard = input.StandardNumber!.Value;
        if (question is null)
        {
            var next = round.Questions.Where(q => q.StandardNumber == standard).Select(q => q.Number).DefaultIfEmpty(0).Max() + 1;
            db.Add(new SelfAssessmentQuestion { RoundId = roundId, StandardNumber = standard, StandardTitle = standardTitle, Number = next, Text = text });
        }
        else
        {
            if (question.StandardNumber != standard)
            {
                question.StandardNumber = standard;
                question.Number = round.Questions.Where(q => q.StandardNumber == standard).Select(q => q.Number).DefaultIfEmpty(0).Max() + 1;
            }

            question.StandardTitle = standardTitle;
            question.Text = text;
        }

        // One title per standard: renaming a standard on one question renames it on the others.
        foreach (var other in round.Questions.Where(q => q.StandardNumber == standard && q != question))
        {
            other.StandardTitle = standardTitle;
        }

        await SaveAsync(cancellationToken);
    }

    public async Task RemoveQuestionAsync(Guid roundId, int version, Guid questionId, Actor actor, CancellationToken cancellationToken = default)
    {
        var round = await DraftAsync(roundId, cancellationToken);
        var question = round.Questions.FirstOrDefault(q => q.Id == questionId) ?? throw new SafeguardValidationException("QuestionId", "There is no such question in this round");
        if (round.Questions.Count == 1)
        {
            throw new SafeguardValidationException("QuestionId", "A round needs at least one question");
        }

        using var process = db.BeginProcess("SelfAssessment.RemoveQuestion", actor);
        db.Entry(round).Property(r => r.Version).OriginalValue = version;
        db.Entry(round).State = EntityState.Modified;
        db.Remove(question);
        await SaveAsync(cancellationToken);
    }

    /// <summary>Sends a draft round to the agencies and schools chosen, by a due date; the standard is then fixed.</summary>
    public async Task SendAsync(Guid roundId, int version, IReadOnlyCollection<Guid> agencyIds, DateOnly? dueOn, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agencyIds);
        var round = await db.Set<SelfAssessmentRound>().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken)
            ?? throw new SafeguardValidationException("Round", "There is no such round");
        var problems = new Problems();
        if (round.Status != SelfAssessmentStatus.Draft)
        {
            problems.Add("AgencyIds", "This round has already been sent");
        }

        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id) && a.IsActive).Select(a => new { a.Id, a.Type, a.Phase }).ToListAsync(cancellationToken);
        if (agencies.Count == 0)
        {
            problems.Add("AgencyIds", round.Kind == SelfAssessmentKind.Section175 ? "Select the schools to ask" : "Select the agencies to ask");
        }
        else if (agencies.Count != agencyIds.Distinct().Count())
        {
            problems.Add("AgencyIds", "One of the agencies selected is not an active agency of the partnership");
        }

        if (dueOn is not { } due)
        {
            problems.Add("DueOn", "Enter the date the returns are due");
        }
        else if (due <= UkTime.Today(db.Time))
        {
            problems.Add("DueOn", "The due date must be in the future");
        }

        problems.ThrowIfAny();
        using var process = db.BeginProcess("SelfAssessment.SendRound", actor);
        db.Entry(round).Property(r => r.Version).OriginalValue = version;
        round.Status = SelfAssessmentStatus.Open;
        round.DueOn = dueOn;
        round.SentAt = db.Time.GetUtcNow();
        foreach (var agency in agencies)
        {
            db.Add(new SelfAssessmentReturn { RoundId = roundId, AgencyId = agency.Id, Sector = SelfAssessmentStandards.SectorOf(agency.Type, agency.Phase), DueOn = dueOn!.Value });
        }

        await SaveAsync(cancellationToken);
    }

    /// <summary>Closes an open round: returns not in by then count as not returned.</summary>
    public async Task CloseAsync(Guid roundId, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        var round = await db.Set<SelfAssessmentRound>().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken)
            ?? throw new SafeguardValidationException("Round", "There is no such round");
        if (round.Status != SelfAssessmentStatus.Open)
        {
            throw new SafeguardValidationException("Round", "Only a round that has been sent and is still open can be closed");
        }

        using var process = db.BeginProcess("SelfAssessment.CloseRound", actor);
        db.Entry(round).Property(r => r.Version).OriginalValue = version;
        round.Status = SelfAssessmentStatus.Closed;
        round.ClosedOn = UkTime.Today(db.Time);
        await SaveAsync(cancellationToken);
    }

    /// <summary>Every return of a round: those still owed first (overdue first), then those in, with their RAG counts.</summary>
    public async Task<IReadOnlyList<ReturnRow>> ReturnsAsync(Guid roundId, CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(db.Time);
        var rows = await db.Set<SelfAssessmentReturn>().AsNoTracking().Where(r => r.RoundId == roundId).Include(r => r.Agency).Include(r => r.Answers).ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new ReturnRow(r, r.Agency!.Name, !r.IsSubmitted && today > r.DueOn,
                r.Answers.Count(a => a.FinalRating == RagRating.Red), r.Answers.Count(a => a.FinalRating == RagRating.Amber), r.Answers.Count(a => a.FinalRating == RagRating.Green)))
            .OrderBy(r => r.Return.IsSubmitted).ThenByDescending(r => r.Overdue).ThenBy(r => r.Return.Sector, StringComparer.Ordinal).ThenBy(r => r.AgencyName, StringComparer.Ordinal)];
    }

    /// <summary>Logs a reminder to an agency that still owes its return.</summary>
    public async Task RemindAsync(Guid returnId, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<SelfAssessmentReturn>().FirstOrDefaultAsync(r => r.Id == returnId, cancellationToken)
            ?? throw new SafeguardValidationException("Return", "There is no such return");
        if (row.IsSubmitted)
        {
            throw new SafeguardValidationException("Return", "This return is already in: there is nothing to remind about");
        }

        using var process = db.BeginProcess("SelfAssessment.Remind", actor);
        db.Entry(row).Property(r => r.Version).OriginalValue = version;
        row.Reminders++;
        row.LastRemindedOn = UkTime.Today(db.Time);
        await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Records what a challenge session decided about one answer of a submitted return: accepted, the rating changed
    /// (kept beside the agency's own), or an action added to the partnership's tracker.
    /// </summary>
    public async Task<SelfAssessmentChallenge> ChallengeAsync(Guid returnId, Guid questionId, int answerVersion, ChallengeInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var row = await db.Set<SelfAssessmentReturn>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == returnId, cancellationToken)
            ?? throw new SafeguardValidationException("Return", "There is no such return");
        var answer = await db.Set<SelfAssessmentAnswer>().FirstOrDefaultAsync(a => a.ReturnId == returnId && a.QuestionId == questionId, cancellationToken);
        var problems = new Problems();
        if (!row.IsSubmitted || answer is null)
        {
            throw new SafeguardValidationException("Return", "Only a submitted return's answers can be challenged");
        }

        var today = UkTime.Today(db.Time);
        if (input.HeldOn is not { } held)
        {
            problems.Add("HeldOn", "Enter the date of the challenge session");
        }
        else
        {
            problems.CheckDate("HeldOn", held, today, "The challenge session's date", UkTime.ToUkDate(row.SubmittedAt!.Value), "the return's submission");
        }

        if (input.Outcome is not { } outcome)
        {
            problems.Add("Outcome", "Select the challenge's outcome");
        }
        else if (outcome == ChallengeOutcome.RatingChanged && (input.NewRating is null || input.NewRating == answer.FinalRating))
        {
            problems.Add("NewRating", "Select the rating agreed at the challenge, different from the current one");
        }

        var note = problems.Optional("Note", input.Note, "The note", SelfAssessmentRound.MaxTextLength);
        string? description = null, owner = null;
        if (input.Outcome == ChallengeOutcome.ActionAdded)
        {
            description = problems.Required("ActionDescription", input.ActionDescription, "Enter the action", SelfAssessmentRound.MaxTextLength);
            owner = problems.Required("ActionOwner", input.ActionOwner, "Enter who owns the action", 200);
            if (input.ActionDueOn is not { } actionDue)
            {
                problems.Add("ActionDueOn", "Enter the action's due date");
            }
            else if (actionDue < today)
            {
                problems.Add("ActionDueOn", "The action's due date must be today or later");
            }
        }

        problems.ThrowIfAny();
        using var process = db.BeginProcess("SelfAssessment.Challenge", actor);
        db.Entry(answer).Property(a => a.Version).OriginalValue = answerVersion;
        var challenge = new SelfAssessmentChallenge
        {
            ReturnId = returnId,
            QuestionId = questionId,
            HeldOn = input.HeldOn!.Value,
            Outcome = input.Outcome!.Value,
            RatingBefore = answer.FinalRating,
            Note = note,
            RecordedBy = actor.Name,
        };
        if (challenge.Outcome == ChallengeOutcome.RatingChanged)
        {
            answer.AgreedRating = input.NewRating;
        }

        challenge.RatingAfter = answer.FinalRating;
        db.Entry(answer).State = EntityState.Modified;
        db.Add(challenge);
        if (challenge.Outcome == ChallengeOutcome.ActionAdded)
        {
            db.Add(new SelfAssessmentAction
            {
                RoundId = row.RoundId,
                ReturnId = returnId,
                QuestionId = questionId,
                Description = description!,
                OwningAgencyId = row.AgencyId,
                Owner = owner!,
                DueOn = input.ActionDueOn!.Value,
            });
        }

        await SaveAsync(cancellationToken);
        return challenge;
    }

    public async Task<IReadOnlyList<SelfAssessmentChallenge>> ChallengesAsync(Guid returnId, CancellationToken cancellationToken = default) =>
        [.. (await db.Set<SelfAssessmentChallenge>().AsNoTracking().Where(c => c.ReturnId == returnId).ToListAsync(cancellationToken)).OrderBy(c => c.HeldOn)];

    public async Task<IReadOnlyList<SelfAssessmentAction>> ActionsAsync(Guid roundId, CancellationToken cancellationToken = default) =>
        [.. (await db.Set<SelfAssessmentAction>().AsNoTracking().Include(a => a.OwningAgency).Where(a => a.RoundId == roundId).ToListAsync(cancellationToken))
            .OrderBy(a => a.DueOn).ThenBy(a => a.OwningAgency!.Name, StringComparer.Ordinal)];

    /// <summary>Moves an action on: in progress, completed with evidence, signed off or declined.</summary>
    public async Task UpdateActionAsync(Guid actionId, int version, ReviewActionStatus? status, string? evidence, Actor actor, CancellationToken cancellationToken = default)
    {
        var action = await db.Set<SelfAssessmentAction>().FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken)
            ?? throw new SafeguardValidationException("Action", "There is no such action");
        var problems = new Problems();
        if (status is null)
        {
            problems.Add("Status", "Select the action's status");
        }

        var text = problems.Optional("Evidence", evidence, "The evidence", SelfAssessmentRound.MaxTextLength);
        if (status is ReviewActionStatus.Completed or ReviewActionStatus.SignedOff && text is null && action.Evidence is null)
        {
            problems.Add("Evidence", "Enter the evidence that the action is done");
        }

        problems.ThrowIfAny();
        using var process = db.BeginProcess("SelfAssessment.UpdateAction", actor);
        db.Entry(action).Property(a => a.Version).OriginalValue = version;
        action.Status = status!.Value;
        action.Evidence = text ?? action.Evidence;
        action.CompletedOn = status is ReviewActionStatus.Completed or ReviewActionStatus.SignedOff ? action.CompletedOn ?? UkTime.Today(db.Time) : null;
        await SaveAsync(cancellationToken);
    }

    private async Task<SelfAssessmentRound> DraftAsync(Guid roundId, CancellationToken cancellationToken)
    {
        var round = await db.Set<SelfAssessmentRound>().Include(r => r.Questions).FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken)
            ?? throw new SafeguardValidationException("Round", "There is no such round");
        if (round.Status != SelfAssessmentStatus.Draft)
        {
            throw new SafeguardValidationException("Round", "The standard can change only before the round is sent");
        }

        return round;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
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
