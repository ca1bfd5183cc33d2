using Safeguard.People;

namespace Safeguard.Core.Tests.People;

/// <summary>How a stored name ranks against the words searched for: whole name, sounds alike, partial.</summary>
public class NameRankTests
{
    private static PersonIndex.NameMatch Rank(string search, string given, string family) =>
        PersonIndex.Rank(NameMatching.Fold(search).Split(' '), NameMatching.SearchKey(given, family));

    [Fact]
    public void The_whole_name_is_exact_a_near_spelling_sounds_alike_and_a_shared_family_name_is_partial()
    {
        Assert.Equal(PersonIndex.NameMatch.Exact, Rank("Esme Wilson", "Esme", "Wilson"));
        Assert.Equal(PersonIndex.NameMatch.Exact, Rank("esme wilson", "Esme Jane", "Wilson"));
        Assert.Equal(PersonIndex.NameMatch.Exact, Rank("Zoe O'Brien", "Zoë", "O'Brien"));
        Assert.Equal(PersonIndex.NameMatch.Sounds, Rank("Esme Wilson", "Esmae", "Willson"));
        Assert.Equal(PersonIndex.NameMatch.Partial, Rank("Esme Wilson", "Ella", "Wilson"));
        Assert.Equal(PersonIndex.NameMatch.Exact, Rank("Wilson", "Ella", "Wilson"));
        Assert.Equal(PersonIndex.NameMatch.Partial, Rank("Wil", "Ella", "Wilson"));
    }
}
