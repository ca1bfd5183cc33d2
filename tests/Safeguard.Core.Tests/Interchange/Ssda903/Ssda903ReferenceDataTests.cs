using Safeguard.Interchange.Ssda903;

namespace Safeguard.Core.Tests.Interchange.Ssda903;

/// <summary>The reference data some rules need: read from files shaped as the real ones, and reported when not given.</summary>
public sealed class Ssda903ReferenceDataTests
{
    [Fact]
    public void Rules_needing_reference_data_not_given_are_reported_as_not_checked_with_the_reason()
    {
        var (summary, _) = Ssda903Validator.Validate(Ssda903Fixture.Valid().Files(), Ssda903Fixture.Collection);

        Assert.Equal("needs reference data: a postcode lookup", summary.NotCheckedReasons["164"]);
        Assert.Equal("needs reference data: Ofsted's provider register", summary.NotCheckedReasons["1008"]);
        Assert.Equal("needs reference data: a postcode lookup and the returning local authority", summary.NotCheckedReasons["179"]);
        Assert.Contains(summary.NotImplemented, r => r.Code == "164");
        Assert.Contains(summary.Totals.NotImplemented!, r => r.Rule == "164" && r.Message.StartsWith("Not checked: needs reference data: a postcode lookup.", StringComparison.Ordinal));
        Assert.Equal(summary.Listed - summary.NotImplemented.Count, summary.Implemented);
    }

    [Fact]
    public void With_all_reference_data_every_rule_runs_and_the_valid_return_stays_clean()
    {
        var fixture = Ssda903Fixture.Valid();
        fixture.Reference = Ssda903ReferenceFixture.All;
        var (summary, issues) = Ssda903Validator.Validate(fixture.Files(), Ssda903Fixture.Collection, Ssda903ReferenceFixture.All);

        Assert.Empty(issues);
        Assert.Empty(summary.NotCheckedReasons);
        Assert.Empty(summary.NotImplemented);
    }

    [Theory]
    [InlineData("OUT", null, true)] // the fixture's placement postcode, M2 2BB, is in the returning authority (Manchester)
    [InlineData("IN", null, false)]
    [InlineData("OUT", "E08000002", false)] // PL_LA given (Bury's ONS code) wins over the postcode
    [InlineData("IN", "E08000002", true)]
    [InlineData("IN", "e08000003", false)]
    public void Rule_411_compares_the_location_given_with_the_placement_authority_both_ways(string location, string? la, bool fires)
    {
        var fixture = Ssda903Fixture.Valid();
        Ssda903RuleTests.Located(fixture, location, la);

        Assert.Equal(fires, fixture.Validate().Any(i => i.Rule == "411"));
    }

    [Fact]
    public void Rule_411_has_nothing_to_compare_without_the_location_and_is_not_checked_without_the_returning_authority()
    {
        var (summary, _) = Ssda903Validator.Validate(Ssda903Fixture.Valid().Files(), Ssda903Fixture.Collection);

        Assert.Equal("needs reference data: the returning local authority", summary.NotCheckedReasons["411"]);
    }

    [Fact]
    public void A_lookup_with_latitude_and_longitude_gives_distances_in_miles()
    {
        var lookup = Ssda903ReferenceData.ReadPostcodes("nspl.csv", new StringReader(
            "pcds,laua,lat,long\nM2 5DB,E08000003,53.479251,-2.244926\nBL9 0SW,E08000002,53.592990,-2.296870\n"));

        var miles = Ssda903ReferenceData.Miles(lookup["M25DB"], lookup["BL90SW"]);

        Assert.InRange(miles, 8.0, 8.2);
        Assert.Equal(8.1, Ssda903ReferenceData.Miles(Ssda903ReferenceFixture.All.Postcodes!["M22BB"], Ssda903ReferenceFixture.All.Postcodes!["BL90SW"]));
    }

    [Fact]
    public void A_lookup_without_a_position_or_an_authority_is_refused_naming_what_is_missing()
    {
        var noPosition = Assert.Throws<Ssda903UnreadableException>(() => Ssda903ReferenceData.ReadPostcodes("p.csv", new StringReader("pcd,laua\nM1 1AA,E08000003\n")));
        Assert.Contains("oseast1m, osnrth1m", noPosition.Message, StringComparison.Ordinal);
        var noAuthority = Assert.Throws<Ssda903UnreadableException>(() => Ssda903ReferenceData.ReadPostcodes("p.csv", new StringReader("pcd,oseast1m,osnrth1m\n")));
        Assert.Contains("local authority", noAuthority.Message, StringComparison.Ordinal);
        Assert.Throws<Ssda903UnreadableException>(() => Ssda903ReferenceData.ReadProviders("r.csv", new StringReader("NAME,POSTCODE\n")));
    }

    [Theory]
    [InlineData("E08000003", true)]
    [InlineData("W06000015", false)]
    public void A_placement_with_no_URN_fires_218_only_in_England_when_the_lookup_says_where_it_is(string authority, bool fires)
    {
        var fixture = Ssda903Fixture.Valid();
        Ssda903Fixture.Set(fixture.Episode, ("URN", null));
        fixture.Reference = new Ssda903ReferenceData
        {
            Postcodes = Ssda903ReferenceData.ReadPostcodes("nspl.csv", new StringReader($"pcds,laua,oseast1m,osnrth1m\nM1 1AA,E08000003,384124,397781\nM2 2BB,{authority},383736,398286\n")),
        };

        Assert.Equal(fires, fixture.Fires("218"));
    }

    [Theory]
    [InlineData("351", "E08000002")]
    [InlineData("e08000002", "E08000002")]
    public void The_returning_authority_is_given_by_its_DfE_or_ONS_code(string code, string ons)
    {
        Assert.Equal(ons, Ssda903ReferenceData.ResolveLocalAuthority(code));
    }

    [Fact]
    public void An_unknown_authority_code_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Ssda903ReferenceData.ResolveLocalAuthority("999"));
    }
}
