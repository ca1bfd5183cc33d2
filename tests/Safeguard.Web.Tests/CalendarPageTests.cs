using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests;

public class CalendarPageTests
{
    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_administrator_proclaims_and_withdraws_a_bank_holiday_and_sets_a_local_timescale(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        var admin = await factory.SignInAsync("admin");

        var weekend = await SafeguardWebFactory.PostFormAsync(admin, "/admin/calendar?handler=Proclaim",
            new() { ["Proclaim.Day"] = "5", ["Proclaim.Month"] = "6", ["Proclaim.Year"] = "2027", ["Proclaim.Title"] = "Saturday", ["Reason"] = "" }, "/admin/calendar");
        Assert.Equal(HttpStatusCode.OK, weekend.StatusCode);
        var weekendPage = await weekend.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("govuk-error-summary", weekendPage, StringComparison.Ordinal);
        Assert.Contains("must be a weekday", weekendPage, StringComparison.Ordinal);

        var impossible = await SafeguardWebFactory.PostFormAsync(admin, "/admin/calendar?handler=Proclaim",
            new() { ["Proclaim.Day"] = "31", ["Proclaim.Month"] = "2", ["Proclaim.Year"] = "2027", ["Proclaim.Title"] = "Nope" }, "/admin/calendar");
        Assert.Contains("as a real date", await impossible.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var added = await SafeguardWebFactory.PostFormAsync(admin, "/admin/calendar?handler=Proclaim",
            new() { ["Proclaim.Day"] = "3", ["Proclaim.Month"] = "6", ["Proclaim.Year"] = "2027", ["Proclaim.Title"] = "Royal celebration", ["Reason"] = "Proclamation" }, "/admin/calendar");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await admin.GetStringAsync("/admin/calendar?Year=2027", TestContext.Current.CancellationToken);
        Assert.Contains("Thursday 3 June 2027", page, StringComparison.Ordinal);
        Assert.Contains("Proclaimed here", page, StringComparison.Ordinal);

        var noReason = await SafeguardWebFactory.PostFormAsync(admin, "/admin/calendar?handler=Withdraw", new() { ["date"] = "2027-06-03", ["Reason"] = "" }, "/admin/calendar");
        Assert.Contains("Enter why you are withdrawing", await noReason.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var withdrawn = await SafeguardWebFactory.PostFormAsync(admin, "/admin/calendar?handler=Withdraw", new() { ["date"] = "2027-06-03", ["Reason"] = "revoked" }, "/admin/calendar");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);

        var statutory = await SafeguardWebFactory.PostFormAsync(admin, "/admin/calendar?handler=Timescale", new() { ["ruleId"] = "assessment", ["duration"] = "30" }, "/admin/calendar");
        Assert.Contains("govuk-error-summary", await statutory.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var local = await SafeguardWebFactory.PostFormAsync(admin, "/admin/calendar?handler=Timescale", new() { ["ruleId"] = "first-core-group", ["duration"] = "8", ["Reason"] = "local procedure" }, "/admin/calendar");
        Assert.Equal(HttpStatusCode.Redirect, local.StatusCode);
        Assert.Contains("8 working days (default 10 working days)", await admin.GetStringAsync("/admin/calendar", TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        Assert.Equal(0, await db.ProclaimedBankHolidays.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["Calendar.Proclaim", "Calendar.Withdraw", "Timescales.SetLocal"],
            await db.AuditEvents.Where(e => e.Process.StartsWith("Calendar.") || e.Process.StartsWith("Timescales.")).OrderBy(e => e.Sequence).Select(e => e.Process).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Alex Admin", (await db.AuditEvents.FirstAsync(e => e.Process == "Calendar.Withdraw", TestContext.Current.CancellationToken)).ActorName);
    }

    [Fact]
    public async Task People_without_the_calendar_permission_cannot_open_the_page()
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var worker = await factory.SignInAsync("social.worker");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/admin/calendar", TestContext.Current.CancellationToken)).StatusCode);
    }
}
