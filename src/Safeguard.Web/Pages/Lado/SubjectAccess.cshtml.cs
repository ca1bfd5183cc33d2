using Microsoft.AspNetCore.Mvc;
using Safeguard.Common;
using Safeguard.InformationGovernance;
using Safeguard.Lado;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Lado;

/// <summary>
/// A worker's subject access request: the LADO finds the allegations by the worker's name, ticks those about the
/// requester (a namesake is someone else) and downloads the export, with the reason recorded in the audit trail.
/// </summary>
[RequirePermission("lado.view")]
public sealed class SubjectAccessModel(LadoSubjectAccess export) : SafeguardPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? WorkerName { get; set; }

    [BindProperty]
    public List<Guid> AllegationIds { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<LadoWorkerMatch>? Matches { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (WorkerName is not null)
        {
            await FindAsync(cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var file = await export.ExportAsync(WorkerName, AllegationIds, Reason, Actor, cancellationToken);
            return File(file.Content, SubjectAccessFile.ContentType, file.FileName);
        }
        catch (SafeguardValidationException ex)
        {
            foreach (var problem in ex.Problems)
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }
        }

        if (!string.IsNullOrWhiteSpace(WorkerName))
        {
            Matches = await export.FindAsync(WorkerName, Actor, cancellationToken);
        }

        return Page();
    }

    private async Task FindAsync(CancellationToken cancellationToken)
    {
        try
        {
            Matches = await export.FindAsync(WorkerName, Actor, cancellationToken);
        }
        catch (SafeguardValidationException ex)
        {
            ModelState.AddModelError(nameof(WorkerName), ex.Problems[0].Message);
        }
    }
}
