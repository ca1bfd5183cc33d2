using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text;
using Safeguard.Interchange.Cin;

namespace Safeguard.Interchange.Ssda903.Rules;

/// <summary>One DfE rule as the collection's published list gives it: code, message, affected fields and tables.</summary>
public sealed record Ssda903RuleDefinition(string Code, string Message, IReadOnlyList<string> Fields, IReadOnlyList<string> Tables);

/// <summary>A rule: its DfE code, its check over one child's rows (reporting through the context), and the reference data it needs.</summary>
public sealed record Ssda903Rule(string Code, Action<Ssda903Child, Ssda903RuleContext> Check, Ssda903Needs Needs = Ssda903Needs.None)
{
    /// <summary>Why the rule cannot run with the reference data given, or null when it can.</summary>
    public string? Unmet(Ssda903Needs given)
    {
        var missing = Needs & ~given;
        if (missing == Ssda903Needs.None)
        {
            return null;
        }

        var names = new List<string>();
        if (missing.HasFlag(Ssda903Needs.Postcodes))
        {
            names.Add("a postcode lookup");
        }

        if (missing.HasFlag(Ssda903Needs.Providers))
        {
            names.Add("Ofsted's provider register");
        }

        if (missing.HasFlag(Ssda903Needs.LocalAuthority))
        {
            names.Add("the returning local authority");
        }

        return $"needs reference data: {string.Join(" and ", names)}";
    }
}

/// <summary>
/// The rules of one collection year: the DfE list (embedded from <c>Interchange/Ssda903/Data/&lt;yyyy-yy&gt;/rules.csv</c>,
/// a copy of DfE's validation-rules CSV) and the product's implementations, at most one per code. Codes in the
/// list with no implementation are reported as not checked; an implementation whose code is not in the list, or
/// two for one code, fails at once.
/// </summary>
public sealed class Ssda903RuleSet
{
    private const string ResourcePrefix = "Safeguard.Interchange.Ssda903.Data.";
    private static readonly ConcurrentDictionary<string, IReadOnlyList<Ssda903RuleDefinition>> Lists = new();

    public Ssda903RuleSet(string collectionName, IReadOnlyList<Ssda903RuleDefinition> definitions, IEnumerable<Ssda903Rule> rules)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        CollectionName = collectionName;
        Definitions = definitions;
        DefinitionsByCode = definitions.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);
        Rules = [.. rules];
        var duplicated = Rules.GroupBy(r => r.Code, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var unknown = Rules.Select(r => r.Code).Where(c => !DefinitionsByCode.ContainsKey(c)).ToList();
        if (duplicated.Count > 0 || unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The {collectionName} SSDA903 rules do not match their list: implemented twice [{string.Join(", ", duplicated)}], not in the list [{string.Join(", ", unknown)}].");
        }

        var implemented = Rules.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        NotImplemented = [.. definitions.Where(d => !implemented.Contains(d.Code))];
    }

    public string CollectionName { get; }

    /// <summary>DfE's rules, in the order of the list.</summary>
    public IReadOnlyList<Ssda903RuleDefinition> Definitions { get; }

    public FrozenDictionary<string, Ssda903RuleDefinition> DefinitionsByCode { get; }

    /// <summary>The implemented rules.</summary>
    public IReadOnlyList<Ssda903Rule> Rules { get; }

    /// <summary>The rules of the list the product does not check yet.</summary>
    public IReadOnlyList<Ssda903RuleDefinition> NotImplemented { get; }

    /// <summary>The collection years the product has a rule list for.</summary>
    public static IReadOnlyList<string> AvailableCollections() =>
        [.. typeof(Ssda903RuleSet).Assembly.GetManifestResourceNames()
            .Select(n => n.Replace('\\', '/'))
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith("/rules.csv", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^"/rules.csv".Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>The rule set of a collection year such as 2024-25.</summary>
    /// <exception cref="ArgumentException">The product has no rules for that year.</exception>
    public static Ssda903RuleSet For(string collectionName) => collectionName switch
    {
        Rules2024To25.CollectionName => Rules2024To25.Create(),
        _ => throw new ArgumentException(
            $"Safeguard has no SSDA903 rules for {collectionName}; it has rules for {string.Join(", ", AvailableCollections())}."),
    };

    /// <summary>The DfE rule list of a collection year, from the embedded copy.</summary>
    public static IReadOnlyList<Ssda903RuleDefinition> LoadDefinitions(string collectionName) => Lists.GetOrAdd(collectionName, static name =>
    {
        var assembly = typeof(Ssda903RuleSet).Assembly;
        var wanted = $"{ResourcePrefix}{name}/rules.csv";
        var resource = assembly.GetManifestResourceNames().FirstOrDefault(n => n.Replace('\\', '/') == wanted)
            ?? throw new ArgumentException($"Safeguard has no SSDA903 rule list for {name}.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return [.. Csv.Parse(reader.ReadToEnd()).Skip(1).Select(row => new Ssda903RuleDefinition(row[0].Trim(), row[1].Trim(), PythonList(row[2]), PythonList(row[3])))];
    });

    /// <summary>DfE's lists are written as Python lists: ['DEC', 'REC'].</summary>
    private static string[] PythonList(string text) =>
        [.. text.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.Trim('\'', '"'))];
}

/// <summary>
/// What a rule sees besides the child: the collection year and where it reports. A rule calls <see cref="Report"/>
/// with the row and the fields; code and message come from the DfE list.
/// </summary>
public sealed class Ssda903RuleContext
{
    private readonly Action<Ssda903Issue> _sink;
    private readonly bool[] _has;
    private Ssda903RuleDefinition[] _definitions = [];
    private int _rule;
    private string? _child;
    private Ssda903Child? _oc2FactsChild;
    private OutcomeRules.Oc2Facts[] _oc2Facts = [];

    public Ssda903RuleContext(CinCollection collection, Ssda903Return data, Action<Ssda903Issue> sink, Ssda903ReferenceData? reference = null)
    {
        Reference = reference ?? Ssda903ReferenceData.None;
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(sink);
        Collection = collection;
        Return = data;
        _sink = sink;
        _has = new bool[Enum.GetValues<Ssda903Table>().Max(t => (int)t) + 1];
        foreach (var table in data.Files.Keys)
        {
            _has[(int)table] = true;
        }
    }

    public CinCollection Collection { get; }

    /// <summary>The return as read: which tables were given.</summary>
    public Ssda903Return Return { get; }

    /// <summary>The reference data given (postcodes, providers, the returning authority); a rule runs only when what it needs is here.</summary>
    public Ssda903ReferenceData Reference { get; }

    /// <summary>1 April: the first day of the collection year.</summary>
    public DateOnly Start => Collection.Start;

    /// <summary>31 March: the last day of the collection year.</summary>
    public DateOnly End => Collection.ReferenceDate;

    public bool Has(Ssda903Table table) => _has[(int)table];

    /// <summary>Reports the current rule against a row of the current child.</summary>
    public void Report(Ssda903Table table, Ssda903Row row, params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(row);
        var rule = _definitions[_rule];
        _sink(new Ssda903Issue(rule.Code, rule.Message, Ssda903Schema.Table(table).Name, Return.Files.GetValueOrDefault(table), row.Line, _child, fields));
    }

    /// <summary>The rules to be run, in order: <see cref="Rule"/> names one of them by its place.</summary>
    internal void Use(Ssda903RuleDefinition[] definitions) => _definitions = definitions;

    /// <summary>The place in the <see cref="Use">rules</see> of the rule now running (a number, not a reference: it is set for every rule and child).</summary>
    internal int Rule
    {
        set => _rule = value;
    }

    /// <summary>The child the rules now run on.</summary>
    internal void Enter(Ssda903Child child)
    {
        _child = child.Id;
        if (!ReferenceEquals(child, _oc2FactsChild))
        {
            _oc2FactsChild = null;
        }
    }

    /// <summary>The current child's OC2 facts (ages, whether in the 12-month cohort), worked out once for all the OC2 rules.</summary>
    internal OutcomeRules.Oc2Facts[] Oc2FactsOf(Ssda903Child child)
    {
        if (!ReferenceEquals(child, _oc2FactsChild))
        {
            _oc2Facts = OutcomeRules.FactsOf(child, this);
            _oc2FactsChild = child;
        }

        return _oc2Facts;
    }
}
