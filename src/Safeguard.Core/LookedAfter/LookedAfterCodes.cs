using System.Text.Json;

namespace Safeguard.LookedAfter;

/// <summary>One code of an SSDA903 code list and its display name.</summary>
public sealed record CodeName(string Code, string Name);

/// <summary>
/// The SSDA903 code lists of one collection year (reason for new episode, legal status, category of need, placement
/// type and provider, reason episode ceased, reason for placement change, review participation). The lists change by
/// collection year, so they are data (<c>LookedAfter/Data/ssda903-codes.json</c>), one set per year: a new year is a
/// new entry in the file, not a change of code.
/// </summary>
public sealed class LookedAfterCodes
{
    public const string ReasonForNewEpisode = "RNE";
    public const string LegalStatus = "LS";
    public const string CategoryOfNeed = "CIN";
    public const string PlacementType = "PLACE";
    public const string PlacementProvider = "PLACE_PROVIDER";
    public const string ReasonCeased = "REC";
    public const string ReasonPlacementChanged = "REASON_PLACE_CHANGE";
    public const string ReviewParticipation = "REVIEW_CODE";

    /// <summary>Reason ceased when the next episode follows on the same day.</summary>
    public const string NextEpisodeFollows = "X1";

    /// <summary>Reason for new episode when the child starts to be looked after.</summary>
    public const string Started = "S";

    private const string ResourceName = "Safeguard.LookedAfter.Data.ssda903-codes.json";

    private static readonly Lazy<IReadOnlyList<LookedAfterCodes>> Embedded = new(Load);

    private readonly Dictionary<string, IReadOnlyList<CodeName>> _lists;

    private LookedAfterCodes(string year, DateOnly from, Dictionary<string, IReadOnlyList<CodeName>> lists) => (Year, From, _lists) = (year, from, lists);

    /// <summary>The collection year, for example 2024-25.</summary>
    public string Year { get; }

    /// <summary>The first day the lists apply to (1 April of the collection year).</summary>
    public DateOnly From { get; }

    /// <summary>Every collection year carried, oldest first.</summary>
    public static IReadOnlyList<LookedAfterCodes> Collections => Embedded.Value;

    /// <summary>The lists in force on <paramref name="date"/>: the latest year starting on or before it (the earliest carried for older dates).</summary>
    public static LookedAfterCodes On(DateOnly date) => Collections.LastOrDefault(c => c.From <= date) ?? Collections[0];

    /// <summary>The codes of one list, in the guide's order.</summary>
    public IReadOnlyList<CodeName> List(string list) =>
        _lists.TryGetValue(list, out var codes) ? codes : throw new ArgumentException($"The {Year} SSDA903 code lists have no list '{list}'.", nameof(list));

    public bool IsValid(string list, string? code) => code is not null && List(list).Any(c => c.Code == code);

    /// <summary>The code with its display name ("C2: Full care order"); the bare code when the list does not know it.</summary>
    public string Describe(string list, string? code) =>
        code is null ? "" : List(list).FirstOrDefault(c => c.Code == code) is { } known ? $"{known.Code}: {known.Name}" : code;

    /// <summary>The display name alone.</summary>
    public string Name(string list, string? code) => code is null ? "" : List(list).FirstOrDefault(c => c.Code == code)?.Name ?? code;

    private static IReadOnlyList<LookedAfterCodes> Load()
    {
        using var stream = typeof(LookedAfterCodes).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The SSDA903 code lists '{ResourceName}' are missing from the build.");
        using var document = JsonDocument.Parse(stream);
        var collections = new List<LookedAfterCodes>();
        foreach (var collection in document.RootElement.GetProperty("collections").EnumerateArray())
        {
            var lists = new Dictionary<string, IReadOnlyList<CodeName>>(StringComparer.Ordinal);
            foreach (var list in collection.GetProperty("lists").EnumerateObject())
            {
                lists[list.Name] = [.. list.Value.EnumerateArray().Select(c => new CodeName(c.GetProperty("code").GetString()!, c.GetProperty("name").GetString()!))];
            }

            collections.Add(new LookedAfterCodes(collection.GetProperty("year").GetString()!, DateOnly.Parse(collection.GetProperty("from").GetString()!, System.Globalization.CultureInfo.InvariantCulture), lists));
        }

        return [.. collections.OrderBy(c => c.From)];
    }
}
