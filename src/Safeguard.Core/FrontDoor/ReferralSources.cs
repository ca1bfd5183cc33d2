using Safeguard.Journey;

namespace Safeguard.FrontDoor;

/// <summary>The children in need census referral source codes (domain.md §4), named as everywhere else (<see cref="CensusCodes"/>).</summary>
public static class ReferralSources
{
    public static IReadOnlyList<(string Code, string Name)> All { get; } = [.. CensusCodes.ReferralSources.Select(s => (s.Key, s.Value))];

    public static bool IsCode(string? code) => code is not null && CensusCodes.ReferralSources.ContainsKey(code);

    /// <summary>The source as staff see it: "Health: GP (3A)".</summary>
    public static string Describe(string code) => CensusCodes.Describe(CensusCodes.ReferralSources, code);
}
