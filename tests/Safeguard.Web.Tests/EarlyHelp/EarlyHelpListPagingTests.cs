using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.EarlyHelp;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.EarlyHelp;

/// <summary>The early help list 50 a page: page 2 of a longer list, keeping the lead agency filter, overdue reviews first.</summary>
public partial class EarlyHelpPagesTests
{
    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_list_shows_fifty_episodes_a_page_overdue_reviews_first_keeping_its_filters(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var today = UkTime.Today(factory.Clock);
        var agency = new Agency { Name = "Paging Children's Centre " + Guid.NewGuid().ToString("N")[..8], Code = "PG" + Guid.NewGuid().ToString("N")[..6], Type = AgencyType.LocalAuthorityOther };
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var episodes = new List<EarlyHelpEpisode>();

            // 55 open episodes started a day apart, all with their review overdue; "Paging 00" (the oldest) had a review
            // 10 days ago, so its next review is not due yet and it goes last; one closed episode is left out unless asked.
            for (var i = 0; i <= 55; i++)
            {
                var started = today.AddDays(-300 + i);
                var episode = new EarlyHelpEpisode
                {
                    FamilyName = $"Paging {i:00}",
                    StartedOn = started,
                    Source = EarlyHelpSource.PartnerAgency,
                    RecordedAt = factory.Clock.GetUtcNow(),
                    RecordedByName = "Test",
                    ClosedOn = i == 55 ? today.AddDays(-1) : null,
                };
                episode.Leads.Add(new EarlyHelpLead { EpisodeId = episode.Id, AgencyId = agency.Id, Name = "Lee Lead", From = started });
                episodes.Add(episode);
            }

            episodes[0].Reviews.Add(new EarlyHelpReview { EpisodeId = episodes[0].Id, HeldOn = today.AddDays(-10), RecordedByName = "Test" });
            using (db.BeginProcess("Test.Seed", Actor.System()))
            {
                db.Add(agency);
                db.AddRange(episodes);
                await db.SaveChangesAsync(Ct);
            }
        }

        using var coordinator = await factory.SignInAsync("early.help");
        var filter = $"/early-help?LeadAgency={agency.Id}";
        var first = Html.Parse(await coordinator.GetStringAsync(filter, Ct));
        var firstRows = Html.TableRows(first);
        Assert.Equal(50, firstRows.Count);
        Assert.Equal("Showing 1 to 50 of 55 episodes", Html.Text(first, "[data-testid=list-count]"));
        Assert.Equal([.. Enumerable.Range(1, 50).Select(i => $"Paging {i:00}")], firstRows.Select(r => r[0]));
        Assert.All(firstRows, r => Assert.Contains("Overdue", r[5], StringComparison.OrdinalIgnoreCase));
        var next = first.QuerySelector("nav.govuk-pagination a[rel=next]")?.GetAttribute("href");
        Assert.Equal($"/early-help?LeadAgency={agency.Id}&page=2", next);

        var second = Html.Parse(await coordinator.GetStringAsync(next, Ct));
        Assert.Equal("Showing 51 to 55 of 55 episodes", Html.Text(second, "[data-testid=list-count]"));
        Assert.Equal(["Paging 51", "Paging 52", "Paging 53", "Paging 54", "Paging 00"], Html.TableRows(second).Select(r => r[0]));
        Assert.NotNull(second.QuerySelector("nav.govuk-pagination a[rel=prev]"));
        Assert.Null(second.QuerySelector("nav.govuk-pagination a[rel=next]"));

        // Closed episodes too: the closed one comes after every open one; a page past the last shows the last.
        var closed = Html.Parse(await coordinator.GetStringAsync(filter + "&Closed=true&page=9", Ct));
        Assert.Equal("Showing 51 to 56 of 56 episodes", Html.Text(closed, "[data-testid=list-count]"));
        Assert.Equal(["Paging 51", "Paging 52", "Paging 53", "Paging 54", "Paging 00", "Paging 55"], Html.TableRows(closed).Select(r => r[0]));
    }
}
