using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text;

namespace Safeguard.Interchange.Cin;

/// <summary>The published definition of one DfE rule: its code, severity and message.</summary>
public sealed record CinRuleDefinition(string Code, CinSeverity Severity, string Message);

/// <summary>
/// What the product carries for one collection year, as data embedded from <c>Interchange/Cin/Data/&lt;yyyy-yy&gt;/</c>:
/// the DfE rule list (<c>rules.csv</c>: code, severity, message, copied from DfE's publication) and the code
/// lists (<c>codelists.csv</c>: list, code). A year without its own folder is refused.
/// </summary>
public sealed class CinReferenceData
{
    private const string ResourcePrefix = "Safeguard.Interchange.Cin.Data.";
    private static readonly ConcurrentDictionary<string, CinReferenceData> Loaded = new();

    private readonly FrozenDictionary<string, FrozenSet<string>> _lists;

    private CinReferenceData(string collectionName, IReadOnlyList<CinRuleDefinition> rules, FrozenDictionary<string, FrozenSet<string>> lists)
    {
        CollectionName = collectionName;
        Rules = rules;
        RulesByCode = rules.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);
        _lists = lists;
    }

    public string CollectionName { get; }

    /// <summary>The rules in the order DfE lists them.</summary>
    public IReadOnlyList<CinRuleDefinition> Rules { get; }

    public FrozenDictionary<string, CinRuleDefinition> RulesByCode { get; }

    /// <summary>The collection years the product has data for, oldest first.</summary>
    public static IReadOnlyList<string> AvailableCollections() =>
        [.. typeof(CinReferenceData).Assembly.GetManifestResourceNames()
            .Select(n => n.Replace('\\', '/'))
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith("/rules.csv", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^"/rules.csv".Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>The data for a collection year such as 2024-25.</summary>
    /// <exception cref="ArgumentException">The product has no rules for that year.</exception>
    public static CinReferenceData For(string collectionName)
    {
        ArgumentNullException.ThrowIfNull(collectionName);
        return Loaded.GetOrAdd(collectionName, Load);
    }

    /// <summary>True when <paramref name="code"/> is in the named code list (exact, case-sensitive match).</summary>
    public bool IsInList(string list, string? code) => code is not null && List(list).Contains(code);

    /// <summary>True when <paramref name="code"/> is in the named code list, without making a string of it.</summary>
    public bool IsInList(string list, ReadOnlySpan<char> code) => List(list).GetAlternateLookup<ReadOnlySpan<char>>().Contains(code);

    public FrozenSet<string> List(string list) =>
        _lists.TryGetValue(list, out var codes)
            ? codes
            : throw new InvalidOperationException($"The {CollectionName} census data has no code list '{list}'.");

    /// <summary>The message for a collection year the product has no rules for, saying which it has and what to do.</summary>
    public static ArgumentException NoRulesFor(string collectionName)
    {
        var available = AvailableCollections().ToList();
        return new ArgumentException(
            $"Safeguard has no children in need census rules for {collectionName}; it has rules for {string.Join(", ", available)}. " +
            $"To check this file against those rules anyway, give --collection {available.LastOrDefault() ?? collectionName}.");
    }

    private static CinReferenceData Load(string collectionName)
    {
        var rulesText = ReadResource(collectionName, "rules.csv") ?? throw NoRulesFor(collectionName);
        var listsText = ReadResource(collectionName, "codelists.csv")
            ?? throw new InvalidOperationException($"The {collectionName} census data has rules but no codelists.csv.");

        var rules = new List<CinRuleDefinition>();
        foreach (var row in Csv.Parse(rulesText).Skip(1))
        {
            var severity = row[1].Trim() switch
            {
                "ERROR" => CinSeverity.Error,
                "QUERY" => CinSeverity.Query,
                var other => throw new InvalidOperationException($"Rule {row[0]} in the {collectionName} rules has severity '{other}'; expected ERROR or QUERY."),
            };
            rules.Add(new CinRuleDefinition(row[0].Trim(), severity, row[2].Trim()));
        }

        var lists = Csv.Parse(listsText).Skip(1)
            .GroupBy(row => row[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(row => row[1]).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
        return new CinReferenceData(collectionName, rules, lists);
    }

    private static string? ReadResource(string collectionName, string file)
    {
        var assembly = typeof(CinReferenceData).Assembly;
        var wanted = $"{ResourcePrefix}{collectionName}/{file}";
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.Replace('\\', '/') == wanted);
        if (name is null)
        {
            return null;
        }

        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

/// <summary>A small reader for the product's own CSV data files (RFC 4180 quoting).</summary>
internal static class Csv
{
    public static IEnumerable<string[]> Parse(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                if (fields.Count > 1 || fields[0].Length > 0)
                {
                    yield return [.. fields];
                }

                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return [.. fields];
        }
    }
}
