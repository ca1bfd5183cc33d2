using Microsoft.AspNetCore.Mvc;
using Safeguard.Auditing;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;
using Safeguard.Work;

namespace Safeguard.Web.Pages.Casework;

/// <summary>The signed-in worker's allocated children and what is due for them, from every area.</summary>
[RequirePermission("children.view")]
public sealed class MyWorkModel(IEnumerable<IDueWorkSource> sources, SafeguardDbContext db) : SafeguardPageModel
{
    public IReadOnlyList<DueItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Actor.UserId is not { } userId)
        {
            return Forbid();
        }

        (Items, _) = await new DueWorkList(sources, db).ListAsync(new DueWorkQuery(WorkerId: userId), cancellationToken);
        using (db.BeginProcess("Casework.MyWork", Actor))
        {
            db.RecordAccess("DueWork", userId.ToString(), AuditAction.Viewed, $"worker; items={Items.Count}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return Page();
    }
}
