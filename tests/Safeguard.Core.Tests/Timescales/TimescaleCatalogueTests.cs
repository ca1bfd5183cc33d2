using Safeguard.Timescales;

namespace Safeguard.Core.Tests.Timescales;

public class TimescaleCatalogueTests
{
    private static readonly TimescaleCatalogue Catalogue = TimescaleCatalogue.Default;

    [Theory]
    [InlineData("contact-decision", 1, TimescaleUnit.WorkingDays, false)]
    [InlineData("assessment", 45, TimescaleUnit.WorkingDays, false)]
    [InlineData("icpc", 15, TimescaleUnit.WorkingDays, false)]
    [InlineData("first-cp-review", 3, TimescaleUnit.Months, false)]
    [InlineData("later-cp-review", 6, TimescaleUnit.Months, false)]
    [InlineData("first-core-group", 10, TimescaleUnit.WorkingDays, true)]
    [InlineData("cp-visit", 10, TimescaleUnit.WorkingDays, true)]
    [InlineData("panel-notification", 5, TimescaleUnit.WorkingDays, false)]
    [InlineData("rapid-review", 15, TimescaleUnit.WorkingDays, false)]
    [InlineData("lcspr", 6, TimescaleUnit.Months, false)]
    [InlineData("lac-first-review", 20, TimescaleUnit.WorkingDays, false)]
    [InlineData("lac-second-review", 3, TimescaleUnit.Months, false)]
    [InlineData("lac-later-review", 6, TimescaleUnit.Months, false)]
    [InlineData("lac-initial-health-assessment", 20, TimescaleUnit.WorkingDays, false)]
    [InlineData("lac-health-review-under-5", 6, TimescaleUnit.Months, false)]
    [InlineData("lac-health-review", 12, TimescaleUnit.Months, false)]
    [InlineData("lac-dental-check", 6, TimescaleUnit.Months, true)]
    [InlineData("care-leaver-pathway-plan", 3, TimescaleUnit.Months, false)]
    [InlineData("care-leaver-pathway-plan-review", 6, TimescaleUnit.Months, false)]
    [InlineData("return-home-interview", 72, TimescaleUnit.Hours, false)]
    [InlineData("wise-assessment", 4, TimescaleUnit.Weeks, true)]
    [InlineData("wise-review", 3, TimescaleUnit.Months, true)]
    [InlineData("early-help-review", 6, TimescaleUnit.Weeks, true)]
    public void The_shipped_catalogue_holds_the_default_timescales(string id, int duration, TimescaleUnit unit, bool locallyChangeable)
    {
        var rule = Catalogue.Get(id);

        Assert.Equal(duration, rule.Duration);
        Assert.Equal(duration, rule.DefaultDuration);
        Assert.Equal(unit, rule.Unit);
        Assert.Equal(locallyChangeable, rule.LocallyChangeable);
        Assert.False(rule.IsOverridden);
        Assert.False(string.IsNullOrWhiteSpace(rule.Description));
        Assert.False(string.IsNullOrWhiteSpace(rule.CountedFrom));
        Assert.False(string.IsNullOrWhiteSpace(rule.Source));
    }

    [Fact]
    public void The_catalogue_has_exactly_the_thirty_two_timescales() =>
        Assert.Equal(
            ["contact-decision", "assessment", "icpc", "first-cp-review", "later-cp-review", "first-core-group", "cp-visit", "panel-notification",
             "rapid-review", "lcspr", "lac-first-review", "lac-second-review", "lac-later-review", "lac-initial-health-assessment", "lac-health-review-under-5",
             "lac-health-review", "lac-dental-check", "care-leaver-pathway-plan", "care-leaver-pathway-plan-review", "return-home-interview",
             "private-fostering-first-visit", "private-fostering-visit", "private-fostering-visit-later", "wise-assessment", "wise-review", "early-help-review",
             "lado-initial-consideration", "lado-resolution", "escalation-stage-1", "escalation-stage-2", "escalation-stage-3", "escalation-stage-4"],
            Catalogue.Rules.Select(r => r.Id));

    [Theory]
    [InlineData("contact-decision", "1 working day")]
    [InlineData("assessment", "45 working days")]
    [InlineData("first-cp-review", "3 months")]
    [InlineData("return-home-interview", "72 hours")]
    [InlineData("wise-assessment", "4 weeks")]
    public void Durations_read_in_words(string id, string expected) => Assert.Equal(expected, Catalogue.Get(id).DurationText);

    [Fact]
    public void An_unknown_id_is_named_with_the_known_ids()
    {
        var ex = Assert.Throws<UnknownTimescaleRuleException>(() => Catalogue.Get("core-group"));

        Assert.Equal("core-group", ex.RuleId);
        Assert.Contains("'core-group'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("first-core-group", ex.Message, StringComparison.Ordinal);
        Assert.Contains("wise-assessment", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_override_changes_a_locally_changeable_duration_in_a_new_catalogue()
    {
        var local = Catalogue.WithOverrides([new TimescaleOverride("first-core-group", 5), new TimescaleOverride("wise-assessment", 6)]);

        Assert.Equal(5, local.Get("first-core-group").Duration);
        Assert.Equal(10, local.Get("first-core-group").DefaultDuration);
        Assert.True(local.Get("first-core-group").IsOverridden);
        Assert.Equal(6, local.Get("wise-assessment").Duration);
        Assert.Equal(45, local.Get("assessment").Duration);
        Assert.Equal(10, Catalogue.Get("first-core-group").Duration); // the shipped catalogue is unchanged
    }

    [Theory]
    [InlineData("icpc")]
    [InlineData("assessment")]
    [InlineData("return-home-interview")]
    public void A_statutory_timescale_cannot_be_overridden(string id)
    {
        var ex = Assert.Throws<InvalidTimescaleOverrideException>(() => Catalogue.WithOverrides([new TimescaleOverride(id, 20)]));

        Assert.Contains($"'{id}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be changed locally", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overrides_with_a_bad_duration_an_unknown_id_or_a_repeat_are_refused()
    {
        var zero = Assert.Throws<InvalidTimescaleOverrideException>(() => Catalogue.WithOverrides([new TimescaleOverride("first-core-group", 0)]));
        Assert.Throws<UnknownTimescaleRuleException>(() => Catalogue.WithOverrides([new TimescaleOverride("core-group", 5)]));
        var repeat = Assert.Throws<InvalidTimescaleOverrideException>(() => Catalogue.WithOverrides(
            [new TimescaleOverride("first-core-group", 5), new TimescaleOverride("first-core-group", 7)]));

        Assert.Contains("at least 1", zero.Message, StringComparison.Ordinal);
        Assert.Contains("more than once", repeat.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "rules": [ { "id": "Bad_Id", "description": "d", "countedFrom": "c", "duration": 1, "unit": "Hours", "source": "s", "locallyChangeable": false } ] }""", "field id")]
    [InlineData("""{ "rules": [ { "id": "x", "description": "d", "countedFrom": "c", "duration": 1, "source": "s", "locallyChangeable": false } ] }""", "field unit")]
    [InlineData("""{ "rules": [ { "id": "x", "description": "d", "countedFrom": "c", "duration": 0, "unit": "Hours", "source": "s", "locallyChangeable": false } ] }""", "field duration")]
    [InlineData("""{ "rules": [ { "id": "x", "description": "", "countedFrom": "c", "duration": 1, "unit": "Hours", "source": "s", "locallyChangeable": false } ] }""", "field description")]
    [InlineData("""{ "rules": [] }""", "no rules")]
    [InlineData("""{ "rules": [ { "id": "x", "unit": "Fortnights" } ] }""", "test.json")]
    public void A_malformed_catalogue_is_reported_with_the_rule_and_field(string json, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => TimescaleCatalogue.FromJson(json, "test.json"));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
