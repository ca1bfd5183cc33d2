using Microsoft.AspNetCore.Mvc;
using Safeguard.CaseReviews;
using Safeguard.Training;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Training;

/// <summary>Adds a course: its title, learning outcomes, audience and the case reviews' learning theme it answers.</summary>
[RequirePermission("training.manage")]
public sealed class NewCourseModel(TrainingService training) : TrainingPageModel
{
    [BindProperty]
    public CourseForm Input { get; set; } = new();

    public IReadOnlyList<LearningTheme> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Themes = await training.ThemesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        TrainingCourse? created = null;
        if (await TryChangeAsync(async () => created = await training.CreateCourseAsync(Input.ToInput(), Actor, cancellationToken)))
        {
            Notice = "The course is added. Add its sessions.";
            return Redirect($"/training/courses/{created!.Id}");
        }

        Themes = await training.ThemesAsync(cancellationToken);
        return Page();
    }
}
