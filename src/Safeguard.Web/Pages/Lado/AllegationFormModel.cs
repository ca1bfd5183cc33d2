using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Lado;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.Web.Pages.Lado;

/// <summary>The referral form's fields, as typed.</summary>
public sealed class AllegationInput
{
    public string? WorkerName { get; set; }

    public string? EmployerAgencyId { get; set; }

    public string? EmployerName { get; set; }

    public string? WorkerRole { get; set; }

    public string? Sector { get; set; }

    public string? ReferrerAgencyId { get; set; }

    public string? ReferrerName { get; set; }

    public string? Category { get; set; }

    public string? Allegation { get; set; }

    /// <summary>Part of a child's name to find their record.</summary>
    public string? FindChild { get; set; }
}

/// <summary>
/// The referral form (new and change): the worker, their employer (an agency of the partnership or in words), role and
/// sector; the children, found in the person index by name and ticked; who referred it and when; category and what is
/// alleged. Finding a child posts the form back with what was typed.
/// </summary>
public abstract class AllegationFormModel(LadoService lado, PersonIndex people, SafeguardDbContext db) : SafeguardPageModel
{
    protected LadoService Lado { get; } = lado;

    [BindProperty]
    public AllegationInput Input { get; set; } = new();

    [BindProperty]
    public List<Guid> ChildIds { get; set; } = [];

    [BindProperty]
    public int Version { get; set; }

    /// <summary>The children ticked and those found by the search, ticked ones first.</summary>
    public IReadOnlyList<AllegationChildView> ChildChoices { get; private set; } = [];

    public bool Searched { get; private set; }

    /// <summary>The "Find the child" button was pressed: show the form again with the children found, saving nothing.</summary>
    protected bool FindRequested => Request.HasFormContentType && Request.Form.ContainsKey("Find");

    public List<SelectListItem> AgencyItems { get; private set; } = [];

    protected async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        AgencyItems = [new("Not one of the partnership's agencies", ""), .. (await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).ToListAsync(cancellationToken))
            .Select(a => new SelectListItem(a.Name, a.Id.ToString()))];
        var chosen = (await Lado.ChildrenAsync(ChildIds.Distinct().ToList(), Actor, cancellationToken)).ToList();
        if (!string.IsNullOrWhiteSpace(Input.FindChild))
        {
            Searched = true;
            var found = await people.SearchAsync(new PersonSearch(Name: Input.FindChild), Actor, cancellationToken);
            chosen.AddRange(found.Where(p => p.Kind == PersonKind.Child && chosen.All(c => c.PersonId != p.Id)).Take(20)
                .Select(p => new AllegationChildView(p.Id, p.Name, p.DateOfBirth)));
        }

        ChildChoices = chosen;
    }

    protected void Fill(AllegationDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        Input.WorkerName = details.WorkerName;
        Input.EmployerAgencyId = details.EmployerAgencyId?.ToString();
        Input.EmployerName = details.EmployerName;
        Input.WorkerRole = details.WorkerRole;
        Input.Sector = details.Sector?.ToString();
        Input.ReferrerAgencyId = details.ReferrerAgencyId?.ToString();
        Input.ReferrerName = details.ReferrerName;
        Input.Category = details.Category?.ToString();
        Input.Allegation = details.Allegation;
        ChildIds = [.. details.ChildIds];
        PrefillDateInput("Input.ReferredOn", details.ReferredOn);
    }

    /// <summary>The form as Core's details; a date that is not real is put beside its field.</summary>
    protected AllegationDetails Details(Guid? contactId) => new()
    {
        WorkerName = Input.WorkerName,
        EmployerAgencyId = Guid.TryParse(Input.EmployerAgencyId, out var employer) ? employer : null,
        EmployerName = Input.EmployerName,
        WorkerRole = Input.WorkerRole,
        Sector = LadoForm.Parse<LadoSector>(Input.Sector),
        ChildIds = [.. ChildIds.Distinct()],
        ReferredOn = ReadDate("Input.ReferredOn", "date of the referral"),
        ReferrerAgencyId = Guid.TryParse(Input.ReferrerAgencyId, out var referrer) ? referrer : null,
        ReferrerName = Input.ReferrerName,
        Category = LadoForm.Parse<LadoCategory>(Input.Category),
        Allegation = Input.Allegation,
        ContactId = contactId,
    };

    /// <summary>Core names the referral date ReferredOn and the children ChildIds; the form's date input is keyed Input.ReferredOn.</summary>
    protected void ShowRefusal(Common.SafeguardValidationException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        foreach (var problem in ex.Problems)
        {
            ModelState.AddModelError(problem.Field == "ChildIds" ? "ChildIds" : $"Input.{problem.Field}", problem.Message);
        }
    }
}
