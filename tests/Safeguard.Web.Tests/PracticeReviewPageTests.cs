using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Calendar;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests;

public partial class PracticeReviewPageTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_business_unit_commissions_a_practice_review_from_the_recommendation_and_records_it_to_its_conclusion(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        var today = UkTime.Today(factory.Clock);
        Guid caseId;
        using (var scope = factory.Services.CreateScope())
        {
            caseId = (await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().SeriousIncidentNotifications.SingleAsync(n => n.ChildName == "Child D", Token)).Id;
        }

        var commissionPage = $"/case-reviews/{caseId}/practice-reviews";
        var partner = await factory.SignInAsync("partner.la");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(commissionPage, Token)).StatusCode);
        Assert.DoesNotContain("Commission a practice review", await partner.GetStringAsync($"/case-reviews/{caseId}", Token), StringComparison.Ordinal);

        var bu = await factory.SignInAsync("business.unit");
        var form = await bu.GetStringAsync(commissionPage, Token);
        Assert.Contains("The rapid review recommended: local learning review", form, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<option value=\"LocalLearningReview\" selected>", form, StringComparison.Ordinal);

        // A date that is not real (31 February) is refused beside its field, keeping what was typed.
        var empty = await SafeguardWebFactory.PostFormAsync(bu, commissionPage, new Dictionary<string, string> { ["Input.Kind"] = "", ["Version"] = "0" }
            .WithDate("Input.StartedOn", "31", "2", "2026").WithDate("Input.SentToOfstedOn", "1", "13", "2026"), commissionPage);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var emptyPage = await Html.ReadAsync(empty);
        DateInputs.AssertRefused(emptyPage, "Input.StartedOn", "The start date must be a real date, with a four-digit year", ("31", "2", "2026"));
        DateInputs.AssertRefused(emptyPage, "Input.SentToOfstedOn", "The date sent to Ofsted must be a real date, with a four-digit year", ("1", "13", "2026"));
        Assert.StartsWith("Error:", emptyPage.Title, StringComparison.Ordinal);

        var missing = await SafeguardWebFactory.PostFormAsync(bu, commissionPage, new() { ["Input.Kind"] = "", ["Version"] = "0" }, commissionPage);
        var missingHtml = await missing.Content.ReadAsStringAsync(Token);
        foreach (var message in new[] { "Select the kind of review", "Enter the reviewer commissioned", "Enter the terms of reference", "Enter the date the review started" })
        {
            Assert.Contains(message, missingHtml, StringComparison.Ordinal);
        }

        var started = today.AddDays(-40);
        var commission = new Dictionary<string, string>
        {
            ["Version"] = "0",
            ["Input.Kind"] = "LocalLearningReview",
            ["Input.Reviewer"] = "Rowan Reviewer",
            ["Input.TermsOfReference"] = "Information sharing between health visiting and the front door.",
        }.WithDate("Input.StartedOn", started);
        var created = await SafeguardWebFactory.PostFormAsync(bu, commissionPage, commission, commissionPage);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal($"/case-reviews/{caseId}#practice-reviews", created.Headers.Location!.OriginalString);
        var casePage = await bu.GetStringAsync($"/case-reviews/{caseId}", Token);
        Assert.Contains("Local learning review by Rowan Reviewer", casePage, StringComparison.Ordinal);
        var editPage = Regex.Match(casePage, $"href=\"(/case-reviews/{caseId}/practice-reviews/[0-9a-f-]{{36}})\"").Groups[1].Value;
        Assert.NotEmpty(editPage);

        var edit = await bu.GetStringAsync(editPage, Token);
        Assert.Contains("On track", edit, StringComparison.Ordinal);
        Assert.Contains($"by {started.AddMonths(6).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}", edit, StringComparison.Ordinal);
        Assert.Contains("value=\"Rowan Reviewer\"", edit, StringComparison.Ordinal);
        // The recorded start date is shown in its date input.
        Assert.Equal<(string?, string?, string?)>((started.Day.ToString(CultureInfo.InvariantCulture), started.Month.ToString(CultureInfo.InvariantCulture), started.Year.ToString(CultureInfo.InvariantCulture)), DateInputs.Typed(Html.Parse(edit), "Input.StartedOn"));
        var version = VersionField().Match(edit).Groups[1].Value;

        var reported = new Dictionary<string, string>(commission)
        {
            ["Input.Publish"] = "false",
            ["Version"] = version,
        };
        reported.WithDate("Input.DraftReportOn", today.AddDays(-10)).WithDate("Input.FinalReportOn", today.AddDays(-5));
        var noReasons = await SafeguardWebFactory.PostFormAsync(bu, editPage, reported, editPage);
        Assert.Equal(HttpStatusCode.OK, noReasons.StatusCode);
        Assert.Contains("Enter the reasons for not publishing the report", await noReasons.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);

        reported["Input.PublicationReasons"] = "Publishing would identify the family";
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, editPage, reported, editPage)).StatusCode);

        // The same form sent again carries the version it was read at: refused, nothing overwritten.
        reported["Input.Reviewer"] = "Someone else";
        var stale = await SafeguardWebFactory.PostFormAsync(bu, editPage, reported, editPage);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("changed by someone else", await stale.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);

        var current = await bu.GetStringAsync(editPage, Token);
        Assert.Contains("value=\"Rowan Reviewer\"", current, StringComparison.Ordinal);
        reported["Input.Reviewer"] = "Rowan Reviewer";
        reported["Version"] = VersionField().Match(current).Groups[1].Value;
        reported.WithDate("Input.SentToPanelOn", today.AddDays(-4)).WithDate("Input.SentToSecretaryOfStateOn", today.AddDays(-4)).WithDate("Input.SentToOfstedOn", today.AddDays(-3));
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, editPage, reported, editPage)).StatusCode);
        casePage = await bu.GetStringAsync($"/case-reviews/{caseId}", Token);
        Assert.Contains("Concluded.", casePage, StringComparison.Ordinal);
        Assert.Contains("Done on time", casePage, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await bu.GetAsync($"/case-reviews/{caseId}/practice-reviews/{Guid.NewGuid()}", Token)).StatusCode);
    }
}
