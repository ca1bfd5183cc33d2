using System.Buffers.Binary;

namespace Safeguard.DemoData;

/// <summary>
/// Record identifiers for generated data that are the same on every run with the same seed: version 7 GUIDs
/// (so they stay time-ordered like the application's own) whose timestamp is fixed and whose random part is a
/// counter mixed with the seed.
/// </summary>
internal sealed class DemoIds(int seed, DateTimeOffset epoch)
{
    private readonly long _milliseconds = epoch.ToUnixTimeMilliseconds();
    private readonly ulong _seed = (ulong)(uint)seed << 32;
    private ulong _next;

    public Guid Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, _milliseconds << 16);
        var counter = _seed | ++_next;
        bytes[6] = (byte)(0x70 | ((counter >> 60) & 0x0F));
        bytes[7] = (byte)(counter >> 52);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], (counter & 0x000F_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000);
        return new Guid(bytes, bigEndian: true);
    }
}
