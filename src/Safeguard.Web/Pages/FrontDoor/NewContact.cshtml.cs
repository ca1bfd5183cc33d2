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
/// search or added as a new child through the person index's duplicate check. Several new children
/// (siblings none of whom is known) are added one after another: each is checked for look-alikes when added,
/// kept on the form, and their records are created with the contact.
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

    /// <summary>New children added to the contact, created when it is recorded.</summary>
    [BindProperty]
    public List<ChildInput> NewChildren { get; set; } = [];

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

    /// <summary>Adds the new child to the contact after the duplicate check, so another can be described.</summary>
    public async Task<IActionResult> OnPostAddNewAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var details = NewPersonFrom(NewChild);
        if (string.IsNullOrWhiteSpace(NewChild.GivenNames))
        {
            ModelState.AddModelError("NewChild.GivenNames", "Enter the child's given names");
        }

        if (string.IsNullOrWhiteSpace(NewChild.FamilyName))
        {
            ModelState.AddModelError("NewChild.FamilyName", "Enter the child's family name");
        }

        if (ModelState.IsValid)
        {
            var alike = (await people.FindPossibleDuplicatesAsync(details, Actor, cancellationToken)).Where(d => !ConfirmedDifferent.Contains(d.Id)).ToList();
            if (alike.Count > 0)
            {
                Duplicates = alike;
                ModelState.AddModelError("ConfirmedDifferent", "Records like the new child's are already held: add the child's record instead, or confirm each is a different child");
            }
            else
            {
                NewChild.ConfirmedDifferent = [.. ConfirmedDifferent];
                NewChildren.Add(NewChild);
                NewChild = new();
                ConfirmedDifferent = [];
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveNewAsync(int index, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (index >= 0 && index < NewChildren.Count)
        {
            NewChildren.RemoveAt(index);
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
        var firstAdded = children.Count;
        children.AddRange(NewChildren.Select(c => new ContactChildInput(null, NewPersonFrom(c, validate: false), c.ConfirmedDifferent)));
        var described = children.Count;
        if (!NewChild.IsEmpty)
        {
            children.Add(new ContactChildInput(null, NewPersonFrom(NewChild), ConfirmedDifferent));
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
                    var added = AddedChildIndex(problem.Field, firstAdded, described);
                    var key = added is { } i ? "Children"
                        : problem.Field.StartsWith("Children[", StringComparison.Ordinal) && problem.Field.Contains('.', StringComparison.Ordinal)
                        ? "NewChild." + problem.Field[(problem.Field.IndexOf('.', StringComparison.Ordinal) + 1)..]
                        : FrontDoorForm.FieldFor(problem.Field);
                    var message = added is { } j ? $"{NewChildren[j].Name}: {problem.Message}" : problem.Message;
                    if (key == "NewChild.DateOfBirth")
                    {
                        key = "NewChild.Born";
                        NewChildDateError = problem.Message;
                    }

                    if (key == "Input.Received")
                    {
                        ReceivedError = problem.Message;
                    }

                    ModelState.AddModelError(key, message);
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

    /// <summary>The new child's details as the person index takes them; with <paramref name="validate"/>, a date of birth that is not a real date is shown beside its field.</summary>
    private NewPerson NewPersonFrom(ChildInput child, bool validate = true)
    {
        var born = PeopleForm.ParseDate(child.BornDay, child.BornMonth, child.BornYear, "date of birth", out var bornError);
        if (validate && bornError is not null)
        {
            NewChildDateError = bornError;
            ModelState.AddModelError("NewChild.Born", bornError);
        }

        return new NewPerson
        {
            GivenNames = child.GivenNames ?? "",
            FamilyName = child.FamilyName ?? "",
            DateOfBirth = born,
            Sex = string.IsNullOrWhiteSpace(child.Sex) ? "U" : child.Sex,
            NhsNumber = child.NhsNumber,
            Upn = child.Upn,
        };
    }

    /// <summary>Which of <see cref="NewChildren"/> a Core problem about <c>Children[n]</c> is about, if any.</summary>
    private static int? AddedChildIndex(string field, int first, int end)
    {
        if (!field.StartsWith("Children[", StringComparison.Ordinal))
        {
            return null;
        }

        var close = field.IndexOf(']', StringComparison.Ordinal);
        return close > 9 && int.TryParse(field[9..close], System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= first && n < end ? n - first : null;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Agencies = await FrontDoorForm.AgenciesAsync(db, cancellationToken);
        var ids = ChildIds.Distinct().ToList();
        var chosen = await people.Visible(Actor).AsNoTracking().Include(p => p.Addresses).Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        Chosen = [.. chosen.Select(PersonIndex.Summarise).OrderBy(p => p.Name, StringComparer.Ordinal)];
    }
}
