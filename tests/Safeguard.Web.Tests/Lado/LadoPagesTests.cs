using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Calendar;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Lado;

/// <summary>The LADO pages: an allegation recorded, decided, a stale decision refused, closed; other roles refused; the figures.</summary>
public partial class LadoPagesTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Date(List<KeyValuePair<string, string>> form, string key, DateOnly date)
    {
        form.Add(new($"{key}Day", S(date.Day)));
        form.Add(new($"{key}Month", S(date.Month)));
        form.Add(new($"{key}Year", S(date.Year)));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_lado_records_decides_and_closes_an_allegation_and_other_roles_are_refused(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var today = UkTime.Today(factory.Clock);
        Guid childId;
        string childName;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var child = await db.People.AsNoTracking().Where(p => p.Kind == PersonKind.Child && !p.IsRestricted && p.MergedIntoId == null).OrderBy(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);
            (childId, childName) = (child.Id, child.DisplayName);
        }

        using var lado = await factory.SignInAsync("lado");
        var worker = "Wes " + Guid.NewGuid().ToString("N")[..6];

        // Refused beside its fields, with the summary's links resolving.
        using var refused = await SafeguardWebFactory.PostFormAsync(lado, "/lado/allegations/new", new Dictionary<string, string> { ["Input.WorkerName"] = worker });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await Html.ReadAsync(refused);
        Assert.Contains(Html.ErrorSummary(refusedPage), e => e.Message == "Add at least one child the allegation concerns");
        Html.AssertErrorSummaryLinksResolve(refusedPage);

        // Finding the child by name offers them to tick.
        var find = new List<KeyValuePair<string, string>> { new("Input.WorkerName", worker), new("Input.FindChild", childName), new("Find", "1"), new("ContactId", ""), new("Input.EmployerAgencyId", ""), new("Input.Sector", "SportAndLeisure") };
        Date(find, "Input.ReferredOn", today);
        using var found = await SafeguardWebFactory.PostFormAsync(lado, "/lado/allegations/new", find);
        Assert.Contains($"value=\"{childId}\"", await found.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var form = new List<KeyValuePair<string, string>>
        {
            new("Input.WorkerName", worker), new("Input.WorkerRole", "Football coach"), new("Input.EmployerName", "Radcliffe Juniors FC"),
            new("Input.Sector", "SportAndLeisure"), new("ChildIds", childId.ToString()), new("Input.ReferrerName", "Club welfare officer"),
            new("Input.Category", "BehaviourTowardsChild"), new("Input.Allegation", "Messages to a player late at night"),
        };
        Date(form, "Input.ReferredOn", today);
        using var recorded = await SafeguardWebFactory.PostFormAsync(lado, "/lado/allegations/new", form);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var url = recorded.Headers.Location!.OriginalString;
        using var shown = await lado.GetAsync(url);
        var page = await Html.ReadAsync(shown);
        Assert.Equal(worker, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith("Initial consideration: Due", page.QuerySelector("[data-testid=status]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains(worker, await lado.GetStringAsync("/lado"), StringComparison.Ordinal);

        var decision = new List<KeyValuePair<string, string>> { new("Version", "0"), new("Input.Decision", "ThresholdMet"), new("Input.Reason", "Grooming concerns") };
        Date(decision, "Input.ConsideredOn", today);
        using var decided = await SafeguardWebFactory.PostFormAsync(lado, url + "/decision", decision);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        using var stale = await SafeguardWebFactory.PostFormAsync(lado, url + "/decision", decision);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("govuk-error-summary", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var close = new List<KeyValuePair<string, string>> { new("Version", "1"), new("Input.Outcome", "Unfounded") };
        Date(close, "Input.ClosedOn", today);
        using var closed = await SafeguardWebFactory.PostFormAsync(lado, url + "/close", close);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains("Unfounded", await lado.GetStringAsync(url), StringComparison.Ordinal);

        // Nobody else reads the allegation; the business unit sees the figures only.
        using var social = await factory.SignInAsync("social.worker");
        Assert.Equal(HttpStatusCode.Forbidden, (await social.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await social.GetAsync("/lado")).StatusCode);
        using var unit = await factory.SignInAsync("business.unit");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync(url)).StatusCode);
        var figures = await unit.GetStringAsync("/lado/figures");
        Assert.Contains("Referrals by sector", figures, StringComparison.Ordinal);
        Assert.DoesNotContain(worker, figures, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_lado_exports_a_workers_ticked_allegations_and_nobody_else_opens_the_page(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var lado = await factory.SignInAsync("lado");
        string worker;
        Guid allegationId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var allegation = new Safeguard.Lado.LadoAllegation
            {
                WorkerName = "Vic " + Guid.NewGuid().ToString("N")[..6],
                WorkerRole = "Youth worker",
                Sector = Safeguard.Lado.LadoSector.Voluntary,
                ReferredOn = UkTime.Today(factory.Clock),
                ReferrerName = "A parent",
                Category = Safeguard.Lado.LadoCategory.Harm,
                Allegation = "Shouted at a child",
                OwnerName = "Lou Lado",
                RecordedByName = "Lou Lado",
            };
            using (db.BeginProcess("Test.Seed", Safeguard.Auditing.Actor.System()))
            {
                db.Add(allegation);
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }

            (worker, allegationId) = (allegation.WorkerName, allegation.Id);
        }

        var found = await Html.ReadAsync(await lado.GetAsync("/lado/subject-access?WorkerName=" + Uri.EscapeDataString(worker.ToUpperInvariant())));
        Assert.Contains(found.QuerySelectorAll("input[name=AllegationIds]"), i => i.GetAttribute("value") == allegationId.ToString());

        // Refused beside its fields when nothing is ticked and no reason given.
        using var refused = await SafeguardWebFactory.PostFormAsync(lado, "/lado/subject-access", new Dictionary<string, string> { ["WorkerName"] = worker }, "/lado/subject-access?WorkerName=" + Uri.EscapeDataString(worker));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await Html.ReadAsync(refused);
        Assert.Equal(["Select the allegations about this worker", "Enter why the export is being made (for example the request's reference)"], Html.ErrorSummary(refusedPage).Select(e => e.Message));
        Html.AssertErrorSummaryLinksResolve(refusedPage);

        using var exported = await SafeguardWebFactory.PostFormAsync(lado, "/lado/subject-access",
            [new("WorkerName", worker), new("AllegationIds", allegationId.ToString()), new("Reason", "SAR 2026/31")], "/lado/subject-access");
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Equal("application/zip", exported.Content.Headers.ContentType!.MediaType);

        using var unit = await factory.SignInAsync("business.unit");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/lado/subject-access")).StatusCode);
        using var social = await factory.SignInAsync("social.worker");
        Assert.Equal(HttpStatusCode.Forbidden, (await social.GetAsync("/lado/subject-access")).StatusCode);
    }
}
