using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.Journey;

/// <summary>
/// The children in need and child protection records as the dataset's calculations need them, loaded once per
/// "as at" instant and shared by every journey indicator in a computation. As at an instant: episodes created
/// after it are left out, and so are events dated after its UK day (records are kept as they are now; a
/// change to an existing record's dates after the instant is not undone).
/// </summary>
public sealed class JourneyIndicatorData(IServiceScopeFactory scopes) : IndicatorFacts<JourneyFacts>(scopes)
{
    protected override async Task<JourneyFacts> LoadAsync(IServiceProvider services, DateTimeOffset asAt, DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<SafeguardDbContext>();
        var calendar = services.GetRequiredService<CalendarAdministration>();
        var day = UkTime.ToUkDate(asAt);
        // A quarter still to come is counted as at the as-at day, so nothing from that day on may be left out.
        from = from < day ? from : day;

        // Read only what a quarter in the years asked about can count: episodes referred in them (or in the 12
        // months before, which re-referrals look back on) or open in them; assessments authorised in them or of an
        // episode referred in them; enquiries started or conferenced in them; and the episodes of those assessments
        // and enquiries. Simple conditions on each table (no correlated subqueries), so each read is one scan.
        var lookBack = from.AddMonths(-12);
        var rows = await db.Set<NeedEpisode>().AsNoTracking()
            .Where(e => e.ReferralDate <= until && (e.ReferralDate >= lookBack || e.ClosureDate == null || e.ClosureDate >= from))
            .Select(e => new EpisodeRow(e.Id, e.PersonId, e.ReferralDate, e.ReferralNfa, e.ClosureDate, e.CreatedAt))
            .ToListAsync(cancellationToken);
        var assessed = await db.Set<CaseAssessment>().AsNoTracking()
            .Join(db.Set<NeedEpisode>(), a => a.EpisodeId, e => e.Id, (a, e) => new { a, e })
            .Where(x => (x.a.AuthorisationDate >= from && x.a.AuthorisationDate <= until) || (x.e.ReferralDate >= from && x.e.ReferralDate <= until))
            .Select(x => new
            {
                Assessment = new AssessmentFact(x.a.EpisodeId, x.a.StartDate, x.a.AuthorisationDate),
                Episode = new EpisodeRow(x.e.Id, x.e.PersonId, x.e.ReferralDate, x.e.ReferralNfa, x.e.ClosureDate, x.e.CreatedAt),
            })
            .ToListAsync(cancellationToken);
        var enquired = await db.Set<S47Enquiry>().AsNoTracking()
            .Where(s => (s.StartDate >= from && s.StartDate <= until) || (s.ConferenceDate >= from && s.ConferenceDate <= until))
            .Join(db.Set<StrategyDiscussion>(), s => s.StrategyDiscussionId, d => d.Id, (s, d) => new { s, d.Date })
            .Join(db.Set<NeedEpisode>(), x => x.s.EpisodeId, e => e.Id, (x, e) => new
            {
                Enquiry = new EnquiryFact(x.s.EpisodeId, x.s.StartDate, x.Date, x.s.ConferenceDate),
                Episode = new EpisodeRow(e.Id, e.PersonId, e.ReferralDate, e.ReferralNfa, e.ClosureDate, e.CreatedAt),
            })
            .ToListAsync(cancellationToken);

        var episodes = rows.Concat(assessed.Select(x => x.Episode)).Concat(enquired.Select(x => x.Episode))
            .DistinctBy(e => e.Id)
            .Where(e => e.CreatedAt <= asAt && e.ReferralDate <= day)
            .Select(e => new EpisodeFact(e.Id, e.PersonId, e.ReferralDate, e.ReferralNfa, e.ClosureDate is { } c && c <= day ? c : null))
            .ToList();
        var ids = episodes.Select(e => e.Id).ToHashSet();
        var assessments = assessed.Select(x => x.Assessment)
            .Where(a => ids.Contains(a.EpisodeId) && a.StartDate <= day)
            .Select(a => a with { AuthorisedOn = a.AuthorisedOn is { } d && d <= day ? d : null })
            .ToList();
        var enquiries = enquired.Select(x => x.Enquiry)
            .Where(s => ids.Contains(s.EpisodeId) && s.StartDate <= day)
            .Select(s => s with { ConferenceOn = s.ConferenceOn is { } d && d <= day ? d : null })
            .ToList();
        // Plans are few, and a "subsequent" plan looks back over all of a child's: all are read.
        var plans = (await db.Set<ProtectionPlan>().AsNoTracking()
                .Join(db.Set<NeedEpisode>(), p => p.EpisodeId, e => e.Id, (p, e) => new { e.PersonId, e.CreatedAt, e.ReferralDate, p.StartDate, p.EndDate })
                .ToListAsync(cancellationToken))
            .Where(p => p.CreatedAt <= asAt && p.ReferralDate <= day && p.StartDate <= day)
            .Select(p => new PlanFact(p.PersonId, p.StartDate, p.EndDate is { } d && d <= day ? d : null))
            .ToList();
        var people = episodes.Select(e => e.PersonId).ToHashSet();
        var disabled = (await db.Set<Person>().AsNoTracking()
                .Where(p => p.Disabilities != null && p.Disabilities != "" && p.Disabilities != "NONE"
                    && db.Set<NeedEpisode>().Any(e => e.PersonId == p.Id && (e.ClosureDate == null || e.ClosureDate >= from)))
                .Select(p => new { p.Id, p.Disabilities }).ToListAsync(cancellationToken))
            .Where(p => people.Contains(p.Id) && p.Disabilities!.Split(',').Any(c => c != "NONE"))
            .Select(p => p.Id)
            .ToHashSet();
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var workingDays = await calendar.CalendarAsync(cancellationToken);
        // Many records share their dates: each due date is worked out once, and working days are counted once over the range.
        var due = new ConcurrentDictionary<DateOnly, DateOnly>();
        var icpcDue = new ConcurrentDictionary<DateOnly, DateOnly>();
        var index = new WorkingDayIndex(workingDays, episodes.Count == 0 ? day : episodes.Min(e => e.ReferralDate), day.AddDays(1));
        return new JourneyFacts(day, episodes, assessments, enquiries, plans, disabled,
            referral => due.GetOrAdd(referral, r => deadlines.Calculate("assessment", r).DueDate),
            strategy => icpcDue.GetOrAdd(strategy, d => deadlines.Calculate("icpc", d).DueDate),
            (start, end) => Math.Max(0, index.Between(start, end)));
    }
}

/// <summary>An episode as read, before the as-at rules.</summary>
internal sealed record EpisodeRow(Guid Id, Guid PersonId, DateOnly ReferralDate, bool ReferralNfa, DateOnly? ClosureDate, DateTimeOffset CreatedAt);

public sealed record EpisodeFact(Guid Id, Guid PersonId, DateOnly ReferralDate, bool ReferralNfa, DateOnly? ClosureDate);

public sealed record AssessmentFact(Guid EpisodeId, DateOnly StartDate, DateOnly? AuthorisedOn);

/// <param name="EpisodeId">The episode.</param>
/// <param name="StartDate">The day the enquiry started.</param>
/// <param name="StrategyDate">
/// The strategy discussion that started the enquiry (the initial conference's clock; from a census, the enquiry's
/// start date, which DfE defines as that discussion's date).
/// </param>
/// <param name="ConferenceOn">When it was held, if it was by the as-at day.</param>
public sealed record EnquiryFact(Guid EpisodeId, DateOnly StartDate, DateOnly StrategyDate, DateOnly? ConferenceOn);

public sealed record PlanFact(Guid PersonId, DateOnly StartDate, DateOnly? EndDate);

/// <summary>What the journey indicators count, as known on <see cref="Day"/>.</summary>
public sealed record JourneyFacts(
    DateOnly Day,
    IReadOnlyList<EpisodeFact> Episodes,
    IReadOnlyList<AssessmentFact> Assessments,
    IReadOnlyList<EnquiryFact> Enquiries,
    IReadOnlyList<PlanFact> Plans,
    IReadOnlySet<Guid> ChildrenWithDisability,
    Func<DateOnly, DateOnly> AssessmentDue,
    Func<DateOnly, DateOnly> IcpcDue,
    Func<DateOnly, DateOnly, int> WorkingDays)
{
    /// <summary>The last day of the quarter, or the as-at day when the quarter is still running.</summary>
    public DateOnly SnapshotDay(ReportingQuarter quarter) => quarter.End < Day ? quarter.End : Day;

    /// <summary>
    /// One record per child in need at the end of the quarter (or on the as-at day), dated by their open episode's
    /// referral: a child with an episode open at the end of the day (a referral with no further action is not a child in need).
    /// </summary>
    public IEnumerable<CountedRecord> InNeed(ReportingQuarter quarter) => _inNeed.GetOrAdd(SnapshotDay(quarter), InNeedOn);

    public Guid PersonOf(Guid episodeId) => Episode(episodeId).PersonId;

    public EpisodeFact Episode(Guid episodeId) => (_episodes ??= Episodes.ToDictionary(e => e.Id))[episodeId];

    /// <summary>The episodes with an assessment.</summary>
    public IReadOnlySet<Guid> AssessedEpisodes => _assessed ??= Assessments.Select(a => a.EpisodeId).ToHashSet();

    private CountedRecord[] InNeedOn(DateOnly day) => [.. Episodes
        .Where(e => !e.ReferralNfa && e.ReferralDate <= day && (e.ClosureDate is null || e.ClosureDate > day))
        .GroupBy(e => e.PersonId)
        .Select(g => CountedRecord.For(g.Key, "Child in need (referred)", g.Max(e => e.ReferralDate)))];

    public IEnumerable<EpisodeFact> ReferralsIn(ReportingQuarter quarter) =>
        (_referralsByQuarter ??= Episodes.ToLookup(e => ReportingQuarter.Of(e.ReferralDate).Start))[quarter.Start];

    public ILookup<Guid, EpisodeFact> EpisodesByPerson => _episodesByPerson ??= Episodes.ToLookup(e => e.PersonId);

    public ILookup<Guid, PlanFact> PlansByPerson => _plansByPerson ??= Plans.ToLookup(p => p.PersonId);

    private readonly ConcurrentDictionary<DateOnly, CountedRecord[]> _inNeed = new();
    private ILookup<DateOnly, EpisodeFact>? _referralsByQuarter;
    private Dictionary<Guid, EpisodeFact>? _episodes;
    private HashSet<Guid>? _assessed;
    private ILookup<Guid, EpisodeFact>? _episodesByPerson;
    private ILookup<Guid, PlanFact>? _plansByPerson;
}

/// <summary>The dataset indicators computed from the journey records.</summary>
public static class JourneyIndicators
{
    private const string NoReferrals = "No referrals in the quarter";

    /// <summary>
    /// The calculations, by the keys the indicator catalogue names (definitions in docs/partnership-dataset.md):
    /// each says which records it counted, and the figure is made from them.
    /// </summary>
    public static IReadOnlyList<(string Key, Func<JourneyFacts, ReportingQuarter, IndicatorBreakdown> Count)> All { get; } =
    [
        ("referrals", (f, q) => IndicatorBreakdown.Count(f.ReferralsIn(q).Select(r => CountedRecord.For(r.PersonId, "Referral", r.ReferralDate)))),
        ("re-referrals", (f, q) => IndicatorBreakdown.Percentage(
            f.ReferralsIn(q).Select(r => CountedRecord.For(r.PersonId, "Referral", r.ReferralDate, f.EpisodesByPerson[r.PersonId].Any(e => e.Id != r.Id
                && e.ReferralDate < r.ReferralDate && e.ReferralDate >= r.ReferralDate.AddMonths(-12)))),
            NoReferrals)),
        ("referrals-to-assessment", (f, q) =>
            IndicatorBreakdown.Percentage(f.ReferralsIn(q).Select(r => CountedRecord.For(r.PersonId, "Referral", r.ReferralDate, f.AssessedEpisodes.Contains(r.Id))), NoReferrals)),
        ("assessments-on-time", (f, q) =>
        {
            return IndicatorBreakdown.Percentage(
                f.Assessments.Where(a => a.AuthorisedOn is { } d && q.Contains(d)).Select(a =>
                {
                    var referral = f.Episode(a.EpisodeId);
                    var authorised = a.AuthorisedOn!.Value;
                    return CountedRecord.For(referral.PersonId, "Assessment authorised", authorised, authorised <= f.AssessmentDue(referral.ReferralDate), f.WorkingDays(referral.ReferralDate, authorised));
                }),
                "No assessments completed in the quarter");
        }),
        ("children-in-need", (f, q) => IndicatorBreakdown.Count(f.InNeed(q))),
        ("children-in-need-rate", (f, q) => IndicatorBreakdown.Rate(f.InNeed(q))),
        ("cin-with-disability", (f, q) => IndicatorBreakdown.Percentage(
            f.InNeed(q).Select(r => r with { InNumerator = f.ChildrenWithDisability.Contains(r.Children[0]) }),
            "No children in need at the end of the quarter")),
        ("section47-rate-cumulative", (f, q) => IndicatorBreakdown.Rate(f.Enquiries
            .Where(s => s.StartDate >= q.Year.Start && s.StartDate <= f.SnapshotDay(q))
            .Select(s => CountedRecord.For(f.PersonOf(s.EpisodeId), "Section 47 enquiry started", s.StartDate)))),
        // Each initial conference held in the quarter (of any enquiry, whenever it started), on time when held on or
        // before the 15th working day after the strategy discussion that started its enquiry, worked out from the
        // dates and the calendar (bank holidays, proclaimed ones included): never from a recorded target date,
        // which a census file states as the council typed it.
        ("icpc-on-time", (f, q) => IndicatorBreakdown.Percentage(
            f.Enquiries.Where(s => s.ConferenceOn is { } d && q.Contains(d)).Select(s => CountedRecord.For(
                f.PersonOf(s.EpisodeId), "Initial child protection conference", s.ConferenceOn!.Value, s.ConferenceOn <= f.IcpcDue(s.StrategyDate), f.WorkingDays(s.StrategyDate, s.ConferenceOn!.Value))),
            "No initial conferences in the quarter")),
        ("children-on-plans", (f, q) =>
        {
            var day = f.SnapshotDay(q);
            return IndicatorBreakdown.Count(f.Plans.Where(p => p.StartDate <= day && (p.EndDate is null || p.EndDate > day))
                .GroupBy(p => p.PersonId)
                .Select(g => CountedRecord.For(g.Key, "On a child protection plan (started)", g.Max(p => p.StartDate))));
        }),
        ("plans-two-years", (f, q) => IndicatorBreakdown.Count(f.Plans
            .Where(p => p.EndDate is { } end && q.Contains(end) && end >= p.StartDate.AddYears(2))
            .Select(p => CountedRecord.For(p.PersonId, "Child protection plan ended", p.EndDate!.Value)))),
        ("plans-subsequent", (f, q) => IndicatorBreakdown.Percentage(
            f.Plans.Where(p => q.Contains(p.StartDate)).Select(p => CountedRecord.For(p.PersonId, "Child protection plan started", p.StartDate, f.PlansByPerson[p.PersonId].Any(o => o.StartDate < p.StartDate))),
            "No plans started in the quarter")),
    ];
}
