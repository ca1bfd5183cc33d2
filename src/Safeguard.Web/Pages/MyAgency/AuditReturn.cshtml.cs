using Microsoft.AspNetCore.Mvc;
using Safeguard.Assurance;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.MyAgency;

/// <summary>One audit return for the user's agency: the child, the audit's questions, the grade and the evidence; saved or submitted.</summary>
[RequirePermission("assurance.answer")]
public sealed class AuditReturnModel(AuditReturnService returns) : SafeguardPageModel
{
    public AgencyReturnView View { get; private set; } = default!;

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public ReturnForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new ReturnForm { Answers = View.Lines.ToDictionary(l => l.Question.Number, l => l.Answer), Grade = View.Return.Grade, Evidence = View.Return.Evidence };
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

        var answers = View.Lines.ToDictionary(l => l.Question.Id, l => Input.Answers.GetValueOrDefault(l.Question.Number));
        if (await TryChangeAsync(() => returns.SaveAsync(id, Version, answers, Input.Grade, Input.Evidence, submit, Actor, cancellationToken), "Input"))
        {
            Notice = submit ? "Your return is submitted. Thank you." : "Your answers are saved. Submit the return when it is complete.";
            return Redirect(submit ? "/my-agency/audits" : $"/my-agency/audits/{id}");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await returns.GetAsync(id, Actor, cancellationToken) is not { } view)
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
        public Dictionary<int, string?> Answers { get; set; } = [];

        public string? Grade { get; set; }

        public string? Evidence { get; set; }
    }
}
