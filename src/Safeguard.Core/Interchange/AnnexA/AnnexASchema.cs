using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Safeguard.Interchange.AnnexA;

/// <summary>One column of an Annex A list: its name as the template writes it, its kind, and for a category its codes.</summary>
public sealed record AnnexAColumn(string Name, string Kind, bool CanBeBlank, IReadOnlyList<string>? Codes, string? Aliases, string? Pattern)
{
    public bool IsCategory => Kind == "category";
}

/// <summary>One of the eleven lists, with its columns in the template's order.</summary>
public sealed record AnnexAList(int Number, string Name, IReadOnlyList<AnnexAColumn> Columns)
{
    /// <summary>The worksheet's name (at most 31 characters).</summary>
    public string SheetName => Number switch
    {
        5 => "List 5 S47 enquiries and ICPCs",
        _ => $"List {Number} {Name}",
    };

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column)
            {
                return i;
            }
        }

        throw new ArgumentException($"List {Number} has no column '{column}'.", nameof(column));
    }
}

/// <summary>
/// Ofsted's Annex A template as data (<c>Data/annex-a-columns.json</c>, made from the template's column map
/// <c>annex-a-schema.yml</c>): the eleven lists, each column's name, order and kind, every category's codes, and the
/// other names each code is known by (a census or SSDA903 code among them), which is how Safeguard's codes are turned
/// into the template's.
/// </summary>
public sealed class AnnexASchema
{
    public const string ResourceName = "Safeguard.Interchange.AnnexA.Data.annex-a-columns.json";
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
    private static readonly Lazy<AnnexASchema> Loaded = new(Load);
    private readonly Dictionary<string, Dictionary<string, string>> _aliases;
    private readonly Dictionary<(int, string), HashSet<string>> _codes = [];

    private AnnexASchema(IReadOnlyList<AnnexAList> lists, Dictionary<string, Dictionary<string, string>> aliases)
    {
        Lists = lists;
        _aliases = aliases;
        foreach (var list in lists)
        {
            foreach (var column in list.Columns.Where(c => c.IsCategory))
            {
                _codes[(list.Number, column.Name)] = new HashSet<string>(column.Codes ?? [], StringComparer.Ordinal);
            }
        }
    }

    public static AnnexASchema Default => Loaded.Value;

    public IReadOnlyList<AnnexAList> Lists { get; }

    public AnnexAList List(int number) => Lists.Single(l => l.Number == number);

    /// <summary>The template's code for a value Safeguard holds (a census or SSDA903 code, or the code itself); null when the template has none for it.</summary>
    public string? CodeFor(AnnexAList list, string column, string? value)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var spec = list.Columns[list.IndexOf(column)];
        if (_codes.TryGetValue((list.Number, spec.Name), out var codes) && codes.Contains(value))
        {
            return value;
        }

        return spec.Aliases is { } table && _aliases.TryGetValue(table, out var aliases) && aliases.TryGetValue(value.Trim().ToLowerInvariant(), out var code) ? code : null;
    }

    /// <summary>Why a value written in a column is not what the template allows; null when it is allowed (a blank is checked separately).</summary>
    public string? Problem(AnnexAList list, AnnexAColumn column, string? value)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(column);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return column.Kind switch
        {
            "category" when !_codes[(list.Number, column.Name)].Contains(value) => $"'{value}' is not one of the template's codes for this column",
            "date" when !DateOnly.TryParseExact(value, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => $"'{value}' is not a date written dd/mm/yyyy",
            "integer" when !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _) => $"'{value}' is not a whole number of 0 or more",
            _ => null,
        };
    }

    private static AnnexASchema Load()
    {
        using var stream = typeof(AnnexASchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The Annex A column map '{ResourceName}' is missing from the build.");
        var file = JsonSerializer.Deserialize<SchemaFile>(stream, JsonOptions)
            ?? throw new InvalidOperationException("The Annex A column map is empty.");
        var lists = file.Lists.OrderBy(l => l.Number)
            .Select(l => new AnnexAList(l.Number, l.Name, [.. l.Columns.Select(c => new AnnexAColumn(c.Name, c.Kind, c.CanBeBlank, c.Codes, c.Aliases, c.Pattern))]))
            .ToList();
        return new AnnexASchema(lists, file.Aliases.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal));
    }

    private sealed record SchemaFile(
        [property: JsonPropertyName("lists")] List<ListFile> Lists,
        [property: JsonPropertyName("aliases")] Dictionary<string, Dictionary<string, string>> Aliases);

    private sealed record ListFile(int Number, string Name, List<ColumnFile> Columns);

    private sealed record ColumnFile(string Name, string Kind, bool CanBeBlank, List<string>? Codes, string? Aliases, string? Pattern);
}
