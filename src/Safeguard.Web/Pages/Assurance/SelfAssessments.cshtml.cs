using Microsoft.AspNetCore.Mvc;
using Safeguard.Assurance;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Assurance;

/// <summary>Section 11 and section 175 self-assessment rounds by year, each with its return rate; starting a new round.</summary>
[RequirePermission("assurance.manage")]
public sealed class SelfAssessmentsModel(SelfAssessmentService rounds, TimeProvider time) : AssurancePageModel
{
    public IReadOnlyList<RoundSummary> Rounds { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    [BindProperty]
    public RoundForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        SelfAssessmentRound? created = null;
        if (await TryChangeAsync(async () => created = await rounds.CreateAsync(new NewRound(Input.Title, Input.Kind, Input.YearStart), Actor, cancellationToken)))
        {
            Notice = "The round is started with the default standard. Change its questions, then send it.";
            return Redirect($"/assurance/self-assessments/{created!.Id}");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rounds = await rounds.ListAsync(cancellationToken: cancellationToken);
        var current = ReportingYear.Of(UkTime.Today(time)).StartYear;
        Years = [current + 1, current, current - 1, current - 2];
        Input.YearStart ??= current;
    }

    public sealed class RoundForm
    {
        public string? Title { get; set; }

        public SelfAssessmentKind? Kind { get; set; }

        public int? YearStart { get; set; }
    }
}
