using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.DemoData;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.CaseReviews;

/// <summary>A migrated database with the demo agencies, users and cases, and a clock the test moves.</summary>
internal sealed class CaseReviewFixture : IAsyncDisposable
{
    private CaseReviewFixture(TestDatabase database, ServiceProvider services, FakeTimeProvider clock)
    {
        Database = database;
        Services = services;
        Clock = clock;
        Scope = services.CreateScope();
    }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceScope Scope { get; }

    public SafeguardDbContext Db => Scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();

    public T Get<T>()
        where T : notnull => Scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>Monday 23 November 2026, 10:00 UTC, unless the test says otherwise.</summary>
    public static async Task<CaseReviewFixture> CreateAsync(DatabaseProvider provider, DateTimeOffset? now = null)
    {
        var clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var database = await TestDatabase.CreateAsync(provider);
        var services = database.Services(clock);
        var fixture = new CaseReviewFixture(database, services, clock);
        await SafeguardDatabase.MigrateAsync(fixture.Db);
        await fixture.Get<DemoSeeder>().SeedAsync("Testshire", Safeguard.Testing.TestServices.SmallDemo, TestContext.Current.CancellationToken);
        return fixture;
    }

    public async Task<Actor> ActorAsync(string userName)
    {
        var user = await Db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName, TestContext.Current.CancellationToken);
        return new Actor(user.Id, user.DisplayName, user.AgencyId);
    }

    public async Task<Guid> AgencyAsync(string code) =>
        (await Db.Agencies.AsNoTracking().SingleAsync(a => a.Code == code, TestContext.Current.CancellationToken)).Id;

    public async ValueTask DisposeAsync()
    {
        Scope.Dispose();
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
