using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.DemoData;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Identity;

public class UserAdministrationTests
{
    private static readonly Actor Admin = Actor.System("test administrator");

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Demo_data_gives_one_enrolled_user_per_role_and_seeding_again_changes_nothing(DatabaseProvider provider)
    {
        await using var services = await TestServices.CreateAsync(provider, demoData: true);
        var db = services.Get<SafeguardDbContext>();
        var users = services.Get<UserManager<User>>();
        var eventsBefore = await db.AuditEvents.CountAsync(TestContext.Current.CancellationToken);

        var again = await services.Get<DemoSeeder>().SeedAsync("Testshire", Safeguard.Testing.TestServices.SmallDemo, TestContext.Current.CancellationToken);
        Assert.Equal(new DemoSeedResult(0, 0), again);
        Assert.Equal(eventsBefore, await db.AuditEvents.CountAsync(TestContext.Current.CancellationToken));

        foreach (var role in Roles.Defaults)
        {
            var holders = await users.GetUsersInRoleAsync(role.Name);
            // The case review group has a representative of each statutory partner and a named member; the council
            // and the police each have a data lead for their quarterly returns; partner practitioners are a police
            // officer and a school's designated safeguarding lead (who leads early help).
            Assert.Equal(role.Name switch { Roles.CaseReviewGroup => 4, Roles.AgencyDataLead => 2, Roles.PartnerPractitioner => 2, _ => 1 }, holders.Count);
            foreach (var holder in holders)
            {
                Assert.True(holder.TwoFactorEnabled);
                Assert.Equal(DemoSeeder.AuthenticatorSecretFor(holder.UserName!), await users.GetAuthenticatorKeyAsync(holder));
            }
        }

        Assert.Equal("Testshire Police", (await db.Agencies.SingleAsync(a => a.Code == "POLICE", TestContext.Current.CancellationToken)).Name);
        Assert.True((await AuditTrail.VerifyAsync(db, TestContext.Current.CancellationToken)).Intact);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Role_permissions_are_stored_as_role_claims_matching_the_catalogue(DatabaseProvider provider)
    {
        await using var services = await TestServices.CreateAsync(provider, demoData: true);
        var roles = services.Get<RoleManager<Role>>();
        foreach (var definition in Roles.Defaults)
        {
            var role = await roles.FindByNameAsync(definition.Name);
            var claims = await roles.GetClaimsAsync(role!);
            Assert.Equal(definition.Permissions.Select(p => p.Name).Order(), claims.Where(c => c.Type == SafeguardClaimTypes.Permission).Select(c => c.Value).Order());
        }

        var scrutiny = Roles.Find(Roles.Scrutiny)!;
        Assert.False(scrutiny.RequiresTwoFactor);
        Assert.DoesNotContain(scrutiny.Permissions, p => p.ExposesChildData);
        Assert.DoesNotContain(Roles.Find(Roles.Administrator)!.Permissions, p => p == Permissions.ViewChildRecords);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Creating_a_user_is_audited_without_secrets(DatabaseProvider provider)
    {
        await using var services = await TestServices.CreateAsync(provider, demoData: true);
        var admin = services.Get<UserAdministration>();
        var db = services.Get<SafeguardDbContext>();
        var user = await admin.CreateAsync(new NewUser("new.worker", "Nia Worker", "nia@example.org", "CSC", [Roles.SocialWorker], "a long enough password", "Assessment Team"), Admin, TestContext.Current.CancellationToken);

        var created = await db.AuditEvents.SingleAsync(e => e.EntityType == "User" && e.EntityId == user.Id.ToString() && e.Action == AuditAction.Created, TestContext.Current.CancellationToken);
        Assert.Equal("Users.Create", created.Process);
        Assert.Contains("\"PasswordHash\":\"[redacted]\"", created.After, StringComparison.Ordinal);
        Assert.DoesNotContain(user.PasswordHash!, created.After, StringComparison.Ordinal);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == "IdentityUserRole" && e.Process == "Users.Create", TestContext.Current.CancellationToken));

        // The demo users' authenticator keys were stored as user tokens: the trail has the token, never the key.
        var secret = DemoSeeder.AuthenticatorSecretFor("social.worker");
        var tokens = await db.AuditEvents.Where(e => e.EntityType == "IdentityUserToken").Select(e => e.After).ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(tokens);
        Assert.All(tokens, t => Assert.Contains("\"Value\":\"[redacted]\"", t, StringComparison.Ordinal));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.After!.Contains(secret) || e.Before!.Contains(secret), TestContext.Current.CancellationToken));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_bad_new_user_is_refused_naming_each_field_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var services = await TestServices.CreateAsync(provider, demoData: true);
        var admin = services.Get<UserAdministration>();
        var db = services.Get<SafeguardDbContext>();
        var count = await db.Users.CountAsync(TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<SafeguardValidationException>(() =>
            admin.CreateAsync(new NewUser("x", "", "not-an-email", "NOPE", ["Wizard"], "short"), Admin, TestContext.Current.CancellationToken));
        Assert.Equal(["Agency", "DisplayName", "Email", "Password", "Roles"], ex.Problems.Select(p => p.Field).Distinct().Order());

        var weak = await Assert.ThrowsAsync<SafeguardValidationException>(() =>
            admin.CreateAsync(new NewUser("weak", "Weak Password", "weak@example.org", "CSC", [Roles.SocialWorker], "short"), Admin, TestContext.Current.CancellationToken));
        Assert.Contains(weak.Problems, p => p.Field == "Password" && p.Message.Contains("12", StringComparison.Ordinal));

        var duplicate = await Assert.ThrowsAsync<SafeguardValidationException>(() =>
            admin.CreateAsync(new NewUser("admin", "Second Admin", "second@example.org", "CSC", [Roles.Administrator], "a long enough password"), Admin, TestContext.Current.CancellationToken));
        Assert.Contains(duplicate.Problems, p => p.Field == "UserName");

        await using var check = services.Database.NewContext();
        Assert.Equal(count, await check.Users.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Authenticator_codes_are_accepted_once_and_only_near_the_current_time(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        await using var services = await TestServices.CreateAsync(provider, clock, demoData: true);
        var users = services.Get<UserManager<User>>();
        var db = services.Get<SafeguardDbContext>();
        var user = (await users.FindByNameAsync("social.worker"))!;
        var secret = DemoSeeder.AuthenticatorSecretFor("social.worker");
        using var process = db.BeginProcess("Account.SignIn", Actor.Anonymous);

        var expired = Totp.CodeAt(secret, clock.GetUtcNow().AddMinutes(-2));
        Assert.False(await users.VerifyTwoFactorTokenAsync(user, AuthenticatorTokenProvider.ProviderName, expired));
        Assert.False(await users.VerifyTwoFactorTokenAsync(user, AuthenticatorTokenProvider.ProviderName, "12345"));

        var current = Totp.CodeAt(secret, clock.GetUtcNow());
        Assert.True(await users.VerifyTwoFactorTokenAsync(user, AuthenticatorTokenProvider.ProviderName, current));
        Assert.False(await users.VerifyTwoFactorTokenAsync(user, AuthenticatorTokenProvider.ProviderName, current));

        // The previous step's code is inside the window but older than the code just used: refused too.
        var previous = Totp.CodeAt(secret, clock.GetUtcNow().AddSeconds(-30));
        Assert.False(await users.VerifyTwoFactorTokenAsync(user, AuthenticatorTokenProvider.ProviderName, previous));

        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await users.VerifyTwoFactorTokenAsync(user, AuthenticatorTokenProvider.ProviderName, Totp.CodeAt(secret, clock.GetUtcNow())));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Disabling_resetting_two_factor_and_changing_roles_are_audited_and_checked(DatabaseProvider provider)
    {
        await using var services = await TestServices.CreateAsync(provider, demoData: true);
        var admin = services.Get<UserAdministration>();
        var users = services.Get<UserManager<User>>();
        var db = services.Get<SafeguardDbContext>();
        var user = (await users.FindByNameAsync("partner"))!;

        await admin.SetDisabledAsync(user.Id, true, Admin, "left the force", TestContext.Current.CancellationToken);
        await admin.ResetTwoFactorAsync(user.Id, Admin, "lost phone", TestContext.Current.CancellationToken);
        Assert.True(user.IsDisabled);
        Assert.False(user.TwoFactorEnabled);
        Assert.Null(await users.GetAuthenticatorKeyAsync(user));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Process == "Users.Disable" && e.Reason == "left the force", TestContext.Current.CancellationToken));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Process == "Users.ResetTwoFactor" && e.Reason == "lost phone", TestContext.Current.CancellationToken));

        var stale = new UserChange("Pat Police", user.AgencyId, null, [Roles.Scrutiny], "an old stamp");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => admin.ChangeAsync(user.Id, stale, Admin, TestContext.Current.CancellationToken));

        await admin.ChangeAsync(user.Id, stale with { ConcurrencyStamp = user.ConcurrencyStamp }, Admin, TestContext.Current.CancellationToken);
        Assert.Equal([Roles.Scrutiny], await users.GetRolesAsync(user));
    }
}
