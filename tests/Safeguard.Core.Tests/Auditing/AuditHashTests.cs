using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Safeguard.Auditing;

namespace Safeguard.Core.Tests.Auditing;

public class AuditHashTests
{
    /// <summary>
    /// The chain's hash as it was first defined (ADR 0003): the fields length-prefixed into one string, then SHA-256
    /// of its UTF-8. Events already stored were hashed that way, so the hasher must give the same hash for any event.
    /// </summary>
    private static string AsFirstDefined(AuditEvent e)
    {
        var builder = new StringBuilder();
        void Append(string? value) =>
            _ = value is null ? builder.Append("-1:") : builder.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        Append(e.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(e.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Append(e.Kind.ToString());
        Append(e.Process);
        Append(e.ActorUserId?.ToString("D"));
        Append(e.ActorName);
        Append(e.ActorAgencyId?.ToString("D"));
        Append(e.Reason);
        Append(e.EntityType);
        Append(e.EntityId);
        Append(e.Action.ToString());
        Append(e.Before);
        Append(e.After);
        Append(e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    public static TheoryData<string?, string?, string> Fields => new()
    {
        { null, null, "Person" },
        { "", "{\"Name\":\"Zo\\u00EB\"}", "NeedEpisode" },
        { "{\"a\":1}", "Zoë Ærø 名前 \U0001F600 and a lone \uD800 surrogate", "ProtectionPlan" },
        { new string('x', 10_000), new string('é', 9_000), "CaseAssessment" },
    };

    [Theory, MemberData(nameof(Fields))]
    public void The_hash_is_the_hash_of_the_fields_as_first_defined(string? before, string? after, string entityType)
    {
        var e = new AuditEvent
        {
            Sequence = 1_234_567_890_123,
            OccurredAt = new DateTimeOffset(2026, 12, 6, 20, 0, 0, TimeSpan.Zero).AddTicks(1230),
            Kind = AuditEventKind.Change,
            Process = "Census.Import",
            ActorUserId = Guid.Parse("0190d4a2-0000-7000-8000-000000000001"),
            ActorName = "Tess Tester",
            ActorAgencyId = before is null ? null : Guid.Parse("0190d4a2-0000-7000-8000-000000000002"),
            Reason = before is null ? null : "Census file cin.xml (2024-25)",
            EntityType = entityType,
            EntityId = "0190d4a2-0000-7000-8000-0000000000ff",
            Action = before is null ? AuditAction.Created : AuditAction.Updated,
            Before = before,
            After = after,
            PreviousHash = AuditHash.Genesis,
            Hash = "",
        };

        Assert.Equal(AsFirstDefined(e), AuditHash.Compute(e));

        // Hashing again (the hasher keeps its buffer and its SHA-256 between events) gives the same hash.
        Assert.Equal(AsFirstDefined(e), AuditHash.Compute(e));
    }
}
