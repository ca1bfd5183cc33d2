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
}
