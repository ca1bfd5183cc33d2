using Safeguard.FrontDoor;
using Safeguard.Journey;

namespace Safeguard.Core.Tests.Journey;

/// <summary>One display name per census code, the same on the front door, in casework and on the chronology.</summary>
public class CensusCodesTests
{
    [Fact]
    public void A_code_reads_the_same_everywhere_label_then_code()
    {
        Assert.Equal("Health: GP (3A)", ReferralSources.Describe("3A"));
        Assert.Equal(ReferralSources.Describe("3A"), CensusCodes.Describe(CensusCodes.ReferralSources, "3A"));
        Assert.Equal("Abuse or neglect (N1)", CensusCodes.Describe(CensusCodes.PrimaryNeeds, "N1"));
        Assert.Equal("Services ceased for any other reason (RC7)", CensusCodes.Describe(CensusCodes.Reasons, "RC7"));
        Assert.Equal("Neglect (child) (16A)", CensusCodes.DescribeFactor("16A"));
        Assert.Equal("Not recorded", CensusCodes.Describe(CensusCodes.PrimaryNeeds, null));
        Assert.Equal(CensusCodes.ReferralSources.Count, ReferralSources.All.Count);
    }

    [Fact]
    public void Same_day_chronology_entries_follow_the_journey()
    {
        Assert.True(Chronology.ChronologyKinds.Stage(Chronology.ChronologyKinds.Contact) < Chronology.ChronologyKinds.Stage(Chronology.ChronologyKinds.FrontDoorDecision));
        Assert.True(Chronology.ChronologyKinds.Stage(Chronology.ChronologyKinds.FrontDoorDecision) < Chronology.ChronologyKinds.Stage(Chronology.ChronologyKinds.Referral));
        Assert.True(Chronology.ChronologyKinds.Stage(Chronology.ChronologyKinds.Referral) < Chronology.ChronologyKinds.Stage(Chronology.ChronologyKinds.Assessment));
    }
}
