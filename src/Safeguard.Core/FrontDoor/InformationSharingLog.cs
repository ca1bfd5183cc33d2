using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.FrontDoor;

/// <summary>
/// The information-sharing log: every decision to share information, or not to, with what, with whom, the
/// purpose, the lawful basis, the consent position and the reason (the seventh golden rule, seed 004).
/// </summary>
public sealed class InformationSharingLog(SafeguardDbContext db, PersonIndex people)
{
    public const string EntityType = "InformationShare";

    /// <summary>Records a decision to share or not to share, about a contact and/or a child.</summary>
    public async Task<InformationShare> RecordAsync(NewInformationShare details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = new List<ValidationProblem>();
        var now = db.Time.GetUtcNow();
        DateTimeOffset? receivedAt = null;
        if (details.ContactId is null && details.PersonId is null)
        {
            problems.Add(new("ContactId", "Say which contact or child the decision is about"));
        }

        if (details.ContactId is { } contactId)
        {
            var contact = await db.Set<Contact>().AsNoTracking().Include(c => c.Children).FirstOrDefaultAsync(c => c.Id == contactId, cancellationToken);
            if (contact is null)
            {
                problems.Add(new("ContactId", "There is no such contact"));
            }
            else
            {
                receivedAt = contact.ReceivedAt;
                if (details.PersonId is { } child && contact.Children.All(c => c.PersonId != child))
                {
                    problems.Add(new("PersonId", "Select a child on this contact"));
                }
            }
        }
        else if (details.PersonId is { } personId
            && !await people.Visible(actor).AnyAsync(p => p.Id == personId && p.MergedIntoId == null, cancellationToken))
        {
            problems.Add(new("PersonId", "Select the child"));
        }

        ContactService.CheckText(problems, "What", details.What, details.Shared ? "what was shared" : "what was asked for and not shared", InformationShare.MaxTextLength);
        if (details.AgencyId is not { } agencyId || !await db.Agencies.AnyAsync(a => a.Id == agencyId, cancellationToken))
        {
            problems.Add(new("AgencyId", "Select the agency it was shared with, or would have been"));
        }

        ContactService.CheckText(problems, "Purpose", details.Purpose, "the purpose of sharing", InformationShare.MaxTextLength);
        if (details.Shared && details.LawfulBasis is null)
        {
            problems.Add(new("LawfulBasis", "Select the lawful basis for sharing"));
        }
        else if (details.LawfulBasis is { } basis && !Enum.IsDefined(basis))
        {
            problems.Add(new("LawfulBasis", "Select a lawful basis from the list"));
        }

        if (details.Consent is not { } consent || !Enum.IsDefined(consent))
        {
            problems.Add(new("Consent", "Select the consent position"));
        }
        else if (details.Shared && consent == ConsentPosition.Refused)
        {
            problems.Add(new("Consent", "Information shared when consent was refused is shared with consent overridden: select overridden and give the reason"));
        }

        ContactService.CheckText(problems, "Reason", details.Reason, details.Shared ? "the reason for sharing" : "the reason for not sharing", InformationShare.MaxTextLength);
        var decidedAt = details.DecidedAt?.ToUniversalTime() ?? now;
        if (decidedAt > now)
        {
            problems.Add(new("DecidedAt", "The date and time of the decision must be now or in the past"));
        }
        else if (receivedAt is { } received && decidedAt < received)
        {
            problems.Add(new("DecidedAt", "The decision cannot be before the contact was received"));
        }

        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }

        var share = new InformationShare
        {
            ContactId = details.ContactId,
            PersonId = details.PersonId,
            Shared = details.Shared,
            What = details.What.Trim(),
            AgencyId = details.AgencyId!.Value,
            Purpose = details.Purpose.Trim(),
            LawfulBasis = details.LawfulBasis,
            Consent = details.Consent!.Value,
            Reason = details.Reason.Trim(),
            DecidedAt = decidedAt,
            DecidedByUserId = actor.UserId,
            DecidedByName = actor.Name,
            DecidedByAgencyId = actor.AgencyId,
        };
        using var process = db.BeginProcess("FrontDoor.RecordSharing", actor);
        db.Add(share);
        await db.SaveChangesAsync(cancellationToken);
        return share;
    }

    /// <summary>The log, newest first, optionally for one contact or one child; the search is audited.</summary>
    public async Task<IReadOnlyList<ShareView>> ListAsync(Guid? contactId, Guid? personId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var query = db.Set<InformationShare>().AsNoTracking().Include(s => s.Agency).AsQueryable();
        if (contactId is { } c)
        {
            query = query.Where(s => s.ContactId == c);
        }

        if (personId is { } p)
        {
            query = query.Where(s => s.PersonId == p);
        }

        var shares = await query.OrderByDescending(s => s.DecidedAt).Take(500).ToListAsync(cancellationToken);
        var ids = shares.Where(s => s.PersonId != null).Select(s => s.PersonId!.Value).Distinct().ToList();
        var names = await people.Visible(actor).AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.DisplayName, cancellationToken);
        using (db.BeginProcess("FrontDoor.ViewSharingLog", actor))
        {
            db.RecordAccess(EntityType, "log", AuditAction.Searched, $"contact={contactId}; person={personId}; results={shares.Count}");
            await db.SaveChangesAsync(cancellationToken);
        }

        // A share about a child the reader may not see (a restricted record) is left out.
        return [.. shares
            .Where(s => s.PersonId is null || names.ContainsKey(s.PersonId.Value))
            .Select(s => new ShareView(s, s.Agency?.Name ?? "", s.PersonId is { } id ? names[id] : null))];
    }
}
