using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.FrontDoor;
using Safeguard.Identity;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.FrontDoor;

/// <summary>The front door's pages: recording, triaging and deciding a contact, and a partner agency's contacts and requests.</summary>
public class FrontDoorPagesTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> ContactForm(SafeguardWebFactory factory, string prefix = "Input")
    {
        var received = UkTime.ToUkLocal(factory.Clock.GetUtcNow().AddMinutes(-30));
        return new()
        {
            [$"{prefix}.ReceivedDay"] = S(received.Day),
            [$"{prefix}.ReceivedMonth"] = S(received.Month),
            [$"{prefix}.ReceivedYear"] = S(received.Year),
            [$"{prefix}.ReceivedTime"] = received.ToString("HH:mm", CultureInfo.InvariantCulture),
            [$"{prefix}.ReferrerName"] = "Ms Head Teacher",
            [$"{prefix}.ReferralSource"] = "2A",
            [$"{prefix}.Concerns"] = "Child arrived with bruising to the arm and says dad did it.",
            [$"{prefix}.Consent"] = "Overridden",
            [$"{prefix}.ConsentReason"] = "Asking would put the child at risk",
        };
    }

    private static async Task<Person> ChildAsync(SafeguardWebFactory factory, string given, string family)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PersonIndex>().CreateAsync(
            new NewPerson { GivenNames = given, FamilyName = family, DateOfBirth = new DateOnly(2016, 6, 1), Sex = "F" }, [], Actor.System("test set-up"));
    }

    private static Task<Guid> AgencyAsync(SafeguardWebFactory factory, string code) =>
        TestUsers.WithDbAsync(factory, db => db.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_front_door_records_a_contact_about_a_known_child_triages_and_decides_it_after_checking(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var family = "Door" + Unique();
        var child = await ChildAsync(factory, "Ada", family);
        using var client = await factory.SignInAsync("front.door");

        // Search, add the child, and record the contact.
        var form = ContactForm(factory);
        form["Input.FromAgencyId"] = (await AgencyAsync(factory, "POLICE")).ToString();
        form["SearchName"] = "Ada " + family;
        using var searched = await SafeguardWebFactory.PostFormAsync(client, "/front-door/contacts/new?handler=Search", form, formPage: "/front-door/contacts/new");
        Assert.Contains($"Ada {family}", await searched.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        form["ChildIds"] = child.Id.ToString();
        using var saved = await SafeguardWebFactory.PostFormAsync(client, "/front-door/contacts/new", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var contactUrl = saved.Headers.Location!.OriginalString;
        var contactId = Guid.Parse(contactUrl.Split('/')[^1]);

        var queue = Html.Parse(await client.GetStringAsync("/front-door"));
        var row = Assert.Single(Html.TableRows(queue), r => r[1] == $"Ada {family}");
        Assert.Matches("Due (today|by the end of)", row[5]);

        var level = await TestUsers.WithDbAsync(factory, db => db.ThresholdLevels.Where(l => l.Level == 4).Select(l => l.Id).SingleAsync());
        var version = await TestUsers.WithDbAsync(factory, db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.Version).SingleAsync());
        using var triaged = await SafeguardWebFactory.PostFormAsync(client, $"{contactUrl}/decide?handler=Triage",
            new() { ["Version"] = S(version), ["Input.Priority"] = "Amber", ["Input.ThresholdLevelId"] = level.ToString() }, formPage: $"{contactUrl}/decide");
        Assert.Equal(HttpStatusCode.Redirect, triaged.StatusCode);

        // Check your answers, then a second practitioner decides first: the first is refused.
        var decided = new Dictionary<string, string> { ["Version"] = S(version + 1), ["Input.Decision"] = "EarlyHelp", ["Input.Rationale"] = "Family want support" };
        using var check = await SafeguardWebFactory.PostFormAsync(client, $"{contactUrl}/decide?handler=Check", decided, formPage: $"{contactUrl}/decide");
        var checkPage = await Html.ReadAsync(check);
        Assert.Equal("Check the decision", Html.Text(checkPage, "h1"));
        Assert.Contains("Early help", checkPage.Body!.TextContent, StringComparison.Ordinal);
        using (var manager = await factory.SignInAsync("team.manager"))
        {
            using var first = await SafeguardWebFactory.PostFormAsync(manager, $"{contactUrl}/decide?handler=Decide",
                new() { ["Version"] = S(version + 1), ["Input.Decision"] = "ReferralToChildrensSocialCare", ["Input.Rationale"] = "Injury needs assessment" }, formPage: $"{contactUrl}/decide");
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var second = await SafeguardWebFactory.PostFormAsync(client, $"{contactUrl}/decide?handler=Decide", decided, formPage: contactUrl);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("changed by someone else", Html.ErrorSummary(await Html.ReadAsync(second)).Single().Message, StringComparison.Ordinal);
        var page = Html.Parse(await client.GetStringAsync(contactUrl));
        Assert.Contains("Referral to children's social care, by Tariq Manager", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Html.TableRows(Html.Parse(await client.GetStringAsync("/front-door"))), r => r[1] == $"Ada {family}");
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_bad_contact_is_refused_beside_each_field_and_a_decision_before_receipt_is_refused(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = await factory.SignInAsync("front.door");
        var form = ContactForm(factory);
        form["Input.ReceivedYear"] = S(factory.Clock.GetUtcNow().Year + 1);
        form["Input.ReferrerName"] = "";
        form["Input.ConsentReason"] = "";

        using var refused = await SafeguardWebFactory.PostFormAsync(client, "/front-door/contacts/new", form);
        var page = await Html.ReadAsync(refused);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var messages = Html.ErrorSummary(page).Select(e => e.Message).ToList();
        Assert.Contains("The date and time received must be now or in the past", messages);
        Assert.Contains("Select the agency the contact came from", messages);
        Assert.Contains("Enter the name of the person who made the contact", messages);
        Assert.Contains("Say why consent was overridden: the public interest or risk that justifies it", messages);
        Assert.Contains("Add the child or children the contact is about", messages);
        Html.AssertErrorSummaryLinksResolve(page);

        // A contact recorded properly, decided "before" it was received.
        var family = "Early" + Unique();
        var good = ContactForm(factory);
        good["Input.FromAgencyId"] = (await AgencyAsync(factory, "POLICE")).ToString();
        good["NewChild.GivenNames"] = "Bo";
        good["NewChild.FamilyName"] = family;
        good["NewChild.BornDay"] = "3";
        good["NewChild.BornMonth"] = "4";
        good["NewChild.BornYear"] = "2015";
        using var saved = await SafeguardWebFactory.PostFormAsync(client, "/front-door/contacts/new", good);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var contactUrl = saved.Headers.Location!.OriginalString;
        var contactId = Guid.Parse(contactUrl.Split('/')[^1]);
        Assert.True(await TestUsers.WithDbAsync(factory, db => db.People.AnyAsync(p => p.DisplayName == "Bo " + family)));
        using (var scope = factory.Services.CreateScope())
        {
            var level = await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().ThresholdLevels.Where(l => l.Level == 2).Select(l => l.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<ContactService>().TriageAsync(contactId, 0, new ContactTriage(RagPriority.Green, level, null), Actor.System("test"));
        }

        var before = UkTime.ToUkLocal(factory.Clock.GetUtcNow().AddDays(-2));
        using var early = await SafeguardWebFactory.PostFormAsync(client, $"{contactUrl}/decide?handler=Decide", new()
        {
            ["Version"] = "1",
            ["Input.Decision"] = "NoFurtherAction",
            ["Input.Rationale"] = "Explained injury",
            ["Input.DecidedDay"] = S(before.Day),
            ["Input.DecidedMonth"] = S(before.Month),
            ["Input.DecidedYear"] = S(before.Year),
            ["Input.DecidedTime"] = "09:00",
        }, formPage: $"{contactUrl}/decide");
        var earlyPage = await Html.ReadAsync(early);
        Assert.Equal("The decision cannot be before the contact was received", Html.ErrorSummary(earlyPage).Single().Message);
        Html.AssertErrorSummaryLinksResolve(earlyPage);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_partner_submits_a_contact_sees_only_their_agencys_and_answers_a_request_sent_to_it(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var family = "Partner" + Unique();
        using var police = await factory.SignInAsync("partner");
        var form = ContactForm(factory);
        form["Children[0].GivenNames"] = "Cy";
        form["Children[0].FamilyName"] = family;
        form["Children[0].BornDay"] = "1";
        form["Children[0].BornMonth"] = "2";
        form["Children[0].BornYear"] = "2014";

        using var missing = await SafeguardWebFactory.PostFormAsync(client: police, "/my-agency/contacts/new", new Dictionary<string, string>(form) { ["Children[0].BornMonth"] = "13" });
        var missingPage = await Html.ReadAsync(missing);
        Assert.Equal("The date of birth must be a real date, with a four-digit year", Html.ErrorSummary(missingPage).Single().Message);
        Html.AssertErrorSummaryLinksResolve(missingPage);
        using var sent = await SafeguardWebFactory.PostFormAsync(police, "/my-agency/contacts/new", form);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var url = sent.Headers.Location!.OriginalString;
        var contactId = Guid.Parse(url.Split('/')[^1]);
        Assert.Contains("Awaiting a decision", await police.GetStringAsync(url), StringComparison.Ordinal);
        var contact = await TestUsers.WithDbAsync(factory, db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contactId));
        Assert.Equal(await AgencyAsync(factory, "POLICE"), contact.FromAgencyId);

        // Another agency's partner does not find it, nor the front door's pages.
        var other = await TestUsers.CreateAsync(factory, Roles.PartnerPractitioner);
        using var otherClient = await factory.SignInAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/front-door/contacts/{contactId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync("/people")).StatusCode);

        // The front door asks the police; the partner answers.
        using var frontDoor = await factory.SignInAsync("front.door");
        using var asked = await SafeguardWebFactory.PostFormAsync(frontDoor, $"/front-door/contacts/{contactId}/requests/new",
            new() { ["Input.AgencyId"] = (await AgencyAsync(factory, "POLICE")).ToString(), ["Input.Question"] = "Previous call-outs to the address?" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var request = await TestUsers.WithDbAsync(factory, db => db.Set<ContactInformationRequest>().AsNoTracking().SingleAsync(r => r.ContactId == contactId));
        Assert.Contains("Previous call-outs to the address?", await police.GetStringAsync("/my-agency"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/my-agency/requests/{request.Id}")).StatusCode);
        using var empty = await SafeguardWebFactory.PostFormAsync(police, $"/my-agency/requests/{request.Id}", new() { ["Version"] = "0", ["Answer"] = "" });
        Assert.Equal("Enter the agency's answer", Html.ErrorSummary(await Html.ReadAsync(empty)).Single().Message);
        using var answered = await SafeguardWebFactory.PostFormAsync(police, $"/my-agency/requests/{request.Id}", new() { ["Version"] = "0", ["Answer"] = "Two call-outs in 2025" });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Contains("Two call-outs in 2025", await frontDoor.GetStringAsync($"/front-door/contacts/{contactId}"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_sharing_log_refuses_a_share_without_reason_or_basis_and_lists_what_was_recorded(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var child = await ChildAsync(factory, "Di", "Share" + Unique());
        using var client = await factory.SignInAsync("front.door");
        var form = new Dictionary<string, string>
        {
            ["Input.PersonId"] = child.Id.ToString(),
            ["Input.Shared"] = "yes",
            ["Input.What"] = "Chronology summary",
            ["Input.AgencyId"] = (await AgencyAsync(factory, "ICB")).ToString(),
            ["Input.Purpose"] = "Health assessment",
            ["Input.Consent"] = "Given",
            ["Input.Reason"] = "",
        };

        using var refused = await SafeguardWebFactory.PostFormAsync(client, "/front-door/sharing/new", form);
        var page = await Html.ReadAsync(refused);
        Assert.Equal(["Select the lawful basis for sharing", "Enter the reason for sharing"], Html.ErrorSummary(page).Select(e => e.Message));
        Html.AssertErrorSummaryLinksResolve(page);

        form["Input.LawfulBasis"] = "PublicTaskSafeguarding";
        form["Input.Reason"] = "Necessary for the health assessment";
        using var saved = await SafeguardWebFactory.PostFormAsync(client, "/front-door/sharing/new", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Necessary for the health assessment", await client.GetStringAsync($"/front-door/sharing?person={child.Id}"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_administrator_adds_a_threshold_level_and_a_number_in_use_is_refused(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var admin = await factory.SignInAsync("admin");
        var name = "Level " + Unique();

        using var clash = await SafeguardWebFactory.PostFormAsync(admin, "/admin/thresholds", new() { ["Input.Level"] = "3", ["Input.Name"] = name });
        var page = await Html.ReadAsync(clash);
        Assert.Equal("Level 3 is already in use: renumber or retire that level first", Html.ErrorSummary(page).Single().Message);
        Html.AssertErrorSummaryLinksResolve(page);

        var number = await TestUsers.WithDbAsync(factory, db => db.ThresholdLevels.Select(l => l.Level).MaxAsync()) + 1;
        using var added = await SafeguardWebFactory.PostFormAsync(admin, "/admin/thresholds", new() { ["Input.Level"] = S(number), ["Input.Name"] = name });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains($"Level {number}: {name}", await admin.GetStringAsync("/admin/thresholds"), StringComparison.Ordinal);
        using var frontDoor = await factory.SignInAsync("front.door");
        Assert.Equal(HttpStatusCode.Forbidden, (await frontDoor.GetAsync("/admin/thresholds")).StatusCode);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Each_answer_on_the_check_page_has_a_change_that_returns_to_its_field_with_the_answers_kept(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var family = "Change" + Unique();
        var child = await ChildAsync(factory, "Eve", family);
        using var client = await factory.SignInAsync("front.door");
        var form = ContactForm(factory);
        form["Input.FromAgencyId"] = (await AgencyAsync(factory, "POLICE")).ToString();
        form["ChildIds"] = child.Id.ToString();
        using var saved = await SafeguardWebFactory.PostFormAsync(client, "/front-door/contacts/new", form);
        var decideUrl = saved.Headers.Location!.OriginalString + "/decide";
        var contactId = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1]);
        var level = await TestUsers.WithDbAsync(factory, db => db.ThresholdLevels.Where(l => l.Level == 4).Select(l => l.Id).SingleAsync());
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContactService>().TriageAsync(contactId, 0, new ContactTriage(RagPriority.Amber, level, null), Actor.System("test"));
        }

        using var check = await SafeguardWebFactory.PostFormAsync(client, decideUrl + "?handler=Check",
            new() { ["Version"] = "1", ["Input.Decision"] = "StrategyDiscussion", ["Input.Rationale"] = "Bruising and a disclosure" }, formPage: decideUrl);
        var checkPage = await Html.ReadAsync(check);
        Assert.Equal("Check the decision", Html.Text(checkPage, "h1"));
        var rows = checkPage.QuerySelectorAll(".govuk-summary-list__row").Where(r => r.QuerySelector(".govuk-summary-list__actions") is not null).ToList();
        Assert.Equal(["Decision", "Reasons", "Decided", "Priority", "Threshold level"], rows.Select(r => r.QuerySelector("dt")!.TextContent.Trim()));
        Assert.Equal(["Strategy discussion", "Bruising and a disclosure", "Now", "Amber"], rows.Take(4).Select(r => r.QuerySelector(".govuk-summary-list__value")!.TextContent.Trim()));
        var changes = rows.Select(r => r.QuerySelector(".govuk-summary-list__actions button")!).ToList();
        // Each says "Change" and, to a screen reader, which answer.
        Assert.All(changes, c => Assert.Equal("Change", c.FirstChild!.TextContent));
        Assert.Equal(["the decision", "the reasons for the decision", "when the decision was made", "the priority", "the threshold level"],
            changes.Select(c => c.QuerySelector(".govuk-visually-hidden")!.TextContent.Trim()));

        // "Change" posts the answers back to the form, whose address ends with the field to change.
        var answers = checkPage.QuerySelectorAll("form input[type=hidden]")
            .Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        Assert.Equal("?handler=Change#Input-Rationale", changes[1].GetAttribute("formaction"));
        using var change = await SafeguardWebFactory.PostFormAsync(client, decideUrl + "?handler=Change", answers, formPage: decideUrl);
        var formPage = await Html.ReadAsync(change);
        Assert.Equal("Triage and decide", Html.Text(formPage, "h1"));
        foreach (var target in changes.Select(c => c.GetAttribute("formaction")!.Split('#')[1]))
        {
            Assert.NotNull(formPage.GetElementById(target));
        }

        Assert.Equal("StrategyDiscussion", formPage.QuerySelector("input[name='Input.Decision'][checked]")!.GetAttribute("value"));
        Assert.Equal("Bruising and a disclosure", formPage.QuerySelector("textarea[name='Input.Rationale']")!.TextContent);
        Assert.Equal("Amber", formPage.QuerySelector("input[name='Input.Priority'][checked]")!.GetAttribute("value"));
        Assert.Equal(level.ToString(), formPage.QuerySelector("input[name='Input.ThresholdLevelId'][checked]")!.GetAttribute("value"));

        // Continue returns to the check page with the changed answer.
        var changed = new Dictionary<string, string>(answers) { ["Input.Decision"] = "ReferralToChildrensSocialCare", ["Changing"] = "true" };
        using var again = await SafeguardWebFactory.PostFormAsync(client, decideUrl + "?handler=Check", changed, formPage: decideUrl);
        var againPage = await Html.ReadAsync(again);
        Assert.Equal("Check the decision", Html.Text(againPage, "h1"));
        Assert.Contains("Referral to children's social care", againPage.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);

        // Changing the triage saves it and returns to the check page, the decision's answers kept.
        changed["Input.Priority"] = "Red";
        changed["Input.ThresholdLevelId"] = level.ToString();
        using var triaged = await SafeguardWebFactory.PostFormAsync(client, decideUrl + "?handler=Triage", changed, formPage: decideUrl);
        var triagedPage = await Html.ReadAsync(triaged);
        Assert.Equal("Check the decision", Html.Text(triagedPage, "h1"));
        var values = triagedPage.QuerySelectorAll(".govuk-summary-list__value").Select(v => v.TextContent.Trim()).ToList();
        Assert.Contains("Red", values);
        Assert.Contains("Referral to children's social care", values);
        Assert.Equal("2", Html.Value(triagedPage, "Version"));

        // Recorded from there, the decision is saved with the new triage.
        var final = triagedPage.QuerySelectorAll("form input[type=hidden]")
            .Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        using var decided = await SafeguardWebFactory.PostFormAsync(client, decideUrl + "?handler=Decide", final, formPage: decideUrl);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var contact = await TestUsers.WithDbAsync(factory, db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contactId));
        Assert.Equal(ContactDecision.ReferralToChildrensSocialCare, contact.Decision);
        Assert.Equal(RagPriority.Red, contact.Priority);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Two_siblings_neither_known_are_added_one_after_another_and_a_look_alike_must_be_confirmed_different(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var family = "Sibling" + Unique();
        var known = await ChildAsync(factory, "Fay", family);
        using var client = await factory.SignInAsync("front.door");
        var form = ContactForm(factory);
        form["Input.FromAgencyId"] = (await AgencyAsync(factory, "POLICE")).ToString();

        // A new child like a known one (same name and date of birth) is held until confirmed as a different child.
        var fay = new Dictionary<string, string>(form) { ["NewChild.GivenNames"] = "Fay", ["NewChild.FamilyName"] = family, ["NewChild.BornDay"] = "1", ["NewChild.BornMonth"] = "6", ["NewChild.BornYear"] = "2016", ["NewChild.Sex"] = "F" };
        using var alike = await SafeguardWebFactory.PostFormAsync(client, "/front-door/contacts/new?handler=AddNew", fay, formPage: "/front-door/contacts/new");
        var alikePage = await Html.ReadAsync(alike);
        Assert.StartsWith("Records like the new child's are already held", Html.ErrorSummary(alikePage).Single().Message, StringComparison.Ordinal);
        Assert.NotNull(alikePage.GetElementById($"different-{known.Id}"));
        Html.AssertErrorSummaryLinksResolve(alikePage);

        fay["ConfirmedDifferent"] = known.Id.ToString();
        using var added = await SafeguardWebFactory.PostFormAsync(client, "/front-door/contacts/new?handler=AddNew", fay, formPage: "/front-door/contacts/new");
        var addedPage = await Html.ReadAsync(added);
        Assert.Empty(Html.ErrorSummary(addedPage));
        Assert.Contains($"Fay {family}", Html.Text(addedPage, ".govuk-summary-list"), StringComparison.Ordinal);
        Assert.Equal("", Html.Value(addedPage, "NewChild.GivenNames"));

        // The second sibling is described and the contact recorded with both.
        var both = addedPage.QuerySelectorAll("form input[type=hidden]").Where(i => i.GetAttribute("name")!.StartsWith("NewChildren", StringComparison.Ordinal))
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        Assert.Contains(both, f => f.Key == "NewChildren[0].ConfirmedDifferent" && f.Value == known.Id.ToString());
        both.AddRange(form);
        both.AddRange([new("NewChild.GivenNames", "Gus"), new("NewChild.FamilyName", family), new("NewChild.BornDay", "2"), new("NewChild.BornMonth", "3"), new("NewChild.BornYear", "2019")]);
        using var saved = await SafeguardWebFactory.PostFormAsync(client, "/front-door/contacts/new", both);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var contactId = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1]);
        var names = await TestUsers.WithDbAsync(factory, db => db.Set<ContactChild>().Where(c => c.ContactId == contactId)
            .Join(db.People, c => c.PersonId, p => (Guid?)p.Id, (c, p) => p.DisplayName).ToListAsync());
        Assert.Equal([$"Fay {family}", $"Gus {family}"], names.Order(StringComparer.Ordinal));
        Assert.Equal(2, await TestUsers.WithDbAsync(factory, db => db.People.CountAsync(p => p.DisplayName == $"Fay {family}")));
    }
}
