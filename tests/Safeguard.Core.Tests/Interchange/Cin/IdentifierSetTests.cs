using Safeguard.Interchange.Cin.Rules;

namespace Safeguard.Core.Tests.Interchange.Cin;

/// <summary>The packed set behind rules 8510 and 1520: exact, whatever the identifier's length or characters.</summary>
public class IdentifierSetTests
{
    [Fact]
    public void Each_identifier_is_its_own_entry_and_only_an_equal_one_is_a_repeat()
    {
        var ids = new IdentifierSet(ignoreCase: false);
        string[] distinct = ["", "1", "01", "001", "C0000000", "C0000001", "c0000000", "C00000000", "A12345678901B", "A12345678901C",
            "ABCDEFGHIJKLMNOPQ", "ABCDEFGHIJKLMNOPR", "ABCDEFGHIJKLMNOPQR", "ABCDEFGHIJKLMNOPQS", "Zoë", "Zoe", "\u007f", "\u007f\u007f"];
        Assert.All(distinct, id => Assert.True(ids.Add(id), id));
        Assert.All(distinct, id => Assert.False(ids.Add(new string(id.ToCharArray())), id));
    }

    [Fact]
    public void Ignoring_case_a_upn_in_lower_case_repeats_the_upper_case_one()
    {
        var upns = new IdentifierSet(ignoreCase: true);
        Assert.True(upns.Add("A12345678901B"));
        Assert.False(upns.Add("a12345678901b"));
        Assert.True(upns.Add("A12345678901C"));
        Assert.True(upns.Add("ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
        Assert.False(upns.Add("abcdefghijklmnopqrstuvwxyz"));
    }
}
