using Microsoft.AspNetCore.Mvc;
using Safeguard.Interchange.Cin;
using Safeguard.Interchange.Cin.Uploads;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Returns.Cin;

/// <summary>One uploaded census: what was found, grouped by rule and by child, filtered, and as a workbook.</summary>
[RequirePermission("returns.manage")]
public sealed class UploadModel(CinUploadStore store, Journey.CensusImportService import) : SafeguardPageModel
{
    /// <summary>The most issues listed on the page; the workbook has them all.</summary>
    public const int MaxListed = 500;

    /// <summary>The most children listed in the by-child table.</summary>
    public const int MaxChildren = 100;

    [BindProperty(SupportsGet = true)]
    public string? Severity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Rule { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Child { get; set; }

    public CinUpload Upload { get; private set; } = null!;

    public IReadOnlyList<RuleGroup> ByRule { get; private set; } = [];

    public IReadOnlyList<ChildGroup> ByChild { get; private set; } = [];

    public long MoreChildren { get; private set; }

    public IReadOnlyList<CinIssue> Issues { get; private set; } = [];

    public long Matching { get; private set; }

    public bool Filtered => Filter != new CinIssueFilter();

    public CinIssueFilter Filter => new(
        Severity switch
        {
            "error" => CinSeverity.Error,
            "query" => CinSeverity.Query,
            _ => null,
        },
        string.IsNullOrWhiteSpace(Rule) ? null : Rule.Trim(),
        string.IsNullOrWhiteSpace(Child) ? null : Child.Trim());

    public sealed record RuleGroup(string Rule, CinSeverity Severity, string Message, long Count);

    public sealed record ChildGroup(string ChildId, long Errors, long Queries);

    /// <summary>What the import did or would do, after the import or dry-run button.</summary>
    public Journey.CensusImportResult? Imported { get; private set; }

    [BindProperty]
    public bool AcceptQueries { get; set; }

    /// <summary>
    /// Imports the checked file into children's records (or, with <paramref name="dryRun"/>, shows what would change). A
    /// file with errors is refused whole; one with queries only needs them accepted; nothing is written unless all of it is.
    /// </summary>
    public async Task<IActionResult> OnPostImportAsync(Guid id, bool dryRun, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, Actor, cancellationToken) is not { } upload || store.StoredFile(upload) is not { } path)
        {
            return NotFound();
        }

        try
        {
            var options = new Journey.CensusImportOptions
            {
                Collection = upload.Collection is { } name ? Safeguard.Interchange.Cin.CinCollection.Parse(name) : null,
                AcceptQueries = AcceptQueries,
                DryRun = dryRun,
            };
            Imported = await import.ImportAsync(path, options, Actor, cancellationToken);
        }
        catch (Common.SafeguardValidationException ex)
        {
            // The import's refusals are about the file as a whole: shown at the top of the page.
            foreach (var problem in ex.Problems)
            {
                ModelState.AddModelError("", problem.Message);
            }
        }

        return await OnGetAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, Actor, cancellationToken) is not { } upload)
        {
            return NotFound();
        }

        Upload = upload;
        var byRule = new SortedDictionary<string, RuleGroup>(StringComparer.Ordinal);
        var byChild = new Dictionary<string, ChildGroup>(StringComparer.Ordinal);
        var childOrder = new List<string>();
        var listed = new List<CinIssue>();
        long matching = 0;
        foreach (var issue in store.ReadIssues(upload, Filter))
        {
            matching++;
            if (listed.Count < MaxListed)
            {
                listed.Add(issue);
            }

            var group = byRule.GetValueOrDefault(issue.Rule) ?? new RuleGroup(issue.Rule, issue.Severity, issue.Rule == CinIssue.StructureRule ? CinIssue.StructureSummary : issue.Message, 0);
            byRule[issue.Rule] = group with { Count = group.Count + 1 };
            if (issue.ChildId is { } child)
            {
                if (byChild.TryGetValue(child, out var counts))
                {
                    byChild[child] = issue.Severity == CinSeverity.Error ? counts with { Errors = counts.Errors + 1 } : counts with { Queries = counts.Queries + 1 };
                }
                else if (byChild.Count < MaxChildren)
                {
                    byChild[child] = new ChildGroup(child, issue.Severity == CinSeverity.Error ? 1 : 0, issue.Severity == CinSeverity.Query ? 1 : 0);
                    childOrder.Add(child);
                }
                else
                {
                    MoreChildren++;
                }
            }
        }

        ByRule = [.. byRule.Values];
        ByChild = [.. childOrder.Select(c => byChild[c])];
        Issues = listed;
        Matching = matching;
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, Actor, cancellationToken) is not { } upload)
        {
            return NotFound();
        }

        var name = Path.GetFileNameWithoutExtension(upload.FileName) + "-issues.xlsx";
        Response.ContentType = Safeguard.Dataset.Spreadsheet.XlsxContentType;
        Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = name }.ToString();
        // The workbook is written to a temporary file first: the OpenXML writer needs a seekable stream.
        var temporary = Path.GetTempFileName();
        try
        {
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose))
            {
                await store.WriteXlsxAsync(upload, Filter, file, Actor, cancellationToken);
                file.Position = 0;
                await file.CopyToAsync(Response.Body, cancellationToken);
            }
        }
        finally
        {
            if (System.IO.File.Exists(temporary))
            {
                System.IO.File.Delete(temporary);
            }
        }

        return new EmptyResult();
    }

    public string FilterQuery(string? severity = null, string? rule = null, string? child = null) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["Severity"] = severity ?? Severity,
            ["Rule"] = rule ?? Rule,
            ["Child"] = child ?? Child,
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToString();
}
