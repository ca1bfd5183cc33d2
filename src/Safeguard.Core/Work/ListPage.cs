namespace Safeguard.Work;

/// <summary>One page of a practitioner's list: its rows, how many rows the whole (filtered) list has, and where this page is.</summary>
/// <param name="Items">The rows on this page.</param>
/// <param name="Total">The rows in the whole filtered list.</param>
/// <param name="Page">This page's number, from 1 (clamped to the last page).</param>
/// <param name="PageSize">Rows a page.</param>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    /// <summary>How many pages the whole list fills (at least 1).</summary>
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Paging of the practitioners' lists.</summary>
public static class ListPage
{
    /// <summary>Rows a page unless asked otherwise.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The given page of rows already filtered and sorted in memory.</summary>
    public static ListPage<T> Of<T>(IReadOnlyList<T> rows, int page, int pageSize = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var (number, skip) = Clamp(rows.Count, page, pageSize);
        return new ListPage<T>([.. rows.Skip(skip).Take(pageSize)], rows.Count, number, pageSize);
    }

    /// <summary>A requested page number kept between 1 and the last page, and how many rows come before it.</summary>
    public static (int Page, int Skip) Clamp(int total, int page, int pageSize = DefaultPageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var last = Math.Max(1, (total + pageSize - 1) / pageSize);
        var number = Math.Clamp(page, 1, last);
        return (number, (number - 1) * pageSize);
    }
}
