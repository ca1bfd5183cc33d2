using Microsoft.AspNetCore.Mvc;
using Safeguard.Interchange.Cin;
using Safeguard.Interchange.Ssda903;
using Safeguard.Interchange.Ssda903.Uploads;
using Safeguard.LookedAfter;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Returns.Ssda903;

/// <summary>One uploaded SSDA903 return: the issues grouped by rule and listed with table, line, child and fields; downloads; the import.</summary>
[RequirePermission("returns.manage")]
public sealed class UploadModel(Ssda903UploadStore store, Ssda903ImportService import) : SafeguardPageModel
{
    /// <summary>The kind of record an import created or changed, as a row of the page's table names it.</summary>
    public static string Describe(Ssda903RecordKind kind) => kind switch
    {
        Ssda903RecordKind.Child => "Children",
        Ssda903RecordKind.Episode => "Episodes of care",
        Ssda903RecordKind.Review => "Looked-after reviews",
        Ssda903RecordKind.AdoptionDecision => "Adoption decisions",
        Ssda903RecordKind.MissingPeriod => "Missing periods",
        Ssda903RecordKind.CareLeaverBirthday => "Care leavers' birthday records",
        Ssda903RecordKind.Wellbeing => "Health and wellbeing records",
        Ssda903RecordKind.UascStatus => "Asylum-seeking statuses (UASC)",
        Ssda903RecordKind.PreviousPermanence => "Previous permanence",
        Ssda903RecordKind.SocialWorkerEpisode => "Social worker episodes (allocations)",
        _ => kind.ToString(),
    };

    /// <summary>The most issues listed on the page; the downloads have them all.</summary>
    public const int MaxListed = 500;

    [BindProperty(SupportsGet = true)]
    public string? Rule { get; set; }

    public Ssda903Upload Upload { get; private set; } = null!;

    public IReadOnlyList<RuleGroup> ByRule { get; private set; } = [];

    public IReadOnlyList<Ssda903Issue> Issues { get; private set; } = [];

    public long Matching { get; private set; }

    /// <summary>What the import did or would do, after the import or dry-run button.</summary>
    public Ssda903ImportResult? Imported { get; private set; }

    public sealed record RuleGroup(string Rule, string Message, long Count);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, Actor, cancellationToken) is not { } upload)
        {
            return NotFound();
        }

        Upload = upload;
        var byRule = new SortedDictionary<string, RuleGroup>(StringComparer.Ordinal);
        var listed = new List<Ssda903Issue>();
        var rule = string.IsNullOrWhiteSpace(Rule) ? null : Rule.Trim();
        foreach (var issue in store.ReadIssues(upload))
        {
            var group = byRule.GetValueOrDefault(issue.Rule) ?? new RuleGroup(issue.Rule, issue.SummaryMessage, 0);
            byRule[issue.Rule] = group with { Count = group.Count + 1 };
            if (rule is null || string.Equals(issue.Rule, rule, StringComparison.OrdinalIgnoreCase))
            {
                Matching++;
                if (listed.Count < MaxListed)
                {
                    listed.Add(issue);
                }
            }
        }

        ByRule = [.. byRule.Values.OrderByDescending(g => g.Count).ThenBy(g => g.Rule, StringComparer.Ordinal)];
        Issues = listed;
        return Page();
    }

    /// <summary>Imports the checked return into the looked-after records (or, with <paramref name="dryRun"/>, shows what would change).</summary>
    public async Task<IActionResult> OnPostImportAsync(Guid id, bool dryRun, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, Actor, cancellationToken) is not { } upload)
        {
            return NotFound();
        }

        try
        {
            Imported = await import.ImportAsync(store.Files(upload), new Ssda903ImportOptions { Collection = CinCollection.Parse(upload.Collection), DryRun = dryRun }, Actor, cancellationToken);
        }
        catch (Common.SafeguardValidationException ex)
        {
            foreach (var problem in ex.Problems)
            {
                ModelState.AddModelError("", problem.Field is "Files" ? problem.Message : $"{problem.Field}: {problem.Message}");
            }
        }

        return await OnGetAsync(id, cancellationToken);
    }

    public Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken cancellationToken) => DownloadAsync(id, xlsx: false, cancellationToken);

    public Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken cancellationToken) => DownloadAsync(id, xlsx: true, cancellationToken);

    private async Task<IActionResult> DownloadAsync(Guid id, bool xlsx, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, Actor, cancellationToken) is not { } upload)
        {
            return NotFound();
        }

        // Written to a temporary file first: the workbook writer needs a seekable stream.
        var temporary = Path.GetTempFileName();
        await using var file = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        await store.WriteIssuesAsync(upload, xlsx, file, Actor, cancellationToken);
        file.Position = 0;
        Response.ContentType = xlsx ? Safeguard.Dataset.Spreadsheet.XlsxContentType : "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = $"ssda903-{upload.Collection}-issues.{(xlsx ? "xlsx" : "csv")}" }.ToString();
        await file.CopyToAsync(Response.Body, cancellationToken);
        return new EmptyResult();
    }
}
