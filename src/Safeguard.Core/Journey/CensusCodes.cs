namespace Safeguard.Journey;

/// <summary>
/// The census code lists' display names: one label per code, used by every page, the chronology and the
/// exports, shown as "label (code)" wherever staff see a code (<see cref="Describe"/>), so "3A" reads
/// "Health: GP (3A)" on the front door, in casework and on the chronology alike.
/// </summary>
public static class CensusCodes
{
    public static readonly IReadOnlyDictionary<string, string> ReferralSources = new Dictionary<string, string>
    {
        ["1A"] = "Individual: family member, relative or carer",
        ["1B"] = "Individual: acquaintance",
        ["1C"] = "Individual: self",
        ["1D"] = "Individual: other",
        ["2A"] = "School",
        ["2B"] = "Education services",
        ["3A"] = "Health: GP",
        ["3B"] = "Health: health visitor",
        ["3C"] = "Health: school nurse",
        ["3D"] = "Health: other primary health services",
        ["3E"] = "Health: A&E",
        ["3F"] = "Health: other",
        ["4"] = "Housing",
        ["5A"] = "Local authority: social care",
        ["5B"] = "Local authority: other internal department",
        ["5C"] = "Local authority: another council",
        ["5D"] = "Local authority: early help",
        ["6"] = "Police",
        ["7"] = "Other legal agency",
        ["8"] = "Other",
        ["9"] = "Anonymous",
        ["10"] = "Unknown",
    };

    public static readonly IReadOnlyDictionary<string, string> PrimaryNeeds = new Dictionary<string, string>
    {
        ["N1"] = "Abuse or neglect",
        ["N2"] = "Child's disability or illness",
        ["N3"] = "Parental disability or illness",
        ["N4"] = "Family in acute stress",
        ["N5"] = "Family dysfunction",
        ["N6"] = "Socially unacceptable behaviour",
        ["N7"] = "Low income",
        ["N8"] = "Absent parenting",
        ["N9"] = "Cases other than children in need",
        ["N0"] = "Not stated",
    };

    public static readonly IReadOnlyDictionary<string, string> Categories = new Dictionary<string, string>
    {
        ["NEG"] = "Neglect",
        ["PHY"] = "Physical abuse",
        ["SAB"] = "Sexual abuse",
        ["EMO"] = "Emotional abuse",
        ["MUL"] = "Multiple",
    };

    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>
    {
        ["RC1"] = "Adopted",
        ["RC2"] = "Died",
        ["RC3"] = "Child arrangements order",
        ["RC4"] = "Special guardianship order",
        ["RC5"] = "Moved to another local authority",
        ["RC6"] = "Transferred to adult social care",
        ["RC7"] = "Services ceased for any other reason",
        ["RC8"] = "Case closed after assessment, no further action",
        ["RC9"] = "Case closed after assessment, referred to early help",
    };

    private static readonly Dictionary<string, string> FactorTopics = new()
    {
        ["1"] = "alcohol misuse",
        ["2"] = "drug misuse",
        ["3"] = "domestic abuse",
        ["4"] = "mental health",
        ["5"] = "learning disability",
        ["6"] = "physical disability or illness",
        ["7"] = "young carer",
        ["8"] = "private fostering",
        ["9"] = "unaccompanied asylum-seeking child",
        ["10"] = "going missing",
        ["11"] = "child sexual exploitation",
        ["12"] = "trafficking",
        ["13"] = "gangs",
        ["14"] = "socially unacceptable behaviour",
        ["15"] = "self-harm",
        ["16"] = "neglect",
        ["17"] = "emotional abuse",
        ["18"] = "physical abuse",
        ["19"] = "sexual abuse",
        ["20"] = "other",
        ["21"] = "no factors identified",
        ["22"] = "female genital mutilation",
        ["23"] = "abuse linked to faith or belief",
        ["24"] = "child criminal exploitation",
    };

    /// <summary>What an assessment factor code means: 3B is "domestic abuse (parent or carer)".</summary>
    public static string FactorLabel(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var number = code.TrimEnd('A', 'B', 'C', 'D', 'E', 'F');
        var who = code[number.Length..] switch
        {
            "A" => " (child)",
            "B" => " (parent or carer)",
            "C" => " (another person in the household)",
            "" => "",
            _ => " (" + code[number.Length..] + ")",
        };
        var topic = FactorTopics.GetValueOrDefault(number, "factor");
        return char.ToUpperInvariant(topic[0]) + topic[1..] + who;
    }

    /// <summary>A code as staff see it: its label and the code, like "Health: GP (3A)"; "Not recorded" for none.</summary>
    public static string Describe(IReadOnlyDictionary<string, string> codes, string? code)
    {
        ArgumentNullException.ThrowIfNull(codes);
        return code is null ? "Not recorded" : codes.TryGetValue(code, out var text) ? $"{text} ({code})" : code;
    }

    /// <summary>An assessment factor as staff see it: "Domestic abuse (parent or carer) (3B)".</summary>
    public static string DescribeFactor(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return $"{FactorLabel(code)} ({code})";
    }
}
