using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.AnnualReport;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Core.Tests.Journey;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;
using UglyToad.PdfPig;

namespace Safeguard.Core.Tests.AnnualReport;

/// <summary>
/// The partnership's annual report: sections built from the records (and "no records yet" said plainly), an area's own
/// section replacing its placeholder, narratives saved as versions with stale saves refused, the workflow (review, the
/// three partners' sign-offs, publication locking the text), and the DOCX and PDF read back.
/// </summary>
public class AnnualReportTests
{
    private static readonly ReportingYear Year = new(2026);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Every test creates this user with the business unit's role (the LADO figures demand its permission).
    internal static readonly Actor BusinessUnit = new(Guid.Parse("0190a0a0-0000-7000-8000-00000000b00b"), "Bea Business", null);

    internal static async Task<JourneyFixture> CreateAsync(DatabaseProvider provider, Action<IServiceCollection>? configure = null)
    {
        var f = await JourneyFixture.CreateAsync(provider, configure);
        var db = f.Services.Db;
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.Add(new Safeguard.Identity.User { Id = BusinessUnit.UserId!.Value, DisplayName = BusinessUnit.Name, UserName = "bea.business", AgencyId = f.Worker.AgencyId!.Value, CreatedAt = JourneyFixture.Now });
            await db.SaveChangesAsync(Ct);
            var role = await db.Roles.SingleAsync(r => r.Name == Safeguard.Identity.Roles.BusinessUnit, Ct);
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = BusinessUnit.UserId!.Value, RoleId = role.Id });
            await db.SaveChangesAsync(Ct);
        }

        return f;
    }

    private static AnnualReportService Service(JourneyFixture f) => f.Services.Get<AnnualReportService>();

    private static AnnualReportRecords Records(JourneyFixture f) => f.Services.Get<AnnualReportRecords>();

    private static async Task<Guid> PoliceAsync(JourneyFixture f)
    {
        var police = new Agency { Name = "Greater Manchester Police", Code = "GMP", Type = AgencyType.Police, StatutoryPartner = StatutoryPartner.Police };
        using (f.Services.Db.BeginProcess("Test.Seed", Actor.System()))
        {
            f.Services.Db.Add(police);
            await f.Services.Db.SaveChangesAsync(Ct);
        }

        return police.Id;
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Sections_without_records_say_so_plainly_and_sections_with_records_show_them(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var empty = await Service(f).AssembleAsync(Year, "Bury", BusinessUnit, Ct);
        foreach (var key in new[] { "priorities", "training", "escalations", "meetings", "voice", "funding", "lado", "private-fostering" })
        {
            var section = empty.Sections.Single(s => s.Content.Key == key).Content;
            Assert.False(section.HasRecords, key);
            Assert.StartsWith("No records yet", Assert.IsType<ReportParagraph>(Assert.Single(section.Blocks)).Text, StringComparison.Ordinal);
        }

        Assert.Equal(empty.Sections.Select(s => s.Content.Order).Order(), empty.Sections.Select(s => s.Content.Order));
        Assert.Equal("appendix-dataset", empty.Sections[^1].Content.Key);

        var police = await PoliceAsync(f);
        await Records(f).SaveFeedbackAsync(null, 0, new FeedbackInput(new DateOnly(2026, 6, 1), "Children in care council", "Reviews are held at school and everyone knows", "Reviews now held after school"), BusinessUnit, Ct);
        await Records(f).SaveFeedbackAsync(null, 0, new FeedbackInput(new DateOnly(2026, 3, 31), "Parents' survey", "Last year's feedback", null), BusinessUnit, Ct);
        await Records(f).SaveFundingAsync(null, 0, new FundingInput(2026, FundingKind.Contribution, police, null, 42000m), BusinessUnit, Ct);
        await Records(f).SaveFundingAsync(null, 0, new FundingInput(2026, FundingKind.Expenditure, null, "Independent scrutineer", 30000.50m), BusinessUnit, Ct);
        await Records(f).SaveFundingAsync(null, 0, new FundingInput(2025, FundingKind.Expenditure, null, "Last year's training", 999m), BusinessUnit, Ct);

        var report = await Service(f).AssembleAsync(Year, "Bury", BusinessUnit, Ct);
        var voice = report.Sections.Single(s => s.Content.Key == "voice").Content;
        Assert.True(voice.HasRecords);
        var table = voice.Blocks.OfType<ReportTable>().Single();
        var row = Assert.Single(table.Rows);
        Assert.Equal(["1 June 2026", "Children in care council", "Reviews are held at school and everyone knows", "Reviews now held after school"], row);
        var funding = report.Sections.Single(s => s.Content.Key == "funding").Content;
        Assert.Equal("Contributions £42,000; expenditure £30,000.50; balance £11,999.50.", Assert.IsType<ReportParagraph>(funding.Blocks[0]).Text);
        Assert.Equal([new ChartBar("Greater Manchester Police", 42000m)], funding.Blocks.OfType<ReportChart>().Single().Bars);
        var partnership = report.Sections.Single(s => s.Content.Key == "partnership").Content;
        Assert.Contains("Greater Manchester Police (the police)", Assert.IsType<ReportParagraph>(partnership.Blocks[0]).Text, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_sections_status_is_kept_while_the_records_are_unchanged_and_follows_a_new_record(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var before = await Service(f).StatusAsync(Year, BusinessUnit, Ct);
        Assert.False(before.Single(s => s.Key == "voice").HasRecords);
        Assert.Equal(Service(f).Sections.Select(s => s.Key), before.Select(s => s.Key));

        // Kept: asking again builds nothing (the early help figures, which audit their view, are not read again).
        var views = await f.Services.Db.AuditEvents.CountAsync(e => e.Kind == AuditEventKind.Access, Ct);
        await Service(f).StatusAsync(Year, BusinessUnit, Ct);
        Assert.Equal(views, await f.Services.Db.AuditEvents.CountAsync(e => e.Kind == AuditEventKind.Access, Ct));

        // A new record moves the data version: the next view builds the sections again and sees it.
        await Records(f).SaveFeedbackAsync(null, 0, new FeedbackInput(new DateOnly(2026, 6, 1), "Children in care council", "Reviews are held at school", null), BusinessUnit, Ct);
        var after = await Service(f).StatusAsync(Year, BusinessUnit, Ct);
        Assert.True(after.Single(s => s.Key == "voice").HasRecords);
        Assert.Equal(before.Where(s => s.Key != "voice").Select(s => (s.Key, s.HasRecords)), after.Where(s => s.Key != "voice").Select(s => (s.Key, s.HasRecords)));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Bad_records_are_refused_naming_each_field(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var feedback = await Assert.ThrowsAsync<SafeguardValidationException>(() =>
            Records(f).SaveFeedbackAsync(null, 0, new FeedbackInput(new DateOnly(2027, 1, 1), " ", "", null), BusinessUnit, Ct));
        Assert.Equal(["ReceivedOn", "Source", "WhatWasSaid"], feedback.Problems.Select(p => p.Field));
        var funding = await Assert.ThrowsAsync<SafeguardValidationException>(() =>
            Records(f).SaveFundingAsync(null, 0, new FundingInput(2026, FundingKind.Contribution, null, null, 10.001m), BusinessUnit, Ct));
        Assert.Equal(["AgencyId", "Amount"], funding.Problems.Select(p => p.Field));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_stale_edit_of_a_record_is_refused(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var saved = await Records(f).SaveFeedbackAsync(null, 0, new FeedbackInput(new DateOnly(2026, 6, 1), "Youth forum", "Said", null), BusinessUnit, Ct);
        var version = saved.Version;
        f.Services.Db.ChangeTracker.Clear();
        await Records(f).SaveFeedbackAsync(saved.Id, version, new FeedbackInput(new DateOnly(2026, 6, 1), "Youth forum", "Said", "Changed"), BusinessUnit, Ct);
        f.Services.Db.ChangeTracker.Clear();
        await Assert.ThrowsAnyAsync<DbUpdateConcurrencyException>(() =>
            Records(f).SaveFeedbackAsync(saved.Id, version, new FeedbackInput(new DateOnly(2026, 6, 1), "Youth forum", "Said", "Other"), BusinessUnit, Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Narratives_keep_every_version_refuse_stale_saves_and_lock_in_review_and_once_published(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var service = Service(f);
        var first = await service.SaveNarrativeAsync(Year, "voice", "Children told us about reviews.", 0, BusinessUnit, Ct);
        f.Services.Db.ChangeTracker.Clear();
        // A second writer who opened the section before anything was written is refused too.
        await Assert.ThrowsAnyAsync<DbUpdateConcurrencyException>(() => service.SaveNarrativeAsync(Year, "voice", "Written at the same time", 0, BusinessUnit, Ct));
        f.Services.Db.ChangeTracker.Clear();
        var second = await service.SaveNarrativeAsync(Year, "voice", "Children told us about reviews, and we listened.", first.Version, BusinessUnit with { Name = "Cal Comms" }, Ct);
        f.Services.Db.ChangeTracker.Clear();
        await Assert.ThrowsAnyAsync<DbUpdateConcurrencyException>(() => service.SaveNarrativeAsync(Year, "voice", "An old draft", first.Version, BusinessUnit, Ct));
        f.Services.Db.ChangeTracker.Clear();
        await Assert.ThrowsAnyAsync<DbUpdateConcurrencyException>(() => service.SaveNarrativeAsync(Year, "funding", "Two people start at once", 1, BusinessUnit, Ct));
        f.Services.Db.ChangeTracker.Clear();
        var unknown = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.SaveNarrativeAsync(Year, "nonsense", "x", 0, BusinessUnit, Ct));
        Assert.Contains("nonsense", unknown.Message, StringComparison.Ordinal);

        var history = await service.HistoryAsync(Year, Ct);
        Assert.Equal([(2, "Cal Comms"), (1, "Bea Business")], history.Select(h => (h.Number, h.SavedBy)));
        Assert.Equal("Feedback from children and families", history[0].SectionTitle);
        Assert.Equal(second.Version, (await service.StatusAsync(Year, BusinessUnit, Ct)).Single(s => s.Key == "voice").Narrative!.Version);

        // Sign-off comes after review, publication after all three partners.
        var early = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.SignOffAsync(Year, StatutoryPartner.Police, "Chief Constable", 0, BusinessUnit, Ct));
        Assert.Contains("has not been sent for review", early.Message, StringComparison.Ordinal);
        await service.SendForReviewAsync(Year, 0, BusinessUnit, Ct);
        f.Services.Db.ChangeTracker.Clear();
        var locked = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.SaveNarrativeAsync(Year, "voice", "Late change", second.Version, BusinessUnit, Ct));
        Assert.Contains("in review", locked.Message, StringComparison.Ordinal);
        var edition = (await service.EditionAsync(Year, Ct))!;
        await service.SignOffAsync(Year, StatutoryPartner.Police, "Sam Chief, Chief Constable", edition.Version, BusinessUnit, Ct);
        f.Services.Db.ChangeTracker.Clear();
        await Assert.ThrowsAnyAsync<DbUpdateConcurrencyException>(() => service.SignOffAsync(Year, StatutoryPartner.Health, "Stale", edition.Version, BusinessUnit, Ct));
        f.Services.Db.ChangeTracker.Clear();
        edition = (await service.EditionAsync(Year, Ct))!;
        var notYet = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.PublishAsync(Year, edition.Version, BusinessUnit, Ct));
        Assert.Contains("waiting for the council, the integrated care board (ICB)", notYet.Message, StringComparison.Ordinal);
        f.Services.Db.ChangeTracker.Clear();
        var twice = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.SignOffAsync(Year, StatutoryPartner.Police, "Again", edition.Version, BusinessUnit, Ct));
        Assert.Contains("already signed off", twice.Message, StringComparison.Ordinal);
        f.Services.Db.ChangeTracker.Clear();
        await service.SignOffAsync(Year, StatutoryPartner.LocalAuthority, "Lee Leader, Chief Executive", edition.Version, BusinessUnit, Ct);
        f.Services.Db.ChangeTracker.Clear();
        edition = (await service.EditionAsync(Year, Ct))!;
        await service.SignOffAsync(Year, StatutoryPartner.Health, "Ali Board, ICB Chief Nurse", edition.Version, BusinessUnit, Ct);
        f.Services.Db.ChangeTracker.Clear();
        edition = (await service.EditionAsync(Year, Ct))!;
        await service.PublishAsync(Year, edition.Version, BusinessUnit, Ct);
        f.Services.Db.ChangeTracker.Clear();

        var published = (await service.EditionAsync(Year, Ct))!;
        Assert.Equal(EditionStatus.Published, published.Status);
        Assert.Equal(JourneyFixture.Now, published.PublishedAt);
        Assert.All(published.SignOffs, s => Assert.Equal("Bea Business", s.RecordedBy));
        await Assert.ThrowsAsync<SafeguardValidationException>(() => service.SaveNarrativeAsync(Year, "voice", "After publication", second.Version, BusinessUnit, Ct));
        await Assert.ThrowsAsync<SafeguardValidationException>(() => service.ReturnToDraftAsync(Year, published.Version, BusinessUnit, Ct));
        var audited = await f.Services.Db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(AnnualReportSignOff)).CountAsync(Ct);
        Assert.Equal(3, audited);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Returning_to_draft_withdraws_the_sign_offs(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var service = Service(f);
        await service.SendForReviewAsync(Year, 0, BusinessUnit, Ct);
        f.Services.Db.ChangeTracker.Clear();
        await service.SignOffAsync(Year, StatutoryPartner.Police, "Sam Chief", (await service.EditionAsync(Year, Ct))!.Version, BusinessUnit, Ct);
        f.Services.Db.ChangeTracker.Clear();
        await service.ReturnToDraftAsync(Year, (await service.EditionAsync(Year, Ct))!.Version, BusinessUnit, Ct);
        f.Services.Db.ChangeTracker.Clear();
        var edition = (await service.EditionAsync(Year, Ct))!;
        Assert.Equal(EditionStatus.Draft, edition.Status);
        Assert.Empty(edition.SignOffs);
        await service.SaveNarrativeAsync(Year, "voice", "Changed after review", 0, BusinessUnit, Ct);
    }

    private sealed class PrioritiesSection : IAnnualReportSection
    {
        public string Key => "local-priorities";

        public string Title => "Progress on the local priorities";

        public int Order => 22;

        public Task<ReportSection> BuildAsync(AnnualReportRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new ReportSection(Key, Title, Order, true, [new ReportParagraph("7 outcomes")]));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_area_adds_its_section_by_registering_a_class_that_replaces_the_placeholder(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider, s => s.AddScoped<IAnnualReportSection, PrioritiesSection>());
        var report = await Service(f).AssembleAsync(Year, "Bury", BusinessUnit, Ct);
        var priorities = Assert.Single(report.Sections, s => s.Content.Key == "local-priorities").Content;
        Assert.Equal("Progress on the local priorities", priorities.Title);
        Assert.True(priorities.HasRecords);
        Assert.Equal(["partnership", "priorities", "local-priorities", "front-door"], report.Sections.Take(4).Select(s => s.Content.Key));

        // The improvement plan, training, escalation and governance areas register their own sections: with no records for the year they
        // say so in their own words, not the placeholder's.
        foreach (var (key, words) in new[] { ("priorities", "no improvement plan covering 2026-27"), ("training", "no training session"), ("escalations", "no professional disagreement"), ("meetings", "no partnership meeting") })
        {
            var section = Assert.Single(report.Sections, s => s.Content.Key == key).Content;
            Assert.Contains(words, Assert.IsType<ReportParagraph>(Assert.Single(section.Blocks)).Text, StringComparison.Ordinal);
        }
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_docx_and_the_pdf_carry_the_sections_narratives_and_charts(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var police = await PoliceAsync(f);
        await Records(f).SaveFundingAsync(null, 0, new FundingInput(2026, FundingKind.Contribution, police, null, 42000m), BusinessUnit, Ct);
        await Service(f).SaveNarrativeAsync(Year, "funding", "The partners kept their contributions level.", 0, BusinessUnit, Ct);
        var report = await Service(f).AssembleAsync(Year, "Bury", BusinessUnit, Ct);

        using (var docx = WordprocessingDocument.Open(new MemoryStream(AnnualReportDocx.Write(report)), false))
        {
            var body = docx.MainDocumentPart!.Document.Body!;
            var headings = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
                .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
            Assert.Equal(report.Sections.Select(s => s.Content.Title), headings);
            Assert.Contains("The partners kept their contributions level.", body.InnerText, StringComparison.Ordinal);
            Assert.Contains(ReportSection.NoRecordsText[..14], body.InnerText, StringComparison.Ordinal);
            Assert.Equal("Bury Safeguarding Children Partnership: annual report 2026-27", docx.PackageProperties.Title);
            var charts = docx.MainDocumentPart.ChartParts.Select(c => c.ChartSpace.InnerText).ToList();
            Assert.Contains(charts, c => c.Contains("Contributions by partner agency", StringComparison.Ordinal) && c.Contains("Greater Manchester Police", StringComparison.Ordinal) && c.Contains("42000", StringComparison.Ordinal));
        }

        using var pdf = PdfDocument.Open(AnnualReportPdf.Write(report));
        Assert.Equal(report.Title, pdf.Information.Title);
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Partnershipfunding", text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Thepartnerskepttheircontributionslevel.", text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("42,000", text, StringComparison.Ordinal);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        Assert.Equal(report.Sections.Select(s => s.Content.Title), bookmarks.Roots.Select(b => b.Title));
        Assert.Contains("/Lang", pdf.Structure.Catalog.CatalogDictionary.Data.Keys.Select(k => "/" + k));
    }
}
