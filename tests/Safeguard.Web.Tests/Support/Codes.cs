using System.Globalization;
using Safeguard.Identity;

namespace Safeguard.Web.Tests.Support;

public static class Codes
{
    /// <summary>A well-formed 6-digit code that is not the secret's code for the step at <paramref name="instant"/> or either side of it.</summary>
    public static string WrongAt(string secret, DateTimeOffset instant)
    {
        var step = Totp.StepAt(instant);
        var accepted = new[] { step - 1, step, step + 1 }.Select(s => Totp.Code(secret, s)).ToHashSet();
        var current = int.Parse(Totp.Code(secret, step), CultureInfo.InvariantCulture);
        return Enumerable.Range(1, 10)
            .Select(i => ((current + i) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture))
            .First(c => !accepted.Contains(c));
    }
}
