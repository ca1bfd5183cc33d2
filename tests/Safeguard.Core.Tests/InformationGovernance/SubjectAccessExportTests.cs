using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.ComplexSafeguarding;
using Safeguard.Core.Tests.ComplexSafeguarding;
using Safeguard.FrontDoor;
using Safeguard.InformationGovernance;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.InformationGovernance;

/// <summary>The subject access export: complete by construction of the model, limited to the person, audited.</summary>
public class SubjectAccessExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Every record type linked to the person table (by a foreign key, or by an id property named for a person without
    /// one), and every type hanging off those, is described by the export; a new record type fails here until it is.
    /// </summary>
    [Theory, ClassData(typeof(BothProviders))]
    public async Task Every_record_type_linked_to_a_person_is_in_the_export(DatabaseProvider provider)
    {
        await using var services = await TestServices.CreateAsync(provider, new FakeTimeProvider(DateTimeOffset.UtcNow));
        var model = services.Db.Model;
        var person = model.FindEntityType(typeof(Person))!;

        var linked = model.GetEntityTypes().Where(t => t.GetForeignKeys().Any(fk => fk.PrincipalEntityType == person)).Select(t => t.ClrType).ToList();
        var unlinkedIds = model.GetEntityTypes()
            .SelectMany(t => t.GetProperties().Where(p => p.ClrType == typeof(Guid) || p.ClrType == typeof(Guid?)).Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.Name.EndsWith("PersonId", StringComparison.Ordinal) && !x.Property.IsForeignKey())
            .Select(x => (x.Type.ClrType, x.Property.Name))
            .ToList();
        Assert.Equal(unlinkedIds.Order(), SubjectRecords.UnlinkedPersonReferences.Order());

        var reachable = SubjectRecords.Reachable(model);
        Assert.Superset(linked.ToHashSet(), reachable.ToHashSet());
        var described = SubjectRecords.Types.Select(t => t.ClrType).ToHashSet();
        var missing = reachable.Except(described).Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, $"Records about a person that the subject access export does not describe: {string.Join(", ", missing)}. Add them to SubjectRecords.Types.");
        Assert.Empty(described.Except(reachable).Select(t => t.Name));
        Assert.All(reachable, t => Assert.Single(model.FindEntityType(t)!.FindPrimaryKey()!.Properties, p => p.ClrType == typeof(Guid)));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_export_holds_the_persons_records_and_every_access_and_is_audited_with_its_reason(DatabaseProvider provider)
    {
        await using var f = await MissingFixture.CreateAsync(provider);
        var db = f.Services.Db;
        var people = f.Services.Get<PersonIndex>();
        var child = f.ChildId;
        var sibling = await f.Journey.AddChildAsync("Zain", "Khan");
        var mother = await people.CreateAsync(new NewPerson { Kind = PersonKind.Adult, GivenNames = "Sara", FamilyName = "Khan", Sex = "F" }, [], f.Worker, Ct);
        await people.AddRelationshipAsync(new NewRelationship(child, mother.Id, RelationshipKind.Mother, true, null, null), f.Worker, Ct);
        var episode = await f.Journey.OpenAsync();
        var siblingEpisode = await f.Journey.OpenAsync(sibling);
        var missing = await f.Missing.RecordAsync(child, MissingFixture.Episode(new DateTimeOffset(2026, 11, 20, 18, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero), f.PoliceAgencyId), f.Worker, Ct);
        await f.Missing.RecordInterviewAsync(missing.Id, (await db.Set<MissingEpisode>().AsNoTracking().SingleAsync(e => e.Id == missing.Id, Ct)).Version,
            MissingFixture.Interview(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero)), f.Worker, Ct);
        var contact = await f.Services.Get<ContactService>().RecordAsync(new NewContact
        {
            ReceivedAt = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero),
            FromAgencyId = f.PoliceAgencyId,
            ReferrerName = "PC Jo Bloggs",
            ReferralSource = "6",
            Concerns = "Both children present at an incident",
            Consent = ConsentPosition.Given,
            Children = [new ContactChildInput(child), new ContactChildInput(sibling)],
        }, ContactChannel.FrontDoor, f.Worker, Ct);
        await people.GetAsync(child, f.Police, Ct);

        var file = await f.Services.Get<SubjectAccessExport>().ExportAsync(child, "SAR-2026-0042 from the child's mother", f.Worker, Ct);

        using var zip = new ZipArchive(new MemoryStream(file.Content));
        Assert.Equal(["subject-access.json", "subject-access.xlsx"], zip.Entries.Select(e => e.FullName).Order());
        using var json = await JsonDocument.ParseAsync(await zip.GetEntry("subject-access.json")!.OpenAsync(Ct), cancellationToken: Ct);
        var root = json.RootElement;
        Assert.Equal("SAR-2026-0042 from the child's mother", root.GetProperty("Subject").GetProperty("Reason").GetString());
        var records = root.GetProperty("Records").EnumerateArray()
            .Select(r => (Type: r.GetProperty("Type").GetString()!, Id: r.GetProperty("Id").GetString()!, Named: r.GetProperty("NamesOtherPeople").EnumerateArray().Select(n => n.GetString()!).ToList()))
            .ToList();
        Assert.Contains(records, r => r.Type == "Person" && r.Id == child.ToString());
        Assert.Contains(records, r => r.Type == "PersonName");
        Assert.Contains(records, r => r.Type == "NeedEpisode" && r.Id == episode.ToString());
        Assert.DoesNotContain(records, r => r.Id == siblingEpisode.ToString() || r.Id == sibling.ToString() || r.Id == mother.Id.ToString());
        Assert.Contains(records, r => r.Type == "MissingEpisode" && r.Id == missing.Id.ToString());
        Assert.Contains(records, r => r.Type == "ReturnInterview");
        Assert.Single(records, r => r.Type == "ContactChild");
        var relationship = Assert.Single(records, r => r.Type == "PersonRelationship");
        Assert.Contains(relationship.Named, n => n.StartsWith("Sara Khan", StringComparison.Ordinal));
        var exportedContact = Assert.Single(records, r => r.Type == "Contact" && r.Id == contact.Id.ToString());
        Assert.Contains("the referrer, PC Jo Bloggs", exportedContact.Named);
        Assert.Contains("another child on the contact, Zain Khan", exportedContact.Named);

        var events = root.GetProperty("AuditEvents").EnumerateArray().ToList();
        Assert.Contains(events, e => e.GetProperty("Process").GetString() == "People.View" && e.GetProperty("Actor").GetString() == "Pat Police" && e.GetProperty("EntityId").GetString() == child.ToString());
        Assert.Contains(events, e => e.GetProperty("EntityType").GetString() == "NeedEpisode" && e.GetProperty("Action").GetString() == "Created");
        Assert.DoesNotContain(events, e => e.GetProperty("EntityId").GetString() == siblingEpisode.ToString());
        Assert.Equal(events.Count, file.AuditEvents);

        var audit = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Process == SubjectAccessExport.Process, Ct);
        Assert.Equal((AuditAction.Exported, "Person", child.ToString(), f.Worker.UserId), (audit.Action, audit.EntityType, audit.EntityId, audit.ActorUserId));
        Assert.Equal("SAR-2026-0042 from the child's mother", audit.Reason);
        Assert.True((await AuditTrail.VerifyAsync(db, Ct)).Intact);

        using var workbook = new MemoryStream();
        await (await zip.GetEntry("subject-access.xlsx")!.OpenAsync(Ct)).CopyToAsync(workbook, Ct);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(workbook, false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal("Read me", sheets[0]);
        Assert.Contains("Missing episodes", sheets);
        Assert.Equal("Audit trail", sheets[^1]);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task No_reason_or_a_record_restricted_from_the_user_is_refused_and_nothing_is_audited(DatabaseProvider provider)
    {
        await using var f = await MissingFixture.CreateAsync(provider);
        var export = f.Services.Get<SubjectAccessExport>();
        var restricted = await f.Journey.AddChildAsync("Cara", "Lee", restricted: true);

        var noReason = await Assert.ThrowsAsync<SafeguardValidationException>(() => export.ExportAsync(f.ChildId, " ", f.Worker, Ct));
        Assert.Equal("Reason", Assert.Single(noReason.Problems).Field);
        var hidden = await Assert.ThrowsAsync<SafeguardValidationException>(() => export.ExportAsync(restricted, "SAR-1", f.Police, Ct));
        Assert.Equal("Person", Assert.Single(hidden.Problems).Field);
        Assert.False(await f.Services.Db.AuditEvents.AnyAsync(e => e.Process == SubjectAccessExport.Process, Ct));

        var allowed = await export.ExportAsync(restricted, "SAR-1", f.Worker, Ct);
        Assert.True(allowed.Records >= 3);
    }
}
