namespace Safeguard.Interchange.Cin.Rules;

/// <summary>A rule that looks at one child at a time: the same check whether the child came from a file or from records.</summary>
/// <param name="Code">The DfE rule code.</param>
/// <param name="Check">Reports through the context; must not keep the child.</param>
public sealed record CinChildRule(string Code, Action<CinChild, CinRuleContext> Check);

/// <summary>
/// A rule over the whole return (for example the reference date, or duplicate ids across children). A fresh
/// instance sees every child in turn and reports when the return is complete.
/// </summary>
public interface ICinReturnRule
{
    string Code { get; }

    void Observe(CinChild child, CinRuleContext context);

    void Complete(CinRuleContext context);
}

/// <summary>
/// The rules of one collection year: their definitions (code, severity, message) come from the year's embedded
/// rule list; each code has exactly one implementation. Building a set whose list and implementations
/// disagree fails at once, so a new year's list cannot silently leave a rule unchecked.
/// </summary>
public sealed class CinRuleSet
{
    private readonly IReadOnlyList<Func<ICinReturnRule>> _returnRules;
    private readonly CinRuleDefinition?[] _childRuleDefinitions;

    public CinRuleSet(CinReferenceData referenceData, IEnumerable<CinChildRule> childRules, IEnumerable<Func<ICinReturnRule>> returnRules)
    {
        ArgumentNullException.ThrowIfNull(referenceData);
        ReferenceData = referenceData;
        ChildRules = [.. childRules];
        _childRuleDefinitions = [.. ChildRules.Select(r => referenceData.RulesByCode.GetValueOrDefault(r.Code))];
        _returnRules = [.. returnRules];
        var implemented = ChildRules.Select(r => r.Code).Concat(_returnRules.Select(f => f().Code)).ToList();
        var duplicated = implemented.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var missing = referenceData.Rules.Select(r => r.Code).Except(implemented, StringComparer.Ordinal).ToList();
        var unknown = implemented.Except(referenceData.Rules.Select(r => r.Code), StringComparer.Ordinal).ToList();
        if (duplicated.Count > 0 || missing.Count > 0 || unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The {referenceData.CollectionName} census rules do not match their list: " +
                $"implemented twice [{string.Join(", ", duplicated)}], not implemented [{string.Join(", ", missing)}], not in the list [{string.Join(", ", unknown)}].");
        }
    }

    public CinReferenceData ReferenceData { get; }

    public IReadOnlyList<CinChildRule> ChildRules { get; }

    /// <summary>Fresh instances of the whole-return rules, for one validation run.</summary>
    public IReadOnlyList<ICinReturnRule> CreateReturnRules() => [.. _returnRules.Select(f => f())];

    /// <summary>Every rule code, in the order of the DfE list.</summary>
    public IEnumerable<string> Codes => ReferenceData.Rules.Select(r => r.Code);

    /// <summary>The rule set for a collection year such as 2024-25.</summary>
    /// <exception cref="ArgumentException">The product has no rules for that year.</exception>
    public static CinRuleSet For(string collectionName) => collectionName switch
    {
        "2024-25" => Rules2024To25.Create(),
        _ => throw CinReferenceData.NoRulesFor(collectionName),
    };

    /// <summary>Runs the single-child rules on one child (no whole-return rules).</summary>
    public void CheckChild(CinChild child, CinRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(context);
        for (var i = 0; i < _childRuleDefinitions.Length; i++)
        {
            context.Enter(_childRuleDefinitions[i]!, child);
            ChildRules[i].Check(child, context);
        }
    }

    internal void Enter(CinRuleContext context, string code, CinChild? child) => context.Enter(ReferenceData.RulesByCode[code], child);
}
