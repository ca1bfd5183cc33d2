using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Chronology;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Timescales;
using Safeguard.Work;

namespace Safeguard.LookedAfter;

/// <summary>
/// Every young person with a care history aged 15 and 9 months to 25, with their status worked out: the 16+ tracker the
/// leaving care team works from (and, flagged, the list of those likely to need adult services, seed 002's spreadsheet).
/// </summary>
public sealed class CareLeaverTracker(SafeguardDbContext db, PersonIndex people, CalendarAdministration calendar)
{
    internal sealed record Entry(Guid PersonId, string Name, bool IsRestricted, DateOnly? DateOfBirth, CareLeaverAssessment Assessment, CareLeaver? Record, NextDue? NextPlan, string? InTouch);

    /// <summary>The tracker, filtered and paged, for the actor (restricted young people only for those on their access list). Audited as one view.</summary>
    public async Task<CareLeaverTrackerPage> ListAsync(CareLeaverTrackerQuery query, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(actor);
        var visible = people.Visible(actor).Select(p => p.Id);
        var entries = await EntriesAsync(visible, cancellationToken);
        var filtered = entries
            .Where(e => e.Assessment.Status != LeavingCareStatus.None || (e.Assessment.Age is >= 16 and < 18 && e.Record is not null))
            .Where(e => query.Status is not { } s || e.Assessment.Status == s)
            .Where(e => query.PersonalAdviserUserId is not { } pa || e.Record?.PersonalAdviserUserId == pa)
            .Where(e => !query.PlanDueOnly || e.NextPlan?.Assessment.Status is DeadlineStatus.Overdue or DeadlineStatus.DueToday or DeadlineStatus.DueSoon)
            .Where(e => !query.AdultServicesOnly || e.Record?.NeedsAdultServices is null or true)
            .OrderBy(e => e.NextPlan?.Assessment.Deadline.DueDate ?? DateOnly.MaxValue).ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        var size = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (filtered.Count + size - 1) / size));
        using (db.BeginProcess("CareLeavers.Tracker", actor))
        {
            db.RecordAccess("CareLeaverTracker", "all", AuditAction.Viewed, $"{filtered.Count} young people");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new CareLeaverTrackerPage(
            [.. filtered.Skip((page - 1) * size).Take(size).Select(e => new CareLeaverTrackerRow(e.PersonId, e.Name, e.Assessment.Age, e.Assessment.Status, e.Record?.PersonalAdviserName, e.NextPlan, e.InTouch, e.Record?.NeedsAdultServices))],
            filtered.Count, page, size);
    }

    /// <summary>Everyone with an episode of care among <paramref name="among"/>, aged 15 to 25 today, assessed.</summary>
    internal async Task<IReadOnlyList<Entry>> EntriesAsync(IQueryable<Guid>? among, CancellationToken cancellationToken)
    {
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var today = deadlines.Today();
        var oldest = today.AddYears(-26);
        var youngest = today.AddYears(-15);
        var withCare = db.Set<CareEpisode>().Select(e => e.PersonId);
        var candidates = db.People.AsNoTracking().Where(p => p.Kind == PersonKind.Child && p.MergedIntoId == null && p.DateOfBirth != null && p.DateOfBirth > oldest && p.DateOfBirth <= youngest && withCare.Contains(p.Id));
        if (among is not null)
        {
            candidates = candidates.Where(p => among.Contains(p.Id));
        }

        var children = await candidates.Select(p => new { p.Id, p.DisplayName, p.IsRestricted, p.DateOfBirth }).ToListAsync(cancellationToken);
        if (children.Count == 0)
        {
            return [];
        }

        var ids = children.Select(c => c.Id).ToList();
        var episodes = (await db.Set<CareEpisode>().AsNoTracking().Where(e => ids.Contains(e.PersonId)).ToListAsync(cancellationToken)).ToLookup(e => e.PersonId);
        var plans = (await db.Set<PathwayPlan>().AsNoTracking().Where(p => ids.Contains(p.PersonId)).Select(p => new { p.PersonId, p.AgreedOn }).ToListAsync(cancellationToken))
            .ToLookup(p => p.PersonId, p => p.AgreedOn);
        var records = await db.Set<CareLeaver>().AsNoTracking().Where(c => ids.Contains(c.PersonId)).ToDictionaryAsync(c => c.PersonId, cancellationToken);
        var contacts = (await db.Set<CareLeaverContact>().AsNoTracking().Where(c => ids.Contains(c.PersonId)).Select(c => new { c.PersonId, c.Birthday, c.InTouch }).ToListAsync(cancellationToken))
            .GroupBy(c => c.PersonId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Birthday).Last().InTouch);
        return [.. children.Select(c =>
        {
            var assessment = CareLeaverService.Assess(c.DateOfBirth, episodes[c.Id], plans[c.Id], today);
            records.TryGetValue(c.Id, out var record);
            contacts.TryGetValue(c.Id, out var inTouch);
            return new Entry(c.Id, c.DisplayName, c.IsRestricted, c.DateOfBirth, assessment, record, CareLeaverService.NextPlan(assessment, plans[c.Id], deadlines), inTouch);
        })];
    }
}

/// <summary>
/// The next pathway plan (the first within 3 months of becoming eligible, then a review every 6 months) for every
/// eligible, relevant and former relevant young person: on the personal adviser's due work (the allocated worker's
/// when no adviser is named) and the allocated team's.
/// </summary>
public sealed class CareLeaverDueWorkSource(SafeguardDbContext db, CareLeaverTracker tracker) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> DueAsync(DueWorkQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var entries = (await tracker.EntriesAsync(null, cancellationToken)).Where(e => e.NextPlan is not null).ToList();
        if (entries.Count == 0)
        {
            return [];
        }

        var ids = entries.Select(e => e.PersonId).ToList();
        var needs = db.NeedEpisodes.Where(n => n.ClosureDate == null && !n.ReferralNfa).Select(n => n.Id);
        var allocations = (await db.Set<Journey.CaseAllocation>().AsNoTracking()
                .Where(a => a.To == null && ids.Contains(a.PersonId) && needs.Contains(a.EpisodeId))
                .Select(a => new { a.PersonId, a.TeamId, a.WorkerId })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.PersonId)
            .ToDictionary(g => g.Key, g => g.First());
        var items = new List<DueItem>();
        foreach (var e in entries)
        {
            allocations.TryGetValue(e.PersonId, out var allocation);
            var name = e.IsRestricted ? ComplexSafeguarding.MissingEpisodeService.RestrictedName : e.Name;
            var what = e.Record?.PersonalAdviserName is { } pa ? $"{e.NextPlan!.What} (PA {pa})" : e.NextPlan!.What;
            items.Add(new DueItem(e.PersonId, name, what, allocation?.TeamId, e.Record?.PersonalAdviserUserId ?? allocation?.WorkerId, e.NextPlan.Assessment, $"/people/{e.PersonId}/looked-after/care-leaver"));
        }

        return [.. items.Where(i => (query.WorkerId is not { } w || i.WorkerId == w) && (query.TeamId is not { } t || i.TeamId == t))];
    }
}

/// <summary>Pathway plans, OC3 birthday information and adoption decisions on the young person's chronology.</summary>
public sealed class CareLeaverChronologySource(SafeguardDbContext db) : IChronologySource
{
    public async Task<IReadOnlyList<ChronologyEntry>> EntriesForAsync(Guid personId, CancellationToken cancellationToken)
    {
        var entries = new List<ChronologyEntry>();
        var link = $"/people/{personId}/looked-after/care-leaver";
        foreach (var p in await db.Set<PathwayPlan>().AsNoTracking().Where(p => p.PersonId == personId).ToListAsync(cancellationToken))
        {
            entries.Add(new(UkTime.StartOfDay(p.AgreedOn), ChronologyKinds.LookedAfter, p.IsReview ? "Pathway plan reviewed" : "Pathway plan agreed", p.Summary, null, null,
                CareLeaverService.PlanEntityType, p.Id, link));
        }

        foreach (var c in await db.Set<CareLeaverContact>().AsNoTracking().Where(c => c.PersonId == personId).ToListAsync(cancellationToken))
        {
            entries.Add(new(UkTime.StartOfDay(c.ContactedOn), ChronologyKinds.LookedAfter, $"Care leaver at {CareLeaverService.Ordinal(c.Birthday)} birthday: {CareLeaverCodes.InTouchName(c.InTouch).ToLowerInvariant()}",
                c.InTouch == CareLeaverCodes.InTouchYes ? $"{CareLeaverCodes.ActivityName(c.Activity)}. {CareLeaverCodes.AccommodationName(c.Accommodation)}." : null, null, null,
                CareLeaverService.ContactEntityType, c.Id, link));
        }

        var adoptionLink = $"/people/{personId}/looked-after/adoption";
        foreach (var a in await db.Set<AdoptionDecision>().AsNoTracking().Where(a => a.PersonId == personId).ToListAsync(cancellationToken))
        {
            foreach (var (on, what) in AdoptionService.Milestones(a))
            {
                entries.Add(new(UkTime.StartOfDay(on), ChronologyKinds.LookedAfter, what, null, null, null, AdoptionService.EntityType, a.Id, adoptionLink));
            }
        }

        return entries;
    }
}
