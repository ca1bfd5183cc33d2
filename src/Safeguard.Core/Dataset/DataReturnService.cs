using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.Dataset;

/// <summary>What an agency enters for one indicator: a figure as typed, or a reason there is none.</summary>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="Value">The figure as typed (checked here, so a page can pass what the user wrote).</param>
/// <param name="MissingReason">Why there is no figure, when <paramref name="Value"/> is empty.</param>
/// <param name="Comment">Free text: required with <see cref="MissingFigureReason.Other"/>, optional otherwise.</param>
/// <param name="ConfirmUnusual">The agency confirms a figure far outside its previous quarters.</param>
public sealed record FigureEntry(string IndicatorCode, string? Value, MissingFigureReason? MissingReason = null, string? Comment = null, bool ConfirmUnusual = false);

/// <summary>Where an agency's request stands.</summary>
public enum RequestStatus
{
    Outstanding,
    Late,
    Submitted,
    SubmittedLate,
}

/// <summary>One agency's request as the business unit sees it.</summary>
public sealed record RequestProgress(
    DataReturnRequest Request,
    string AgencyName,
    RequestStatus Status,
    int Owed,
    int Given,
    IReadOnlyList<(string Code, string Title, string Reason)> Missing,
    int Reminders,
    DateTimeOffset? LastReminder);

/// <summary>One indicator of a request with what the agency has entered so far.</summary>
public sealed record RequestLine(Indicator Indicator, ReturnedFigure? Latest, IReadOnlyList<decimal> PreviousQuarters);

/// <summary>
/// Partner data returns: the business unit opens a quarter's return, each supplying agency enters and submits
/// its figures (or says why it cannot), and the business unit follows up who still owes what.
/// </summary>
public sealed class DataReturnService(SafeguardDbContext db)
{
    public const string EntityType = "DataReturnRequest";

    /// <summary>A figure outside this many times the agency's previous range is flagged for confirmation.</summary>
    public const decimal UnusualFactor = 1.5m;

    public static string Describe(MissingFigureReason? reason) => reason switch
    {
        MissingFigureReason.NotCollected => "Not collected by the agency",
        MissingFigureReason.SystemUnavailable => "The agency's system was unavailable",
        MissingFigureReason.DataQualityIssue => "Withheld for a data quality problem",
        MissingFigureReason.NotYetAvailable => "Not yet available",
        MissingFigureReason.NotApplicable => "Not applicable to the agency",
        MissingFigureReason.Other => "Other reason",
        _ => "No reason given",
    };

    /// <summary>Opens the return for a quarter: a request to each agency that supplies returned indicators.</summary>
    public async Task<DataReturn> OpenAsync(ReportingQuarter quarter, DateOnly? dueOn, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var today = UkTime.Today(db.Time);
        var problems = new List<ValidationProblem>();
        if (quarter.Start > today)
        {
            problems.Add(new("Quarter", $"{quarter.Name} has not started yet: open its return once the quarter is under way"));
        }

        if (dueOn is not { } due)
        {
            problems.Add(new("DueOn", "Enter the date the figures are due"));
        }
        else if (due <= quarter.End)
        {
            problems.Add(new("DueOn", $"The due date must be after the quarter ends ({quarter.End:d MMMM yyyy})"));
        }

        if (await db.Set<DataReturn>().AnyAsync(r => r.YearStart == quarter.Year.StartYear && r.Quarter == quarter.Number, cancellationToken))
        {
            problems.Add(new("Quarter", $"The return for {quarter.Name} is already open"));
        }

        var suppliers = await db.Set<Indicator>()
            .Where(i => i.Source == IndicatorSource.Returned && !i.IsRetired && i.SupplierAgencyId != null)
            .Where(i => i.Aggregation != IndicatorAggregation.Annual || quarter.Number == 4)
            .Select(i => i.SupplierAgencyId!.Value).Distinct().ToListAsync(cancellationToken);
        if (suppliers.Count == 0)
        {
            problems.Add(new("Quarter", "No returned indicator names an agency to supply it: name suppliers in the indicator catalogue first"));
        }

        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }

        var dataReturn = new DataReturn
        {
            YearStart = quarter.Year.StartYear,
            Quarter = quarter.Number,
            DueOn = dueOn!.Value,
            OpenedAt = db.Time.GetUtcNow(),
            OpenedBy = actor.Name,
        };
        foreach (var agency in suppliers)
        {
            dataReturn.Requests.Add(new DataReturnRequest { AgencyId = agency, DueOn = dueOn.Value });
        }

        using (db.BeginProcess("Dataset.OpenReturn", actor))
        {
            db.Add(dataReturn);
            await db.SaveChangesAsync(cancellationToken);
        }

        return dataReturn;
    }

    public Task<List<DataReturn>> ReturnsAsync(CancellationToken cancellationToken = default) =>
        db.Set<DataReturn>().AsNoTracking().Include(r => r.Requests)
            .OrderByDescending(r => r.YearStart).ThenByDescending(r => r.Quarter)
            .ToListAsync(cancellationToken);

    /// <summary>The requests of one agency, newest quarter first.</summary>
    public Task<List<DataReturnRequest>> RequestsForAgencyAsync(Guid agencyId, CancellationToken cancellationToken = default) =>
        db.Set<DataReturnRequest>().AsNoTracking().Include(q => q.DataReturn).Include(q => q.Reminders)
            .Where(q => q.AgencyId == agencyId)
            .OrderByDescending(q => q.DataReturn!.YearStart).ThenByDescending(q => q.DataReturn!.Quarter)
            .ToListAsync(cancellationToken);

    public Task<DataReturnRequest?> RequestAsync(Guid requestId, CancellationToken cancellationToken = default) =>
        db.Set<DataReturnRequest>().AsNoTracking().Include(q => q.DataReturn).Include(q => q.Agency).Include(q => q.Reminders)
            .FirstOrDefaultAsync(q => q.Id == requestId, cancellationToken);

    /// <summary>The indicators a request covers, with the latest entry for each and the agency's previous quarters.</summary>
    public async Task<IReadOnlyList<RequestLine>> LinesAsync(DataReturnRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var period = request.DataReturn?.Period ?? (await db.Set<DataReturn>().AsNoTracking().FirstAsync(r => r.Id == request.DataReturnId, cancellationToken)).Period;
        var indicators = await OwedAsync(request.AgencyId, period, cancellationToken);
        var figures = await db.Set<ReturnedFigure>().AsNoTracking().Where(f => f.RequestId == request.Id).ToListAsync(cancellationToken);
        var history = await HistoryAsync(request, period, cancellationToken);
        return [.. indicators.Select(i => new RequestLine(
            i,
            figures.Where(f => f.IndicatorId == i.Id).OrderByDescending(f => f.RecordedAt).ThenByDescending(f => f.Id).FirstOrDefault(),
            history.TryGetValue(i.Id, out var previous) ? previous : []))];
    }

    /// <summary>
    /// Saves an agency's figures. With <paramref name="submit"/> every owed indicator needs a figure or a reason, and the
    /// request becomes submitted; a request already submitted can still be corrected (each correction is kept) but not
    /// submitted again. Saved from an older version of the request, it is refused.
    /// </summary>
    public async Task SaveAsync(Guid requestId, int version, IReadOnlyList<FigureEntry> entries, bool submit, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(actor);
        var request = await db.Set<DataReturnRequest>().Include(q => q.DataReturn)
            .FirstOrDefaultAsync(q => q.Id == requestId, cancellationToken)
            ?? throw new SafeguardValidationException("Request", "There is no such data return request");
        if (actor.AgencyId != request.AgencyId)
        {
            throw new SafeguardValidationException("Request", "Only the agency asked can enter its figures");
        }

        if (submit && request.SubmittedAt is { } earlier)
        {
            throw new SafeguardValidationException("Request", $"This return was already submitted on {UkTime.ToUkLocal(earlier):d MMMM yyyy 'at' HH:mm} by {request.SubmittedBy}. Save a correction instead of submitting again.");
        }

        var lines = await LinesAsync(request, cancellationToken);
        var problems = new List<ValidationProblem>();
        var now = db.Time.GetUtcNow();
        var rows = new List<ReturnedFigure>();
        foreach (var line in lines)
        {
            var entry = entries.FirstOrDefault(e => e.IndicatorCode == line.Indicator.Code);
            var field = FieldFor(line.Indicator.Code);
            if (entry is null || (string.IsNullOrWhiteSpace(entry.Value) && entry.MissingReason is null))
            {
                if (submit && line.Latest is null)
                {
                    problems.Add(new(field, $"{line.Indicator.Code} {line.Indicator.Title}: enter the figure, or say why you cannot give it"));
                }

                continue;
            }

            var figure = Check(line, entry, field, problems);
            if (figure is not null && !Same(line.Latest, figure))
            {
                figure.RequestId = request.Id;
                figure.RecordedAt = now;
                figure.RecordedBy = actor.Name;
                rows.Add(figure);
            }
        }

        foreach (var unknown in entries.Where(e => lines.All(l => l.Indicator.Code != e.IndicatorCode)))
        {
            problems.Add(new(FieldFor(unknown.IndicatorCode), $"{unknown.IndicatorCode} is not one of the figures this return asks for"));
        }

        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }

        using (db.BeginProcess(submit ? "Dataset.SubmitReturn" : "Dataset.SaveReturnFigures", actor))
        {
            db.Entry(request).Property(q => q.Version).OriginalValue = version;
            request.LastSavedAt = now;
            if (submit)
            {
                request.SubmittedAt = now;
                request.SubmittedBy = actor.Name;
            }

            db.AddRange(rows);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Nothing of a refused save may linger in the context to be written by a later save.
                db.ChangeTracker.Clear();
                throw;
            }
        }
    }

    /// <summary>Logs a reminder to an agency about its outstanding request.</summary>
    public async Task RemindAsync(Guid requestId, string? message, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var request = await db.Set<DataReturnRequest>().FirstOrDefaultAsync(q => q.Id == requestId, cancellationToken)
            ?? throw new SafeguardValidationException("Request", "There is no such data return request");
        if (request.SubmittedAt is not null)
        {
            throw new SafeguardValidationException("Request", "This agency has already submitted its figures");
        }

        var text = message?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new SafeguardValidationException("Message", "Enter the reminder message");
        }

        if (text.Length > 2000)
        {
            throw new SafeguardValidationException("Message", "The reminder must be 2000 characters or fewer");
        }

        using (db.BeginProcess("Dataset.RemindAgency", actor))
        {
            db.Add(new ReturnReminder { RequestId = request.Id, SentAt = db.Time.GetUtcNow(), SentBy = actor.Name, Message = text });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Who owes what for a return: each agency's status, what it has given and what is missing and why.</summary>
    public async Task<IReadOnlyList<RequestProgress>> ProgressAsync(Guid dataReturnId, CancellationToken cancellationToken = default)
    {
        var requests = await db.Set<DataReturnRequest>().AsNoTracking().Include(q => q.Agency).Include(q => q.Reminders).Include(q => q.DataReturn)
            .Where(q => q.DataReturnId == dataReturnId).AsSplitQuery().ToListAsync(cancellationToken);
        var today = UkTime.Today(db.Time);
        var result = new List<RequestProgress>();
        foreach (var request in requests.OrderBy(q => q.Agency!.Name, StringComparer.Ordinal))
        {
            var lines = await LinesAsync(request, cancellationToken);
            var status = StatusOf(request, today);
            var missing = lines
                .Where(l => l.Latest?.Value is null)
                .Select(l => (l.Indicator.Code, l.Indicator.Title, l.Latest is { } f ? Describe(f.MissingReason) + (string.IsNullOrWhiteSpace(f.Comment) ? "" : $": {f.Comment}") : "Not entered"))
                .ToList();
            result.Add(new RequestProgress(
                request,
                request.Agency!.Name,
                status,
                lines.Count,
                lines.Count(l => l.Latest?.Value is not null),
                missing,
                request.Reminders.Count,
                request.Reminders.Count == 0 ? null : request.Reminders.Max(r => r.SentAt)));
        }

        return result;
    }

    public static string FieldFor(string code) => "Figure-" + code;

    /// <summary>Where a request stands on a UK date: submitted on time or late, or outstanding and perhaps late.</summary>
    public static RequestStatus StatusOf(DataReturnRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.SubmittedAt is { } submitted
            ? (UkTime.ToUkDate(submitted) > request.DueOn ? RequestStatus.SubmittedLate : RequestStatus.Submitted)
            : (today > request.DueOn ? RequestStatus.Late : RequestStatus.Outstanding);
    }

    /// <summary>A figure as people write it: no trailing zeros from the database's scale.</summary>
    public static string Show(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>What the agency owes for the quarter: its returned indicators, annual ones only in Q4 (the year's end).</summary>
    private async Task<List<Indicator>> OwedAsync(Guid agencyId, ReportingQuarter period, CancellationToken cancellationToken)
    {
        var indicators = await db.Set<Indicator>().AsNoTracking()
            .Where(i => i.Source == IndicatorSource.Returned && !i.IsRetired && i.SupplierAgencyId == agencyId)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Code)
            .ToListAsync(cancellationToken);
        return [.. indicators.Where(i => i.Aggregation != IndicatorAggregation.Annual || period.Number == 4)];
    }

    /// <summary>The agency's submitted figures for each indicator in the four quarters before this one.</summary>
    private async Task<Dictionary<Guid, IReadOnlyList<decimal>>> HistoryAsync(DataReturnRequest request, ReportingQuarter period, CancellationToken cancellationToken)
    {
        var earlier = await db.Set<DataReturnRequest>().AsNoTracking().Include(q => q.DataReturn)
            .Where(q => q.AgencyId == request.AgencyId && q.Id != request.Id && q.SubmittedAt != null)
            .ToListAsync(cancellationToken);
        var ordinal = (period.Year.StartYear * 4) + period.Number;
        var previousIds = earlier
            .Where(q => (q.DataReturn!.YearStart * 4) + q.DataReturn.Quarter is var o && o < ordinal && o >= ordinal - 4)
            .Select(q => q.Id).ToList();
        var figures = await db.Set<ReturnedFigure>().AsNoTracking().Where(f => previousIds.Contains(f.RequestId)).ToListAsync(cancellationToken);
        return figures
            .GroupBy(f => (f.RequestId, f.IndicatorId))
            .Select(g => g.OrderByDescending(f => f.RecordedAt).ThenByDescending(f => f.Id).First())
            .Where(f => f.Value is not null)
            .GroupBy(f => f.IndicatorId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<decimal>)[.. g.Select(f => f.Value!.Value)]);
    }

    private static ReturnedFigure? Check(RequestLine line, FigureEntry entry, string field, List<ValidationProblem> problems)
    {
        var indicator = line.Indicator;
        var label = $"{indicator.Code} {indicator.Title}";
        var comment = entry.Comment?.Trim();
        if (comment is { Length: > 2000 })
        {
            problems.Add(new(field, $"{label}: the comment must be 2000 characters or fewer"));
            return null;
        }

        if (string.IsNullOrWhiteSpace(entry.Value))
        {
            if (entry.MissingReason is not { } reason || !Enum.IsDefined(reason))
            {
                problems.Add(new(field, $"{label}: choose why the figure cannot be given"));
                return null;
            }

            if (reason == MissingFigureReason.Other && string.IsNullOrEmpty(comment))
            {
                problems.Add(new(field, $"{label}: say why the figure cannot be given"));
                return null;
            }

            return new ReturnedFigure { IndicatorId = indicator.Id, MissingReason = reason, Comment = comment, RecordedBy = "" };
        }

        if (!decimal.TryParse(entry.Value.Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.GetCultureInfo("en-GB"), out var value))
        {
            problems.Add(new(field, $"{label}: enter a number, like 42" + (indicator.Unit == IndicatorUnit.Percentage ? " or 42.5" : "")));
            return null;
        }

        if (value < 0)
        {
            problems.Add(new(field, $"{label}: the figure cannot be negative"));
            return null;
        }

        if (indicator.Unit == IndicatorUnit.Count && value != decimal.Truncate(value) && indicator.Aggregation != IndicatorAggregation.MonthEnd && indicator.Code != "8.2")
        {
            problems.Add(new(field, $"{label}: a count must be a whole number"));
            return null;
        }

        if (indicator.Unit == IndicatorUnit.Percentage && value > 100)
        {
            problems.Add(new(field, $"{label}: a percentage must be between 0 and 100"));
            return null;
        }

        if (!entry.ConfirmUnusual && IsUnusual(value, line.PreviousQuarters, out var low, out var high))
        {
            problems.Add(new(field, $"{label}: {Show(value)} is far outside your previous quarters ({Show(low)} to {Show(high)}). Check it, and confirm it if it is right"));
            return null;
        }

        return new ReturnedFigure { IndicatorId = indicator.Id, Value = value, Comment = comment, ConfirmedUnusual = entry.ConfirmUnusual, RecordedBy = "" };
    }

    /// <summary>Unusual: beyond half the lowest or one and a half times the highest of the previous quarters (and by more than 5).</summary>
    public static bool IsUnusual(decimal value, IReadOnlyList<decimal> previous, out decimal low, out decimal high)
    {
        ArgumentNullException.ThrowIfNull(previous);
        low = 0;
        high = 0;
        if (previous.Count == 0)
        {
            return false;
        }

        low = previous.Min();
        high = previous.Max();
        return (value > high * UnusualFactor && value - high > 5) || (value < low / UnusualFactor && low - value > 5);
    }

    private static bool Same(ReturnedFigure? latest, ReturnedFigure entry) =>
        latest is not null && latest.Value == entry.Value && latest.MissingReason == entry.MissingReason
        && string.Equals(latest.Comment, entry.Comment, StringComparison.Ordinal) && latest.ConfirmedUnusual == entry.ConfirmedUnusual;
}
