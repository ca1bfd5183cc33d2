using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Training;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Training;

public class TrainingPagesTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_business_unit_runs_a_session_and_each_agency_sees_only_its_own_delegates(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        var bu = await factory.SignInAsync("business.unit");
        DateOnly today;
        using (var scope = factory.Services.CreateScope())
        {
            today = Calendar.UkTime.Today(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Time);
        }

        var refused = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, "/training/courses/new", new() { ["Input.Title"] = "" })).Content.ReadAsStringAsync(Token));
        Assert.Contains(("Enter the course's title", "Input-Title"), Html.ErrorSummary(refused));
        Html.AssertErrorSummaryLinksResolve(refused);
        var created = await SafeguardWebFactory.PostFormAsync(bu, "/training/courses/new", new()
        {
            ["Input.Title"] = "Web neglect course",
            ["Input.LearningOutcomes"] = "Recognise neglect",
            ["Input.Audience"] = "Everyone",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var courseUrl = created.Headers.Location!.OriginalString;
        var day = today.AddDays(10);
        var noPlaces = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, courseUrl + "?handler=Session", new()
        {
            ["Session.HeldOnDay"] = day.Day.ToString(CultureInfo.InvariantCulture),
            ["Session.HeldOnMonth"] = day.Month.ToString(CultureInfo.InvariantCulture),
            ["Session.HeldOnYear"] = day.Year.ToString(CultureInfo.InvariantCulture),
            ["Session.Mode"] = "venue",
            ["Session.Trainer"] = "Lou Lado",
        }, courseUrl)).Content.ReadAsStringAsync(Token));
        var errors = Html.ErrorSummary(noPlaces);
        Assert.Contains(("Enter the venue, or select online", "Session-Venue"), errors);
        Assert.Contains(("Enter the places offered, from 1 to 500", "Session-Places"), errors);
        Html.AssertErrorSummaryLinksResolve(noPlaces);
        var added = await SafeguardWebFactory.PostFormAsync(bu, courseUrl + "?handler=Session", new()
        {
            ["Session.HeldOnDay"] = day.Day.ToString(CultureInfo.InvariantCulture),
            ["Session.HeldOnMonth"] = day.Month.ToString(CultureInfo.InvariantCulture),
            ["Session.HeldOnYear"] = day.Year.ToString(CultureInfo.InvariantCulture),
            ["Session.Mode"] = "online",
            ["Session.Trainer"] = "Lou Lado",
            ["Session.Places"] = "12",
        }, courseUrl);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var sessionUrl = added.Headers.Location!.OriginalString;
        var sessionId = Guid.Parse(sessionUrl.Split('/')[^1]);

        // Each data lead books their own staff from their agency's page, and sees only them.
        var police = await factory.SignInAsync("data.police");
        var council = await factory.SignInAsync("data.council");
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(police, "/my-agency/training", new() { ["Input.SessionId"] = sessionId.ToString(), ["Input.DelegateName"] = "PC Webb Police", ["Input.DelegateRole"] = "Police officer or staff" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(council, "/my-agency/training", new() { ["Input.SessionId"] = sessionId.ToString(), ["Input.DelegateName"] = "Sally Council", ["Input.DelegateRole"] = "Social worker" })).StatusCode);
        var noRole = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(council, "/my-agency/training", new() { ["Input.SessionId"] = sessionId.ToString(), ["Input.DelegateName"] = "Sam Other" })).Content.ReadAsStringAsync(Token));
        Assert.Contains(("Select the delegate's role", "Input-DelegateRole"), Html.ErrorSummary(noRole));

        var policePage = await police.GetStringAsync("/my-agency/training", Token);
        Assert.Contains("PC Webb Police", policePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Sally Council", policePage, StringComparison.Ordinal);
        var councilPage = await council.GetStringAsync("/my-agency/training", Token);
        Assert.Contains("Sally Council", councilPage, StringComparison.Ordinal);
        Assert.DoesNotContain("PC Webb Police", councilPage, StringComparison.Ordinal);

        Guid policeBooking;
        using (var scope = factory.Services.CreateScope())
        {
            policeBooking = await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Set<TrainingBooking>().Where(b => b.DelegateName == "PC Webb Police").Select(b => b.Id).SingleAsync(Token);
        }

        Assert.Equal(HttpStatusCode.OK, (await police.GetAsync($"/my-agency/training/{policeBooking}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await council.GetAsync($"/my-agency/training/{policeBooking}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await council.GetAsync(sessionUrl, Token)).StatusCode);

        // The business unit sees every agency's delegates on the session, and the programme counts them.
        var delegates = Html.Parse(await bu.GetStringAsync(sessionUrl, Token)).QuerySelector("[data-testid=delegates]")?.TextContent ?? "";
        Assert.Contains("PC Webb Police", delegates, StringComparison.Ordinal);
        Assert.Contains("Sally Council", delegates, StringComparison.Ordinal);
        var json = await bu.GetStringAsync($"/training/figures?handler=Json&year={Common.ReportingYear.Of(day).StartYear}", Token);
        Assert.Contains("\"sessionsDelivered\":", json, StringComparison.Ordinal);
        Assert.DoesNotContain("PC Webb Police", json, StringComparison.Ordinal);
    }
}
