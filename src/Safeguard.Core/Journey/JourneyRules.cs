using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Interchange.Cin;
using Safeguard.Interchange.Cin.Rules;

namespace Safeguard.Journey;

/// <summary>
/// Keeps a child's journey consistent with the children in need census: a change is checked by projecting the
/// child before and after it and running the census's single-child rules on both. An ERROR the change brings
/// in refuses it (naming the rule and its message, beside the form's field); a QUERY it brings in is a warning.
/// Issues the record already had are not held against an unrelated change.
/// </summary>
public static class JourneyRules
{
    /// <summary>The collection year whose rules are applied.</summary>
    public const string RuleYear = "2024-25";

    /// <summary>
    /// Rules about the census period rather than the child's record: whether a date falls in the year being
    /// returned, or how long something was open at its end. A record kept all year round says nothing about
    /// them, so they are left to the census return (docs/childs-journey.md says why for each).
    /// </summary>
    public static IReadOnlySet<string> CensusPeriodRules { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "4013", "8520", "8530Q", "8540", "8545Q", "8569Q", "8620", "8670Q", "8675Q", "8696", "8715", "8736", "8740", "8770Q", "8775Q", "8930",
    };

    private static readonly Lazy<CinRuleSet> Rules = new(() => CinRuleSet.For(RuleYear));

    /// <summary>The single-child rules applied to records: the year's rules without the census-period ones.</summary>
    public static IEnumerable<CinChildRule> Applied => Rules.Value.ChildRules.Where(r => !CensusPeriodRules.Contains(r.Code));

    /// <summary>The issues the rules find in a projected child, for a record checked on <paramref name="today"/>.</summary>
    public static IReadOnlyList<CinIssue> Check(CinChild child, WorkingDayCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(child);
        var set = Rules.Value;
        var issues = new List<CinIssue>();
        var context = new CinRuleContext(CinCollection.Containing(today), calendar, set.ReferenceData, issues.Add);
        foreach (var rule in Applied)
        {
            set.Enter(context, rule.Code, child);
            rule.Check(child, context);
        }

        return issues;
    }

    /// <summary>The issues in <paramref name="after"/> that <paramref name="before"/> did not have (by rule and fields).</summary>
    public static IReadOnlyList<CinIssue> Introduced(IReadOnlyList<CinIssue> before, IReadOnlyList<CinIssue> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var remaining = before.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var introduced = new List<CinIssue>();
        foreach (var issue in after)
        {
            var key = Key(issue);
            if (remaining.TryGetValue(key, out var count) && count > 0)
            {
                remaining[key] = count - 1;
            }
            else
            {
                introduced.Add(issue);
            }
        }

        return introduced;
    }

    /// <summary>
    /// Refuses the change when it introduces an ERROR; returns the QUERY issues it introduces as warnings.
    /// <paramref name="fields"/> maps census fields to the form's fields; the first census field of an issue
    /// that the form has names the problem's field.
    /// </summary>
    /// <exception cref="SafeguardValidationException">The change introduces an ERROR.</exception>
    public static IReadOnlyList<string> Enforce(IReadOnlyList<CinIssue> introduced, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(introduced);
        ArgumentNullException.ThrowIfNull(fields);
        var errors = introduced.Where(i => i.Severity == CinSeverity.Error)
            .Select(i => new ValidationProblem(i.Fields.Select(f => fields.GetValueOrDefault(f)).FirstOrDefault(f => f is not null) ?? "", Describe(i)))
            .DistinctBy(p => p.Message)
            .ToList();
        if (errors.Count > 0)
        {
            throw new SafeguardValidationException(errors);
        }

        return [.. introduced.Where(i => i.Severity == CinSeverity.Query).Select(Describe).Distinct()];
    }

    /// <summary>How an issue is shown: the census rule code and its message.</summary>
    public static string Describe(CinIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return $"Census rule {issue.Rule}: {issue.Message.Trim()}";
    }

    private static string Key(CinIssue issue) => $"{issue.Rule}|{string.Join(',', issue.Fields)}";
}
