using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Assurance;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Assurance;

/// <summary>
/// A self-assessment round: its standard (questions grouped by standard, changed while a draft), sending it to agencies
/// or schools with a due date, who still owes (with reminders), return rates by sector, and closing it.
/// </summary>
[RequirePermission("assurance.manage")]
public sealed class SelfAssessmentModel(SelfAssessmentService rounds, SelfAssessmentFigures figures, SafeguardDbContext db) : AssurancePageModel
{
    public SelfAssessmentRound Round { get; private set; } = default!;

    public IReadOnlyList<ReturnRow> Returns { get; private set; } = [];

    public RoundFigures? Figures { get; private set; }

    public IReadOnlyList<SelfAssessmentAction> Actions { get; private set; } = [];

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public QuestionForm Question { get; set; } = new();

    [BindProperty]
    public SendForm Send { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostQuestionAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Question", () => rounds.SaveQuestionAsync(id, Version, new QuestionInput(Question.QuestionId, Question.StandardNumber, Question.StandardTitle, Question.Text), Actor, cancellationToken),
            Question.QuestionId is null ? "The question is added." : "The question is changed.", cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid questionId, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Question", () => rounds.RemoveQuestionAsync(id, Version, questionId, Actor, cancellationToken), "The question is removed.", cancellationToken);

    public Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken cancellationToken)
    {
        var due = ReadDate("Send.DueOn", "due date");
        return ChangeAsync(id, "Send", () => rounds.SendAsync(id, Version, Send.AgencyIds, due, Actor, cancellationToken), "The round is sent: each agency answers it from its own pages.", cancellationToken);
    }

    public Task<IActionResult> OnPostRemindAsync(Guid id, Guid returnId, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Remind", () => rounds.RemindAsync(returnId, Version, Actor, cancellationToken), "The reminder is logged.", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Close", () => rounds.CloseAsync(id, Version, Actor, cancellationToken), "The round is closed.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, string prefix, Func<Task> change, string notice, CancellationToken cancellationToken)
    {
        if (await rounds.GetAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        if (await TryChangeAsync(change, prefix))
        {
            Notice = notice;
            return Redirect($"/assurance/self-assessments/{id}");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await rounds.GetAsync(id, cancellationToken) is not { } round)
        {
            return false;
        }

        Round = round;
        if (!Request.HasFormContentType)
        {
            Version = round.Version;
        }

        Returns = await rounds.ReturnsAsync(id, cancellationToken);
        Figures = (await figures.ForYearAsync(round.Year, cancellationToken)).FirstOrDefault(f => f.Kind == round.Kind);
        Actions = await rounds.ActionsAsync(id, cancellationToken);
        var schools = round.Kind == SelfAssessmentKind.Section175;
        Agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive && (a.Type == AgencyType.School) == schools).OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return true;
    }

    public sealed class QuestionForm
    {
        public Guid? QuestionId { get; set; }

        public int? StandardNumber { get; set; }

        public string? StandardTitle { get; set; }

        public string? Text { get; set; }
    }

    public sealed class SendForm
    {
        public List<Guid> AgencyIds { get; set; } = [];
    }
}
