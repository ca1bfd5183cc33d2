using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Safeguard.Web.Tests.Support;

/// <summary>Reading the pages the app returns: the GOV.UK error summary, field errors, form values, tables.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<IDocument> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The error summary's entries: each message and the id of the field it links to.</summary>
    public static IReadOnlyList<(string Message, string Target)> ErrorSummary(IDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return [.. page.QuerySelectorAll(".govuk-error-summary__list a")
            .Select(a => (a.TextContent.Trim(), (a.GetAttribute("href") ?? "").TrimStart('#')))];
    }

    /// <summary>Every entry of the error summary links to an element on the page (the field in error).</summary>
    public static void AssertErrorSummaryLinksResolve(IDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        foreach (var (message, target) in ErrorSummary(page))
        {
            Assert.True(page.GetElementById(target) is not null, $"The error summary entry '{message}' links to #{target}, which is not on the page.");
        }
    }

    public static string? Value(IDocument page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.QuerySelector($"[name='{name}']")?.GetAttribute("value");
    }

    public static string Text(IDocument page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.QuerySelector(selector)?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"Nothing matches '{selector}' on the page.");
    }

    /// <summary>The body rows of the first table on the page, each as its cells' text.</summary>
    public static IReadOnlyList<string[]> TableRows(IDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return [.. page.QuerySelectorAll("table tbody tr").Select(r => r.QuerySelectorAll("td,th").Select(c => c.TextContent.Trim()).ToArray())];
    }
}
