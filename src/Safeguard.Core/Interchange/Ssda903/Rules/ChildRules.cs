using System.Runtime.InteropServices;
using static Safeguard.Interchange.Ssda903.Rules.Ages;

namespace Safeguard.Interchange.Ssda903.Rules;

/// <summary>
/// Header rules that need the child's episodes: mother status for girls looked after (from 11, the age 620 sets),
/// mother and reviews for short breaks only, and the UPN at school age.
/// </summary>
internal static class ChildRules
{
    private const Ssda903Table H = Ssda903Table.Header;

    private static bool GirlOfMotherAge(Ssda903Child c, Ssda903RuleContext x) => c.Header is { Sex: "2" } && c.Dob is { } dob && On(dob, x.End) >= 11;

    // 393: a girl of 11 or over looked after on 31 March (not on short breaks, V3/V4) with MOTHER blank.
    public static void MotherBlankWhileLookedAfter(Ssda903Child child, Ssda903RuleContext context)
    {
        if (GirlOfMotherAge(child, context) && child.Header is { Mother: null } h && child.Episodes.Count > 0 && child.Episodes[^1] is var last
            && !EpisodeRules.IsRespite(last) && last.Decom.Value <= context.End && (last.Dec.Value is not { } dec || dec > context.End))
        {
            context.Report(H, h, "MOTHER");
        }
    }

    // 607: a girl of 11 or over whose care (not short breaks) ended in the year with MOTHER blank.
    public static void MotherBlankWhenCeased(Ssda903Child child, Ssda903RuleContext context)
    {
        if (GirlOfMotherAge(child, context) && child.Header is { Mother: null } h && child.Episodes.Count > 0 && child.Episodes[^1] is { EndsCare: true } last
            && !EpisodeRules.IsRespite(last) && last.Dec.Value is { } ceased && context.Collection.Contains(ceased))
        {
            context.Report(H, h, "DEC", "LS", "MOTHER", "REC", "SEX");
        }
    }

    // 399: a child whose every episode is a short break (V3, V4) with the mother status or reviews given.
    public static void ShortBreaksWithMotherOrReviews(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.Episodes.Count == 0 || !child.Episodes.TrueForAll(EpisodeRules.IsRespite))
        {
            return;
        }

        if (child.Header is { Mother: not null } h)
        {
            context.Report(H, h, "LS", "MOTHER");
        }

        foreach (var review in CollectionsMarshal.AsSpan(child.Reviews))
        {
            context.Report(Ssda903Table.Reviews, review, "LS", "REVIEW", "REVIEW_CODE");
        }
    }

    // 209: UN1 ("pupil not known to school") for a child who was 4 by 31 August before the collection year began (school age).
    public static void Un1AtSchoolAge(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.Header is { Upn: "UN1" } h && child.Dob is { } dob && dob.AddYears(4) <= new DateOnly(context.Start.Year - 1, 8, 31))
        {
            context.Report(H, h, "DOB", "UPN");
        }
    }
}
