using Microsoft.AspNetCore.Mvc;
using Safeguard.ComplexSafeguarding;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Missing;

/// <summary>Record the return home interview after an episode, or change it (carrying the interview's version).</summary>
[RequirePermission("missing.manage")]
public sealed class InterviewModel(MissingEpisodeService missing, TimeProvider time) : SafeguardPageModel
{
    public EpisodeView View { get; private set; } = default!;

    [BindProperty]
    public InterviewInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (View.Episode.Interview is { } i)
        {
            (Input.OfferedDay, Input.OfferedMonth, Input.OfferedYear, Input.OfferedTime) = MissingForm.Fields(i.OfferedAt);
            if (i.HeldAt is { } held)
            {
                (Input.HeldDay, Input.HeldMonth, Input.HeldYear, Input.HeldTime) = MissingForm.Fields(held);
            }

            Input.Interviewer = i.Interviewer;
            Input.Organisation = i.Organisation;
            Input.Independent = i.Independent ? "yes" : "no";
            Input.Outcome = i.Outcome.ToString();
            Input.Reason = i.Reason;
            Input.PushFactors = i.PushFactors;
            Input.PullFactors = i.PullFactors;
            Input.WhereTheyWere = i.WhereTheyWere;
            Input.WithWhom = i.WithWhom;
            Input.Notes = i.Notes;
            Version = i.Version;
        }
        else
        {
            (Input.OfferedDay, Input.OfferedMonth, Input.OfferedYear, Input.OfferedTime) = MissingForm.Fields(time.GetUtcNow());
            Input.Interviewer = Actor.Name;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var details = MissingForm.Interview(Input, ModelState);
        if (ModelState.IsValid)
        {
            try
            {
                await missing.RecordInterviewAsync(id, Version, details, Actor, cancellationToken);
                Notice = "The return home interview is recorded.";
                return Redirect($"/missing/episodes/{id}");
            }
            catch (Common.SafeguardValidationException ex)
            {
                MissingForm.Show(ex, ModelState);
            }
            catch (Common.ConcurrencyConflictException ex)
            {
                ShowConflict(ex);
            }
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await missing.GetAsync(id, Actor, cancellationToken) is not { Episode.PersonId: not null } view)
        {
            return false;
        }

        View = view;
        return true;
    }
}
