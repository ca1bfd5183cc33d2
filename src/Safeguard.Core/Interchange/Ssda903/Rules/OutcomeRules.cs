using System.Runtime.InteropServices;
using static Safeguard.Interchange.Ssda903.Rules.Ages;

namespace Safeguard.Interchange.Ssda903.Rules;

/// <summary>Rules on OC2 (children looked after for 12 months: SDQ, health, convictions, substance misuse) and OC3 (care leavers).</summary>
internal static class OutcomeRules
{
    private const Ssda903Table O2 = Ssda903Table.Oc2;
    private const Ssda903Table O3 = Ssda903Table.Oc3;

    private static readonly string[] Flags = ["CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"];

    /// <summary>A rule reporting each OC2 row for which <paramref name="fires"/> holds; <c>age</c> is the age on 31 March, <c>cla</c> the 12-month cohort.</summary>
    public static Action<Ssda903Child, Ssda903RuleContext> Oc2(Func<Ssda903Oc2, Oc2Facts, bool> fires, params string[] fields) =>
        (child, context) =>
        {
            if (child.Oc2.Count == 0)
            {
                return;
            }

            var facts = context.Oc2FactsOf(child);
            var rows = child.Oc2;
            for (var i = 0; i < rows.Count; i++)
            {
                if (fires(rows[i], facts[i]))
                {
                    context.Report(O2, rows[i], fields);
                }
            }
        };

    /// <summary>The facts of each of the child's OC2 rows, in order; whether in the cohort is worked out when a rule first asks, once for the child.</summary>
    internal static Oc2Facts[] FactsOf(Ssda903Child child, Ssda903RuleContext context)
    {
        var cla = new Lazy<bool>(() => ContinuouslyLookedAfter(child, context), LazyThreadSafetyMode.None);
        var episodesGiven = context.Has(Ssda903Table.Episodes);
        var facts = new Oc2Facts[child.Oc2.Count];
        for (var i = 0; i < facts.Length; i++)
        {
            var dob = Dob(child, child.Oc2[i].Dob);
            facts[i] = new Oc2Facts(dob is { } d ? On(d, context.Start) : null, dob is { } e ? On(e, context.End) : null, cla, episodesGiven);
        }

        return facts;
    }

    /// <summary>What the OC2 rules need to know of the child: ages at the start and end of the year and whether in the 12-month cohort.</summary>
    internal sealed record Oc2Facts(int? AgeAtStart, int? AgeAtEnd, Lazy<bool> Cla, bool EpisodesGiven)
    {
        /// <summary>Looked after continuously for 12 months (false when no episodes were given: then the rules that need it stay quiet).</summary>
        public bool InCohort => EpisodesGiven && Cla.Value;

        public bool NotInCohort => EpisodesGiven && !Cla.Value;
    }

    public static bool SdqScoreInvalid(Ssda903Oc2 r, Oc2Facts f) => r.SdqScore.Given && r.SdqScore.Value is not (>= 0 and <= 40);

    public static bool FlagsInvalid(Ssda903Oc2 r, Oc2Facts f) =>
        Bad(r.Convicted) || Bad(r.HealthCheck) || Bad(r.Immunisations) || Bad(r.TeethCheck) || Bad(r.HealthAssessment) || Bad(r.SubstanceMisuse)
        || Bad(r.InterventionReceived) || Bad(r.InterventionOffered);

    private static bool Bad(string? flag) => flag is not null and not "0" and not "1";

    public static bool SdqReasonInvalid(Ssda903Oc2 r, Oc2Facts f) => r.SdqReason is not null && !Ssda903Schema.SdqReason.Contains(r.SdqReason);

    public static bool ScoreAndReason(Ssda903Oc2 r, Oc2Facts f) => r.SdqScore.Given && r.SdqReason is not null;

    public static bool ReceivedAndOffered(Ssda903Oc2 r, Oc2Facts f) => r.InterventionReceived == "1" && r.InterventionOffered is not null;

    public static bool NotReceivedNoOffered(Ssda903Oc2 r, Oc2Facts f) => r.SubstanceMisuse == "1" && r.InterventionReceived == "0" && r.InterventionOffered is null;

    public static bool MisuseWithoutReceived(Ssda903Oc2 r, Oc2Facts f) => r.SubstanceMisuse == "1" && r.InterventionReceived is null;

    public static bool NoMisuseButIntervention(Ssda903Oc2 r, Oc2Facts f) => r.SubstanceMisuse == "0" && (r.InterventionReceived is not null || r.InterventionOffered is not null);

    private static bool CoreMissing(Ssda903Oc2 r) => r.Immunisations is null || r.TeethCheck is null || r.HealthAssessment is null || r.SubstanceMisuse is null;

    public static bool PartlyCompleted(Ssda903Oc2 r, Oc2Facts f) => r.AnyOutcome && CoreMissing(r);

    public static bool ConvictedWithoutCore(Ssda903Oc2 r, Oc2Facts f) => r.Convicted is not null && CoreMissing(r);

    public static bool HealthCheckWithoutCore(Ssda903Oc2 r, Oc2Facts f) => r.HealthCheck is not null && CoreMissing(r);

    public static bool ConvictedUnderTen(Ssda903Oc2 r, Oc2Facts f) => r.Convicted is not null && f.AgeAtEnd < 10;

    // 546: DfE's rule reads the episodes (188, 189 and 542 read OC2 alone): health promotion given for a child of 5 or
    // over in the 12-month cohort; for other children any OC2 item is 190's.
    public static bool HealthCheckFiveOrOver(Ssda903Oc2 r, Oc2Facts f) => f.InCohort && r.HealthCheck is not null && f.AgeAtEnd >= 5;

    public static bool SdqUnderFour(Ssda903Oc2 r, Oc2Facts f) => (r.SdqScore.Given || r.SdqReason is not null) && f.AgeAtEnd < 4;

    public static bool SdqSeventeenOrOver(Ssda903Oc2 r, Oc2Facts f) => (r.SdqScore.Given || r.SdqReason is not null) && f.AgeAtStart >= 17;

    public static bool ScoreNotInCohort(Ssda903Oc2 r, Oc2Facts f) => r.SdqScore.Given && f.NotInCohort;

    public static bool ReasonNotInCohort(Ssda903Oc2 r, Oc2Facts f) => r.SdqReason is not null && f.NotInCohort;

    public static bool OutcomesNotInCohort(Ssda903Oc2 r, Oc2Facts f) => r.AnyOutcome && f.NotInCohort;

    public static bool CohortMissingOutcomes(Ssda903Oc2 r, Oc2Facts f) => f.InCohort && CoreMissing(r);

    /// <summary>
    /// 191: a child in the 12-month cohort whose OC2 items are blank: on its OC2 row, or, when the OC2 table is given
    /// and the child has no row in it, on the child's first episode (DfE's fields name CHILD for that case).
    /// </summary>
    public static void CohortMissingOutcomesOrRow(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.Oc2.Count > 0)
        {
            Oc2(CohortMissingOutcomes, "HEALTH_ASSESSMENT", "IMMUNISATIONS", "SUBSTANCE_MISUSE", "TEETH_CHECK")(child, context);
        }
        else if (context.Has(Ssda903Table.Oc2) && context.Has(Ssda903Table.Episodes) && child.Episodes.Count > 0 && ContinuouslyLookedAfter(child, context))
        {
            context.Report(Ssda903Table.Episodes, child.Episodes[0], "CHILD");
        }
    }

    // 186: in the cohort, 4 or over on 1 April and under 17 on 31 March, and no SDQ score.
    public static bool CohortMissingScore(Ssda903Oc2 r, Oc2Facts f) => f.InCohort && f.AgeAtStart >= 4 && f.AgeAtEnd < 17 && !r.SdqScore.Given;

    public static bool CohortMissingConviction(Ssda903Oc2 r, Oc2Facts f) => f.InCohort && f.AgeAtEnd >= 10 && r.Convicted is null;

    public static bool CohortMissingHealthCheck(Ssda903Oc2 r, Oc2Facts f) => f.InCohort && f.AgeAtEnd < 5 && r.HealthCheck is null;

    // 157: SDQ1 ("no form returned as child was aged under 4 or over 17") for a child in the 12-month cohort (DfE's
    // rule reads the episodes) aged 4 or over on 1 April and 16 or under on 31 March.
    public static bool Sdq1InAgeRange(Ssda903Oc2 r, Oc2Facts f) => f.InCohort && r.SdqReason == "SDQ1" && f.AgeAtStart >= 4 && f.AgeAtEnd <= 16;

    /// <summary>A rule reporting each OC3 row for which <paramref name="fires"/> holds.</summary>
    public static Action<Ssda903Child, Ssda903RuleContext> Oc3(Func<Ssda903Oc3, Ssda903Child, Ssda903RuleContext, bool> fires, params string[] fields) =>
        (child, context) =>
        {
            foreach (var row in CollectionsMarshal.AsSpan(child.Oc3))
            {
                if (fires(row, child, context))
                {
                    context.Report(O3, row, fields);
                }
            }
        };

    public static bool InTouchInvalid(Ssda903Oc3 r, Ssda903Child c, Ssda903RuleContext x) => r.InTouch is not null && !Ssda903Schema.InTouch.Contains(r.InTouch);

    public static bool ActivityInvalid(Ssda903Oc3 r, Ssda903Child c, Ssda903RuleContext x) => r.Activity is not null && !Ssda903Schema.Activity.Contains(r.Activity);

    public static bool AccommodationInvalid(Ssda903Oc3 r, Ssda903Child c, Ssda903RuleContext x) => r.Accommodation is not null && !Ssda903Schema.Accommodation.Contains(r.Accommodation);

    public static bool PartlyBlank(Ssda903Oc3 r, Ssda903Child c, Ssda903RuleContext x) =>
        r.AnyGiven && (r.InTouch is null || r.Activity is null || r.Accommodation is null);

    public static bool DiedOrHomeWithActivity(Ssda903Oc3 r, Ssda903Child c, Ssda903RuleContext x) =>
        r.InTouch is "DIED" or "RHOM" && (r.Activity is not null || r.Accommodation is not null);

    public static bool InTouchButZero(Ssda903Oc3 r, Ssda903Child c, Ssda903RuleContext x) => r.InTouch == "YES" && (r.Activity == "0" || r.Accommodation == "0");

    // 391: 17 to 21 at some time in the year: 17th birthday on or before 31 March, 22nd birthday after 1 April.
    public static bool NotCareLeaverAge(Ssda903Oc3 r, Ssda903Child c, Ssda903RuleContext x) =>
        Dob(c, r.Dob) is { } dob && (dob.AddYears(17) > x.End || dob.AddYears(22) <= x.Start);

    public static bool AlsoAdopted(Ssda903Oc3 r, Ssda903Child c, Ssda903RuleContext x) => r.AnyGiven && c.Ad1.Exists(a => a.AnyGiven);

    public static bool AlsoOc2Outcomes(Ssda903Oc3 r, Ssda903Child c, Ssda903RuleContext x) => r.AnyGiven && c.Oc2.Exists(o => o.AnyOutcome);

    // 187: in the 12-month cohort, yet adoption (AD1) or care leaver (OC3) information is given.
    public static void CohortWithAdoptionOrLeaving(Ssda903Child child, Ssda903RuleContext context)
    {
        if ((!child.Ad1.Exists(a => a.AnyGiven) && !child.Oc3.Exists(o => o.AnyGiven)) || !ContinuouslyLookedAfter(child, context))
        {
            return;
        }

        foreach (var row in CollectionsMarshal.AsSpan(child.Ad1))
        {
            context.Report(Ssda903Table.Ad1, row, "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "LS_ADOPTR", "NB_ADOPTR", "SEX_ADOPTR");
        }

        foreach (var row in CollectionsMarshal.AsSpan(child.Oc3))
        {
            context.Report(O3, row, "ACCOM", "ACTIV", "IN_TOUCH");
        }
    }

    // 1014: a care leaver (OC3 completed, not looked after at any time in the year: DfE's tables include Episodes) with a
    // UASC row saying when UASC status ceased.
    public static void UascForCareLeaver(Ssda903Child child, Ssda903RuleContext context)
    {
        if (!child.Oc3.Exists(o => o.AnyGiven) || !context.Has(Ssda903Table.Episodes) || LookedAfterInYear(child, context))
        {
            return;
        }

        foreach (var row in CollectionsMarshal.AsSpan(child.Uasc))
        {
            if (row.Duc.Given)
            {
                context.Report(Ssda903Table.Uasc, row, "DUC");
            }
        }
    }

    internal static IReadOnlyList<string> OutcomeFlags => Flags;
}
