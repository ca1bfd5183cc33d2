using Safeguard.Auditing;
using Safeguard.Identity;
using Safeguard.Persistence;

namespace Safeguard.Escalations;

/// <summary>
/// Who may read and change an escalation (ADR 0073): the business unit (<c>assurance.manage</c>) every one; a member of
/// staff holding <c>escalations.raise</c> only those their own agency raised or had raised with it. The check is made in
/// Core as well as on the pages. The system actor (the command line) passes.
/// </summary>
public static class EscalationAccess
{
    /// <summary>What the actor may do: see every escalation (the business unit), or only their agency's; null when nothing.</summary>
    public static async Task<EscalationReach?> ReachAsync(SafeguardDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.UserId is not { } userId)
        {
            return actor == Actor.Anonymous ? null : EscalationReach.All;
        }

        if (await UserPermissions.HoldsAsync(db, userId, Permissions.ManageAssurance, cancellationToken))
        {
            return EscalationReach.All;
        }

        return actor.AgencyId is not null && await UserPermissions.HoldsAsync(db, userId, Permissions.RaiseEscalations, cancellationToken)
            ? EscalationReach.OwnAgency
            : null;
    }

    public static async Task<EscalationReach> DemandAsync(SafeguardDbContext db, Actor actor, CancellationToken cancellationToken) =>
        await ReachAsync(db, actor, cancellationToken) ?? throw new EscalationAccessRefusedException();
}

/// <summary>How far an actor's reading of escalations reaches.</summary>
public enum EscalationReach
{
    /// <summary>Only those raised by or with the actor's agency.</summary>
    OwnAgency,

    /// <summary>Every escalation (the business unit, the command line).</summary>
    All,
}

/// <summary>The actor's roles do not let them read or change escalations.</summary>
public sealed class EscalationAccessRefusedException : Exception
{
    public EscalationAccessRefusedException()
        : base("Only the agencies in a professional disagreement and the partnership's business unit may see it.")
    {
    }

    public EscalationAccessRefusedException(string message)
        : base(message)
    {
    }

    public EscalationAccessRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
