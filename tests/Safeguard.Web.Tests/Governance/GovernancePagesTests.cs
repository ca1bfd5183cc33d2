using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Governance;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Governance;

public partial class GovernancePagesTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_business_unit_sets_up_a_board_and_a_member_sends_apologies_from_their_agency_pages(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        DateOnly today;
        Guid police, policeUser;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            today = Calendar.UkTime.Today(db.Time);
            police = await db.Agencies.Where(a => a.Code == "POLICE").Select(a => a.Id).SingleAsync(Token);
            policeUser = await db.Users.Where(u => u.UserName == "partner.police").Select(u => u.Id).SingleAsync(Token);
        }

        var bu = await factory.SignInAsync("business.unit");
        var refused = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, "/governance", new() { ["Input.Name"] = "", ["Input.Quorum"] = "0" })).Content.ReadAsStringAsync(Token));
        Assert.Contains(("Enter the board's name", "Input-Name"), Html.ErrorSummary(refused));
        Assert.Contains(("Select the kind of board", "Input-Kind"), Html.ErrorSummary(refused));
        Html.AssertErrorSummaryLinksResolve(refused);

        var created = await SafeguardWebFactory.PostFormAsync(bu, "/governance", new() { ["Input.Name"] = "Quality Assurance Subgroup", ["Input.Kind"] = "Subgroup", ["Input.Quorum"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var boardUrl = created.Headers.Location!.OriginalString;
        var start = today.AddMonths(-1);
        var member = await SafeguardWebFactory.PostFormAsync(bu, boardUrl + "?handler=Member", new()
        {
            ["Member.AgencyId"] = police.ToString(),
            ["Member.Name"] = "Piers Police",
            ["Member.UserId"] = policeUser.ToString(),
            ["Member.Role"] = "Member",
            ["Member.DeputyName"] = "DS Deputy",
            ["Member.StartOnDay"] = S(start.Day),
            ["Member.StartOnMonth"] = S(start.Month),
            ["Member.StartOnYear"] = S(start.Year),
        }, boardUrl);
        Assert.Equal(HttpStatusCode.Redirect, member.StatusCode);
        var on = today.AddDays(14);
        var noDate = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, boardUrl + "?handler=Meeting", new() { ["Meeting.Agenda"] = "Exceptions" }, boardUrl)).Content.ReadAsStringAsync(Token));
        Assert.Contains(("Enter the date of the meeting", "Meeting-HeldOn"), Html.ErrorSummary(noDate));
        var arranged = await SafeguardWebFactory.PostFormAsync(bu, boardUrl + "?handler=Meeting", new()
        {
            ["Meeting.HeldOnDay"] = S(on.Day),
            ["Meeting.HeldOnMonth"] = S(on.Month),
            ["Meeting.HeldOnYear"] = S(on.Year),
            ["Meeting.Agenda"] = "Exceptions report\nAudit programme",
        }, boardUrl);
        Assert.Equal(HttpStatusCode.Redirect, arranged.StatusCode);
        var board = Html.Parse(await bu.GetStringAsync(boardUrl, Token));
        Assert.Contains("Piers Police", Html.Text(board, "[data-testid=members]"), StringComparison.Ordinal);
        var meetingUrl = board.QuerySelector("[data-testid=meetings] a")!.GetAttribute("href")!;

        // The meeting cannot have its attendance recorded before it happens.
        var early = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, meetingUrl + "?handler=Attendance", new() { ["Version"] = "0" }, meetingUrl)).Content.ReadAsStringAsync(Token));
        Assert.Contains(Html.ErrorSummary(early), e => e.Message.StartsWith("The meeting has not happened yet", StringComparison.Ordinal));

        // The member sees the meeting and names a deputy; another user is on no board; the business unit sees it.
        var member1 = await factory.SignInAsync("partner.police");
        var mine = Html.Parse(await member1.GetStringAsync("/my-agency/meetings", Token));
        Assert.Contains("Quality Assurance Subgroup", Html.Text(mine, "[data-testid=memberships]"), StringComparison.Ordinal);
        var meetingId = meetingUrl.Split('/')[^1];
        var sent = await SafeguardWebFactory.PostFormAsync(member1, $"/my-agency/meetings?handler=Apologies&meetingId={meetingId}", new() { [$"Deputy-{meetingId}"] = "DC Stand-in" }, "/my-agency/meetings");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("DC Stand-in will come in your place", Html.Text(Html.Parse(await member1.GetStringAsync("/my-agency/meetings", Token)), "[data-testid=apologies]"), StringComparison.Ordinal);

        var other = await factory.SignInAsync("data.council");
        var none = Html.Parse(await other.GetStringAsync("/my-agency/meetings", Token));
        Assert.NotNull(none.QuerySelector("[data-testid=no-boards]"));
        var notTheirs = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(other, $"/my-agency/meetings?handler=Apologies&meetingId={meetingId}", new() { [$"Deputy-{meetingId}"] = "" }, "/my-agency/meetings")).Content.ReadAsStringAsync(Token));
        Assert.Contains(("You are not a member of that meeting's board", $"Deputy-{meetingId}"), Html.ErrorSummary(notTheirs));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(meetingUrl, Token)).StatusCode);

        var page = Html.Parse(await bu.GetStringAsync(meetingUrl, Token));
        var memberId = await MemberIdAsync(factory);
        Assert.NotNull(page.QuerySelector($"#Attendance-Status-{memberId}-SentDeputy[checked]"));
        Assert.Equal("DC Stand-in", page.QuerySelector($"input[name='Deputy-{memberId}']")?.GetAttribute("value"));
        Assert.Equal(["Exceptions report", "Audit programme"], page.QuerySelectorAll("[data-testid=agenda-item] td:nth-child(3)").Select(td => td.TextContent));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_annual_figures_come_as_json_for_those_who_see_partnership_figures(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var today = Calendar.UkTime.Today(db.Time);
            var actor = new Auditing.Actor(null, "Bea Business", null);
            var boards = scope.ServiceProvider.GetRequiredService<BoardService>();
            var meetings = scope.ServiceProvider.GetRequiredService<MeetingService>();
            var board = await boards.CreateAsync(new NewBoard("Case Review Subgroup", BoardKind.Subgroup, null, 1), actor, Token);
            var police = await db.Agencies.Where(a => a.Code == "POLICE").Select(a => a.Id).SingleAsync(Token);
            var member = await boards.AddMemberAsync(board.Id, new NewMember(police, "DI Review", null, "Chair", null, today.AddYears(-1)), actor, Token);
            var meeting = await meetings.ArrangeAsync(board.Id, today, null, actor, Token);
            await meetings.RecordAttendanceAsync(meeting.Id, meeting.Version, [new(member.Id, AttendanceStatus.Present, null)], actor, Token);
        }

        var scrutiny = await factory.SignInAsync("scrutiny");
        Assert.Equal(HttpStatusCode.Forbidden, (await scrutiny.GetAsync("/governance", Token)).StatusCode);
        using var json = JsonDocument.Parse(await scrutiny.GetStringAsync("/governance/figures?handler=Json", Token));
        var board1 = json.RootElement.GetProperty("boards").EnumerateArray().Single();
        Assert.Equal(("Case Review Subgroup", 1, 1, 100m), (board1.GetProperty("board").GetString(), board1.GetProperty("meetingsHeld").GetInt32(), board1.GetProperty("meetingsQuorate").GetInt32(), board1.GetProperty("attendanceRate").GetDecimal()));
        var agency = json.RootElement.GetProperty("agencies").EnumerateArray().Single();
        Assert.Equal(100m, agency.GetProperty("attendanceRate").GetDecimal());
        Assert.Equal(0, json.RootElement.GetProperty("actions").GetProperty("due").GetInt32());
        var html = Html.Parse(await scrutiny.GetStringAsync("/governance/figures", Token));
        Assert.Contains("Case Review Subgroup", Html.Text(html, "[data-testid=board-figures]"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_priority_links_to_the_workstream_chosen_from_the_drop_down_and_the_workstream_lists_it(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        Guid workstream;
        int year;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            workstream = await db.Set<Safeguard.ImprovementPlan.Workstream>().Where(w => w.Title == "Consistent offer of Early Help across universal and targeted services").Select(w => w.Id).SingleAsync(Token);
            year = Common.ReportingYear.Of(Calendar.UkTime.Today(db.Time)).StartYear;
        }

        var bu = await factory.SignInAsync("business.unit");
        var form = Html.Parse(await bu.GetStringAsync("/governance/plan", Token));
        Assert.NotNull(form.QuerySelector($"#Input-WorkstreamId optgroup option[value='{workstream}']"));

        var unknown = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, "/governance/plan", new() { ["Version"] = "0", ["Year"] = S(year), ["Input.Title"] = "Neglect", ["Input.Description"] = "Recognise neglect early.", ["Input.WorkstreamId"] = Guid.NewGuid().ToString() })).Content.ReadAsStringAsync(Token));
        Assert.Equal([("Select the improvement plan workstream from the list, or none", "Input-WorkstreamId")], Html.ErrorSummary(unknown));
        Html.AssertErrorSummaryLinksResolve(unknown);
        Assert.Contains("Select the improvement plan workstream", Html.Text(unknown, "#Input-WorkstreamId-error"), StringComparison.Ordinal);

        var saved = await SafeguardWebFactory.PostFormAsync(bu, "/governance/plan", new() { ["Version"] = "0", ["Year"] = S(year), ["Input.Title"] = "Neglect", ["Input.Description"] = "Recognise neglect early.", ["Input.WorkstreamId"] = workstream.ToString(), ["Input.ImprovementPlanNote"] = "With the neglect toolkit" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var plan = Html.Parse(await bu.GetStringAsync($"/governance/plan?year={year}", Token));
        var link = plan.QuerySelector($"[data-testid=priorities] a[href='/assurance/improvement-plan/workstreams/{workstream}']");
        Assert.Equal("Consistent offer of Early Help across universal and targeted services", link?.TextContent);
        Assert.Contains("With the neglect toolkit", Html.Text(plan, "[data-testid=priorities]"), StringComparison.Ordinal);

        var cited = Html.Parse(await bu.GetStringAsync($"/assurance/improvement-plan/workstreams/{workstream}", Token));
        Assert.Contains("priority 1: Neglect", Html.Text(cited, "[data-testid=priorities]"), StringComparison.Ordinal);
        Assert.NotNull(cited.QuerySelector($"[data-testid=priorities] a[href='/governance/plan?year={year}']"));
    }

    private static async Task<Guid> MemberIdAsync(SafeguardWebFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        return await db.Set<BoardMember>().Where(m => m.Name == "Piers Police").Select(m => m.Id).SingleAsync(Token);
    }
}
