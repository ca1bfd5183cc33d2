using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Timescales;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>What the looked-after pages share: the child, the version carried by a change, and the SSDA903 code lists as choices.</summary>
public abstract class LookedAfterPageModel(LookedAfterService lookedAfter, PersonIndex people) : ChildAreaPageModel(people)
{
    protected LookedAfterService LookedAfter => lookedAfter;

    public override string Back => $"/people/{ChildId}/looked-after";

    /// <summary>The code lists in force today (UK date, from the app's clock).</summary>
    public LookedAfterCodes Codes => LookedAfterCodes.On(UkTime.Today(HttpContext.RequestServices.GetRequiredService<TimeProvider>()));

    /// <summary>A code list as select items, each with its code and display name, after a blank first choice.</summary>
    public List<SelectListItem> Items(string list, string blank = "Select") =>
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
