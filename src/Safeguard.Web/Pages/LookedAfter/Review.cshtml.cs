using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>The review form's fields, as typed.</summary>
public sealed class ReviewInput
{
    public string? IroUserId { get; set; }

    public string? Participation { get; set; }

    public string? Decisions { get; set; }
}

/// <summary>Record a looked-after review, or change one.</summary>
[RequirePermission("lookedafter.manage")]
public sealed class ReviewModel(LookedAfterService lookedAfter, PersonIndex people) : LookedAfterPageModel(lookedAfter, people)
{
    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    public LookedAfterReview? Existing { get; private set; }

    public List<SelectListItem> Iros { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? reviewId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, reviewId, cancellationToken))
        {
            return NotFound();
        }

        if (Existing is { } r)
        {
            Input = new ReviewInput { IroUserId = r.IroUserId?.ToString(), Participation = r.Participation, Decisions = r.Decisions };
            PrefillDateInput("Input.HeldOn", r.HeldOn);
            Version = r.Version;
        }
        else if (await LookedAfter.ForChildAsync(id, Actor, cancellationToken) is { Current: { } current })
        {
            Input.IroUserId = current.IroUserId?.ToString();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? reviewId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, reviewId, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var details = new ReviewDetails
        {
            HeldOn = ReadDate("Input.HeldOn", "date of the review"),
            IroUserId = Guid.TryParse(Input.IroUserId, out var iro) ? iro : null,
            Participation = Input.Participation,
            Decisions = Input.Decisions,
        };
        return Existing is null
            ? await SaveAsync(() => LookedAfter.RecordReviewAsync(id, details, Actor, cancellationToken), "The review is recorded.")
            : await SaveAsync(() => LookedAfter.ChangeReviewAsync(Existing.Id, Version, details, Actor, cancellationToken), "The review is changed.");
    }

    private async Task<bool> LoadAsync(Guid id, Guid? reviewId, CancellationToken cancellationToken)
    {
        if (!await LoadChildAsync(id, cancellationToken))
        {
            return false;
        }

        Iros = await IroItemsAsync(cancellationToken);
        if (reviewId is { } rid)
        {
            Existing = await LookedAfter.GetReviewAsync(rid, Actor, cancellationToken);
            return Existing?.PersonId == id;
        }

        return true;
    }
}
