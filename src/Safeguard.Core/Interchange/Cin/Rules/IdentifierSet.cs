namespace Safeguard.Interchange.Cin.Rules;

/// <summary>
/// The identifiers seen so far in a return (child ids, UPNs), kept in as little memory as exactness allows: every
/// child's are held to the end of the file, so a million children's strings and set entries would be over 100 MB.
/// An ASCII identifier of up to 8 characters is packed, 7 bits a character with its length, into a number; one of
/// up to 17 (a UPN has 13) into a 128-bit number; anything else is kept as a string. The packing is exact (no
/// hashing), so two identifiers are the same entry only when they are equal (ignoring ASCII case if asked).
/// </summary>
internal sealed class IdentifierSet(bool ignoreCase)
{
    private readonly HashSet<ulong> _short = [];
    private readonly HashSet<UInt128> _long = [];
    private readonly HashSet<string> _other = new(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    /// <summary>Adds <paramref name="identifier"/>; false when it was already there.</summary>
    public bool Add(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (identifier.Length <= 17 && Pack(identifier) is { } packed)
        {
            return identifier.Length <= 8 ? _short.Add((ulong)packed) : _long.Add(packed);
        }

        return _other.Add(identifier);
    }

    private UInt128? Pack(string identifier)
    {
        UInt128 value = (uint)identifier.Length;
        foreach (var c in identifier)
        {
            if (c > 127)
            {
                return null;
            }

            value = (value << 7) | (uint)(ignoreCase ? char.ToUpperInvariant(c) : c);
        }

        return value;
    }
}
