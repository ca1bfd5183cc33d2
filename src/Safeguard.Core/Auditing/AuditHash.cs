using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Safeguard.Auditing;

/// <summary>
/// The hash that chains audit events. The input is every stored field of the event in a fixed order, each
/// length-prefixed so no two different events can produce the same input, followed by the previous hash.
/// </summary>
public static class AuditHash
{
    /// <summary>The previous hash of the first event in the chain.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var builder = new StringBuilder();
        Append(builder, e.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(builder, e.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Append(builder, e.Kind.ToString());
        Append(builder, e.Process);
        Append(builder, e.ActorUserId?.ToString("D"));
        Append(builder, e.ActorName);
        Append(builder, e.ActorAgencyId?.ToString("D"));
        Append(builder, e.Reason);
        Append(builder, e.EntityType);
        Append(builder, e.EntityId);
        Append(builder, e.Action.ToString());
        Append(builder, e.Before);
        Append(builder, e.After);
        Append(builder, e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    private static void Append(StringBuilder builder, string? value)
    {
        if (value is null)
        {
            builder.Append("-1:");
            return;
        }

        builder.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }
}
