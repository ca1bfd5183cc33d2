using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.ComplexSafeguarding;
using Safeguard.FrontDoor;
using Safeguard.Persistence;
using Safeguard.Timescales;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.Shared;
using Safeguard.Work;

namespace Safeguard.Web.Pages.FrontDoor;

/// <summary>
/// The front door queue: contacts awaiting a decision, oldest first, with the time left on the 1-working-day clock;
/// filtered by child, agency, priority and clock, sorted, paged, printable and downloadable (audited: it names children);
/// and, for those who see missing episodes, the return home interviews not yet offered against their 72-hour clock.
/// </summary>
[RequirePermission("frontdoor.view")]
public sealed class IndexModel(FrontDoorQueue queue, SafeguardDbContext db, MissingEpisodeService missing) : SafeguardPageModel
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    [BindProperty(SupportsGet = true)]
    public string? Child { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? AgencyId { get; set; }

    /// <summary>red, amber, green or none (not yet triaged).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Priority { get; set; }

    /// <summary>overdue, due-today, due-soon or not-yet-due.</summary>
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Dir { get; set; }

    public QueueResult? Result { get; private set; }

    /// <summary>Null when the user does not see missing episodes.</summary>
    public MissingOverview? Missing { get; private set; }

    public bool CanDecide => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.DecideContacts.Name);

    public string SortKey => Sort?.ToLowerInvariant() switch
    {
        "priority" or "from" or "children" => Sort.ToLowerInvariant(),
        _ => "received",
    };

    public bool Descending => ListLinks.Descending(Dir);

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Child) || AgencyId is not null || !string.IsNullOrWhiteSpace(Priority) || !string.IsNullOrWhiteSpace(State);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(download: false, cancellationToken);
        if (User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.ViewMissing.Name))
        {
            Missing = await missing.OverviewAsync(Actor, new MissingOverviewPages(PageSize: 20), cancellationToken);
        }
    }

    public async Task<IActionResult> OnGetDownloadAsync(string? format, CancellationToken cancellationToken)
    {
        if (!ListLinks.IsFormat(format))
        {
            return BadRequest("format must be csv or xlsx");
        }

        await LoadAsync(download: true, cancellationToken);
        IReadOnlyList<IReadOnlyList<object?>> rows = [.. Result!.Rows.Select(q => (IReadOnlyList<object?>)
        [
            UkTime.ToUkLocal(q.ReceivedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), q.Children, q.FromAgencyName,
            q.Priority is { } p ? FrontDoorText.Describe(p) : "Not triaged", q.OpenRequests,
            q.Deadline.Deadline.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Clock(q.Deadline),
        ])];
        return await ListLinks.FileAsync(format, "front-door-queue", ["Received", "Children", "From", "Priority", "Open requests", "Decision due by", "Decision"], rows, cancellationToken)
            ?? BadRequest("format must be csv or xlsx");
    }

    /// <summary>The decision's clock in a few words, so that its tag stays on one line.</summary>
    public static string Clock(DeadlineAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.Status switch
        {
            DeadlineStatus.Overdue => assessment.WorkingDaysLate > 0
                ? $"Overdue ({assessment.WorkingDaysLate} working day{(assessment.WorkingDaysLate == 1 ? "" : "s")})"
                : "Overdue",
            DeadlineStatus.DueToday => "Due today",
            _ => $"Due by the end of {assessment.Deadline.DueDate.ToString("ddd d MMM", UkCulture)}",
        };
    }

    private async Task LoadAsync(bool download, CancellationToken cancellationToken)
    {
        var filter = new QueueFilter
        {
            Child = Child,
            AgencyId = AgencyId,
            Priority = Enum.TryParse<RagPriority>(Priority, ignoreCase: true, out var priority) && Enum.IsDefined(priority) ? priority : null,
            NotTriaged = Priority == "none",
            State = State switch
            {
                "overdue" => DueState.Overdue,
                "due-today" => DueState.DueToday,
                "due-soon" => DueState.DueSoon,
                "not-yet-due" => DueState.NotYetDue,
                _ => null,
            },
            Sort = SortKey switch
            {
                "priority" => QueueSort.Priority,
                "from" => QueueSort.Agency,
                "children" => QueueSort.Children,
                _ => QueueSort.Received,
            },
            Descending = Descending,
        };
        Result = await queue.ListAsync(filter, ListLinks.PageNumber(Request), cancellationToken: cancellationToken);
        using (db.BeginProcess("FrontDoor.Queue", Actor))
        {
            db.RecordAccess(ContactService.EntityType, "queue", download ? AuditAction.Exported : AuditAction.Viewed,
                $"items={(download ? Result.Rows.Count : Result.Page.Items.Count)}; total={Result.Rows.Count}" + (IsFiltered ? "; filtered" : ""));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
