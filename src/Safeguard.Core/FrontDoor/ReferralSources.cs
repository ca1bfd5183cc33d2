namespace Safeguard.FrontDoor;

/// <summary>The children in need census referral source codes (domain.md §4).</summary>
public static class ReferralSources
{
    public static IReadOnlyList<(string Code, string Name)> All { get; } =
    [
        ("1A", "Family member, relative or carer"),
        ("1B", "Acquaintance"),
        ("1C", "Self"),
        ("1D", "Other individual"),
        ("2A", "School"),
        ("2B", "Other education service"),
        ("3A", "GP"),
        ("3B", "Health visitor"),
        ("3C", "School nurse"),
        ("3D", "Other primary health service"),
        ("3E", "A&E"),
        ("3F", "Other health service"),
        ("4", "Housing"),
        ("5A", "Social care"),
        ("5B", "Other internal department"),
        ("5C", "Another council"),
        ("5D", "Early help"),
        ("6", "Police"),
        ("7", "Other legal agency"),
        ("8", "Other"),
        ("9", "Anonymous"),
        ("10", "Unknown"),
    ];

    public static bool IsCode(string? code) => code is not null && All.Any(s => s.Code == code);

    public static string Describe(string code) => All.FirstOrDefault(s => s.Code == code).Name ?? code;
}
