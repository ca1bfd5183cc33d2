using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.Assurance;

/// <summary>An agency's return as the agency sees it: the audit, the case's child and the tool with its answers so far.</summary>
public sealed record AgencyReturnView(AuditReturn Return, MultiAgencyAudit Audit, int CaseNumber, string ChildName, DateOnly? DateOfBirth, IReadOnlyList<(AuditQuestion Question, string? Answer)> Lines);

/// <summary>One agency's returns for an audit, as a row of the return rates.</summary>
public sealed record AgencyReturnRate(Guid AgencyId, string AgencyName, int Asked, int Returned, int Late)
{
    /// <summary>Returned as a share of asked, 0-100, one decimal place.</summary>
    public decimal Rate => Asked == 0 ? 0 : Math.Round(100m * Returned / Asked, 1);

    public int Outstanding => Asked - Returned;
}

/// <summary>
/// The agency side of audits: the returns asked of an agency, each answered (questions, grade, evidence) and
/// submitted only by a member of that agency; and the return rates by agency the business unit follows up.
/// </summary>
public sealed class AuditReturnService(SafeguardDbContext db)
{
    public const string EntityType = "AuditReturn";

    /// <summary>The returns asked of the actor's agency on audits still open, earliest due first.</summary>
    public async Task<IReadOnlyList<(AuditReturn Return, MultiAgencyAudit Audit, int CaseNumber)>> ForAgencyAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var agencyId = actor.AgencyId ?? Guid.Empty;
        var rows = await db.Set<AuditReturn>().AsNoTracking().Where(r => r.AgencyId == agencyId)
            .Join(db.Set<MultiAgencyAudit>(), r => r.AuditId, a => a.Id, (r, a) => new { Return = r, Audit = a })
            .Join(db.Set<AuditCase>(), x => x.Return.CaseId, c => c.Id, (x, c) => new { x.Return, x.Audit, c.Number })
            .Where(x => x.Audit.Status == AuditStatus.ReturnsOpen)
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(x => x.Return.IsSubmitted).ThenBy(x => x.Return.DueOn).ThenBy(x => x.Audit.Title, StringComparer.Ordinal).ThenBy(x => x.Number)
            .Select(x => (x.Return, x.Audit, x.Number))];
    }

    /// <summary>One return for the agency asked, with the child named and the reading audited; null for anyone else's.</summary>
    public async Task<AgencyReturnView?> GetAsync(Guid returnId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var agencyId = actor.AgencyId ?? Guid.Empty;
        var auditReturn = await db.Set<AuditReturn>().AsNoTracking().Include(r => r.Answers)
            .FirstOrDefaultAsync(r => r.Id == returnId && r.AgencyId == agencyId, cancellationToken);
        if (auditReturn is null)
        {
            return null;
        }

        var audit = await db.Set<MultiAgencyAudit>().AsNoTracking().Include(a => a.Questions).FirstAsync(a => a.Id == auditReturn.AuditId, cancellationToken);
        var auditCase = await db.Set<AuditCase>().AsNoTracking().FirstAsync(c => c.Id == auditReturn.CaseId, cancellationToken);
        var child = await db.Set<Person>().AsNoTracking().Where(p => p.Id == auditCase.PersonId)
            .Select(p => new { p.DisplayName, p.DateOfBirth, p.IsRestricted }).FirstAsync(cancellationToken);
        using (db.BeginProcess("Assurance.ViewAuditReturn", actor))
        {
            db.RecordAccess(EntityType, returnId.ToString(), AuditAction.Viewed);
            if (!child.IsRestricted)
            {
                db.RecordAccess(PersonIndex.EntityType, auditCase.PersonId.ToString(), AuditAction.Viewed, $"audit return {returnId}");
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return new AgencyReturnView(
            auditReturn,
            audit,
            auditCase.Number,
            child.IsRestricted ? AuditService.RestrictedName : child.DisplayName,
            child.IsRestricted ? null : child.DateOfBirth,
            [.. audit.Questions.OrderBy(q => q.Number).Select(q => (q, auditReturn.Answers.FirstOrDefault(a => a.QuestionId == q.Id)?.Text))]);
    }

    /// <summary>
    /// Saves an agency's answers, grade and evidence; with <paramref name="submit"/> every question needs an answer and
    /// the grade and evidence are required. Only the agency asked may save, only while the audit is open, and a save from
    /// an older version of the return is refused.
    /// </summary>
    public async Task SaveAsync(Guid returnId, int version, IReadOnlyDictionary<Guid, string?> answers, string? grade, string? evidence, bool submit, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(actor);
        var auditReturn = await db.Set<AuditReturn>().Include(r => r.Answers).FirstOrDefaultAsync(r => r.Id == returnId, cancellationToken)
            ?? throw new SafeguardValidationException("Return", "There is no such audit return");
        if (actor.AgencyId != auditReturn.AgencyId)
        {
            throw new SafeguardValidationException("Return", "Only the agency asked can answer its audit return");
        }

        var audit = await db.Set<MultiAgencyAudit>().AsNoTracking().Include(a => a.Questions).FirstAsync(a => a.Id == auditReturn.AuditId, cancellationToken);
        var problems = new Problems();
        if (audit.Status != AuditStatus.ReturnsOpen)
        {
            throw new SafeguardValidationException("Return", "This audit is no longer taking returns");
        }

        if (auditReturn.SubmittedAt is { } earlier)
        {
            throw new SafeguardValidationException("Return", $"This return was submitted on {Problems.Format(UkTime.ToUkDate(earlier))} by {auditReturn.SubmittedBy}: it can no longer change");
        }

        var texts = new Dictionary<Guid, string?>();
        foreach (var question in audit.Questions.OrderBy(q => q.Number))
        {
            var text = problems.Optional($"Answer{question.Number}", answers.GetValueOrDefault(question.Id), $"The answer to question {question.Number}", MultiAgencyAudit.MaxTextLength);
            if (submit && text is null)
            {
                problems.Add($"Answer{question.Number}", $"Answer question {question.Number}");
            }

            texts[question.Id] = text;
        }

        var chosen = string.IsNullOrWhiteSpace(grade) ? null : audit.Grades.FirstOrDefault(g => g == grade.Trim());
        if (!string.IsNullOrWhiteSpace(grade) && chosen is null)
        {
            problems.Add("Grade", "Select a grade from the audit's scale");
        }
        else if (submit && chosen is null)
        {
            problems.Add("Grade", "Select your grade for the case");
        }

        var evidenceText = problems.Optional("Evidence", evidence, "The evidence", MultiAgencyAudit.MaxTextLength);
        if (submit && evidenceText is null)
        {
            problems.Add("Evidence", "Enter the evidence for your grade");
        }

        problems.ThrowIfAny();
        using var process = db.BeginProcess(submit ? "Assurance.SubmitAuditReturn" : "Assurance.SaveAuditReturn", actor);
        db.Entry(auditReturn).Property(r => r.Version).OriginalValue = version;
        db.RemoveRange(auditReturn.Answers);
        foreach (var (questionId, text) in texts.Where(t => t.Value is not null))
        {
            db.Add(new AuditAnswer { ReturnId = returnId, QuestionId = questionId, Text = text! });
        }

        auditReturn.Grade = chosen;
        auditReturn.Evidence = evidenceText;
        if (submit)
        {
            auditReturn.SubmittedAt = db.Time.GetUtcNow();
            auditReturn.SubmittedBy = actor.Name;
        }

        db.Entry(auditReturn).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>Return rates by agency for one audit, or (with <paramref name="auditId"/> null) for every audit of a programme year.</summary>
    public async Task<IReadOnlyList<AgencyReturnRate>> RatesAsync(Guid? auditId, int? yearStart = null, CancellationToken cancellationToken = default)
    {
        var returns = db.Set<AuditReturn>().AsNoTracking();
        if (auditId is { } id)
        {
            returns = returns.Where(r => r.AuditId == id);
        }

        if (yearStart is { } year)
        {
            var audits = db.Set<MultiAgencyAudit>().Where(a => a.YearStart == year).Select(a => a.Id);
            returns = returns.Where(r => audits.Contains(r.AuditId));
        }

        var rows = await returns.Join(db.Agencies, r => r.AgencyId, a => a.Id, (r, a) => new { r.AgencyId, a.Name, r.DueOn, r.SubmittedAt }).ToListAsync(cancellationToken);
        var today = UkTime.Today(db.Time);
        return [.. rows.GroupBy(r => (r.AgencyId, r.Name))
            .Select(g => new AgencyReturnRate(
                g.Key.AgencyId,
                g.Key.Name,
                g.Count(),
                g.Count(r => r.SubmittedAt is not null),
                g.Count(r => r.SubmittedAt is { } at ? UkTime.ToUkDate(at) > r.DueOn : today > r.DueOn)))
            .OrderBy(r => r.Rate).ThenBy(r => r.AgencyName, StringComparer.Ordinal)];
    }
}
