using Microsoft.EntityFrameworkCore;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.Assurance;

/// <summary>How many returns were given each grade (the scale's grades, best first).</summary>
public sealed record GradeCount(string Grade, int Returns);

/// <summary>
/// A programme year's audit figures for the annual report: audits planned, completed and inconclusive, return
/// rates by agency, the distribution of the agencies' grades, and moderation (agreement and over-optimism).
/// </summary>
public sealed record AuditAnnualFigures(
    ReportingYear Year,
    int Audits,
    int Completed,
    int Inconclusive,
    IReadOnlyList<AgencyReturnRate> ReturnRates,
    IReadOnlyList<GradeCount> Grades,
    ModerationSummary Moderation)
{
    public int Asked => ReturnRates.Sum(r => r.Asked);

    public int Returned => ReturnRates.Sum(r => r.Returned);

    public decimal ReturnRate => Asked == 0 ? 0 : Math.Round(100m * Returned / Asked, 1);
}

/// <summary>The annual report's figures on multi-agency audits, as data.</summary>
public sealed class AuditFigures(SafeguardDbContext db, AuditService audits, AuditReturnService returns)
{
    public async Task<AuditAnnualFigures> ForYearAsync(ReportingYear year, CancellationToken cancellationToken = default)
    {
        var programme = await db.Set<MultiAgencyAudit>().AsNoTracking().Where(a => a.YearStart == year.StartYear).ToListAsync(cancellationToken);
        var ids = programme.Select(a => a.Id).ToList();
        var grades = await db.Set<AuditReturn>().AsNoTracking()
            .Where(r => ids.Contains(r.AuditId) && r.SubmittedAt != null && r.Grade != null)
            .GroupBy(r => r.Grade!).Select(g => new { Grade = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Grade, g => g.Count, cancellationToken);
        // Grades in scale order (the default scale first, then any other grade a tool used).
        var order = MultiAgencyAudit.DefaultScale.Concat(programme.SelectMany(a => a.Grades)).Distinct(StringComparer.Ordinal).ToList();
        return new AuditAnnualFigures(
            year,
            programme.Count,
            programme.Count(a => a.Status == AuditStatus.Completed),
            programme.Count(a => a.Status == AuditStatus.Inconclusive),
            await returns.RatesAsync(null, year.StartYear, cancellationToken),
            [.. order.Where(grades.ContainsKey).Select(g => new GradeCount(g, grades[g]))],
            await audits.ModerationAsync(null, year.StartYear, cancellationToken));
    }
}
