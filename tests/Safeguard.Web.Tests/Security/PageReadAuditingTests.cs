using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Security;

/// <summary>
/// A page that reads through two services (the LADO list: the allegations, then the referrals waiting) writes both
/// reads to the audit trail, each under its own process, in one transaction (docs/adr/0094).
/// </summary>
public class PageReadAuditingTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_page_reading_through_two_services_writes_both_reads_together_each_under_its_process(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var lado = await factory.SignInAsync("lado");
        var before = await TestUsers.WithDbAsync(factory, db => db.AuditEvents.MaxAsync(e => (long?)e.Sequence, Ct)) ?? 0;

        Assert.Contains("Allegations", await lado.GetStringAsync("/lado", Ct), StringComparison.Ordinal);

        var events = await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Sequence > before && e.Kind == AuditEventKind.Access && e.Process.StartsWith("Lado.")).OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Process, e.EntityId }).ToListAsync(Ct));
        Assert.Equal([("Lado.List", "list"), ("Lado.WaitingReferrals", "lado-referrals")], events.Select(e => (e.Process, e.EntityId)));
        Assert.Equal(events[0].Sequence + 1, events[1].Sequence);
        if (provider == DatabaseProvider.Postgres)
        {
            // Rows written by one transaction carry its id.
            var sequences = events.Select(e => e.Sequence).ToList();
            var transactions = await TestUsers.WithDbAsync(factory, db => db.Database
                .SqlQueryRaw<string>("""SELECT xmin::text AS "Value" FROM "AuditEvents" WHERE "Sequence" = ANY({0})""", sequences).Distinct().ToListAsync(Ct));
            Assert.Single(transactions);
        }

        Assert.True((await TestUsers.WithDbAsync(factory, db => AuditTrail.VerifyAsync(db, Ct))).Intact);
    }
}
