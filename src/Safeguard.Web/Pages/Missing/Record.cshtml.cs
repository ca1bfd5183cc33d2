using Microsoft.AspNetCore.Mvc;
using Safeguard.ComplexSafeguarding;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Missing;

/// <summary>The front door or a social worker records a missing episode for a child.</summary>
[RequirePermission("missing.manage")]
public sealed class RecordModel(MissingEpisodeService missing, PersonIndex people, SafeguardDbContext db) : EpisodeFormModel
{
    public string ChildName { get; private set; } = "";

    public Guid ChildId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input.ReportedByAgencyId = await FirstPoliceAsync(cancellationToken);
        await LoadAgenciesAsync(db, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        MissingEpisode? saved = null;
        if (await SaveAsync(async details => saved = await missing.RecordAsync(id, details, Actor, cancellationToken)))
        {
            Notice = saved!.HasEnded ? "The episode is recorded. A return home interview is due within 72 hours of the return." : "The episode is recorded: the child is shown as missing.";
            return Redirect($"/missing/episodes/{saved.Id}");
        }

        await LoadAgenciesAsync(db, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var record = await people.GetAsync(id, Actor, cancellationToken);
        if (record is not { Person: { Kind: PersonKind.Child, MergedIntoId: null } child })
        {
            return false;
        }

        (ChildId, ChildName) = (child.Id, child.DisplayName);
        return true;
    }

    private async Task<string?> FirstPoliceAsync(CancellationToken cancellationToken) =>
        (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.Agencies.Where(a => a.IsActive && a.Type == Organisations.AgencyType.Police).OrderBy(a => a.Name).Select(a => (Guid?)a.Id), cancellationToken))?.ToString();
}
