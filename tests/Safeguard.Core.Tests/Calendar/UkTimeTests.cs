using Safeguard.Calendar;
using static Safeguard.Core.Tests.TestDates;

namespace Safeguard.Core.Tests.Calendar;

public class UkTimeTests
{
    [Theory]
    [InlineData("2024-03-31T00:30:00Z", "2024-03-31T00:30:00+00:00")] // before the clocks go forward at 01:00 GMT
    [InlineData("2024-03-31T01:30:00Z", "2024-03-31T02:30:00+01:00")] // after
    [InlineData("2024-10-27T00:30:00Z", "2024-10-27T01:30:00+01:00")] // first 01:30 on the day the clocks go back
    [InlineData("2024-10-27T01:30:00Z", "2024-10-27T01:30:00+00:00")] // second 01:30
    [InlineData("2024-06-30T23:30:00Z", "2024-07-01T00:30:00+01:00")]
    public void Converts_instants_to_uk_local_time(string instant, string expectedLocal)
    {
        var local = UkTime.ToUkLocal(At(instant));

        Assert.Equal(At(expectedLocal), local);
        Assert.Equal(At(expectedLocal).Offset, local.Offset);
    }

    [Theory]
    [InlineData("2024-06-30T23:30:00Z", "2024-07-01")] // BST: already the next day in the UK
    [InlineData("2024-12-31T23:30:00Z", "2024-12-31")] // GMT: the same day
    public void The_uk_date_of_an_instant_follows_uk_clocks(string instant, string expectedDate) =>
        Assert.Equal(D(expectedDate), UkTime.ToUkDate(At(instant)));

    [Fact]
    public void Today_comes_from_the_clock_in_uk_time()
    {
        var clock = new Safeguard.Testing.FakeTimeProvider(At("2024-04-12T23:30:00Z"));

        Assert.Equal(D("2024-04-13"), UkTime.Today(clock));
    }

    [Fact]
    public void A_uk_local_time_becomes_the_right_instant()
    {
        Assert.Equal(At("2024-03-31T01:30:00Z"), UkTime.FromUkLocal(new DateTime(2024, 3, 31, 2, 30, 0, DateTimeKind.Unspecified)));
        Assert.Equal(At("2024-01-15T09:00:00Z"), UkTime.FromUkLocal(new DateTime(2024, 1, 15, 9, 0, 0, DateTimeKind.Unspecified)));
    }

    [Fact]
    public void A_uk_local_time_skipped_or_repeated_by_a_clock_change_is_refused()
    {
        var skipped = Assert.Throws<ArgumentException>(() => UkTime.FromUkLocal(new DateTime(2024, 3, 31, 1, 30, 0, DateTimeKind.Unspecified)));
        var repeated = Assert.Throws<ArgumentException>(() => UkTime.FromUkLocal(new DateTime(2024, 10, 27, 1, 30, 0, DateTimeKind.Unspecified)));

        Assert.Contains("did not happen", skipped.Message, StringComparison.Ordinal);
        Assert.Contains("happened twice", repeated.Message, StringComparison.Ordinal);
    }
}
