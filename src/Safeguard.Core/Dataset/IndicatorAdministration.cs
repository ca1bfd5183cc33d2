using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.Dataset;

/// <summary>What the business unit may change about an indicator (its code, group and source are fixed).</summary>
public sealed record IndicatorChange(
    string? Title,
    string? Definition,
    IndicatorAggregation? Aggregation,
    IndicatorPolarity? Polarity,
    string? TolerancePercent,
    Guid? SupplierAgencyId,
    bool IsRetired);

/// <summary>The business unit's upkeep of the indicator catalogue and the context figures. Every change is audited.</summary>
public sealed class IndicatorAdministration(SafeguardDbContext db)
{
    public Task<List<Indicator>> ListAsync(CancellationToken cancellationToken = default) =>
        db.Set<Indicator>().AsNoTracking().Include(i => i.SupplierAgency)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(cancellationToken);

    public Task<Indicator?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        db.Set<Indicator>().AsNoTracking().Include(i => i.SupplierAgency).FirstOrDefaultAsync(i => i.Code == code, cancellationToken);

    public Task<Indicator?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<Indicator>().AsNoTracking().Include(i => i.SupplierAgency).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    /// <summary>The context figures recorded for the years around <paramref name="year"/>, newest first.</summary>
    public Task<List<ContextFigure>> ContextFiguresAsync(ReportingYear year, CancellationToken cancellationToken = default) =>
        db.Set<ContextFigure>().AsNoTracking()
            .Where(c => c.YearStart >= year.StartYear - 1 && c.YearStart <= year.StartYear)
            .OrderByDescending(c => c.YearStart).ThenBy(c => c.IndicatorId).ThenBy(c => c.Quarter)
            .ToListAsync(cancellationToken);

    public async Task ChangeAsync(string code, int version, IndicatorChange change, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(actor);
        var indicator = await db.Set<Indicator>().FirstOrDefaultAsync(i => i.Code == code, cancellationToken)
            ?? throw new SafeguardValidationException("Code", $"There is no indicator {code}");
        var problems = new List<ValidationProblem>();
        var title = change.Title?.Trim() ?? "";
        if (title.Length is 0 or > 300)
        {
            problems.Add(new("Title", "Enter the title, 300 characters or fewer"));
        }

        var definition = change.Definition?.Trim() ?? "";
        if (definition.Length is 0 or > 4000)
        {
            problems.Add(new("Definition", "Enter the definition in plain English, 4000 characters or fewer"));
        }

        if (change.Aggregation is not { } aggregation || !Enum.IsDefined(aggregation))
        {
            problems.Add(new("Aggregation", "Select how the quarters make the year"));
        }

        if (change.Polarity is not { } polarity || !Enum.IsDefined(polarity))
        {
            problems.Add(new("Polarity", "Select whether higher is better, lower is better, or neither"));
        }

        var tolerance = Number("TolerancePercent", change.TolerancePercent, "The tolerance", required: true, problems);
        if (tolerance is > 1000)
        {
            problems.Add(new("TolerancePercent", "The tolerance must be between 0 and 1000 per cent"));
        }

        if (indicator.Source == IndicatorSource.Returned)
        {
            if (change.SupplierAgencyId is not { } agencyId)
            {
                problems.Add(new("SupplierAgencyId", "Select the agency that supplies this figure"));
            }
            else if (!await db.Agencies.AnyAsync(a => a.Id == agencyId && a.IsActive, cancellationToken))
            {
                problems.Add(new("SupplierAgencyId", "Select an active agency"));
            }
        }
        else if (change.SupplierAgencyId is not null)
        {
            problems.Add(new("SupplierAgencyId", "Only a returned indicator has a supplying agency"));
        }

        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }

        indicator.Title = title;
        indicator.Definition = definition;
        indicator.Aggregation = change.Aggregation!.Value;
        indicator.Polarity = change.Polarity!.Value;
        indicator.TolerancePercent = tolerance!.Value;
        indicator.SupplierAgencyId = change.SupplierAgencyId;
        indicator.IsRetired = change.IsRetired;
        using (db.BeginProcess("Dataset.ChangeIndicator", actor))
        {
            db.Entry(indicator).Property(i => i.Version).OriginalValue = version;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Records a context figure for a year (<paramref name="quarter"/> null) or a quarter; a later figure supersedes an earlier one.</summary>
    public async Task<ContextFigure> RecordContextAsync(string code, ReportingYear year, int? quarter, string? value, string? note, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var indicator = await db.Set<Indicator>().AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, cancellationToken)
            ?? throw new SafeguardValidationException("Code", $"There is no indicator {code}");
        var problems = new List<ValidationProblem>();
        if (indicator.Source != IndicatorSource.Context)
        {
            problems.Add(new("Code", $"{code} is {indicator.Source.ToString().ToLowerInvariant()}, not a context figure"));
        }

        if (quarter is < 1 or > 4)
        {
            problems.Add(new("Quarter", "The quarter must be 1 to 4, or none for the whole year"));
        }

        var number = Number("Value", value, "The figure", required: true, problems);
        if (number is > 100 && indicator.Unit == IndicatorUnit.Percentage)
        {
            problems.Add(new("Value", "A percentage must be between 0 and 100"));
        }

        var trimmedNote = note?.Trim();
        if (trimmedNote is { Length: > 2000 })
        {
            problems.Add(new("Note", "The note must be 2000 characters or fewer"));
        }

        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }

        var figure = new ContextFigure
        {
            IndicatorId = indicator.Id,
            YearStart = year.StartYear,
            Quarter = quarter,
            Value = number!.Value,
            Note = string.IsNullOrEmpty(trimmedNote) ? null : trimmedNote,
            RecordedAt = db.Time.GetUtcNow(),
            RecordedBy = actor.Name,
        };
        using (db.BeginProcess("Dataset.RecordContextFigure", actor))
        {
            db.Add(figure);
            await db.SaveChangesAsync(cancellationToken);
        }

        return figure;
    }

    private static decimal? Number(string field, string? text, string what, bool required, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add(new(field, $"Enter {what.ToLowerInvariant()}"));
            }

            return null;
        }

        if (!decimal.TryParse(text.Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.GetCultureInfo("en-GB"), out var number))
        {
            problems.Add(new(field, $"{what} must be a number, like 12.5"));
            return null;
        }

        if (number < 0)
        {
            problems.Add(new(field, $"{what} cannot be negative"));
            return null;
        }

        return number;
    }
}
