using Microsoft.Extensions.DependencyInjection;
using Safeguard.Common;
using Safeguard.Core.Tests.CaseReviews;
using Safeguard.Dataset;
using Safeguard.Persistence;
using Safeguard.Testing;
using static Safeguard.Core.Tests.Dataset.DataReturnTests;

namespace Safeguard.Core.Tests.Dataset;

public class DatasetCacheTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;
    private static readonly ReportingYear LastYear = new(2025);

    private static async Task SubmitPoliceContactsAsync(CaseReviewFixture f, int quarter, string figure)
    {
        var request = await OpenFor(f, LastYear.Quarter(quarter), "POLICE");
        await f.Get<DataReturnService>().SaveAsync(request.Id, request.Version, [new("3.1", figure), new("3.6", "1"), new("6.2", "1")], submit: true, await f.ActorAsync("data.police"), Token);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Figures_are_shown_again_until_a_record_changes_and_then_worked_out_afresh(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        await SubmitPoliceContactsAsync(f, 1, "100");
        var cache = f.Get<DatasetCache>();

        var first = await cache.ComputeAsync(f.Db, LastYear, cancellationToken: Token);
        var again = await cache.ComputeAsync(f.Db, LastYear, cancellationToken: Token);
        Assert.Same(first, again);
        Assert.Equal(100m, first.Rows.Single(r => r.Indicator.Code == "3.1").Q1);

        await SubmitPoliceContactsAsync(f, 2, "110");
        var changed = await cache.ComputeAsync(f.Db, LastYear, cancellationToken: Token);
        Assert.NotSame(first, changed);
        Assert.Equal([100m, 110m], changed.Rows.Single(r => r.Indicator.Code == "3.1").Quarters.Take(2));

        // Every change appends a change event, so the version moves with it; reads do not move it.
        var version = await DataVersion.CurrentAsync(f.Db, Token);
        Assert.Same(changed, await cache.ComputeAsync(f.Db, LastYear, cancellationToken: Token));
        Assert.Equal(version, await DataVersion.CurrentAsync(f.Db, Token));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Figures_as_at_now_are_worked_out_again_after_five_minutes_and_say_when_they_were_worked_out(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        await SubmitPoliceContactsAsync(f, 1, "100");
        var cache = f.Get<DatasetCache>();
        var workedOut = f.Clock.GetUtcNow();

        var first = await cache.ComputeAsync(f.Db, LastYear, cancellationToken: Token);
        Assert.Equal(workedOut, first.AsAt);

        f.Clock.Advance(TimeSpan.FromMinutes(4));
        var within = await cache.ComputeAsync(f.Db, LastYear, cancellationToken: Token);
        Assert.Same(first, within);
        Assert.Equal(workedOut, within.AsAt);

        f.Clock.Advance(TimeSpan.FromMinutes(2));
        var later = await cache.ComputeAsync(f.Db, LastYear, cancellationToken: Token);
        Assert.NotSame(first, later);
        Assert.Equal(f.Clock.GetUtcNow(), later.AsAt);

        // A given "as at" is kept however old it is, while nothing changes; a different one is its own.
        var asAt = workedOut.AddDays(-1);
        var past = await cache.ComputeAsync(f.Db, LastYear, asAt, Token);
        f.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Same(past, await cache.ComputeAsync(f.Db, LastYear, asAt, Token));
        Assert.NotSame(past, await cache.ComputeAsync(f.Db, LastYear, asAt.AddHours(1), Token));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Concurrent_readers_share_one_computation(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        await SubmitPoliceContactsAsync(f, 1, "100");
        var cache = f.Get<DatasetCache>();
        var version = await DataVersion.CurrentAsync(f.Db, Token);

        // Each reader has a context of its own, as each request does.
        var readers = Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var scope = f.Services.CreateAsyncScope();
            return await cache.ComputeAsync(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>(), [LastYear.Previous, LastYear], cancellationToken: Token);
        });
        var results = await Task.WhenAll(readers);
        Assert.All(results, r => Assert.Same(results[0], r));
        Assert.Equal(version, await DataVersion.CurrentAsync(f.Db, Token));
    }
}
