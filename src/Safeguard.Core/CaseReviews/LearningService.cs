using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.CaseReviews;

/// <summary>A change to an action's progress.</summary>
public sealed record ActionProgress(ReviewActionStatus? Status, string? Evidence, DateOnly? CompletedOn, string? DeclinedReason);

/// <summary>
/// Findings, recommendations and their actions, the learning themes list, and the case review group's
/// sign-off of completed actions.
/// </summary>
public sealed class LearningService(SafeguardDbContext db)
{
    public async Task<LearningTheme> AddThemeAsync(string? name, Actor actor, CancellationToken cancellationToken = default)
    {
        var trimmed = await ValidateThemeNameAsync(name, null, cancellationToken);
        var theme = new LearningTheme { Name = trimmed };
        using var process = db.BeginProcess("CaseReviews.AddLearningTheme", actor);
        db.LearningThemes.Add(theme);
        await db.SaveChangesAsync(cancellationToken);
        return theme;
    }

    public async Task ChangeThemeAsync(Guid id, int version, string? name, bool isActive, Actor actor, CancellationToken cancellationToken = default)
    {
        var theme = await db.LearningThemes.FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new SafeguardValidationException("Theme", "There is no such learning theme");
        var trimmed = await ValidateThemeNameAsync(name, id, cancellationToken);
        using var process = db.BeginProcess("CaseReviews.ChangeLearningTheme", actor);
        db.Entry(theme).Property(t => t.Version).OriginalValue = version;
        theme.Name = trimmed;
        theme.IsActive = isActive;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Removes a theme added by mistake. A theme that any finding carries is never removed (the themes view
    /// and past annual reports depend on it): it is retired instead.
    /// </summary>
    public async Task RemoveThemeAsync(Guid id, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        var theme = await db.LearningThemes.FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new SafeguardValidationException("Theme", "There is no such learning theme");
        var uses = await db.Findings.CountAsync(f => f.LearningThemeId == id, cancellationToken)
            + await db.Set<Assurance.AuditFinding>().CountAsync(f => f.LearningThemeId == id, cancellationToken);
        if (uses > 0)
        {
            throw new SafeguardValidationException(
                "Theme", $"'{theme.Name}' is the theme of {(uses == 1 ? "1 finding" : $"{uses} findings")}, so it cannot be removed: retire it instead");
        }

        using var process = db.BeginProcess("CaseReviews.RemoveLearningTheme", actor);
        db.Entry(theme).Property(t => t.Version).OriginalValue = version;
        db.LearningThemes.Remove(theme);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every theme, active first, with how many findings carry it.</summary>
    public async Task<IReadOnlyList<(LearningTheme Theme, int Uses)>> ThemeListAsync(CancellationToken cancellationToken = default)
    {
        var themes = await db.LearningThemes.AsNoTracking().ToListAsync(cancellationToken);
        var uses = (await db.Findings.AsNoTracking().Select(f => f.LearningThemeId).ToListAsync(cancellationToken))
            .Concat(await db.Set<Assurance.AuditFinding>().AsNoTracking().Select(f => f.LearningThemeId).ToListAsync(cancellationToken))
            .GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        return themes
            .OrderByDescending(t => t.IsActive).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (t, uses.GetValueOrDefault(t.Id)))
            .ToList();
    }

    public async Task<Finding> AddFindingAsync(Guid notificationId, string? text, Guid? themeId, Actor actor, CancellationToken cancellationToken = default)
    {
        var problems = new Problems();
        await RequireCaseAsync(notificationId, cancellationToken);
        var finding = problems.Required("Text", text, "Enter the finding", 4000);
        var theme = themeId is { } t ? await db.LearningThemes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == t, cancellationToken) : null;
        if (theme is null || !theme.IsActive)
        {
            problems.Add("LearningThemeId", "Select the learning theme from the list");
        }

        problems.ThrowIfAny();
        var entity = new Finding { NotificationId = notificationId, Text = finding, LearningThemeId = theme!.Id, RecordedOn = UkTime.Today(db.Time) };
        using var process = db.BeginProcess("CaseReviews.AddFinding", actor);
        db.Findings.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return entity;
    }

    public async Task<Recommendation> AddRecommendationAsync(Guid notificationId, string? text, Guid? findingId, Actor actor, CancellationToken cancellationToken = default)
    {
        var problems = new Problems();
        await RequireCaseAsync(notificationId, cancellationToken);
        var recommendation = problems.Required("Text", text, "Enter the recommendation", 4000);
        if (findingId is { } f && !await db.Findings.AnyAsync(x => x.Id == f && x.NotificationId == notificationId, cancellationToken))
        {
            problems.Add("FindingId", "Select a finding of this review, or none");
        }

        problems.ThrowIfAny();
        var entity = new Recommendation { NotificationId = notificationId, Text = recommendation, FindingId = findingId, RecordedOn = UkTime.Today(db.Time) };
        using var process = db.BeginProcess("CaseReviews.AddRecommendation", actor);
        db.Recommendations.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return entity;
    }

    public async Task<ReviewAction> AddActionAsync(
        Guid recommendationId, string? description, Guid? owningAgencyId, string? owner, DateOnly? dueOn, Actor actor, CancellationToken cancellationToken = default)
    {
        var problems = new Problems();
        if (!await db.Recommendations.AnyAsync(r => r.Id == recommendationId, cancellationToken))
        {
            throw new SafeguardValidationException("Recommendation", "There is no such recommendation");
        }

        var text = problems.Required("Description", description, "Enter the action", 4000);
        if (owningAgencyId is not { } agencyId || !await db.Agencies.AnyAsync(a => a.Id == agencyId && a.IsActive, cancellationToken))
        {
            problems.Add("OwningAgencyId", "Select the agency that owns the action");
        }

        var who = problems.Required("Owner", owner, "Enter the action's owner", 200);
        if (dueOn is null)
        {
            problems.Add("DueOn", "Enter the date the action is due");
        }

        problems.ThrowIfAny();
        var action = new ReviewAction
        {
            RecommendationId = recommendationId,
            Description = text,
            OwningAgencyId = owningAgencyId!.Value,
            Owner = who,
            DueOn = dueOn!.Value,
            Status = ReviewActionStatus.NotStarted,
        };
        using var process = db.BeginProcess("CaseReviews.AddAction", actor);
        db.ReviewActions.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return action;
    }

    /// <summary>
    /// Moves an action on. Completed needs the evidence and the date; declined needs the reason (the annual
    /// report gives it). A signed-off or declined action is closed and cannot change.
    /// </summary>
    public async Task UpdateActionAsync(Guid id, int version, ActionProgress progress, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var action = await db.ReviewActions.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new SafeguardValidationException("Action", "There is no such action");
        var problems = new Problems();
        var today = UkTime.Today(db.Time);
        if (action.Status is ReviewActionStatus.SignedOff or ReviewActionStatus.Declined)
        {
            problems.Add("Status", $"This action is {(action.Status == ReviewActionStatus.Declined ? "declined" : "signed off")} and closed: it cannot change");
        }

        if (progress.Status is not { } status || !Enum.IsDefined(status) || status == ReviewActionStatus.SignedOff)
        {
            problems.Add("Status", "Select the action's status (sign-off is done by the case review group)");
            problems.ThrowIfAny();
            return;
        }

        var evidence = problems.Optional("Evidence", progress.Evidence, "The evidence", 4000);
        var reason = problems.Optional("DeclinedReason", progress.DeclinedReason, "The reason", 4000);
        if (status == ReviewActionStatus.Completed)
        {
            if (evidence is null)
            {
                problems.Add("Evidence", "Enter the evidence that the action is complete");
            }

            if (progress.CompletedOn is null)
            {
                problems.Add("CompletedOn", "Enter the date the action was completed");
            }

            problems.CheckDate("CompletedOn", progress.CompletedOn, today, "The completion date");
        }

        if (status == ReviewActionStatus.Declined && reason is null)
        {
            problems.Add("DeclinedReason", "Enter the reason for declining the action: the annual report must give it");
        }

        problems.ThrowIfAny();
        using var process = db.BeginProcess("CaseReviews.UpdateAction", actor);
        db.Entry(action).Property(a => a.Version).OriginalValue = version;
        action.Status = status;
        action.Evidence = evidence;
        action.CompletedOn = status == ReviewActionStatus.Completed ? progress.CompletedOn : null;
        action.DeclinedReason = status == ReviewActionStatus.Declined ? reason : null;
        action.DeclinedOn = status == ReviewActionStatus.Declined ? today : null;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The case review group signs off a completed action.</summary>
    public async Task SignOffActionAsync(Guid id, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var action = await db.ReviewActions.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new SafeguardValidationException("Action", "There is no such action");
        if (action.Status != ReviewActionStatus.Completed)
        {
            throw new SafeguardValidationException("Status", "Only a completed action, with its evidence, can be signed off");
        }

        using var process = db.BeginProcess("CaseReviews.SignOffAction", actor);
        db.Entry(action).Property(a => a.Version).OriginalValue = version;
        action.Status = ReviewActionStatus.SignedOff;
        action.SignedOffOn = UkTime.Today(db.Time);
        action.SignedOffBy = actor.Name;
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string StatusName(ReviewActionStatus status) => status switch
    {
        ReviewActionStatus.NotStarted => "Not started",
        ReviewActionStatus.InProgress => "In progress",
        ReviewActionStatus.Completed => "Completed, awaiting sign-off",
        ReviewActionStatus.SignedOff => "Signed off",
        _ => "Declined",
    };

    private async Task RequireCaseAsync(Guid notificationId, CancellationToken cancellationToken)
    {
        if (!await db.SeriousIncidentNotifications.AnyAsync(n => n.Id == notificationId, cancellationToken))
        {
            throw new SafeguardValidationException("Notification", "There is no such case");
        }
    }

    private async Task<string> ValidateThemeNameAsync(string? name, Guid? id, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        var trimmed = problems.Required("Name", name, "Enter the theme's name", 200);
        // The list is short: compared in memory so "neglect" and "Neglect" are the same theme on both databases.
        var names = problems.Any ? [] : await db.LearningThemes.Where(t => t.Id != id).Select(t => t.Name).ToListAsync(cancellationToken);
        if (names.FirstOrDefault(n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase)) is { } existing)
        {
            problems.Add("Name", $"There is already a learning theme called '{existing}'");
        }

        problems.ThrowIfAny();
        return trimmed;
    }
}
