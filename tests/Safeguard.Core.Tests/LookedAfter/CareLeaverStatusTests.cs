using Safeguard.Interchange.Ssda903;
using Safeguard.LookedAfter;

namespace Safeguard.Core.Tests.LookedAfter;

/// <summary>
/// The leaving care status worked out from the care history: 13 weeks since 14 met after 16 (eligible), left care after
/// that (relevant), 18 to 21 (former relevant), and the cases the Act leaves out. The young person is born 10 May 2009.
/// </summary>
public class CareLeaverStatusTests
{
    private static readonly DateOnly Born = new(2009, 5, 10);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static CareEpisode Episode(DateOnly from, DateOnly? to = null, string rec = "E8", string ls = "C2", string rne = "S") => new()
    {
        StartedOn = from,
        EndedOn = to,
        ReasonEpisodeCeased = to is null ? null : rec,
        ReasonForNewEpisode = rne,
        LegalStatus = ls,
        CategoryOfNeed = "N1",
        PlacementType = "U4",
        IroName = "",
        RecordedByName = "",
    };

    private static CareLeaverAssessment Assess(DateOnly today, params CareEpisode[] episodes) => CareLeaverRules.Assess(Born, episodes, today);

    [Fact]
    public void Looked_after_since_14_and_now_16_is_eligible_from_the_16th_birthday()
    {
        var a = Assess(D(2026, 11, 23), Episode(D(2024, 1, 8)));
        Assert.Equal((LeavingCareStatus.Eligible, 17, (DateOnly?)D(2025, 5, 10)), (a.Status, a.Age, a.EligibleFrom));
        Assert.True(a.OwedPathwayPlan);
    }

    [Fact]
    public void Thirteen_weeks_is_91_days_counted_across_periods_of_care_and_eligibility_starts_the_day_they_are_met()
    {
        // 60 days at 14 (1 June to 30 July 2023), then looked after again from 1 October 2026 (age 17): day 91 is 31 October.
        var first = Episode(D(2023, 6, 1), D(2023, 7, 31));
        var a = Assess(D(2026, 10, 30), first, Episode(D(2026, 10, 1)));
        Assert.Equal((LeavingCareStatus.Qualifying, 90), (a.Status, a.DaysLookedAfterSince14));
        var b = Assess(D(2026, 10, 31), first, Episode(D(2026, 10, 1)));
        Assert.Equal((LeavingCareStatus.Eligible, 91, (DateOnly?)D(2026, 10, 31)), (b.Status, b.DaysLookedAfterSince14, b.EligibleFrom));
    }

    [Fact]
    public void Time_before_14_and_short_breaks_do_not_count()
    {
        // Looked after 1 January 2023 to 30 June 2023: only 10 May (14th birthday) to 29 June counts, 51 days.
        var a = Assess(D(2026, 11, 23), Episode(D(2023, 1, 1), D(2023, 6, 30)), Episode(D(2025, 6, 1), ls: "V3"));
        Assert.Equal((LeavingCareStatus.None, 51), (a.Status, a.DaysLookedAfterSince14));
    }

    [Fact]
    public void Leaving_care_after_becoming_eligible_is_relevant_unless_home_with_parents_for_6_months_or_under_an_order()
    {
        var history = Episode(D(2024, 1, 8), D(2026, 3, 1));
        Assert.Equal(LeavingCareStatus.Relevant, Assess(D(2026, 11, 23), history).Status);

        var home = Episode(D(2024, 1, 8), D(2026, 3, 1), rec: "E4A");
        Assert.Equal(LeavingCareStatus.Relevant, Assess(D(2026, 8, 31), home).Status);
        var settled = Assess(D(2026, 9, 1), home);
        Assert.Equal((LeavingCareStatus.Qualifying, "Returned home to live with parents for 6 months or more"), (settled.Status, settled.Reason));

        Assert.Equal(LeavingCareStatus.Qualifying, Assess(D(2026, 11, 23), Episode(D(2024, 1, 8), D(2026, 3, 1), rec: "E45")).Status);
        var adopted = Assess(D(2026, 11, 23), Episode(D(2024, 1, 8), D(2026, 3, 1), rec: "E11"));
        Assert.Equal((LeavingCareStatus.None, "Adopted"), (adopted.Status, adopted.Reason));
        Assert.Equal(LeavingCareStatus.None, Assess(D(2026, 11, 23), Episode(D(2024, 1, 8), D(2026, 3, 1), rec: "E3")).Status);
    }

    [Fact]
    public void Leaving_before_16_is_not_a_care_leaver_and_under_16_is_not_yet()
    {
        Assert.Equal("Not looked after since 16", Assess(D(2026, 11, 23), Episode(D(2023, 6, 1), D(2025, 1, 1))).Reason);
        Assert.Equal("Under 16", Assess(D(2025, 5, 9), Episode(D(2024, 1, 8))).Reason);
        Assert.Equal("Never looked after", CareLeaverRules.Assess(Born, [], D(2026, 11, 23)).Reason);
    }

    [Fact]
    public void From_18_a_young_person_eligible_or_relevant_before_is_former_relevant_to_21_and_to_25_while_a_plan_is_kept()
    {
        var history = Episode(D(2024, 1, 8), D(2027, 5, 10), rec: "E17");
        Assert.Equal(LeavingCareStatus.FormerRelevant, Assess(D(2028, 1, 1), history).Status);
        Assert.Equal(LeavingCareStatus.FormerRelevant, Assess(D(2030, 5, 9), history).Status);
        var over21 = Assess(D(2030, 5, 10), history);
        Assert.Equal((LeavingCareStatus.None, "21 or over"), (over21.Status, over21.Reason));
        Assert.Equal(LeavingCareStatus.FormerRelevant, CareLeaverRules.Assess(Born, [history], D(2031, 1, 1), planSince21: true).Status);

        // Home with parents for 6 months before 18: not former relevant, but qualifying for advice and assistance.
        Assert.Equal(LeavingCareStatus.Qualifying, Assess(D(2028, 1, 1), Episode(D(2024, 1, 8), D(2026, 3, 1), rec: "E13")).Status);
    }

    [Fact]
    public void The_OC3_code_lists_name_every_code_of_the_903_schema()
    {
        Assert.Equal(Ssda903Schema.InTouch.Order(), CareLeaverCodes.InTouch.Select(c => c.Code).Order());
        Assert.Equal(Ssda903Schema.Activity.Order(), CareLeaverCodes.Activity.Select(c => c.Code).Order());
        Assert.Equal(Ssda903Schema.Accommodation.Order(), CareLeaverCodes.Accommodation.Select(c => c.Code).Order());
        Assert.All(CareLeaverCodes.InTouch.Concat(CareLeaverCodes.Activity).Concat(CareLeaverCodes.Accommodation), c => Assert.NotEqual(c.Code, c.Name));
        Assert.Equal("U2: Independent living: not suitable", CareLeaverCodes.Describe(CareLeaverCodes.Accommodation, "U2"));
        Assert.Equal("0", CareLeaverCodes.Accommodation[^1].Code);
    }
}
