using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Admin;

/// <summary>Searching the audit trail: the filters work and every search is itself recorded.</summary>
public class AuditPagesTests(WebFactories factories) : IClassFixture<WebFactories>
{
    [Theory, ClassData(typeof(BothProviders))]
    public async Task Searching_by_user_shows_only_their_events_and_records_the_search(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var admin = await factory.SignInAsync("admin");
        var adminId = await TestUsers.WithDbAsync(factory, db => db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync());
        var searchesBefore = await TestUsers.WithDbAsync(factory, db => db.AuditEvents.CountAsync(e => e.Process == "Audit.Search"));

        using var response = await admin.GetAsync($"/admin/audit?UserId={adminId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Empty(Html.ErrorSummary(page));
        Assert.Equal("Audit trail – Safeguard", page.Title);
        var rows = Html.TableRows(page);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Alex Admin", r[2]));
        // The demo data was created by the system, not by the administrator: it must not be listed.
        Assert.DoesNotContain(rows, r => r[3].StartsWith("Demo.Seed", StringComparison.Ordinal));
        var total = await TestUsers.WithDbAsync(factory, db => db.AuditEvents.CountAsync(e => e.ActorUserId == adminId && e.Process != "Audit.Search"));
        Assert.Contains(" found.", Html.Text(page, "[data-testid=audit-count]"), StringComparison.Ordinal);

        var searches = await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AsNoTracking().Where(e => e.Process == "Audit.Search").OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(searchesBefore + 1, searches.Count);
        var search = searches[^1];
        Assert.Equal(AuditEventKind.Access, search.Kind);
        Assert.Equal(AuditAction.Searched, search.Action);
        Assert.Equal(adminId, search.ActorUserId);
        Assert.True(total > 0);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Searching_by_kind_of_record_and_date_filters_the_rows(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var admin = await factory.SignInAsync("admin");
        // The page works in UK days and shows UK times.
        var ukToday = Safeguard.Calendar.UkTime.ToUkDate(factory.Clock.GetUtcNow());
        var today = ukToday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var shown = ukToday.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

        var agencies = Html.Parse(await admin.GetStringAsync($"/admin/audit?EntityType=Agency&From={today}&To={today}"));
        var rows = Html.TableRows(agencies);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.StartsWith("Agency ", r[5], StringComparison.Ordinal));
        Assert.All(rows, r => Assert.StartsWith(shown, r[1], StringComparison.Ordinal));

        var future = ukToday.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var none = Html.Parse(await admin.GetStringAsync($"/admin/audit?From={future}"));
        Assert.Empty(Html.TableRows(none));
        Assert.Equal("0 events found.", Html.Text(none, "[data-testid=audit-count]"));

        using var backwards = await admin.GetAsync($"/admin/audit?From={future}&To={today}");
        var refused = await Html.ReadAsync(backwards);
        Assert.Contains(("The end date must be the same as or after the start date", "To"), Html.ErrorSummary(refused));
        Html.AssertErrorSummaryLinksResolve(refused);

        // The search form's GOV.UK date inputs (day, month, year) search the same way as the links' dates.
        var d = ukToday.Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var m = ukToday.Month.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var y = ukToday.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var typed = Html.Parse(await admin.GetStringAsync($"/admin/audit?EntityType=Agency&FromDay={d}&FromMonth={m}&FromYear={y}&ToDay={d}&ToMonth={m}&ToYear={y}"));
        Assert.Equal(rows.Count, Html.TableRows(typed).Count);
        Assert.Equal<(string?, string?, string?)>((d, m, y), DateInputs.Typed(typed, "From"));
        // The result pages' links carry the typed dates on.
        var all = Html.Parse(await admin.GetStringAsync($"/admin/audit?FromDay={d}&FromMonth={m}&FromYear={y}&ToDay={d}&ToMonth={m}&ToYear={y}"));
        var next = all.QuerySelector("a[rel=next]")?.GetAttribute("href");
        Assert.NotNull(next);
        Assert.Contains($"From={today}&To={today}", WebUtility.HtmlDecode(next), StringComparison.Ordinal);

        // A link's dates are shown in the date inputs.
        Assert.Equal<(string?, string?, string?)>((d, m, y), DateInputs.Typed(agencies, "To"));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_search_date_that_is_not_real_is_refused_beside_its_field_keeping_what_was_typed(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var admin = await factory.SignInAsync("admin");

        using var response = await admin.GetAsync("/admin/audit?EntityType=Agency&FromDay=31&FromMonth=2&FromYear=2026&ToDay=1&ToMonth=3&ToYear=26");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ReadAsync(response);
        DateInputs.AssertRefused(page, "From", "The start date must be a real date, with a four-digit year", ("31", "2", "2026"));
        DateInputs.AssertRefused(page, "To", "The end date must be a real date, with a four-digit year", ("1", "3", "26"));
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        // Nothing is searched with a date that is not real.
        Assert.Null(page.QuerySelector("[data-testid=audit-count]"));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Results_come_newest_first_fifty_to_a_page(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var admin = await factory.SignInAsync("admin");
        var total = await TestUsers.WithDbAsync(factory, db => db.AuditEvents.CountAsync());
        Assert.True(total > 50, $"The demo data should make more than one page of events, not {total}.");

        var first = Html.Parse(await admin.GetStringAsync("/admin/audit"));
        var next = first.QuerySelector("a[rel=next]")?.GetAttribute("href");
        Assert.NotNull(next);
        var second = Html.Parse(await admin.GetStringAsync("/admin/audit" + System.Net.WebUtility.HtmlDecode(next)));

        Assert.Empty(Html.ErrorSummary(first));
        Assert.Empty(Html.ErrorSummary(second));
        var firstSequences = Html.TableRows(first).Select(r => long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var secondSequences = Html.TableRows(second).Select(r => long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(50, firstSequences.Count);
        Assert.NotEmpty(secondSequences);
        Assert.Equal(firstSequences.OrderDescending(), firstSequences);
        // Viewing page 1 wrote its own search event; page 2 is pinned to the trail as page 1 saw it, so it
        // continues exactly where page 1 ended.
        Assert.Equal(firstSequences.Min() - 1, secondSequences.Max());
        Assert.True(secondSequences.Min() < firstSequences.Min());
        Assert.Contains("Page 2 of", second.Body!.TextContent, StringComparison.Ordinal);
    }
}
