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
    }
}
