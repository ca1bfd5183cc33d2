using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Persistence;

namespace Safeguard.ComplexSafeguarding;

/// <summary>
/// One reason a child comes to the exploitation and missing panel. Each criterion is one class implementing this
/// interface; every implementation in the Core assembly is registered, so adding a criterion is adding a class.
/// </summary>
public interface IPanelCriterion
{
    /// <summary>A stable code, kept on the agenda item (for example <c>repeat-missing</c>).</summary>
    string Code { get; }

    /// <summary>Its name on pages (for example "Repeat missing").</summary>
    string Name { get; }

    /// <summary>The children meeting the criterion in <paramref name="window"/>, each with why, in a few words.</summary>
    Task<IReadOnlyList<PanelReferral>> ChildrenAsync(PanelWindow window, CancellationToken cancellationToken);
}

/// <summary>
/// The UK dates a meeting's agenda looks at: from the day after the previous meeting (or a month before) up to the
/// meeting's date, or today when the agenda is built before it.
/// </summary>
public sealed record PanelWindow(DateOnly From, DateOnly To)
{
    public DateTimeOffset Start => UkTime.StartOfDay(From);

    public DateTimeOffset End => UkTime.StartOfDay(To.AddDays(1));
}

/// <summary>A child meeting a criterion, and why.</summary>
public sealed record PanelReferral(Guid PersonId, string Why);

/// <summary>Repeat missing: 3 or more episodes started in the 90 days up to the window's end (the same rule as the child's page).</summary>
public sealed class RepeatMissingCriterion(SafeguardDbContext db) : IPanelCriterion
{
    public string Code => "repeat-missing";

    public string Name => "Repeat missing";

    public async Task<IReadOnlyList<PanelReferral>> ChildrenAsync(PanelWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var since = UkTime.StartOfDay(window.To.AddDays(-(RepeatMissing.Days - 1)));
        var starts = await db.Set<MissingEpisode>().AsNoTracking()
            .Where(e => e.PersonId != null && e.StartedAt >= since && e.StartedAt < window.End)
            .Select(e => new { PersonId = e.PersonId!.Value, e.StartedAt })
            .ToListAsync(cancellationToken);
        return [.. starts.GroupBy(e => e.PersonId)
            .Select(g => (g.Key, Count: RepeatMissing.InWindow(g.Select(e => UkTime.ToUkDate(e.StartedAt)), window.To)))
            .Where(c => c.Count >= RepeatMissing.Threshold)
            .Select(c => new PanelReferral(c.Key, $"Missing {c.Count} times in the 90 days to {window.To:d MMM yyyy}"))];
    }
}

/// <summary>Return home interview declined: an interview offered in the window that the child declined.</summary>
public sealed class ReturnInterviewDeclinedCriterion(SafeguardDbContext db) : IPanelCriterion
{
    public string Code => "rhi-declined";

    public string Name => "Return home interview declined";

    public async Task<IReadOnlyList<PanelReferral>> ChildrenAsync(PanelWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var declined = await db.Set<MissingEpisode>().AsNoTracking()
            .Where(e => e.PersonId != null && e.Interview != null && e.Interview.Outcome == ReturnInterviewOutcome.Declined
                && e.Interview.OfferedAt >= window.Start && e.Interview.OfferedAt < window.End)
            .Select(e => new { PersonId = e.PersonId!.Value, e.Interview!.OfferedAt })
            .ToListAsync(cancellationToken);
        return [.. declined.GroupBy(d => d.PersonId)
            .Select(g => new PanelReferral(g.Key, g.Count() == 1
                ? $"Declined the return home interview offered on {UkTime.ToUkDate(g.Single().OfferedAt):d MMM yyyy}"
                : $"Declined {g.Count()} return home interviews, the last offered on {UkTime.ToUkDate(g.Max(d => d.OfferedAt)):d MMM yyyy}"))];
    }
}

/// <summary>Police graded high risk at report: a missing episode in the window the police graded high risk when reporting it.</summary>
public sealed class HighRiskAtReportCriterion(SafeguardDbContext db) : IPanelCriterion
{
    public string Code => "high-risk-missing";

    public string Name => "Police graded high risk at report";

    public async Task<IReadOnlyList<PanelReferral>> ChildrenAsync(PanelWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var high = await db.Set<MissingEpisode>().AsNoTracking()
            .Where(e => e.PersonId != null && e.RiskAtReport == MissingRisk.High && e.StartedAt >= window.Start && e.StartedAt < window.End)
            .Select(e => new { PersonId = e.PersonId!.Value, e.StartedAt })
            .ToListAsync(cancellationToken);
        return [.. high.GroupBy(h => h.PersonId)
            .Select(g => new PanelReferral(g.Key, $"Graded high risk by the police when reported missing on {UkTime.ToUkDate(g.Max(h => h.StartedAt)):d MMM yyyy}"))];
    }
}
