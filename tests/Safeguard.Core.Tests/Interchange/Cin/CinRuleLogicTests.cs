using System.Xml;
using System.Xml.Linq;
using static Safeguard.Core.Tests.Interchange.Cin.CinFixture;

namespace Safeguard.Core.Tests.Interchange.Cin;

/// <summary>
/// Rules checked against DfE's own logic text for 2024-25 (the reference folder's <c>rule-logic-2024-25.csv</c>),
/// each at the edge its text draws: the day DfE's threshold falls on and the day either side. Where the text leaves
/// room, the reading docs/cin-census.md records is the one tested. The generated return's reference date is
/// Monday 31 March 2025; no bank holiday falls between January and March 2025.
/// </summary>
public sealed class CinRuleLogicTests
{
    // 8670Q: "If <AssessmentAuthorisationDate> is not present then <AssessmentActualStartDate> should not be before the
    // <ReferenceDate> minus 45 working days". 31 March 2025 minus 45 working days is Monday 27 January 2025.
    [Theory]
    [InlineData("2025-01-24", true)] // Friday: before the threshold
    [InlineData("2025-01-26", true)] // Sunday: before it too, though no working day lies between it and the threshold
    [InlineData("2025-01-27", false)] // the threshold itself: exactly 45 working days before, not "before" it
    [InlineData("2025-01-28", false)]
    public void Rule_8670Q_queries_an_open_assessment_started_before_the_reference_date_minus_45_working_days(string start, bool queried)
    {
        var fixture = Valid();
        Reopen(fixture.Episode(1));
        Set(fixture.Assessment(1), "AssessmentActualStartDate", start);
        Set(fixture.Assessment(1), "AssessmentAuthorisationDate", null);
        Set(fixture.Assessment(1), "FactorsIdentifiedAtAssessment", null);

        Assert.Equal(queried, Fires(fixture, "8670Q"));
    }

    // 8675Q: "If <DateOfInitialCPC> not present and <ICPCnotReqiured> equals false then <S47ActualStartDate> should not be
    // before the <ReferenceDate> minus 15 working days". 31 March 2025 minus 15 working days is Monday 10 March 2025.
    [Theory]
    [InlineData("2025-03-07", true)]
    [InlineData("2025-03-09", true)]
    [InlineData("2025-03-10", false)]
    public void Rule_8675Q_queries_an_enquiry_without_a_conference_started_before_the_reference_date_minus_15_working_days(string start, bool queried)
    {
        var fixture = Valid();
        Reopen(fixture.Episode(1));
        Set(fixture.Section47(1), "S47ActualStartDate", start);
        Set(fixture.Section47(1), "InitialCPCtarget", null);
        Set(fixture.Section47(1), "DateOfInitialCPC", null);

        Assert.Equal(queried, Fires(fixture, "8675Q"));
    }

    // 8770Q: "If <ReferralNFA> = 0 or false and <PersonBirthDate> is greater than or equal to [<ReferenceDate> minus 4
    // years] then either <UPN> or a valid <UPNunknown> should be present", message "... for a child who is of school
    // age". Read as the child's age: aged 4 or more on 31 March 2025, that is born on or before 31 March 2021.
    [Theory]
    [InlineData("2021-03-31", null, true)] // 4 years old on the reference date
    [InlineData("2020-11-08", null, true)] // 4 years and 4 months
    [InlineData("2020-11-08", "UN1", true)] // UN1, "not of school age", is no reason at 4 or over
    [InlineData("2020-11-08", "UN5", false)]
    [InlineData("2021-04-01", null, false)] // 3 years old on the reference date
    [InlineData("2021-08-31", null, false)] // 3: queried before, by a 31 August cut-off DfE's text does not have
    public void Rule_8770Q_queries_a_child_aged_4_or_over_on_the_reference_date_without_a_UPN_or_a_reason(string birth, string? reason, bool queried)
    {
        var fixture = Valid();
        Set(fixture.Ids(1), "UPN", null);
        Set(fixture.Ids(1), "UPNunknown", reason);
        Set(fixture.Ids(1), "PersonBirthDate", birth);

        Assert.Equal(queried, Fires(fixture, "8770Q"));
    }

    // 8873Q: "Within a <CINDetails> group, if there is only one <Assessment> group present and <AssessmentFactors> =
    // "21", <ReasonForClosure> must should = RC8 or RC9": an open episode has no such reason, so it is queried too.
    [Theory]
    [InlineData(null, true)]
    [InlineData("RC1", true)]
    [InlineData("RC8", false)]
    [InlineData("RC9", false)]
    public void Rule_8873Q_queries_an_episode_whose_only_assessment_found_no_factors_open_or_closed_other_than_after_assessment(string? reason, bool queried)
    {
        var fixture = Valid();
        fixture.Assessment(1).Element("FactorsIdentifiedAtAssessment")!.ReplaceNodes(E("AssessmentFactors", "21"));
        if (reason is null)
        {
            Reopen(fixture.Episode(1));
        }
        else
        {
            Set(fixture.Episode(1), "ReasonForClosure", reason);
        }

        Assert.Equal(queried, Fires(fixture, "8873Q"));
    }

    // 2990: RC8 or RC9 "cannot have any of the following modules: <ChildProtectionPlan> module, <DateofInitialCPC> within
    // the <CINDetails> module, <CINPlanDates> module": a section 47 enquiry is not in the list.
    [Fact]
    public void Rule_2990_does_not_count_a_section_47_enquiry_as_activity_after_an_episode_closed_after_assessment()
    {
        var fixture = Valid();
        Set(fixture.Episode(1), "ReasonForClosure", "RC8");

        Assert.False(Fires(fixture, "2990"));
        Set(fixture.Episode(1), "DateOfInitialCPC", "2024-05-20");
        Assert.True(Fires(fixture, "2990"));
    }

    // 8565: the closure date "must be on or after all of the following dates that are present: ... <CPPendDate> ...":
    // a protection plan's start date is not one of them.
    [Fact]
    public void Rule_8565_compares_a_protection_plan_end_with_the_closure_but_not_its_start()
    {
        var fixture = Valid();
        var plan = fixture.ProtectionPlan(0);
        var planLine = ((IXmlLineInfo)plan).LineNumber;
        Set(plan, "CPPendDate", null);
        Set(fixture.Episode(0), "CINclosureDate", "2024-05-12");

        var issues = fixture.Validate().Issues;
        Assert.DoesNotContain(issues, i => i.Rule == "8565" && i.Fields.Contains("CPPstartDate"));

        var ended = Valid();
        Set(ended.Episode(0), "CINclosureDate", "2024-08-28");
        Assert.Contains(ended.Validate().Issues, i => i.Rule == "8565" && i.Fields.Contains("CPPendDate"));
        Assert.True(planLine > 0);
    }

    // 8866: "If <CinReferralDate> is on or after 1 April 2013 then <ReferralSource> must be present and must be a valid code".
    [Theory]
    [InlineData("2013-03-31", false)]
    [InlineData("2013-04-01", true)]
    public void Rule_8866_asks_for_a_source_of_referral_from_1_April_2013(string referral, bool fires)
    {
        var fixture = Valid();
        Set(fixture.Episode(1), "CINreferralDate", referral);
        Set(fixture.Episode(1), "ReferralSource", null);

        Assert.Equal(fires, Fires(fixture, "8866"));
    }

    // 2885: the plan's start "should equal either: a) a Section47 module <DateOfInitialCPC>, or b) a CINDetails module
    // <DateOfInitialCPC> if there is no associated Section 47 record".
    [Fact]
    public void Rule_2885_takes_the_episode_level_conference_only_when_the_episode_has_no_section_47_enquiry()
    {
        var fixture = Valid();
        Set(fixture.Episode(0), "DateOfInitialCPC", "2024-05-20");
        Set(fixture.ProtectionPlan(0), "CPPstartDate", "2024-05-20");
        Assert.True(Fires(fixture, "2885"));

        fixture.Episode(0).Elements("Section47").Remove();
        Assert.False(Fires(fixture, "2885"));
    }

    // 8540: "If <PersonBirthDate> is present and at least one <ReferralNFA> is false or 0, then one or more instances of
    // <Disability> must be present".
    [Fact]
    public void Rule_8540_asks_for_a_disability_of_a_born_child_with_a_referral_going_on_to_further_action()
    {
        var fixture = Valid();
        fixture.Characteristics(1).Element("Disabilities")!.Remove();
        Assert.True(Fires(fixture, "8540"));

        Set(fixture.Ids(1), "PersonBirthDate", null);
        Set(fixture.Ids(1), "ExpectedPersonBirthDate", "2025-05-01");
        Set(fixture.Ids(1), "Sex", "U");
        Assert.False(Fires(fixture, "8540"));
    }

    // 8775Q: "<PersonBirthDate> is before (<ReferenceDate> minus 25 years) AND {<CINClosureDate> is after (<PersonBirthDate>
    // plus 25 years) OR <CINClosureDate> is NULL}". Child 1's only episode closed on 30 August 2024.
    [Theory]
    [InlineData("1999-08-01", true)] // 25 on 1 August 2024: the episode closed after it
    [InlineData("1999-08-30", false)] // closed on the 25th birthday, not after it
    [InlineData("1999-09-01", false)] // closed before the 25th birthday
    public void Rule_8775Q_queries_a_child_over_25_only_for_an_episode_open_or_closed_after_their_25th_birthday(string birth, bool queried)
    {
        var fixture = Valid();
        Set(fixture.Ids(1), "PersonBirthDate", birth);

        Assert.Equal(queried, Fires(fixture, "8775Q"));
        Reopen(fixture.Episode(1));
        Assert.True(Fires(fixture, "8775Q"));
    }

    // 8897Q: "if <AssessmentAuthorisationDate> is on or after [Start_Of_Census_Year] then one or more <AssessmentFactors>
    // must be present".
    [Theory]
    [InlineData("2024-03-29", false)]
    [InlineData("2024-04-01", true)]
    public void Rule_8897Q_asks_for_factors_of_an_assessment_completed_in_the_census_year(string authorised, bool queried)
    {
        var fixture = Valid();
        Set(fixture.Episode(1), "CINreferralDate", "2024-03-01");
        Set(fixture.Assessment(1), "AssessmentActualStartDate", "2024-03-02");
        Set(fixture.Assessment(1), "AssessmentAuthorisationDate", authorised);
        Set(fixture.Assessment(1), "FactorsIdentifiedAtAssessment", null);

        Assert.Equal(queried, Fires(fixture, "8897Q"));
    }

    // 8890: a start must not fall within "a) ... any other <Section47> group that has a <DateOfInitialCPC> or b) ... any
    // other <Section47> group that has a missing <DateOfInitialCPC> and the <ICPCnotRequired> flag is not true": an
    // enquiry marked as needing no conference, without one, has no period for another to start in.
    [Fact]
    public void Rule_8890_has_no_period_for_an_enquiry_that_needed_no_conference()
    {
        var fixture = Valid();
        var first = fixture.Section47(1);
        Set(first, "DateOfInitialCPC", null);
        Set(first, "ICPCnotRequired", "1");
        first.AddAfterSelf(new XElement(first));
        Assert.False(Fires(fixture, "8890"));

        Set(fixture.Section47(1), "ICPCnotRequired", "0");
        Set(fixture.Section47(1), "DateOfInitialCPC", "2024-05-13");
        Assert.True(Fires(fixture, "8890"));
    }

    private static bool Fires(CinFixture fixture, string code) => fixture.Validate().Issues.Any(i => i.Rule == code);

    private static void Reopen(XElement episode)
    {
        Set(episode, "CINclosureDate", null);
        Set(episode, "ReasonForClosure", null);
    }
}
