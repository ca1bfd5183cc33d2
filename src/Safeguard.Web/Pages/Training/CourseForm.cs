using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.CaseReviews;
using Safeguard.Training;

namespace Safeguard.Web.Pages.Training;

/// <summary>A course's fields as typed.</summary>
public sealed class CourseForm
{
    public string? Title { get; set; }

    public string? LearningOutcomes { get; set; }

    public string? Audience { get; set; }

    public Guid? LearningThemeId { get; set; }

    /// <summary>"yes" while the course is offered.</summary>
    public string? Active { get; set; } = "yes";

    public CourseInput ToInput() => new(Title, LearningOutcomes, Audience, LearningThemeId, Active != "no");

    public static CourseForm From(TrainingCourse course)
    {
        ArgumentNullException.ThrowIfNull(course);
        return new() { Title = course.Title, LearningOutcomes = course.LearningOutcomes, Audience = course.Audience, LearningThemeId = course.LearningThemeId, Active = course.IsActive ? "yes" : "no" };
    }

    public static IEnumerable<SelectListItem> ThemeItems(IReadOnlyList<LearningTheme> themes, Guid? selected) =>
        new[] { new SelectListItem("None", "", selected is null) }.Concat(themes.Select(t => new SelectListItem(t.Name, t.Id.ToString(), t.Id == selected)));
}

/// <summary>A session's fields as typed (the date is read from its GOV.UK date input).</summary>
public sealed class SessionForm
{
    /// <summary>"online" or "venue".</summary>
    public string? Mode { get; set; }

    public string? Venue { get; set; }

    public string? Trainer { get; set; }

    public int? Places { get; set; }

    public SessionInput ToInput(DateOnly? heldOn) => new(heldOn, Mode == "online", Venue, Trainer, Places);
}
