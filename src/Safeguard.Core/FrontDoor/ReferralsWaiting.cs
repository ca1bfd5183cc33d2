using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.FrontDoor;

/// <summary>A child of a contact the front door decided is a referral to children's social care, whose referral is not open yet.</summary>
/// <remarks>ChildName: the child's name, or "Restricted record" for a record the reader may not see. WorkingDaysWaiting: working days from the decision to today.</remarks>
public sealed record WaitingReferral(Guid ContactId, Guid PersonId, string ChildName, DateTimeOffset DecidedAt, string ReferralSource, string FromAgency, int WorkingDaysWaiting);

/// <summary>
/// The referrals the front door has handed on that children's social care has not opened: every child of a
/// "referral" decision with no episode opened from that contact, none referred on or after the decision's day and
/// none open (as the child's casework page shows them, ADR 0026). Oldest decision first; the listing is audited.
/// </summary>
public sealed class ReferralsWaiting(SafeguardDbContext db, PersonIndex people, CalendarAdministration calendar)
{
    public async Task<IReadOnlyList<WaitingReferral>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var episodes = db.NeedEpisodes;
        var candidates = await (from c in db.Set<Contact>().AsNoTracking()
                                where c.Decision == ContactDecision.ReferralToChildrensSocialCare
                                from ch in c.Children
                                where ch.PersonId != null && !episodes.Any(e => e.FrontDoorContactId == c.Id && e.PersonId == ch.PersonId)
                                select new { ContactId = c.Id, PersonId = ch.PersonId!.Value, DecidedAt = c.DecidedAt!.Value, c.ReferralSource, Agency = c.FromAgency!.Name })
            .ToListAsync(cancellationToken);
        var ids = candidates.Select(c => c.PersonId).Distinct().ToList();
        var known = (await db.NeedEpisodes.AsNoTracking().Where(e => EF.Parameter(ids).Contains(e.PersonId))
                .GroupBy(e => e.PersonId).Select(g => new { PersonId = g.Key, Latest = g.Max(e => e.ReferralDate), Open = g.Any(e => e.ClosureDate == null) })
                .ToListAsync(cancellationToken))
            .ToDictionary(x => x.PersonId);
        // A child with an open episode is already children's social care's: the contact goes to their worker.
        var waiting = candidates.Where(c => !known.TryGetValue(c.PersonId, out var k) || (!k.Open && k.Latest < UkTime.ToUkDate(c.DecidedAt))).ToList();

        var waitingIds = waiting.Select(w => w.PersonId).Distinct().ToList();
        var visible = await people.Visible(actor).AsNoTracking().Where(p => EF.Parameter(waitingIds).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        var workingDays = await calendar.CalendarAsync(cancellationToken);
        var today = UkTime.Today(db.Time);
        var rows = waiting
            .Select(w => new WaitingReferral(w.ContactId, w.PersonId, visible.GetValueOrDefault(w.PersonId) ?? Journey.JourneyDueWork.RestrictedName, w.DecidedAt,
                w.ReferralSource, w.Agency, Math.Max(0, workingDays.WorkingDaysBetween(UkTime.ToUkDate(w.DecidedAt), today))))
            .OrderBy(w => w.DecidedAt).ThenBy(w => w.ChildName, StringComparer.Ordinal)
            .ToList();

        using (db.BeginProcess("FrontDoor.ReferralsWaiting", actor))
        {
            db.RecordAccess("ReferralsWaiting", "all", AuditAction.Viewed, $"referrals waiting={rows.Count}");
            foreach (var id in visible.Keys)
            {
                db.RecordAccess(PersonIndex.EntityType, id.ToString(), AuditAction.Viewed, "referrals waiting to be opened");
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return rows;
    }
}
