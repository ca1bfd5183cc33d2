using Microsoft.AspNetCore.Mvc;
using Safeguard.Assurance;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.MyAgency;

/// <summary>The agency's self-assessment return: per question of the standard a RAG rating, evidence and an action; saved or submitted.</summary>
[RequirePermission("assurance.answer")]
public sealed class SelfAssessmentReturnModel(SelfAssessmentReturnService returns) : SafeguardPageModel
{
    public SelfAssessmentReturnView View { get; private set; } = default!;

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public ReturnForm Input { get; set; } = new();

    public bool CanAnswer => !View.Return.IsSubmitted && View.Round.Status == SelfAssessmentStatus.Open;

    public static string Key(SelfAssessmentQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return $"Q{question.StandardNumber}_{question.Number}";
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new ReturnForm
        {
            Answers = View.Lines.ToDictionary(l => Key(l.Question), l => new AnswerForm { Rating = l.Answer?.Rating?.ToString(), Evidence = l.Answer?.Evidence, Action = l.Answer?.Action }),
        };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken) => SaveAsync(id, submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) => SaveAsync(id, submit: true, cancellationToken);

    private async Task<IActionResult> SaveAsync(Guid id, bool submit, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var answers = View.Lines.ToDictionary(l => l.Question.Id, l => Input.Answers.GetValueOrDefault(Key(l.Question)) is { } a ? new AnswerInput(a.Rating, a.Evidence, a.Action) : new AnswerInput(null, null, null));
        if (await TryChangeAsync(() => returns.SaveAsync(id, Version, answers, submit, Actor, cancellationToken), "Input"))
        {
            Notice = submit ? "Your self-assessment is submitted. Thank you." : "Your answers are saved. Submit the self-assessment when it is complete.";
            return Redirect(submit ? "/my-agency/self-assessments" : $"/my-agency/self-assessments/{id}");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await returns.GetAsync(id, Actor, cancellationToken: cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        if (!Request.HasFormContentType)
        {
            Version = view.Return.Version;
        }

        return true;
    }

    public sealed class ReturnForm
    {
        public Dictionary<string, AnswerForm> Answers { get; set; } = [];
    }

    public sealed class AnswerForm
    {
        public string? Rating { get; set; }

        public string? Evidence { get; set; }

        public string? Action { get; set; }
    }
}
