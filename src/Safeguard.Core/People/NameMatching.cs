using System.Text;

namespace Safeguard.People;

/// <summary>
/// How names are compared when searching and looking for duplicates: folded (case, accents, hyphens,
/// apostrophes and spaces do not matter), then matched exactly, by sound (a Soundex code of the family
/// name) or within a small edit distance.
/// </summary>
public static class NameMatching
{
    /// <summary>"Zoë O'Brien-Smith" becomes "zoe obriensmith": letters only, accents removed, words kept apart.</summary>
    public static string Fold(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c))
            {
                result.Append(char.ToLowerInvariant(c));
                lastWasSpace = false;
            }
            else if (char.IsWhiteSpace(c) && !lastWasSpace)
            {
                result.Append(' ');
                lastWasSpace = true;
            }

            // Anything else (combining accents, hyphens, apostrophes) is dropped.
        }

        return result.ToString().TrimEnd();
    }

    /// <summary>The search key stored with each name: folded given names and family name.</summary>
    public static string SearchKey(string givenNames, string familyName) => $"{Fold(givenNames)}|{Fold(familyName)}";

    /// <summary>American Soundex of a folded word: the first letter and three digits (Smith and Smyth are S530).</summary>
    public static string Soundex(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var letters = Fold(word).Where(char.IsAsciiLetter).ToArray();
        if (letters.Length == 0)
        {
            return "";
        }

        var code = new StringBuilder().Append(char.ToUpperInvariant(letters[0]));
        var last = Digit(letters[0]);
        for (var i = 1; i < letters.Length && code.Length < 4; i++)
        {
            var digit = Digit(letters[i]);
            if (digit != '0' && digit != last)
            {
                code.Append(digit);
            }

            // H and W do not separate letters with the same code; vowels do.
            if (letters[i] is not ('h' or 'w'))
            {
                last = digit;
            }
        }

        return code.ToString().PadRight(4, '0');
    }

    /// <summary>The Levenshtein distance between two strings.</summary>
    public static int EditDistance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// True when two names could be the same person's: the family names fold to the same text, sound the same
    /// or differ by at most two edits, and the first given names do too (or one is the other's initial).
    /// </summary>
    public static bool AreSimilar(string givenA, string familyA, string givenB, string familyB)
    {
        var fa = Fold(familyA).Replace(" ", "", StringComparison.Ordinal);
        var fb = Fold(familyB).Replace(" ", "", StringComparison.Ordinal);
        if (!WordsAlike(fa, fb))
        {
            return false;
        }

        var ga = Fold(givenA).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        var gb = Fold(givenB).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (ga.Length == 0 || gb.Length == 0)
        {
            return true;
        }

        return (ga.Length == 1 || gb.Length == 1) ? ga[0] == gb[0] : WordsAlike(ga, gb);
    }

    private static bool WordsAlike(string a, string b) =>
        a == b || Soundex(a) == Soundex(b) || EditDistance(a, b) <= Math.Min(2, Math.Max(a.Length, b.Length) / 4 + 1);

    private static char Digit(char c) => c switch
    {
        'b' or 'f' or 'p' or 'v' => '1',
        'c' or 'g' or 'j' or 'k' or 'q' or 's' or 'x' or 'z' => '2',
        'd' or 't' => '3',
        'l' => '4',
        'm' or 'n' => '5',
        'r' => '6',
        _ => '0',
    };
}
