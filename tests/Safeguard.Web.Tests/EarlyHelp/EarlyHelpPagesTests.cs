using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Calendar;
using Safeguard.EarlyHelp;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.EarlyHelp;

/// <summary>
/// The early help pages: an episode started, its team around the family, a review, a change of lead, step-up and
/// closure by the coordinator; a school leading its own episode at /my-agency/early-help and refused another agency's;
/// refusals naming their fields; a change from an old version refused.
/// </summary>
public partial class EarlyHelpPagesTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static List<KeyValuePair<string, string>> Form(params (string Key, string Value)[] fields) => [.. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))];

    private static void Date(List<KeyValuePair<string, string>> form, string key, DateOnly date)
    {
        form.Add(new($"{key}Day", S(date.Day)));
        form.Add(new($"{key}Month", S(date.Month)));
        form.Add(new($"{key}Year", S(date.Year)));
    }

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    private static async Task<string> VersionAsync(HttpClient client, string url) =>
        VersionField().Match(await client.GetStringAsync(url)).Groups[1].Value;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string handler, List<KeyValuePair<string, string>> form, bool withVersion = true)
    {
        if (withVersion && form.All(f => f.Key != "Version"))
        {
            form.Add(new("Version", await VersionAsync(client, url)));
        }

        return await SafeguardWebFactory.PostFormAsync(client, $"{url}?handler={handler}", form, url);
    }

    private static async Task<IReadOnlyList<string>> RefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Html.AssertErrorSummaryLinksResolve(page);
        return [.. Html.ErrorSummary(page).Select(e => e.Message)];
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_coordinator_works_an_episode_through_and_a_school_leads_its_own_but_not_another_agencys(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var today = UkTime.Today(factory.Clock);
        Guid[] children;
        Guid schools, health, locality, schoolUser;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var busy = db.Set<EarlyHelpFamilyMember>().Where(m => db.Set<EarlyHelpEpisode>().Any(e => e.Id == m.EpisodeId && e.ClosedOn == null)).Select(m => m.PersonId);
            children = [.. await db.People.AsNoTracking()
                .Where(p => p.Kind == PersonKind.Child && !p.IsRestricted && p.MergedIntoId == null && !busy.Contains(p.Id))
                .OrderByDescending(p => p.Id).Select(p => p.Id).Take(2).ToListAsync(Ct)];
            var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Id, Ct);
            (schools, health, locality) = (agencies["SCHOOLS"], agencies["HOSP"], agencies["EHE"]);
            schoolUser = await db.Users.AsNoTracking().Where(u => u.UserName == "school").Select(u => u.Id).SingleAsync(Ct);
        }

        using var coordinator = await factory.SignInAsync("early.help");

        // Starting: refused field by field, then started for a school's request.
        var empty = await RefusedAsync(await SafeguardWebFactory.PostFormAsync(coordinator, "/early-help/start", Form(("Input.IncludeAdults", "true"))));
        Assert.Contains("Select how the family came to early help", empty);
        var start = Form(("Input.Source", "PartnerAgency"), ("Input.RequestedByAgencyId", schools.ToString()), ("Input.ChildIds", children[0].ToString()), ("Input.IncludeAdults", "true"));
        Date(start, "Input.StartedOn", today.AddDays(-7));
        using var started = await SafeguardWebFactory.PostFormAsync(coordinator, "/early-help/start", start);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var url = started.Headers.Location!.OriginalString;
        Assert.Matches("^/early-help/[0-9a-f-]{36}$", url);
        var id = Guid.Parse(url["/early-help/".Length..]);

        // The team around the family: a member without agency or name is refused beside the fields, then added.
        var nobody = Form(("Member.UserId", ""), ("Member.AgencyId", ""), ("Member.Name", ""));
        Date(nobody, "Member.JoinedOn", today);
        var noMember = await RefusedAsync(await PostAsync(coordinator, url, "Member", nobody));
        Assert.Contains("Select the agency", noMember);
        Assert.Contains("Enter the person's name", noMember);
        var member = Form(("Member.UserId", ""), ("Member.AgencyId", health.ToString()), ("Member.Name", "Nadia Nurse"), ("Member.Role", "School nurse"));
        Date(member, "Member.JoinedOn", today);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, url, "Member", member)).StatusCode);
        Assert.Contains("Nadia Nurse", await coordinator.GetStringAsync(url), StringComparison.Ordinal);

        // A review; a change sent from the version before it is refused, not saved over it.
        var version = await VersionAsync(coordinator, url);
        var review = Form(("Version", version), ("Review.Progress", "Improving"), ("Review.Notes", "Attendance is up"));
        Date(review, "Review.HeldOn", today.AddDays(-3));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, url, "Review", review)).StatusCode);
        var late = Form(("Version", version), ("Member.UserId", ""), ("Member.AgencyId", health.ToString()), ("Member.Name", "Kim Late"), ("Member.Role", "Health visitor"));
        Date(late, "Member.JoinedOn", today);
        using var stale = await PostAsync(coordinator, url, "Member", late);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var stalePage = await stale.Content.ReadAsStringAsync(Ct);
        Assert.Contains("govuk-error-summary", stalePage, StringComparison.Ordinal);
        Assert.Contains("changed by someone else", stalePage, StringComparison.Ordinal);
        var noProgress = Form(("Review.Notes", ""));
        Date(noProgress, "Review.HeldOn", today);
        Assert.NotEmpty(await RefusedAsync(await PostAsync(coordinator, url, "Review", noProgress)));

        // The school's user becomes lead professional.
        var lead = Form(("Lead.UserId", schoolUser.ToString()), ("Lead.AgencyId", ""), ("Lead.Name", ""), ("Lead.Role", "Designated safeguarding lead"));
        Date(lead, "Lead.From", today);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, url, "Lead", lead)).StatusCode);
        Assert.Contains("Sid School", await coordinator.GetStringAsync(url), StringComparison.Ordinal);

        // Another family led by the locality team: not the school's.
        var other = Form(("Input.Source", "PartnerAgency"), ("Input.RequestedByAgencyId", health.ToString()), ("Input.ChildIds", children[1].ToString()), ("Input.IncludeAdults", "true"),
            ("Input.LeadAgencyId", locality.ToString()), ("Input.LeadName", "Lou Locality"), ("Input.LeadRole", "Early help practitioner"));
        Date(other, "Input.StartedOn", today);
        using var otherStarted = await SafeguardWebFactory.PostFormAsync(coordinator, "/early-help/start", other);
        Assert.Equal(HttpStatusCode.Redirect, otherStarted.StatusCode);
        var otherId = otherStarted.Headers.Location!.OriginalString["/early-help/".Length..];

        // The school leads its own episode at /my-agency/early-help, and is refused the other and the coordinator's pages.
        using var school = await factory.SignInAsync("school");
        var mine = $"/my-agency/early-help/{id}";
        Assert.Contains(mine, await school.GetStringAsync("/my-agency/early-help"), StringComparison.Ordinal);
        Assert.DoesNotContain(otherId, await school.GetStringAsync("/my-agency/early-help"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/my-agency/early-help/{otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetAsync("/early-help")).StatusCode);
        var partnerReview = Form(("Review.Progress", "NoChange"), ("Review.Notes", "Mum attended"));
        Date(partnerReview, "Review.HeldOn", today);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(school, mine, "Review", partnerReview)).StatusCode);
        Assert.Contains("Mum attended", await school.GetStringAsync(mine), StringComparison.Ordinal);
        var partnerStepUp = Form(("StepUp.Concerns", "Worse"), ("StepUp.Consent", "Given"));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(school, mine, "StepUp", partnerStepUp)).StatusCode);

        // The school's next review is on its home page, linked to its agency's early help.
        var home = await Html.ReadAsync(await school.GetAsync("/"));
        Assert.Contains(home.QuerySelectorAll("[data-testid=counts] a"), a => a.TextContent.Trim() == "Early help reviews you lead" && a.GetAttribute("href") == "/my-agency/early-help");

        // Step-up: refused without concerns, then a contact to the front door from the school (the lead's agency).
        var noConcerns = await RefusedAsync(await PostAsync(coordinator, url, "StepUp", Form(("StepUp.Concerns", ""))));
        Assert.Contains("Enter the concerns that mean the family needs children's social care", noConcerns);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, url, "StepUp", Form(("StepUp.Concerns", "Neglect is worse despite the plan"), ("StepUp.Consent", "Given")))).StatusCode);

        // Closure as stepped up.
        var close = Form(("Closure.Outcome", "SteppedUp"), ("Closure.Note", ""));
        Date(close, "Closure.ClosedOn", today);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, url, "Close", close)).StatusCode);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var saved = await db.Set<EarlyHelpEpisode>().AsNoTracking().Include(e => e.Reviews).Include(e => e.TeamMembers).Include(e => e.Leads).SingleAsync(e => e.Id == id, Ct);
            Assert.Equal((EarlyHelpOutcome.SteppedUp, (DateOnly?)today, 2, 1), (saved.Outcome!.Value, saved.ClosedOn, saved.Reviews.Count, saved.TeamMembers.Count));
            Assert.DoesNotContain(saved.TeamMembers, m => m.Name == "Kim Late");
            Assert.Equal(schoolUser, saved.Leads.Single(l => l.From == today && l.UserId != null).UserId);
            var contact = await db.Contacts.AsNoTracking().Include(c => c.Children).SingleAsync(c => c.Id == saved.StepUpContactId, Ct);
            Assert.Equal(("5D", schools, children[0]), (contact.ReferralSource, contact.FromAgencyId, contact.Children.Single().PersonId!.Value));
            var processes = await db.AuditEvents.AsNoTracking().Where(e => e.EntityId == id.ToString()).Select(e => e.Process).Distinct().ToListAsync(Ct);
            Assert.Superset(new HashSet<string> { "EarlyHelp.Start", "EarlyHelp.AddTeamMember", "EarlyHelp.RecordReview", "EarlyHelp.ChangeLead", "EarlyHelp.StepUp", "EarlyHelp.Close" }, processes.ToHashSet());
        }
    }
}
