using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.ComplexSafeguarding;
using Safeguard.Journey;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.Assurance;

/// <summary>What the business unit types to put an audit on the programme.</summary>
public sealed record NewAudit(string? Title, string? Theme, int? YearStart, string? Questions, string? Scale);

/// <summary>How to draw a sample: the criterion, the period it looks at and how many children.</summary>
public sealed record SampleRequest(SampleCriterion? Criterion, DateOnly? From, DateOnly? To, int? Size);

/// <summary>A case of an audit as the business unit sees it: the child (or "Restricted record") and its returns.</summary>
public sealed record AuditCaseView(AuditCase Case, string ChildName, bool Restricted, IReadOnlyList<AuditReturn> Returns);

/// <summary>
/// Multi-agency audits: the programme by year, each audit's tool, its sample of children's records drawn from
/// Safeguard (restricted records left out unless the user is named on them), and the requests to agencies.
/// Every list of the sampled children is written to the access audit.
/// </summary>
public sealed partial class AuditService(SafeguardDbContext db, PersonIndex people)
{
    public const string EntityType = "MultiAgencyAudit";
    public const int MaxSampleSize = 50;

    /// <summary>How a child whose record is restricted shows to a reader not named on it.</summary>
    public const string RestrictedName = "Restricted record";

    public async Task<MultiAgencyAudit> CreateAsync(NewAudit input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = new Problems();
        var title = problems.Required("Title", input.Title, "Enter the audit's title", MultiAgencyAudit.MaxTitleLength);
        var theme = problems.Required("Theme", input.Theme, "Enter the audit's theme", MultiAgencyAudit.MaxTitleLength);
        var today = UkTime.Today(db.Time);
        if (input.YearStart is not { } year || year < 2000 || year > today.Year + 1)
        {
            problems.Add("YearStart", "Select the programme year");
        }

        var questions = Lines(input.Questions);
        if (questions.Count == 0)
        {
            problems.Add("Questions", "Enter the tool's questions, one a line");
        }
        else if (questions.Any(q => q.Length > MultiAgencyAudit.MaxTextLength))
        {
            problems.Add("Questions", $"Each question must be {MultiAgencyAudit.MaxTextLength} characters or fewer");
        }

        var scale = string.IsNullOrWhiteSpace(input.Scale) ? [.. MultiAgencyAudit.DefaultScale] : Lines(input.Scale);
        if (scale.Count < 2 || scale.Distinct(StringComparer.OrdinalIgnoreCase).Count() != scale.Count || scale.Any(g => g.Length > 100))
        {
            problems.Add("Scale", "Enter at least two different grades, best first, one a line (each 100 characters or fewer)");
        }

        problems.ThrowIfAny();
        var audit = new MultiAgencyAudit
        {
            Title = title,
            Theme = theme,
            YearStart = input.YearStart!.Value,
            Scale = string.Join('\n', scale),
            CreatedAt = db.Time.GetUtcNow(),
            CreatedBy = actor.Name,
        };
        for (var i = 0; i < questions.Count; i++)
        {
            audit.Questions.Add(new AuditQuestion { AuditId = audit.Id, Number = i + 1, Text = questions[i] });
        }

        using var process = db.BeginProcess("Assurance.CreateAudit", actor);
        db.Add(audit);
        await db.SaveChangesAsync(cancellationToken);
        return audit;
    }

    /// <summary>Changes the tool (questions and scale) while no agency has been asked for a return.</summary>
    public async Task ChangeToolAsync(Guid auditId, int version, string? questions, string? scale, Actor actor, CancellationToken cancellationToken = default)
    {
        var audit = await db.Set<MultiAgencyAudit>().Include(a => a.Questions).FirstOrDefaultAsync(a => a.Id == auditId, cancellationToken)
            ?? throw new SafeguardValidationException("Audit", "There is no such audit");
        var problems = new Problems();
        if (audit.Status != AuditStatus.Planned)
        {
            problems.Add("Questions", "The agencies have been asked for their returns: the tool can no longer change");
        }

        var lines = Lines(questions);
        var grades = Lines(scale);
        if (lines.Count == 0)
        {
            problems.Add("Questions", "Enter the tool's questions, one a line");
        }

        if (grades.Count < 2 || grades.Distinct(StringComparer.OrdinalIgnoreCase).Count() != grades.Count)
        {
            problems.Add("Scale", "Enter at least two different grades, best first, one a line");
        }

        problems.ThrowIfAny();
        using var process = db.BeginProcess("Assurance.ChangeTool", actor);
        db.Entry(audit).Property(a => a.Version).OriginalValue = version;
        audit.Scale = string.Join('\n', grades);
        db.RemoveRange(audit.Questions);
        for (var i = 0; i < lines.Count; i++)
        {
            db.Add(new AuditQuestion { AuditId = audit.Id, Number = i + 1, Text = lines[i] });
        }

        db.Entry(audit).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The audits of a programme year (or every year), newest year first, by title.</summary>
    public Task<List<MultiAgencyAudit>> ProgrammeAsync(int? yearStart, CancellationToken cancellationToken = default) =>
        db.Set<MultiAgencyAudit>().AsNoTracking()
            .Where(a => yearStart == null || a.YearStart == yearStart)
            .OrderByDescending(a => a.YearStart).ThenBy(a => a.Title)
            .ToListAsync(cancellationToken);

    public Task<MultiAgencyAudit?> GetAsync(Guid auditId, CancellationToken cancellationToken = default) =>
        db.Set<MultiAgencyAudit>().AsNoTracking().Include(a => a.Questions.OrderBy(q => q.Number))
            .FirstOrDefaultAsync(a => a.Id == auditId, cancellationToken);

    /// <summary>
    /// Draws children's records into the sample: those meeting the criterion in the period, not already sampled,
    /// chosen at random. A restricted record is drawn only when the user is named on it.
    /// </summary>
    public async Task<IReadOnlyList<AuditCase>> SampleAsync(Guid auditId, SampleRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var audit = await db.Set<MultiAgencyAudit>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == auditId, cancellationToken)
            ?? throw new SafeguardValidationException("Audit", "There is no such audit");
        var problems = new Problems();
        if (audit.Status != AuditStatus.Planned)
        {
            problems.Add("Criterion", "The agencies have been asked for their returns: the sample can no longer change");
        }

        if (request.Criterion is not { } criterion || !Enum.IsDefined(criterion))
        {
            problems.Add("Criterion", "Select how the sample is drawn");
        }

        if (request.From is null)
        {
            problems.Add("From", "Enter the start of the period");
        }

        if (request.To is null)
        {
            problems.Add("To", "Enter the end of the period");
        }
        else if (request.From is { } from && request.To < from)
        {
            problems.Add("To", "The end of the period must be on or after its start");
        }

        if (request.Size is not { } size || size < 1 || size > MaxSampleSize)
        {
            problems.Add("Size", $"Enter how many children to sample, from 1 to {MaxSampleSize}");
        }

        problems.ThrowIfAny();
        var (start, end) = (request.From!.Value, request.To!.Value);
        var already = db.Set<AuditCase>().Where(c => c.AuditId == auditId).Select(c => c.PersonId);
        var candidates = Candidates(request.Criterion!.Value, start, end);
        var eligible = await people.Visible(actor).AsNoTracking()
            .Where(p => p.Kind == PersonKind.Child && p.MergedIntoId == null && candidates.Contains(p.Id) && !already.Contains(p.Id))
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        eligible.Sort();
        var chosen = Shuffle(eligible).Take(request.Size!.Value).ToList();
        if (chosen.Count == 0)
        {
            throw new SafeguardValidationException("Criterion", "No child's record you may see meets that criterion in that period");
        }

        var next = (await db.Set<AuditCase>().Where(c => c.AuditId == auditId).MaxAsync(c => (int?)c.Number, cancellationToken) ?? 0) + 1;
        var how = $"{Describe(request.Criterion.Value)} {Problems.Format(start)} to {Problems.Format(end)}, at random";
        var cases = chosen.Select((id, i) => new AuditCase { AuditId = auditId, PersonId = id, Number = next + i, SampledBy = how }).ToList();
        using var process = db.BeginProcess("Assurance.SampleCases", actor);
        db.AddRange(cases);
        foreach (var c in cases)
        {
            db.RecordAccess(PersonIndex.EntityType, c.PersonId.ToString(), AuditAction.Viewed, $"audit sample {auditId}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return cases;
    }

    /// <summary>Takes a case out of the sample while no agency has been asked for a return.</summary>
    public async Task RemoveCaseAsync(Guid caseId, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        var auditCase = await db.Set<AuditCase>().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new SafeguardValidationException("Case", "There is no such case in the sample");
        if (await db.Set<AuditReturn>().AnyAsync(r => r.CaseId == caseId, cancellationToken))
        {
            throw new SafeguardValidationException("Case", "The agencies have been asked about this case: it stays in the sample");
        }

        using var process = db.BeginProcess("Assurance.RemoveCase", actor);
        db.Entry(auditCase).Property(c => c.Version).OriginalValue = version;
        db.Remove(auditCase);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The sample with each case's returns. Each child the reader may see is named (and the reading audited);
    /// a restricted child the reader is not named on shows as "Restricted record".
    /// </summary>
    public async Task<IReadOnlyList<AuditCaseView>> CasesAsync(Guid auditId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var cases = await db.Set<AuditCase>().AsNoTracking().Where(c => c.AuditId == auditId).OrderBy(c => c.Number).ToListAsync(cancellationToken);
        var ids = cases.Select(c => c.PersonId).ToList();
        var visible = await people.Visible(actor).AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        var returns = (await db.Set<AuditReturn>().AsNoTracking().Include(r => r.Agency).Where(r => r.AuditId == auditId)
            .ToListAsync(cancellationToken)).ToLookup(r => r.CaseId);
        if (visible.Count > 0)
        {
            using var process = db.BeginProcess("Assurance.ViewSample", actor);
            foreach (var id in visible.Keys)
            {
                db.RecordAccess(PersonIndex.EntityType, id.ToString(), AuditAction.Viewed, $"audit sample {auditId}");
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return [.. cases.Select(c => new AuditCaseView(
            c,
            visible.TryGetValue(c.PersonId, out var name) ? name : RestrictedName,
            !visible.ContainsKey(c.PersonId),
            [.. returns[c.Id].OrderBy(r => r.Agency!.Name, StringComparer.Ordinal)]))];
    }

    /// <summary>Asks each agency for a return on every case of the sample, by a due date; the tool and sample are then fixed.</summary>
    public async Task OpenReturnsAsync(Guid auditId, int version, IReadOnlyCollection<Guid> agencyIds, DateOnly? dueOn, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agencyIds);
        var audit = await db.Set<MultiAgencyAudit>().FirstOrDefaultAsync(a => a.Id == auditId, cancellationToken)
            ?? throw new SafeguardValidationException("Audit", "There is no such audit");
        var problems = new Problems();
        if (audit.Status != AuditStatus.Planned)
        {
            problems.Add("AgencyIds", "The agencies have already been asked for their returns");
        }

        var cases = await db.Set<AuditCase>().AsNoTracking().Where(c => c.AuditId == auditId).Select(c => c.Id).ToListAsync(cancellationToken);
        if (cases.Count == 0)
        {
            problems.Add("AgencyIds", "Draw the sample of cases first");
        }

        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id) && a.IsActive).Select(a => a.Id).ToListAsync(cancellationToken);
        if (agencies.Count == 0)
        {
            problems.Add("AgencyIds", "Select the agencies taking part");
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
        using var process = db.BeginProcess("Assurance.OpenReturns", actor);
        db.Entry(audit).Property(a => a.Version).OriginalValue = version;
        audit.Status = AuditStatus.ReturnsOpen;
        audit.ReturnsDueOn = dueOn;
        foreach (var caseId in cases)
        {
            foreach (var agency in agencies)
            {
                db.Add(new AuditReturn { AuditId = auditId, CaseId = caseId, AgencyId = agency, DueOn = dueOn!.Value });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public static string Describe(SampleCriterion criterion) => criterion switch
    {
        SampleCriterion.ProtectionPlanStarted => "Child protection plan started",
        SampleCriterion.MissingEpisode => "Missing episode started",
        _ => "Referred",
    };

    internal static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private IQueryable<Guid> Candidates(SampleCriterion criterion, DateOnly from, DateOnly to)
    {
        switch (criterion)
        {
            case SampleCriterion.ProtectionPlanStarted:
                return db.Set<ProtectionPlan>().Where(p => p.StartDate >= from && p.StartDate <= to)
                    .Join(db.Set<NeedEpisode>(), p => p.EpisodeId, e => e.Id, (p, e) => e.PersonId);
            case SampleCriterion.MissingEpisode:
                var start = UkTime.StartOfDay(from);
                var end = UkTime.StartOfDay(to.AddDays(1));
                return db.Set<MissingEpisode>().Where(m => m.PersonId != null && m.StartedAt >= start && m.StartedAt < end).Select(m => m.PersonId!.Value);
            default:
                return db.Set<NeedEpisode>().Where(e => e.ReferralDate >= from && e.ReferralDate <= to).Select(e => e.PersonId);
        }
    }

    private static Guid[] Shuffle(List<Guid> items)
    {
        var copy = items.ToArray();
        RandomNumberGenerator.Shuffle(copy.AsSpan());
        return copy;
    }
}
