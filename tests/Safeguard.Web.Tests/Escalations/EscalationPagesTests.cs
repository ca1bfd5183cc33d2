using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Escalations;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Escalations;

public class EscalationPagesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_agency_sees_and_answers_only_its_own_escalations_and_the_business_unit_sees_every_one(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        Guid csc, sam;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            csc = await db.Agencies.Where(a => a.Code == "CSC").Select(a => a.Id).SingleAsync(Token);
            sam = await db.Users.Where(u => u.UserName == "social.worker").Select(u => u.Id).SingleAsync(Token);
        }

        var today = Calendar.UkTime.Today(factory.Clock);
        var police = await factory.SignInAsync("partner");
        var refused = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(police, "/my-agency/escalations/new", new() { ["Input.Concern"] = "" })).Content.ReadAsStringAsync(Token));
        Assert.Contains(("Select the agency you disagree with", "Input-RaisedWithAgencyId"), Html.ErrorSummary(refused));
        Html.AssertErrorSummaryLinksResolve(refused);

        var raised = await SafeguardWebFactory.PostFormAsync(police, "/my-agency/escalations/new", new()
        {
            ["Input.RaisedWithAgencyId"] = csc.ToString(),
            ["Input.RespondingUserId"] = sam.ToString(),
            ["Input.RaisedByRole"] = "Detective constable",
            ["Input.Subject"] = "The Walsh children",
            ["Input.Theme"] = nameof(EscalationTheme.ThresholdDecision),
            ["Input.Concern"] = "Third domestic abuse call-out this month: we ask for a strategy discussion.",
            ["Input.RaisedOnDay"] = today.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.RaisedOnMonth"] = today.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.RaisedOnYear"] = today.Year.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var link = raised.Headers.Location!.OriginalString;
        var id = link[(link.LastIndexOf('/') + 1)..];
        Assert.Contains("The Walsh children", await police.GetStringAsync("/my-agency/escalations", Token), StringComparison.Ordinal);

        // The school is neither side: not in its list, and "not found".
        var school = await factory.SignInAsync("school");
        Assert.DoesNotContain("The Walsh children", await school.GetStringAsync("/my-agency/escalations", Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync(link, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync(link + "/respond", Token)).StatusCode);

        // Children's services, raised with, responds.
        var worker = await factory.SignInAsync("social.worker");
        var page = Html.Parse(await worker.GetStringAsync(link, Token));
        Assert.NotNull(page.QuerySelector($"a[href='{link}/respond']"));
        var responded = await SafeguardWebFactory.PostFormAsync(worker, link + "/respond", new()
        {
            ["Version"] = "0",
            ["Input.Response"] = "A strategy discussion is arranged for tomorrow.",
            ["Input.RespondedOnDay"] = today.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.RespondedOnMonth"] = today.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.RespondedOnYear"] = today.Year.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, responded.StatusCode);
        Assert.Contains("A strategy discussion is arranged for tomorrow.", Html.Parse(await police.GetStringAsync(link, Token)).QuerySelector("[data-testid=escalation-stages]")?.TextContent ?? "", StringComparison.Ordinal);

        // A stale version is refused, not overwritten.
        var stale = await SafeguardWebFactory.PostFormAsync(worker, link + "/respond", new() { ["Version"] = "0", ["Input.Response"] = "Changed", ["Input.RespondedOnDay"] = today.Day.ToString(CultureInfo.InvariantCulture), ["Input.RespondedOnMonth"] = today.Month.ToString(CultureInfo.InvariantCulture), ["Input.RespondedOnYear"] = today.Year.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);

        // The business unit sees it, filtered by agency; the school may not open the business unit's list.
        var bu = await factory.SignInAsync("business.unit");
        var list = Html.Parse(await bu.GetStringAsync($"/assurance/escalations?Agency={csc}", Token));
        Assert.Contains("The Walsh children", list.QuerySelector("[data-testid=escalations]")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains("No escalation matches", await bu.GetStringAsync("/assurance/escalations?Overdue=true", Token), StringComparison.Ordinal);
        Assert.Contains("Detective constable", await bu.GetStringAsync($"/assurance/escalations/{id}", Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetAsync("/assurance/escalations", Token)).StatusCode);
        var json = await bu.GetStringAsync($"/assurance/escalations/figures?handler=Json&year={Common.ReportingYear.Of(today).StartYear}", Token);
        Assert.Contains("\"raised\":1", json, StringComparison.Ordinal);
        Assert.Contains("\"label\":\"Threshold decision\",\"count\":1", json, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task At_stage_4_the_business_unit_records_the_partnerships_meeting_and_outcome_and_adds_notes(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        var today = Calendar.UkTime.Today(factory.Clock);
        Guid atStage4, atStage1;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var escalations = scope.ServiceProvider.GetRequiredService<EscalationService>();
            var csc = await db.Agencies.Where(a => a.Code == "CSC").Select(a => a.Id).SingleAsync(Token);
            var pat = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "partner", Token);
            var police = new Actor(pat.Id, pat.DisplayName, pat.AgencyId);
            var details = new NewEscalation { RaisedWithAgencyId = csc, RaisedByRole = "Detective constable", Subject = "The Ryan children", Theme = EscalationTheme.CaseClosure, Concern = "Closed too soon", RaisedOn = today };
            atStage4 = (await escalations.RaiseAsync(details, police, Token)).Id;
            atStage1 = (await escalations.RaiseAsync(details with { Subject = "The Moss family" }, police, Token)).Id;
            for (var stage = 2; stage <= Escalation.LastStage; stage++)
            {
                var current = await db.Set<Escalation>().AsNoTracking().Where(e => e.Id == atStage4).Select(e => e.Version).SingleAsync(Token);
                await escalations.EscalateAsync(atStage4, current, new EscalationStep { StartedOn = today, Reason = "Not resolved", RaisingName = pat.DisplayName, RaisingRole = "Detective constable" }, police, Token);
            }
        }

        var bu = await factory.SignInAsync("business.unit");
        var link = $"/assurance/escalations/{atStage4}";
        var record = Html.Parse(await bu.GetStringAsync(link, Token));
        Assert.NotNull(record.QuerySelector($"a[href='{link}/meeting']"));
        Assert.NotNull(record.QuerySelector($"a[href='{link}/close']"));
        Assert.NotNull(record.QuerySelector($"a[href='{link}/note']"));
        Assert.Null(Html.Parse(await bu.GetStringAsync($"/assurance/escalations/{atStage1}", Token)).QuerySelector($"a[href='/assurance/escalations/{atStage1}/close']"));
        var early = await bu.GetAsync($"/assurance/escalations/{atStage1}/close", Token);
        Assert.Equal((HttpStatusCode.Redirect, $"/assurance/escalations/{atStage1}"), (early.StatusCode, early.Headers.Location!.OriginalString));

        async Task<string> VersionAsync(string form) => Html.Parse(await bu.GetStringAsync(form, Token)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var date = new Dictionary<string, string>
        {
            ["Input.MeetingOnDay"] = today.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.MeetingOnMonth"] = today.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.MeetingOnYear"] = today.Year.ToString(CultureInfo.InvariantCulture),
        };
        var version = await VersionAsync(link + "/meeting");
        var empty = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, link + "/meeting", new(date) { ["Version"] = version })).Content.ReadAsStringAsync(Token));
        var errors = Html.ErrorSummary(empty);
        Assert.Contains(("Enter who took part in the meeting", "Input-Attendees"), errors);
        Assert.Contains(("Enter what the partnership decided", "Input-Decision"), errors);
        Html.AssertErrorSummaryLinksResolve(empty);
        var met = await SafeguardWebFactory.PostFormAsync(bu, link + "/meeting", new(date) { ["Version"] = version, ["Input.Attendees"] = "Independent scrutineer; both heads of service", ["Input.Decision"] = "The case is reopened for an assessment" });
        Assert.Equal((HttpStatusCode.Redirect, link), (met.StatusCode, met.Headers.Location!.OriginalString));
        var stale = await SafeguardWebFactory.PostFormAsync(bu, link + "/meeting", new(date) { ["Version"] = version, ["Input.Attendees"] = "Someone else", ["Input.Decision"] = "Overwritten" });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("The case is reopened for an assessment", Html.Parse(await bu.GetStringAsync(link, Token)).QuerySelector("[data-testid=escalation-meeting]")?.TextContent ?? "", StringComparison.Ordinal);

        var noteVersion = await VersionAsync(link + "/note");
        var noText = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, link + "/note", new() { ["Version"] = noteVersion, ["Input.StageNumber"] = "4" })).Content.ReadAsStringAsync(Token));
        Assert.Contains(("Enter the note", "Input-Text"), Html.ErrorSummary(noText));
        Html.AssertErrorSummaryLinksResolve(noText);
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, link + "/note", new() { ["Version"] = noteVersion, ["Input.StageNumber"] = "3", ["Input.Text"] = "Heads of service met before the partnership" })).StatusCode);

        var close = await VersionAsync(link + "/close");
        Assert.Null(Html.Parse(await bu.GetStringAsync(link + "/close", Token)).QuerySelector("input[value=Withdrawn]"));
        var closed = await SafeguardWebFactory.PostFormAsync(bu, link + "/close", new()
        {
            ["Version"] = close,
            ["Input.Outcome"] = nameof(EscalationOutcome.Resolved),
            ["Input.Notes"] = "Reopened and assessed",
            ["Input.Learning"] = "Check the history before closing a case",
            ["Input.ClosedOnDay"] = today.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.ClosedOnMonth"] = today.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.ClosedOnYear"] = today.Year.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);

        // The police see the partnership's meeting, the note and the outcome, and add their own note to the closed escalation.
        var partner = await factory.SignInAsync("partner");
        var theirs = Html.Parse(await partner.GetStringAsync($"/my-agency/escalations/{atStage4}", Token));
        Assert.Contains("Heads of service met before the partnership", theirs.QuerySelector("[data-testid=escalation-notes]")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains("Check the history before closing a case", theirs.QuerySelector("[data-testid=escalation-outcome]")?.TextContent ?? "", StringComparison.Ordinal);
        var partnerVersion = Html.Parse(await partner.GetStringAsync($"/my-agency/escalations/{atStage4}/note", Token)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(partner, $"/my-agency/escalations/{atStage4}/note", new() { ["Version"] = partnerVersion, ["Input.StageNumber"] = "4", ["Input.Text"] = "Assessment started" })).StatusCode);

        // Only the business unit reaches its pages.
        var school = await factory.SignInAsync("school");
        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetAsync(link + "/meeting", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(link + "/note", Token)).StatusCode);
    }
}
