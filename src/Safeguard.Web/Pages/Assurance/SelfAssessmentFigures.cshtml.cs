using Microsoft.AspNetCore.Mvc;
using Safeguard.Assurance;
using Safeguard.Common;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Assurance;

/// <summary>The annual report's self-assessment figures for a year: return rates by sector and ratings by standard, also as JSON.</summary>
[RequirePermission("performance.view")]
public sealed class SelfAssessmentFiguresModel(SelfAssessmentFigures figures, TimeProvider time) : AssurancePageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public ReportingYear Shown { get; private set; }

    public IReadOnlyList<RoundFigures> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Shown = ChosenYear(Year, time);
        Rounds = await figures.ForYearAsync(Shown, cancellationToken);
    }

    /// <summary>The same figures as data for the annual report.</summary>
    public async Task<IActionResult> OnGetJsonAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        return new JsonResult(new
        {
            year = Shown.Name,
            rounds = Rounds.Select(r => new
            {
                kind = SelfAssessmentStandards.KindName(r.Kind),
                r.Title,
                status = r.Status.ToString(),
                r.Asked,
                r.Returned,
                returnRate = r.Rate,
                sectors = r.Sectors.Select(s => new { s.Sector, s.Asked, s.Returned, returnRate = s.Rate }),
                standards = r.Standards.Select(s => new { s.Number, s.Title, s.Red, s.Amber, s.Green }),
                challenges = r.Challenges.ToDictionary(c => c.Key.ToString(), c => c.Value),
                r.Actions,
                r.ActionsOutstanding,
            }),
        });
    }
}
