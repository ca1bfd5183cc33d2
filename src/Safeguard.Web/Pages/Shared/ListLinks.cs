using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Safeguard.Dataset;
using Safeguard.Work;

namespace Safeguard.Web.Pages.Shared;

/// <summary>A list's page links (GOV.UK pagination): the page shown, how many there are, and the address of each.</summary>
public sealed record ListPager(int Page, int Pages, int Total, int PageSize, int Shown, string Label, Func<int, string> Link);

/// <summary>
/// What the practitioners' lists share: links that keep the filters while changing the page or the sort, sortable
/// column headings (with <c>aria-sort</c>), the GOV.UK pagination model and the CSV and XLSX downloads of the filtered rows.
/// </summary>
public static class ListLinks
{
    /// <summary>The current address with some query values changed (null removes one); the page goes back to 1 unless set.</summary>
    public static string With(HttpRequest request, params (string Key, string? Value)[] changes)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(changes);
        var values = request.Query.Where(q => q.Key != "handler" && q.Key != "format")
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (!changes.Any(c => string.Equals(c.Key, "page", StringComparison.OrdinalIgnoreCase)))
        {
            values.Remove("page");
        }

        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        var kept = values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => new KeyValuePair<string, string?>(v.Key, v.Value));
        return QueryHelpers.AddQueryString(request.Path.Value ?? "/", kept);
    }

    /// <summary>The address of one page of the list.</summary>
    public static string PageLink(HttpRequest request, int page) => With(request, ("page", page.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The address of the list's download in a format (csv or xlsx), with the current filters and sort.</summary>
    public static string Download(HttpRequest request, string format) => With(request, ("handler", "Download"), ("format", format), ("page", null));

    /// <summary>The pagination model of a list page.</summary>
    public static ListPager Pager<T>(HttpRequest request, ListPage<T> page, string label)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new ListPager(page.Page, page.Pages, page.Total, page.PageSize, page.Items.Count, label, n => PageLink(request, n));
    }

    /// <summary>
    /// A sortable column heading: a link that sorts by the column (ascending first, or the other way when already
    /// sorted by it), and <c>aria-sort</c> on the column the list is sorted by.
    /// </summary>
    public static IHtmlContent SortHeader(HttpRequest request, string label, string key, string current, bool descending, string? cssClass = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        var sorted = string.Equals(key, current, StringComparison.OrdinalIgnoreCase);
        var href = With(request, ("sort", key), ("dir", sorted && !descending ? "desc" : null));
        var aria = sorted ? (descending ? " aria-sort=\"descending\"" : " aria-sort=\"ascending\"") : "";
        var arrow = sorted ? (descending ? " ▼" : " ▲") : "";
        var encoder = HtmlEncoder.Default;
        return new HtmlString(
            $"<th scope=\"col\" class=\"govuk-table__header {cssClass}\"{aria}><a class=\"govuk-link app-sort-link\" href=\"{encoder.Encode(href)}\">{encoder.Encode(label)}{arrow}</a></th>");
    }

    /// <summary>The sort direction asked for in the query: <c>dir=desc</c>.</summary>
    public static bool Descending(string? dir) => string.Equals(dir, "desc", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The page number asked for in the query (<c>page=2</c>), at least 1. Read from the query string itself: "page"
    /// is also a Razor Pages route value (the page's path), which model binding would take first.
    /// </summary>
    public static int PageNumber(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return int.TryParse(request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1;
    }

    /// <summary>Whether a download format is one the lists offer: csv or xlsx.</summary>
    public static bool IsFormat(string? format) => string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) || string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The filtered rows as a file: CSV (UTF-8 with the formula guard of <see cref="Spreadsheet"/>) or XLSX; null when
    /// the format is neither.
    /// </summary>
    public static async Task<IActionResult?> FileAsync(string? format, string name, IReadOnlyList<string> headings, IReadOnlyList<IReadOnlyList<object?>> rows, CancellationToken cancellationToken)
    {
        var stream = new MemoryStream();
        switch (format?.ToUpperInvariant())
        {
            case "CSV":
                await Spreadsheet.WriteCsvAsync(stream, headings, rows, cancellationToken);
                stream.Position = 0;
                return new FileStreamResult(stream, "text/csv") { FileDownloadName = name + ".csv" };
            case "XLSX":
                Spreadsheet.WriteXlsx(stream, new SpreadsheetSheet(name, headings, rows));
                stream.Position = 0;
                return new FileStreamResult(stream, Spreadsheet.XlsxContentType) { FileDownloadName = name + ".xlsx" };
            default:
                await stream.DisposeAsync();
                return null;
        }
    }
}
