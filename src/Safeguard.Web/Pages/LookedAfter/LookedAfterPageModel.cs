using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Timescales;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>What the looked-after pages share: the child, the version carried by a change, and the SSDA903 code lists as choices.</summary>
public abstract class LookedAfterPageModel(LookedAfterService lookedAfter, PersonIndex people) : SafeguardPageModel
{
    protected LookedAfterService LookedAfter => lookedAfter;

    public Guid ChildId { get; private set; }

    public string ChildName { get; private set; } = "";

    [BindProperty]
    public int Version { get; set; }

    public string Back => $"/people/{ChildId}/looked-after";

    /// <summary>The code lists in force today.</summary>
    public static LookedAfterCodes Codes => LookedAfterCodes.On(DateOnly.FromDateTime(DateTime.UtcNow));

    /// <summary>Loads the child the actor may see; false when there is none.</summary>
    protected async Task<bool> LoadChildAsync(Guid id, CancellationToken cancellationToken)
    {
        var child = await people.Visible(Actor).Where(p => p.Id == id && p.Kind == PersonKind.Child && p.MergedIntoId == null)
            .Select(p => new { p.Id, p.DisplayName })
            .FirstOrDefaultAsync(cancellationToken);
        if (child is null)
        {
            return false;
        }

        (ChildId, ChildName) = (child.Id, child.DisplayName);
        return true;
    }

    /// <summary>Saves through <paramref name="change"/>; on success goes back to the child's looked-after page with <paramref name="notice"/>.</summary>
    protected async Task<IActionResult> SaveAsync(Func<Task> change, string notice)
    {
        if (await TryChangeAsync(change))
        {
            Notice = notice;
            return Redirect(Back);
        }

        return Page();
    }

    /// <summary>A code list as select items, each with its code and display name, after a blank first choice.</summary>
    public static List<SelectListItem> Items(string list, string blank = "Select") =>
        [new SelectListItem(blank, ""), .. Codes.List(list).Select(c => new SelectListItem($"{c.Code}: {c.Name}", c.Code))];

    public async Task<List<SelectListItem>> IroItemsAsync(CancellationToken cancellationToken) =>
        [new SelectListItem("Select", ""), .. (await LookedAfter.IroChoices().ToListAsync(cancellationToken)).Select(c => new SelectListItem(c.Name, c.UserId.ToString()))];

    /// <summary>A deadline in words: overdue, due today, or due by its date.</summary>
    public static string Due(DeadlineAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var due = Date(assessment.Deadline.DueDate);
        return assessment.Status switch
        {
            DeadlineStatus.Overdue => $"overdue, was due {due}",
            DeadlineStatus.DueToday => "due today",
            DeadlineStatus.MetOnTime => $"on time (due {due})",
            DeadlineStatus.MetLate => $"late (due {due})",
            _ => $"due by {due}",
        };
    }

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) ?? "";
}
