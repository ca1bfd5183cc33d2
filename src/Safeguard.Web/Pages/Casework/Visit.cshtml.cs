using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Journey;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Casework;

/// <summary>Record a visit to a child, or change one (carrying the visit's version).</summary>
[RequirePermission("casework.manage")]
public sealed class VisitModel(CaseworkService casework, ChildVisitService visits) : CaseworkPageModel(casework)
{
    public ChildVisit? Existing { get; private set; }

    public static IReadOnlyList<SelectListItem> SeenItems() =>
    [
        new("Select", ""),
        new("Yes, and seen alone", "alone"),
        new("Yes, with a parent or carer present", "with-others"),
        new("No, the child was not seen", "no"),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? visitId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, visitId, cancellationToken))
        {
            return NotFound();
        }

        if (Existing is { } v)
        {
            PrefillDate("VisitDate", v.VisitDate);
            Input = new CaseworkInput { ChildSeen = !v.ChildSeen ? "no" : v.SeenAlone ? "alone" : "with-others", VisitedBy = v.VisitedBy, Note = v.Note };
            Version = v.Version;
        }
        else
        {
            Input.VisitedBy = Actor.Name;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? visitId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, visitId, cancellationToken))
        {
            return NotFound();
        }

        var date = DateFrom("VisitDate", "date of the visit");
        bool? seen = Input.ChildSeen switch { "alone" or "with-others" => true, "no" => false, _ => null };
        var details = new VisitDetails(date, seen, Input.ChildSeen == "alone", Input.VisitedBy, Input.Note);
        if (await TryChangeAsync(async () =>
        {
            if (Existing is { } v)
            {
                await visits.ChangeAsync(v.Id, Version, details, Actor, cancellationToken);
            }
            else
            {
                await visits.RecordAsync(id, details, Actor, cancellationToken);
            }
        }))
        {
            Notice = Existing is null ? "The visit is recorded." : "The visit is changed.";
            return Redirect($"/people/{id}/casework/visits");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, Guid? visitId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return false;
        }

        if (visitId is { } vid)
        {
            Existing = await visits.FindAsync(vid, Actor, cancellationToken);
            return Existing is not null && Existing.PersonId == id;
        }

        return true;
    }
}
