using System.Collections.Frozen;
using Safeguard.Interchange.Cin;

namespace Safeguard.People;

/// <summary>
/// The codes a person's sex, ethnicity and disabilities are recorded with: the children in need census code
/// lists of the newest collection year the product carries, so the person index and the census return agree.
/// The labels are for display only; which codes exist is decided by the census data.
/// </summary>
public static class PersonCodes
{
    private static readonly (string Code, string Label)[] LabelList =
    [
        ("M", "Male"), ("F", "Female"), ("U", "Not known"),
        ("WBRI", "White British"), ("WIRI", "White Irish"), ("WIRT", "Traveller of Irish heritage"), ("WOTH", "Any other White background"),
        ("WROM", "Gypsy or Roma"), ("MWBC", "White and Black Caribbean"), ("MWBA", "White and Black African"), ("MWAS", "White and Asian"),
        ("MOTH", "Any other mixed background"), ("AIND", "Indian"), ("APKN", "Pakistani"), ("ABAN", "Bangladeshi"), ("AOTH", "Any other Asian background"),
        ("BCRB", "Black Caribbean"), ("BAFR", "Black African"), ("BOTH", "Any other Black background"), ("CHNE", "Chinese"),
        ("OOTH", "Any other ethnic group"), ("REFU", "Refused"), ("NOBT", "Information not yet obtained"),
        ("NONE", "No disability"), ("MOB", "Mobility"), ("HAND", "Hand function"), ("PC", "Personal care"), ("INC", "Incontinence"),
        ("COMM", "Communication"), ("LD", "Learning"), ("HEAR", "Hearing"), ("VIS", "Vision"), ("BEH", "Behaviour"),
        ("CON", "Consciousness"), ("AUT", "Autism or Asperger syndrome"), ("DDA", "Other disability"),
    ];

    private static readonly FrozenDictionary<string, string> Labels = LabelList.ToFrozenDictionary(l => l.Code, l => l.Label, StringComparer.Ordinal);

    private static CinReferenceData Census => CinReferenceData.For(CinReferenceData.AvailableCollections()[^1]);

    public static IReadOnlyList<string> Sexes => Ordered("sex");

    public static IReadOnlyList<string> Ethnicities => Ordered("ethnicity");

    public static IReadOnlyList<string> DisabilityCodes => Ordered("disability");

    public static bool IsSex(string? code) => Census.IsInList("sex", code);

    public static bool IsEthnicity(string? code) => Census.IsInList("ethnicity", code);

    public static bool IsDisability(string? code) => Census.IsInList("disability", code);

    /// <summary>"White British (WBRI)"; a code without a label is shown as it is.</summary>
    public static string Describe(string? code) =>
        code is null ? "Not recorded" : Labels.TryGetValue(code, out var label) ? $"{label} ({code})" : code;

    public static string Label(string code) => Labels.TryGetValue(code, out var label) ? label : code;

    // The census list in the order the labels are listed (the order DfE publishes them).
    private static string[] Ordered(string list)
    {
        var codes = Census.List(list);
        return [.. LabelList.Select(l => l.Code).Where(codes.Contains).Concat(codes.Where(c => !Labels.ContainsKey(c)).Order(StringComparer.Ordinal))];
    }
}
