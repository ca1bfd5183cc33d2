using Safeguard.Common;

namespace Safeguard.LookedAfter;

/// <summary>What the looked-after services do with what a form or a return gives them, shared by each (<c>using static</c>).</summary>
internal static class RecordInput
{
    /// <summary>Refuses the change with every problem found, naming each field; nothing when there is none.</summary>
    public static void Throw(List<ValidationProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }
    }

    /// <summary>The value trimmed, or null when blank.</summary>
    public static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A name cut to the length an episode keeps.</summary>
    public static string Fit(string text) => text.Length <= CareEpisode.MaxNameLength ? text : text[..CareEpisode.MaxNameLength];
}
