using System.IO.Compression;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Common;
using Safeguard.Interchange.Cin;
using Safeguard.Interchange.Ssda903.Uploads;
using Safeguard.LookedAfter;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Returns.Ssda903;

/// <summary>The SSDA903 return (children looked after): upload its CSV files to check them, the uploads still kept, and the export from the records.</summary>
[RequirePermission("returns.manage")]
public sealed class IndexModel(Ssda903UploadStore store, Ssda903ExportService export) : SafeguardPageModel
{
    public IReadOnlyList<Ssda903Upload> Uploads { get; private set; } = [];

    public Interchange.Cin.Uploads.CinUploadOptions Options => store.Options;

    [BindProperty(SupportsGet = true)]
    public string? Collection { get; set; }

    public static IReadOnlyList<string> Collections => Ssda903UploadStore.Collections;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Uploads = await store.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(List<IFormFile>? files, CancellationToken cancellationToken)
    {
        var collection = CinCollection.Parse(Collections.Contains(Collection ?? "") ? Collection! : Collections[0]);
        Ssda903Upload? upload = null;
        var chosen = (files ?? []).Where(f => f.Length > 0).ToList();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError("files", files is { Count: > 0 } ? "The selected files are empty" : "Select the return's CSV files");
        }
        else
        {
            var streams = chosen.Select(f => (f.FileName, f.OpenReadStream())).ToList();
            try
            {
                upload = await store.UploadAsync(streams, collection, Actor, cancellationToken);
            }
            catch (SafeguardValidationException ex)
            {
                foreach (var problem in ex.Problems)
                {
                    ModelState.AddModelError("files", problem.Message);
                }
            }
            finally
            {
                foreach (var (_, stream) in streams)
                {
                    await stream.DisposeAsync();
                }
            }
        }

        if (upload is null)
        {
            Uploads = await store.ListAsync(cancellationToken);
            return Page();
        }

        Notice = upload.Unreadable is null ? $"{upload.Describe} checked: {Plural(upload.Errors, "error")}." : null;
        return RedirectToPage("/Returns/Ssda903/Upload", new { id = upload.Id });
    }

    /// <summary>The return of the collection year from the looked-after records, as a zip of its CSV tables.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var collection = CinCollection.Parse(Collections.Contains(Collection ?? "") ? Collection! : Collections[0]);
        var tables = new Dictionary<Interchange.Ssda903.Ssda903Table, StringWriter>();
        try
        {
            await export.ExportAsync(t => tables.TryGetValue(t, out var w) ? w : tables[t] = new StringWriter { NewLine = "\r\n" }, collection, Actor, cancellationToken);
        }
        catch (SafeguardValidationException ex)
        {
            ModelState.AddModelError("export", ex.Problems[0].Message);
            Uploads = await store.ListAsync(cancellationToken);
            return Page();
        }

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (table, text) in tables)
            {
                var entry = archive.CreateEntry(Ssda903ExportService.FileName(table));
                await using var stream = await entry.OpenAsync(cancellationToken);
                await stream.WriteAsync(new System.Text.UTF8Encoding(false).GetBytes(text.ToString()), cancellationToken);
            }
        }

        return File(zip.ToArray(), "application/zip", $"ssda903-{collection.Name}.zip");
    }

    public static string Plural(long count, string one, string? many = null) =>
        count == 1 ? $"1 {one}" : $"{count:N0} {many ?? one + "s"}";
}
