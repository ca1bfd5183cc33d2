using Microsoft.AspNetCore.Mvc;
using Safeguard.Common;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.People;

[RequirePermission("people.view")]
public sealed class IndexModel(PersonIndex index, TimeProvider time) : SafeguardPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? DateOfBirthDay { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? DateOfBirthMonth { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? DateOfBirthYear { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Upn { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? NhsNumber { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? CouncilChildId { get; set; }

    public IReadOnlyList<PersonSummary>? Results { get; private set; }

    /// <summary>What tells the people found apart: address, siblings, an open episode.</summary>
    public IReadOnlyDictionary<Guid, PersonDistinguishers> Details { get; private set; } = new Dictionary<Guid, PersonDistinguishers>();

    public DateOnly Today => Calendar.UkTime.Today(time);

    public string? DateError { get; private set; }

    public bool Searched => Request.Query.Count > 0;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Searched)
        {
            return;
        }

        var dob = PeopleForm.ParseDate(DateOfBirthDay, DateOfBirthMonth, DateOfBirthYear, "date of birth", out var dateError);
        if (dateError is not null)
        {
            DateError = dateError;
            ModelState.AddModelError("DateOfBirth", dateError);
            return;
        }

        try
        {
            Results = await index.SearchAsync(new PersonSearch(Name, dob, Upn, NhsNumber, CouncilChildId), Actor, cancellationToken);
            Details = await index.DistinguishersAsync([.. Results.Select(r => r.Id)], Actor, cancellationToken);
        }
        catch (SafeguardValidationException ex)
        {
            foreach (var problem in ex.Problems)
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }
        }
    }
}
