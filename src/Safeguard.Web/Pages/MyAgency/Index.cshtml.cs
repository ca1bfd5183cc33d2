using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Calendar;
using Safeguard.FrontDoor;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.Shared;
using Safeguard.Work;

namespace Safeguard.Web.Pages.MyAgency;

/// <summary>
/// A partner practitioner's view: the requests for information sent to their agency (unanswered first, paged), and the contacts it made,
/// filtered by child and outcome, newest or oldest first, paged and downloadable (each search and download audited).
/// </summary>
[RequirePermission("contacts.submit")]
public sealed class IndexModel(ContactService contacts, FrontDoorQueue queue) : SafeguardPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Child { get; set; }

    /// <summary>awaiting or decided.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Dir { get; set; }

    public ListPage<AgencyContactView> Contacts { get; private set; } = new([], 0, 1, ListPage.DefaultPageSize);

    public ListPage<AgencyRequestView> Requests { get; private set; } = new([], 0, 1, ListPage.DefaultPageSize);

    /// <summary>The query value of the requests' page: the contacts below are paged by <c>page</c>.</summary>
    public const string RequestsPageKey = "requests-page";

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Child) || !string.IsNullOrWhiteSpace(Outcome);

    /// <summary>Newest first unless sorted the other way.</summary>
    public bool OldestFirst => ListLinks.Descending(Dir);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Requests = await contacts.RequestsToAgencyAsync(Actor, RequestsPage(), cancellationToken: cancellationToken);
        Contacts = await queue.AgencyContactsAsync(Actor, Filter(), ListLinks.PageNumber(Request), cancellationToken: cancellationToken);
    }

    public async Task<IActionResult> OnGetDownloadAsync(string? format, CancellationToken cancellationToken)
    {
        if (!ListLinks.IsFormat(format))
        {
            return BadRequest("format must be csv or xlsx");
        }

        var all = await queue.AgencyContactsAsync(Actor, Filter(), 1, pageSize: null, cancellationToken);
        IReadOnlyList<IReadOnlyList<object?>> rows = [.. all.Items.Select(c => (IReadOnlyList<object?>)
        [
            UkTime.ToUkLocal(c.ReceivedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), string.Join(", ", c.Children.Select(ch => ch.Name)),
            c.ReferrerName, c.Decision is { } d ? FrontDoorText.Describe(d) : "Awaiting a decision",
            c.DecidedAt is { } at ? UkTime.ToUkLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null,
        ])];
        return await ListLinks.FileAsync(format, "agency-contacts", ["Received", "Children", "Referrer", "Outcome", "Decided"], rows, cancellationToken)
            ?? BadRequest("format must be csv or xlsx");
    }

    /// <summary>The address of one page of the requests, keeping the contacts' page, filters and sort.</summary>
    public string RequestsPageLink(int page) =>
        ListLinks.With(Request, (RequestsPageKey, page.ToString(CultureInfo.InvariantCulture)), ("page", Request.Query["page"].ToString()));

    private int RequestsPage() =>
        int.TryParse(Request.Query[RequestsPageKey], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1;

    private AgencyContactFilter Filter() => new()
    {
        Child = Child,
        Decided = Outcome switch
        {
            "decided" => true,
            "awaiting" => false,
            _ => null,
        },
        NewestFirst = !OldestFirst,
    };
}
