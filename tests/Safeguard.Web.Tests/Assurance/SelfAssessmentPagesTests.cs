using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Assurance;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Assurance;

public class SelfAssessmentPagesTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_business_unit_starts_and_sends_a_round_and_only_the_agency_asked_answers_it(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        var bu = await factory.SignInAsync("business.unit");
        int year;
        using (var scope = factory.Services.CreateScope())
        {
            year = Common.ReportingYear.Of(Calendar.UkTime.Today(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Time)).StartYear;
        }

        var refused = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, "/assurance/self-assessments", new() { ["Input.Title"] = "", ["Input.YearStart"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture) })).Content.ReadAsStringAsync(Token));
        Assert.Contains(("Enter the round's title", "Input-Title"), Html.ErrorSummary(refused));
        Html.AssertErrorSummaryLinksResolve(refused);
        var created = await SafeguardWebFactory.PostFormAsync(bu, "/assurance/self-assessments", new() { ["Input.Title"] = "Section 11 web round", ["Input.Kind"] = "Section11", ["Input.YearStart"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var roundUrl = created.Headers.Location!.OriginalString;
        var roundPage = Html.Parse(await bu.GetStringAsync(roundUrl, Token));
        Assert.Contains("Effective information sharing", roundPage.QuerySelector("[data-testid=standard-8]")?.PreviousElementSibling?.TextContent ?? "", StringComparison.Ordinal);

        Guid policeReturn;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var police = await db.Agencies.Where(a => a.Code == "POLICE").Select(a => a.Id).SingleAsync(Token);
            var round = await db.Set<SelfAssessmentRound>().SingleAsync(r => r.Title == "Section 11 web round", Token);
            await scope.ServiceProvider.GetRequiredService<SelfAssessmentService>().SendAsync(round.Id, round.Version, [police], Calendar.UkTime.Today(db.Time).AddDays(30), Auditing.Actor.System(), Token);
            policeReturn = await db.Set<SelfAssessmentReturn>().Where(r => r.RoundId == round.Id).Select(r => r.Id).SingleAsync(Token);
        }

        var council = await factory.SignInAsync("data.council");
        Assert.Equal(HttpStatusCode.NotFound, (await council.GetAsync($"/my-agency/self-assessments/{policeReturn}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await council.GetAsync(roundUrl, Token)).StatusCode);

        var lead = await factory.SignInAsync("data.police");
        Assert.Contains("Section 11 web round", await lead.GetStringAsync("/my-agency/self-assessments", Token), StringComparison.Ordinal);
        var url = $"/my-agency/self-assessments/{policeReturn}";
        var incomplete = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(lead, url + "?handler=Submit", new() { ["Input.Answers[Q1_1].Rating"] = "Amber", ["Input.Answers[Q1_1].Evidence"] = "Board minutes" })).Content.ReadAsStringAsync(Token));
        var errors = Html.ErrorSummary(incomplete);
        Assert.Contains(("Enter what your agency will do about 1.1, rated amber", "Input-Q1_1-Action"), errors);
        Assert.Contains(("Select your rating for 1.2", "Input-Q1_2-Rating"), errors);
        Html.AssertErrorSummaryLinksResolve(incomplete);

        var fields = new Dictionary<string, string>();
        foreach (var key in new[] { "Q1_1", "Q1_2", "Q2_1", "Q3_1", "Q3_2", "Q4_1", "Q5_1", "Q6_1", "Q6_2", "Q7_1", "Q7_2", "Q8_1" })
        {
            fields[$"Input.Answers[{key}].Rating"] = key == "Q5_1" ? "Red" : "Green";
            fields[$"Input.Answers[{key}].Evidence"] = "Seen";
            fields[$"Input.Answers[{key}].Action"] = key == "Q5_1" ? "Catch-up training" : "";
        }

        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(lead, url + "?handler=Submit", fields, url)).StatusCode);
        var rows = Html.Parse(await bu.GetStringAsync(roundUrl, Token)).QuerySelector("[data-testid=returns]")?.TextContent ?? "";
        Assert.Contains("Returned", rows, StringComparison.Ordinal);
        Assert.Contains("1, 0, 11", rows, StringComparison.Ordinal);
        var json = await bu.GetStringAsync($"/assurance/self-assessments/figures?handler=Json&year={year}", Token);
        Assert.Contains("\"returnRate\":100", json, StringComparison.Ordinal);
        Assert.Contains("\"sector\":\"Police\"", json, StringComparison.Ordinal);

        // A challenge adds an action; completing it without evidence is refused on the return page, and the error
        // summary's links reach the refused action's fields.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var answer = await db.Set<SelfAssessmentAnswer>().Where(a => a.ReturnId == policeReturn && a.Rating == RagRating.Red).SingleAsync(Token);
            var today = Calendar.UkTime.Today(db.Time);
            await scope.ServiceProvider.GetRequiredService<SelfAssessmentService>().ChallengeAsync(
                policeReturn, answer.QuestionId, answer.Version, new ChallengeInput(today, ChallengeOutcome.ActionAdded, null, null, "Audit training records", "Head of training", today.AddDays(60)), Auditing.Actor.System(), Token);
        }

        var returnUrl = $"/assurance/self-assessments/returns/{policeReturn}";
        var returnPage = Html.Parse(await bu.GetStringAsync(returnUrl, Token));
        var actionForm = returnPage.QuerySelectorAll("form").Single(f => (f.GetAttribute("action") ?? "").Contains("handler=Action", StringComparison.Ordinal));
        var actionUrl = actionForm.GetAttribute("action")!;
        var version = actionForm.QuerySelector("input[name='Action.Version']")!.GetAttribute("value")!;
        using var incompleteAction = await SafeguardWebFactory.PostFormAsync(bu, actionUrl, new() { ["Action.Version"] = version, ["Action.Status"] = "Completed", ["Action.Evidence"] = "" }, returnUrl);
        Assert.Equal(HttpStatusCode.OK, incompleteAction.StatusCode);
        var actionRefused = await Html.ReadAsync(incompleteAction);
        Assert.Contains(("Enter the evidence that the action is done", "Action-Evidence"), Html.ErrorSummary(actionRefused));
        Html.AssertErrorSummaryLinksResolve(actionRefused);
        Assert.Equal("Completed", actionRefused.QuerySelector("#Action-Status option[selected]")?.GetAttribute("value"));
        using var done = await SafeguardWebFactory.PostFormAsync(bu, actionUrl, new() { ["Action.Version"] = version, ["Action.Status"] = "Completed", ["Action.Evidence"] = "Records audited in March" }, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
    }
}
