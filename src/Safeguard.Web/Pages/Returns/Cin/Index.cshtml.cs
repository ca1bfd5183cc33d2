using Microsoft.AspNetCore.Mvc;
using Safeguard.Common;
using Safeguard.Interchange.Cin.Uploads;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Returns.Cin;

/// <summary>The children in need census: upload a file to check it, and the uploads still kept.</summary>
[RequirePermission("returns.manage")]
public sealed class IndexModel(CinUploadStore store) : SafeguardPageModel
{
    public IReadOnlyList<CinUpload> Uploads { get; private set; } = [];

    public CinUploadOptions Options => store.Options;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Uploads = await store.ListAsync(cancellationToken);

    /// <summary>The collection year chosen on the form; empty: the one the file's reference date falls in.</summary>
    [BindProperty]
    public string? Collection { get; set; }

    public static IReadOnlyList<string> Collections => Safeguard.Interchange.Cin.CinReferenceData.AvailableCollections();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        var collection = Collections.Contains(Collection ?? "") ? Safeguard.Interchange.Cin.CinCollection.Parse(Collection!) : null;
        CinUpload? upload = null;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", file is null ? "Select a census file" : "The selected file is empty");
        }
        else
        {
            try
            {
                await using var content = file.OpenReadStream();
                upload = await store.UploadAsync(file.FileName, content, collection, Actor, cancellationToken);
            }
            catch (SafeguardValidationException ex)
            {
                foreach (var problem in ex.Problems)
                {
                    ModelState.AddModelError(problem.Field == "File" ? "file" : problem.Field, problem.Message);
                }
            }
        }

        if (upload is null)
        {
            Uploads = await store.ListAsync(cancellationToken);
            return Page();
        }

        // A file that could not be read is no success: its page says so as an error, with the reason and line.
        Notice = upload.Outcome == CinUploadOutcome.Validated
            ? $"{upload.FileName} is checked: {Plural(upload.Errors, "error")} and {Plural(upload.Queries, "query", "queries")}."
            : null;
        return RedirectToPage("/Returns/Cin/Upload", new { id = upload.Id });
    }

    public static string Plural(long count, string one, string? many = null) =>
        count == 1 ? $"1 {one}" : $"{count:N0} {many ?? one + "s"}";

    public static string Size(long bytes) => CinUploadStore.Describe(bytes);

    public static string Retention(TimeSpan retention) =>
        retention.TotalDays >= 1 && retention.TotalDays == Math.Floor(retention.TotalDays)
            ? Plural((long)retention.TotalDays, "day")
            : Plural((long)Math.Round(retention.TotalHours), "hour");
}
