using System.Runtime.InteropServices;

namespace Safeguard.Interchange.Ssda903.Rules;

/// <summary>The integrity checks (INT), last year's episodes (502, 503, NoE) and social worker episodes.</summary>
internal static class ReturnRules
{
    /// <summary>INT01-INT09: a child in <paramref name="table"/> with no header row (when a header was given).</summary>
    public static Action<Ssda903Child, Ssda903RuleContext> NotInHeader<T>(Ssda903Table table, Func<Ssda903Child, List<T>> rows)
        where T : Ssda903Row => (child, context) =>
    {
        if (child.Headers.Count > 0 || !context.Has(Ssda903Table.Header))
        {
            return;
        }

        foreach (var row in CollectionsMarshal.AsSpan(rows(child)))
        {
            context.Report(table, row, "CHILD");
        }
    };

    /// <summary>INT11-INT18: a date of birth that differs from the header's.</summary>
    public static Action<Ssda903Child, Ssda903RuleContext> DobDiffers<T>(Ssda903Table table, Func<Ssda903Child, List<T>> rows, Func<T, Ssda903Date> dob)
        where T : Ssda903Row => (child, context) =>
    {
        if (child.Header?.Dob.Value is not { } header)
        {
            return;
        }

        foreach (var row in CollectionsMarshal.AsSpan(rows(child)))
        {
            if (dob(row).Value is { } d && d != header)
            {
                context.Report(table, row, "DOB");
            }
        }
    };

    public static void UascSexDiffers(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.Header?.Sex is not { } sex)
        {
            return;
        }

        foreach (var row in CollectionsMarshal.AsSpan(child.Uasc))
        {
            if (row.Sex is not null && row.Sex != sex)
            {
                context.Report(Ssda903Table.Uasc, row, "SEX");
            }
        }
    }

    /// <summary>INT31-INT36: a child with more than one row in a table that has one row per child; every row after the first is reported.</summary>
    public static Action<Ssda903Child, Ssda903RuleContext> Once<T>(Ssda903Table table, Func<Ssda903Child, List<T>> rows)
        where T : Ssda903Row => (child, context) =>
    {
        var list = rows(child);
        for (var i = 1; i < list.Count; i++)
        {
            context.Report(table, list[i], "CHILD");
        }
    };

    private static Ssda903Episode? OpenLastYear(Ssda903Child child) =>
        child.EpisodesLast.Count > 0 && child.EpisodesLast[^1] is { Dec.Given: false } open ? open : null;

    // 502: last year ended with an open episode; this year's first episode must start on the same day.
    public static void OpenEpisodeStartMoved(Ssda903Child child, Ssda903RuleContext context)
    {
        if (OpenLastYear(child) is { } open && child.Episodes.Count > 0 && child.Episodes[0] is var first && first.Decom.Value is { } start && start != open.Decom.Value)
        {
            context.Report(Ssda903Table.Episodes, first, "DECOM");
        }
    }

    /// <summary>503A-503F: a field of this year's first episode that differs from last year's open episode (the same episode, same start).</summary>
    public static Action<Ssda903Child, Ssda903RuleContext> OpenEpisodeDiffers(Func<Ssda903Episode, string?> field, string name) => (child, context) =>
    {
        if (OpenLastYear(child) is { } open && child.Episodes.Count > 0 && child.Episodes[0] is var first && first.Decom.Value == open.Decom.Value && field(first) != field(open))
        {
            context.Report(Ssda903Table.Episodes, first, name);
        }
    };

    // NoE: last year's episodes were given, the child's first episode started before this year, yet the child has none last year.
    public static void NoEpisodesLastYear(Ssda903Child child, Ssda903RuleContext context)
    {
        if (context.Has(Ssda903Table.EpisodesLast) && child.EpisodesLast.Count == 0 && child.Episodes.Count > 0 && child.Episodes[0].Decom.Value < context.Start)
        {
            context.Report(Ssda903Table.Episodes, child.Episodes[0], "DECOM");
        }
    }

    // 562: the child's first episode started before this year, last year's episodes include the child, but not that episode.
    public static void ContinuingEpisodeMissingLastYear(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.EpisodesLast.Count == 0 || child.Episodes.Count == 0 || child.Episodes[0].Decom.Value is not { } start || start >= context.Start)
        {
            return;
        }

        if (!child.EpisodesLast.Exists(e => e.Decom.Value == start))
        {
            context.Report(Ssda903Table.Episodes, child.Episodes[0], "DECOM");
        }
    }

    public static Action<Ssda903Child, Ssda903RuleContext> SocialWorker(Func<Ssda903SocialWorker, bool> fires, params string[] fields) => (child, context) =>
    {
        foreach (var row in CollectionsMarshal.AsSpan(child.SocialWorker))
        {
            if (fires(row))
            {
                context.Report(Ssda903Table.SocialWorker, row, fields);
            }
        }
    };

    /// <summary>A social worker rule over each episode and the one before it, in order of start.</summary>
    public static Action<Ssda903Child, Ssda903RuleContext> SocialWorkerAfter(Func<Ssda903SocialWorker, Ssda903SocialWorker, bool> fires, bool reportPrevious, params string[] fields) =>
        (child, context) =>
        {
            if (child.SocialWorker.Count < 2)
            {
                return;
            }

            var ordered = child.SocialWorker.Where(s => s.Decom.Value is not null).OrderBy(s => s.Decom.Value).ThenBy(s => s.Line).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (fires(ordered[i], ordered[i - 1]))
                {
                    context.Report(Ssda903Table.SocialWorker, reportPrevious ? ordered[i - 1] : ordered[i], fields);
                }
            }
        };
}
