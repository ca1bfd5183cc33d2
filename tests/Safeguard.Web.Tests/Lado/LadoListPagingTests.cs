using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Lado;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Lado;

/// <summary>The LADO's list 50 a page: open allegations first (overdue first, then by due date), then closed ones newest first; filters kept on every page.</summary>
public partial class LadoPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_list_shows_fifty_allegations_a_page_open_ones_first_keeping_its_filters(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var today = UkTime.Today(factory.Clock);
        var token = "Pg" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            LadoAllegation Allegation(string name, LadoSector sector, DateOnly referred) => new()
            {
                WorkerName = $"{token} {name}",
                WorkerRole = "Teacher",
                Sector = sector,
                ReferredOn = referred,
                ReferrerName = "Designated safeguarding lead",
                Category = LadoCategory.Harm,
                Allegation = "Grabbed a pupil's arm",
                OwnerName = "Lou Lado",
                RecordedByName = "Lou Lado",
            };

            // Three open: O1 referred ten days ago and not yet decided (overdue), O2 referred today (the initial
            // consideration due tomorrow or the next working day), O3 referred and decided today (resolution due in a
            // month). 52 closed, C01 the most recently; every tenth (and O1) in health.
            var allegations = new List<LadoAllegation>
            {
                Allegation("O3", LadoSector.Education, today),
                Allegation("O1", LadoSector.Health, today.AddDays(-10)),
                Allegation("O2", LadoSector.Education, today),
            };
            (allegations[0].ConsideredOn, allegations[0].Decision, allegations[0].DecisionReason) = (today, LadoDecision.ThresholdMet, "Harm");
            for (var i = 52; i >= 1; i--)
            {
                var closed = Allegation($"C{i:00}", i % 10 == 0 ? LadoSector.Health : LadoSector.Education, today.AddDays(-i - 5));
                (closed.ConsideredOn, closed.Decision, closed.DecisionReason, closed.ClosedOn) = (closed.ReferredOn, LadoDecision.AdviceOnly, "Advice", today.AddDays(-i));
                allegations.Add(closed);
            }

            using (db.BeginProcess("Test.Seed", Actor.System()))
            {
                db.AddRange(allegations);
                await db.SaveChangesAsync(Ct);
            }
        }

        using var lado = await factory.SignInAsync("lado");
        static string[] Rows(IDocument page) => [.. page.QuerySelectorAll("[data-testid=allegations] tbody tr").Select(r => r.QuerySelector("td a")!.TextContent.Trim().Split(' ')[^1])];
        string[] Closed(int from, int to) => [.. Enumerable.Range(from, to - from + 1).Select(i => $"C{i:00}")];

        // Any case of the name's part; the count of the whole list; the next page keeps the filters.
        var all = $"/lado?Status=All&Worker={token.ToLowerInvariant()}";
        var first = Html.Parse(await lado.GetStringAsync(all, Ct));
        Assert.Equal("Showing 1 to 50 of 55 allegations", Html.Text(first, "[data-testid=list-count]"));
        Assert.Equal(["O1", "O2", "O3", .. Closed(1, 47)], Rows(first));
        Assert.Null(first.QuerySelector("nav.govuk-pagination a[rel=prev]"));
        var next = first.QuerySelector("nav.govuk-pagination a[rel=next]")?.GetAttribute("href");
        Assert.Equal(all + "&page=2", next);

        var second = Html.Parse(await lado.GetStringAsync(next, Ct));
        Assert.Equal("Showing 51 to 55 of 55 allegations", Html.Text(second, "[data-testid=list-count]"));
        Assert.Equal(Closed(48, 52), Rows(second));
        Assert.NotNull(second.QuerySelector("nav.govuk-pagination a[rel=prev]"));
        Assert.Null(second.QuerySelector("nav.govuk-pagination a[rel=next]"));

        // A page past the last shows the last; closed only; a sector; overdue only; open only (the default).
        var past = Html.Parse(await lado.GetStringAsync(all + "&page=9", Ct));
        Assert.Equal(Closed(48, 52), Rows(past));
        var closedOnly = Html.Parse(await lado.GetStringAsync($"/lado?Status=Closed&Worker={token}&page=2", Ct));
        Assert.Equal("Showing 51 to 52 of 52 allegations", Html.Text(closedOnly, "[data-testid=list-count]"));
        Assert.Equal(Closed(51, 52), Rows(closedOnly));
        var health = Html.Parse(await lado.GetStringAsync(all + "&Sector=Health", Ct));
        Assert.Equal("Showing 1 to 6 of 6 allegations", Html.Text(health, "[data-testid=list-count]"));
        Assert.Equal(["O1", "C10", "C20", "C30", "C40", "C50"], Rows(health));
        Assert.Null(health.QuerySelector("nav.govuk-pagination"));
        var overdue = Html.Parse(await lado.GetStringAsync(all + "&Overdue=true", Ct));
        Assert.Equal("Showing 1 to 1 of 1 allegation", Html.Text(overdue, "[data-testid=list-count]"));
        Assert.Equal(["O1"], Rows(overdue));
        Assert.Equal(["O1", "O2", "O3"], Rows(Html.Parse(await lado.GetStringAsync($"/lado?Worker={token}", Ct))));
    }
}
