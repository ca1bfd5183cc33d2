using Microsoft.AspNetCore.Mvc;
using Safeguard.Common;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.People;

/// <summary>
/// Add a child: one question per page (name, date of birth, sex and ethnicity, identifiers, address), then
/// check your answers with any possible duplicates to rule out, then save. Answers travel in the form, so
/// nothing is stored until the last step.
/// </summary>
[RequirePermission("people.manage")]
public sealed class NewModel(PersonIndex index) : SafeguardPageModel
{
    private static readonly string[] StepOrder = ["name", "date-of-birth", "details", "identifiers", "address", "check"];

    public static IReadOnlyList<string> Steps => StepOrder;

    [BindProperty]
    public NewChildInput Input { get; set; } = new();

    [BindProperty]
    public string? Step { get; set; } = "name";

    [BindProperty]
    public List<Guid> ConfirmedDifferent { get; set; } = [];

    public IReadOnlyList<PossibleDuplicate> Duplicates { get; private set; } = [];

    public void OnGet() => Step = "name";

    /// <summary>Continue from the current step to the next, after checking its answers.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Step is null || !Steps.Contains(Step))
        {
            Step = "name";
            return Page();
        }

        CheckStep(Step);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Step = Steps[Math.Min(Steps.Count - 1, Array.IndexOf(StepOrder, Step) + 1)];
        if (Step == "check")
        {
            await FindDuplicatesAsync(cancellationToken);
        }

        return Page();
    }

    /// <summary>A "Change" link on the check answers page: back to that question with the answers kept.</summary>
    public IActionResult OnPostChange(string goTo)
    {
        ModelState.Clear();
        Step = Steps.Contains(goTo) && goTo != "check" ? goTo : "name";
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        foreach (var step in Steps)
        {
            CheckStep(step);
        }

        if (!ModelState.IsValid)
        {
            Step = FirstStepWithError();
            return Page();
        }

        try
        {
            var person = await index.CreateAsync(Input.ToNewPerson(), ConfirmedDifferent, Actor, cancellationToken);
            Notice = $"{person.DisplayName} is added.";
            return Redirect($"/people/{person.Id}");
        }
        catch (PossibleDuplicatesException ex)
        {
            Step = "check";
            await FindDuplicatesAsync(cancellationToken);
            ModelState.AddModelError("ConfirmedDifferent", ex.Candidates.Count == 1
                ? $"Check whether {ex.Candidates[0].Name} is this child; confirm they are a different person before adding"
                : "Check each record that looks like this child; confirm each is a different person before adding");
        }
        catch (SafeguardValidationException ex)
        {
            foreach (var problem in ex.Problems)
            {
                ModelState.AddModelError(NewChildInput.FieldFor(problem.Field), problem.Message);
            }

            Step = FirstStepWithError();
        }

        return Page();
    }

    private async Task FindDuplicatesAsync(CancellationToken cancellationToken) =>
        Duplicates = await index.FindPossibleDuplicatesAsync(Input.ToNewPerson(), Actor, cancellationToken);

    private string FirstStepWithError() =>
        Steps.FirstOrDefault(s => ModelState.Where(e => e.Value?.Errors.Count > 0).Any(e => NewChildInput.StepOf(e.Key) == s)) ?? "check";

    private void CheckStep(string step)
    {
        void Problem(string field, string message) => ModelState.AddModelError($"Input.{field}", message);
        switch (step)
        {
            case "name":
                if (string.IsNullOrWhiteSpace(Input.GivenNames))
                {
                    Problem(nameof(Input.GivenNames), "Enter the child's given names");
                }

                if (string.IsNullOrWhiteSpace(Input.FamilyName))
                {
                    Problem(nameof(Input.FamilyName), "Enter the child's family name");
                }

                if (string.IsNullOrWhiteSpace(Input.OtherGivenNames) != string.IsNullOrWhiteSpace(Input.OtherFamilyName))
                {
                    Problem(nameof(Input.OtherGivenNames), "Enter both parts of the other name, or leave both empty");
                }

                break;
            case "date-of-birth":
                if (Input.Unborn is not ("yes" or "no"))
                {
                    Problem(nameof(Input.Unborn), "Select whether the child is born yet");
                    break;
                }

                var label = Input.Unborn == "yes" ? "expected date of birth" : "date of birth";
                var date = PeopleForm.ParseDate(Input.DateOfBirthDay, Input.DateOfBirthMonth, Input.DateOfBirthYear, label, out var error);
                if (error is not null)
                {
                    Problem("DateOfBirth", error);
                }
                else if (date is null)
                {
                    Problem("DateOfBirth", $"Enter the {label}");
                }

                break;
            case "details":
                if (!PersonCodes.IsSex(Input.Sex))
                {
                    Problem(nameof(Input.Sex), "Select the child's sex: male, female or not known");
                }

                break;
            case "identifiers":
                if (!string.IsNullOrWhiteSpace(Input.Upn) && !UniquePupilNumber.IsValid(UniquePupilNumber.Normalise(Input.Upn)))
                {
                    Problem(nameof(Input.Upn), "The UPN must be 13 characters, a letter then 11 digits then a digit or letter, with the right check letter");
                }

                if (!string.IsNullOrWhiteSpace(Input.NhsNumber) && !NhsNumber.IsValid(NhsNumber.Normalise(Input.NhsNumber)))
                {
                    Problem(nameof(Input.NhsNumber), "The NHS number must be 10 digits with the right check digit, like 943 476 5919");
                }

                break;
            case "address":
                if (!Input.HasAddress)
                {
                    break;
                }

                if (string.IsNullOrWhiteSpace(Input.AddressLine1))
                {
                    Problem(nameof(Input.AddressLine1), "Enter the first line of the address");
                }

                if (UkPostcode.Normalise(Input.Postcode) is null)
                {
                    Problem(nameof(Input.Postcode), "Enter a UK postcode, like SW1A 1AA");
                }

                var movedIn = PeopleForm.ParseDate(Input.MovedInDay, Input.MovedInMonth, Input.MovedInYear, "date they moved in", out var movedError);
                if (movedError is not null)
                {
                    Problem("MovedIn", movedError);
                }
                else if (movedIn is null)
                {
                    Problem("MovedIn", "Enter the date they moved in (an estimate will do)");
                }

                break;
        }
    }
}

/// <summary>The answers of the add-a-child journey, as typed.</summary>
public sealed class NewChildInput
{
    public string? GivenNames { get; set; }

    public string? FamilyName { get; set; }

    public string? OtherNameKind { get; set; }

    public string? OtherGivenNames { get; set; }

    public string? OtherFamilyName { get; set; }

    public string? Unborn { get; set; }

    public string? DateOfBirthDay { get; set; }

    public string? DateOfBirthMonth { get; set; }

    public string? DateOfBirthYear { get; set; }

    public string? Sex { get; set; }

    public string? Ethnicity { get; set; }

    public List<string> Disabilities { get; set; } = [];

    public string? Upn { get; set; }

    public string? NhsNumber { get; set; }

    public string? CouncilChildId { get; set; }

    public string? AddressLine1 { get; set; }

    public string? AddressLine2 { get; set; }

    public string? Town { get; set; }

    public string? Postcode { get; set; }

    public string? MovedInDay { get; set; }

    public string? MovedInMonth { get; set; }

    public string? MovedInYear { get; set; }

    public bool HasAddress => !string.IsNullOrWhiteSpace(AddressLine1) || !string.IsNullOrWhiteSpace(Postcode)
        || !string.IsNullOrWhiteSpace(Town) || !string.IsNullOrWhiteSpace(MovedInYear);

    public DateOnly? Date => PeopleForm.ParseDate(DateOfBirthDay, DateOfBirthMonth, DateOfBirthYear, "date of birth", out _);

    public DateOnly? MovedIn => PeopleForm.ParseDate(MovedInDay, MovedInMonth, MovedInYear, "date they moved in", out _);

    /// <summary>The journey step that asks for a form field (Core's field names are mapped first by <see cref="FieldFor"/>).</summary>
    public static string StepOf(string key) => key.Replace("Input.", "", StringComparison.Ordinal) switch
    {
        "GivenNames" or "FamilyName" or "OtherGivenNames" or "OtherFamilyName" or "OtherNameKind" => "name",
        "Unborn" or "DateOfBirth" => "date-of-birth",
        "Sex" or "Ethnicity" or "Disabilities" => "details",
        "Upn" or "NhsNumber" or "CouncilChildId" => "identifiers",
        "AddressLine1" or "Postcode" or "MovedIn" => "address",
        _ => "check",
    };

    /// <summary>The form field a problem reported by the person index belongs to.</summary>
    public static string FieldFor(string coreField) => "Input." + coreField switch
    {
        "ExpectedDateOfBirth" => "DateOfBirth",
        "Address.Line1" => "AddressLine1",
        "Address.Postcode" => "Postcode",
        "Address.From" or "Address.To" => "MovedIn",
        var f when f.StartsWith("OtherNames", StringComparison.Ordinal) => "OtherGivenNames",
        var f => f,
    };

    public NewPerson ToNewPerson() => new()
    {
        Kind = PersonKind.Child,
        GivenNames = GivenNames ?? "",
        FamilyName = FamilyName ?? "",
        DateOfBirth = Unborn == "yes" ? null : Date,
        ExpectedDateOfBirth = Unborn == "yes" ? Date : null,
        Sex = Sex ?? "",
        Ethnicity = string.IsNullOrWhiteSpace(Ethnicity) ? null : Ethnicity,
        Disabilities = Disabilities,
        Upn = Upn,
        NhsNumber = NhsNumber,
        CouncilChildId = CouncilChildId,
        Address = HasAddress && MovedIn is { } from
            ? new NewAddress(AddressLine1 ?? "", AddressLine2, Town, Postcode ?? "", from)
            : null,
        OtherNames = string.IsNullOrWhiteSpace(OtherGivenNames) || string.IsNullOrWhiteSpace(OtherFamilyName)
            ? []
            : [new NewName(OtherNameKind == "Previous" ? PersonNameKind.Previous : PersonNameKind.Alias, OtherGivenNames, OtherFamilyName)],
    };
}
