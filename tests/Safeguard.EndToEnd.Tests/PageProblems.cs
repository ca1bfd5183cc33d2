using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// Collects what goes wrong while a page loads: stylesheets, scripts, fonts or images that fail, and
/// script errors. The page's own document may fail on purpose (an error page), so it is not counted.
/// </summary>
public sealed class PageProblems
{
    private readonly List<string> _problems = [];
    private readonly Lock _lock = new();

    private PageProblems(IPage page)
    {
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                Add($"{response.Status} for {response.Request.ResourceType} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) => Add($"request failed: {request.ResourceType} {request.Url} ({request.Failure})");
        page.PageError += (_, error) => Add($"script error: {error}");
    }

    public static PageProblems Watch(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new PageProblems(page);
    }

    public void AssertNone()
    {
        lock (_lock)
        {
            Assert.True(_problems.Count == 0, "The page had problems loading:\n" + string.Join('\n', _problems));
        }
    }

    private void Add(string problem)
    {
        lock (_lock)
        {
            _problems.Add(problem);
        }
    }
}
