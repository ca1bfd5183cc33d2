using Safeguard.Assurance;
using Safeguard.Calendar;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.MyAgency;

/// <summary>The section 11 or section 175 self-assessments asked of the user's agency or school, open rounds first.</summary>
[RequirePermission("assurance.answer")]
public sealed class SelfAssessmentsModel(SelfAssessmentReturnService returns, TimeProvider time) : SafeguardPageModel
{
    public IReadOnlyList<(SelfAssessmentReturn Return, SelfAssessmentRound Round)> Returns { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = UkTime.Today(time);
        Returns = await returns.ForAgencyAsync(Actor, cancellationToken);
    }
}
