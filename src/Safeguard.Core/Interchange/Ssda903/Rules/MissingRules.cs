using System.Runtime.InteropServices;

namespace Safeguard.Interchange.Ssda903.Rules;

/// <summary>Rules on periods missing or away from placement without authorisation.</summary>
internal static class MissingRules
{
    private const Ssda903Table M = Ssda903Table.Missing;

    public static Action<Ssda903Child, Ssda903RuleContext> Each(Func<Ssda903Missing, Ssda903Child, Ssda903RuleContext, bool> fires, params string[] fields) =>
        (child, context) =>
        {
            foreach (var row in CollectionsMarshal.AsSpan(child.Missing))
            {
                if (fires(row, child, context))
                {
                    context.Report(M, row, fields);
                }
            }
        };

    public static bool StartInvalid(Ssda903Missing r, Ssda903Child c, Ssda903RuleContext x) => r.Start.Invalid;

    public static bool EndInvalid(Ssda903Missing r, Ssda903Child c, Ssda903RuleContext x) => r.End.Invalid;

    public static bool TypeInvalid(Ssda903Missing r, Ssda903Child c, Ssda903RuleContext x) => r.MissingType is not null && !Ssda903Schema.MissingType.Contains(r.MissingType);

    public static bool TypeWithoutStart(Ssda903Missing r, Ssda903Child c, Ssda903RuleContext x) => r.MissingType is not null && !r.Start.Given;

    public static bool StartWithoutType(Ssda903Missing r, Ssda903Child c, Ssda903RuleContext x) => r.Start.Given && r.MissingType is null;

    public static bool EndWithoutType(Ssda903Missing r, Ssda903Child c, Ssda903RuleContext x) => r.End.Given && r.MissingType is null;

    public static bool EndBeforeStart(Ssda903Missing r, Ssda903Child c, Ssda903RuleContext x) => r.Start.Value is { } s && r.End.Value < s;

    public static bool StartAfterYear(Ssda903Missing r, Ssda903Child c, Ssda903RuleContext x) => r.Start.Value > x.End;

    public static bool EndOutsideYear(Ssda903Missing r, Ssda903Child c, Ssda903RuleContext x) => r.End.Value is { } e && !x.Collection.Contains(e);

    public static bool BeforeBirth(Ssda903Missing r, Ssda903Child c, Ssda903RuleContext x) => r.Start.Value is { } s && Ages.Dob(c, r.Dob) is { } dob && s < dob;

    // 581: missing before the child's first episode of care (in the data loaded).
    public static bool BeforeLookedAfter(Ssda903Missing r, Ssda903Child c, Ssda903RuleContext x)
    {
        var first = c.EpisodesLast.Count > 0 ? c.EpisodesLast[0].Decom.Value : c.Episodes.Count > 0 ? c.Episodes[0].Decom.Value : null;
        return r.Start.Value is { } s && first is { } f && s < f;
    }

    private static DateOnly? CareEnded(Ssda903Child c) => c.Episodes.Count > 0 && c.Episodes[^1] is { EndsCare: true } last ? last.Dec.Value : null;

    public static bool AfterCareEnded(Ssda903Missing r, Ssda903Child c, Ssda903RuleContext x) => r.Start.Value is { } s && CareEnded(c) is { } ended && s > ended;

    public static bool OpenAfterCareEnded(Ssda903Missing r, Ssda903Child c, Ssda903RuleContext x) => r.Start.Given && !r.End.Given && CareEnded(c) is not null;

    // 580: missing on the day the child ceased to be looked after, but the reason is not E8 ("period of being looked after ceased for any other reason").
    public static void MissingWhenCeased(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var episode in CollectionsMarshal.AsSpan(child.Episodes))
        {
            if (!episode.EndsCare || episode.Rec == "E8" || episode.Dec.Value is not { } ceased)
            {
                continue;
            }

            if (child.Missing.Exists(m => m.Start.Value is { } s && s <= ceased && (m.End.Value is not { } e || e > ceased)))
            {
                context.Report(Ssda903Table.Episodes, episode, "REC");
            }
        }
    }

    // 574: in order of start, a period starting while the previous is open or before it ended.
    public static void Overlapping(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.Missing.Count < 2)
        {
            return;
        }

        var ordered = child.Missing.Where(m => m.Start.Value is not null).OrderBy(m => m.Start.Value).ThenBy(m => m.Line).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i - 1].End.Value is not { } ended || ordered[i].Start.Value < ended)
            {
                context.Report(M, ordered[i], "MIS_END", "MIS_START");
            }
        }
    }
}
