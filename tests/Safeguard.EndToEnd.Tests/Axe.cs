using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>Runs axe-core in the page against the WCAG 2.0, 2.1 and 2.2 level A and AA rules.</summary>
public static class Axe
{
    /// <summary>A step of a journey: a full-page screenshot named by the step (see <see cref="Screenshots"/>), then the accessibility check.</summary>
    public static async Task StepAsync(IPage page, string step)
    {
        await Screenshots.SaveAsync(page, step);
        await AssertNoViolationsAsync(page);
    }

    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly Lazy<string> Script = new(() =>
        File.Exists(TestEnvironment.AxeScriptPath)
            ? File.ReadAllText(TestEnvironment.AxeScriptPath)
            : throw new FileNotFoundException(
                "axe-core is missing: build src/Safeguard.Web, which runs 'npm ci' there.", TestEnvironment.AxeScriptPath));

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);

        // Evaluated through the DevTools protocol rather than a <script> tag, so a content security
        // policy on the page does not stop it.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Script.Value);
        }

        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async (tags) => {
              const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
              return results.violations.map(v => ({
                id: v.id,
                impact: v.impact ?? 'unknown',
                help: v.help,
                helpUrl: v.helpUrl,
                targets: v.nodes.map(n => n.target.join(' '))
              }));
            }
            """,
            WcagTags);

        if (violations.GetArrayLength() == 0)
        {
            return;
        }

        var message = new StringBuilder()
            .Append("axe-core found ").Append(violations.GetArrayLength())
            .Append(" accessibility violation(s) on ").Append(page.Url).AppendLine(":");
        foreach (var violation in violations.EnumerateArray())
        {
            message.Append("- ").Append(violation.GetProperty("id").GetString())
                .Append(" (").Append(violation.GetProperty("impact").GetString()).Append("): ")
                .Append(violation.GetProperty("help").GetString())
                .Append(" <").Append(violation.GetProperty("helpUrl").GetString()).AppendLine(">");
            foreach (var target in violation.GetProperty("targets").EnumerateArray())
            {
                message.Append("    at ").AppendLine(target.GetString());
            }
        }

        Assert.Fail(message.ToString());
    }
}
