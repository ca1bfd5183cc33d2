namespace Safeguard.Interchange.Ssda903;

/// <summary>
/// A date as the return gives it: blank, a valid dd/mm/yyyy date, or something else (<see cref="Invalid"/>), which
/// the rule for the column reports ("... is not a valid date").
/// </summary>
public readonly record struct Ssda903Date(DateOnly? Value, bool Given)
{
    public static readonly Ssda903Date Blank = new(null, false);

    /// <summary>Written, but not a date.</summary>
    public bool Invalid => Given && Value is null;

    /// <summary>Blank or not a date.</summary>
    public bool Missing => Value is null;
}

/// <summary>A whole number as the return gives it: blank, a number, or something else (<see cref="Invalid"/>).</summary>
public readonly record struct Ssda903Number(int? Value, bool Given)
{
    public bool Invalid => Given && Value is null;
}

/// <summary>A row of any table: where it was read (file line, counted from the header row as line 1).</summary>
public abstract record Ssda903Row
{
    public required string Child { get; init; }

    public required int Line { get; init; }
}

public sealed record Ssda903Header : Ssda903Row
{
    public string? Sex { get; init; }

    public Ssda903Date Dob { get; init; }

    public string? Ethnic { get; init; }

    public string? Upn { get; init; }

    public string? Mother { get; init; }

    public Ssda903Date MotherChildDob { get; init; }

    /// <summary>The UASC flag of files that still carry it (null when the column is not in the file).</summary>
    public string? Uasc { get; init; }

    /// <summary>True when the file had a UASC column.</summary>
    public bool HasUascColumn { get; init; }
}

public sealed record Ssda903Episode : Ssda903Row
{
    public Ssda903Date Decom { get; init; }

    public string? Rne { get; init; }

    public string? Ls { get; init; }

    public string? Cin { get; init; }

    public string? Place { get; init; }

    public string? PlaceProvider { get; init; }

    public Ssda903Date Dec { get; init; }

    public string? Rec { get; init; }

    public string? ReasonPlaceChange { get; init; }

    public string? HomePost { get; init; }

    public string? PlPost { get; init; }

    public string? Urn { get; init; }

    /// <summary>The placement's local authority as the file gives it (a derived column, read when present).</summary>
    public string? PlLa { get; init; }

    /// <summary>IN or OUT of the returning authority as the file gives it (a derived column, read when present).</summary>
    public string? PlLocation { get; init; }

    /// <summary>True when the episode ended the period of care: a reason other than X1 (a new episode follows).</summary>
    public bool EndsCare => Rec is not null && Rec != "X1";
}

public sealed record Ssda903Review : Ssda903Row
{
    public Ssda903Date Dob { get; init; }

    public Ssda903Date Review { get; init; }

    public string? ReviewCode { get; init; }
}

public sealed record Ssda903Uasc : Ssda903Row
{
    public string? Sex { get; init; }

    public Ssda903Date Dob { get; init; }

    public Ssda903Date Duc { get; init; }
}

public sealed record Ssda903Oc2 : Ssda903Row
{
    public Ssda903Date Dob { get; init; }

    public Ssda903Number SdqScore { get; init; }

    public string? SdqReason { get; init; }

    public string? Convicted { get; init; }

    public string? HealthCheck { get; init; }

    public string? Immunisations { get; init; }

    public string? TeethCheck { get; init; }

    public string? HealthAssessment { get; init; }

    public string? SubstanceMisuse { get; init; }

    public string? InterventionReceived { get; init; }

    public string? InterventionOffered { get; init; }

    /// <summary>True when any of the items for children looked after for 12 months is completed.</summary>
    public bool AnyOutcome => Convicted is not null || HealthCheck is not null || Immunisations is not null || TeethCheck is not null || HealthAssessment is not null
        || SubstanceMisuse is not null || InterventionReceived is not null || InterventionOffered is not null;
}

public sealed record Ssda903Oc3 : Ssda903Row
{
    public Ssda903Date Dob { get; init; }

    public string? InTouch { get; init; }

    public string? Activity { get; init; }

    public string? Accommodation { get; init; }

    /// <summary>True when any of the care leaver items is completed.</summary>
    public bool AnyGiven => InTouch is not null || Activity is not null || Accommodation is not null;
}

public sealed record Ssda903Ad1 : Ssda903Row
{
    public Ssda903Date Dob { get; init; }

    public Ssda903Date DateInt { get; init; }

    public Ssda903Date DateMatch { get; init; }

    public string? FosterCare { get; init; }

    public string? NumberOfAdopters { get; init; }

    public string? SexOfAdopters { get; init; }

    public string? LegalStatusOfAdopters { get; init; }

    public bool AnyGiven => DateInt.Given || DateMatch.Given || FosterCare is not null || NumberOfAdopters is not null || SexOfAdopters is not null || LegalStatusOfAdopters is not null;
}

public sealed record Ssda903PlacedAdoption : Ssda903Row
{
    public Ssda903Date Dob { get; init; }

    public Ssda903Date DatePlaced { get; init; }

    public Ssda903Date DatePlacedCeased { get; init; }

    public string? ReasonPlacedCeased { get; init; }
}

public sealed record Ssda903PrevPerm : Ssda903Row
{
    public Ssda903Date Dob { get; init; }

    public string? PrevPerm { get; init; }

    public string? LaPerm { get; init; }

    public string? DatePerm { get; init; }
}

public sealed record Ssda903Missing : Ssda903Row
{
    public Ssda903Date Dob { get; init; }

    public string? MissingType { get; init; }

    public Ssda903Date Start { get; init; }

    public Ssda903Date End { get; init; }
}

public sealed record Ssda903SocialWorker : Ssda903Row
{
    public Ssda903Date Dob { get; init; }

    public string? SwId { get; init; }

    public Ssda903Date Decom { get; init; }

    public Ssda903Date Dec { get; init; }

    public string? Reason { get; init; }
}

/// <summary>
/// Everything the return (and last year's, where given) says about one child, table by table: the index the rules
/// work on, so that each rule looks at one child's rows and the whole run is linear in the return's size.
/// Episodes are kept in order of their start date (rows with no valid start date last, in file order).
/// </summary>
public sealed class Ssda903Child(string id)
{
    public string Id { get; } = id;

    public List<Ssda903Header> Headers { get; } = [];

    public List<Ssda903Episode> Episodes { get; } = [];

    public List<Ssda903Review> Reviews { get; } = [];

    public List<Ssda903Uasc> Uasc { get; } = [];

    public List<Ssda903Oc2> Oc2 { get; } = [];

    public List<Ssda903Oc3> Oc3 { get; } = [];

    public List<Ssda903Ad1> Ad1 { get; } = [];

    public List<Ssda903PlacedAdoption> PlacedAdoption { get; } = [];

    public List<Ssda903PrevPerm> PrevPerm { get; } = [];

    public List<Ssda903Missing> Missing { get; } = [];

    public List<Ssda903SocialWorker> SocialWorker { get; } = [];

    public List<Ssda903Header> HeadersLast { get; } = [];

    public List<Ssda903Episode> EpisodesLast { get; } = [];

    public List<Ssda903Uasc> UascLast { get; } = [];

    public List<Ssda903PlacedAdoption> PlacedAdoptionLast { get; } = [];

    public List<Ssda903Missing> MissingLast { get; } = [];

    public List<Ssda903SocialWorker> SocialWorkerLast { get; } = [];

    /// <summary>The child's (first) header row, or null when the child is in no header.</summary>
    public Ssda903Header? Header => Headers.Count > 0 ? Headers[0] : null;

    public Ssda903Header? HeaderLast => HeadersLast.Count > 0 ? HeadersLast[0] : null;

    /// <summary>The date of birth in the header, when valid.</summary>
    public DateOnly? Dob => Header?.Dob.Value;

    internal void SortEpisodes()
    {
        Sort(Episodes);
        Sort(EpisodesLast);
    }

    private static bool Before(Ssda903Episode a, Ssda903Episode b)
    {
        var x = a.Decom.Value ?? DateOnly.MaxValue;
        var y = b.Decom.Value ?? DateOnly.MaxValue;
        return x < y || (x == y && a.Line < b.Line);
    }

    private static void Sort(List<Ssda903Episode> episodes)
    {
        // By start date (blank last), then line (the episodes of a list come from one file, so no two are equal).
        if (episodes.Count > 16)
        {
            episodes.Sort(static (a, b) => Before(a, b) ? -1 : Before(b, a) ? 1 : 0);
            return;
        }

        // A child has a few episodes, mostly in order already: an insertion sort in place.
        for (var i = 1; i < episodes.Count; i++)
        {
            var episode = episodes[i];
            var j = i - 1;
            while (j >= 0 && Before(episode, episodes[j]))
            {
                episodes[j + 1] = episodes[j];
                j--;
            }

            episodes[j + 1] = episode;
        }
    }
}

/// <summary>A return as read: its children in order of first appearance, and which tables were given.</summary>
public sealed class Ssda903Return
{
    private readonly Dictionary<string, Ssda903Child> _children = new(StringComparer.Ordinal);
    private readonly List<Ssda903Child> _order = [];

    /// <summary>The tables read, with the file each came from.</summary>
    public Dictionary<Ssda903Table, string> Files { get; } = [];

    public IReadOnlyList<Ssda903Child> Children => _order;

    public bool Has(Ssda903Table table) => Files.ContainsKey(table);

    public Ssda903Child Child(string id)
    {
        if (!_children.TryGetValue(id, out var child))
        {
            child = new Ssda903Child(id);
            _children.Add(id, child);
            _order.Add(child);
        }

        return child;
    }

    internal void Complete()
    {
        foreach (var child in _order)
        {
            child.SortEpisodes();
        }
    }
}
