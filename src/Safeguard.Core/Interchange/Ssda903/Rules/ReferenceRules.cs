using System.Runtime.InteropServices;
using static Safeguard.Interchange.Ssda903.Rules.Ages;

namespace Safeguard.Interchange.Ssda903.Rules;

/// <summary>
/// Rules on what DfE derives from the postcodes and the URN: the distance from home to placement (PL_DISTANCE),
/// the placement's local authority (PL_LA) and whether that is the returning authority (PL_LOCATION), and what
/// Ofsted's register says of the provider. Safeguard derives them the same way from the reference data given
/// (<see cref="Ssda903ReferenceData"/>); the rules that need it are not run without it. The distance is not
/// derived for short breaks (V3, V4) nor for a child who is or was an unaccompanied asylum seeker.
/// </summary>
internal static class ReferenceRules
{
    private const Ssda903Table E = Ssda903Table.Episodes;

    private static readonly string[] OutsideEngland = ["WAL", "SCO", "NIR", "NUK"];

    private static bool InYear(Ssda903Episode e, Ssda903RuleContext x) => e.Decom.Value <= x.End && (e.Dec.Value is not { } dec || dec >= x.Start);

    /// <summary>An episode for which DfE derives a distance: in the year, not a short break, the child not UASC.</summary>
    private static bool DistanceExpected(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) => InYear(e, x) && !EpisodeRules.IsRespite(e) && c.Uasc.Count == 0;

    private static double? Distance(Ssda903Episode e, Ssda903ReferenceData r) =>
        r.Postcode(e.HomePost) is { } home && r.Postcode(e.PlPost) is { } placed && !double.IsNaN(home.X + home.Y + placed.X + placed.Y) && home.LatLong == placed.LatLong
            ? Ssda903ReferenceData.Miles(home, placed)
            : null;

    private static string? PlacementLa(Ssda903Episode e, Ssda903ReferenceData r) => r.Postcode(e.PlPost)?.LocalAuthority;

    private static string? Location(Ssda903Episode e, Ssda903ReferenceData r) => PlacementLa(e, r) is { } la ? (la == r.LocalAuthority ? "IN" : "OUT") : null;

    // 164: both postcodes given but no distance can be derived (a postcode not in the lookup, or with no grid reference).
    public static bool DistanceNotDerivable(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) =>
        DistanceExpected(e, c, x) && e.HomePost is not null && e.PlPost is not null && Distance(e, x.Reference) is null;

    // 392a: one of the two postcodes blank, so no distance (neither given is 392b's); not for placements that have no placement postcode (Z1, temporary).
    public static bool NoDistance(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) =>
        DistanceExpected(e, c, x) && !EpisodeRules.NoProviderNeeded(e) && (e.HomePost is null) != (e.PlPost is null);

    // 392c: a postcode the lookup does not have.
    public static bool PostcodeNotKnown(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) =>
        (e.HomePost is not null && x.Reference.Postcode(e.HomePost) is null) || (e.PlPost is not null && x.Reference.Postcode(e.PlPost) is null);

    // 169: no placement local authority: the placement postcode blank (where a placement has one) or not in the lookup.
    public static bool PlacementLaMissing(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) =>
        InYear(e, x) && !EpisodeRules.IsRespite(e) && !EpisodeRules.NoProviderNeeded(e) && e.Place is not null && PlacementLa(e, x.Reference) is null;

    // 179: a placement postcode whose location (in or out of the returning authority) cannot be derived.
    public static bool LocationNotDerivable(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) => e.PlPost is not null && Location(e, x.Reference) is null;

    // 411: the location given in the file (PL_LOCATION) disagrees with the placement's authority: IN where the authority
    // is not the returning one, OUT where it is. The authority is the file's PL_LA when given (a DfE or ONS code), else
    // the one the postcode lookup gives for PL_POST; nothing to compare when the file has no PL_LOCATION.
    public static bool LocationDisagrees(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x)
    {
        if (e.PlLocation is not ("IN" or "OUT") || (e.PlLa is { } given ? OnsCode(given) : PlacementLa(e, x.Reference)) is not { } la)
        {
            return false;
        }

        return (la == x.Reference.LocalAuthority) != (e.PlLocation == "IN");
    }

    private static string OnsCode(string code)
    {
        var trimmed = code.Trim().ToUpperInvariant();
        return Ssda903ReferenceData.LocalAuthorities.TryGetValue(trimmed, out var la) ? la.Ons : trimmed;
    }

    // 398: postcodes (from which the distance is derived) for a short break (V3, V4).
    public static bool PostcodesForShortBreak(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) => EpisodeRules.IsRespite(e) && (e.HomePost is not null || e.PlPost is not null);

    // 420: a placement postcode (from which PL_LA is derived) for a short break (V3, V4).
    public static bool PlacementPostcodeForShortBreak(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) => EpisodeRules.IsRespite(e) && e.PlPost is not null;

    // 406: both postcodes (so a distance) for a child who is or was an unaccompanied asylum seeker (in the UASC table).
    public static bool DistanceForUasc(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) => c.Uasc.Count > 0 && InYear(e, x) && e.HomePost is not null && e.PlPost is not null;

    // 1015: own provision (PR1) placed outside the returning authority.
    public static bool OwnProvisionOutside(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) => e.PlaceProvider == "PR1" && PlacementLa(e, x.Reference) is { } la && la != x.Reference.LocalAuthority;

    private static Ssda903Episode? OpenLastYear(Ssda903Child child) =>
        child.EpisodesLast.Count > 0 && child.EpisodesLast[^1] is { Dec.Given: false } open ? open : null;

    /// <summary>
    /// 452, 453 (last year's open episode against this year's first) and 503G, 503H, 503J (the same, when they are the
    /// same episode, starting the same day): a derived value that differs, where both can be derived.
    /// </summary>
    public static Action<Ssda903Child, Ssda903RuleContext> LastYearDiffers(Func<Ssda903Episode, Ssda903ReferenceData, object?> derive, bool sameEpisode, string field) => (child, context) =>
    {
        if (OpenLastYear(child) is { } open && child.Episodes.Count > 0 && child.Episodes[0] is var first && (!sameEpisode || first.Decom.Value == open.Decom.Value)
            && derive(open, context.Reference) is { } before && derive(first, context.Reference) is { } now && !Equals(before, now))
        {
            context.Report(E, first, field);
        }
    };

    public static object? DistanceOf(Ssda903Episode e, Ssda903ReferenceData r) => Distance(e, r);

    public static object? PlacementLaOf(Ssda903Episode e, Ssda903ReferenceData r) => PlacementLa(e, r);

    public static object? LocationOf(Ssda903Episode e, Ssda903ReferenceData r) => Location(e, r);

    /// <summary>A rule over each episode with a URN that Ofsted's register has.</summary>
    public static Action<Ssda903Child, Ssda903RuleContext> Registered(Func<Ssda903Episode, Ssda903Provider, Ssda903RuleContext, bool> fires, params string[] fields) => (child, context) =>
    {
        foreach (var e in CollectionsMarshal.AsSpan(child.Episodes))
        {
            if (e.Urn is { } urn && context.Reference.Providers is { } providers && providers.TryGetValue(urn, out var provider) && fires(e, provider, context))
            {
                context.Report(E, e, fields);
            }
        }
    };

    // 1008: a URN (other than XXXXXXX for a provider with none) that is not in Ofsted's register.
    public static bool UrnNotRegistered(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) =>
        e.Urn is { } urn && urn != PlacementRules.NoUrnYet && x.Reference.Providers is { } providers && !providers.ContainsKey(urn);

    // 219: the register's placement types for the provider do not include the episode's.
    public static bool PlaceNotProvided(Ssda903Episode e, Ssda903Provider p, Ssda903RuleContext x) => p.Places is { } places && e.Place is not null && !places.Contains(e.Place);

    // 221: the placement postcode is not the provider's.
    public static bool PostcodeNotProviders(Ssda903Episode e, Ssda903Provider p, Ssda903RuleContext x) =>
        p.Postcode is { } postcode && e.PlPost is { } placed && Ssda903ReferenceData.NormalPostcode(postcode) != Ssda903ReferenceData.NormalPostcode(placed);

    // 224: the register's placement provider codes for the provider do not include the episode's.
    public static bool ProviderCodeNotProviders(Ssda903Episode e, Ssda903Provider p, Ssda903RuleContext x) =>
        p.Providers is { } codes && e.PlaceProvider is not null && !codes.Contains(e.PlaceProvider);

    // 227: the provider was registered after the episode started.
    public static bool NotRegisteredAtStart(Ssda903Episode e, Ssda903Provider p, Ssda903RuleContext x) => p.Registered is { } from && e.Decom.Value < from;

    // 228: the provider closed before the episode ended (an open episode counted to 31 March, as DfE's note says).
    public static bool ClosedBeforeEnd(Ssda903Episode e, Ssda903Provider p, Ssda903RuleContext x) => p.Closed is { } closed && (e.Dec.Value ?? x.End) > closed;

    // 229: own provision (PR1) at a provider in another authority, or another authority's provision (PR2) at one in the returning authority.
    public static bool ProviderLaDisagrees(Ssda903Episode e, Ssda903Provider p, Ssda903RuleContext x)
    {
        var la = p.LocalAuthority ?? x.Reference.Postcode(p.Postcode)?.LocalAuthority;
        return la is not null && ((e.PlaceProvider == "PR1" && la != x.Reference.LocalAuthority) || (e.PlaceProvider == "PR2" && la == x.Reference.LocalAuthority));
    }

    // 633: LA_PERM is a DfE local authority code, or WAL, SCO, NIR or NUK for an order made outside England.
    public static bool LaPermInvalid(Ssda903PrevPerm p) =>
        p.LaPerm is { } code && !Ssda903ReferenceData.LocalAuthorities.ContainsKey(code) && !In(code.ToUpperInvariant(), OutsideEngland);
}
