using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.EarlyHelp;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.EarlyHelp;

/// <summary>The start form as typed.</summary>
public sealed class StartInput
{
    public List<string> ChildIds { get; set; } = [];

    public List<string> IncludeAdults { get; set; } = ["true"];

    public string? FamilyName { get; set; }

    public EarlyHelpSource? Source { get; set; }

    public string? RequestedByAgencyId { get; set; }

    public string? LeadUserId { get; set; }

    public string? LeadAgencyId { get; set; }

    public string? LeadName { get; set; }

    public string? LeadRole { get; set; }
}

/// <summary>Start an episode: from a front door contact decided early help (its children), a step-down, or a partner's request.</summary>
[RequirePermission("earlyhelp.manage")]
public sealed class StartModel(EarlyHelpService earlyHelp, PersonIndex people, SafeguardDbContext db) : SafeguardPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "contact")]
    public Guid? ContactId { get; set; }

    [BindProperty]
    public StartInput Input { get; set; } = new();

    public (Guid ContactId, DateTimeOffset DecidedAt, string Children)? Contact { get; private set; }

    public IReadOnlyList<(Guid ContactId, DateTimeOffset DecidedAt, string Children)> Waiting { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Candidates { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> AgencyChoices { get; private set; } = [];

    public IReadOnlyList<(Guid UserId, string Name, string Agency)> UserChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        PrefillDateInput("Input.StartedOn", Calendar.UkTime.Today(db.Time));
        if (ContactId is not null)
        {
            Input.ChildIds = [.. Candidates.Select(c => c.Value)];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var started = ReadDate("Input.StartedOn", "date the episode started");
        var leadGiven = !string.IsNullOrWhiteSpace(Input.LeadUserId) || !string.IsNullOrWhiteSpace(Input.LeadAgencyId) || !string.IsNullOrWhiteSpace(Input.LeadName);
        var start = new EarlyHelpStart
        {
            FamilyName = Input.FamilyName,
            StartedOn = started,
            Source = ContactId is null ? Input.Source : EarlyHelpSource.FrontDoor,
            FrontDoorContactId = ContactId,
            RequestedByAgencyId = Guid.TryParse(Input.RequestedByAgencyId, out var r) ? r : null,
            ChildIds = [.. Input.ChildIds.Select(c => Guid.TryParse(c, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)],
            IncludeAdults = Input.IncludeAdults.Contains("true"),
            Lead = leadGiven
                ? new EarlyHelpLeadInput(Guid.TryParse(Input.LeadAgencyId, out var a) ? a : null, Guid.TryParse(Input.LeadUserId, out var u) ? u : null, Input.LeadName, Input.LeadRole, started)
                : null,
        };
        EarlyHelpEpisode? episode = null;
        if (await TryChangeAsync(async () => episode = await earlyHelp.StartAsync(start, Actor, cancellationToken)))
        {
            Notice = "The early help episode is started. The first team around the family review is due in 6 weeks.";
            return Redirect($"/early-help/{episode!.Id}");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        AgencyChoices = [.. (await db.Agencies.AsNoTracking().Where(a => a.IsActive).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
            .OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => (a.Id, a.Name))];
        UserChoices = await earlyHelp.PractitionerChoicesAsync(cancellationToken);
        Waiting = await earlyHelp.ContactsWaitingAsync(cancellationToken);
        var ids = new List<Guid>();
        if (ContactId is { } contactId)
        {
            var contact = await db.Contacts.AsNoTracking().Include(c => c.Children)
                .FirstOrDefaultAsync(c => c.Id == contactId && c.Decision == Safeguard.FrontDoor.ContactDecision.EarlyHelp, cancellationToken);
            if (contact is null)
            {
                return false;
            }

            Contact = (contact.Id, contact.DecidedAt!.Value, string.Join(", ", contact.Children.Select(c => c.DescribedName)));
            ids.AddRange(contact.Children.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value));
        }

        ids.AddRange(Input.ChildIds.Select(c => Guid.TryParse(c, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty));
        var candidates = await people.Visible(Actor).AsNoTracking().Where(p => ids.Contains(p.Id) && p.Kind == PersonKind.Child)
            .Select(p => new { p.Id, p.DisplayName, p.DateOfBirth }).ToListAsync(cancellationToken);
        var items = candidates.Select(c => new SelectListItem($"{c.DisplayName} (born {EarlyHelpForm.Date(c.DateOfBirth)})", c.Id.ToString())).ToList();
        if (!string.IsNullOrWhiteSpace(Search) && ContactId is null)
        {
            var found = await people.SearchAsync(new PersonSearch(Name: Search), Actor, cancellationToken);
            items.AddRange(found.Where(p => p.Kind == PersonKind.Child && items.All(i => i.Value != p.Id.ToString()))
                .Take(20)
                .Select(p => new SelectListItem($"{p.Name} (born {EarlyHelpForm.Date(p.DateOfBirth)}{(p.Postcode is null ? "" : $", {p.Postcode}")})", p.Id.ToString())));
        }

        Candidates = items;
        return true;
    }
}
