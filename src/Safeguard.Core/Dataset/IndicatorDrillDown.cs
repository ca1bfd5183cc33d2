using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.Dataset;

/// <summary>A child in a drill-down: their name, or null when their record is restricted and the reader is not named on it.</summary>
public sealed record DrillDownChild(Guid Id, string? Name)
{
    /// <summary>How a child whose record the reader may not see is shown.</summary>
    public const string RestrictedName = "Restricted record";

    public string DisplayName => Name ?? RestrictedName;
}

/// <summary>
/// The drill-down from a computed figure to what it counted, as the two audiences see it: everyone who may see
/// the dataset sees the counts (<see cref="CountsAsync"/>); a reader who may see children's records also sees
/// the children (<see cref="WithChildrenAsync"/>), and that listing is written to the access audit against
/// each child shown.
/// </summary>
public sealed class IndicatorDrillDown(DatasetCalculator calculator, SafeguardDbContext db, PersonIndex people)
{
    public const string EntityType = "IndicatorBreakdown";

    /// <summary>The records counted, for counts only: no child is named, so nothing is audited.</summary>
    public Task<IndicatorBreakdownResult?> CountsAsync(Guid indicatorId, ReportingQuarter quarter, DateTimeOffset? asAt, CancellationToken cancellationToken = default) =>
        calculator.BreakdownAsync(indicatorId, quarter, asAt, cancellationToken);

    /// <summary>
    /// What one reader may see: the records with their children (audited) when <paramref name="withChildren"/>,
    /// the counts only otherwise; null when the indicator is not a computed one.
    /// </summary>
    /// <remarks>how: How the listing is taken, for the audit trail ("downloaded as CSV"), or null for the page.</remarks>
    public async Task<(IndicatorBreakdownResult Result, IReadOnlyDictionary<Guid, DrillDownChild>? Children)?> ForReaderAsync(
        Guid indicatorId, ReportingQuarter quarter, DateTimeOffset? asAt, Actor actor, bool withChildren, string? how = null, CancellationToken cancellationToken = default)
    {
        if (withChildren)
        {
            return await WithChildrenAsync(indicatorId, quarter, asAt, actor, how, cancellationToken) is { } listed ? (listed.Result, listed.Children) : null;
        }

        return await CountsAsync(indicatorId, quarter, asAt, cancellationToken) is { } counts ? (counts, null) : null;
    }

    /// <summary>
    /// The records counted with the children they are about; a restricted child the actor is not named on has no
    /// name. The listing is audited: one event for the list, and one "viewed" event for each child named.
    /// </summary>
    /// <remarks>how: How the listing is taken, for the audit trail ("downloaded as CSV"), or null for the page.</remarks>
    public async Task<(IndicatorBreakdownResult Result, IReadOnlyDictionary<Guid, DrillDownChild> Children)?> WithChildrenAsync(
        Guid indicatorId, ReportingQuarter quarter, DateTimeOffset? asAt, Actor actor, string? how = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var result = await calculator.BreakdownAsync(indicatorId, quarter, asAt, cancellationToken);
        if (result is null)
        {
            return null;
        }

        var ids = result.Breakdown.Records.SelectMany(r => r.Children).Distinct().ToList();
        var visible = new Dictionary<Guid, string>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var p in await people.Visible(actor).AsNoTracking().Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.DisplayName }).ToListAsync(cancellationToken))
            {
                visible[p.Id] = p.DisplayName;
            }
        }

        var children = ids.ToDictionary(id => id, id => new DrillDownChild(id, visible.GetValueOrDefault(id)));
        var taken = how is null ? "" : $" ({how})";
        var what = $"dataset drill-down {result.Indicator.Code} {quarter.Name}{taken}";
        using (db.BeginProcess("Dataset.DrillDown", actor))
        {
            db.RecordAccess(EntityType, $"{result.Indicator.Code}:{quarter.Name}", AuditAction.Viewed, $"records={result.Breakdown.Records.Count}; children named={visible.Count}{(how is null ? "" : $"; {how}")}");
            foreach (var id in visible.Keys)
            {
                db.RecordAccess(PersonIndex.EntityType, id.ToString(), AuditAction.Viewed, what);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return (result, children);
    }
}
