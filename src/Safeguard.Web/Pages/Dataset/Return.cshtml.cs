using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Dataset;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Dataset;

/// <summary>One quarter's return: who owes what, what is late, what could not be given and why; reminders.</summary>
[RequirePermission("dataset.manage")]
public sealed class ReturnModel(DataReturnService returns, SafeguardDbContext db) : DatasetPageModel
{
    public DataReturn? Return { get; private set; }

    public IReadOnlyList<RequestProgress> Progress { get; private set; } = [];

    [BindProperty]
    public string? Message { get; set; }

    public Guid? RemindRequestId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRemindAsync(Guid id, Guid requestId, CancellationToken cancellationToken)
    {
        if (await TryChangeAsync(() => returns.RemindAsync(requestId, Message, Actor, cancellationToken), prefix: "Remind"))
        {
            Notice = "The reminder is logged against the agency's request.";
            return RedirectToPage(new { id });
        }

        RemindRequestId = requestId;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Return = await db.Set<DataReturn>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (Return is null)
        {
            return false;
        }

        Progress = await returns.ProgressAsync(id, cancellationToken);
        return true;
    }
}
