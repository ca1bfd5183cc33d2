using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.FrontDoor;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Casework;

/// <summary>A contact the front door decides as a referral opens as an episode from the contact's page, linked to it.</summary>
public class ReferralFromFrontDoorTests(WebFactories factories) : IClassFixture<WebFactories>
{
    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_referral_decided_at_the_front_door_opens_with_its_date_and_source_and_is_linked_to_the_contact(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        Guid childId, contactId, undecidedId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var frontDoorUser = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "front.door");
            var frontDoor = new Actor(frontDoorUser.Id, frontDoorUser.DisplayName, frontDoorUser.AgencyId);
            var index = scope.ServiceProvider.GetRequiredService<PersonIndex>();
            var details = new NewPerson { GivenNames = "Nell", FamilyName = "Handoff" + Guid.NewGuid().ToString("N")[..6], DateOfBirth = new DateOnly(2015, 6, 1), Sex = "F" };
            var alike = await index.FindPossibleDuplicatesAsync(details, frontDoor);
            childId = (await index.CreateAsync(details, [.. alike.Select(a => a.Id)], frontDoor)).Id;
            var contacts = scope.ServiceProvider.GetRequiredService<ContactService>();
            var police = await db.Agencies.AsNoTracking().SingleAsync(a => a.Code == "POLICE");
            var level = await db.ThresholdLevels.AsNoTracking().SingleAsync(l => l.Level == 4 && l.IsActive);
            NewContact About() => new()
            {
                ReceivedAt = factory.Clock.GetUtcNow().AddHours(-2),
                FromAgencyId = police.Id,
                ReferrerName = "PC Lee",
                ReferralSource = "5A",
                Concerns = "Child found alone at night",
                Consent = ConsentPosition.Given,
                Children = [new ContactChildInput(childId)],
            };
            var contact = await contacts.RecordAsync(About(), ContactChannel.FrontDoor, frontDoor);
            int Version(Guid id) => db.Set<Contact>().AsNoTracking().Single(c => c.Id == id).Version;
            await contacts.TriageAsync(contact.Id, Version(contact.Id), new ContactTriage(RagPriority.Red, level.Id, "Unsupervised overnight"), frontDoor);
            await contacts.DecideAsync(contact.Id, Version(contact.Id), new ContactDecisionInput(ContactDecision.ReferralToChildrensSocialCare, "Needs an assessment"), frontDoor);
            contactId = contact.Id;
            undecidedId = (await contacts.RecordAsync(About(), ContactChannel.FrontDoor, frontDoor)).Id;
        }

        var worker = await factory.SignInAsync("social.worker");
        // The area's list of referrals waiting to be opened has the child, with the way on to the filled form.
        var openLink = $"/people/{childId}/casework/referral?contact={contactId}";
        var waiting = Html.Parse(await worker.GetStringAsync("/casework/referrals"));
        Assert.NotNull(waiting.QuerySelector($"[data-testid='referrals-waiting'] a[href='{openLink}']"));
        Assert.Null(waiting.QuerySelector($"[data-testid='referrals-waiting'] a[href='/people/{childId}/casework/referral?contact={undecidedId}']"));
        var contactPage = await worker.GetStringAsync($"/front-door/contacts/{contactId}");
        Assert.Contains($"/people/{childId}/casework/referral?contact={contactId}", contactPage, StringComparison.Ordinal);

        var form = Html.Parse(await worker.GetStringAsync($"/people/{childId}/casework/referral?contact={contactId}"));
        var today = Calendar.UkTime.Today(factory.Clock);
        Assert.Equal(today.Day.ToString(CultureInfo.InvariantCulture), Html.Value(form, "Input.ReferralDateDay"));
        Assert.Equal("5A", form.QuerySelector("select[name='Input.ReferralSource'] option[selected]")?.GetAttribute("value"));
        Assert.Contains("From the front door", form.QuerySelector(".govuk-inset-text")?.TextContent ?? "", StringComparison.Ordinal);

        // A contact not decided as a referral fills in nothing and is not linked.
        var other = Html.Parse(await worker.GetStringAsync($"/people/{childId}/casework/referral?contact={undecidedId}"));
        Assert.Null(other.QuerySelector(".govuk-inset-text"));
        Assert.True(string.IsNullOrEmpty(Html.Value(other, "Input.ReferralDateDay")));

        var saved = await SafeguardWebFactory.PostFormAsync(worker, $"/people/{childId}/casework/referral", new()
        {
            ["Contact"] = contactId.ToString(),
            ["Input.ReferralDateDay"] = today.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.ReferralDateMonth"] = today.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.ReferralDateYear"] = today.Year.ToString(CultureInfo.InvariantCulture),
            ["Input.ReferralSource"] = "5A",
            ["Input.PrimaryNeedCode"] = "N1",
            ["Input.ReferralNfa"] = "no",
        }, $"/people/{childId}/casework/referral?contact={contactId}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var linked = await TestUsers.WithDbAsync(factory, db => db.NeedEpisodes.AsNoTracking().Where(e => e.PersonId == childId).Select(e => e.FrontDoorContactId).SingleAsync());
        Assert.Equal(contactId, linked);

        // Opened: no longer waiting, and the listing was audited.
        var after = Html.Parse(await worker.GetStringAsync("/casework/referrals"));
        Assert.Null(after.QuerySelector($"a[href='{openLink}']"));
        Assert.True(await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AnyAsync(e => e.EntityType == "ReferralsWaiting" && e.Action == AuditAction.Viewed)));
    }
}

/// <summary>The front door's "referral" decision hands on: the way on from the decision, the child's casework, the form and the chronology.</summary>
public class ReferralHandOnTests(WebFactories factories) : IClassFixture<WebFactories>
{
    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_referral_decision_is_waiting_on_the_childs_casework_fills_the_form_and_links_contact_decision_and_referral_on_the_chronology(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        Guid childId, contactId;
        string family = "Handon" + Guid.NewGuid().ToString("N")[..6];
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var frontDoorUser = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "front.door");
            var frontDoor = new Actor(frontDoorUser.Id, frontDoorUser.DisplayName, frontDoorUser.AgencyId);
            var index = scope.ServiceProvider.GetRequiredService<PersonIndex>();
            var details = new NewPerson { GivenNames = "Nia", FamilyName = family, DateOfBirth = new DateOnly(2014, 6, 1), Sex = "F" };
            childId = (await index.CreateAsync(details, [.. (await index.FindPossibleDuplicatesAsync(details, frontDoor)).Select(a => a.Id)], frontDoor)).Id;
            var contacts = scope.ServiceProvider.GetRequiredService<ContactService>();
            var police = await db.Agencies.AsNoTracking().SingleAsync(a => a.Code == "POLICE");
            var level = await db.ThresholdLevels.AsNoTracking().SingleAsync(l => l.Level == 4 && l.IsActive);
            var contact = await contacts.RecordAsync(new NewContact
            {
                ReceivedAt = factory.Clock.GetUtcNow().AddMinutes(-30),
                FromAgencyId = police.Id,
                ReferrerName = "PC Lee",
                ReferralSource = "6",
                Concerns = "Found wandering near the canal at 2am",
                Consent = ConsentPosition.Given,
                Children = [new ContactChildInput(childId)],
            }, ContactChannel.FrontDoor, frontDoor);
            var version = await db.Set<Contact>().AsNoTracking().Where(c => c.Id == contact.Id).Select(c => c.Version).SingleAsync();
            await contacts.TriageAsync(contact.Id, version, new ContactTriage(RagPriority.Red, level.Id, null), frontDoor);
            contactId = contact.Id;
        }

        // The decide page shows the contact's concerns and says what a blank decision time means.
        using var practitioner = await factory.SignInAsync("front.door");
        var decideUrl = $"/front-door/contacts/{contactId}/decide";
        var decidePage = Html.Parse(await practitioner.GetStringAsync(decideUrl));
        Assert.Equal("Found wandering near the canal at 2am", decidePage.GetElementById("contact-concerns")?.TextContent.Trim());
        Assert.Contains("Leave blank if the decision is being made now", decidePage.GetElementById("Input-Decided-hint")?.TextContent, StringComparison.Ordinal);

        var decision = new Dictionary<string, string> { ["Version"] = Html.Value(decidePage, "Version")!, ["Input.Decision"] = "ReferralToChildrensSocialCare", ["Input.Rationale"] = "Needs an assessment" };
        var check = await Html.ReadAsync(await SafeguardWebFactory.PostFormAsync(practitioner, decideUrl + "?handler=Check", decision, formPage: decideUrl));
        Assert.Contains($"children's social care opens the referral for each child (Nia {family})", check.Body!.TextContent, StringComparison.Ordinal);
        using var decided = await SafeguardWebFactory.PostFormAsync(practitioner, decideUrl + "?handler=Decide", decision, formPage: decideUrl);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal($"/front-door/contacts/{contactId}#children", decided.Headers.Location!.OriginalString);
        var afterDecision = Html.Parse(await practitioner.GetStringAsync($"/front-door/contacts/{contactId}")).Body!.TextContent;
        Assert.Contains("Each child's referral is ready to open", afterDecision, StringComparison.Ordinal);
        Assert.Contains("referral waiting for children's social care to open it", afterDecision, StringComparison.Ordinal);

        // The child's casework says a referral is waiting, and its form is filled in from the contact without asking for it.
        using var worker = await factory.SignInAsync("social.worker");
        var casework = Html.Parse(await worker.GetStringAsync($"/people/{childId}/casework"));
        Assert.Contains("Referral waiting", casework.QuerySelector(".govuk-notification-banner")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(casework.QuerySelector($"a[href='/people/{childId}/casework/referral?contact={contactId}']"));
        var form = Html.Parse(await worker.GetStringAsync($"/people/{childId}/casework/referral"));
        Assert.Equal(contactId.ToString(), Html.Value(form, "Contact"));
        Assert.Equal("6", form.QuerySelector("select[name='Input.ReferralSource'] option[selected]")?.GetAttribute("value"));
        Assert.Equal("Police (6)", form.QuerySelector("select[name='Input.ReferralSource'] option[selected]")?.TextContent);

        var today = Calendar.UkTime.Today(factory.Clock);
        using var saved = await SafeguardWebFactory.PostFormAsync(worker, $"/people/{childId}/casework/referral", new()
        {
            ["Contact"] = contactId.ToString(),
            ["Input.ReferralDateDay"] = today.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.ReferralDateMonth"] = today.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.ReferralDateYear"] = today.Year.ToString(CultureInfo.InvariantCulture),
            ["Input.ReferralSource"] = "6",
            ["Input.PrimaryNeedCode"] = "N1",
            ["Input.ReferralNfa"] = "no",
        }, $"/people/{childId}/casework/referral");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Referral opened on", await worker.GetStringAsync($"/front-door/contacts/{contactId}"), StringComparison.Ordinal);
        Assert.Null(Html.Parse(await worker.GetStringAsync($"/people/{childId}/casework")).QuerySelector(".govuk-notification-banner"));

        // The chronology: labels not codes, and the same day in journey order (newest first): referral, decision, contact.
        var chronology = Html.Parse(await worker.GetStringAsync($"/people/{childId}/chronology"));
        var titles = chronology.QuerySelectorAll("h2.govuk-heading-s").Select(h => h.TextContent.Trim()).ToList();
        var referralAt = titles.IndexOf("Referral to children's social care");
        var decisionAt = titles.IndexOf("Front door decision: Referral to children's social care");
        var contactAt = titles.FindIndex(t => t.StartsWith("Contact from ", StringComparison.Ordinal));
        Assert.True(referralAt >= 0 && referralAt < decisionAt && decisionAt < contactAt, string.Join(" | ", titles));
        var text = chronology.Body!.TextContent;
        Assert.Contains("Source: Police (6); primary need: Abuse or neglect (N1)", text, StringComparison.Ordinal);
        Assert.Contains("Opened from the front door's contact received", text, StringComparison.Ordinal);
        Assert.Contains("Referral opened on", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Source 6", text, StringComparison.Ordinal);
    }
}
