using Microsoft.AspNetCore.Mvc;
using Safeguard.Escalations;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Escalations;

/// <summary>What the escalation pages of an agency share: the escalation read (audited) for the user's agency, and saving a step.</summary>
public abstract class EscalationStepModel(EscalationService escalations) : SafeguardPageModel
{
    protected EscalationService Escalations { get; } = escalations;

    public EscalationView View { get; private set; } = default!;

    [BindProperty]
    public int Version { get; set; }

    /// <summary>Where the escalation's page is: the agency's (<c>/my-agency/escalations</c>) or the business unit's.</summary>
    public virtual string Home => "/my-agency/escalations";

    /// <summary>True when the user's agency raised it; false when it was raised with them.</summary>
    public bool Raiser => View.Escalation.RaisedByAgencyId == Actor.AgencyId;

    protected async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Escalations.GetAsync(id, Actor, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        return true;
    }

    /// <summary>Makes the change; a refusal is shown beside its fields (Core's field names are the form's, under Input).</summary>
    protected async Task<IActionResult> SaveAsync(Guid id, Func<Task> change, string notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await TryChangeAsync(change))
        {
            Notice = notice;
            return Redirect($"{Home}/{id}");
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }
}

/// <summary>One escalation of the user's agency, with what they can do next: respond (the agency raised with), escalate, close.</summary>
[RequirePermission("escalations.raise")]
public sealed class RecordModel(EscalationService escalations) : EscalationStepModel(escalations)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();
}
