using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Common;
using Safeguard.FrontDoor;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.People;

namespace Safeguard.Web.Pages.FrontDoor;

/// <summary>
/// Record a contact: when and from whom, the concerns and consent, and the children, picked from a person
/// search or added as a new child through the person index's duplicate check.
/// </summary>
[RequirePermission("frontdoor.decide")]
public sealed class NewContactModel(ContactService contacts, PersonIndex people, SafeguardDbContext db) : SafeguardPageModel
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    [BindProperty]
    public List<Guid> ChildIds { get; set; } = [];

    [BindProperty]
    public ChildInput NewChild { get; set; } = new();

    [BindProperty]
    public List<Guid> ConfirmedDifferent { get; set; } = [];

    [BindProperty]
    public string? SearchName { get; set; }

    public IReadOnlyList<PersonSummary> SearchResults { get; private set; } = [];

    public IReadOnlyList<PersonSummary> Chosen { get; private set; } = [];

    public IReadOnlyList<PossibleDuplicate> Duplicates { get; private set; } = [];

    public List<SelectListItem> Agencies { get; private set; } = [];

    public string? ReceivedError { get; private set; }

    public string? NewChildDateError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = Calendar.UkTime.ToUkLocal(db.Time.GetUtcNow());
        Input.ReceivedDay = now.Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Input.ReceivedMonth = now.Month.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Input.ReceivedYear = now.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Input.ReceivedTime = now.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await LoadAsync(cancellationToken);
    }

    /// <summary>Search the person index for a child to add, keeping what has been typed.</summary>
    public async Task<IActionResult> OnPostSearchAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        try
        {
            SearchResults = [.. (await people.SearchAsync(new PersonSearch(SearchName), Actor, cancellationToken)).Where(p => p.Kind == PersonKind.Child)];
        }
        catch (SafeguardValidationException ex)
        {
            ModelState.AddModelError(nameof(SearchName), ex.Problems[0].Message);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid child, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!ChildIds.Contains(child))
        {
            ChildIds.Add(child);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid child, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ChildIds.Remove(child);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var received = FrontDoorForm.ParseInstant(Input.ReceivedDay, Input.ReceivedMonth, Input.ReceivedYear, Input.ReceivedTime, "date and time received", out var receivedError);
        if (receivedError is not null)
        {
            ReceivedError = receivedError;
            ModelState.AddModelError("Input.Received", receivedError);
        }

        var children = ChildIds.Distinct().Select(id => new ContactChildInput(id)).ToList();
        if (!NewChild.IsEmpty)
        {
            var born = PeopleForm.ParseDate(NewChild.BornDay, NewChild.BornMonth, NewChild.BornYear, "date of birth", out var bornError);
            if (bornError is not null)
            {
                NewChildDateError = bornError;
                ModelState.AddModelError("NewChild.Born", bornError);
            }

            children.Add(new ContactChildInput(null, new NewPerson
            {
                GivenNames = NewChild.GivenNames ?? "",
                FamilyName = NewChild.FamilyName ?? "",
                DateOfBirth = born,
                Sex = string.IsNullOrWhiteSpace(NewChild.Sex) ? "U" : NewChild.Sex,
                NhsNumber = NewChild.NhsNumber,
                Upn = NewChild.Upn,
            }, ConfirmedDifferent));
        }

        if (ModelState.IsValid)
        {
            try
            {
                var contact = await contacts.RecordAsync(new NewContact
                {
                    ReceivedAt = received ?? default,
                    FromAgencyId = Input.FromAgencyId,
                    ReferrerName = Input.ReferrerName ?? "",
                    ReferrerRole = Input.ReferrerRole,
                    ReferralSource = Input.ReferralSource ?? "",
                    Concerns = Input.Concerns ?? "",
                    Consent = Input.Consent ?? (ConsentPosition)(-1),
                    ConsentReason = Input.ConsentReason,
                    Children = children,
                }, ContactChannel.FrontDoor, Actor, cancellationToken);
                Notice = "The contact is recorded and waiting for a decision.";
                return Redirect($"/front-door/contacts/{contact.Id}");
            }
            catch (SafeguardValidationException ex)
            {
                foreach (var problem in ex.Problems)
                {
                    var key = problem.Field.StartsWith("Children[", StringComparison.Ordinal) && problem.Field.Contains('.', StringComparison.Ordinal)
                        ? "NewChild." + problem.Field[(problem.Field.IndexOf('.', StringComparison.Ordinal) + 1)..]
                        : FrontDoorForm.FieldFor(problem.Field);
                    if (key == "NewChild.DateOfBirth")
                    {
                        key = "NewChild.Born";
                        NewChildDateError = problem.Message;
                    }

                    if (key == "Input.Received")
                    {
                        ReceivedError = problem.Message;
                    }

                    ModelState.AddModelError(key, problem.Message);
                }
            }
            catch (PossibleDuplicatesException ex)
            {
                Duplicates = ex.Candidates;
                ModelState.AddModelError("ConfirmedDifferent", "Records like the new child's are already held: add the child's record instead, or confirm each is a different child");
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Agencies = await FrontDoorForm.AgenciesAsync(db, cancellationToken);
        var ids = ChildIds.Distinct().ToList();
        var chosen = await people.Visible(Actor).AsNoTracking().Include(p => p.Addresses).Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        Chosen = [.. chosen.Select(PersonIndex.Summarise).OrderBy(p => p.Name, StringComparer.Ordinal)];
    }
}
