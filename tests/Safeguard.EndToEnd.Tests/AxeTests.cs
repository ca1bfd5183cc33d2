namespace Safeguard.EndToEnd.Tests;

/// <summary>The accessibility check itself: it must fail, and say where, when a page breaks a rule.</summary>
public class AxeTests(SafeguardAppFixture app) : IClassFixture<SafeguardAppFixture>
{
    [Fact]
    public async Task A_violation_fails_with_its_rule_impact_help_and_target()
    {
        var page = await app.NewPageAsync();
        await page.SetContentAsync(
            """
            <!DOCTYPE html>
            <html lang="en"><head><title>Broken</title></head>
            <body><main><h1>Broken</h1><img id="no-alt" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>
            """);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Axe.AssertNoViolationsAsync(page));

        Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#no-alt", failure.Message, StringComparison.Ordinal);
    }
}
