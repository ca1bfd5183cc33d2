namespace Safeguard.Cli.Tests;

public class SmokeTests
{
    [Fact]
    public void Solution_root_is_found_from_the_test_output_folder() =>
        Assert.NotNull(Safeguard.Common.SafeguardPaths.FindCheckoutRoot(AppContext.BaseDirectory));
}
