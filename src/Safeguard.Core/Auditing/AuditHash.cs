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

    /// <summary>
    /// Each thread's hasher: the input is encoded straight into a buffer kept between events and hashed with a SHA-256
    /// kept open (reset after each event), rather than a string built, copied to bytes and hashed from scratch per
    /// event. The bytes hashed are the same: every field's length in UTF-16 characters, a colon and the field as UTF-8.
    /// </summary>
    [ThreadStatic]
    private static Hasher? t_hasher;

    public static string Compute(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return (t_hasher ??= new Hasher()).Compute(e);
    }

    private sealed class Hasher
    {
        private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private byte[] _buffer = new byte[4096];
        private int _length;

        public string Compute(AuditEvent e)
        {
            _length = 0;
            Append(e.Sequence);
            Append(e.OccurredAt.UtcTicks);
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
            _sha256.AppendData(_buffer, 0, _length);
            Span<byte> digest = stackalloc byte[32];
            _sha256.GetHashAndReset(digest);
            return Convert.ToHexStringLower(digest);
        }

        /// <summary>A number as its invariant text (as long.ToString would write it), length-prefixed.</summary>
        private void Append(long value)
        {
            Span<char> text = stackalloc char[20];
            value.TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
            Append(text[..written]);
        }

        private void Append(string? value)
        {
            if (value is null)
            {
                Ensure(3);
                "-1:"u8.CopyTo(_buffer.AsSpan(_length));
                _length += 3;
                return;
            }

            Append(value.AsSpan());
        }

        private void Append(ReadOnlySpan<char> value)
        {
            Ensure(12 + Encoding.UTF8.GetMaxByteCount(value.Length));
            value.Length.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
            _length += written;
            _buffer[_length++] = (byte)':';
            _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
        }

        private void Ensure(int more)
        {
            if (_length + more > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
            }
        }
    }
}
