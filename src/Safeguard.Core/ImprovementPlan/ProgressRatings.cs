using System.Globalization;

namespace Safeguard.ImprovementPlan;

/// <summary>The rating key of the progress report: each rating's letter, colour and definition, in the plan's own words.</summary>
public static class ProgressRatings
{
    public sealed record Definition(ProgressRating Rating, string Letter, string Colour, string Hex, string Meaning);

    /// <summary>In the order the progress report's key gives them.</summary>
    public static IReadOnlyList<Definition> Key { get; } =
    [
        new(ProgressRating.MajorIssues, "R", "Red", "D4351C", "Major issues identified which may prevent priority outputs being delivered as expected"),
        new(ProgressRating.IssuesMayDelay, "A", "Amber", "F47738", "Issues identified which may delay the progress and require action but do not threaten overall delivery"),
        new(ProgressRating.OnTrack, "G", "Green", "00703C", "On track to deliver the programme/work stream/output as expected"),
        new(ProgressRating.Finished, "B", "Blue", "1D70B8", "Finished – work stream or output successfully completed"),
        new(ProgressRating.NotStarted, "NS", "Grey", "B1B4B6", "Not started"),
    ];

    public static Definition Of(ProgressRating rating) => Key.First(d => d.Rating == rating);

    /// <summary>"Amber" or "Not started": the short name shown in tags and tables.</summary>
    public static string Name(ProgressRating rating) => rating == ProgressRating.NotStarted ? "Not started" : Of(rating).Colour;

    /// <summary>Reads a rating by its enum name, colour or letter ("Amber", "A", "IssuesMayDelay").</summary>
    public static ProgressRating? Parse(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }

        if (Enum.TryParse<ProgressRating>(t, ignoreCase: true, out var named) && Enum.IsDefined(named) && !int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return named;
        }

        return Key.FirstOrDefault(d => string.Equals(d.Colour, t, StringComparison.OrdinalIgnoreCase) || string.Equals(d.Letter, t, StringComparison.OrdinalIgnoreCase) || string.Equals(d.Meaning, t, StringComparison.OrdinalIgnoreCase))?.Rating;
    }
}
