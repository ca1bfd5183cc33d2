using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Chronology;
using Safeguard.Persistence;
using Safeguard.Work;

namespace Safeguard.FrontDoor;

/// <summary>The front door's part of a child's chronology: contacts, decisions, information requests and sharing decisions.</summary>
public sealed class FrontDoorChronologySource(SafeguardDbContext db) : IChronologySource
{
    public async Task<IReadOnlyList<ChronologyEntry>> EntriesForAsync(Guid personId, CancellationToken cancellationToken)
    {
        // The child's contacts found from the contacts' children by the indexed person id (an uncorrelated IN), not by
        // testing every contact for the child.
        var childContacts = db.Set<ContactChild>().Where(ch => ch.PersonId == personId).Select(ch => ch.ContactId);
        var contacts = await db.Set<Contact>().AsNoTracking()
            .Include(c => c.FromAgency)
            .Include(c => c.InformationRequests).ThenInclude(r => r.Agency)
            .Where(c => childContacts.Contains(c.Id))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var referredIds = contacts.Where(c => c.Decision == ContactDecision.ReferralToChildrensSocialCare).Select(c => c.Id).ToList();
        var opened = await db.Set<Journey.NeedEpisode>().AsNoTracking()
            .Where(e => e.PersonId == personId && e.FrontDoorContactId != null && referredIds.Contains(e.FrontDoorContactId.Value))
            .Select(e => new { ContactId = e.FrontDoorContactId!.Value, e.ReferralDate })
            .ToListAsync(cancellationToken);
        var openedOn = opened.GroupBy(e => e.ContactId).ToDictionary(g => g.Key, g => g.Min(e => e.ReferralDate));
        var entries = new List<ChronologyEntry>();
        foreach (var c in contacts)
        {
            var link = $"/front-door/contacts/{c.Id}";
            entries.Add(new(c.ReceivedAt, ChronologyKinds.Contact, $"Contact from {c.FromAgency?.Name}",
                $"Source: {ReferralSources.Describe(c.ReferralSource)}\n{c.Concerns}", c.FromAgencyId, c.FromAgency?.Name, ContactService.EntityType, c.Id, link));
            if (c.Decision is { } decision && c.DecidedAt is { } decidedAt)
            {
                var referral = decision == ContactDecision.ReferralToChildrensSocialCare
                    ? openedOn.TryGetValue(c.Id, out var on) ? $"\nReferral opened on {on.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}" : "\nReferral not yet opened by children's social care"
                    : "";
                entries.Add(new(decidedAt, ChronologyKinds.FrontDoorDecision, $"Front door decision: {FrontDoorText.Describe(decision)}",
                    c.DecisionRationale + referral, null, null, ContactService.EntityType, c.Id, link));
            }

            foreach (var r in c.InformationRequests)
            {
                entries.Add(new(r.RequestedAt, ChronologyKinds.InformationRequest, $"Information requested from {r.Agency?.Name}",
                    r.IsAnswered ? $"{r.Question}\nAnswer: {r.Response}" : r.Question, r.AgencyId, r.Agency?.Name, "ContactInformationRequest", r.Id, link));
            }
        }

        var contactIds = contacts.Select(c => c.Id).ToList();
        var shares = await db.Set<InformationShare>().AsNoTracking().Include(s => s.Agency)
            .Where(s => s.PersonId == personId || (s.PersonId == null && s.ContactId != null && contactIds.Contains(s.ContactId.Value)))
            .ToListAsync(cancellationToken);
        foreach (var s in shares)
        {
            entries.Add(new(s.DecidedAt, ChronologyKinds.InformationShare,
                s.Shared ? $"Information shared with {s.Agency?.Name}" : $"Decided not to share information with {s.Agency?.Name}",
                $"{s.What}. Purpose: {s.Purpose}. Reason: {s.Reason}", s.AgencyId, s.Agency?.Name, InformationSharingLog.EntityType, s.Id,
                s.ContactId is { } contactId ? $"/front-door/contacts/{contactId}" : "/front-door/sharing"));
        }

        return entries;
    }
}

/// <summary>The front door's due work: each contact awaiting a decision against its 1-working-day clock.</summary>
public sealed class FrontDoorDueWorkSource(SafeguardDbContext db, CalendarAdministration calendar) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> DueAsync(DueWorkQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Contacts are the front door's as a whole, not allocated to a worker or team: they appear only in the all-work view.
        if (query.WorkerId is not null || query.TeamId is not null)
        {
            return [];
        }

        var waiting = await db.Set<Contact>().AsNoTracking()
            .Where(c => c.Decision == null)
            .OrderBy(c => c.ReceivedAt)
            .Select(c => new { c.Id, c.ReceivedAt, Children = c.Children.Select(ch => new { ch.PersonId, ch.DescribedName }).ToList() })
            .ToListAsync(cancellationToken);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        return [.. waiting.Select(c => new DueItem(
            c.Children.Count == 1 ? c.Children[0].PersonId : null,
            c.Children.Count == 1 ? c.Children[0].DescribedName : string.Join(", ", c.Children.Select(ch => ch.DescribedName).Order(StringComparer.Ordinal)),
            "Front door decision on a contact",
            null,
            null,
            deadlines.Assess(deadlines.Calculate(ContactService.TimescaleRule, c.ReceivedAt)),
            $"/front-door/contacts/{c.Id}"))];
    }
}
