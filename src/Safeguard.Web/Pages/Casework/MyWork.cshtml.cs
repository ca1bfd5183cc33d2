using Microsoft.AspNetCore.Mvc;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;
using Safeguard.Work;

namespace Safeguard.Web.Pages.Casework;

/// <summary>The signed-in worker's allocated children and what is due for them, from every area: filtered, sorted, paged and downloadable.</summary>
[RequirePermission("children.view")]
public sealed class MyWorkModel(DueWorkList list, SafeguardDbContext db) : DueWorkPageModel(list, db)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Actor.UserId is not { } userId)
        {
            return Forbid();
        }

        await LoadAsync(new DueWorkQuery(WorkerId: userId), attentionOnly: false, "Casework.MyWork", userId.ToString(), "worker", download: false, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(string? format, CancellationToken cancellationToken)
    {
        if (Actor.UserId is not { } userId)
        {
            return Forbid();
        }

        if (!Shared.ListLinks.IsFormat(format))
        {
            return BadRequest("format must be csv or xlsx");
        }

        await LoadAsync(new DueWorkQuery(WorkerId: userId), attentionOnly: false, "Casework.MyWork", userId.ToString(), "worker", download: true, cancellationToken);
        return await FileAsync(format, "my-work", cancellationToken);
    }
}
