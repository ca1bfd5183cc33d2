using Microsoft.AspNetCore.Mvc;
using Safeguard.CaseReviews;
using Safeguard.Training;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Training;

/// <summary>A course: changing it (by version), its sessions, and adding a session.</summary>
[RequirePermission("training.manage")]
public sealed class CourseModel(TrainingService training) : TrainingPageModel
{
    public TrainingCourse Course { get; private set; } = default!;

    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];

    public IReadOnlyList<LearningTheme> Themes { get; private set; } = [];

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public CourseForm Input { get; set; } = new();

    [BindProperty]
    public SessionForm Session { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = CourseForm.From(Course);
        Version = Course.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await training.GetCourseAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        if (await TryChangeAsync(() => training.UpdateCourseAsync(id, Version, Input.ToInput(), Actor, cancellationToken)))
        {
            Notice = "The course is changed.";
            return Redirect($"/training/courses/{id}");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSessionAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await training.GetCourseAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var heldOn = ReadDate("Session.HeldOn", "session's date");
        TrainingSession? added = null;
        if (await TryChangeAsync(async () => added = await training.AddSessionAsync(id, Session.ToInput(heldOn), Actor, cancellationToken), "Session"))
        {
            Notice = "The session is added: agencies can book it.";
            return Redirect($"/training/sessions/{added!.Id}");
        }

        await LoadAsync(id, cancellationToken);
        Input = CourseForm.From(Course);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await training.GetCourseAsync(id, cancellationToken) is not { } course)
        {
            return false;
        }

        Course = course;
        Sessions = await training.SessionsOfAsync(id, cancellationToken);
        Themes = await training.ThemesAsync(cancellationToken);
        return true;
    }
}
