using Microsoft.AspNetCore.Mvc;
using Safeguard.Journey;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Casework;

/// <summary>Start an assessment, or complete (authorise) the open one with the factors identified.</summary>
[RequirePermission("casework.manage")]
public sealed class AssessmentModel(CaseworkService casework) : CaseworkPageModel(casework)
{
    public CaseAssessment? Open => Episode?.Assessments.FirstOrDefault(a => a.IsOpen);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return Episode is null ? NoOpenEpisode() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Episode is not { } episode)
        {
            return NoOpenEpisode();
        }

        var seen = DateFrom("ChildSeenDate", "date the child was seen");
        if (Open is { } open)
        {
            var authorised = DateFrom("AuthorisationDate", "date the assessment was authorised");
            return await SaveAsync(
                () => Casework.CompleteAssessmentAsync(episode.Id, Version, open.Id, seen, authorised, Input.Factors, Actor, cancellationToken),
                "The assessment is completed.", cancellationToken);
        }

        var start = DateFrom("StartDate", "date the assessment started");
        return await SaveAsync(
            () => Casework.StartAssessmentAsync(episode.Id, Version, start, seen, Actor, cancellationToken),
            "The assessment is started.", cancellationToken);
    }
}
