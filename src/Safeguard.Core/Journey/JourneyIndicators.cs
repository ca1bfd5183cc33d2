using Microsoft.EntityFrameworkCore;
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
public sealed class JourneyIndicatorData(SafeguardDbContext db, CalendarAdministration calendar) : IndicatorFacts<JourneyFacts>
{
    protected override async Task<JourneyFacts> LoadAsync(DateTimeOffset asAt, CancellationToken cancellationToken)
    {
        var day = UkTime.ToUkDate(asAt);
        var episodes = (await db.Set<NeedEpisode>().AsNoTracking()
                .Select(e => new { e.Id, e.PersonId, e.ReferralDate, e.ReferralNfa, e.ClosureDate, e.CreatedAt })
                .ToListAsync(cancellationToken))
            .Where(e => e.CreatedAt <= asAt && e.ReferralDate <= day)
            .Select(e => new EpisodeFact(e.Id, e.PersonId, e.ReferralDate, e.ReferralNfa, e.ClosureDate is { } c && c <= day ? c : null))
            .ToList();
        var ids = episodes.Select(e => e.Id).ToHashSet();
        var assessments = (await db.Set<CaseAssessment>().AsNoTracking()
                .Select(a => new AssessmentFact(a.EpisodeId, a.StartDate, a.AuthorisationDate)).ToListAsync(cancellationToken))
            .Where(a => ids.Contains(a.EpisodeId) && a.StartDate <= day)
            .Select(a => a with { AuthorisedOn = a.AuthorisedOn is { } d && d <= day ? d : null })
            .ToList();
        var enquiries = (await db.Set<S47Enquiry>().AsNoTracking()
                .Select(s => new EnquiryFact(s.EpisodeId, s.StartDate, s.IcpcTargetDate, s.ConferenceDate)).ToListAsync(cancellationToken))
            .Where(s => ids.Contains(s.EpisodeId) && s.StartDate <= day)
            .Select(s => s with { ConferenceOn = s.ConferenceOn is { } d && d <= day ? d : null })
            .ToList();
        var personByEpisode = episodes.ToDictionary(e => e.Id, e => e.PersonId);
        var plans = (await db.Set<ProtectionPlan>().AsNoTracking()
                .Select(p => new { p.EpisodeId, p.StartDate, p.EndDate }).ToListAsync(cancellationToken))
            .Where(p => ids.Contains(p.EpisodeId) && p.StartDate <= day)
            .Select(p => new PlanFact(personByEpisode[p.EpisodeId], p.StartDate, p.EndDate is { } d && d <= day ? d : null))
            .ToList();
        var people = episodes.Select(e => e.PersonId).Distinct().ToList();
        var disabled = (await db.Set<Person>().AsNoTracking()
                .Where(p => p.Disabilities != null && p.Disabilities != "" && p.Disabilities != "NONE")
                .Select(p => new { p.Id, p.Disabilities }).ToListAsync(cancellationToken))
            .Where(p => people.Contains(p.Id) && p.Disabilities!.Split(',').Any(c => c != "NONE"))
            .Select(p => p.Id)
            .ToHashSet();
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        return new JourneyFacts(day, episodes, assessments, enquiries, plans, disabled, referral => deadlines.Calculate("assessment", referral).DueDate);
    }
}

public sealed record EpisodeFact(Guid Id, Guid PersonId, DateOnly ReferralDate, bool ReferralNfa, DateOnly? ClosureDate);

public sealed record AssessmentFact(Guid EpisodeId, DateOnly StartDate, DateOnly? AuthorisedOn);

public sealed record EnquiryFact(Guid EpisodeId, DateOnly StartDate, DateOnly IcpcTarget, DateOnly? ConferenceOn);

public sealed record PlanFact(Guid PersonId, DateOnly StartDate, DateOnly? EndDate);

/// <summary>What the journey indicators count, as known on <see cref="Day"/>.</summary>
public sealed record JourneyFacts(
    DateOnly Day,
    IReadOnlyList<EpisodeFact> Episodes,
    IReadOnlyList<AssessmentFact> Assessments,
    IReadOnlyList<EnquiryFact> Enquiries,
    IReadOnlyList<PlanFact> Plans,
    IReadOnlySet<Guid> ChildrenWithDisability,
    Func<DateOnly, DateOnly> AssessmentDue)
{
    /// <summary>The last day of the quarter, or the as-at day when the quarter is still running.</summary>
    public DateOnly SnapshotDay(ReportingQuarter quarter) => quarter.End < Day ? quarter.End : Day;

    /// <summary>Children with an episode open at the end of the day (a referral with no further action is not a child in need).</summary>
    public IReadOnlySet<Guid> ChildrenInNeedOn(DateOnly day) => Episodes
        .Where(e => !e.ReferralNfa && e.ReferralDate <= day && (e.ClosureDate is null || e.ClosureDate > day))
        .Select(e => e.PersonId).ToHashSet();

    public IEnumerable<EpisodeFact> ReferralsIn(ReportingQuarter quarter) => Episodes.Where(e => quarter.Contains(e.ReferralDate));

    public ILookup<Guid, EpisodeFact> EpisodesByPerson => _episodesByPerson ??= Episodes.ToLookup(e => e.PersonId);

    public ILookup<Guid, PlanFact> PlansByPerson => _plansByPerson ??= Plans.ToLookup(p => p.PersonId);

    private ILookup<Guid, EpisodeFact>? _episodesByPerson;
    private ILookup<Guid, PlanFact>? _plansByPerson;
}

/// <summary>The dataset indicators computed from the journey records.</summary>
public static class JourneyIndicators
{
    /// <summary>The calculations, by the keys the indicator catalogue names (definitions in docs/partnership-dataset.md).</summary>
    public static IReadOnlyList<(string Key, Func<JourneyFacts, ReportingQuarter, CalculationContext, CalculatedFigure> Calculate)> All { get; } =
    [
        ("referrals", (f, q, _) => CalculatedFigure.Of(f.ReferralsIn(q).Count())),
        ("re-referrals", (f, q, _) =>
        {
            var referrals = f.ReferralsIn(q).ToList();
            var repeats = referrals.Count(r => f.EpisodesByPerson[r.PersonId].Any(e => e.Id != r.Id
                && e.ReferralDate < r.ReferralDate && e.ReferralDate >= r.ReferralDate.AddMonths(-12)));
            return CalculatedFigure.Percentage(repeats, referrals.Count, "No referrals in the quarter");
        }),
        ("referrals-to-assessment", (f, q, _) =>
        {
            var referrals = f.ReferralsIn(q).ToList();
            var assessed = f.Assessments.Select(a => a.EpisodeId).ToHashSet();
            return CalculatedFigure.Percentage(referrals.Count(r => assessed.Contains(r.Id)), referrals.Count, "No referrals in the quarter");
        }),
        ("assessments-on-time", (f, q, _) =>
        {
            var referralOf = f.Episodes.ToDictionary(e => e.Id, e => e.ReferralDate);
            var completed = f.Assessments.Where(a => a.AuthorisedOn is { } d && q.Contains(d)).ToList();
            var onTime = completed.Count(a => a.AuthorisedOn <= f.AssessmentDue(referralOf[a.EpisodeId]));
            return CalculatedFigure.Percentage(onTime, completed.Count, "No assessments completed in the quarter");
        }),
        ("children-in-need", (f, q, _) => CalculatedFigure.Of(f.ChildrenInNeedOn(f.SnapshotDay(q)).Count)),
        ("children-in-need-rate", (f, q, c) => CalculatedFigure.RatePer10000(f.ChildrenInNeedOn(f.SnapshotDay(q)).Count, c.ChildPopulation)),
        ("cin-with-disability", (f, q, _) =>
        {
            var children = f.ChildrenInNeedOn(f.SnapshotDay(q));
            return CalculatedFigure.Percentage(children.Count(f.ChildrenWithDisability.Contains), children.Count, "No children in need at the end of the quarter");
        }),
        ("section47-rate-cumulative", (f, q, c) =>
            CalculatedFigure.RatePer10000(f.Enquiries.Count(s => s.StartDate >= q.Year.Start && s.StartDate <= f.SnapshotDay(q)), c.ChildPopulation)),
        ("icpc-on-time", (f, q, _) =>
        {
            var held = f.Enquiries.Where(s => s.ConferenceOn is { } d && q.Contains(d)).ToList();
            return CalculatedFigure.Percentage(held.Count(s => s.ConferenceOn <= s.IcpcTarget), held.Count, "No initial conferences in the quarter");
        }),
        ("children-on-plans", (f, q, _) =>
        {
            var day = f.SnapshotDay(q);
            return CalculatedFigure.Of(f.Plans.Where(p => p.StartDate <= day && (p.EndDate is null || p.EndDate > day)).Select(p => p.PersonId).Distinct().Count());
        }),
        ("plans-two-years", (f, q, _) => CalculatedFigure.Of(f.Plans.Count(p => p.EndDate is { } end && q.Contains(end) && end >= p.StartDate.AddYears(2)))),
        ("plans-subsequent", (f, q, _) =>
        {
            var starting = f.Plans.Where(p => q.Contains(p.StartDate)).ToList();
            var subsequent = starting.Count(p => f.PlansByPerson[p.PersonId].Any(o => o.StartDate < p.StartDate));
            return CalculatedFigure.Percentage(subsequent, starting.Count, "No plans started in the quarter");
        }),
    ];
}
