using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Persistence;

namespace Safeguard.EarlyHelp;

/// <summary>An episode as the figures count it: its children, dates, lead professionals over time and outcome.</summary>
public sealed record EarlyHelpFact(
    Guid EpisodeId,
    IReadOnlyList<Guid> Children,
    DateOnly StartedOn,
    EarlyHelpSource Source,
    DateOnly? AuthorisedOn,
    DateOnly? SteppedUpOn,
    DateOnly? ClosedOn,
    EarlyHelpOutcome? Outcome,
    IReadOnlyList<(Guid AgencyId, DateOnly From, DateOnly? To)> Leads)
{
    public bool OpenOn(DateOnly day) => StartedOn <= day && (ClosedOn is not { } c || c > day);

    public Guid? LeadAgencyOn(DateOnly day) => Leads.Where(l => l.From <= day && (l.To is not { } to || to > day)).OrderByDescending(l => l.From).Select(l => (Guid?)l.AgencyId).FirstOrDefault();
}

/// <param name="Episodes">The episodes open at some time in the years asked about, as known at the instant.</param>
/// <param name="Today">The UK date of the instant.</param>
public sealed record EarlyHelpFacts(IReadOnlyList<EarlyHelpFact> Episodes, DateOnly Today)
{
    /// <summary>The last day of the quarter, or the as-at day when the quarter is still running.</summary>
    public DateOnly SnapshotDay(ReportingQuarter quarter) => quarter.End < Today ? quarter.End : Today;

    /// <summary>
    /// The episodes as known at <paramref name="asAt"/>: recorded by then, with the dates after its UK day left out (a
    /// closure, authorisation or lead change recorded later counts by its date, as the records hold no history of edits).
    /// </summary>
    public static async Task<EarlyHelpFacts> LoadAsync(SafeguardDbContext db, DateTimeOffset asAt, DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var today = UkTime.ToUkDate(asAt);
        var rows = await db.Set<EarlyHelpEpisode>().AsNoTracking()
            .Where(e => e.StartedOn <= until && (e.ClosedOn == null || e.ClosedOn >= from) && e.RecordedAt <= asAt)
            .Select(e => new
            {
                e.Id,
                Children = e.Members.Where(m => m.IsChild).Select(m => m.PersonId).ToList(),
                e.StartedOn,
                e.Source,
                e.AssessmentAuthorisedOn,
                e.SteppedUpOn,
                e.ClosedOn,
                e.Outcome,
                Leads = e.Leads.Select(l => new { l.AgencyId, l.From, l.To }).ToList(),
            })
            .ToListAsync(cancellationToken);
        DateOnly? Known(DateOnly? d) => d is { } x && x <= today ? x : null;
        return new EarlyHelpFacts(
            [.. rows.Where(r => r.StartedOn <= today).Select(r =>
            {
                var closed = Known(r.ClosedOn);
                return new EarlyHelpFact(r.Id, r.Children, r.StartedOn, r.Source, Known(r.AssessmentAuthorisedOn), Known(r.SteppedUpOn), closed, closed is null ? null : r.Outcome,
                    [.. r.Leads.Where(l => l.From <= today).Select(l => (l.AgencyId, l.From, Known(l.To)))]);
            })],
            today);
    }
}

/// <summary>Loads <see cref="EarlyHelpFacts"/> for the dataset.</summary>
public sealed class EarlyHelpIndicatorData(IServiceScopeFactory scopes) : IndicatorFacts<EarlyHelpFacts>(scopes)
{
    protected override Task<EarlyHelpFacts> LoadAsync(IServiceProvider services, DateTimeOffset asAt, DateOnly from, DateOnly until, CancellationToken cancellationToken) =>
        EarlyHelpFacts.LoadAsync(services.GetRequiredService<SafeguardDbContext>(), asAt, from, until, cancellationToken);
}

/// <summary>The dataset indicators computed from early help episodes (4.1, 4.2; definitions in docs/early-help.md).</summary>
public static class EarlyHelpIndicators
{
    public static IReadOnlyList<(string Key, Func<EarlyHelpFacts, ReportingQuarter, IndicatorBreakdown> Count)> All { get; } =
    [
        // 4.1: episodes open at the end of the last day of the quarter (or today, while it runs).
        ("early-help-open", (f, q) =>
        {
            var day = f.SnapshotDay(q);
            return IndicatorBreakdown.Count(f.Episodes.Where(e => e.OpenOn(day)).OrderBy(e => e.StartedOn)
                .Select(e => new CountedRecord(e.Children, "Early help episode open (started)", e.StartedOn, true)));
        }),

        // 4.2: early help assessments authorised in the quarter.
        ("early-help-assessments-authorised", (f, q) => IndicatorBreakdown.Count(
            f.Episodes.Where(e => e.AuthorisedOn is { } d && q.Contains(d)).OrderBy(e => e.AuthorisedOn)
                .Select(e => new CountedRecord(e.Children, "Early help assessment authorised", e.AuthorisedOn!.Value, true)))),
    ];
}

/// <summary>One quarter's early help figures.</summary>
public sealed record EarlyHelpQuarterFigures(
    ReportingQuarter Quarter,
    int Opened,
    int Closed,
    int OpenAtEnd,
    int AssessmentsAuthorised,
    int SteppedUp,
    int SteppedDown,
    int OpenWithoutLead,
    IReadOnlyDictionary<Guid, int> LeadsByAgency,
    IReadOnlyDictionary<EarlyHelpOutcome, int> Outcomes)
{
    /// <summary>Open episodes at the quarter end with a lead professional agreed.</summary>
    public int WithLead => LeadsByAgency.Values.Sum();

    /// <summary>The agency's share of the open episodes with a lead professional, as a percentage (one decimal place).</summary>
    public decimal? Share(Guid agencyId) => WithLead == 0 ? null : Math.Round(100m * LeadsByAgency.GetValueOrDefault(agencyId) / WithLead, 1);
}

/// <summary>A reporting year's early help figures by quarter, with the agencies that led any episode.</summary>
public sealed record EarlyHelpYearFigures(ReportingYear Year, IReadOnlyList<EarlyHelpQuarterFigures> Quarters, IReadOnlyList<(Guid Id, string Name)> Agencies);

/// <summary>
/// Early help figures in aggregate: episodes opened, closed and open at each quarter end, assessments authorised,
/// step-ups and step-downs, outcomes at closure, and the lead-professional share by agency at each quarter end (the
/// partnership wants other partners than the locality teams to lead more). Reading them is audited.
/// </summary>
public sealed class EarlyHelpFiguresService(SafeguardDbContext db)
{
    public async Task<EarlyHelpYearFigures> ForYearAsync(ReportingYear year, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var facts = await EarlyHelpFacts.LoadAsync(db, db.Time.GetUtcNow(), year.Start, year.End, cancellationToken);
        var quarters = year.Quarters.Where(q => q.Start <= facts.Today).Select(q => Quarter(facts, q)).ToList();
        var ids = quarters.SelectMany(q => q.LeadsByAgency.Keys).Distinct().ToList();
        var agencies = (await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
            .OrderByDescending(a => quarters.Sum(q => q.LeadsByAgency.GetValueOrDefault(a.Id))).ThenBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => (a.Id, a.Name)).ToList();
        using (db.BeginProcess("EarlyHelp.Figures", actor))
        {
            db.RecordAccess(EarlyHelpService.EntityType, "figures", AuditAction.Viewed, $"year={year.Name}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new EarlyHelpYearFigures(year, quarters, agencies);
    }

    public static EarlyHelpQuarterFigures Quarter(EarlyHelpFacts facts, ReportingQuarter q)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var day = facts.SnapshotDay(q);
        var open = facts.Episodes.Where(e => e.OpenOn(day)).ToList();
        var closed = facts.Episodes.Where(e => e.ClosedOn is { } c && q.Contains(c)).ToList();
        return new EarlyHelpQuarterFigures(
            q,
            facts.Episodes.Count(e => q.Contains(e.StartedOn)),
            closed.Count,
            open.Count,
            facts.Episodes.Count(e => e.AuthorisedOn is { } d && q.Contains(d)),
            facts.Episodes.Count(e => e.SteppedUpOn is { } d && q.Contains(d)),
            facts.Episodes.Count(e => e.Source == EarlyHelpSource.StepDown && q.Contains(e.StartedOn)),
            open.Count(e => e.LeadAgencyOn(day) is null),
            open.Select(e => e.LeadAgencyOn(day)).OfType<Guid>().GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count()),
            closed.GroupBy(e => e.Outcome!.Value).ToDictionary(g => g.Key, g => g.Count()));
    }
}
