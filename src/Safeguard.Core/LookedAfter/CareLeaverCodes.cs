using Safeguard.Interchange.Ssda903;

namespace Safeguard.LookedAfter;

/// <summary>
/// The OC3 code lists (in touch, activity, accommodation): the codes are the SSDA903 schema's
/// (<see cref="Ssda903Schema.InTouch"/>, <see cref="Ssda903Schema.Activity"/>, <see cref="Ssda903Schema.Accommodation"/>);
/// this gives them the DfE guide's names, in the schema's order.
/// </summary>
public static class CareLeaverCodes
{
    public const string InTouchYes = "YES";
    public const string NotInTouch = "0";

    private static readonly Dictionary<string, string> InTouchNames = new(StringComparer.Ordinal)
    {
        ["YES"] = "In touch",
        ["NO"] = "Not in touch",
        ["DIED"] = "Died",
        ["REFU"] = "Refuses contact",
        ["NREQ"] = "No longer required to be in touch",
        ["RHOM"] = "Returned home to parents for 6 months or more",
    };

    private static readonly Dictionary<string, string> ActivityNames = new(StringComparer.Ordinal)
    {
        ["F1"] = "Full-time higher education",
        ["P1"] = "Part-time higher education",
        ["F2"] = "Full-time education other than higher education",
        ["P2"] = "Part-time education other than higher education",
        ["F4"] = "Full-time training or employment",
        ["P4"] = "Part-time training or employment",
        ["F5"] = "Full-time apprenticeship",
        ["P5"] = "Part-time apprenticeship",
        ["G4"] = "Not in education, employment or training: illness or disability",
        ["G5"] = "Not in education, employment or training: other reasons",
        ["G6"] = "Not in education, employment or training: pregnancy or parenting",
        ["0"] = "Not in touch (no information)",
    };

    private static readonly Dictionary<char, string> AccommodationKinds = new()
    {
        ['B'] = "With parents or relatives",
        ['C'] = "Community home or other residential care",
        ['D'] = "Semi-independent, transitional accommodation",
        ['E'] = "Supported lodgings",
        ['G'] = "Gone abroad",
        ['H'] = "Deported",
        ['K'] = "Ordinary lodgings, without formal support",
        ['R'] = "Residence not known",
        ['S'] = "No fixed abode or homeless",
        ['T'] = "Foyers and foyer-like supported accommodation",
        ['U'] = "Independent living",
        ['V'] = "Emergency accommodation",
        ['W'] = "Bed and breakfast",
        ['X'] = "In custody",
        ['Y'] = "Other accommodation",
        ['Z'] = "With former foster carers",
    };

    /// <summary>The schema's IN_TOUCH codes, in the guide's order (any the guide does not name come last, named by their code).</summary>
    public static IReadOnlyList<CodeName> InTouch => Named(Ssda903Schema.InTouch, InTouchNames.Keys, InTouchName);

    /// <summary>The schema's ACTIV codes, in the guide's order.</summary>
    public static IReadOnlyList<CodeName> Activity => Named(Ssda903Schema.Activity, ActivityNames.Keys, ActivityName);

    /// <summary>The schema's ACCOM codes, alphabetical with 0 last.</summary>
    public static IReadOnlyList<CodeName> Accommodation =>
        [.. Ssda903Schema.Accommodation.OrderBy(c => c == NotInTouch).ThenBy(c => c, StringComparer.Ordinal).Select(c => new CodeName(c, AccommodationName(c)))];

    private static List<CodeName> Named(System.Collections.Frozen.FrozenSet<string> codes, IEnumerable<string> guideOrder, Func<string, string> name)
    {
        var order = guideOrder.ToList();
        return [.. codes.OrderBy(c => order.IndexOf(c) is var i && i < 0 ? int.MaxValue : i).ThenBy(c => c, StringComparer.Ordinal).Select(c => new CodeName(c, name(c)))];
    }

    public static string InTouchName(string? code) => code is not null && InTouchNames.TryGetValue(code, out var n) ? n : code ?? "";

    public static string ActivityName(string? code) => code is not null && ActivityNames.TryGetValue(code, out var n) ? n : code ?? "";

    /// <summary>The accommodation's kind, and whether it is suitable (1) or not (2).</summary>
    public static string AccommodationName(string? code) => code switch
    {
        null => "",
        "0" => "Not in touch (no information)",
        { Length: 2 } when AccommodationKinds.TryGetValue(code[0], out var kind) => $"{kind}: {(code[1] == '1' ? "suitable" : "not suitable")}",
        _ => code,
    };

    /// <summary>Code and name ("U1: Independent living: suitable").</summary>
    public static string Describe(IReadOnlyList<CodeName> list, string? code) =>
        code is null ? "" : list.FirstOrDefault(c => c.Code == code) is { } known ? $"{known.Code}: {known.Name}" : code;
}
