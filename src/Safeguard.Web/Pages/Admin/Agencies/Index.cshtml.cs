using Microsoft.EntityFrameworkCore;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Admin.Agencies;

[RequirePermission("admin.organisations")]
public sealed class IndexModel(SafeguardDbContext db) : SafeguardPageModel
{
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Agencies = await db.Agencies.AsNoTracking().Include(a => a.Teams).OrderBy(a => a.Name).ToListAsync(cancellationToken);
}
