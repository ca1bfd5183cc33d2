using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.ImprovementPlan;

/// <summary>What the business unit types to start a plan.</summary>
public sealed record NewPlan(string? Title, DateOnly? StartsOn, DateOnly? EndsOn, ReportingFrequency? Frequency);

/// <summary>An outcome as typed: its number in the plan, its title and the theme it sits under.</summary>
public sealed record OutcomeInput(int? Number, string? Title, string? Theme);

/// <summary>A workstream as typed: its title and its lead (a user; their agency is the lead agency).</summary>
public sealed record WorkstreamInput(string? Title, Guid? LeadUserId, string? Impact);

/// <summary>A milestone or action as typed.</summary>
public sealed record ActionInput(PlanActionKind? Kind, string? Title, DateOnly? DueOn, Guid? OwnerUserId);

/// <summary>
/// A milestone or action as changed by the business unit: what it is, when it is due, who owns it, where it stands and,
/// when completed, the day it was (today when not given).
/// </summary>
public sealed record ActionChange(PlanActionKind? Kind, string? Title, DateOnly? DueOn, Guid? OwnerUserId, PlanActionStatus? Status, DateOnly? CompletedOn);

/// <summary>A rating as typed: the period's key, the rating and what lies behind it.</summary>
public sealed record RatingInput(string? Period, ProgressRating? Rating, string? Commentary);

/// <summary>A rated item with its latest rating for a period (null when not rated in it).</summary>
public sealed record RatedLine(RatedItemKind Kind, Guid ItemId, string Title, PlanRating? Rating);

/// <summary>
/// The partnership's improvement plan for the business unit: plans, outcomes, workstreams with their leads,
/// milestones and actions with owners, ratings per reporting period (kept, never overwritten), evidence notes and
/// each period's key achievements and challenges. Workstream leads and action owners change their own part through
/// <see cref="PlanUpdateService"/>.
/// </summary>
public sealed partial class PlanService(SafeguardDbContext db)
{
    public async Task<Plan> CreateAsync(NewPlan input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = new Problems();
        var title = problems.Required("Title", input.Title, "Enter the plan's title", Plan.MaxTitleLength);
        if (input.StartsOn is null)
        {
            problems.Add("StartsOn", "Enter the date the plan starts");
        }

        if (input.EndsOn is null)
        {
            problems.Add("EndsOn", "Enter the date the plan ends");
        }
        else if (input.StartsOn is { } s && input.EndsOn <= s)
        {
            problems.Add("EndsOn", "The plan must end after it starts");
        }

        if (input.Frequency is null)
        {
            problems.Add("Frequency", "Select how often progress is rated: quarterly or monthly");
        }

        problems.ThrowIfAny();
        var plan = new Plan { Title = title, StartsOn = input.StartsOn!.Value, EndsOn = input.EndsOn!.Value, Frequency = input.Frequency!.Value, CreatedAt = db.Time.GetUtcNow(), CreatedBy = actor.Name };
        using var process = db.BeginProcess("ImprovementPlan.Create", actor);
        db.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public async Task<IReadOnlyList<Plan>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await db.Set<Plan>().AsNoTracking().ToListAsync(cancellationToken)).OrderByDescending(p => p.StartsOn)];

    /// <summary>The plan with its outcomes, workstreams (with their lead agency) and actions (with their owner's agency), in order.</summary>
    public async Task<Plan?> GetAsync(Guid planId, CancellationToken cancellationToken = default)
    {
        var plan = await db.Set<Plan>().AsNoTracking()
            .Include(p => p.Outcomes).ThenInclude(o => o.Workstreams).ThenInclude(w => w.LeadAgency)
            .Include(p => p.Outcomes).ThenInclude(o => o.Workstreams).ThenInclude(w => w.Actions).ThenInclude(a => a.OwnerAgency)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        plan.Outcomes.Sort((a, b) => a.Number.CompareTo(b.Number));
        foreach (var outcome in plan.Outcomes)
        {
            outcome.Workstreams.Sort((a, b) => string.CompareOrdinal(a.Title, b.Title));
            foreach (var workstream in outcome.Workstreams)
            {
                workstream.Actions.Sort((a, b) => a.DueOn != b.DueOn ? a.DueOn.CompareTo(b.DueOn) : string.CompareOrdinal(a.Title, b.Title));
            }
        }

        return plan;
    }

    /// <summary>The newest plan (the one the report and the command line use when no plan is named).</summary>
    public async Task<Plan?> LatestAsync(CancellationToken cancellationToken = default) =>
        await ListAsync(cancellationToken) is [var latest, ..] ? await GetAsync(latest.Id, cancellationToken) : null;

    public async Task<PlanOutcome> AddOutcomeAsync(Guid planId, int version, OutcomeInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await db.Set<Plan>().Include(p => p.Outcomes).FirstOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw new SafeguardValidationException("Plan", "There is no such improvement plan");
        var problems = new Problems();
        var title = problems.Required("Title", input.Title, "Enter the outcome", Plan.MaxTextLength);
        var theme = problems.Optional("Theme", input.Theme, "The theme", Plan.MaxTitleLength);
        var number = input.Number ?? (plan.Outcomes.Count == 0 ? 1 : plan.Outcomes.Max(o => o.Number) + 1);
        if (number is < 1 or > 99)
        {
            problems.Add("Number", "Enter the outcome's number, from 1 to 99");
        }
        else if (plan.Outcomes.Any(o => o.Number == number))
        {
            problems.Add("Number", $"The plan already has an outcome {number}");
        }

        problems.ThrowIfAny();
        using var process = db.BeginProcess("ImprovementPlan.AddOutcome", actor);
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        db.Entry(plan).State = EntityState.Modified;
        var outcome = new PlanOutcome { PlanId = planId, Number = number, Title = title, Theme = theme };
        db.Add(outcome);
        await SaveAsync(cancellationToken);
        return outcome;
    }

    public async Task<Workstream> AddWorkstreamAsync(Guid outcomeId, WorkstreamInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outcome = await db.Set<PlanOutcome>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == outcomeId, cancellationToken)
            ?? throw new SafeguardValidationException("Outcome", "There is no such outcome");
        var problems = new Problems();
        var title = problems.Required("Title", input.Title, "Enter the workstream's title", Plan.MaxTitleLength);
        var impact = problems.Optional("Impact", input.Impact, "The impact so far", Plan.MaxTextLength);
        var lead = await PersonAsync(problems, "LeadUserId", input.LeadUserId, "Select the workstream's lead", cancellationToken);
        problems.ThrowIfAny();
        using var process = db.BeginProcess("ImprovementPlan.AddWorkstream", actor);
        var workstream = new Workstream { PlanId = outcome.PlanId, OutcomeId = outcomeId, Title = title, LeadUserId = lead!.Value.Id, LeadName = lead.Value.Name, LeadAgencyId = lead.Value.AgencyId, Impact = impact };
        db.Add(workstream);
        await SaveAsync(cancellationToken);
        return workstream;
    }

    public async Task<PlanAction> AddActionAsync(Guid workstreamId, ActionInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var workstream = await db.Set<Workstream>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == workstreamId, cancellationToken)
            ?? throw new SafeguardValidationException("Workstream", "There is no such workstream");
        var problems = new Problems();
        if (input.Kind is null)
        {
            problems.Add("Kind", "Select milestone or action");
        }

        var title = problems.Required("Title", input.Title, "Enter what is to be done", Plan.MaxTextLength);
        if (input.DueOn is null)
        {
            problems.Add("DueOn", "Enter the date it is due");
        }

        var owner = await PersonAsync(problems, "OwnerUserId", input.OwnerUserId, "Select who owns it", cancellationToken);
        problems.ThrowIfAny();
        using var process = db.BeginProcess("ImprovementPlan.AddAction", actor);
        var action = new PlanAction
        {
            PlanId = workstream.PlanId,
            WorkstreamId = workstreamId,
            Kind = input.Kind!.Value,
            Title = title,
            DueOn = input.DueOn!.Value,
            OwnerUserId = owner!.Value.Id,
            OwnerName = owner.Value.Name,
            OwnerAgencyId = owner.Value.AgencyId,
        };
        db.Add(action);
        await SaveAsync(cancellationToken);
        return action;
    }

    /// <summary>Moves a milestone or action on (its completion date is today when it is completed); its version guards against two people editing at once.</summary>
    public Task UpdateActionAsync(Guid actionId, int version, PlanActionStatus? status, Actor actor, CancellationToken cancellationToken = default) =>
        UpdateActionAsync(actionId, version, status, actor, null, cancellationToken);

    internal async Task UpdateActionAsync(Guid actionId, int version, PlanActionStatus? status, Actor actor, Func<PlanAction, Workstream, bool>? mayChange, CancellationToken cancellationToken)
    {
        var action = await db.Set<PlanAction>().FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken)
            ?? throw new SafeguardValidationException("Action", "There is no such milestone or action");
        var workstream = await db.Set<Workstream>().AsNoTracking().FirstAsync(w => w.Id == action.WorkstreamId, cancellationToken);
        if (mayChange is not null && !mayChange(action, workstream))
        {
            throw new SafeguardValidationException("Action", "There is no such milestone or action");
        }

        if (status is null)
        {
            throw new SafeguardValidationException("Status", "Select where it stands");
        }

        using var process = db.BeginProcess("ImprovementPlan.UpdateAction", actor);
        db.Entry(action).Property(a => a.Version).OriginalValue = version;
        action.Status = status.Value;
        action.CompletedOn = status == PlanActionStatus.Completed ? action.CompletedOn ?? UkTime.Today(db.Time) : null;
        await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Rates an outcome, workstream or action for a period. The rating is added to the history (an earlier rating for the
    /// same period is superseded, never changed); the item's <paramref name="version"/> guards against two people rating
    /// it at once from the same page.
    /// </summary>
    public Task<PlanRating> RateAsync(RatedItemKind kind, Guid itemId, int version, RatingInput input, Actor actor, CancellationToken cancellationToken = default) =>
        RateAsync(kind, itemId, version, input, actor, null, cancellationToken);

    internal async Task<PlanRating> RateAsync(RatedItemKind kind, Guid itemId, int version, RatingInput input, Actor actor, Func<Entity, bool>? mayRate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        Entity item = kind switch
        {
            RatedItemKind.Outcome => (Entity?)await db.Set<PlanOutcome>().FirstOrDefaultAsync(o => o.Id == itemId, cancellationToken),
            RatedItemKind.Workstream => await db.Set<Workstream>().FirstOrDefaultAsync(w => w.Id == itemId, cancellationToken),
            _ => await db.Set<PlanAction>().FirstOrDefaultAsync(a => a.Id == itemId, cancellationToken),
        } ?? throw new SafeguardValidationException("Item", "There is no such item in the plan");
        if (mayRate is not null && !mayRate(item))
        {
            throw new SafeguardValidationException("Item", "There is no such item in the plan");
        }

        var planId = item switch { PlanOutcome o => o.PlanId, Workstream w => w.PlanId, _ => ((PlanAction)item).PlanId };
        var plan = await db.Set<Plan>().AsNoTracking().FirstAsync(p => p.Id == planId, cancellationToken);
        var problems = new Problems();
        var period = PlanPeriod.Parse(plan.Frequency, input.Period);
        if (period is null)
        {
            problems.Add("Period", $"Select the reporting period (a period of this plan looks like {PlanPeriod.Example(plan.Frequency)})");
        }
        else if (period.Value.End < plan.StartsOn || period.Value.Start > plan.EndsOn)
        {
            problems.Add("Period", $"{period.Value.Name} is outside the plan, which runs from {Problems.Format(plan.StartsOn)} to {Problems.Format(plan.EndsOn)}");
        }
        else if (period.Value.Start > UkTime.Today(db.Time))
        {
            problems.Add("Period", $"{period.Value.Name} has not started yet: a period is rated once it has begun");
        }

        if (input.Rating is null)
        {
            problems.Add("Rating", "Select the rating");
        }

        var commentary = problems.Optional("Commentary", input.Commentary, "The commentary", Plan.MaxTextLength);
        if (input.Rating is ProgressRating.MajorIssues or ProgressRating.IssuesMayDelay && commentary is null)
        {
            problems.Add("Commentary", "Say what the issues are and what is being done: red and amber ratings need a commentary");
        }

        problems.ThrowIfAny();
        var key = period!.Value.Key;
        var previous = await db.Set<PlanRating>().AsNoTracking().Where(r => r.ItemKind == kind && r.ItemId == itemId && r.Period == key)
            .OrderByDescending(r => r.RatedAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        using var process = db.BeginProcess("ImprovementPlan.Rate", actor);
        db.Entry(item).Property(e => e.Version).OriginalValue = version;
        db.Entry(item).State = EntityState.Modified;
        var rating = new PlanRating
        {
            PlanId = planId,
            ItemKind = kind,
            ItemId = itemId,
            Period = key,
            Rating = input.Rating!.Value,
            Commentary = commentary,
            RatedAt = db.Time.GetUtcNow(),
            RatedByUserId = actor.UserId,
            RatedBy = actor.Name,
            SupersedesId = previous,
        };
        db.Add(rating);
        await SaveAsync(cancellationToken);
        return rating;
    }

    /// <summary>The plan an outcome, workstream or action belongs to; null when there is no such item.</summary>
    public async Task<Guid?> PlanOfAsync(RatedItemKind kind, Guid itemId, CancellationToken cancellationToken = default) => kind switch
    {
        RatedItemKind.Outcome => await db.Set<PlanOutcome>().Where(o => o.Id == itemId).Select(o => (Guid?)o.PlanId).FirstOrDefaultAsync(cancellationToken),
        RatedItemKind.Workstream => await db.Set<Workstream>().Where(w => w.Id == itemId).Select(w => (Guid?)w.PlanId).FirstOrDefaultAsync(cancellationToken),
        _ => await db.Set<PlanAction>().Where(a => a.Id == itemId).Select(a => (Guid?)a.PlanId).FirstOrDefaultAsync(cancellationToken),
    };

    /// <summary>Every rating of an item, newest first: the full history, superseded ratings included.</summary>
    public async Task<IReadOnlyList<PlanRating>> HistoryAsync(Guid itemId, CancellationToken cancellationToken = default) =>
        [.. (await db.Set<PlanRating>().AsNoTracking().Where(r => r.ItemId == itemId).ToListAsync(cancellationToken)).OrderByDescending(r => r.Period, StringComparer.Ordinal).ThenByDescending(r => r.RatedAt)];

    /// <summary>Every rating of a plan, newest first.</summary>
    public async Task<IReadOnlyList<PlanRating>> PlanHistoryAsync(Guid planId, CancellationToken cancellationToken = default) =>
        [.. (await db.Set<PlanRating>().AsNoTracking().Where(r => r.PlanId == planId).ToListAsync(cancellationToken)).OrderByDescending(r => r.RatedAt)];

    /// <summary>The latest rating of each item of the plan for a period.</summary>
    public async Task<IReadOnlyDictionary<Guid, PlanRating>> CurrentRatingsAsync(Guid planId, string period, CancellationToken cancellationToken = default) =>
        (await db.Set<PlanRating>().AsNoTracking().Where(r => r.PlanId == planId && r.Period == period).ToListAsync(cancellationToken))
            .GroupBy(r => r.ItemId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.RatedAt).First());

    public async Task<PlanEvidenceNote> AddEvidenceAsync(Guid workstreamId, Guid? actionId, string? text, Actor actor, CancellationToken cancellationToken = default) =>
        await AddEvidenceAsync(workstreamId, actionId, text, actor, null, cancellationToken);

    internal async Task<PlanEvidenceNote> AddEvidenceAsync(Guid workstreamId, Guid? actionId, string? text, Actor actor, Func<Workstream, PlanAction?, bool>? mayAdd, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var workstream = await db.Set<Workstream>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == workstreamId, cancellationToken)
            ?? throw new SafeguardValidationException("Workstream", "There is no such workstream");
        var action = actionId is { } id ? await db.Set<PlanAction>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.WorkstreamId == workstreamId, cancellationToken)
            ?? throw new SafeguardValidationException("ActionId", "There is no such milestone or action in this workstream") : null;
        if (mayAdd is not null && !mayAdd(workstream, action))
        {
            throw new SafeguardValidationException("Workstream", "There is no such workstream");
        }

        var problems = new Problems();
        var note = problems.Required("Text", text, "Enter the evidence", Plan.MaxTextLength);
        problems.ThrowIfAny();
        using var process = db.BeginProcess("ImprovementPlan.AddEvidence", actor);
        var evidence = new PlanEvidenceNote { PlanId = workstream.PlanId, WorkstreamId = workstreamId, ActionId = actionId, Text = note, RecordedAt = db.Time.GetUtcNow(), RecordedBy = actor.Name };
        db.Add(evidence);
        await SaveAsync(cancellationToken);
        return evidence;
    }

    public async Task<IReadOnlyList<PlanEvidenceNote>> EvidenceAsync(Guid workstreamId, CancellationToken cancellationToken = default) =>
        [.. (await db.Set<PlanEvidenceNote>().AsNoTracking().Where(e => e.WorkstreamId == workstreamId).ToListAsync(cancellationToken)).OrderByDescending(e => e.RecordedAt)];

    public async Task<PlanPeriodSummary?> SummaryAsync(Guid planId, string period, CancellationToken cancellationToken = default) =>
        await db.Set<PlanPeriodSummary>().AsNoTracking().FirstOrDefaultAsync(s => s.PlanId == planId && s.Period == period, cancellationToken);

    /// <summary>
    /// Records a period's key achievements and challenges; <paramref name="version"/> is that of the summary the editor
    /// saw (null when there was none), so a summary someone else wrote in the meantime is not overwritten.
    /// </summary>
    public async Task SaveSummaryAsync(Guid planId, string? periodKey, int? version, string? achievements, string? challenges, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var plan = await db.Set<Plan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw new SafeguardValidationException("Plan", "There is no such improvement plan");
        var problems = new Problems();
        var period = PlanPeriod.Parse(plan.Frequency, periodKey);
        if (period is null)
        {
            problems.Add("Period", $"Select the reporting period (a period of this plan looks like {PlanPeriod.Example(plan.Frequency)})");
        }

        var a = problems.Optional("KeyAchievements", achievements, "The key achievements", Plan.MaxTextLength);
        var c = problems.Optional("KeyChallenges", challenges, "The key challenges", Plan.MaxTextLength);
        problems.ThrowIfAny();
        var key = period!.Value.Key;
        var summary = await db.Set<PlanPeriodSummary>().FirstOrDefaultAsync(s => s.PlanId == planId && s.Period == key, cancellationToken);
        if (summary is not null && version is null || summary is null && version is not null)
        {
            throw new ConcurrencyConflictException();
        }

        using var process = db.BeginProcess("ImprovementPlan.SaveSummary", actor);
        if (summary is null)
        {
            summary = new PlanPeriodSummary { PlanId = planId, Period = key, UpdatedBy = actor.Name };
            db.Add(summary);
        }
        else
        {
            db.Entry(summary).Property(s => s.Version).OriginalValue = version!.Value;
        }

        summary.KeyAchievements = a;
        summary.KeyChallenges = c;
        summary.UpdatedAt = db.Time.GetUtcNow();
        summary.UpdatedBy = actor.Name;
        await SaveAsync(cancellationToken);
    }

    /// <summary>The users who can lead a workstream or own an action: every active user, with their agency.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, string Agency)>> PeopleAsync(CancellationToken cancellationToken = default) =>
        [.. (await db.Users.AsNoTracking().Where(u => !u.IsDisabled).Select(u => new { u.Id, u.DisplayName, Agency = u.Agency!.Name }).ToListAsync(cancellationToken))
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal).Select(u => (u.Id, u.DisplayName, u.Agency))];

    /// <summary>The active user chosen for <c>field</c>, or <c>current</c>: the person already named (a lead or owner kept on a change), who may have left since.</summary>
    private async Task<(Guid Id, string Name, Guid AgencyId)?> PersonAsync(Problems problems, string field, Guid? userId, string message, CancellationToken cancellationToken, Guid? current = null)
    {
        if (userId is not { } id)
        {
            problems.Add(field, message);
            return null;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == id && (!u.IsDisabled || u.Id == current)).Select(u => new { u.Id, u.DisplayName, u.AgencyId }).FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            problems.Add(field, "The person selected is not an active user of Safeguard");
            return null;
        }

        return (user.Id, user.DisplayName, user.AgencyId);
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
