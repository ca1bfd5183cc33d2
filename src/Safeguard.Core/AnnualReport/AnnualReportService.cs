using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Organisations;
using Safeguard.Persistence;

namespace Safeguard.AnnualReport;

/// <summary>A section as listed for the business unit: its key, title, whether the records hold anything and its narrative.</summary>
public sealed record SectionStatus(string Key, string Title, int Order, bool HasRecords, AnnualReportNarrative? Narrative);

/// <summary>Which of a year's sections have records (by section key), kept while the records are unchanged.</summary>
public sealed record SectionsWithRecords(IReadOnlyDictionary<string, bool> HasRecords);

/// <summary>One saved version of a narrative, for the history page.</summary>
public sealed record NarrativeHistoryEntry(string SectionKey, string SectionTitle, int Number, string Text, DateTimeOffset SavedAt, string SavedBy);

/// <summary>
/// Assembles the partnership's annual report for a reporting year from the registered <see cref="IAnnualReportSection"/>s
/// and the business unit's narratives, and runs its workflow: draft, sent for review, signed off by each of the three
/// safeguarding partners, published (locked). Every narrative save keeps a version; a save from an older version is refused.
/// </summary>
public sealed class AnnualReportService(
    SafeguardDbContext db, IEnumerable<IAnnualReportSection> sections, VersionedCache<SectionsWithRecords> keptStatus, IServiceScopeFactory scopes)
{
    public const string EntityType = "AnnualReport";

    /// <summary>The area name used when none is given.</summary>
    public const string DefaultAreaName = "Local";

    /// <summary>The registered sections in order; an area's own section replaces the placeholder with the same key.</summary>
    public IReadOnlyList<IAnnualReportSection> Sections { get; } =
        [.. sections.GroupBy(s => s.Key, StringComparer.Ordinal).Select(g => g.FirstOrDefault(s => s is not PlaceholderSection) ?? g.First())
            .OrderBy(s => s.Order).ThenBy(s => s.Key, StringComparer.Ordinal)];

    /// <summary>The report for the year: every section built from the records, with its narrative. Audited as an export.</summary>
    public async Task<AssembledReport> AssembleAsync(ReportingYear year, string areaName, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var report = await BuildAsync(year, areaName, actor, cancellationToken);
        using (db.BeginProcess("AnnualReport.Assemble", actor))
        {
            db.RecordAccess(EntityType, year.Name, AuditAction.Exported, $"sections={report.Sections.Count}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return report;
    }

    /// <summary>
    /// The sections with whether they have records and their narratives, for the business unit's page. Whether a section
    /// has records means building it from the records (every figure of the year), so the answer is kept while the records
    /// are unchanged, for at most a minute (the year in progress moves with the day), and shared by every reader of the
    /// year (<see cref="VersionedCache{T}"/>, ADR 0032): the page shows no record's content, only which sections have any.
    /// The narratives are read each time.
    /// </summary>
    public async Task<IReadOnlyList<SectionStatus>> StatusAsync(ReportingYear year, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var kept = await keptStatus.GetAsync(db, year.StartYear.ToString(System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMinutes(1), async _ =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AnnualReportService>().SectionsWithRecordsAsync(year, actor, CancellationToken.None);
        }, cancellationToken);
        var narratives = await NarrativesAsync(year, cancellationToken);
        return [.. Sections.Select(s => new SectionStatus(s.Key, s.Title, s.Order, kept.HasRecords.GetValueOrDefault(s.Key), narratives.GetValueOrDefault(s.Key)))];
    }

    /// <summary>Builds every section of the year from the records to tell which have any (see <see cref="StatusAsync"/>).</summary>
    private async Task<SectionsWithRecords> SectionsWithRecordsAsync(ReportingYear year, Actor actor, CancellationToken cancellationToken)
    {
        var request = new AnnualReportRequest(year, actor);
        var result = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var section in Sections)
        {
            result[section.Key] = (await section.BuildAsync(request, cancellationToken)).HasRecords;
        }

        return new SectionsWithRecords(result);
    }

    public Task<AnnualReportEdition?> EditionAsync(ReportingYear year, CancellationToken cancellationToken = default) =>
        db.Set<AnnualReportEdition>().AsNoTracking().Include(e => e.SignOffs).FirstOrDefaultAsync(e => e.YearStart == year.StartYear, cancellationToken);

    /// <summary>
    /// Saves a section's narrative as a new version. <paramref name="version"/> is the narrative's version the writer
    /// started from (0 for a narrative not yet written): a save from an older one is refused so no change is lost.
    /// Only a draft can change.
    /// </summary>
    public async Task<AnnualReportNarrative> SaveNarrativeAsync(ReportingYear year, string sectionKey, string? text, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var section = Sections.FirstOrDefault(s => s.Key == sectionKey)
            ?? throw new SafeguardValidationException("Section", $"There is no section \"{sectionKey}\" in the annual report");
        var trimmed = (text ?? "").Trim().ReplaceLineEndings("\n");
        if (trimmed.Length > AnnualReportNarrative.MaxTextLength)
        {
            throw new SafeguardValidationException("Text", $"The narrative for \"{section.Title}\" must be {AnnualReportNarrative.MaxTextLength} characters or fewer (it has {trimmed.Length})");
        }

        await DemandDraftAsync(year, cancellationToken);
        var narrative = await db.Set<AnnualReportNarrative>().FirstOrDefaultAsync(n => n.YearStart == year.StartYear && n.SectionKey == sectionKey, cancellationToken);
        var now = db.Time.GetUtcNow();
        using var process = db.BeginProcess("AnnualReport.SaveNarrative", actor);
        if (narrative is null)
        {
            if (version != 0)
            {
                throw new ConcurrencyConflictException();
            }

            // Version 1 from the first save, so a second writer who also started from "not written yet" (0) is refused.
            narrative = new AnnualReportNarrative { YearStart = year.StartYear, SectionKey = sectionKey, UpdatedBy = actor.Name, Version = 1 };
            db.Add(narrative);
        }
        else
        {
            db.Entry(narrative).Property(n => n.Version).OriginalValue = version;
        }

        narrative.Text = trimmed;
        narrative.UpdatedAt = now;
        narrative.UpdatedBy = actor.Name;
        var number = await db.Set<AnnualReportNarrativeVersion>().CountAsync(v => v.NarrativeId == narrative.Id, cancellationToken) + 1;
        db.Add(new AnnualReportNarrativeVersion { NarrativeId = narrative.Id, Number = number, Text = trimmed, SavedAt = now, SavedBy = actor.Name });
        await db.SaveChangesAsync(cancellationToken);
        return narrative;
    }

    /// <summary>Every saved version of the year's narratives, newest first.</summary>
    public async Task<IReadOnlyList<NarrativeHistoryEntry>> HistoryAsync(ReportingYear year, CancellationToken cancellationToken = default)
    {
        var rows = await (from v in db.Set<AnnualReportNarrativeVersion>().AsNoTracking()
                          join n in db.Set<AnnualReportNarrative>().AsNoTracking() on v.NarrativeId equals n.Id
                          where n.YearStart == year.StartYear
                          select new { n.SectionKey, v.Number, v.Text, v.SavedAt, v.SavedBy }).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.SavedAt).ThenByDescending(r => r.Number)
            .Select(r => new NarrativeHistoryEntry(r.SectionKey, Sections.FirstOrDefault(s => s.Key == r.SectionKey)?.Title ?? r.SectionKey, r.Number, r.Text, r.SavedAt, r.SavedBy))];
    }

    /// <summary>Sends the draft to the three safeguarding partners for review: narratives are locked from now on.</summary>
    public async Task SendForReviewAsync(ReportingYear year, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var edition = await db.Set<AnnualReportEdition>().FirstOrDefaultAsync(e => e.YearStart == year.StartYear, cancellationToken);
        using var process = db.BeginProcess("AnnualReport.SendForReview", actor);
        if (edition is null)
        {
            if (version != 0)
            {
                throw new ConcurrencyConflictException();
            }

            edition = new AnnualReportEdition { YearStart = year.StartYear };
            db.Add(edition);
        }
        else
        {
            db.Entry(edition).Property(e => e.Version).OriginalValue = version;
            if (edition.Status != EditionStatus.Draft)
            {
                throw new SafeguardValidationException("Status", $"The {year.Name} report has already been sent for review");
            }
        }

        edition.Status = EditionStatus.InReview;
        edition.SentForReviewAt = db.Time.GetUtcNow();
        edition.SentForReviewBy = actor.Name;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Takes a report in review back to draft for changes: the sign-offs already given are withdrawn (they signed another text).</summary>
    public async Task ReturnToDraftAsync(ReportingYear year, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        var edition = await TrackedEditionAsync(year, version, cancellationToken);
        if (edition.Status != EditionStatus.InReview)
        {
            throw new SafeguardValidationException("Status", $"Only a report in review can go back to draft; the {year.Name} report is {Describe(edition.Status)}");
        }

        using var process = db.BeginProcess("AnnualReport.ReturnToDraft", actor);
        db.RemoveRange(edition.SignOffs);
        edition.Status = EditionStatus.Draft;
        edition.SentForReviewAt = null;
        edition.SentForReviewBy = null;
        db.Entry(edition).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records one safeguarding partner's sign-off of the report in review, naming who signed for it.</summary>
    public async Task SignOffAsync(ReportingYear year, StatutoryPartner partner, string? signatory, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var name = signatory?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            throw new SafeguardValidationException("Signatory", $"Enter the name and role of the person who signed off for {PartnerName(partner)} (up to 200 characters)");
        }

        var edition = await TrackedEditionAsync(year, version, cancellationToken);
        if (edition.Status != EditionStatus.InReview)
        {
            throw new SafeguardValidationException("Status", $"The partners sign off a report sent for review; the {year.Name} report is {Describe(edition.Status)}");
        }

        if (edition.SignOffs.Any(s => s.Partner == partner))
        {
            throw new SafeguardValidationException("Partner", $"{PartnerName(partner)} has already signed off the {year.Name} report");
        }

        using var process = db.BeginProcess("AnnualReport.SignOff", actor);
        db.Add(new AnnualReportSignOff { EditionId = edition.Id, Partner = partner, Signatory = name, SignedAt = db.Time.GetUtcNow(), RecordedBy = actor.Name });
        db.Entry(edition).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Publishes the report with "Local" as the area's name in its title; prefer the overload that names the area
    /// (the published files keep the title they were written with).
    /// </summary>
    public Task PublishAsync(ReportingYear year, int version, Actor actor, CancellationToken cancellationToken = default) =>
        PublishAsync(year, version, DefaultAreaName, actor, cancellationToken);

    /// <summary>
    /// Publishes the report once all three partners have signed off: from then on nothing in it changes. The DOCX and
    /// the PDF are written now, with <paramref name="areaName"/> in the title, and stored with their SHA-256 so the
    /// report as published is given out byte for byte however the records change later (<see cref="FileAsync"/>).
    /// </summary>
    public async Task PublishAsync(ReportingYear year, int version, string areaName, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(areaName);
        DemandPublishable(year, await EditionAsync(year, cancellationToken)
            ?? throw new SafeguardValidationException("Status", $"The {year.Name} report has not been sent for review yet"));
        var now = db.Time.GetUtcNow();
        var report = await BuildAsync(year, areaName.Trim(), actor, cancellationToken) with { Status = EditionStatus.Published, PublishedAt = now };
        var files = Enum.GetValues<ReportFormat>().Select(f => (Format: f, Content: Render(report, f))).ToList();

        var edition = await TrackedEditionAsync(year, version, cancellationToken);
        DemandPublishable(year, edition);
        using var process = db.BeginProcess("AnnualReport.Publish", actor);
        edition.Status = EditionStatus.Published;
        edition.PublishedAt = now;
        edition.PublishedBy = actor.Name;
        foreach (var (format, content) in files)
        {
            db.Add(new AnnualReportPublishedFile { EditionId = edition.Id, Format = format, Content = content, Sha256 = Sha256Hex(content), PublishedAt = now, PublishedBy = actor.Name });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The report as a file: once the year's edition is published, the file stored at publication (byte for byte, whatever
    /// changed in the records since); before, a render of the records and narratives as they stand now. Audited as a
    /// download (an export of the report, naming the format and which of the two it gave).
    /// </summary>
    public async Task<ReportFile> FileAsync(ReportingYear year, ReportFormat format, string areaName, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var stored = await (from f in db.Set<AnnualReportPublishedFile>().AsNoTracking()
                            join e in db.Set<AnnualReportEdition>().AsNoTracking() on f.EditionId equals e.Id
                            where e.YearStart == year.StartYear && e.Status == EditionStatus.Published && f.Format == format
                            select f).FirstOrDefaultAsync(cancellationToken);
        ReportFile file;
        if (stored is not null)
        {
            file = new ReportFile(FileName(year, format), ContentType(format), stored.Content, stored.Sha256, true, stored.PublishedAt, stored.PublishedBy);
        }
        else
        {
            var content = Render(await BuildAsync(year, areaName, actor, cancellationToken), format);
            file = new ReportFile(FileName(year, format), ContentType(format), content, Sha256Hex(content), false, null, null);
        }

        using (db.BeginProcess("AnnualReport.Download", actor))
        {
            db.RecordAccess(EntityType, year.Name, AuditAction.Exported, $"download {format.ToString().ToLowerInvariant()}: {(file.IsPublished ? "the published edition" : "rendered from the records")}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return file;
    }

    public static string FileName(ReportingYear year, ReportFormat format) => $"annual-report-{year.Name}.{format.ToString().ToLowerInvariant()}";

    public static string ContentType(ReportFormat format) => format == ReportFormat.Pdf ? AnnualReportPdf.ContentType : AnnualReportDocx.ContentType;

    public static byte[] Render(AssembledReport report, ReportFormat format) => format == ReportFormat.Pdf ? AnnualReportPdf.Write(report) : AnnualReportDocx.Write(report);

    private static string Sha256Hex(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

    private static void DemandPublishable(ReportingYear year, AnnualReportEdition edition)
    {
        var missing = Enum.GetValues<StatutoryPartner>().Where(p => edition.SignOffs.All(s => s.Partner != p)).Select(PartnerName).ToList();
        if (edition.Status != EditionStatus.InReview || missing.Count > 0)
        {
            throw new SafeguardValidationException("Status", edition.Status == EditionStatus.InReview
                ? $"The report cannot be published before every safeguarding partner has signed it off: waiting for {string.Join(", ", missing)}"
                : $"Only a report in review and signed off can be published; the {year.Name} report is {Describe(edition.Status)}");
        }
    }

    public static string PartnerName(StatutoryPartner partner) => partner switch
    {
        StatutoryPartner.LocalAuthority => "the council",
        StatutoryPartner.Police => "the police",
        StatutoryPartner.Health => "the integrated care board (ICB)",
        _ => partner.ToString(),
    };

    public static string Describe(EditionStatus status) => status switch
    {
        EditionStatus.Draft => "a draft",
        EditionStatus.InReview => "in review",
        EditionStatus.Published => "published",
        _ => status.ToString(),
    };

    private async Task DemandDraftAsync(ReportingYear year, CancellationToken cancellationToken)
    {
        var status = await db.Set<AnnualReportEdition>().AsNoTracking().Where(e => e.YearStart == year.StartYear).Select(e => (EditionStatus?)e.Status).FirstOrDefaultAsync(cancellationToken);
        if (status is { } s && s != EditionStatus.Draft)
        {
            throw new SafeguardValidationException("Status", $"The {year.Name} report is {Describe(s)}: its narratives can no longer change");
        }
    }

    private async Task<AnnualReportEdition> TrackedEditionAsync(ReportingYear year, int version, CancellationToken cancellationToken)
    {
        var edition = await db.Set<AnnualReportEdition>().Include(e => e.SignOffs).FirstOrDefaultAsync(e => e.YearStart == year.StartYear, cancellationToken)
            ?? throw new SafeguardValidationException("Status", $"The {year.Name} report has not been sent for review yet");
        db.Entry(edition).Property(e => e.Version).OriginalValue = version;
        return edition;
    }

    private async Task<AssembledReport> BuildAsync(ReportingYear year, string areaName, Actor actor, CancellationToken cancellationToken)
    {
        var request = new AnnualReportRequest(year, actor);
        var built = new List<ReportSection>();
        foreach (var section in Sections)
        {
            built.Add(await section.BuildAsync(request, cancellationToken));
        }

        var narratives = await NarrativesAsync(year, cancellationToken);
        var edition = await EditionAsync(year, cancellationToken);
        return new AssembledReport(
            year,
            areaName,
            edition?.Status ?? EditionStatus.Draft,
            edition?.SignOffs.OrderBy(s => s.SignedAt).ToList() ?? [],
            edition?.PublishedAt,
            [.. built.Select(s => new AssembledSection(s, narratives.GetValueOrDefault(s.Key)?.Text is { Length: > 0 } t ? t : null))]);
    }

    private async Task<Dictionary<string, AnnualReportNarrative>> NarrativesAsync(ReportingYear year, CancellationToken cancellationToken) =>
        await db.Set<AnnualReportNarrative>().AsNoTracking().Where(n => n.YearStart == year.StartYear).ToDictionaryAsync(n => n.SectionKey, StringComparer.Ordinal, cancellationToken);
}
