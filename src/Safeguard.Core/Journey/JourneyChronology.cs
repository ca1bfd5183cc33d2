using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Chronology;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.Journey;

/// <summary>The child's journey on their chronology: referrals, assessments, strategy discussions, enquiries, conferences, plans, allocations and closures.</summary>
public sealed class JourneyChronology(SafeguardDbContext db) : IChronologySource
{
    public async Task<IReadOnlyList<ChronologyEntry>> EntriesForAsync(Guid personId, CancellationToken cancellationToken)
    {
        var episodes = await CaseworkService.WithRecords(db.NeedEpisodes.AsNoTracking().Where(e => e.PersonId == personId)).ToListAsync(cancellationToken);
        var teamIds = episodes.SelectMany(e => e.Allocations).Select(a => a.TeamId).Distinct().ToList();
        var workerIds = episodes.SelectMany(e => e.Allocations).Select(a => a.WorkerId).OfType<Guid>().Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Name, t.AgencyId, Agency = t.Agency!.Name })
            .ToDictionaryAsync(t => t.Id, cancellationToken);
        var workers = await db.Users.AsNoTracking().Where(u => workerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var contactIds = episodes.Select(e => e.FrontDoorContactId).OfType<Guid>().ToList();
        var contacts = await db.Set<FrontDoor.Contact>().AsNoTracking().Where(c => contactIds.Contains(c.Id))
            .Select(c => new { c.Id, c.ReceivedAt, c.DecidedAt })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var link = $"/people/{personId}/casework";
        var entries = new List<ChronologyEntry>();
        void Add(DateOnly date, string kind, string title, string? detail, string type, Guid id, Guid? agencyId = null, string? agency = null) =>
            entries.Add(new(UkTime.StartOfDay(date), kind, title, detail, agencyId, agency, type, id, link));

        foreach (var e in episodes)
        {
            var fromContact = e.FrontDoorContactId is { } contactId && contacts.TryGetValue(contactId, out var contact)
                ? $"\nOpened from the front door's contact received {When(contact.ReceivedAt)}{(contact.DecidedAt is { } decided ? $", decided as a referral {When(decided)}" : "")}"
                : "";
            Add(e.ReferralDate, ChronologyKinds.Referral, e.ReferralNfa ? "Referral to children's social care: no further action" : "Referral to children's social care",
                $"Source: {CensusCodes.Describe(CensusCodes.ReferralSources, e.ReferralSource)}{(e.PrimaryNeedCode is null ? "" : $"; primary need: {CensusCodes.Describe(CensusCodes.PrimaryNeeds, e.PrimaryNeedCode)}")}{fromContact}",
                CaseworkService.EntityType, e.Id);
            foreach (var a in e.Assessments)
            {
                Add(a.StartDate, ChronologyKinds.Assessment, "Assessment started", null, "CaseAssessment", a.Id);
                if (a.ChildSeenDate is { } seen)
                {
                    Add(seen, ChronologyKinds.Assessment, "Child seen during the assessment", null, "CaseAssessment", a.Id);
                }

                if (a.AuthorisationDate is { } done)
                {
                    Add(done, ChronologyKinds.Assessment, "Assessment completed and authorised", $"Factors: {string.Join(", ", a.FactorCodes.Select(CensusCodes.DescribeFactor))}", "CaseAssessment", a.Id);
                }
            }

            foreach (var s in e.StrategyDiscussions)
            {
                Add(s.Date, ChronologyKinds.StrategyDiscussion, "Strategy discussion",
                    s.Outcome == StrategyOutcome.Section47 ? "A section 47 enquiry starts" : "No section 47 enquiry", "StrategyDiscussion", s.Id);
            }

            foreach (var s in e.Enquiries)
            {
                Add(s.StartDate, ChronologyKinds.Section47, "Section 47 enquiry started", null, "S47Enquiry", s.Id);
                if (s.ConferenceDate is { } held)
                {
                    Add(held, ChronologyKinds.Conference, "Initial child protection conference",
                        s.ConferenceOutcome == ConferenceOutcome.Plan ? "Child protection plan" : "No child protection plan", "S47Enquiry", s.Id);
                }
            }

            foreach (var p in e.ProtectionPlans)
            {
                Add(p.StartDate, ChronologyKinds.Plan, "Child protection plan started", $"Category of abuse: {CensusCodes.Describe(CensusCodes.Categories, p.InitialCategory)}", "ProtectionPlan", p.Id);
                foreach (var r in p.Reviews)
                {
                    Add(r.Date, ChronologyKinds.Conference, "Child protection review conference", null, "ReviewConference", r.Id);
                }

                if (p.EndDate is { } end)
                {
                    Add(end, ChronologyKinds.Plan, "Child protection plan ended", null, "ProtectionPlan", p.Id);
                }
            }

            foreach (var p in e.CinPlans)
            {
                Add(p.StartDate, ChronologyKinds.Plan, "Child in need plan started", null, "ChildInNeedPlan", p.Id);
                if (p.EndDate is { } end)
                {
                    Add(end, ChronologyKinds.Plan, "Child in need plan ended", null, "ChildInNeedPlan", p.Id);
                }
            }

            foreach (var a in e.Allocations)
            {
                var team = teams.GetValueOrDefault(a.TeamId);
                var worker = a.WorkerId is { } w ? workers.GetValueOrDefault(w) : null;
                entries.Add(new(a.From, ChronologyKinds.Allocation, $"Allocated to {team?.Name ?? "a team"}{(worker is null ? "" : $" ({worker})")}",
                    $"By {a.AllocatedByName}", team?.AgencyId, team?.Agency, "CaseAllocation", a.Id, link));
            }

            if (e.ClosureDate is { } closed)
            {
                Add(closed, ChronologyKinds.Closure, "Episode closed", $"Reason: {CensusCodes.Describe(CensusCodes.Reasons, e.ReasonForClosure)}", CaseworkService.EntityType, e.Id);
            }
        }

        return entries;
    }

    private static string When(DateTimeOffset instant) =>
        UkTime.ToUkLocal(instant).ToString("d MMMM yyyy 'at' HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}

/// <summary>The person index on the chronology: the record being added, family links and merges.</summary>
public sealed class PersonIndexChronology(SafeguardDbContext db) : IChronologySource
{
    public async Task<IReadOnlyList<ChronologyEntry>> EntriesForAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return [];
        }

        var link = $"/people/{personId}";
        var entries = new List<ChronologyEntry>
        {
            new(person.CreatedAt, ChronologyKinds.Record, "Record added to the person index", null, null, null, PersonIndex.EntityType, person.Id, link),
        };
        var relationships = await db.PersonRelationships.AsNoTracking()
            .Where(r => (r.PersonId == personId || r.RelatedPersonId == personId) && r.From != null)
            .ToListAsync(cancellationToken);
        var otherIds = relationships.Select(r => r.PersonId == personId ? r.RelatedPersonId : r.PersonId).ToList();
        var others = await db.People.AsNoTracking().Where(p => otherIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        foreach (var r in relationships)
        {
            var otherId = r.PersonId == personId ? r.RelatedPersonId : r.PersonId;
            if (others.TryGetValue(otherId, out var name))
            {
                // Names the other person: shown only to a reader who may see their record (ChronologyService).
                entries.Add(new(UkTime.StartOfDay(r.From!.Value), ChronologyKinds.Record,
                    $"Linked to {name} ({PersonIndex.Describe(r.Kind)})", null, null, null, "PersonRelationship", r.Id, link)
                { NamesPersonId = otherId });
            }
        }

        var merges = await db.Set<PersonMerge>().AsNoTracking().Where(m => m.SurvivorId == personId || m.MergedId == personId).ToListAsync(cancellationToken);
        foreach (var m in merges)
        {
            entries.Add(new(m.MergedAt, ChronologyKinds.Record, m.SurvivorId == personId ? "A duplicate record was merged into this one" : "This record was merged into another",
                $"By {m.MergedByName}", null, null, "PersonMerge", m.Id, link));
        }

        return entries;
    }
}
