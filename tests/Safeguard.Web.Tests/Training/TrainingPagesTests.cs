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

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_session_with_more_than_50_bookings_pages_its_register_and_lists_every_pages_follow_ups(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        var today = Calendar.UkTime.Today(factory.Clock);
        var heldOn = today.AddDays(-80);
        Guid sessionId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var agency = await db.Agencies.Where(a => a.Code == "CSC").Select(a => a.Id).SingleAsync(Token);
            var course = new TrainingCourse { Title = "Paged course", LearningOutcomes = "Outcomes", Audience = "Everyone", CreatedAt = factory.Clock.GetUtcNow(), CreatedBy = "Test" };
            var session = new TrainingSession { CourseId = course.Id, HeldOn = heldOn, YearStart = Common.ReportingYear.Of(heldOn).StartYear, Online = true, Trainer = "Lou Lado", Places = 60, Booked = 55, Status = SessionStatus.Delivered };
            sessionId = session.Id;
            using (db.BeginProcess("Test.Seed", Auditing.Actor.System()))
            {
                db.AddRange(course, session);
                for (var i = 1; i <= 55; i++)
                {
                    db.Add(new TrainingBooking
                    {
                        SessionId = session.Id,
                        AgencyId = agency,
                        DelegateName = $"Delegate {i:00}",
                        DelegateRole = "Social worker",
                        BookedAt = factory.Clock.GetUtcNow(),
                        BookedBy = "Test",
                        Attendance = i == 53 ? Attendance.Attended : Attendance.Booked,
                        FollowUpDueOn = i == 53 ? today.AddDays(7) : null,
                    });
                }

                await db.SaveChangesAsync(Token);
            }
        }

        var bu = await factory.SignInAsync("business.unit");
        var url = $"/training/sessions/{sessionId}";
        var first = Html.Parse(await bu.GetStringAsync(url, Token));
        Assert.Equal(50, first.QuerySelectorAll("[data-testid=delegates] tbody tr").Length);
        Assert.Equal("Showing 1 to 50 of 55 delegates", first.QuerySelector("[data-testid=list-count]")!.TextContent.Trim());
        Assert.NotNull(first.QuerySelector($"a.govuk-pagination__link[href='{url}?page=2']"));
        Assert.Contains("This register is for the delegates on this page (1 to 50 of 55)", first.QuerySelector("[data-testid=register-scope]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(50, first.QuerySelectorAll("input[name$='.BookingId']").Length);
        // Delegate 53 is on the second page, but their follow-up is listed on every page, and they can be evaluated from any.
        Assert.Contains("Delegate 53", first.QuerySelector("[data-testid=follow-ups]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Delegate 53", first.QuerySelector("select#Evaluation-Booking")?.TextContent ?? first.QuerySelector("select[name='Evaluation.Booking']")!.TextContent, StringComparison.Ordinal);

        var second = Html.Parse(await bu.GetStringAsync(url + "?page=2", Token));
        Assert.Equal(["Delegate 51", "Delegate 52", "Delegate 53", "Delegate 54", "Delegate 55"], second.QuerySelectorAll("[data-testid=delegates] tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        Assert.Equal("Showing 51 to 55 of 55 delegates", second.QuerySelector("[data-testid=list-count]")!.TextContent.Trim());

        // Taking the second page's register saves those five and comes back to the second page.
        var form = new Dictionary<string, string> { ["RegisterPage"] = "2" };
        var lines = second.QuerySelectorAll("input[name$='.BookingId']").ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            form[$"Register[{i}].BookingId"] = lines[i].GetAttribute("value")!;
            form[$"Register[{i}].Version"] = second.QuerySelector($"input[name='Register[{i}].Version']")!.GetAttribute("value")!;
            form[$"Register[{i}].Name"] = second.QuerySelector($"input[name='Register[{i}].Name']")!.GetAttribute("value")!;
            form[$"Register[{i}].Attendance"] = i == 0 ? "DidNotAttend" : "Attended";
        }

        var saved = await SafeguardWebFactory.PostFormAsync(bu, url + "?handler=Register", form, url + "?page=2");
        Assert.Equal((HttpStatusCode.Redirect, url + "?page=2"), (saved.StatusCode, saved.Headers.Location!.OriginalString));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var attendance = await db.Set<TrainingBooking>().AsNoTracking().Where(b => b.SessionId == sessionId).GroupBy(b => b.Attendance).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(Token);
            Assert.Equal([(Attendance.Booked, 50), (Attendance.Attended, 4), (Attendance.DidNotAttend, 1)], attendance.OrderBy(a => a.Key).Select(a => (a.Key, a.Count)));
        }
    }
}
