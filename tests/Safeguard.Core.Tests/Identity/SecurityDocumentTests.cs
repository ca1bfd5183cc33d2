using Safeguard.Common;
using Safeguard.Identity;

namespace Safeguard.Core.Tests.Identity;

/// <summary>docs/security.md tells people who can do what; it must say what the code does.</summary>
public class SecurityDocumentTests
{
    [Fact]
    public void The_role_table_in_the_security_document_matches_the_roles()
    {
        var root = SafeguardPaths.FindCheckoutRoot(AppContext.BaseDirectory)!;
        // The role table is the one under "## Who can do what"; later sections have tables of their own (headers, settings).
        var rows = File.ReadAllLines(Path.Combine(root, "docs", "security.md"))
            .SkipWhile(l => l != "## Who can do what")
            .Skip(1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| role", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1], cells => cells[3]);

        Assert.Equal(Roles.Defaults.Select(r => r.Name).Order(), rows.Keys.Order());
        foreach (var role in Roles.Defaults)
        {
            Assert.True(rows[role.Name].StartsWith(role.RequiresTwoFactor ? "yes" : "no", StringComparison.Ordinal),
                $"docs/security.md says '{rows[role.Name]}' about two-factor for {role.Name}, but the role {(role.RequiresTwoFactor ? "requires" : "does not require")} it.");
        }
    }
}
