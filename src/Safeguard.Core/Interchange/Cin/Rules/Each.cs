namespace Safeguard.Interchange.Cin.Rules;

/// <summary>
/// The records of a child across all of its episodes, enumerated without allocating (rules run on every child of
/// files with hundreds of thousands of them, so they use plain loops rather than LINQ).
/// </summary>
internal static class Each
{
    public static Flattened<CinAssessment> Assessment(CinChild child) => new(child.Episodes, static e => e.Assessments);

    public static Flattened<CinPlan> CinPlan(CinChild child) => new(child.Episodes, static e => e.CinPlans);

    public static Flattened<Section47Enquiry> Section47(CinChild child) => new(child.Episodes, static e => e.Section47Enquiries);

    public static Flattened<ChildProtectionPlan> ProtectionPlan(CinChild child) => new(child.Episodes, static e => e.ProtectionPlans);

    /// <summary>True when a referral of the child went on to further action (its no-further-action flag is false).</summary>
    public static bool HasFurtherAction(CinChild child)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.ReferralNfa == false)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the codes include one other than <paramref name="value"/>.</summary>
    public static bool HasOtherThan(List<string> codes, string value)
    {
        foreach (var code in codes)
        {
            if (!string.Equals(code, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a code appears more than once (ordinal comparison).</summary>
    public static bool HasRepeat(List<string> codes)
    {
        if (codes.Count < 2)
        {
            return false;
        }

        if (codes.Count > 16)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var code in codes)
            {
                if (!seen.Add(code))
                {
                    return true;
                }
            }

            return false;
        }

        for (var i = 1; i < codes.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(codes[i], codes[j], StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

/// <summary>The records of one kind across a child's episodes, in file order.</summary>
internal readonly struct Flattened<T>(List<CinEpisode> episodes, Func<CinEpisode, List<T>> select)
{
    public Enumerator GetEnumerator() => new(episodes, select);

    /// <summary>True when there is at least one record.</summary>
    public bool Any()
    {
        foreach (var episode in episodes)
        {
            if (select(episode).Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    public struct Enumerator(List<CinEpisode> episodes, Func<CinEpisode, List<T>> select)
    {
        private int _episode = -1;
        private int _item = -1;
        private List<T>? _items;

        public readonly T Current => _items![_item];

        public bool MoveNext()
        {
            while (true)
            {
                if (_items is not null && ++_item < _items.Count)
                {
                    return true;
                }

                if (++_episode >= episodes.Count)
                {
                    return false;
                }

                _items = select(episodes[_episode]);
                _item = -1;
            }
        }
    }
}
