using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Persistence;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests;

public class LearningThemesPageTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    private const string Page = "/case-reviews/learning-themes";

    [Fact]
    public async Task The_business_unit_adds_renames_retires_and_removes_themes_but_never_one_in_use()
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var partner = await factory.SignInAsync("partner.police");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(Page, Token)).StatusCode);
        Assert.DoesNotContain(Page, await partner.GetStringAsync("/case-reviews", Token), StringComparison.Ordinal);

        var bu = await factory.SignInAsync("business.unit");
        Assert.Contains(Page, await bu.GetStringAsync("/case-reviews", Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, Page + "?handler=Add", new() { ["Name"] = "Online harm" }, Page)).StatusCode);
        var duplicate = await SafeguardWebFactory.PostFormAsync(bu, Page + "?handler=Add", new() { ["Name"] = "online harm " }, Page);
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        var duplicateHtml = await duplicate.Content.ReadAsStringAsync(Token);
        Assert.Contains("href=\"#Add-Name\"", duplicateHtml, StringComparison.Ordinal);
        Assert.Contains("There is already a learning theme called", duplicateHtml, StringComparison.Ordinal);

        Guid Id(SafeguardDbContext db, string name) => db.LearningThemes.AsNoTracking().Single(t => t.Name == name).Id;
        Guid online, sharing;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            online = Id(db, "Online harm");
            sharing = Id(db, "Information sharing");
        }

        var html = await bu.GetStringAsync(Page, Token);
        Assert.Contains("Remove<span class=\"govuk-visually-hidden\"> Online harm</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Remove<span class=\"govuk-visually-hidden\"> Information sharing</span>", html, StringComparison.Ordinal);

        var emptyName = await SafeguardWebFactory.PostFormAsync(bu, $"{Page}?handler=Rename&themeId={online}", new() { ["Name"] = " ", ["Version"] = "0" }, Page);
        var emptyHtml = await emptyName.Content.ReadAsStringAsync(Token);
        Assert.Contains("Enter the theme&#x27;s name", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Rename-Name\"", emptyHtml, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, $"{Page}?handler=Rename&themeId={online}", new() { ["Name"] = "Online harm and exploitation", ["Version"] = "0" }, Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, $"{Page}?handler=Retire&themeId={sharing}", new() { ["Version"] = "0" }, Page)).StatusCode);
        var inUse = await SafeguardWebFactory.PostFormAsync(bu, $"{Page}?handler=Remove&themeId={sharing}", new() { ["Version"] = "1" }, Page);
        Assert.Contains("cannot be removed: retire it instead", await inUse.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        var stale = await SafeguardWebFactory.PostFormAsync(bu, $"{Page}?handler=Remove&themeId={online}", new() { ["Version"] = "0" }, Page);
        Assert.Contains("changed by someone else", await stale.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, $"{Page}?handler=Remove&themeId={online}", new() { ["Version"] = "1" }, Page)).StatusCode);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            Assert.False(await db.LearningThemes.AnyAsync(t => t.Id == online, Token));
            var retired = await db.LearningThemes.AsNoTracking().SingleAsync(t => t.Id == sharing, Token);
            Assert.False(retired.IsActive);
        }

        var learning = await bu.GetStringAsync($"/case-reviews/{await FirstCaseAsync(factory)}/learning", Token);
        Assert.DoesNotContain(">Information sharing</option>", learning, StringComparison.Ordinal);
        Assert.Contains("Retired", await bu.GetStringAsync(Page, Token), StringComparison.Ordinal);
    }

    private static async Task<Guid> FirstCaseAsync(SafeguardWebFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().SeriousIncidentNotifications.FirstAsync(Token)).Id;
    }
}
