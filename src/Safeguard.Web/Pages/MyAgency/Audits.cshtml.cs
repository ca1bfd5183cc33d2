using Safeguard.Assurance;
using Safeguard.Calendar;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.MyAgency;

/// <summary>The multi-agency audit returns asked of the user's agency, outstanding first.</summary>
[RequirePermission("assurance.answer")]
public sealed class AuditsModel(AuditReturnService returns, TimeProvider time) : SafeguardPageModel
{
    public IReadOnlyList<(AuditReturn Return, MultiAgencyAudit Audit, int CaseNumber)> Returns { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = UkTime.Today(time);
        Returns = await returns.ForAgencyAsync(Actor, cancellationToken);
    }
}
