using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Core.Tests.Journey;
using Safeguard.EarlyHelp;
using Safeguard.FrontDoor;
using Safeguard.Interchange.AnnexA;
using Safeguard.Journey;
using Safeguard.LookedAfter;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Interchange.AnnexA;

/// <summary>
/// Annex A as at Monday 23 November 2026 from a child's journey (a contact, a referral, an assessment, a section 47
/// enquiry with its conference and plan, a visit, early help before it) and another child's care and adoption decision: each worksheet's
/// header is the template's, and each row is what the records say.
/// </summary>
public class AnnexAExportTests
{
    private static readonly DateOnly AsAt = new(2026, 11, 23);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_workbook_has_every_list_with_the_templates_headers_and_the_records_rows(DatabaseProvider provider)
    {
        await using var f = await JourneyFixture.CreateAsync(provider);
        var db = f.Services.Get<SafeguardDbContext>();
        var looked = await f.AddChildAsync("Ben", "Lee");
        await SeedAsync(f, db, looked);

        using var file = new MemoryStream();
        var result = await f.Services.Get<AnnexAExport>().WriteAsync(AsAt, file, f.Worker, Ct);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0], result.Lists.Select(l => l.Rows));
        Assert.Equal((D(5, 24), AsAt), (result.Lists[0].From, result.Lists[0].Until));
        Assert.Equal(new DateOnly(2025, 11, 24), result.Lists[9].From);

        var sheets = Read(file);
        var schema = AnnexASchema.Default;
        Assert.Equal(schema.Lists.Select(l => l.SheetName), sheets.Keys);
        foreach (var list in schema.Lists)
        {
            Assert.Equal(list.Columns.Select(c => c.Name), sheets[list.SheetName][0]);
        }

        Assert.Equal(["List 1 Contacts", "List 2 Early help", "List 3 Referrals"], sheets.Keys.Take(3));
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == f.Worker.AgencyId).Select(a => a.Name).SingleAsync(Ct);
        Assert.Equal(["KHA5", "b) Female", "c) Asian or Asian British", "14/03/2018", "8", "03/06/2026", "20/06/2026", agency], sheets["List 2 Early help"][1]);
        Assert.Single(sheets["List 11 Adopters"]);
        Assert.Equal(["KHA5", "b) Female", "c) Asian or Asian British", "14/03/2018", "8", "05/10/2026", "b) Schools"], sheets["List 1 Contacts"][1]);
        Assert.Equal(["KHA5", "b) Female", "c) Asian or Asian British", "14/03/2018", "8", "06/10/2026", "b) Schools", "No", "1", "Assessment team", "Sam Worker"], sheets["List 3 Referrals"][1]);
        Assert.Equal(["No", "06/10/2026", "Yes", "20/10/2026", "Yes", "Assessment team", "Sam Worker"], sheets["List 4 Assessments"][1][5..]);
        Assert.Equal(["21/10/2026", "No", "04/11/2026", "Yes", "1", "1"], sheets["List 5 S47 enquiries and ICPCs"][1][6..12]);
        Assert.Equal(["06/10/2026", "a) Abuse or neglect", "10/11/2026", "", "", "b) Child Protection plan"], sheets["List 6 Children in need"][1][6..12]);
        Assert.Equal(["04/11/2026", "a) Neglect", "a) Neglect", "10/11/2026", "Yes", "", "", "No", "0"], sheets["List 7 Child protection"][1][6..15]);

        var care = Row(schema.List(8), sheets["List 8 Children in care"][1]);
        Assert.Equal("LEE3", care["Child Unique ID"]);
        Assert.Equal(("01/07/2026", "b) Full care orders", "a) Foster placement", "a) Own LA", "BL9 0EJ"),
            (care["Date Started to be Looked After"], care["Child's Legal Status"], care["Placement Type"], care["Placement Provider"], care["Placement postcode"]));
        Assert.Equal(("01/07/2026", "01/07/2026", "1", "No"), (care["Start date of current legal status"], care["Start Date of Most Recent Placement"],
            care["Number of Placements in the Last 12 months"], care["Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)"]));
        var adoption = Row(schema.List(10), sheets["List 10 Adoption"][1]);
        Assert.Equal(("LEE3", "01/07/2026", "01/09/2026", ""), (adoption["Child Unique ID"], adoption["Date the Child Entered Care"],
            adoption["Date of Decision that Child Should be Placed for Adoption"], adoption["Date of Placement Order"]));

        // The export is audited with the lists and the date.
        var audit = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.EntityType == AnnexAExport.EntityType, Ct);
        Assert.Equal((AuditAction.Exported, "2026-11-23"), (audit.Action, audit.EntityId));
        Assert.Contains("lists 1-11", audit.After ?? audit.Reason ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void The_template_check_names_what_is_wrong_and_every_code_the_export_maps_to_is_the_templates()
    {
        var schema = AnnexASchema.Default;
        var contacts = schema.List(1);
        Assert.Equal(11, schema.Lists.Count);
        Assert.Contains("not one of the template's codes", schema.Problem(contacts, contacts.Columns[1], "Male"), StringComparison.Ordinal);
        Assert.Null(schema.Problem(contacts, contacts.Columns[1], "a) Male"));
        Assert.Contains("dd/mm/yyyy", schema.Problem(contacts, contacts.Columns[5], "2026-11-23"), StringComparison.Ordinal);
        Assert.Contains("whole number", schema.Problem(contacts, contacts.Columns[4], "-1"), StringComparison.Ordinal);
        Assert.Equal("List 1, row 7, column 'Gender': x", new AnnexAProblem(1, 7, "Gender", "Male", "x").ToString());

        // Census and SSDA903 codes become the template's through its own names for them.
        Assert.Equal("g) Police", schema.CodeFor(schema.List(3), "Referral Source", "6"));
        Assert.Equal("d) Placement order granted", schema.CodeFor(schema.List(8), "Child's Legal Status", "E1"));
        Assert.Equal("h) Child not in need after assessment", schema.CodeFor(schema.List(6), "Reason for Closure", "RC8"));
        Assert.Null(schema.CodeFor(schema.List(1), "Gender", "Z"));
    }

    private static async Task SeedAsync(JourneyFixture f, SafeguardDbContext db, Guid looked)
    {
        var child = f.ChildId;
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            Contact ContactOn(DateOnly day) => new()
            {
                ReceivedAt = UkTime.StartOfDay(day).AddHours(10),
                FromAgencyId = f.Worker.AgencyId!.Value,
                ReferrerName = "Ms Head",
                ReferralSource = "2A",
                Concerns = "Bruising",
                RecordedByName = "Front door",
                Children = [new ContactChild { PersonId = child, DescribedName = "Amira Khan" }],
            };
            db.AddRange(ContactOn(D(10, 5)), ContactOn(D(3, 1)));
            var episode = new NeedEpisode { PersonId = child, ReferralDate = D(10, 6), ReferralSource = "2A", PrimaryNeedCode = "N1", CreatedAt = UkTime.StartOfDay(D(10, 6)) };
            var strategy = new StrategyDiscussion { EpisodeId = episode.Id, Date = D(10, 21), Outcome = StrategyOutcome.Section47 };
            var enquiry = new S47Enquiry { EpisodeId = episode.Id, StrategyDiscussionId = strategy.Id, StartDate = D(10, 21), IcpcTargetDate = D(11, 11), ConferenceDate = D(11, 4), ConferenceOutcome = ConferenceOutcome.Plan };
            db.AddRange(
                episode,
                new CaseAssessment { EpisodeId = episode.Id, StartDate = D(10, 6), ChildSeenDate = D(10, 8), AuthorisationDate = D(10, 20) },
                strategy,
                enquiry,
                new ProtectionPlan { EpisodeId = episode.Id, EnquiryId = enquiry.Id, StartDate = D(11, 4), InitialCategory = "NEG", LatestCategory = "NEG" },
                new CaseAllocation { EpisodeId = episode.Id, PersonId = child, TeamId = f.Team.Id, WorkerId = f.Worker.UserId, From = UkTime.StartOfDay(D(10, 6)), AllocatedByName = "Team manager" },
                new ChildVisit { PersonId = child, VisitDate = D(11, 10), ChildSeen = true, SeenAlone = true, VisitedBy = "Sam Worker", RecordedByName = "Sam Worker" },
                new CareEpisode
                {
                    PersonId = looked,
                    StartedOn = D(7, 1),
                    ReasonForNewEpisode = "S",
                    LegalStatus = "C2",
                    CategoryOfNeed = "N1",
                    PlacementType = "U4",
                    PlacementProvider = "PR1",
                    PlacementPostcode = "BL9 0EJ",
                    IroName = "Ira Reviewing",
                    RecordedByName = "Sam Worker",
                },
                new AdoptionDecision { PersonId = looked, DecidedOn = D(9, 1), RecordedByName = "Sam Worker" });

            // Early help before the referral, led by the school; its assessment is listed (list 2), an episode without one is not.
            var earlyHelp = new EarlyHelpEpisode
            {
                FamilyName = "Khan",
                StartedOn = D(6, 1),
                Source = EarlyHelpSource.PartnerAgency,
                AssessmentStartedOn = D(6, 3),
                AssessmentCompletedOn = D(6, 20),
                RecordedByName = "Ms Head",
            };
            earlyHelp.Members.Add(new EarlyHelpFamilyMember { EpisodeId = earlyHelp.Id, PersonId = child, IsChild = true });
            earlyHelp.Leads.Add(new EarlyHelpLead { EpisodeId = earlyHelp.Id, AgencyId = f.Worker.AgencyId!.Value, Name = "Ms Head", From = D(6, 1) });
            var noAssessment = new EarlyHelpEpisode { FamilyName = "Lee", StartedOn = D(10, 1), Source = EarlyHelpSource.PartnerAgency, RecordedByName = "Ms Head" };
            noAssessment.Members.Add(new EarlyHelpFamilyMember { EpisodeId = noAssessment.Id, PersonId = looked, IsChild = true });
            db.AddRange(earlyHelp, noAssessment);
            await db.SaveChangesAsync(Ct);
        }
    }

    private static Dictionary<string, string> Row(AnnexAList list, string[] row) =>
        list.Columns.Select((c, i) => (c.Name, Value: i < row.Length ? row[i] : "")).ToDictionary(x => x.Name, x => x.Value);

    /// <summary>Each worksheet's rows, by sheet name in workbook order, each cell's text ("" for a blank).</summary>
    internal static Dictionary<string, List<string[]>> Read(Stream file)
    {
        file.Position = 0;
        using var document = SpreadsheetDocument.Open(file, false);
        var workbook = document.WorkbookPart!;
        var result = new Dictionary<string, List<string[]>>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            result[sheet.Name!] = [.. part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray())];
        }

        return result;
    }
}
