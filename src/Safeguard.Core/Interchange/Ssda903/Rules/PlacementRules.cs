using System.Collections.Frozen;
using System.Runtime.InteropServices;
using static Safeguard.Interchange.Ssda903.Rules.Ages;

namespace Safeguard.Interchange.Ssda903.Rules;

/// <summary>
/// Episode rules that need more than one field or one episode: postcodes, the Ofsted URN and the reason for a
/// placement change by placement type, runs of episodes (temporary placements, the placement before
/// adoption), and the young person looked after past 18.
/// </summary>
internal static class PlacementRules
{
    private const Ssda903Table E = Ssda903Table.Episodes;

    /// <summary>Placements with no Ofsted-registered provider, for which DfE's 218 and 222 say the URN is not recorded.</summary>
    private static readonly FrozenSet<string> NoUrn =
        new[] { "H5", "P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The URN written for a provider that has none.</summary>
    public const string NoUrnYet = "XXXXXXX";

    private static bool InYear(Ssda903Episode e, Ssda903RuleContext x) => e.Decom.Value <= x.End && (e.Dec.Value is not { } dec || dec >= x.Start);

    // 392b: an episode in the year with neither postcode; not for respite (V3, V4) nor for a child in the UASC table.
    public static bool NoPostcodes(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) =>
        InYear(e, x) && e.HomePost is null && e.PlPost is null && !EpisodeRules.IsRespite(e) && c.Uasc.Count == 0;

    // 392d: the same home and placement postcode (spaces and case ignored) outside placement with parents (P1).
    public static bool SamePostcodes(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) =>
        e.HomePost is { } home && e.PlPost is { } placed && e.Place is not null and not "P1" && Normal(home) == Normal(placed);

    private static string Normal(string postcode) => postcode.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    // 218: an episode open on or after 1 April in a placement with an Ofsted-registered provider needs a URN (XXXXXXX where it has none);
    // not for a placement outside England (Ofsted registers English providers), which is known when a postcode lookup is given.
    public static bool UrnMissing(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) =>
        e.Place is not null && Ssda903Schema.Placement.Contains(e.Place) && !NoUrn.Contains(e.Place) && e.Urn is null && (e.Dec.Value is not { } dec || dec >= x.Start)
        && (x.Reference.Postcode(e.PlPost)?.LocalAuthority is not { } la || la.StartsWith('E'));

    // 222: a URN (other than XXXXXXX) for a placement with no Ofsted-registered provider.
    public static bool UrnNotExpected(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) => e.Place is not null && NoUrn.Contains(e.Place) && e.Urn is not null and not NoUrnYet;

    /// <summary>A rule over each episode and the next one that continues it (the next starts the day this one ends).</summary>
    private static Action<Ssda903Child, Ssda903RuleContext> EachContinued(Func<Ssda903Episode, Ssda903Episode, bool> fires, bool reportNext, params string[] fields) => (child, context) =>
    {
        var episodes = child.Episodes;
        for (var i = 0; i < episodes.Count - 1; i++)
        {
            if (episodes[i].Dec.Value is { } ended && episodes[i + 1].Decom.Value == ended && fires(episodes[i], episodes[i + 1]))
            {
                context.Report(E, reportNext ? episodes[i + 1] : episodes[i], fields);
            }
        }
    };

    // 225: a placement (not temporary) ended X1 and the next episode changes the placement (P, B, T, U) to one not temporary: the reason is needed.
    public static readonly Action<Ssda903Child, Ssda903RuleContext> PlaceChangeReasonMissing = EachContinued(
        (e, next) => e.Rec == "X1" && e.ReasonPlaceChange is null && !EpisodeRules.IsTemporary(e) && In(next.Rne, "P", "B", "T", "U") && !EpisodeRules.IsTemporary(next),
        false, "REASON_PLACE_CHANGE");

    // 226: no reason for a placement change into or out of a temporary placement: reported on the episode carrying the reason.
    public static void PlaceChangeReasonNotRequired(Ssda903Child child, Ssda903RuleContext context)
    {
        var episodes = child.Episodes;
        for (var i = 0; i < episodes.Count; i++)
        {
            var e = episodes[i];
            if (e.ReasonPlaceChange is not null && (EpisodeRules.IsTemporary(e) || (i + 1 < episodes.Count && EpisodeRules.IsTemporary(episodes[i + 1]))))
            {
                context.Report(E, e, "PLACE", "REASON_PLACE_CHANGE");
            }
        }
    }

    // 435: RNE P (placement and carer changed) or T (placement changed, same carer) says the placement changed and the legal status did not.
    public static readonly Action<Ssda903Child, Ssda903RuleContext> PlacementOnlyNotReflected = EachContinued(
        (previous, e) => e.Rne is "P" or "T" && (e.Ls != previous.Ls || !PlacementChanged(e, previous)), true, "LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "URN");

    // 436: RNE B (legal status, placement and carer changed) or U (legal status and placement, same carer) says both changed.
    public static readonly Action<Ssda903Child, Ssda903RuleContext> BothNotReflected = EachContinued(
        (previous, e) => e.Rne is "B" or "U" && (e.Ls == previous.Ls || !PlacementChanged(e, previous)), true, "LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "RNE", "URN");

    private static bool PlacementChanged(Ssda903Episode e, Ssda903Episode previous) =>
        e.Place != previous.Place || e.PlaceProvider != previous.PlaceProvider || e.PlPost != previous.PlPost || e.Urn != previous.Urn;

    // 383: a temporary placement between two episodes must be followed by the placement the child had before it.
    public static void TemporaryNotReturned(Ssda903Child child, Ssda903RuleContext context)
    {
        var episodes = child.Episodes;
        for (var i = 1; i < episodes.Count - 1; i++)
        {
            var (before, temporary, after) = (episodes[i - 1], episodes[i], episodes[i + 1]);
            if (EpisodeRules.IsTemporary(temporary) && !EpisodeRules.IsTemporary(after) && before.Dec.Value is { } ended && temporary.Decom.Value == ended
                && temporary.Dec.Value is { } back && after.Decom.Value == back && after.Rne != "S" && after.Place != before.Place)
            {
                context.Report(E, temporary, "PLACE");
            }
        }
    }

    // 377: a third temporary placement while the usual foster carers are on holiday (T3) within 12 months of the first of three.
    public static void TooManyHolidayPlacements(Ssda903Child child, Ssda903RuleContext context)
    {
        var starts = new List<(DateOnly Start, Ssda903Episode Episode)>();
        foreach (var e in CollectionsMarshal.AsSpan(child.Episodes))
        {
            if (e.Place == "T3" && e.Decom.Value is { } start)
            {
                starts.Add((start, e));
            }
        }

        for (var i = 2; i < starts.Count; i++)
        {
            if (starts[i].Start < starts[i - 2].Start.AddYears(1))
            {
                context.Report(E, starts[i].Episode, "PLACE");
            }
        }
    }

    // 359: an episode open at 31 March for a young person 18 before then must be accommodation under section 20(5) (V2) in a children's home (K2).
    public static bool OverEighteenNotV2K2(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) =>
        !e.Dec.Given && e.Decom.Value is not null && c.Dob is { } dob && dob.AddYears(18) < x.End && !(e.Ls == "V2" && e.Place == "K2");

    // 390: an episode ending in adoption (E11, E12) must be a placement for adoption (A3-A6).
    public static bool AdoptedNotPlacedForAdoption(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) =>
        In(e.Rec, "E11", "E12") && e.Place is not null && !AdoptionRules.IsPlacedForAdoption(e);

    // 408: placed for adoption under a placement order (A5, A6) needs the placement order's legal status (E1).
    public static bool PlacementOrderPlacementWithoutOrder(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) => In(e.Place, "A5", "A6") && e.Ls is not null and not "E1";

    // 451: a freeing order (D1) still in force at 31 March: the Act replaced freeing orders on 30 December 2005.
    public static bool StillFreed(Ssda903Episode e, Ssda903Child c, Ssda903RuleContext x) => e.Ls == "D1" && e.Decom.Value is not null && !e.Dec.Given;

    // 336: placed for adoption with the current foster carers (A3, A5) straight after a placement that was not foster care (U1-U6).
    public static readonly Action<Ssda903Child, Ssda903RuleContext> AdoptionByCarersNotAfterFostering = EachContinued(
        (previous, e) => In(e.Place, "A3", "A5") && e.Rne != "S" && previous.Place is not null && !previous.Place.StartsWith('U'), true, "PLACE");

    // 575: a missing period still open whose placement (the episode it started in) has ended.
    public static void MissingOpenAfterPlacementEnded(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var m in CollectionsMarshal.AsSpan(child.Missing))
        {
            if (m.End.Given || m.Start.Value is not { } start)
            {
                continue;
            }

            Ssda903Episode? placement = null;
            foreach (var e in CollectionsMarshal.AsSpan(child.Episodes))
            {
                if (e.Decom.Value is { } from && from <= start && (e.Dec.Value is not { } to || to > start))
                {
                    placement = e;
                }
            }

            if (placement is { Dec.Value: { } ended } && ended <= context.End)
            {
                context.Report(Ssda903Table.Missing, m, "MIS_END");
            }
        }
    }
}
