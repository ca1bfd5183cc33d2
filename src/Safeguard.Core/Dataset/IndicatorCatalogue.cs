using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Organisations;
using Safeguard.Persistence;

namespace Safeguard.Dataset;

/// <summary>A group of the dataset, numbered as in Appendix 1.</summary>
public sealed record IndicatorGroup(int Number, string Title);

/// <summary>An indicator as the product ships it (<c>Dataset/Data/indicators.json</c>).</summary>
public sealed record ShippedIndicator(
    string Code,
    string Title,
    string Definition,
    IndicatorUnit Unit,
    IndicatorAggregation Aggregation,
    IndicatorPolarity Polarity,
    IndicatorSource Source,
    string? Calculation = null,
    AgencyType? SuppliedBy = null,
    decimal TolerancePercent = 10m);

/// <summary>
/// The shipped catalogue, and the start-up step that puts any indicator the database lacks into it. Indicators
/// already there are the business unit's: the sync never overwrites their edits.
/// </summary>
public static class IndicatorCatalogue
{
    internal const string ResourceName = "Safeguard.Dataset.Data.indicators.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    private static readonly Lazy<(IReadOnlyList<IndicatorGroup> Groups, IReadOnlyList<ShippedIndicator> Indicators)> Shipped = new(Load);

    public static IReadOnlyList<IndicatorGroup> Groups => Shipped.Value.Groups;

    public static IReadOnlyList<ShippedIndicator> Indicators => Shipped.Value.Indicators;

    public static string GroupTitle(int number) => Groups.FirstOrDefault(g => g.Number == number)?.Title ?? $"Group {number}";

    /// <summary>The group number of a code: the part before the first dot.</summary>
    public static int GroupOf(string code) => int.Parse(code.AsSpan(0, code.IndexOf('.', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Adds the shipped indicators the database does not have yet; returns how many were added.</summary>
    public static async Task<int> SyncAsync(SafeguardDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.Set<Indicator>().Select(i => i.Code).ToListAsync(cancellationToken);
        var switched = await SwitchToComputedAsync(db, cancellationToken);
        var agencies = await db.Agencies.Where(a => a.IsActive).OrderBy(a => a.Code).ToListAsync(cancellationToken);
        var added = 0;
        using var process = db.BeginProcess("Dataset.SyncCatalogue", Actor.System());
        for (var i = 0; i < Indicators.Count; i++)
        {
            var shipped = Indicators[i];
            if (existing.Contains(shipped.Code, StringComparer.Ordinal))
            {
                continue;
            }

            db.Add(new Indicator
            {
                Code = shipped.Code,
                GroupNumber = GroupOf(shipped.Code),
                Title = shipped.Title,
                Definition = shipped.Definition,
                Unit = shipped.Unit,
                Aggregation = shipped.Aggregation,
                Polarity = shipped.Polarity,
                Source = shipped.Source,
                Calculation = shipped.Calculation,
                TolerancePercent = shipped.TolerancePercent,
                SupplierAgencyId = shipped.SuppliedBy is { } type ? agencies.FirstOrDefault(a => a.Type == type)?.Id : null,
                SortOrder = (i + 1) * 10,
            });
            added++;
        }

        if (added > 0 || switched > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return added;
    }

    /// <summary>
    /// Switches an indicator the database has as returned and the product now computes (ADR 0035): it becomes computed
    /// from the quarter after the latest quarter any figure was returned for it, so every quarter returned keeps its
    /// figure; with none returned it is computed for every quarter. Its supplier is kept, for the history. Tracked, not saved.
    /// </summary>
    private static async Task<int> SwitchToComputedAsync(SafeguardDbContext db, CancellationToken cancellationToken)
    {
        var computedCodes = Indicators.Where(i => i.Source == IndicatorSource.Computed).Select(i => i.Code).ToList();
        var toSwitch = await db.Set<Indicator>().Where(i => i.Source == IndicatorSource.Returned && computedCodes.Contains(i.Code)).ToListAsync(cancellationToken);
        foreach (var indicator in toSwitch)
        {
            var returned = await db.Set<ReturnedFigure>().Where(f => f.IndicatorId == indicator.Id)
                .Join(db.Set<DataReturnRequest>(), f => f.RequestId, q => q.Id, (f, q) => q.DataReturnId)
                .Join(db.Set<DataReturn>(), id => id, r => r.Id, (id, r) => new { r.YearStart, r.Quarter })
                .Distinct()
                .ToListAsync(cancellationToken);
            var latest = returned.Select(r => new ReportingYear(r.YearStart).Quarter(r.Quarter)).OrderByDescending(q => q.Start).Cast<ReportingQuarter?>().FirstOrDefault();
            var shipped = Indicators.First(i => i.Code == indicator.Code);
            indicator.Source = IndicatorSource.Computed;
            indicator.Calculation = shipped.Calculation;
            indicator.Definition = shipped.Definition;
            indicator.ComputedFrom = latest is { } q ? q.End.AddDays(1) : null;
        }

        return toSwitch.Count;
    }

    private static (IReadOnlyList<IndicatorGroup>, IReadOnlyList<ShippedIndicator>) Load()
    {
        using var stream = typeof(IndicatorCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The indicator catalogue {ResourceName} is not embedded in Safeguard.Core.");
        var file = JsonSerializer.Deserialize<CatalogueFile>(stream, JsonOptions)
            ?? throw new InvalidOperationException($"The indicator catalogue {ResourceName} is empty.");
        var duplicate = file.Indicators.GroupBy(i => i.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"The indicator catalogue lists {duplicate.Key} twice.");
        }

        foreach (var indicator in file.Indicators)
        {
            var valid = indicator.Source switch
            {
                IndicatorSource.Computed => indicator.Calculation is not null && indicator.SuppliedBy is null,
                IndicatorSource.Returned => indicator.Calculation is null && indicator.SuppliedBy is not null,
                _ => indicator.Calculation is null && indicator.SuppliedBy is null,
            };
            if (!valid || file.Groups.All(g => g.Number != GroupOf(indicator.Code)))
            {
                throw new InvalidOperationException($"Indicator {indicator.Code} in the catalogue: a computed indicator names a calculation, a returned one the type of agency that supplies it, a context one neither; and its group must exist.");
            }
        }

        return (file.Groups, file.Indicators);
    }

    private sealed record CatalogueFile(IReadOnlyList<IndicatorGroup> Groups, IReadOnlyList<ShippedIndicator> Indicators);
}
