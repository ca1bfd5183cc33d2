using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Admin.Audit;

/// <summary>Searching the audit trail by user, record and date. Each search is itself recorded.</summary>
[RequirePermission("audit.view")]
public sealed class IndexModel(SafeguardDbContext db) : SafeguardPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityId { get; set; }

    /// <summary>
    /// The first day to include: typed into the date input (<c>FromDay</c>, <c>FromMonth</c>, <c>FromYear</c>), or
    /// carried by a link as <c>From=yyyy-mm-dd</c> (the page's own links do).
    /// </summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>The last day to include: <c>ToDay</c>, <c>ToMonth</c>, <c>ToYear</c>, or a link's <c>To=yyyy-mm-dd</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>
    /// From the query string only: Razor Pages keeps the route value <c>page</c> for the page's own name
    /// ("/Admin/Audit/Index"), which would otherwise be bound here and fail on every request.
    /// </summary>
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The last event the first page saw, carried by the page links so later pages do not shift.</summary>
    [FromQuery(Name = "upTo")]
    public long? UpTo { get; set; }

    public AuditSearchResult? Result { get; private set; }

    public List<SelectListItem> UserItems { get; private set; } = [];

    public List<SelectListItem> EntityTypeItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        UserItems = [new SelectListItem("Anyone", ""), .. await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.DisplayName + " (" + u.UserName + ")", u.Id.ToString())).ToListAsync(cancellationToken)];
        EntityTypeItems = [new SelectListItem("Any kind of record", ""), .. (await db.AuditEvents.AsNoTracking().Select(e => e.EntityType).Distinct().ToListAsync(cancellationToken))
            .Order(StringComparer.Ordinal).Select(t => new SelectListItem(t, t))];

        From = DayOrLink(nameof(From), "start date", From);
        To = DayOrLink(nameof(To), "end date", To);
        if (!ModelState.IsValid)
        {
            return;
        }

        if (From is { } from && To is { } to && to < from)
        {
            ModelState.AddModelError(nameof(To), "The end date must be the same as or after the start date");
            return;
        }

        Result = await AuditTrail.SearchAsync(db, new AuditSearch(UserId, EntityType, EntityId, From, To, PageNumber, UpToSequence: UpTo), cancellationToken);
        using var process = db.BeginProcess("Audit.Search", Actor);
        db.RecordAccess("AuditTrail", "search", AuditAction.Searched,
            $"user={UserId}; record={EntityType}/{EntityId}; from={From:yyyy-MM-dd}; to={To:yyyy-MM-dd}; page={PageNumber}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The date typed into the date input <paramref name="key"/> when any box is filled in, else the link's date (shown in the boxes).</summary>
    private DateOnly? DayOrLink(string key, string label, DateOnly? fromLink)
    {
        if (DateTyped(key))
        {
            return ReadDate(key, label);
        }

        PrefillDateInput(key, fromLink);
        return fromLink;
    }

    public string PageLink(int page) =>
        $"?UserId={UserId}&EntityType={Uri.EscapeDataString(EntityType ?? "")}&EntityId={Uri.EscapeDataString(EntityId ?? "")}&From={From:yyyy-MM-dd}&To={To:yyyy-MM-dd}&page={page}&upTo={Result?.UpToSequence}";
}
