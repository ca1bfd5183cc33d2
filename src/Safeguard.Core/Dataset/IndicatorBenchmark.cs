using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.Dataset;

/// <summary>Whose figure a benchmark is: a published average to compare with, or the partnership's own target.</summary>
public enum BenchmarkKind
{
    /// <summary>The average of the area's statistical neighbours (DfE's children's services statistical neighbour benchmarking tool).</summary>
    StatisticalNeighbours,

    /// <summary>The England average.</summary>
    England,

    /// <summary>The regional average (North West).</summary>
    Region,

    /// <summary>The partnership's own target for the year, agreed by the safeguarding partners.</summary>
    Target,
}

/// <summary>
/// A published comparator for one indicator and reporting year, entered by the business unit with where it came
/// from. One per indicator, year and kind; changed in place (audited, with the version checked), since it is a
/// copy of someone else's published figure rather than the partnership's own.
/// </summary>
public sealed class IndicatorBenchmark : Entity
{
    public Guid IndicatorId { get; set; }

    public Indicator? Indicator { get; set; }

    /// <summary>The reporting year it is for, by the year it starts in.</summary>
    public int YearStart { get; set; }

    public BenchmarkKind Kind { get; set; }

    public decimal Value { get; set; }

    /// <summary>Where the figure was published, for example "DfE Children in need 2024-25, table C1".</summary>
    public required string Source { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

/// <summary>A benchmark as typed on the page or command line: text, checked by <see cref="BenchmarkAdministration"/>.</summary>
/// <remarks>Id: The benchmark being changed, or null for a new one. Version: The version the user saw, for a change.</remarks>
public sealed record BenchmarkEntry(Guid? Id, int Version, string? IndicatorCode, int? YearStart, BenchmarkKind? Kind, string? Value, string? Source);

/// <summary>The business unit's upkeep of benchmarks. Every change is audited.</summary>
public sealed class BenchmarkAdministration(SafeguardDbContext db)
{
    public static string Describe(BenchmarkKind kind) => kind switch
    {
        BenchmarkKind.StatisticalNeighbours => "Statistical neighbours' average",
        BenchmarkKind.England => "England average",
        BenchmarkKind.Target => "Partnership target",
        _ => "North West average",
    };

    /// <summary>Every benchmark, or those of one year, in catalogue order.</summary>
    public Task<List<IndicatorBenchmark>> ListAsync(int? yearStart = null, CancellationToken cancellationToken = default)
    {
        var query = db.Set<IndicatorBenchmark>().AsNoTracking().Include(b => b.Indicator).AsQueryable();
        if (yearStart is { } year)
        {
            query = query.Where(b => b.YearStart == year);
        }

        return query.OrderByDescending(b => b.YearStart).ThenBy(b => b.Indicator!.SortOrder).ThenBy(b => b.Kind).ToListAsync(cancellationToken);
    }

    public Task<List<IndicatorBenchmark>> ForIndicatorAsync(Guid indicatorId, CancellationToken cancellationToken = default) =>
        db.Set<IndicatorBenchmark>().AsNoTracking().Include(b => b.Indicator)
            .Where(b => b.IndicatorId == indicatorId)
            .OrderByDescending(b => b.YearStart).ThenBy(b => b.Kind)
            .ToListAsync(cancellationToken);

    public Task<IndicatorBenchmark?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<IndicatorBenchmark>().AsNoTracking().Include(b => b.Indicator).FirstOrDefaultAsync(b => b.Id == id, cancellationToken);

    /// <summary>Adds a benchmark (<see cref="BenchmarkEntry.Id"/> null) or changes one; a second of the same indicator, year and kind is refused.</summary>
    public async Task<IndicatorBenchmark> SaveAsync(BenchmarkEntry entry, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = new List<ValidationProblem>();
        IndicatorBenchmark? existing = null;
        if (entry.Id is { } id)
        {
            existing = await db.Set<IndicatorBenchmark>().FirstOrDefaultAsync(b => b.Id == id, cancellationToken)
                ?? throw new SafeguardValidationException("Id", "There is no such benchmark: it may have been removed");
        }

        var code = entry.IndicatorCode?.Trim() ?? "";
        var indicator = code.Length == 0 ? null : await db.Set<Indicator>().AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, cancellationToken);
        if (indicator is null)
        {
            problems.Add(new("IndicatorCode", code.Length == 0 ? "Select the indicator" : $"There is no indicator {code}"));
        }

        if (entry.YearStart is not (>= 2000 and <= 2100))
        {
            problems.Add(new("YearStart", "Select the reporting year the benchmark is for"));
        }

        if (entry.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            problems.Add(new("Kind", "Select whose average the benchmark is"));
        }

        var value = ParseValue(entry.Value, indicator, problems);
        var source = entry.Source?.Trim() ?? "";
        if (source.Length is 0 or > 500)
        {
            problems.Add(new("Source", "Enter where the benchmark was published, 500 characters or fewer"));
        }

        if (problems.Count == 0 && await db.Set<IndicatorBenchmark>().AnyAsync(
            b => b.IndicatorId == indicator!.Id && b.YearStart == entry.YearStart && b.Kind == entry.Kind && b.Id != (entry.Id ?? Guid.Empty), cancellationToken))
        {
            problems.Add(new("Kind", $"There is already a {Describe(entry.Kind!.Value).ToLowerInvariant()} for {indicator!.Code} in {new ReportingYear(entry.YearStart!.Value).Name}: change that one"));
        }

        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }

        var benchmark = existing ?? new IndicatorBenchmark { Source = source, RecordedBy = actor.Name };
        benchmark.IndicatorId = indicator!.Id;
        benchmark.YearStart = entry.YearStart!.Value;
        benchmark.Kind = entry.Kind!.Value;
        benchmark.Value = value!.Value;
        benchmark.Source = source;
        benchmark.RecordedAt = db.Time.GetUtcNow();
        benchmark.RecordedBy = actor.Name;
        using (db.BeginProcess(existing is null ? "Dataset.AddBenchmark" : "Dataset.ChangeBenchmark", actor))
        {
            if (existing is null)
            {
                db.Add(benchmark);
            }
            else
            {
                db.Entry(existing).Property(b => b.Version).OriginalValue = entry.Version;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return benchmark;
    }

    /// <summary>Removes a benchmark entered in error; the audit trail keeps what it was.</summary>
    public async Task RemoveAsync(Guid id, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var benchmark = await db.Set<IndicatorBenchmark>().FirstOrDefaultAsync(b => b.Id == id, cancellationToken)
            ?? throw new ConcurrencyConflictException();
        using (db.BeginProcess("Dataset.RemoveBenchmark", actor))
        {
            db.Entry(benchmark).Property(b => b.Version).OriginalValue = version;
            db.Remove(benchmark);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static decimal? ParseValue(string? text, Indicator? indicator, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new("Value", "Enter the benchmark value"));
            return null;
        }

        if (!decimal.TryParse(text.Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.GetCultureInfo("en-GB"), out var number))
        {
            problems.Add(new("Value", "The benchmark must be a number, like 12.5"));
            return null;
        }

        if (number < 0)
        {
            problems.Add(new("Value", "The benchmark cannot be negative"));
            return null;
        }

        if (number > 100 && indicator?.Unit == IndicatorUnit.Percentage)
        {
            problems.Add(new("Value", "A percentage must be between 0 and 100"));
            return null;
        }

        return number;
    }
}
