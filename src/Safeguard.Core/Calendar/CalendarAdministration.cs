using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Persistence;
using Safeguard.Timescales;

namespace Safeguard.Calendar;

/// <summary>
/// The calendar and timescales in force for this area: the published holidays and rules plus the
/// proclaimed days and local timescales stored in the database, each change audited with its reason.
/// </summary>
public sealed class CalendarAdministration(SafeguardDbContext db, DeadlineServiceOptions deadlineOptions)
{
    /// <summary>
    /// The calendar with the stored proclaimed days. A stored day that a later release's published list already
    /// holds (or that is no longer a weekday holiday candidate) is left out rather than stopping every deadline.
    /// </summary>
    public async Task<WorkingDayCalendar> CalendarAsync(CancellationToken cancellationToken = default)
    {
        var published = new WorkingDayCalendar([]);
        var stored = await new DatabaseProclaimedDaySource(db).GetProclaimedDaysAsync(cancellationToken);
        return new WorkingDayCalendar(stored.Where(d => published.IsWorkingDay(d.Date)));
    }

    /// <summary>
    /// The catalogue with the stored local durations. A stored duration for a timescale that a later release
    /// made statutory, or removed, is left out rather than stopping every deadline.
    /// </summary>
    public async Task<TimescaleCatalogue> TimescalesAsync(CancellationToken cancellationToken = default)
    {
        var overrides = await db.LocalTimescales.AsNoTracking()
            .Select(t => new TimescaleOverride(t.RuleId, t.Duration))
            .ToListAsync(cancellationToken);
        var catalogue = TimescaleCatalogue.Default;
        return catalogue.WithOverrides(overrides.Where(o => o.Duration >= 1 && catalogue.TryGet(o.RuleId, out var rule) && rule.LocallyChangeable));
    }

    public async Task<DeadlineService> DeadlinesAsync(CancellationToken cancellationToken = default) =>
        new(await CalendarAsync(cancellationToken), await TimescalesAsync(cancellationToken), db.Time, deadlineOptions);

    public async Task<ProclaimedBankHoliday> ProclaimAsync(DateOnly date, string title, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (title.Trim().Length > 200)
        {
            throw new SafeguardValidationException("Title", "The holiday's name must be 200 characters or fewer");
        }

        var calendar = await CalendarAsync(cancellationToken);
        try
        {
            calendar.ValidateNewProclaimedDay(new ProclaimedDay(date, title));
        }
        catch (InvalidProclaimedDayException ex)
        {
            throw new SafeguardValidationException(string.IsNullOrWhiteSpace(title) ? "Title" : "Date", ex.Message);
        }

        var holiday = new ProclaimedBankHoliday { Date = date, Title = title.Trim(), AddedAt = db.Time.GetUtcNow() };
        using var process = db.BeginProcess("Calendar.Proclaim", actor, reason);
        db.ProclaimedBankHolidays.Add(holiday);
        await db.SaveChangesAsync(cancellationToken);
        return holiday;
    }

    public async Task WithdrawAsync(DateOnly date, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        var holiday = await db.ProclaimedBankHolidays.FirstOrDefaultAsync(h => h.Date == date, cancellationToken)
            ?? throw new SafeguardValidationException("Date", $"{date:yyyy-MM-dd} is not a proclaimed bank holiday, so there is nothing to withdraw.");
        using var process = db.BeginProcess("Calendar.Withdraw", actor, reason);
        db.ProclaimedBankHolidays.Remove(holiday);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Sets the local duration of a locally changeable timescale; statutory ones are refused.</summary>
    public async Task SetLocalTimescaleAsync(string ruleId, int duration, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = TimescaleCatalogue.Default.WithOverrides([new TimescaleOverride(ruleId, duration)]);
        }
        catch (ArgumentException ex) when (ex is InvalidTimescaleOverrideException or UnknownTimescaleRuleException)
        {
            throw new SafeguardValidationException(ex is UnknownTimescaleRuleException ? "RuleId" : "Duration", ex.Message);
        }

        var existing = await db.LocalTimescales.FirstOrDefaultAsync(t => t.RuleId == ruleId, cancellationToken);
        using var process = db.BeginProcess("Timescales.SetLocal", actor, reason);
        if (existing is null)
        {
            db.LocalTimescales.Add(new LocalTimescale { RuleId = ruleId, Duration = duration, ChangedAt = db.Time.GetUtcNow() });
        }
        else
        {
            existing.Duration = duration;
            existing.ChangedAt = db.Time.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Goes back to the catalogue's default duration.</summary>
    public async Task ResetLocalTimescaleAsync(string ruleId, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        var existing = await db.LocalTimescales.FirstOrDefaultAsync(t => t.RuleId == ruleId, cancellationToken)
            ?? throw new SafeguardValidationException("RuleId", $"'{ruleId}' has no local duration, so it already uses the default.");
        using var process = db.BeginProcess("Timescales.ResetLocal", actor, reason);
        db.LocalTimescales.Remove(existing);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>The proclaimed days stored in the database.</summary>
public sealed class DatabaseProclaimedDaySource(SafeguardDbContext db) : IProclaimedDaySource
{
    public async ValueTask<IReadOnlyList<ProclaimedDay>> GetProclaimedDaysAsync(CancellationToken cancellationToken = default) =>
        await db.ProclaimedBankHolidays.AsNoTracking()
            .OrderBy(h => h.Date)
            .Select(h => new ProclaimedDay(h.Date, h.Title))
            .ToListAsync(cancellationToken);
}
