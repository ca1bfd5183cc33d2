namespace Safeguard.People;

/// <summary>
/// The unique pupil number (UPN) DfE gives every pupil in England: a check letter, the three-digit code of
/// the issuing council, a four-digit establishment number, a three-digit serial and a final character
/// (a digit, or for a temporary UPN a letter). The check letter is the one DfE publishes: characters 2 to 13
/// are weighted 2 to 13 (a letter in position 13 counts as its place in <see cref="CheckLetters"/>), the sum
/// taken modulo 23 and looked up in <see cref="CheckLetters"/>. The census rule 1510 and the person index both use it.
/// </summary>
public static class UniquePupilNumber
{
    /// <summary>The check letters, indexed by remainder modulo 23 (I, O and S are never used).</summary>
    public const string CheckLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    /// <summary>The check letter the first character should be, or null when characters 2 to 13 are not a UPN's.</summary>
    public static char? ExpectedCheckLetter(string upn)
    {
        ArgumentNullException.ThrowIfNull(upn);
        if (upn.Length != 13)
        {
            return null;
        }

        var sum = 0;
        for (var i = 1; i < 13; i++)
        {
            var c = char.ToUpperInvariant(upn[i]);
            int value;
            if (c is >= '0' and <= '9')
            {
                value = c - '0';
            }
            else if (i == 12 && CheckLetters.Contains(c, StringComparison.Ordinal))
            {
                value = CheckLetters.IndexOf(c, StringComparison.Ordinal);
            }
            else
            {
                return null;
            }

            sum += value * (i + 1);
        }

        return CheckLetters[sum % 23];
    }

    /// <summary>True when the UPN is well formed and its first character is the right check letter.</summary>
    public static bool IsValid(string? upn) =>
        upn is { Length: 13 } && ExpectedCheckLetter(upn) is { } letter && char.ToUpperInvariant(upn[0]) == letter;

    /// <summary>A UPN as entered, tidied: spaces removed, letters in capitals.</summary>
    public static string Normalise(string upn)
    {
        ArgumentNullException.ThrowIfNull(upn);
        return string.Concat(upn.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
    }
}
