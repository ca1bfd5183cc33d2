using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Persistence;

namespace Safeguard.FrontDoor;

/// <summary>How many contacts an agency made (and how many are decided) and how many requests for information it was sent (unanswered and answered).</summary>
public sealed record AgencyListCounts(int Contacts, int DecidedContacts, int OpenRequests, int AnsweredRequests);

/// <summary>
/// A partner agency's counts for its <c>/my-agency</c> lists, kept while the records are unchanged (ADR 0032): counting
/// the thousands of contacts and requests a large agency has (10,000 contacts for the demo's police) on every view
/// was most of the page's database time on PostgreSQL. Any change to the records makes the next reader count again,
/// so the counts are never older than the records. Only the page's rows are read on each view.
/// </summary>
public sealed class AgencyCounts(SafeguardDbContext db, VersionedCache<AgencyListCounts> kept, IServiceScopeFactory scopes)
{
    /// <summary>The agency's counts at the records' current version.</summary>
    public Task<AgencyListCounts> GetAsync(Guid agencyId, CancellationToken cancellationToken = default) =>
        kept.GetAsync(db, "agency:" + agencyId, null, async _ =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await CountAsync(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>(), agencyId, CancellationToken.None);
        }, cancellationToken);

    private static async Task<AgencyListCounts> CountAsync(SafeguardDbContext db, Guid agencyId, CancellationToken cancellationToken)
    {
        var contacts = db.Set<Contact>().AsNoTracking().Where(c => c.FromAgencyId == agencyId);
        var requests = db.Set<ContactInformationRequest>().AsNoTracking().Where(r => r.AgencyId == agencyId);
        return new AgencyListCounts(
            await contacts.CountAsync(cancellationToken),
            await contacts.CountAsync(c => c.Decision != null, cancellationToken),
            await requests.CountAsync(r => r.RespondedAt == null, cancellationToken),
            await requests.CountAsync(r => r.RespondedAt != null, cancellationToken));
    }
}
