using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.AnnualReport;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.AnnualReport;

public class AnnualReportPagesTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    private static ReportingYear CurrentYear(SafeguardWebFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return ReportingYear.Of(Calendar.UkTime.Today(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Time));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Narratives_are_versioned_a_stale_save_is_shown_not_kept_and_nothing_changes_once_in_review(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        var bu = await factory.SignInAsync("business.unit");
        var year = CurrentYear(factory).StartYear;
        var url = $"/annual-report/{year}/narrative?section=partnership";

        var years = Html.Parse(await bu.GetStringAsync("/annual-report", Token));
        Assert.Equal(3, Html.TableRows(years).Count);
        Assert.Contains($"Annual report {new ReportingYear(year).Name}", Html.TableRows(years)[0][0], StringComparison.Ordinal);
        Assert.Equal("Draft", Html.TableRows(years)[0][2]);
        Assert.Equal(HttpStatusCode.NotFound, (await bu.GetAsync($"/annual-report/{year}/narrative?section=no-such-section", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bu.GetAsync("/annual-report/1", Token)).StatusCode);

        var form = Html.Parse(await bu.GetStringAsync(url, Token));
        Assert.Equal("0", Html.Value(form, "Input.Version"));
        var first = await SafeguardWebFactory.PostFormAsync(bu, url, new() { ["Input.Text"] = "The partnership met its statutory duties.", ["Input.Version"] = "0" }, url);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"/annual-report/{year}", first.Headers.Location!.OriginalString);

        // A second writer who opened the page before the first save is refused, sees the first text and keeps theirs.
        var stale = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, url, new() { ["Input.Text"] = "A different account of the year.", ["Input.Version"] = "0" }, url)).Content.ReadAsStringAsync(Token));
        var conflict = Assert.Single(Html.ErrorSummary(stale));
        Assert.Equal("Input-Text", conflict.Target);
        Assert.Contains("saved this narrative after you opened it. Nothing was saved.", conflict.Message, StringComparison.Ordinal);
        Html.AssertErrorSummaryLinksResolve(stale);
        Assert.Contains("The partnership met its statutory duties.", Html.Text(stale, "[data-testid=their-text]"), StringComparison.Ordinal);
        Assert.Equal("A different account of the year.", Html.Text(stale, "#Input-Text"));
        Assert.Contains("Nothing was saved", Html.Text(stale, "#Input-Text-error"), StringComparison.Ordinal);
        var saved = await TestUsers.WithDbAsync(factory, db => db.Set<AnnualReportNarrative>().SingleAsync(n => n.YearStart == year && n.SectionKey == "partnership", Token));
        Assert.Equal("The partnership met its statutory duties.", saved.Text);

        // Having seen the other text, the writer saves over it from the version now shown.
        var second = await SafeguardWebFactory.PostFormAsync(bu, url, new() { ["Input.Text"] = "The partnership met its statutory duties.\n\nIt also reviewed its arrangements.", ["Input.Version"] = Html.Value(stale, "Input.Version")! }, url);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var tooLong = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, url, new() { ["Input.Text"] = new string('x', AnnualReportNarrative.MaxTextLength + 1), ["Input.Version"] = "0" }, url)).Content.ReadAsStringAsync(Token));
        Assert.Contains(("The narrative for \"The partnership and its arrangements\" must be 20000 characters or fewer (it has 20001)", "Input-Text"), Html.ErrorSummary(tooLong));

        var page = Html.Parse(await bu.GetStringAsync($"/annual-report/{year}", Token));
        var row = page.QuerySelector("[data-section=partnership]")!.TextContent;
        Assert.Contains("It also reviewed its arrangements.", row, StringComparison.Ordinal);
        Assert.Contains("Bea Business", row, StringComparison.Ordinal);
        Assert.Contains("No records yet", page.QuerySelector("[data-section=voice]")!.TextContent, StringComparison.Ordinal);
        var history = Html.Parse(page.QuerySelector("[data-testid=history]")!.OuterHtml);
        Assert.Equal(["2", "1"], Html.TableRows(history).Select(r => r[2]));

        // Sent for review: the narrative is locked and the refusal is shown beside the field.
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, $"/annual-report/{year}?handler=SendForReview", new() { ["Version"] = "0" }, $"/annual-report/{year}")).StatusCode);
        var locked = await bu.GetStringAsync(url, Token);
        Assert.Contains("its narratives cannot change until it is returned to draft", locked, StringComparison.Ordinal);
        var version = Html.Value(Html.Parse(locked), "Input.Version")!;
        var refused = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, url, new() { ["Input.Text"] = "Too late", ["Input.Version"] = version }, url)).Content.ReadAsStringAsync(Token));
        Assert.Contains(($"The {new ReportingYear(year).Name} report is in review: its narratives can no longer change", "Input-Text"), Html.ErrorSummary(refused));
        Html.AssertErrorSummaryLinksResolve(refused);

        // Scrutiny sees partnership figures but not the report's drafting pages.
        var scrutiny = await factory.SignInAsync("scrutiny");
        Assert.Equal(HttpStatusCode.Forbidden, (await scrutiny.GetAsync("/annual-report", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await scrutiny.GetAsync($"/annual-report/{year}?handler=Download&format=docx", Token)).StatusCode);
        using var post = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Text"] = "x", ["Input.Version"] = "0" });
        Assert.Equal(HttpStatusCode.Forbidden, (await scrutiny.PostAsync(url, post, Token)).StatusCode);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_partners_sign_off_one_by_one_then_the_report_is_published_and_downloads_as_docx_and_pdf(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        var bu = await factory.SignInAsync("business.unit");
        var year = CurrentYear(factory);
        var url = $"/annual-report/{year.StartYear}";

        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, url + "?handler=SendForReview", new() { ["Version"] = "0" }, url)).StatusCode);
        var inReview = Html.Parse(await bu.GetStringAsync(url, Token));
        var version = Html.Value(inReview, "Version")!;
        Assert.Contains("In review", Html.Text(inReview, "[data-testid=edition]"), StringComparison.Ordinal);

        // A second send, made from the page as it was before, is refused under the status.
        var twice = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, url + "?handler=SendForReview", new() { ["Version"] = "0" }, url)).Content.ReadAsStringAsync(Token));
        Assert.Contains(($"The {year.Name} report has already been sent for review", "Status"), Html.ErrorSummary(twice));
        Html.AssertErrorSummaryLinksResolve(twice);

        var noPartner = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, url + "?handler=SignOff", new() { ["Version"] = version, ["SignOff.Signatory"] = "Jo Bloggs, Chief Constable" }, url)).Content.ReadAsStringAsync(Token));
        Assert.Contains(("Select the safeguarding partner who signed off the report", "SignOff-Partner"), Html.ErrorSummary(noPartner));
        Html.AssertErrorSummaryLinksResolve(noPartner);
        var noName = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, url + "?handler=SignOff", new() { ["Version"] = version, ["SignOff.Partner"] = "Police" }, url)).Content.ReadAsStringAsync(Token));
        Assert.Contains(("Enter the name and role of the person who signed off for the police (up to 200 characters)", "SignOff-Signatory"), Html.ErrorSummary(noName));
        Html.AssertErrorSummaryLinksResolve(noName);

        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, url + "?handler=SignOff", new() { ["Version"] = version, ["SignOff.Partner"] = "Police", ["SignOff.Signatory"] = "Jo Bloggs, Chief Constable" }, url)).StatusCode);
        var early = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, url + "?handler=Publish", new() { ["Version"] = Html.Value(Html.Parse(await bu.GetStringAsync(url, Token)), "Version")! }, url)).Content.ReadAsStringAsync(Token));
        Assert.Contains(("The report cannot be published before every safeguarding partner has signed it off: waiting for the council, the integrated care board (ICB)", "Status"), Html.ErrorSummary(early));
        Assert.Contains("waiting for the council", Html.Text(early, "[data-testid=status-error]"), StringComparison.Ordinal);
        Html.AssertErrorSummaryLinksResolve(early);
        // The police have signed: only the other two partners are offered.
        Assert.Equal(["LocalAuthority", "Health"], early.QuerySelectorAll("input[name='SignOff.Partner']").Select(i => i.GetAttribute("value")));

        var opened = Html.Value(Html.Parse(await bu.GetStringAsync(url, Token)), "Version")!;
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, url + "?handler=SignOff", new() { ["Version"] = opened, ["SignOff.Partner"] = "LocalAuthority", ["SignOff.Signatory"] = "Ann Council, Chief Executive" }, url)).StatusCode);

        // A sign-off recorded from a page opened before the last one is refused as a conflict, shown under the status.
        var stale = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, url + "?handler=SignOff", new() { ["Version"] = opened, ["SignOff.Partner"] = "Health", ["SignOff.Signatory"] = "Hal Health, ICB Chief Nurse" }, url)).Content.ReadAsStringAsync(Token));
        Assert.Contains(("The report was changed by someone else after you opened this page. Nothing was saved. Check where it is now, then try again.", "Status"), Html.ErrorSummary(stale));
        Html.AssertErrorSummaryLinksResolve(stale);
        Assert.DoesNotContain("Hal Health", Html.Text(stale, "[data-testid=sign-offs]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, url + "?handler=SignOff", new() { ["Version"] = Html.Value(stale, "Version")!, ["SignOff.Partner"] = "Health", ["SignOff.Signatory"] = "Hal Health, ICB Chief Nurse" }, url)).StatusCode);

        var signed = Html.Parse(await bu.GetStringAsync(url, Token));
        var signOffs = Html.Text(signed, "[data-testid=sign-offs]");
        Assert.Contains("Jo Bloggs, Chief Constable", signOffs, StringComparison.Ordinal);
        Assert.Contains("Hal Health, ICB Chief Nurse", signOffs, StringComparison.Ordinal);
        Assert.Contains("Bea Business", signOffs, StringComparison.Ordinal);
        Assert.Empty(signed.QuerySelectorAll("input[name='SignOff.Partner']"));
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, url + "?handler=Publish", new() { ["Version"] = Html.Value(signed, "Version")! }, url)).StatusCode);
        var published = Html.Parse(await bu.GetStringAsync(url, Token));
        Assert.Contains("Published", Html.Text(published, "[data-testid=edition]"), StringComparison.Ordinal);
        Assert.Empty(published.QuerySelectorAll("form[action*='handler='] button"));
        Assert.Equal("Published", Html.TableRows(Html.Parse(await bu.GetStringAsync("/annual-report", Token)))[0][2]);

        var docx = await bu.GetAsync(url + "?handler=Download&format=docx", Token);
        Assert.Equal(AnnualReportDocx.ContentType, docx.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"annual-report-{year.Name}.docx", docx.Content.Headers.ContentDisposition!.FileNameStar ?? docx.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("PK\u0003\u0004"u8.ToArray(), (await docx.Content.ReadAsByteArrayAsync(Token))[..4]);
        var pdf = await bu.GetAsync(url + "?handler=Download&format=pdf", Token);
        Assert.Equal(AnnualReportPdf.ContentType, pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync(Token))[..4]);
        var exports = await TestUsers.WithDbAsync(factory, db => db.AuditEvents.CountAsync(e => e.EntityType == AnnualReportService.EntityType && e.EntityId == year.Name && e.Action == AuditAction.Exported && e.ActorName == "Bea Business", Token));
        Assert.Equal(2, exports);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Feedback_and_funding_are_recorded_and_changed_with_errors_beside_their_fields(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        var bu = await factory.SignInAsync("business.unit");
        var year = CurrentYear(factory);
        var feedbackUrl = $"/annual-report/{year.StartYear}/feedback";

        var empty = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, feedbackUrl, new() { ["Input.Source"] = "" }, feedbackUrl)).Content.ReadAsStringAsync(Token));
        var errors = Html.ErrorSummary(empty);
        Assert.Contains(("Enter the date the feedback was received", "Input-ReceivedOn"), errors);
        Assert.Contains(("Enter where the feedback came from", "Input-Source"), errors);
        Assert.Contains(("Enter what children or families said", "Input-WhatWasSaid"), errors);
        Html.AssertErrorSummaryLinksResolve(empty);
        var received = year.Start.AddDays(20);
        var added = await SafeguardWebFactory.PostFormAsync(bu, feedbackUrl, new()
        {
            ["Input.ReceivedOnDay"] = received.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ReceivedOnMonth"] = received.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ReceivedOnYear"] = received.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Source"] = "Children in care council",
            ["Input.WhatWasSaid"] = "Reviews should be held at school less often.",
            ["Input.WhatChanged"] = "Reviews now meet where the child chooses.",
        }, feedbackUrl);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var list = Html.Parse(await bu.GetStringAsync(feedbackUrl, Token));
        Assert.Contains("Reviews now meet where the child chooses.", Html.Text(list, "[data-testid=feedback]"), StringComparison.Ordinal);
        var changeUrl = list.QuerySelector("[data-testid=feedback] a")!.GetAttribute("href")!;
        var change = Html.Parse(await bu.GetStringAsync(changeUrl, Token));
        Assert.Equal(received.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), Html.Value(change, "Input.ReceivedOnDay"));
        Assert.Equal("Children in care council", Html.Value(change, "Input.Source"));
        var fields = new Dictionary<string, string>
        {
            ["Input.Version"] = Html.Value(change, "Input.Version")!,
            ["Input.ReceivedOnDay"] = Html.Value(change, "Input.ReceivedOnDay")!,
            ["Input.ReceivedOnMonth"] = Html.Value(change, "Input.ReceivedOnMonth")!,
            ["Input.ReceivedOnYear"] = Html.Value(change, "Input.ReceivedOnYear")!,
            ["Input.Source"] = "Children in care council (June)",
            ["Input.WhatWasSaid"] = "Reviews should be held at school less often.",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, changeUrl, fields, changeUrl)).StatusCode);
        var stale = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, changeUrl, fields, changeUrl)).Content.ReadAsStringAsync(Token));
        Assert.Contains(Html.ErrorSummary(stale), e => e.Message.StartsWith("This record was changed by someone else after you opened it", StringComparison.Ordinal));
        Html.AssertErrorSummaryLinksResolve(stale);
        Assert.Contains("Children in care council (June)", await bu.GetStringAsync($"/annual-report/{year.StartYear}/feedback", Token), StringComparison.Ordinal);

        // Funding: a contribution needs its agency, an amount must be a sum of money.
        var fundingUrl = $"/annual-report/{year.StartYear}/funding";
        var fundingPage = Html.Parse(await bu.GetStringAsync(fundingUrl, Token));
        var police = fundingPage.QuerySelectorAll("select[name='Input.AgencyId'] option").First(o => o.TextContent.Contains("Police", StringComparison.Ordinal)).GetAttribute("value")!;
        var noKind = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, fundingUrl, new() { ["Input.Amount"] = "100" }, fundingUrl)).Content.ReadAsStringAsync(Token));
        Assert.Contains(("Select whether this is a contribution or expenditure", "Input-Kind"), Html.ErrorSummary(noKind));
        Html.AssertErrorSummaryLinksResolve(noKind);
        var noAgency = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, fundingUrl, new() { ["Input.Kind"] = "Contribution", ["Input.Amount"] = "12.345" }, fundingUrl)).Content.ReadAsStringAsync(Token));
        Assert.Contains(("Choose the partner agency making the contribution", "Input-AgencyId"), Html.ErrorSummary(noAgency));
        Assert.Contains(("Enter the amount in pounds, 0 or more, to the penny (for example 125000 or 1250.50)", "Input-Amount"), Html.ErrorSummary(noAgency));
        Html.AssertErrorSummaryLinksResolve(noAgency);
        var badAmount = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, fundingUrl, new() { ["Input.Kind"] = "Expenditure", ["Input.Description"] = "Scrutineer", ["Input.Amount"] = "lots" }, fundingUrl)).Content.ReadAsStringAsync(Token));
        Assert.Contains(("Enter the amount in pounds as a number, such as 125000 or 1250.50", "Input-Amount"), Html.ErrorSummary(badAmount));
        Assert.Equal("lots", Html.Value(badAmount, "Input.Amount"));

        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, fundingUrl, new() { ["Input.Kind"] = "Contribution", ["Input.AgencyId"] = police, ["Input.Amount"] = "£45,000.50" }, fundingUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, fundingUrl, new() { ["Input.Kind"] = "Expenditure", ["Input.Description"] = "Independent scrutineer", ["Input.Amount"] = "30000" }, fundingUrl)).StatusCode);
        var funding = Html.Parse(await bu.GetStringAsync(fundingUrl, Token));
        Assert.Equal("£45,000.50", Html.Text(funding, "[data-testid=total-contribution]"));
        Assert.Equal("£30,000.00", Html.Text(funding, "[data-testid=total-expenditure]"));
        var lineUrl = funding.QuerySelector("[data-testid=funding-expenditure] a")!.GetAttribute("href")!;
        var line = Html.Parse(await bu.GetStringAsync(lineUrl, Token));
        Assert.Equal("30000.00", Html.Value(line, "Input.Amount"));
        var lineFields = new Dictionary<string, string> { ["Input.Version"] = Html.Value(line, "Input.Version")!, ["Input.Kind"] = "Expenditure", ["Input.Description"] = "Independent scrutineer", ["Input.Amount"] = "32500" };
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, lineUrl, lineFields, lineUrl)).StatusCode);
        var staleLine = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, lineUrl, lineFields, lineUrl)).Content.ReadAsStringAsync(Token));
        Assert.Contains(Html.ErrorSummary(staleLine), e => e.Message.StartsWith("This record was changed by someone else after you opened it", StringComparison.Ordinal));
        Assert.Equal("£32,500.00", Html.Text(Html.Parse(await bu.GetStringAsync(fundingUrl, Token)), "[data-testid=total-expenditure]"));

        var page = Html.Parse(await bu.GetStringAsync($"/annual-report/{year.StartYear}", Token));
        Assert.Contains("Has records", page.QuerySelector("[data-section=voice]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Has records", page.QuerySelector("[data-section=funding]")!.TextContent, StringComparison.Ordinal);
    }
}
