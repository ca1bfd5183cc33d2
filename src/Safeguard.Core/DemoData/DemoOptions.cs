namespace Safeguard.DemoData;

/// <summary>
/// How big a demo area to generate. Scale 1 is a borough the size of Bury (about 43,000 children aged 0-17, about
/// 10,000 contacts and 3,400 referrals a year); larger scales make areas for benchmarks. The same seed and scale
/// give the same area on every machine (for the same "today").
/// </summary>
/// <param name="Scale">Multiplies the child population and every activity rate.</param>
/// <param name="Seed">Seeds the random choices.</param>
/// <param name="Activity">Whether to generate the years of front door and casework activity, or only the people.</param>
public sealed record DemoOptions(double Scale = 1, int Seed = DemoOptions.DefaultSeed, bool Activity = true)
{
    public const int DefaultSeed = 20261122;

    /// <summary>Children aged 0-17 at scale 1.</summary>
    public const int AreaChildren = 43_000;

    public const double MaxScale = 100;

    public static DemoOptions Default { get; } = new();

    /// <summary>The children to generate: at least one.</summary>
    public int Children => Math.Max(1, (int)Math.Round(AreaChildren * Scale));

    /// <summary>Refuses a scale that is not a positive number up to <see cref="MaxScale"/>.</summary>
    public DemoOptions Checked()
    {
        if (!(Scale > 0) || Scale > MaxScale)
        {
            throw new ArgumentOutOfRangeException(nameof(Scale), Scale, $"The demo scale must be more than 0 and at most {MaxScale} (1 is a borough of about 43,000 children).");
        }

        return this;
    }
}
