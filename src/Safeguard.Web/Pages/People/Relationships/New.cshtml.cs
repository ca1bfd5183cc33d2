using Microsoft.AspNetCore.Mvc;
using Safeguard.Common;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.People.Relationships;

/// <summary>Link a child to a parent, carer, household member or sibling: someone already in the index, or a new adult.</summary>
[RequirePermission("people.manage")]
public sealed class NewModel(PersonIndex index) : SafeguardPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public RelationshipInput Input { get; set; } = new();

    public PersonRecord Child { get; private set; } = default!;

    public IReadOnlyList<PersonSummary> Found { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            await SearchAsync(id, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var kind = Enum.TryParse<RelationshipKind>(Input.Kind, out var k) && Enum.IsDefined(k) ? k : (RelationshipKind?)null;
        var from = PeopleForm.ParseDate(Input.FromDay, Input.FromMonth, Input.FromYear, "date the relationship started", out var fromError);
        var newAdult = Input.RelatedPersonId is null && (!string.IsNullOrWhiteSpace(Input.NewGivenNames) || !string.IsNullOrWhiteSpace(Input.NewFamilyName));
        if (kind is null)
        {
            ModelState.AddModelError("Input.Kind", "Select how they are related");
        }
        else if (newAdult && PersonRelationship.IsSiblingKind(kind.Value))
        {
            ModelState.AddModelError("Input.Kind", "A new person added here is an adult; add a sibling as a child first, then link them");
        }

        if (Input.RelatedPersonId is null && !newAdult)
        {
            ModelState.AddModelError("Input.RelatedPersonId", "Select a person found by the search, or enter a new adult's name");
        }

        if (fromError is not null)
        {
            ModelState.AddModelError("Input.From", fromError);
        }

        var newDob = PeopleForm.ParseDate(Input.NewDobDay, Input.NewDobMonth, Input.NewDobYear, "adult's date of birth", out var dobError);
        if (dobError is not null)
        {
            ModelState.AddModelError("Input.NewDob", dobError);
        }

        if (!ModelState.IsValid)
        {
            await SearchAsync(id, cancellationToken);
            return Page();
        }

        try
        {
            var relatedId = Input.RelatedPersonId;
            if (relatedId is null)
            {
                var adult = await index.CreateAsync(
                    new NewPerson { Kind = PersonKind.Adult, GivenNames = Input.NewGivenNames ?? "", FamilyName = Input.NewFamilyName ?? "", DateOfBirth = newDob, Sex = Input.NewSex ?? "U" },
                    [], Actor, cancellationToken);
                relatedId = adult.Id;
            }

            await index.AddRelationshipAsync(new NewRelationship(id, relatedId.Value, kind!.Value, Input.HasParentalResponsibility, from, null), Actor, cancellationToken);
            Notice = "The relationship is added.";
            return Redirect($"/people/{id}");
        }
        catch (PossibleDuplicatesException ex)
        {
            ModelState.AddModelError("Input.NewGivenNames", $"{ex.Candidates[0].Name}, born {PeopleForm.Date(ex.Candidates[0].DateOfBirth)}, may be this adult: search for them and select them instead");
        }
        catch (SafeguardValidationException ex)
        {
            ShowProblems(ex, fields: new Dictionary<string, string>
            {
                ["GivenNames"] = "NewGivenNames",
                ["FamilyName"] = "NewFamilyName",
                ["DateOfBirth"] = "NewDob",
                ["PersonId"] = "RelatedPersonId",
            });
        }

        await SearchAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var record = await index.GetAsync(id, Actor, cancellationToken);
        if (record is null || record.Person.Kind != PersonKind.Child || record.Person.MergedIntoId is not null)
        {
            return false;
        }

        Child = record;
        return true;
    }

    private async Task SearchAsync(Guid id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Q))
        {
            return;
        }

        Found = [.. (await index.SearchAsync(new PersonSearch(Name: Q), Actor, cancellationToken)).Where(p => p.Id != id)];
    }
}

public sealed class RelationshipInput
{
    public Guid? RelatedPersonId { get; set; }

    public string? NewGivenNames { get; set; }

    public string? NewFamilyName { get; set; }

    public string? NewSex { get; set; }

    public string? NewDobDay { get; set; }

    public string? NewDobMonth { get; set; }

    public string? NewDobYear { get; set; }

    public string? Kind { get; set; }

    public bool HasParentalResponsibility { get; set; }

    public string? FromDay { get; set; }

    public string? FromMonth { get; set; }

    public string? FromYear { get; set; }
}
