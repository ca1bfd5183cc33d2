using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.CaseReviews;
using Safeguard.Common;

namespace Safeguard.Assurance;

/// <summary>How an auditor's grade compares with the moderator's for the same case.</summary>
public enum GradeComparison
{
    Agreed,

    /// <summary>The auditor graded the case better than the moderator did: over-optimism.</summary>
    OverOptimistic,

    /// <summary>The auditor graded the case worse than the moderator did.</summary>
    OverCautious,
}

/// <summary>One agency's grade for a moderated case beside the moderator's.</summary>
public sealed record ModerationDifference(int CaseNumber, string AgencyName, string AuditorGrade, string ModeratorGrade, GradeComparison Comparison, int Steps);

/// <summary>Moderation across graded and moderated returns: how many agreed, how many were over-optimistic or over-cautious.</summary>
public sealed record ModerationSummary(IReadOnlyList<ModerationDifference> Differences)
{
    public int Compared => Differences.Count;

    public int Agreed => Differences.Count(d => d.Comparison == GradeComparison.Agreed);

    public int OverOptimistic => Differences.Count(d => d.Comparison == GradeComparison.OverOptimistic);

    public int OverCautious => Differences.Count(d => d.Comparison == GradeComparison.OverCautious);

    /// <summary>Agreement as a share of the grades compared, 0-100, one decimal place.</summary>
    public decimal AgreementRate => Compared == 0 ? 0 : Math.Round(100m * Agreed / Compared, 1);

    /// <summary>Over-optimism as a share of the grades compared, 0-100, one decimal place.</summary>
    public decimal OverOptimismRate => Compared == 0 ? 0 : Math.Round(100m * OverOptimistic / Compared, 1);
}

/// <summary>An audit's action with its agency's name, for the audit page.</summary>
public sealed record AuditActionView(AssuranceAction Action, string AgencyName);

/// <summary>Moderation, findings, actions and the audit's conclusion.</summary>
public sealed partial class AuditService
{
    /// <summary>The moderator's grade for a case, with a note; graded against the audit's scale.</summary>
    public async Task ModerateAsync(Guid caseId, int version, string? grade, string? note, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var auditCase = await db.Set<AuditCase>().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new SafeguardValidationException("Case", "There is no such case in the sample");
        var audit = await db.Set<MultiAgencyAudit>().AsNoTracking().FirstAsync(a => a.Id == auditCase.AuditId, cancellationToken);
        var problems = new Problems();
        if (audit.Status != AuditStatus.ReturnsOpen)
        {
            problems.Add("Grade", audit.IsConcluded ? "The audit is concluded: its moderation cannot change" : "Ask the agencies for their returns before moderating");
        }

        var chosen = audit.Grades.FirstOrDefault(g => g == grade?.Trim());
        if (chosen is null)
        {
            problems.Add("Grade", "Select the moderator's grade from the audit's scale");
        }

        var text = problems.Optional("Note", note, "The moderation note", MultiAgencyAudit.MaxTextLength);
        problems.ThrowIfAny();
        using var process = db.BeginProcess("Assurance.ModerateCase", actor);
        db.Entry(auditCase).Property(c => c.Version).OriginalValue = version;
        auditCase.ModeratorGrade = chosen;
        auditCase.ModerationNote = text;
        auditCase.ModeratedBy = actor.Name;
        auditCase.ModeratedOn = UkTime.Today(db.Time);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every submitted, graded return of a moderated case beside the moderator's grade, for one audit or a programme year.</summary>
    public async Task<ModerationSummary> ModerationAsync(Guid? auditId, int? yearStart = null, CancellationToken cancellationToken = default)
    {
        var audits = await db.Set<MultiAgencyAudit>().AsNoTracking()
            .Where(a => (auditId == null || a.Id == auditId) && (yearStart == null || a.YearStart == yearStart))
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var ids = audits.Keys.ToList();
        var rows = await db.Set<AuditReturn>().AsNoTracking()
            .Where(r => ids.Contains(r.AuditId) && r.SubmittedAt != null && r.Grade != null)
            .Join(db.Set<AuditCase>(), r => r.CaseId, c => c.Id, (r, c) => new { r.AuditId, c.Number, r.Grade, c.ModeratorGrade, r.AgencyId })
            .Where(x => x.ModeratorGrade != null)
            .Join(db.Agencies, x => x.AgencyId, a => a.Id, (x, a) => new { x.AuditId, x.Number, x.Grade, x.ModeratorGrade, a.Name })
            .ToListAsync(cancellationToken);
        var differences = new List<ModerationDifference>();
        foreach (var row in rows.OrderBy(r => r.Number).ThenBy(r => r.Name, StringComparer.Ordinal))
        {
            var scale = audits[row.AuditId].Grades.ToList();
            int auditor = scale.IndexOf(row.Grade!), moderator = scale.IndexOf(row.ModeratorGrade!);
            if (auditor < 0 || moderator < 0)
            {
                continue;
            }

            // The scale runs best first: a smaller index is a better grade.
            var comparison = auditor == moderator ? GradeComparison.Agreed : auditor < moderator ? GradeComparison.OverOptimistic : GradeComparison.OverCautious;
            differences.Add(new ModerationDifference(row.Number, row.Name, row.Grade!, row.ModeratorGrade!, comparison, Math.Abs(auditor - moderator)));
        }

        return new ModerationSummary(differences);
    }

    public async Task<AuditFinding> AddFindingAsync(Guid auditId, string? text, Guid? themeId, Actor actor, CancellationToken cancellationToken = default)
    {
        var problems = new Problems();
        if (!await db.Set<MultiAgencyAudit>().AnyAsync(a => a.Id == auditId, cancellationToken))
        {
            throw new SafeguardValidationException("Audit", "There is no such audit");
        }

        var finding = problems.Required("Text", text, "Enter the finding", MultiAgencyAudit.MaxTextLength);
        var theme = themeId is { } t ? await db.LearningThemes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == t, cancellationToken) : null;
        if (theme is null || !theme.IsActive)
        {
            problems.Add("LearningThemeId", "Select the learning theme from the list");
        }

        problems.ThrowIfAny();
        var entity = new AuditFinding { AuditId = auditId, Text = finding, LearningThemeId = theme!.Id, RecordedOn = UkTime.Today(db.Time) };
        using var process = db.BeginProcess("Assurance.AddFinding", actor);
        db.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return entity;
    }

    public Task<List<AuditFinding>> FindingsAsync(Guid auditId, CancellationToken cancellationToken = default) =>
        db.Set<AuditFinding>().AsNoTracking().Include(f => f.LearningTheme).Where(f => f.AuditId == auditId).OrderBy(f => f.RecordedOn).ToListAsync(cancellationToken);

    /// <summary>An action from the audit, owned by an agency: it joins the partnership's "closing the loop" tracker.</summary>
    public async Task<AssuranceAction> AddActionAsync(Guid auditId, string? description, Guid? owningAgencyId, string? owner, DateOnly? dueOn, Actor actor, CancellationToken cancellationToken = default)
    {
        var problems = new Problems();
        if (!await db.Set<MultiAgencyAudit>().AnyAsync(a => a.Id == auditId, cancellationToken))
        {
            throw new SafeguardValidationException("Audit", "There is no such audit");
        }

        var text = problems.Required("Description", description, "Enter the action", MultiAgencyAudit.MaxTextLength);
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
        var action = new AssuranceAction { AuditId = auditId, Description = text, OwningAgencyId = owningAgencyId!.Value, Owner = who, DueOn = dueOn!.Value };
        using var process = db.BeginProcess("Assurance.AddAction", actor);
        db.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return action;
    }

    /// <summary>Moves an audit's action on: completed needs the evidence; a signed-off or declined action is closed.</summary>
    public async Task UpdateActionAsync(Guid actionId, int version, ReviewActionStatus? status, string? evidence, Actor actor, CancellationToken cancellationToken = default)
    {
        var action = await db.Set<AssuranceAction>().FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken)
            ?? throw new SafeguardValidationException("Action", "There is no such action");
        var problems = new Problems();
        if (!action.IsOutstanding)
        {
            problems.Add("Status", "This action is closed: it cannot change");
        }

        if (status is not { } next || !Enum.IsDefined(next) || next == ReviewActionStatus.Declined)
        {
            problems.Add("Status", "Select the action's status");
            problems.ThrowIfAny();
            return;
        }

        var text = problems.Optional("Evidence", evidence, "The evidence", MultiAgencyAudit.MaxTextLength);
        if (next is ReviewActionStatus.Completed or ReviewActionStatus.SignedOff && text is null && action.Evidence is null)
        {
            problems.Add("Evidence", "Enter the evidence that the action is complete");
        }

        problems.ThrowIfAny();
        using var process = db.BeginProcess("Assurance.UpdateAction", actor);
        db.Entry(action).Property(a => a.Version).OriginalValue = version;
        action.Status = next;
        action.Evidence = text ?? action.Evidence;
        action.CompletedOn = next is ReviewActionStatus.Completed or ReviewActionStatus.SignedOff ? action.CompletedOn ?? UkTime.Today(db.Time) : null;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditActionView>> ActionsAsync(Guid auditId, CancellationToken cancellationToken = default) =>
        [.. (await db.Set<AssuranceAction>().AsNoTracking().Include(a => a.OwningAgency).Where(a => a.AuditId == auditId).ToListAsync(cancellationToken))
            .OrderBy(a => a.DueOn).Select(a => new AuditActionView(a, a.OwningAgency!.Name))];

    /// <summary>Concludes the audit: completed with its conclusion, or inconclusive with the reason (for example, too little engagement from partners).</summary>
    public async Task ConcludeAsync(Guid auditId, int version, bool inconclusive, string? conclusion, Actor actor, CancellationToken cancellationToken = default)
    {
        var audit = await db.Set<MultiAgencyAudit>().FirstOrDefaultAsync(a => a.Id == auditId, cancellationToken)
            ?? throw new SafeguardValidationException("Audit", "There is no such audit");
        var problems = new Problems();
        if (audit.Status != AuditStatus.ReturnsOpen)
        {
            problems.Add("Conclusion", audit.IsConcluded ? "The audit is already concluded" : "Ask the agencies for their returns before concluding the audit");
        }

        var text = problems.Required("Conclusion", conclusion, inconclusive ? "Say why the audit is inconclusive" : "Enter the audit's conclusion", MultiAgencyAudit.MaxTextLength);
        problems.ThrowIfAny();
        using var process = db.BeginProcess("Assurance.ConcludeAudit", actor);
        db.Entry(audit).Property(a => a.Version).OriginalValue = version;
        audit.Status = inconclusive ? AuditStatus.Inconclusive : AuditStatus.Completed;
        audit.Conclusion = text;
        audit.ConcludedOn = UkTime.Today(db.Time);
        await db.SaveChangesAsync(cancellationToken);
    }
}
