using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Safeguard.Interchange.Cin;

namespace Safeguard.Interchange.Ssda903;

/// <summary>What a rule needs beyond the return itself; a rule whose needs are not given is reported as not checked, with the reason.</summary>
[Flags]
public enum Ssda903Needs
{
    None = 0,

    /// <summary>A postcode lookup (an extract of ONS's postcode directory): the local authority and grid reference of each postcode.</summary>
    Postcodes = 1,

    /// <summary>Ofsted's register of children's social care providers, by URN.</summary>
    Providers = 2,

    /// <summary>The local authority making the return (for placements in or out of it).</summary>
    LocalAuthority = 4,
}

/// <summary>A postcode's local authority (ONS code) and position: OS grid metres, or latitude and longitude.</summary>
public readonly record struct Ssda903Postcode(string LocalAuthority, double X, double Y, bool LatLong);

/// <summary>An Ofsted-registered provider: what the register says of it (any part may be missing from the file given).</summary>
public sealed record Ssda903Provider(
    string Urn, FrozenSet<string>? Places, FrozenSet<string>? Providers, string? Postcode, string? LocalAuthority, DateOnly? Registered, DateOnly? Closed);

/// <summary>
/// The reference data some SSDA903 rules need and a return does not carry: local authority codes (embedded, from
/// the public list of English local authorities with their DfE and ONS codes), and, when given, a postcode lookup,
/// Ofsted's provider register and the returning authority's code.
/// </summary>
public sealed class Ssda903ReferenceData
{
    private static readonly Lazy<FrozenDictionary<string, (string Ons, string Name)>> Authorities = new(LoadAuthorities);

    public static readonly Ssda903ReferenceData None = new();

    /// <summary>Postcode (upper case, no spaces) to local authority and position; null when not given.</summary>
    public FrozenDictionary<string, Ssda903Postcode>? Postcodes { get; init; }

    /// <summary>Provider by URN; null when not given.</summary>
    public FrozenDictionary<string, Ssda903Provider>? Providers { get; init; }

    /// <summary>The ONS code of the local authority making the return; null when not given.</summary>
    public string? LocalAuthority { get; init; }

    public Ssda903Needs Given =>
        (Postcodes is null ? 0 : Ssda903Needs.Postcodes) | (Providers is null ? 0 : Ssda903Needs.Providers) | (LocalAuthority is null ? 0 : Ssda903Needs.LocalAuthority);

    /// <summary>DfE's three-digit local authority codes (as LA_PERM writes them) with ONS code and name.</summary>
    public static FrozenDictionary<string, (string Ons, string Name)> LocalAuthorities => Authorities.Value;

    /// <summary>Upper case with no spaces: how postcodes are compared.</summary>
    public static string NormalPostcode(string postcode)
    {
        ArgumentNullException.ThrowIfNull(postcode);
        return postcode.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
    }

    /// <summary>The ONS code for a local authority given by its DfE code (351) or ONS code (E08000002).</summary>
    /// <exception cref="ArgumentException">Neither a DfE nor an ONS code of an English local authority.</exception>
    public static string ResolveLocalAuthority(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var trimmed = code.Trim().ToUpperInvariant();
        if (LocalAuthorities.TryGetValue(trimmed, out var la))
        {
            return la.Ons;
        }

        return LocalAuthorities.Values.Any(v => v.Ons == trimmed)
            ? trimmed
            : throw new ArgumentException($"{code} is not the DfE code (for example 351) or ONS code (for example E08000002) of an English local authority.");
    }

    /// <summary>The lookup's postcode, when the lookup was given and has it.</summary>
    public Ssda903Postcode? Postcode(string? postcode) =>
        postcode is not null && Postcodes is not null && Postcodes.TryGetValue(NormalPostcode(postcode), out var found) ? found : null;

    /// <summary>The distance in miles between two postcodes, to one decimal place (as DfE derives PL_DISTANCE).</summary>
    public static double Miles(Ssda903Postcode from, Ssda903Postcode to)
    {
        double miles;
        if (!from.LatLong && !to.LatLong)
        {
            miles = Math.Sqrt(Math.Pow(from.X - to.X, 2) + Math.Pow(from.Y - to.Y, 2)) / 1609.344;
        }
        else
        {
            const double EarthMiles = 3958.8;
            double Rad(double d) => d * Math.PI / 180;
            var (lat1, lon1, lat2, lon2) = (Rad(from.Y), Rad(from.X), Rad(to.Y), Rad(to.X));
            var h = Math.Pow(Math.Sin((lat2 - lat1) / 2), 2) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Pow(Math.Sin((lon2 - lon1) / 2), 2));
            miles = 2 * EarthMiles * Math.Asin(Math.Sqrt(h));
        }

        return Math.Round(miles, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Reads a postcode lookup: a CSV with a header naming the postcode (pcd, pcds or postcode), its local authority
    /// (laua, lad or la: an ONS code) and either OS grid eastings and northings (oseast1m, osnrth1m) or latitude and
    /// longitude (lat, long) - the columns of ONS's National Statistics Postcode Lookup, so an extract of it serves.
    /// Rows with no grid reference (ONS leaves them blank for some postcodes) are kept without a position.
    /// </summary>
    /// <exception cref="Ssda903UnreadableException">The file lacks a column it needs.</exception>
    public static FrozenDictionary<string, Ssda903Postcode> ReadPostcodes(string name, TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var result = new Dictionary<string, Ssda903Postcode>(StringComparer.Ordinal);
        using var rows = Rows(reader).GetEnumerator();
        if (!rows.MoveNext())
        {
            throw new Ssda903UnreadableException($"{name}: the postcode file is empty.");
        }

        var header = rows.Current.Select(c => c.Trim().TrimStart('\uFEFF').ToUpperInvariant()).ToList();
        var postcode = Column(name, header, "postcode", "PCDS", "PCD", "POSTCODE", "PCD2");
        var la = Column(name, header, "local authority", "LAUA", "LAD", "LA", "LAD23CD", "LAD24CD");
        var east = header.IndexOf("OSEAST1M");
        var north = header.IndexOf("OSNRTH1M");
        var lat = header.IndexOf("LAT");
        var lon = header.IndexOf("LONG");
        var latLong = east < 0 || north < 0;
        if (latLong && (lat < 0 || lon < 0))
        {
            throw new Ssda903UnreadableException($"{name}: the postcode file needs eastings and northings (oseast1m, osnrth1m) or latitude and longitude (lat, long).");
        }

        var (x, y) = latLong ? (lon, lat) : (east, north);
        while (rows.MoveNext())
        {
            var row = rows.Current;
            if (row.Count <= Math.Max(Math.Max(postcode, la), Math.Max(x, y)) || string.IsNullOrWhiteSpace(row[postcode]))
            {
                continue;
            }

            var px = double.TryParse(row[x], NumberStyles.Float, CultureInfo.InvariantCulture, out var a) ? a : double.NaN;
            var py = double.TryParse(row[y], NumberStyles.Float, CultureInfo.InvariantCulture, out var b) ? b : double.NaN;
            result[NormalPostcode(row[postcode])] = new Ssda903Postcode(row[la].Trim().ToUpperInvariant(), px, py, latLong);
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// Reads a provider register: a CSV with a header naming URN and any of PLACE_CODES and PROVIDER_CODES (the
    /// placement types and placement provider codes the provider can take, separated by ; or |), POSTCODE,
    /// LA_CODE (DfE or ONS code of the provider's local authority), REG_DATE and REG_END (dd/mm/yyyy).
    /// </summary>
    /// <exception cref="Ssda903UnreadableException">The file has no URN column.</exception>
    public static FrozenDictionary<string, Ssda903Provider> ReadProviders(string name, TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var result = new Dictionary<string, Ssda903Provider>(StringComparer.OrdinalIgnoreCase);
        using var rows = Rows(reader).GetEnumerator();
        if (!rows.MoveNext())
        {
            throw new Ssda903UnreadableException($"{name}: the provider file is empty.");
        }

        var header = rows.Current.Select(c => c.Trim().TrimStart('\uFEFF').ToUpperInvariant()).ToList();
        var urn = Column(name, header, "URN", "URN");
        int At(string column) => header.IndexOf(column);
        var (places, providers, postcode, la, registered, closed) = (At("PLACE_CODES"), At("PROVIDER_CODES"), At("POSTCODE"), At("LA_CODE"), At("REG_DATE"), At("REG_END"));
        while (rows.MoveNext())
        {
            var row = rows.Current;
            string? Value(int i) => i >= 0 && i < row.Count && row[i].Trim() is { Length: > 0 } v ? v : null;
            if (Value(urn) is not { } id)
            {
                continue;
            }

            FrozenSet<string>? Codes(int i) => Value(i)?.Split([';', '|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
            var laCode = Value(la) is { } code && LocalAuthorities.TryGetValue(code, out var known) ? known.Ons : Value(la)?.ToUpperInvariant();
            result[id] = new Ssda903Provider(id, Codes(places), Codes(providers), Value(postcode), laCode, Ssda903Reader.ParseDate(Value(registered)), Ssda903Reader.ParseDate(Value(closed)));
        }

        return result.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static int Column(string file, List<string> header, string what, params string[] names)
    {
        foreach (var n in names)
        {
            var i = header.IndexOf(n);
            if (i >= 0)
            {
                return i;
            }
        }

        throw new Ssda903UnreadableException($"{file}: no {what} column (one of {string.Join(", ", names.Distinct())}).");
    }

    private static IEnumerable<List<string>> Rows(TextReader reader)
    {
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Contains('"', StringComparison.Ordinal))
            {
                foreach (var row in Csv.Parse(line))
                {
                    yield return [.. row];
                }
            }
            else
            {
                yield return [.. line.Split(',')];
            }
        }
    }

    private static FrozenDictionary<string, (string Ons, string Name)> LoadAuthorities()
    {
        var assembly = typeof(Ssda903ReferenceData).Assembly;
        using var stream = assembly.GetManifestResourceStream("Safeguard.Interchange.Ssda903.Data.local-authorities.csv")
            ?? throw new InvalidOperationException("The local authority list is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Csv.Parse(reader.ReadToEnd()).Skip(1).Where(r => r.Length >= 3).ToFrozenDictionary(r => r[0].Trim(), r => (r[1].Trim(), r[2].Trim()), StringComparer.Ordinal);
    }
}
