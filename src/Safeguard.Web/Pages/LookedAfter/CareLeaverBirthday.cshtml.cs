using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>The birthday form's fields, as typed.</summary>
public sealed class BirthdayInput
{
    public string? InTouch { get; set; }

    public string? Activity { get; set; }

    public string? Accommodation { get; set; }
}

/// <summary>Record or change the OC3 information for one of the 17th to 21st birthdays: in touch, activity, accommodation.</summary>
[RequirePermission("lookedafter.manage")]
public sealed class CareLeaverBirthdayModel(LookedAfterService lookedAfter, CareLeaverService careLeavers, PersonIndex people, Persistence.SafeguardDbContext db) : CareLeaverPageModel(lookedAfter, people)
{
    [BindProperty]
    public BirthdayInput Input { get; set; } = new();

    /// <summary>The version of the birthday's information read; blank when none was recorded.</summary>
    [BindProperty]
    public int? RecordVersion { get; set; }

    public int Age { get; private set; }

    public static List<SelectListItem> Items(IReadOnlyList<CodeName> list) =>
        [new SelectListItem("Select", ""), .. list.Select(c => new SelectListItem($"{c.Code}: {c.Name}", c.Code))];

    public async Task<IActionResult> OnGetAsync(Guid id, int age, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, age, cancellationToken))
        {
            return NotFound();
        }

        var contact = await db.Set<CareLeaverContact>().AsNoTracking().FirstOrDefaultAsync(c => c.PersonId == id && c.Birthday == age, cancellationToken);
        RecordVersion = contact?.Version;
        if (contact is not null)
        {
            Input = new BirthdayInput { InTouch = contact.InTouch, Activity = contact.Activity, Accommodation = contact.Accommodation };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int age, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, age, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var details = new CareLeaverContactDetails
        {
            Birthday = age,
            ContactedOn = ReadDate("Input.ContactedOn", "date the information was obtained"),
            InTouch = Input.InTouch,
            Activity = Input.Activity,
            Accommodation = Input.Accommodation,
        };
        return await SaveAsync(() => careLeavers.RecordContactAsync(id, RecordVersion, details, Actor, cancellationToken), $"The {CareLeaverService.Ordinal(age)} birthday's information is recorded.");
    }

    private async Task<bool> LoadAsync(Guid id, int age, CancellationToken cancellationToken)
    {
        Age = age;
        return age is >= CareLeaverService.FirstBirthday and <= CareLeaverService.LastBirthday && await LoadChildAsync(id, cancellationToken);
    }
}
