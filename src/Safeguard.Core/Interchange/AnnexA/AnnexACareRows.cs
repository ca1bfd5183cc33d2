using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.ComplexSafeguarding;
using Safeguard.LookedAfter;

namespace Safeguard.Interchange.AnnexA;

public sealed partial class AnnexAExport
{
    private sealed partial class Rows
    {
        // List 6: episodes of need open at any time in the window (referrals that were no further action left out).
        private async Task ChildrenInNeedAsync(CancellationToken cancellationToken)
        {
            var episodes = await Db.NeedEpisodes.AsNoTracking()
                .Where(e => !e.ReferralNfa && e.ReferralDate <= until && (e.ClosureDate == null || e.ClosureDate >= @from))
                .OrderBy(e => e.ReferralDate)
                .Select(e => new { e.Id, e.PersonId, e.ReferralDate, e.PrimaryNeedCode, e.ClosureDate, e.ReasonForClosure })
                .ToListAsync(cancellationToken);
            foreach (var chunk in episodes.Chunk(Chunk))
            {
                var people = await PeopleAsync(chunk.Select(e => e.PersonId), cancellationToken);
                var allocations = await EpisodeAllocationsAsync(chunk.Select(e => e.Id), cancellationToken);
                var ids = chunk.Select(e => e.Id).ToList();
                var personIds = chunk.Select(e => e.PersonId).Distinct().ToList();
                var seen = await LastSeenAsync(personIds, cancellationToken);
                var plans = (await Db.Set<Journey.ProtectionPlan>().AsNoTracking().Where(p => ids.Contains(p.EpisodeId) && p.StartDate <= asAt && (p.EndDate == null || p.EndDate > asAt))
                    .Select(p => p.EpisodeId).ToListAsync(cancellationToken)).ToHashSet();
                var cinPlans = (await Db.Set<Journey.ChildInNeedPlan>().AsNoTracking().Where(p => ids.Contains(p.EpisodeId) && p.StartDate <= asAt && (p.EndDate == null || p.EndDate > asAt))
                    .Select(p => p.EpisodeId).ToListAsync(cancellationToken)).ToHashSet();
                var assessing = (await Db.Set<Journey.CaseAssessment>().AsNoTracking().Where(a => ids.Contains(a.EpisodeId) && a.StartDate <= asAt && (a.AuthorisationDate == null || a.AuthorisationDate > asAt))
                    .Select(a => a.EpisodeId).ToListAsync(cancellationToken)).ToHashSet();
                var inCare = (await Db.Set<CareEpisode>().AsNoTracking().Where(c => personIds.Contains(c.PersonId) && c.StartedOn <= asAt && (c.EndedOn == null || c.EndedOn > asAt))
                    .Select(c => c.PersonId).ToListAsync(cancellationToken)).ToHashSet();
                foreach (var e in chunk)
                {
                    var row = Child(people, e.PersonId);
                    var closed = e.ClosureDate is { } c && c <= asAt ? c : (DateOnly?)null;
                    Set(row, "CIN Start Date", Date(e.ReferralDate));
                    Set(row, "Primary Need Code", Code("Primary Need Code", e.PrimaryNeedCode));
                    Set(row, "Date Child Was Last Seen", Date(seen.GetValueOrDefault(e.PersonId)?.On));
                    Set(row, "CIN Closure Date", Date(closed));
                    Set(row, "Reason for Closure", closed is null ? null : Code("Reason for Closure", e.ReasonForClosure));
                    Set(row, "Case Status", closed is not null ? "e) Closed episode"
                        : inCare.Contains(e.PersonId) ? "a) Looked after child"
                        : plans.Contains(e.Id) ? "b) Child Protection plan"
                        : cinPlans.Contains(e.Id) ? "c) Child in need plan"
                        : assessing.Contains(e.Id) ? "d) Open assessment"
                        : null);
                    Allocated(row, allocations.GetValueOrDefault(e.Id));
                    sink.Write(row);
                }
            }
        }

        // List 7: child protection plans open at any time in the window.
        private async Task ProtectionAsync(CancellationToken cancellationToken)
        {
            var plans = await (from p in Db.Set<Journey.ProtectionPlan>().AsNoTracking()
                               join e in Db.NeedEpisodes.AsNoTracking() on p.EpisodeId equals e.Id
                               where p.StartDate <= until && (p.EndDate == null || p.EndDate >= @from)
                               orderby p.StartDate
                               select new { p.Id, p.EpisodeId, e.PersonId, p.StartDate, p.EndDate, p.InitialCategory, p.LatestCategory })
                .ToListAsync(cancellationToken);
            foreach (var chunk in plans.Chunk(Chunk))
            {
                var people = await PeopleAsync(chunk.Select(p => p.PersonId), cancellationToken);
                var allocations = await EpisodeAllocationsAsync(chunk.Select(p => p.EpisodeId), cancellationToken);
                var planIds = chunk.Select(p => p.Id).ToList();
                var personIds = chunk.Select(p => p.PersonId).Distinct().ToList();
                var reviews = (await Db.Set<Journey.ReviewConference>().AsNoTracking().Where(r => planIds.Contains(r.PlanId) && r.Date <= asAt)
                    .Select(r => new { r.PlanId, r.Date }).ToListAsync(cancellationToken)).GroupBy(r => r.PlanId).ToDictionary(g => g.Key, g => g.Max(r => r.Date));
                var earlier = await (from p in Db.Set<Journey.ProtectionPlan>().AsNoTracking()
                                     join e in Db.NeedEpisodes.AsNoTracking() on p.EpisodeId equals e.Id
                                     where personIds.Contains(e.PersonId)
                                     select new { e.PersonId, p.StartDate }).ToListAsync(cancellationToken);
                var sixMonths = asAt.AddMonths(-6).AddDays(1);
                var protectedRecently = (await Db.Set<CareEpisode>().AsNoTracking()
                        .Where(c => personIds.Contains(c.PersonId) && (c.LegalStatus == "L1" || c.LegalStatus == "L2") && c.StartedOn <= asAt && (c.EndedOn == null || c.EndedOn >= sixMonths))
                        .Select(c => c.PersonId).ToListAsync(cancellationToken)).ToHashSet();
                var visits = await Db.ChildVisits.AsNoTracking().Where(v => personIds.Contains(v.PersonId) && v.ChildSeen && v.VisitDate <= asAt)
                    .Select(v => new { v.PersonId, v.VisitDate, v.SeenAlone }).ToListAsync(cancellationToken);
                foreach (var p in chunk)
                {
                    var row = Child(people, p.PersonId);
                    var last = visits.Where(v => v.PersonId == p.PersonId && v.VisitDate >= p.StartDate && (p.EndDate is null || v.VisitDate <= p.EndDate)).MaxBy(v => v.VisitDate);
                    Set(row, "Child Protection Plan Start Date", Date(p.StartDate));
                    Set(row, "Initial Category of Abuse", Code("Initial Category of Abuse", p.InitialCategory));
                    Set(row, "Latest Category of Abuse", Code("Latest Category of Abuse", p.LatestCategory));
                    Set(row, "Date of the Last Statutory Visit", Date(last?.VisitDate));
                    Set(row, "Was the Child Seen Alone?", last is null ? null : YesNo(last.SeenAlone));
                    Set(row, "Date of latest review conference", Date(reviews.TryGetValue(p.Id, out var r) ? r : null));
                    Set(row, "Child Protection Plan End Date", Date(p.EndDate is { } end && end <= asAt ? end : null));
                    Set(row, "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)", YesNo(protectedRecently.Contains(p.PersonId)));
                    Set(row, "Number of Previous Child Protection Plans", Number(earlier.Count(x => x.PersonId == p.PersonId && x.StartDate < p.StartDate)));
                    Allocated(row, allocations.GetValueOrDefault(p.EpisodeId));
                    sink.Write(row);
                }
            }
        }

        // List 8: children looked after at any time in the window (short breaks left out), from their latest episode by the date.
        private async Task InCareAsync(CancellationToken cancellationToken)
        {
            var children = await Db.Set<CareEpisode>().AsNoTracking()
                .Where(c => c.StartedOn <= until && (c.EndedOn == null || c.EndedOn >= @from) && c.LegalStatus != "V3" && c.LegalStatus != "V4")
                .Select(c => c.PersonId).Distinct().ToListAsync(cancellationToken);
            foreach (var chunk in children.Order().Chunk(Chunk))
            {
                var people = await PeopleAsync(chunk, cancellationToken);
                var allocations = await PersonAllocationsAsync(chunk, cancellationToken);
                var episodes = (await Db.Set<CareEpisode>().AsNoTracking().Where(c => chunk.Contains(c.PersonId) && c.StartedOn <= asAt).ToListAsync(cancellationToken))
                    .ToLookup(c => c.PersonId);
                var reviews = await LatestAsync(Db.Set<LookedAfterReview>().AsNoTracking().Where(r => chunk.Contains(r.PersonId) && r.HeldOn <= asAt).Select(r => new Dated(r.PersonId, r.HeldOn)), cancellationToken);
                var health = await LatestAsync(Db.Set<HealthCheck>().AsNoTracking().Where(h => chunk.Contains(h.PersonId) && h.Kind == HealthCheckKind.HealthAssessment && h.DoneOn <= asAt).Select(h => new Dated(h.PersonId, h.DoneOn)), cancellationToken);
                var dental = await LatestAsync(Db.Set<HealthCheck>().AsNoTracking().Where(h => chunk.Contains(h.PersonId) && h.Kind == HealthCheckKind.DentalCheck && h.DoneOn <= asAt).Select(h => new Dated(h.PersonId, h.DoneOn)), cancellationToken);
                var seen = await LastSeenAsync(chunk, cancellationToken);
                var (yearStart, end) = (UkTime.StartOfDay(YearAgo), UntilInstant);
                var missing = (await Db.Set<MissingEpisode>().AsNoTracking().Include(m => m.Interview)
                        .Where(m => m.PersonId != null && chunk.Contains(m.PersonId.Value) && m.LookedAfter && m.StartedAt >= yearStart && m.StartedAt < end)
                        .ToListAsync(cancellationToken))
                    .ToLookup(m => m.PersonId!.Value);
                foreach (var personId in chunk)
                {
                    var history = episodes[personId].OrderBy(c => c.StartedOn).ToList();
                    if (history.Count == 0)
                    {
                        continue;
                    }

                    var latest = history[^1];
                    var row = Child(people, personId);
                    var periodStart = history.LastOrDefault(c => c.ReasonForNewEpisode == "S" && c.StartedOn <= latest.StartedOn)?.StartedOn ?? history[0].StartedOn;
                    var ended = latest.EndedOn is { } e && e <= asAt && latest.ReasonEpisodeCeased != "X1" ? e : (DateOnly?)null;
                    Set(row, "Date Started to be Looked After", Date(periodStart));
                    Set(row, "Child's Category of Need", Code("Child's Category of Need", latest.CategoryOfNeed));
                    Set(row, "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
                        YesNo(history.Any(c => c.EndedOn is { } x && c.ReasonEpisodeCeased != "X1" && x < periodStart && x >= periodStart.AddMonths(-12))));
                    Set(row, "Start date of current legal status", Date(Since(history, (a, b) => a.LegalStatus == b.LegalStatus)));
                    Set(row, "Child's Legal Status", Code("Child's Legal Status", latest.LegalStatus));
                    Set(row, "Date of Latest Statutory Review", Date(reviews.GetValueOrDefault(personId)));
                    Set(row, "Date of Last Social Work Visit", Date(seen.GetValueOrDefault(personId)?.On));
                    Set(row, "Date of Last Health Assessment", Date(health.GetValueOrDefault(personId)));
                    Set(row, "Date of Last Dental Check", Date(dental.GetValueOrDefault(personId)));
                    var inYear = history.Where(c => c.EndedOn is null || c.EndedOn >= YearAgo).ToList();
                    Set(row, "Number of Placements in the Last 12 months", Number(inYear.Count(c => c.ReasonForNewEpisode != "L") + (inYear.FirstOrDefault()?.ReasonForNewEpisode == "L" ? 1 : 0)));
                    Set(row, "Date Ceased to be Looked After", Date(ended));
                    Set(row, "Reason Ceased to be Looked After", ended is null ? null : Code("Reason Ceased to be Looked After", latest.ReasonEpisodeCeased));
                    Set(row, "Start Date of Most Recent Placement", Date(Since(history, (a, b) => b.ReasonForNewEpisode == "L")));
                    Set(row, "Placement Type", Code("Placement Type", latest.PlacementType is "K3" ? "H5" : latest.PlacementType));
                    Set(row, "Placement Provider", Code("Placement Provider", latest.PlacementProvider));
                    Set(row, "Placement postcode", latest.PlacementPostcode);
                    Set(row, "URN of Placement", latest.PlacementUrn);
                    var theirMissing = missing[personId].OrderBy(m => m.StartedAt).ToList();
                    Set(row, "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months", Number(theirMissing.Count(m => m.Kind == MissingKind.Missing)));
                    Set(row, "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months", Number(theirMissing.Count(m => m.Kind == MissingKind.AwayWithoutAuthorisation)));
                    if (theirMissing.LastOrDefault(m => m.EndedAt is { } back && back < end) is { } lastEpisode)
                    {
                        var interview = lastEpisode.Interview is { } i && i.OfferedAt < end ? i : null;
                        Set(row, "Was the child offered a Return Interview after their last missing episode (Y/N)?", YesNo(interview is not null));
                        Set(row, "Did the child accept a Return Interview after their last missing episode (Y/N)?", YesNo(interview?.Outcome == ReturnInterviewOutcome.Accepted));
                    }

                    Allocated(row, allocations.GetValueOrDefault(personId));
                    sink.Write(row);
                }
            }
        }

        // List 9: young people with a care leaver's status on the date (eligible, relevant, former relevant or qualifying).
        private async Task CareLeaversAsync(CancellationToken cancellationToken)
        {
            var (oldest, youngest) = (asAt.AddYears(-26), asAt.AddYears(-16));
            var candidates = await (from c in Db.Set<CareEpisode>().AsNoTracking()
                                    join p in Db.People.AsNoTracking() on c.PersonId equals p.Id
                                    where p.DateOfBirth != null && p.DateOfBirth > oldest && p.DateOfBirth <= youngest && c.StartedOn <= asAt
                                    select c.PersonId).Distinct().ToListAsync(cancellationToken);
            foreach (var chunk in candidates.Order().Chunk(Chunk))
            {
                var people = await PeopleAsync(chunk, cancellationToken);
                var allocations = await PersonAllocationsAsync(chunk, cancellationToken);
                var episodes = (await Db.Set<CareEpisode>().AsNoTracking().Where(c => chunk.Contains(c.PersonId) && c.StartedOn <= asAt).ToListAsync(cancellationToken))
                    .Select(c => c.EndedOn is { } x && x > asAt ? Reopened(c) : c).ToLookup(c => c.PersonId);
                var leavers = await Db.Set<CareLeaver>().AsNoTracking().Where(c => chunk.Contains(c.PersonId)).ToDictionaryAsync(c => c.PersonId, cancellationToken);
                var plans = await LatestAsync(Db.Set<PathwayPlan>().AsNoTracking().Where(p => chunk.Contains(p.PersonId) && p.AgreedOn <= asAt).Select(p => new Dated(p.PersonId, p.AgreedOn)), cancellationToken);
                var contacts = (await Db.Set<CareLeaverContact>().AsNoTracking().Where(c => chunk.Contains(c.PersonId) && c.ContactedOn <= asAt).ToListAsync(cancellationToken))
                    .GroupBy(c => c.PersonId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.ContactedOn)!);
                foreach (var personId in chunk)
                {
                    var status = CareLeaverRules.Assess(people.GetValueOrDefault(personId)?.DateOfBirth, episodes[personId], asAt, plans.ContainsKey(personId)).Status;
                    if (status == LeavingCareStatus.None)
                    {
                        continue;
                    }

                    var row = Child(people, personId);
                    Allocated(row, allocations.GetValueOrDefault(personId));
                    Set(row, "Allocated Personal Advisor", leavers.GetValueOrDefault(personId)?.PersonalAdviserName);
                    Set(row, "Eligibility Category", status switch
                    {
                        LeavingCareStatus.Relevant => "a) Relevant",
                        LeavingCareStatus.FormerRelevant => "b) Former relevant",
                        LeavingCareStatus.Qualifying => "c) Qualifying",
                        _ => "d) Eligible",
                    });
                    Set(row, "Latest Pathway Plan Review Date", Date(plans.GetValueOrDefault(personId)));
                    var contact = contacts.GetValueOrDefault(personId);
                    Set(row, "LA in Touch", contact is null ? "c) Not recorded" : Code("LA in Touch", contact.InTouch) ?? "c) Not recorded");
                    Set(row, "Latest Date of Contact", Date(contact?.ContactedOn));
                    if (contact is { Accommodation.Length: 2 } && contact.Accommodation[0] is var kind)
                    {
                        Set(row, "Type of Accommodation", Code("Type of Accommodation", kind.ToString()));
                        Set(row, "Suitability of Accommodation", contact.Accommodation[1] == '1' ? "a) Suitable" : "b) Not suitable");
                    }
                    else if (contact is not null)
                    {
                        Set(row, "Suitability of Accommodation", "c) Not in touch or not recorded");
                    }

                    // The template's activity codes start with the SSDA903 code ("F1: Full time in higher education").
                    var activity = contact?.Activity is { Length: 2 } a ? list.Columns[list.IndexOf("Activity Status")].Codes!.FirstOrDefault(c => c.StartsWith(a + ":", StringComparison.Ordinal)) : null;
                    Set(row, "Activity Status", activity);
                    sink.Write(row);
                }
            }
        }

        // List 10: adoption decisions with a step in the twelve months, or still in progress in them.
        private async Task AdoptionAsync(CancellationToken cancellationToken)
        {
            var decisions = await Db.Set<AdoptionDecision>().AsNoTracking()
                .Where(a => a.DecidedOn <= until && (a.AdoptionOrderOn == null || a.AdoptionOrderOn >= @from) && (a.NoLongerPlacedOn == null || a.NoLongerPlacedOn >= @from))
                .OrderBy(a => a.DecidedOn).ToListAsync(cancellationToken);
            foreach (var chunk in decisions.Chunk(Chunk))
            {
                var people = await PeopleAsync(chunk.Select(a => a.PersonId), cancellationToken);
                var ids = chunk.Select(a => a.PersonId).Distinct().ToList();
                var episodes = (await Db.Set<CareEpisode>().AsNoTracking().Where(c => ids.Contains(c.PersonId) && c.StartedOn <= asAt).ToListAsync(cancellationToken)).ToLookup(c => c.PersonId);
                foreach (var a in chunk)
                {
                    var row = Child(people, a.PersonId);
                    var history = episodes[a.PersonId].OrderBy(c => c.StartedOn).ToList();
                    static string? Upto(DateOnly? d, DateOnly asAt) => d is { } x && x <= asAt ? Date(x) : null;
                    Set(row, "Date the Child Entered Care", Date(history.LastOrDefault(c => c.ReasonForNewEpisode == "S" && c.StartedOn <= a.DecidedOn)?.StartedOn));
                    Set(row, "Date of Decision that Child Should be Placed for Adoption", Date(a.DecidedOn));
                    Set(row, "Date of Placement Order", Upto(a.PlacementOrderOn, asAt));
                    Set(row, "Date of Matching Child and Prospective Adopters", Upto(a.MatchedOn, asAt));
                    Set(row, "Date Placed for Adoption", Upto(a.PlacedOn, asAt));
                    Set(row, "Date of Adoption Order", Upto(a.AdoptionOrderOn, asAt));
                    var stopped = a.NoLongerPlacedOn is { } s && s <= asAt;
                    Set(row, "Date of Decision that Child Should No Longer be Placed for Adoption", stopped ? Date(a.NoLongerPlacedOn) : null);
                    Set(row, "Reason Why Child No Longer Placed for Adoption", stopped ? Code("Reason Why Child No Longer Placed for Adoption", a.ReasonNoLongerPlaced) : null);
                    Set(row, "Date the child was placed for fostering in FFA or concurrent planning placement", Date(history.FirstOrDefault(c => c.PlacementType is "Q1" or "Q2")?.StartedOn));
                    sink.Write(row);
                }
            }
        }

        private sealed record Dated(Guid PersonId, DateOnly On);

        private sealed record Seen(DateOnly On, bool Alone);

        private static async Task<Dictionary<Guid, DateOnly>> LatestAsync(IQueryable<Dated> dates, CancellationToken cancellationToken) =>
            (await dates.ToListAsync(cancellationToken)).GroupBy(d => d.PersonId).ToDictionary(g => g.Key, g => g.Max(d => d.On));

        /// <summary>Each child's latest visit at which they were seen, by the date.</summary>
        private async Task<Dictionary<Guid, Seen>> LastSeenAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
            (await Db.ChildVisits.AsNoTracking().Where(v => personIds.Contains(v.PersonId) && v.ChildSeen && v.VisitDate <= asAt)
                .Select(v => new { v.PersonId, v.VisitDate, v.SeenAlone }).ToListAsync(cancellationToken))
            .GroupBy(v => v.PersonId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.VisitDate) is var v ? new Seen(v!.VisitDate, v.SeenAlone) : null!);

        /// <summary>The start of the run of episodes, back from the latest, over which <paramref name="same"/> holds between each and the one after it.</summary>
        private static DateOnly Since(List<CareEpisode> history, Func<CareEpisode, CareEpisode, bool> same)
        {
            var i = history.Count - 1;
            while (i > 0 && history[i - 1].EndedOn == history[i].StartedOn && same(history[i - 1], history[i]))
            {
                i--;
            }

            return history[i].StartedOn;
        }

        /// <summary>An episode that ended after the date, as it stood on the date (still open).</summary>
        private static CareEpisode Reopened(CareEpisode c) => new()
        {
            PersonId = c.PersonId,
            StartedOn = c.StartedOn,
            ReasonForNewEpisode = c.ReasonForNewEpisode,
            LegalStatus = c.LegalStatus,
            CategoryOfNeed = c.CategoryOfNeed,
            PlacementType = c.PlacementType,
            IroName = c.IroName,
            RecordedByName = c.RecordedByName,
        };
    }
}
