using Microsoft.AspNetCore.Mvc;
using Safeguard.Assurance;
using Safeguard.CaseReviews;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Assurance;

/// <summary>
/// An agency's submitted self-assessment as the business unit reads it, with the challenge session's outcome recorded
/// against each answer (accepted, rating changed, action added) and the actions moved on.
/// </summary>
[RequirePermission("assurance.manage")]
public sealed class SelfAssessmentReturnModel(SelfAssessmentReturnService returns, SelfAssessmentService rounds) : AssurancePageModel
{
    public SelfAssessmentReturnView View { get; private set; } = default!;

    public IReadOnlyList<SelfAssessmentChallenge> Challenges { get; private set; } = [];

    public IReadOnlyList<SelfAssessmentAction> Actions { get; private set; } = [];

    [BindProperty]
    public ChallengeForm Panel { get; set; } = new();

    [BindProperty]
    public ActionForm Action { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostChallengeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var held = ReadDate("Panel.HeldOn", "date of the challenge session");
        var actionDue = Panel.Outcome == ChallengeOutcome.ActionAdded ? ReadDate("Panel.ActionDueOn", "action's due date") : null;
        var answer = View.Lines.FirstOrDefault(l => l.Question.Id == Panel.QuestionId).Answer;
        if (answer is null)
        {
            ModelState.AddModelError("Panel.QuestionId", "Select the question challenged");
        }

        if (await TryChangeAsync(
            () => rounds.ChallengeAsync(id, Panel.QuestionId!.Value, Panel.AnswerVersions.TryGetValue(Panel.QuestionId!.Value, out var version) ? version : answer!.Version, new ChallengeInput(held, Panel.Outcome, Panel.NewRating, Panel.Note, Panel.ActionDescription, Panel.ActionOwner, actionDue), Actor, cancellationToken),
            "Panel"))
        {
            Notice = "The challenge's outcome is recorded.";
            return Redirect($"/assurance/self-assessments/returns/{id}");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostActionAsync(Guid id, Guid actionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Actions.All(a => a.Id != actionId))
        {
            return NotFound();
        }

        if (await TryChangeAsync(() => rounds.UpdateActionAsync(actionId, Action.Version, Action.Status, Action.Evidence, Actor, cancellationToken), "Action"))
        {
            Notice = "The action is updated.";
            return Redirect($"/assurance/self-assessments/returns/{id}");
        }

        FailedActionId = actionId;
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    /// <summary>The action whose update was refused, so its form shows the errors and what was entered.</summary>
    public Guid? FailedActionId { get; private set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await returns.GetAsync(id, Actor, anyAgency: true, cancellationToken) is not { } view || !view.Return.IsSubmitted)
        {
            return false;
        }

        View = view;
        Challenges = await rounds.ChallengesAsync(id, cancellationToken);
        Actions = [.. (await rounds.ActionsAsync(view.Round.Id, cancellationToken)).Where(a => a.ReturnId == id)];
        return true;
    }

    public sealed class ChallengeForm
    {
        public Guid? QuestionId { get; set; }

        /// <summary>Each answer's version as the page showed it, so a challenge recorded meanwhile is detected.</summary>
        public Dictionary<Guid, int> AnswerVersions { get; set; } = [];

        public ChallengeOutcome? Outcome { get; set; }

        public RagRating? NewRating { get; set; }

        public string? Note { get; set; }

        public string? ActionDescription { get; set; }

        public string? ActionOwner { get; set; }
    }

    public sealed class ActionForm
    {
        public int Version { get; set; }

        public ReviewActionStatus? Status { get; set; }

        public string? Evidence { get; set; }
    }
}
