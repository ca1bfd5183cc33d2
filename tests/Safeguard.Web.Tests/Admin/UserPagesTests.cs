using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Admin;

/// <summary>An administrator adding, refusing and disabling users through the admin pages.</summary>
public class UserPagesTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private static List<KeyValuePair<string, string>> NewUserForm(string userName, string displayName, string email, string agencyCode, string password, params string[] roles) =>
    [
        new("Input.DisplayName", displayName),
        new("Input.UserName", userName),
        new("Input.Email", email),
        new("Input.AgencyCode", agencyCode),
        new("Input.TeamId", ""),
        .. roles.Select(r => new KeyValuePair<string, string>("Input.Roles", r)),
        new("Input.Password", password),
    ];

    private static Task<int> UserCountAsync(SafeguardWebFactory factory) =>
        TestUsers.WithDbAsync(factory, db => db.Users.CountAsync());

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_administrator_adds_a_user_who_appears_in_the_list_and_the_audit_trail(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var admin = await factory.SignInAsync("admin");
        var userName = "new." + Guid.NewGuid().ToString("N")[..8];

        using var response = await SafeguardWebFactory.PostFormAsync(admin, "/admin/users/new",
            NewUserForm(userName, "Nia Newcomer", userName + "@police.example", "POLICE", "a-long-first-password", Roles.PartnerPractitioner));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/users", response.Headers.Location!.OriginalString);
        var list = Html.Parse(await admin.GetStringAsync("/admin/users"));
        Assert.Contains("Nia Newcomer can now sign in as " + userName, Html.Text(list, ".govuk-notification-banner"), StringComparison.Ordinal);
        var row = Assert.Single(Html.TableRows(list), r => r[1] == userName);
        Assert.Equal("Nia Newcomer", row[0]);
        Assert.Equal(Roles.PartnerPractitioner, row[3]);

        var (created, adminId) = await TestUsers.WithDbAsync(factory, async db => (
            await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName),
            await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync()));
        var audit = await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Process == "Users.Create" && e.EntityType == "User" && e.EntityId == created.Id.ToString()).ToListAsync());
        var createdEvent = Assert.Single(audit, e => e.Action == AuditAction.Created);
        Assert.All(audit, e => Assert.Equal("Alex Admin", e.ActorName));
        Assert.Equal(adminId, createdEvent.ActorUserId);
        Assert.Equal("Alex Admin", createdEvent.ActorName);
        Assert.DoesNotContain("a-long-first-password", createdEvent.After!, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Empty_fields_are_each_named_in_the_error_summary_and_nothing_is_saved(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var admin = await factory.SignInAsync("admin");
        var before = await UserCountAsync(factory);

        using var response = await SafeguardWebFactory.PostFormAsync(admin, "/admin/users/new", NewUserForm("", "", "", "", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        var summary = Html.ErrorSummary(page);
        Assert.Contains(("Enter a user name", "Input-UserName"), summary);
        Assert.Contains(("Enter the person's full name", "Input-DisplayName"), summary);
        Assert.Contains(summary, e => e.Target == "Input-Email" && e.Message.StartsWith("Enter an email address", StringComparison.Ordinal));
        Assert.Contains(summary, e => e.Target == "Input-AgencyCode");
        Assert.Contains(("Select at least one role", "Input-Roles"), summary);
        Html.AssertErrorSummaryLinksResolve(page);
        // Each message is also shown beside its field.
        Assert.Contains("Enter a user name", Html.Text(page, "#Input-UserName-error"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#Input-AgencyCode-error"));
        Assert.Equal(before, await UserCountAsync(factory));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_short_password_or_a_taken_user_name_is_refused_beside_the_field(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var admin = await factory.SignInAsync("admin");
        var before = await UserCountAsync(factory);
        var userName = "short." + Guid.NewGuid().ToString("N")[..8];

        using var shortPassword = await SafeguardWebFactory.PostFormAsync(admin, "/admin/users/new",
            NewUserForm(userName, "Sid Short", userName + "@example.org", "CSC", "too-short", Roles.Scrutiny));
        using var taken = await SafeguardWebFactory.PostFormAsync(admin, "/admin/users/new",
            NewUserForm("admin", "Another Admin", "another." + userName + "@example.org", "CSC", "a-long-enough-password", Roles.Scrutiny));

        Assert.Equal(HttpStatusCode.OK, shortPassword.StatusCode);
        var shortPage = await Html.ReadAsync(shortPassword);
        var shortProblem = Assert.Single(Html.ErrorSummary(shortPage));
        Assert.Equal("Input-Password", shortProblem.Target);
        Assert.Contains("12", shortProblem.Message, StringComparison.Ordinal);
        Html.AssertErrorSummaryLinksResolve(shortPage);
        // What was typed is kept (except the password), so the administrator only fixes the problem.
        Assert.Equal(userName, Html.Value(shortPage, "Input.UserName"));
        Assert.Equal("", Html.Value(shortPage, "Input.Password"));

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var takenPage = await Html.ReadAsync(taken);
        var takenProblem = Assert.Single(Html.ErrorSummary(takenPage));
        Assert.Equal("Input-UserName", takenProblem.Target);
        Assert.Contains("admin", takenProblem.Message, StringComparison.Ordinal);
        Html.AssertErrorSummaryLinksResolve(takenPage);

        Assert.Equal(before, await UserCountAsync(factory));
        Assert.False(await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AnyAsync(e => e.After != null && e.After.Contains(userName))));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Disabling_a_user_needs_a_reason_which_the_audit_trail_keeps_and_they_can_no_longer_sign_in(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var user = await TestUsers.CreateAsync(factory, Roles.SocialWorker);
        using var session = await factory.SignInAsync(user);
        using var admin = await factory.SignInAsync("admin");
        var editPage = $"/admin/users/{user.Id}";
        // Post where the page's "Disable user" button posts, as a browser would.
        var button = Assert.Single(Html.Parse(await admin.GetStringAsync(editPage)).QuerySelectorAll("button"), b => b.TextContent.Trim() == "Disable user");
        var disable = button.GetAttribute("formaction")!;
        Assert.Contains("handler=Disable", disable, StringComparison.Ordinal);
        Assert.Contains("disable=true", disable, StringComparison.Ordinal);

        using var withoutReason = await SafeguardWebFactory.PostFormAsync(admin, disable, new() { ["Reason"] = " " }, editPage);
        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        var refused = await Html.ReadAsync(withoutReason);
        Assert.Contains(("Enter why you are disabling this user", "Reason"), Html.ErrorSummary(refused));
        Html.AssertErrorSummaryLinksResolve(refused);
        Assert.False(await TestUsers.WithDbAsync(factory, db => db.Users.Where(u => u.Id == user.Id).Select(u => u.IsDisabled).SingleAsync()));

        using var disabled = await SafeguardWebFactory.PostFormAsync(admin, disable, new() { ["Reason"] = "Left the council on 31 March" }, editPage);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);

        var events = await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Process == "Users.Disable" && e.EntityType == "User" && e.EntityId == user.Id.ToString()).ToListAsync());
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("Left the council on 31 March", e.Reason));
        Assert.All(events, e => Assert.Equal("Alex Admin", e.ActorName));

        using var signInAgain = factory.NewClient();
        using var refusedSignIn = await SafeguardWebFactory.PostFormAsync(signInAgain, "/account/sign-in",
            new() { ["Input.UserName"] = user.UserName, ["Input.Password"] = TestUsers.Password });
        Assert.Equal(HttpStatusCode.OK, refusedSignIn.StatusCode);
        Assert.Contains("Your account has been disabled", await refusedSignIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The session they already had ends once its security stamp is checked again (within a minute).
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        using var home = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/sign-in", home.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_social_workers_Social_Work_England_number_is_kept_on_their_user_page_in_the_registers_format(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var user = await TestUsers.CreateAsync(factory, Roles.SocialWorker);
        using var admin = await factory.SignInAsync("admin");
        var editPage = $"/admin/users/{user.Id}";
        var stored = await TestUsers.WithDbAsync(factory, db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        async Task<HttpResponseMessage> SaveAsync(string number)
        {
            var page = Html.Parse(await admin.GetStringAsync(editPage));
            var form = new Dictionary<string, string>
            {
                ["Input.DisplayName"] = Html.Value(page, "Input.DisplayName")!,
                ["Input.AgencyId"] = stored.AgencyId.ToString(),
                ["Input.TeamId"] = stored.TeamId?.ToString() ?? "",
                ["Input.Roles"] = Roles.SocialWorker,
                ["Input.ConcurrencyStamp"] = Html.Value(page, "Input.ConcurrencyStamp")!,
                ["Input.SocialWorkEnglandNumber"] = number,
            };
            return await SafeguardWebFactory.PostFormAsync(admin, editPage, form, editPage);
        }

        using (var refused = await SaveAsync("12345"))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await Html.ReadAsync(refused);
            Assert.StartsWith("Enter the Social Work England registration number as SW followed by its digits", Html.ErrorSummary(page).Single().Message, StringComparison.Ordinal);
            Html.AssertErrorSummaryLinksResolve(page);
        }

        using (var saved = await SaveAsync("sw 654 321"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal("SW654321", await TestUsers.WithDbAsync(factory, db => db.Users.Where(u => u.Id == user.Id).Select(u => u.SocialWorkEnglandNumber).SingleAsync()));
        Assert.Equal("SW654321", Html.Value(Html.Parse(await admin.GetStringAsync(editPage)), "Input.SocialWorkEnglandNumber"));
    }
}

