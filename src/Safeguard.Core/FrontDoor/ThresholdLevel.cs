using Safeguard.Common;

namespace Safeguard.FrontDoor;

/// <summary>
/// A level on the local continuum of need. The list is this area's own (Bury's 2019 arrangements use five,
/// other areas four): an administrator renames, adds and retires levels. A retired level stays on the
/// contacts that used it.
/// </summary>
public sealed class ThresholdLevel : Entity
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 1000;

    /// <summary>Its place on the scale, 1 the lowest need.</summary>
    public int Level { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The five levels of domain.md §2 (seed 004, "Thresholds").</summary>
    public static IReadOnlyList<(Guid Id, int Level, string Name, string Description)> Defaults { get; } =
    [
        (new Guid("0193a5b0-0000-7000-8000-000000000001"), 1, "Universal", "No identified additional needs: met by universal services such as health visiting or the GP"),
        (new Guid("0193a5b0-0000-7000-8000-000000000002"), 2, "Single-agency targeted support", "Additional needs met by targeted support from a single agency or practitioner"),
        (new Guid("0193a5b0-0000-7000-8000-000000000003"), 3, "Multi-agency early help (team around the family)", "Additional needs met by a multi-agency support package"),
        (new Guid("0193a5b0-0000-7000-8000-000000000004"), 4, "Child in need", "Significant needs that persist and have not been met by targeted support"),
        (new Guid("0193a5b0-0000-7000-8000-000000000005"), 5, "Safeguarding or looked after", "Complex and enduring needs at the highest level of vulnerability, met by specialist services led by social care"),
    ];
}
