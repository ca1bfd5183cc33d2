using System.Runtime.InteropServices;

namespace Safeguard.Interchange.Ssda903.Rules;

/// <summary>
/// Rules on the social worker episodes (SWEpisodes) against the collection year and the child's care: the
/// reporting period is the collection year, and a child looked after on 31 March has social worker episodes for
/// the whole of it (from 1 April, or from birth or the start of the latest period of care if later).
/// </summary>
internal static class SocialWorkerRules
{
    private const Ssda903Table S = Ssda903Table.SocialWorker;

    /// <summary>The child's episode open at 31 March, if any.</summary>
    private static Ssda903Episode? OpenAtEnd(Ssda903Child child, Ssda903RuleContext x) =>
        child.Episodes.Count > 0 && child.Episodes[^1] is { Decom.Value: { } start } last && start <= x.End && (last.Dec.Value is not { } dec || dec > x.End) ? last : null;

    private static Ssda903SocialWorker? Earliest(Ssda903Child child)
    {
        Ssda903SocialWorker? first = null;
        foreach (var row in CollectionsMarshal.AsSpan(child.SocialWorker))
        {
            if (row.Decom.Value is { } d && (first is null || d < first.Decom.Value))
            {
                first = row;
            }
        }

        return first;
    }

    private static Ssda903SocialWorker? Latest(Ssda903Child child)
    {
        Ssda903SocialWorker? last = null;
        foreach (var row in CollectionsMarshal.AsSpan(child.SocialWorker))
        {
            if (row.Decom.Value is { } d && (last is null || d >= last.Decom.Value))
            {
                last = row;
            }
        }

        return last;
    }

    // SW01STG1: looked after on 31 March with no social worker episode (when the table is given).
    public static void NoSocialWorker(Ssda903Child child, Ssda903RuleContext context)
    {
        if (context.Has(S) && child.SocialWorker.Count == 0 && OpenAtEnd(child, context) is { } open)
        {
            context.Report(Ssda903Table.Episodes, open, "DEC");
        }
    }

    /// <summary>A rule reporting each social worker episode for which <paramref name="fires"/> holds.</summary>
    public static Action<Ssda903Child, Ssda903RuleContext> Each(Func<Ssda903SocialWorker, Ssda903RuleContext, bool> fires, params string[] fields) => (child, context) =>
    {
        foreach (var row in CollectionsMarshal.AsSpan(child.SocialWorker))
        {
            if (fires(row, context))
            {
                context.Report(S, row, fields);
            }
        }
    };

    // SW03STG1: an episode needs the worker and the start, and once ended the reason.
    public static bool Incomplete(Ssda903SocialWorker s, Ssda903RuleContext x) => s.SwId is null || !s.Decom.Given || (s.Dec.Given && s.Reason is null);

    // SW06STG2: an episode starting after the reporting period (an episode open on 1 April keeps its earlier start).
    public static bool StartsAfterPeriod(Ssda903SocialWorker s, Ssda903RuleContext x) => s.Decom.Value > x.End;

    // SW07STG2: an end date outside the reporting period.
    public static bool EndsOutsidePeriod(Ssda903SocialWorker s, Ssda903RuleContext x) => s.Dec.Value is { } ended && (ended < x.Start || ended > x.End);

    // SW11STG2: a child looked after on 31 March whose latest social worker episode ended before it.
    public static void EndedWithoutNext(Ssda903Child child, Ssda903RuleContext context)
    {
        if (OpenAtEnd(child, context) is not null && Latest(child) is { Dec.Value: { } ended } last && ended < context.End)
        {
            context.Report(S, last, "SW_DEC");
        }
    }

    // SW12STG2: a child looked after on 31 March whose earliest social worker episode starts after 1 April (or birth, or the start of the latest period of care, if later).
    public static void YearNotCovered(Ssda903Child child, Ssda903RuleContext context)
    {
        if (OpenAtEnd(child, context) is null || Earliest(child) is not { Decom.Value: { } first } row)
        {
            return;
        }

        var from = context.Start;
        if (child.Dob is { } dob && dob > from)
        {
            from = dob;
        }

        for (var i = child.Episodes.Count - 1; i >= 0; i--)
        {
            if (child.Episodes[i] is { Rne: "S", Decom.Value: { } start })
            {
                if (start > from)
                {
                    from = start;
                }

                break;
            }
        }

        if (first > from)
        {
            context.Report(S, row, "SW_DECOM");
        }
    }

    // SW14STG2: the latest social worker episode still open for a child whose care ended in the year.
    public static void OpenAfterCareEnded(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.Episodes.Count > 0 && child.Episodes[^1] is { EndsCare: true, Dec.Value: { } ceased } && ceased <= context.End && Latest(child) is { Dec.Given: false } open)
        {
            context.Report(S, open, "SW_DEC");
        }
    }
}
