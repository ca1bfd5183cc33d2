using Microsoft.AspNetCore.Mvc;
using Safeguard.Common;
using Safeguard.InformationGovernance;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.People;

/// <summary>
/// A subject access request export for the person: the page asks why (the request's reference), then downloads the
/// ZIP of everything held about them and every access to their record. Audited with the reason; a restricted record
/// answers 404 to anyone not on its list.
/// </summary>
[RequirePermission("records.subjectaccess")]
public sealed class SubjectAccessModel(PersonIndex index, SubjectAccessExport export) : SafeguardPageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public Guid PersonId { get; private set; }

    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why the export is being made (for example the request's reference)");
        }

        if (ModelState.IsValid)
        {
            try
            {
                var file = await export.ExportAsync(id, Reason, Actor, cancellationToken);
                return File(file.Content, SubjectAccessFile.ContentType, file.FileName);
            }
            catch (SafeguardValidationException ex) when (ex.Problems.Any(p => p.Field == "Person"))
            {
                return NotFound();
            }
            catch (SafeguardValidationException ex)
            {
                foreach (var problem in ex.Problems)
                {
                    ModelState.AddModelError(problem.Field == "Reason" ? nameof(Reason) : "", problem.Message);
                }
            }
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var record = await index.GetAsync(id, Actor, cancellationToken);
        if (record is null)
        {
            return false;
        }

        PersonId = id;
        Name = record.Person.DisplayName;
        return true;
    }
}
