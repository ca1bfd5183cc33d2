using Microsoft.AspNetCore.Mvc;
using Safeguard.ComplexSafeguarding;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.FrontDoor;
using Safeguard.Web.Pages.Missing;
using Safeguard.Web.Pages.People;

namespace Safeguard.Web.Pages.MyAgency;

/// <summary>A police officer reports a child missing for their force, describing the child (matched like a contact's child).</summary>
[RequirePermission("missing.report")]
public sealed class ReportMissingModel(MissingEpisodeService missing, SafeguardDbContext db, TimeProvider time) : EpisodeFormModel
{
    public override bool IsPartner => true;

    [BindProperty]
    public ChildInput Child { get; set; } = new();

    public string? BornError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (Input.StartedDay, Input.StartedMonth, Input.StartedYear, Input.StartedTime) = MissingForm.Fields(time.GetUtcNow());
        Input.ReportedByName = Actor.Name;
        await LoadAgenciesAsync(db, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        MissingEpisode? saved = null;
        if (await SaveAsync(async details =>
        {
            var born = PeopleForm.ParseDate(Child.BornDay, Child.BornMonth, Child.BornYear, "date of birth", out var bornError);
            if (bornError is not null)
            {
                throw new Common.SafeguardValidationException("Child.Born", bornError);
            }

            saved = await missing.ReportAsync(new MissingReport(details, null, new NewPerson
            {
                GivenNames = Child.GivenNames ?? "",
                FamilyName = Child.FamilyName ?? "",
                DateOfBirth = born,
                Sex = string.IsNullOrWhiteSpace(Child.Sex) ? "U" : Child.Sex,
                NhsNumber = Child.NhsNumber,
                Upn = Child.Upn,
            }), Actor, cancellationToken);
        }))
        {
            Notice = "The child is reported missing. The front door and the child's social worker can see the report.";
            return Redirect($"/my-agency/missing/{saved!.Id}");
        }

        if (ModelState.TryGetValue("Child.Born", out var born) && born.Errors.Count > 0)
        {
            BornError = born.Errors[0].ErrorMessage;
        }
        else if (ModelState.TryGetValue("Child.DateOfBirth", out var dob) && dob.Errors.Count > 0)
        {
            BornError = dob.Errors[0].ErrorMessage;
            ModelState.AddModelError("Child.Born", BornError);
            ModelState.Remove("Child.DateOfBirth");
        }

        return Page();
    }
}
