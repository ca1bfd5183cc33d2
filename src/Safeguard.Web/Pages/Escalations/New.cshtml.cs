using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Escalations;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Escalations;

/// <summary>The raise form's fields, as typed.</summary>
public sealed class RaiseInput
{
    public Guid? RaisedWithAgencyId { get; set; }

    public string? RaisedByRole { get; set; }

    public Guid? RespondingUserId { get; set; }

    public string? RespondingName { get; set; }

    public Guid? PersonId { get; set; }

    public string? Subject { get; set; }

    public string? Theme { get; set; }

    public string? Concern { get; set; }
}

/// <summary>Raise a professional disagreement with another agency, for the user's agency (stage 1: practitioner to practitioner).</summary>
[RequirePermission("escalations.raise")]
public sealed class NewModel(EscalationService escalations, SafeguardDbContext db, TimeProvider time) : SafeguardPageModel
{
    [BindProperty]
    public RaiseInput Input { get; set; } = new();

    public List<SelectListItem> Agencies { get; private set; } = [];

    public List<SelectListItem> Staff { get; private set; } = [];

    public List<RadioItem> Themes { get; } = EscalationForm.ThemeRadios();

    public async Task OnGetAsync(Guid? person, CancellationToken cancellationToken)
    {
        Input.PersonId = person;
        PrefillDateInput("Input.RaisedOn", Calendar.UkTime.Today(time));
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var raisedOn = ReadDate("Input.RaisedOn", "date raised");
        Escalation? raised = null;
        if (await TryChangeAsync(async () => raised = await escalations.RaiseAsync(new NewEscalation
        {
            RaisedWithAgencyId = Input.RaisedWithAgencyId,
            RaisedByRole = Input.RaisedByRole,
            RespondingUserId = Input.RespondingUserId,
            RespondingName = Input.RespondingName,
            PersonId = Input.PersonId,
            Subject = Input.Subject,
            Theme = EscalationForm.Parse<EscalationTheme>(Input.Theme),
            Concern = Input.Concern,
            RaisedOn = raisedOn,
        }, Actor, cancellationToken)))
        {
            Notice = $"The escalation is raised. Stage 1 is due to be resolved by {EscalationForm.Date(raised!.CurrentDueOn)}.";
            return Redirect($"/my-agency/escalations/{raised.Id}");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var own = Actor.AgencyId ?? Guid.Empty;
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive && a.Id != own).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        Agencies = [new("Select the agency", ""), .. agencies.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => new SelectListItem(a.Name, a.Id.ToString()))];
        var names = agencies.ToDictionary(a => a.Id, a => a.Name);
        var staff = await escalations.StaffAsync(names.Keys.ToList(), cancellationToken);
        Staff = [new("Not known, or not listed", ""), .. staff.OrderBy(s => names[s.AgencyId], StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => new SelectListItem($"{s.Name} ({names[s.AgencyId]})", s.Id.ToString()))];
    }
}
