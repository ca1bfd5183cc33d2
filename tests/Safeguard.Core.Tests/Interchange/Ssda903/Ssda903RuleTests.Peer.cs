using static Safeguard.Core.Tests.Interchange.Ssda903.Ssda903Fixture;
using T = Safeguard.Interchange.Ssda903.Ssda903Table;

namespace Safeguard.Core.Tests.Interchange.Ssda903;

/// <summary>
/// Readings settled by the side-by-side run with the peer validator (docs/ssda903.md, "Checked against the peer"):
/// where DfE's text showed Safeguard wrong, the case that was wrong and its near miss.
/// </summary>
public sealed partial class Ssda903RuleTests
{
    [Fact]
    public void Rule_157_is_about_the_12_month_cohort_only()
    {
        // DfE's 157 reads the episodes: SDQ1 for a child of SDQ age is an error in the 12-month cohort (the OC2 rows
        // of other children are 185, 190 and 198's).
        var inCohort = Valid();
        Set(inCohort.Oc2, ("SDQ_SCORE", null), ("SDQ_REASON", "SDQ1"));
        Assert.Contains(inCohort.Validate(), i => i.Rule == "157");

        var startedInYear = Valid();
        Set(startedInYear.Oc2, ("SDQ_SCORE", null), ("SDQ_REASON", "SDQ1"));
        Set(startedInYear.Episode, ("DECOM", "02/04/2024"));
        Assert.DoesNotContain(startedInYear.Validate(), i => i.Rule == "157");

        var noEpisodes = Valid();
        Set(noEpisodes.Oc2, ("SDQ_SCORE", null), ("SDQ_REASON", "SDQ1"));
        noEpisodes.Rows(T.Episodes).Clear();
        Assert.DoesNotContain(noEpisodes.Validate(), i => i.Rule == "157");
    }

    [Fact]
    public void Rule_191_fires_for_a_child_in_the_cohort_with_no_OC2_row()
    {
        // DfE's 191 names CHILD among its fields: a child looked after for 12 months with no OC2 row has every OC2
        // item blank. Reported on the child's first episode.
        var noRow = Valid();
        noRow.Rows(T.Oc2).Clear();
        var issue = Assert.Single(noRow.Validate(), i => i.Rule == "191");
        Assert.Equal("Episodes", issue.Table);
        Assert.Equal("C1", issue.ChildId);
        Assert.Equal(["CHILD"], issue.Fields);

        // Near miss: the episode starts on 2 April, so the child is not in the cohort and needs no OC2 row.
        var notInCohort = Valid();
        notInCohort.Rows(T.Oc2).Clear();
        Set(notInCohort.Episode, ("DECOM", "02/04/2024"));
        Assert.DoesNotContain(notInCohort.Validate(), i => i.Rule == "191");

        // Without the OC2 table there is nothing to say of the rows it would hold.
        var noTable = Valid();
        noTable.Remove(T.Oc2);
        Assert.DoesNotContain(noTable.Validate(), i => i.Rule == "191");
    }

    [Fact]
    public void Rule_387_covers_both_independent_living_codes()
    {
        // DfE's 387: "moved into independent living arrangement" is E5 (with formalised support) or E6 (without).
        var e6Under14 = Valid();
        AgedAtEnd(e6Under14, "01/02/2011", "E6");
        Assert.Contains(e6Under14.Validate(), i => i.Rule == "387");

        // Near miss: 14 on the day care ended.
        var e6At14 = Valid();
        AgedAtEnd(e6At14, "31/01/2011", "E6");
        Assert.DoesNotContain(e6At14.Validate(), i => i.Rule == "387");
    }

    [Fact]
    public void Rule_546_is_about_the_12_month_cohort_only()
    {
        // DfE's 546 reads the episodes (unlike 188, 189 and 542): health promotion for a child of 5 or over in the cohort.
        var inCohort = Valid();
        Set(inCohort.Oc2, ("HEALTH_CHECK", "1"));
        Assert.Contains(inCohort.Validate(), i => i.Rule == "546");

        var startedInYear = Valid();
        Set(startedInYear.Oc2, ("HEALTH_CHECK", "1"));
        Set(startedInYear.Episode, ("DECOM", "02/04/2024"));
        var issues = startedInYear.Validate();
        Assert.DoesNotContain(issues, i => i.Rule == "546");
        Assert.Contains(issues, i => i.Rule == "190");
    }

    [Fact]
    public void Rule_362_counts_the_order_across_a_change_of_placement()
    {
        // DfE's 362: the emergency protection order (EPO, L2) lasted longer than 21 days. A change of placement (RNE P)
        // starts a new episode, not a new order: 14 days in one placement and 8 in the next are 22 days of the order.
        var twoPlacements = Valid();
        EmergencyProtection(twoPlacements, "15/03/2025", "23/03/2025");
        var issues = twoPlacements.Validate().Where(i => i.Rule == "362").ToList();
        Assert.Equal(2, issues.Count);

        // Near miss: 21 days in all.
        var twentyOneDays = Valid();
        EmergencyProtection(twentyOneDays, "15/03/2025", "22/03/2025");
        Assert.DoesNotContain(twentyOneDays.Validate(), i => i.Rule == "362");

        // An order that does not continue (the next episode starts the day after) is a new one.
        var gap = Valid();
        EmergencyProtection(gap, "15/03/2025", "23/03/2025");
        Set(gap.Rows(T.Episodes)[1], ("DECOM", "16/03/2025"), ("RNE", "S"));
        Assert.DoesNotContain(gap.Validate(), i => i.Rule == "362");
    }

    [Fact]
    public void Rule_388_fires_for_an_X1_episode_that_no_episode_continues()
    {
        // DfE's 388: "coded new episode begins, but there is no continuation episode". An earlier episode ended X1 with
        // the next starting four days later (a new period, RNE S) has none, though it is not the child's latest.
        var gap = Valid();
        gap.EndCare("01/06/2024", "X1");
        gap.Add(T.Episodes, ("DECOM", "05/06/2024"), ("RNE", "S"));
        var issue = Assert.Single(gap.Validate(), i => i.Rule == "388");
        Assert.Equal(["REC"], issue.Fields);
        Assert.Equal(2, issue.Line);

        // Near miss: the next episode starts the day it ended.
        var continued = Valid();
        Continue(continued, "01/06/2024", "P", ("PLACE", "U2"));
        Assert.DoesNotContain(continued.Validate(), i => i.Rule == "388");

        // An episode overlapping it (501's error) does not hide the continuation that starts the day it ended.
        var overlap = Valid();
        Continue(overlap, "01/06/2024", "P", ("PLACE", "U2"));
        overlap.Add(T.Episodes, ("DECOM", "10/05/2024"), ("RNE", "S"), ("DEC", "20/05/2024"), ("REC", "E13"));
        var overlapIssues = overlap.Validate();
        Assert.DoesNotContain(overlapIssues, i => i.Rule == "388");
        Assert.Contains(overlapIssues, i => i.Rule == "501");
    }

    [Fact]
    public void Rule_1014_is_about_care_leavers_not_looked_after_in_the_year()
    {
        // DfE's 1014 reads the episodes: UASC information is not required for a care leaver, a young person with OC3
        // information who was not looked after at any time in the year.
        var leftBefore = Valid();
        CareLeaverWithUasc(leftBefore, "31/03/2024");
        Assert.Contains(leftBefore.Validate(), i => i.Rule == "1014");

        // Near miss: looked after on 1 April.
        var leftInYear = Valid();
        CareLeaverWithUasc(leftInYear, "01/04/2024");
        Assert.DoesNotContain(leftInYear.Validate(), i => i.Rule == "1014");

        // Still looked after (OC3 given too, which is 1007's matter, not 1014's).
        var stillLookedAfter = Valid();
        stillLookedAfter.Add(T.Oc3);
        stillLookedAfter.Add(T.Uasc, ("DUC", "01/01/2025"));
        Assert.DoesNotContain(stillLookedAfter.Validate(), i => i.Rule == "1014");
    }

    [Fact]
    public void Rules_435_and_436_read_the_same_carer_codes_T_and_U()
    {
        // RNE T is a change of placement with the same carer, U a change of legal status and placement with the same
        // carer: 435 ("placement has changed but not the legal status") covers T, 436 ("both ... have changed") U.
        var tNothingChanged = Valid();
        Continue(tNothingChanged, "01/06/2024", "T");
        Assert.Contains(tNothingChanged.Validate(), i => i.Rule == "435");

        var tPlacementChanged = Valid();
        Continue(tPlacementChanged, "01/06/2024", "T", ("PLACE", "U2"));
        Assert.DoesNotContain(tPlacementChanged.Validate(), i => i.Rule == "435");

        var uSameLegalStatus = Valid();
        Continue(uSameLegalStatus, "01/06/2024", "U", ("PLACE", "U2"));
        Assert.Contains(uSameLegalStatus.Validate(), i => i.Rule == "436");

        var uBothChanged = Valid();
        Continue(uBothChanged, "01/06/2024", "U", ("PLACE", "U2"), ("LS", "C1"));
        Assert.DoesNotContain(uBothChanged.Validate(), i => i.Rule == "436");
    }

    private static void EmergencyProtection(Ssda903Fixture f, string changed, string ended)
    {
        Set(f.Episode, ("LS", "L2"), ("DECOM", "01/03/2025"));
        Continue(f, changed, "P", ("LS", "L2"), ("PLACE", "U2"), ("DEC", ended), ("REC", "E13"));
    }

    private static void CareLeaverWithUasc(Ssda903Fixture f, string careEnded)
    {
        f.EndCare(careEnded, "E4A");
        f.Add(T.Oc3);
        f.Add(T.Uasc, ("DUC", "01/01/2025"));
    }
}
