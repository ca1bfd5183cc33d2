using Microsoft.AspNetCore.Mvc;
using Safeguard.Identity;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.People;

[RequirePermission("people.view")]
public sealed class RecordModel(PersonIndex index) : SafeguardPageModel
{
    public PersonRecord Record { get; private set; } = default!;

    public Person Person => Record.Person;

    public bool CanManage => User.HasClaim(SafeguardClaimTypes.Permission, Permissions.ManagePeople.Name);

    public bool CanExport => User.HasClaim(SafeguardClaimTypes.Permission, Permissions.ExportSubjectAccess.Name);

    public bool CanViewCasework => User.HasClaim(SafeguardClaimTypes.Permission, Permissions.ViewChildRecords.Name);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        // A restricted record the user may not see answers exactly as a record that does not exist.
        var record = await index.GetAsync(id, Actor, cancellationToken);
        if (record is null)
        {
            return NotFound();
        }

        Record = record;
        return Page();
    }
}
