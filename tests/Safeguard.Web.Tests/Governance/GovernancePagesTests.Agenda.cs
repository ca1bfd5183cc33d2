using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Governance;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Governance;

/// <summary>The meeting page's agenda items: added, changed, reordered and removed before the meeting, and the minutes by item.</summary>
public partial class GovernancePagesTests
{
    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_business_unit_edits_a_planned_meetings_agenda_and_the_minutes_group_decisions_and_actions_by_item(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        Guid meetingId, police;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var today = Calendar.UkTime.Today(db.Time);
            var actor = new Auditing.Actor(null, "Bea Business", null);
            police = await db.Agencies.Where(a => a.Code == "POLICE").Select(a => a.Id).SingleAsync(Token);
            var board = await scope.ServiceProvider.GetRequiredService<BoardService>().CreateAsync(new NewBoard("Case Review Subgroup", BoardKind.Subgroup, null, null), actor, Token);
            meetingId = (await scope.ServiceProvider.GetRequiredService<MeetingService>().ArrangeAsync(board.Id, today.AddDays(7), "Apologies\nRapid reviews", actor, Token)).Id;
        }

        var url = $"/governance/meetings/{meetingId}";
        var bu = await factory.SignInAsync("business.unit");

        // A bad item is refused beside its fields.
        var bad = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, url + "?handler=Agenda", new() { ["AgendaItem.Title"] = "", ["AgendaItem.StartsAt"] = "25:00" }, url)).Content.ReadAsStringAsync(Token));
        Assert.Contains(("Enter the item's title", "AgendaItem-Title"), Html.ErrorSummary(bad));
        Assert.Contains(("Enter the time the item starts as hours and minutes, such as 10:30", "AgendaItem-StartsAt"), Html.ErrorSummary(bad));
        Html.AssertErrorSummaryLinksResolve(bad);

        var added = await SafeguardWebFactory.PostFormAsync(bu, url + "?handler=Agenda", new()
        {
            ["AgendaItem.Title"] = "Learning briefing",
            ["AgendaItem.StartsAt"] = "10:30",
            ["AgendaItem.Presenter"] = "DI Review",
            ["AgendaItem.PresenterAgencyId"] = police.ToString(),
            ["AgendaItem.PaperReference"] = "Paper 2",
        }, url);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = Html.Parse(await bu.GetStringAsync(url, Token));
        Assert.Equal(["Apologies", "Rapid reviews", "Learning briefing"], Titles(page));
        Assert.Matches(@"DI Review \([^)]*Police\)", Html.Text(page, "[data-testid=agenda]"));

        // Move the new item up, from the form of its row.
        var rows = page.QuerySelectorAll("[data-testid=agenda-item]");
        var (itemId, version) = (Field(rows[2], "itemId"), Field(rows[2], "itemVersion"));
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, url + "?handler=Move", new() { ["itemId"] = itemId, ["itemVersion"] = version, ["direction"] = "up" }, url)).StatusCode);
        page = Html.Parse(await bu.GetStringAsync(url, Token));
        Assert.Equal(["Apologies", "Learning briefing", "Rapid reviews"], Titles(page));

        // Change it from its "Change" link: the form comes filled; a stale form is refused.
        var change = Html.Parse(await bu.GetStringAsync($"{url}?item={itemId}", Token));
        Assert.Equal("Learning briefing", change.QuerySelector("#AgendaItem-Title")!.GetAttribute("value"));
        Assert.Equal("10:30", change.QuerySelector("#AgendaItem-StartsAt")!.GetAttribute("value"));
        var stale = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, url + "?handler=Agenda", new() { ["AgendaItem.ItemId"] = itemId, ["AgendaItem.ItemVersion"] = version, ["AgendaItem.Title"] = "Stale" }, url)).Content.ReadAsStringAsync(Token));
        Assert.Contains(Html.ErrorSummary(stale), e => e.Message.Contains("changed by someone else", StringComparison.Ordinal));
        var current = change.QuerySelector("input[name='AgendaItem.ItemVersion']")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, url + "?handler=Agenda", new() { ["AgendaItem.ItemId"] = itemId, ["AgendaItem.ItemVersion"] = current, ["AgendaItem.Title"] = "Learning from reviews", ["AgendaItem.StartsAt"] = "10:15" }, url)).StatusCode);

        // Remove the first item.
        page = Html.Parse(await bu.GetStringAsync(url, Token));
        rows = page.QuerySelectorAll("[data-testid=agenda-item]");
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, url + "?handler=Remove", new() { ["itemId"] = Field(rows[0], "itemId"), ["itemVersion"] = Field(rows[0], "itemVersion") }, url)).StatusCode);
        page = Html.Parse(await bu.GetStringAsync(url, Token));
        Assert.Equal(["Learning from reviews", "Rapid reviews"], Titles(page));

        // A decision under an item and one under none: the minutes group them.
        var options = page.QuerySelectorAll("#Decision-AgendaItemId option").Select(o => (o.TextContent, o.GetAttribute("value"))).ToList();
        Assert.Equal(["None", "1. Learning from reviews", "2. Rapid reviews"], options.Select(o => o.TextContent));
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, url + "?handler=Decision", new() { ["Decision.AgendaItemId"] = options[2].Item2!, ["Decision.Text"] = "Two rapid reviews go to the Panel" }, url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, url + "?handler=Decision", new() { ["Decision.Text"] = "Thanks to the chair" }, url)).StatusCode);
        page = Html.Parse(await bu.GetStringAsync(url, Token));
        var groups = page.QuerySelectorAll("[data-testid=minutes-item]").Select(g => (g.QuerySelector("h3")!.TextContent, g.QuerySelector("[data-testid=decisions]")!.TextContent.Trim())).ToList();
        Assert.Equal([("Item 2: Rapid reviews", "Decision 1: Two rapid reviews go to the Panel"), ("Not under an agenda item", "Decision 2: Thanks to the chair")], groups);

        // An item with a decision under it cannot be removed; the refusal says why.
        rows = page.QuerySelectorAll("[data-testid=agenda-item]");
        var held = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, url + "?handler=Remove", new() { ["itemId"] = Field(rows[1], "itemId"), ["itemVersion"] = Field(rows[1], "itemVersion") }, url)).Content.ReadAsStringAsync(Token));
        Assert.Contains(("Item 2 (Rapid reviews) has 1 decision(s) and 0 action(s) recorded under it: it cannot be removed", "AgendaItem-Agenda"), Html.ErrorSummary(held));
        Html.AssertErrorSummaryLinksResolve(held);
    }

    private static List<string> Titles(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("[data-testid=agenda-item] td:nth-child(3)").Select(td => td.TextContent).ToList();

    private static string Field(AngleSharp.Dom.IElement row, string name) =>
        row.QuerySelector($"input[name='{name}']")!.GetAttribute("value")!;
}
