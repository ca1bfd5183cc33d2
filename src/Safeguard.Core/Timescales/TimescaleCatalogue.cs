using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Safeguard.Timescales;

/// <summary>
/// The named timescales the product works to. The defaults are data carried by the product
/// (<c>Timescales/Data/timescales.json</c>); a local area may change the duration of the locally changeable
/// ones with <see cref="WithOverrides"/>. Immutable: applying overrides returns a new catalogue.
/// </summary>
public sealed partial class TimescaleCatalogue
{
    internal const string ResourceName = "Safeguard.Timescales.Data.timescales.json";

    private static readonly Lazy<TimescaleCatalogue> Embedded = new(() => FromJson(ReadEmbedded(), ResourceName));

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter<TimescaleUnit>(allowIntegerValues: false) },
    };

    private readonly Dictionary<string, TimescaleRule> _byId;

    private TimescaleCatalogue(IReadOnlyList<TimescaleRule> rules)
    {
        Rules = rules;
        _byId = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>The catalogue as shipped, with no local overrides.</summary>
    public static TimescaleCatalogue Default => Embedded.Value;

    /// <summary>Every timescale, in catalogue order.</summary>
    public IReadOnlyList<TimescaleRule> Rules { get; }

    /// <summary>The timescale with the given id.</summary>
    /// <exception cref="UnknownTimescaleRuleException">No timescale has that id; the message lists the known ids.</exception>
    public TimescaleRule Get(string ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        return TryGet(ruleId, out var rule) ? rule : throw new UnknownTimescaleRuleException(ruleId, _byId.Keys);
    }

    public bool TryGet(string ruleId, [NotNullWhen(true)] out TimescaleRule? rule) => _byId.TryGetValue(ruleId, out rule);

    /// <summary>
    /// A catalogue with the local durations applied. Each override replaces the duration of one locally
    /// changeable timescale; an override of a statutory timescale, of an unknown id, with a duration below 1,
    /// or a second override of the same timescale is refused and nothing is applied.
    /// </summary>
    /// <exception cref="InvalidTimescaleOverrideException">An override is refused; the message says which and why.</exception>
    /// <exception cref="UnknownTimescaleRuleException">An override names a timescale that does not exist.</exception>
    public TimescaleCatalogue WithOverrides(IEnumerable<TimescaleOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var replacements = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in overrides)
        {
            ArgumentNullException.ThrowIfNull(item);
            var rule = Get(item.RuleId);
            if (!rule.LocallyChangeable)
            {
                throw new InvalidTimescaleOverrideException(
                    $"Timescale '{rule.Id}' ({rule.DefaultDurationText} from {rule.CountedFrom}) is set by {rule.Source} and cannot be changed locally.");
            }

            if (item.Duration < 1)
            {
                throw new InvalidTimescaleOverrideException(
                    $"Timescale '{rule.Id}': the local duration must be at least 1, but was {item.Duration}.");
            }

            if (!replacements.TryAdd(rule.Id, item.Duration))
            {
                throw new InvalidTimescaleOverrideException(
                    $"Timescale '{rule.Id}' is overridden more than once; give one local duration.");
            }
        }

        return new TimescaleCatalogue(
            [.. Rules.Select(r => replacements.TryGetValue(r.Id, out var duration) ? r with { Duration = duration } : r)]);
    }

    /// <summary>Reads a catalogue from JSON in the shape of the embedded file; the name is used in error messages.</summary>
    /// <exception cref="FormatException">The JSON is malformed or a rule is incomplete; the message names the rule and field.</exception>
    public static TimescaleCatalogue FromJson(string json, string sourceName)
    {
        CatalogueFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CatalogueFile>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{sourceName}: {ex.Message}", ex);
        }

        if (file?.Rules is not { Count: > 0 } entries)
        {
            throw new FormatException($"{sourceName}: the catalogue has no rules.");
        }

        var rules = new List<TimescaleRule>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var where = $"{sourceName} rule {i + 1} ({entry.Id ?? "no id"})";
            if (entry.Id is null || !KebabCase().IsMatch(entry.Id))
            {
                throw new FormatException($"{where}, field id: give a kebab-case id such as 'first-core-group'.");
            }

            if (rules.Any(r => r.Id == entry.Id))
            {
                throw new FormatException($"{where}, field id: the id is used twice.");
            }

            rules.Add(new TimescaleRule
            {
                Id = entry.Id,
                Description = Required(entry.Description, where, "description"),
                CountedFrom = Required(entry.CountedFrom, where, "countedFrom"),
                Duration = entry.Duration is >= 1 ? entry.Duration.Value : throw new FormatException($"{where}, field duration: give a whole number of at least 1."),
                DefaultDuration = entry.Duration.Value,
                Unit = entry.Unit ?? throw new FormatException($"{where}, field unit: give one of {string.Join(", ", Enum.GetNames<TimescaleUnit>())}."),
                Source = Required(entry.Source, where, "source"),
                LocallyChangeable = entry.LocallyChangeable ?? throw new FormatException($"{where}, field locallyChangeable: give true or false."),
                WarningWorkingDays = entry.WarningWorkingDays is null or >= 0
                    ? entry.WarningWorkingDays
                    : throw new FormatException($"{where}, field warningWorkingDays: give a number of working days of at least 0."),
            });
        }

        return new TimescaleCatalogue(rules);
    }

    private static string Required(string? value, string where, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"{where}, field {field}: the value is missing.") : value;

    private static string ReadEmbedded()
    {
        using var stream = typeof(TimescaleCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The timescale catalogue '{ResourceName}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();

    private sealed record CatalogueFile(List<RuleEntry>? Rules);

    private sealed record RuleEntry(
        string? Id,
        string? Description,
        string? CountedFrom,
        int? Duration,
        TimescaleUnit? Unit,
        string? Source,
        bool? LocallyChangeable,
        int? WarningWorkingDays);
}
