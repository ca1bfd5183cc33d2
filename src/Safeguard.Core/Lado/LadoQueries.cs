using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.FrontDoor;
using Safeguard.Identity;
using Safeguard.People;
using Safeguard.Timescales;
using Safeguard.Work;

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

    /// <summary>The LADO's list, every row: allegations filtered, in <see cref="ListPageAsync"/>'s order; audited as a search.</summary>
    public async Task<IReadOnlyList<AllegationView>> ListAsync(AllegationFilter filter, Actor actor, CancellationToken cancellationToken = default) =>
        (await PageAsync(filter, actor, 1, null, cancellationToken)).Items;

    /// <summary>
    /// One page of the LADO's list, counted and paged in the database: open allegations first (overdue first, then by the
    /// due date of their current clock, then the referral), then closed ones by closure, newest first. Only the page's
    /// allegations are read with their children. The page number is kept between 1 and the last page. Audited as a search.
    /// </summary>
    public Task<ListPage<AllegationView>> ListPageAsync(AllegationFilter filter, Actor actor, int page, int pageSize = ListPage.DefaultPageSize, CancellationToken cancellationToken = default) =>
        PageAsync(filter, actor, page, pageSize, cancellationToken);

    /// <summary>
    /// The open allegations' clocks need the working-day calendar, so their order is worked out in memory from four columns
    /// of each (a LADO holds dozens open at a time); the closed ones (thousands over the years) are counted and paged in
    /// the database. A page may hold the last open allegations and the first closed ones.
    /// </summary>
    private async Task<ListPage<AllegationView>> PageAsync(AllegationFilter filter, Actor actor, int page, int? pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await LadoAccess.DemandAsync(db, actor, Permissions.ViewLado, cancellationToken);
        var query = Filtered(filter);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var open = filter.Status == AllegationStatus.Closed ? [] : (await query.Where(a => a.ClosedOn == null)
                .Select(a => new { a.Id, a.ReferredOn, a.ConsideredOn, a.Decision }).ToListAsync(cancellationToken))
            .Select(a => (a.Id, a.ReferredOn, Clock: a.Decision is null
                ? deadlines.Assess(deadlines.Calculate(InitialConsiderationRule, a.ReferredOn), a.ConsideredOn)
                : deadlines.Assess(deadlines.Calculate(ResolutionRule, a.ReferredOn), null)))
            .Where(a => !filter.OverdueOnly || a.Clock.Status == DeadlineStatus.Overdue)
            .OrderByDescending(a => a.Clock.Status == DeadlineStatus.Overdue)
            .ThenBy(a => a.Clock.Deadline.DueDate)
            .ThenBy(a => a.ReferredOn)
            .ThenBy(a => a.Id)
            .Select(a => a.Id)
            .ToList();
        var closed = filter.Status == AllegationStatus.Open || filter.OverdueOnly ? null : query.Where(a => a.ClosedOn != null);
        var closedCount = closed is null ? 0 : await closed.CountAsync(cancellationToken);
        var total = open.Count + closedCount;
        var size = pageSize ?? Math.Max(1, total);
        var (number, skip) = ListPage.Clamp(total, page, size);
        var ids = open.Skip(skip).Take(size).ToList();
        if (closed is not null && ids.Count < size && skip + ids.Count < total)
        {
            ids.AddRange(await closed.OrderByDescending(a => a.ClosedOn).ThenBy(a => a.ReferredOn).ThenBy(a => a.Id)
                .Skip(Math.Max(0, skip - open.Count)).Take(size - ids.Count).Select(a => a.Id).ToListAsync(cancellationToken));
        }

        var loaded = new Dictionary<Guid, LadoAllegation>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var a in await db.Set<LadoAllegation>().AsNoTracking().Include(a => a.Children).Where(a => chunk.Contains(a.Id)).ToListAsync(cancellationToken))
            {
                loaded[a.Id] = a;
            }
        }

        var views = await ViewsAsync([.. ids.Where(loaded.ContainsKey).Select(id => loaded[id])], actor, cancellationToken, deadlines);
        using (db.BeginProcess("Lado.List", actor))
        {
            db.RecordAccess(EntityType, "list", AuditAction.Searched, $"status={filter.Status}; sector={filter.Sector}; category={filter.Category}; worker={filter.Worker}; overdue={filter.OverdueOnly}; page={number}; results={total}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ListPage<AllegationView>(views, total, number, size);
    }

    /// <summary>The allegations of the status, sector and category asked for whose worker's name has the part given (any case).</summary>
    private IQueryable<LadoAllegation> Filtered(AllegationFilter filter)
    {
        var query = db.Set<LadoAllegation>().AsNoTracking();
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

        if (filter.Worker?.Trim() is { Length: > 0 } part)
        {
            var pattern = $"%{Like(part.ToUpperInvariant())}%";
            query = query.Where(a => EF.Functions.Like(a.WorkerName.ToUpper(), pattern, "\\"));
        }

        return query;
    }

    private static string Like(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>Front door contacts decided "refer to the LADO" with no allegation opened from them yet, oldest first; audited as a search.</summary>
    public async Task<IReadOnlyList<WaitingReferral>> WaitingReferralsAsync(Actor actor, CancellationToken cancellationToken = default) =>
        (await WaitingAsync(actor, null, cancellationToken)).Items;

    /// <summary>The <paramref name="count"/> referrals waiting longest (oldest first) and how many wait in all, counted in the database; audited as a search.</summary>
    public Task<ListPage<WaitingReferral>> WaitingReferralsPageAsync(Actor actor, int count = ListPage.DefaultPageSize, CancellationToken cancellationToken = default) =>
        WaitingAsync(actor, count, cancellationToken);

    private async Task<ListPage<WaitingReferral>> WaitingAsync(Actor actor, int? count, CancellationToken cancellationToken)
    {
        await LadoAccess.DemandAsync(db, actor, Permissions.ViewLado, cancellationToken);
        var opened = db.Set<LadoAllegation>().Where(a => a.ContactId != null).Select(a => a.ContactId!.Value);
        var waiting = db.Set<Contact>().AsNoTracking().Where(c => c.Decision == ContactDecision.ReferToLado && !opened.Contains(c.Id));
        var total = await waiting.CountAsync(cancellationToken);
        var size = count ?? Math.Max(1, total);
        var contacts = total == 0 ? [] : await waiting.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id).Take(size)
            .Select(c => new { c.Id, c.ReceivedAt, c.DecidedAt, Agency = c.FromAgency!.Name, c.ReferrerName, Children = c.Children.Select(x => x.DescribedName).ToList(), c.Concerns })
            .ToListAsync(cancellationToken);
        using (db.BeginProcess("Lado.WaitingReferrals", actor))
        {
            db.RecordAccess(nameof(Contact), "lado-referrals", AuditAction.Searched, $"results={total}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ListPage<WaitingReferral>([.. contacts.Select(c => new WaitingReferral(c.Id, c.ReceivedAt, c.DecidedAt, c.Agency ?? "", c.ReferrerName,
            c.Children, c.Concerns))], total, 1, size);
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

    private async Task<List<AllegationView>> ViewsAsync(IReadOnlyList<LadoAllegation> allegations, Actor actor, CancellationToken cancellationToken, DeadlineService? deadlines = null)
    {
        deadlines ??= await calendar.DeadlinesAsync(cancellationToken);
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
