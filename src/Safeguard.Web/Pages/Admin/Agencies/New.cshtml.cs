using Microsoft.AspNetCore.Mvc;
using Safeguard.Common;
using Safeguard.Organisations;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Admin.Agencies;

[RequirePermission("admin.organisations")]
public sealed class NewModel(OrganisationAdministration administration) : SafeguardPageModel
{
    [BindProperty]
    public AgencyInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var agency = await administration.CreateAgencyAsync(Input.ToDetails(), Actor, cancellationToken);
            Notice = $"{agency.Name} is added.";
            return Redirect($"/admin/agencies/{agency.Id}");
        }
        catch (SafeguardValidationException ex)
        {
            ShowProblems(ex);
            return Page();
        }
    }
}
