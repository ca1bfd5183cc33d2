using Microsoft.AspNetCore.Mvc;
using Safeguard.Common;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.People;

/// <summary>
/// Merge a duplicate into this record: choose the duplicate (a look-alike or a record id), compare the two,
/// give a reason, and merge. Both records' versions travel with the form, so a change made meanwhile is refused.
/// </summary>
[RequirePermission("people.manage")]
public sealed class MergeModel(PersonIndex index) : SafeguardPageModel
{
    [BindProperty]
    public string? DuplicateId { get; set; }

    [BindProperty]
    public int SurvivorVersion { get; set; }

    [BindProperty]
    public int DuplicateVersion { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public PersonRecord Survivor { get; private set; } = default!;

    public PersonRecord? Duplicate { get; private set; }

    public IReadOnlyList<PossibleDuplicate> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        SurvivorVersion = Survivor.Person.Version;
        return Page();
    }

    /// <summary>Show the chosen duplicate beside this record.</summary>
    public async Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        SurvivorVersion = Survivor.Person.Version;
        if (!Guid.TryParse(DuplicateId?.Trim(), out var duplicateId) || duplicateId == id
            || await index.GetAsync(duplicateId, Actor, cancellationToken) is not { } duplicate || duplicate.Person.MergedIntoId is not null)
        {
            ModelState.AddModelError(nameof(DuplicateId), "Select a record that looks like this one, or enter the duplicate record's id from its address");
            return Page();
        }

        Duplicate = duplicate;
        DuplicateVersion = duplicate.Person.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostMergeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(DuplicateId, out var duplicateId))
        {
            return await OnPostReviewAsync(id, cancellationToken);
        }

        try
        {
            await index.MergeAsync(id, SurvivorVersion, duplicateId, DuplicateVersion, Reason ?? "", Actor, cancellationToken);
            Notice = "The duplicate is merged into this record. The merge can be undone from the duplicate's record.";
            return Redirect($"/people/{id}");
        }
        catch (SafeguardValidationException ex)
        {
            foreach (var problem in ex.Problems)
            {
                ModelState.AddModelError(problem.Field is "Reason" ? nameof(Reason) : nameof(DuplicateId), problem.Message);
            }
        }
        catch (ConcurrencyConflictException ex)
        {
            ShowConflict(ex);
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Duplicate = await index.GetAsync(duplicateId, Actor, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var record = await index.GetAsync(id, Actor, cancellationToken);
        if (record is null || record.Person.MergedIntoId is not null)
        {
            return false;
        }

        Survivor = record;
        var p = record.Person;
        var current = p.Names.First(n => n.Kind == PersonNameKind.Current);
        Candidates = [.. (await index.FindPossibleDuplicatesAsync(
                new NewPerson { Kind = p.Kind, GivenNames = current.GivenNames, FamilyName = current.FamilyName, DateOfBirth = p.DateOfBirth, ExpectedDateOfBirth = p.ExpectedDateOfBirth },
                Actor, cancellationToken))
            .Where(c => c.Id != id)];
        return true;
    }
}
