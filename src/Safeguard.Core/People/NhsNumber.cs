namespace Safeguard.People;

/// <summary>
/// The NHS number: ten digits, the last a modulus 11 check digit. Each of the first nine digits is
/// multiplied by 10 down to 2, the products summed, the remainder modulo 11 taken from 11; 11 becomes 0 and
/// 10 means the number is not valid.
/// </summary>
public static class NhsNumber
{
    /// <summary>The check digit for the first nine digits, or null when no valid number starts with them.</summary>
    public static int? CheckDigit(string nineDigits)
    {
        ArgumentNullException.ThrowIfNull(nineDigits);
        if (nineDigits.Length != 9 || !nineDigits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (nineDigits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => null,
            _ => check,
        };
    }

    public static bool IsValid(string? number) =>
        number is { Length: 10 } && number.All(char.IsAsciiDigit) && CheckDigit(number[..9]) == number[9] - '0';

    /// <summary>A number as entered, tidied: spaces and hyphens removed (it is often written 943 476 5919).</summary>
    public static string Normalise(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return string.Concat(number.Where(c => !char.IsWhiteSpace(c) && c != '-'));
    }

    /// <summary>The number as people write it: 3, 3 and 4 digits.</summary>
    public static string Format(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return number.Length == 10 ? $"{number[..3]} {number[3..6]} {number[6..]}" : number;
    }
}
