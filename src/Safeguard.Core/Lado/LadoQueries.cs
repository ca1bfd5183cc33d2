using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.FrontDoor;
using Safeguard.Identity;
using Safeguard.People;
using Safeguard.Timescales;

namespace Safeguard.Lado;

/// <summary>Reading allegations: one, the LADO's list and the referrals waiting from the front door; every read is audited.</summary>
public sealed partial class LadoService
{
    /// <summary>How a child whose record the reader may not see is named.</summary>
    public const string RestrictedName = "A restricted record";

    /// <summary>One allegation, audited (and a view of each child's record it names); null when there is none.</summary>
    public async Task<AllegationView?> GetAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        await LadoAccess.DemandAsync(db, actor, Permissions.ViewLado, cancellationToken);
        var allegation = await db.Set<LadoAllegation>().AsNoTracking().Include(a => a.Children).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (allegation is null)
        {
            return null;
        }

        var views = await ViewsAsync([allegation], actor, cancellationToken);
        using (db.BeginProcess("Lado.ViewAllegation", actor))
        {
            db.RecordAccess(EntityType, id.ToString(), AuditAction.Viewed);
            foreach (var child in allegation.Children)
            {
                db.RecordAccess(PersonIndex.EntityType, child.PersonId.ToString(), AuditAction.Viewed, $"LADO allegation {id}");
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return views[0];
    }

    /// <summary>The LADO's list: allegations filtered, overdue first then by due date (closed ones by closure, newest first); audited as a search.</summary>
    public async Task<IReadOnlyList<AllegationView>> ListAsync(AllegationFilter filter, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await LadoAccess.DemandAsync(db, actor, Permissions.ViewLado, cancellationToken);
        var query = db.Set<LadoAllegation>().AsNoTracking().Include(a => a.Children).AsQueryable();
        query = filter.Status switch
        {
            AllegationStatus.Open => query.Where(a => a.ClosedOn == null),
            AllegationStatus.Closed => query.Where(a => a.ClosedOn != null),
            _ => query,
        };
        if (filter.Sector is { } sector)
        {
            query = query.Where(a => a.Sector == sector);
        }

        if (filter.Category is { } category)
        {
            query = query.Where(a => a.Category == category);
        }

        var rows = await query.ToListAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(filter.Worker))
        {
            var part = filter.Worker.Trim();
            rows = [.. rows.Where(a => a.WorkerName.Contains(part, StringComparison.OrdinalIgnoreCase))];
        }

        var views = await ViewsAsync(rows, actor, cancellationToken);
        if (filter.OverdueOnly)
        {
            views = [.. views.Where(v => v.Current?.Status == DeadlineStatus.Overdue)];
        }

        using (db.BeginProcess("Lado.List", actor))
        {
            db.RecordAccess(EntityType, "list", AuditAction.Searched, $"status={filter.Status}; sector={filter.Sector}; category={filter.Category}; worker={filter.Worker}; results={views.Count}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return [.. views
            .OrderBy(v => v.Allegation.IsClosed)
            .ThenByDescending(v => v.Current?.Status == DeadlineStatus.Overdue)
            .ThenBy(v => v.Current?.Deadline.DueDate ?? DateOnly.MaxValue)
            .ThenByDescending(v => v.Allegation.ClosedOn)
            .ThenBy(v => v.Allegation.ReferredOn)];
    }

    /// <summary>Front door contacts decided "refer to the LADO" with no allegation opened from them yet, oldest first; audited as a search.</summary>
    public async Task<IReadOnlyList<WaitingReferral>> WaitingReferralsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await LadoAccess.DemandAsync(db, actor, Permissions.ViewLado, cancellationToken);
        var opened = db.Set<LadoAllegation>().Where(a => a.ContactId != null).Select(a => a.ContactId!.Value);
        var contacts = await db.Set<Contact>().AsNoTracking().Include(c => c.Children).Include(c => c.FromAgency)
            .Where(c => c.Decision == ContactDecision.ReferToLado && !opened.Contains(c.Id))
            .OrderBy(c => c.ReceivedAt)
            .ToListAsync(cancellationToken);
        using (db.BeginProcess("Lado.WaitingReferrals", actor))
        {
            db.RecordAccess(nameof(Contact), "lado-referrals", AuditAction.Searched, $"results={contacts.Count}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return [.. contacts.Select(c => new WaitingReferral(c.Id, c.ReceivedAt, c.DecidedAt, c.FromAgency?.Name ?? "", c.ReferrerName,
            [.. c.Children.Select(x => x.DescribedName)], c.Concerns))];
    }

    /// <summary>A new allegation's details prefilled from a contact decided "refer to the LADO": the referrer, the date and the identified children.</summary>
    public async Task<AllegationDetails?> FromContactAsync(Guid contactId, Actor actor, CancellationToken cancellationToken = default)
    {
        await LadoAccess.DemandAsync(db, actor, Permissions.ViewLado, cancellationToken);
        var contact = await db.Set<Contact>().AsNoTracking().Include(c => c.Children)
            .FirstOrDefaultAsync(c => c.Id == contactId && c.Decision == ContactDecision.ReferToLado, cancellationToken);
        if (contact is null)
        {
            return null;
        }

        using (db.BeginProcess("Lado.OpenFromContact", actor))
        {
            db.RecordAccess(nameof(Contact), contactId.ToString(), AuditAction.Viewed, "to open a LADO allegation");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new AllegationDetails
        {
            ContactId = contact.Id,
            ReferredOn = UkTime.ToUkDate(contact.DecidedAt ?? contact.ReceivedAt),
            ReferrerAgencyId = contact.FromAgencyId,
            ReferrerName = contact.ReferrerName,
            Allegation = contact.Concerns,
            ChildIds = [.. contact.Children.Where(c => c.PersonId != null).Select(c => c.PersonId!.Value)],
        };
    }

    /// <summary>The names of children the actor may see, for the form (restricted ones named as such).</summary>
    public async Task<IReadOnlyList<AllegationChildView>> ChildrenAsync(IReadOnlyCollection<Guid> ids, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var visible = await people.Visible(actor).AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.DisplayName, p.DateOfBirth }).ToDictionaryAsync(p => p.Id, cancellationToken);
        return [.. ids.Select(id => visible.TryGetValue(id, out var p) ? new AllegationChildView(id, p.DisplayName, p.DateOfBirth) : new AllegationChildView(id, RestrictedName, null))];
    }

    private async Task<List<AllegationView>> ViewsAsync(IReadOnlyList<LadoAllegation> allegations, Actor actor, CancellationToken cancellationToken)
    {
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var childIds = allegations.SelectMany(a => a.Children).Select(c => c.PersonId).Distinct().ToList();
        var children = (await ChildrenAsync(childIds, actor, cancellationToken)).ToDictionary(c => c.PersonId);
        var agencyIds = allegations.SelectMany(a => new[] { a.EmployerAgencyId, a.ReferrerAgencyId }).OfType<Guid>().Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        return [.. allegations.Select(a => new AllegationView(
            a,
            [.. a.Children.Select(c => children[c.PersonId]).OrderBy(c => c.Name, StringComparer.Ordinal)],
            a.EmployerAgencyId is { } e ? agencies.GetValueOrDefault(e, "") : a.EmployerName ?? "",
            a.ReferrerAgencyId is { } r ? agencies.GetValueOrDefault(r) : null,
            deadlines.Assess(deadlines.Calculate(InitialConsiderationRule, a.ReferredOn), a.ConsideredOn),
            a.Decision is null ? null : deadlines.Assess(deadlines.Calculate(ResolutionRule, a.ReferredOn), a.ClosedOn)))];
    }
}
