using Safeguard.Auditing;
using Safeguard.Identity;
using Safeguard.Persistence;

namespace Safeguard.Lado;

/// <summary>
/// Who may read and change allegations (ADR 0049): a user whose roles grant <c>lado.view</c> reads them,
/// <c>lado.manage</c> changes them, <c>lado.figures</c> sees the aggregate figures. The check is made here, in Core,
/// as well as on the pages, so the worker's identity cannot leak through another host. The system actor (the command
/// line, run by whoever holds the database) passes.
/// </summary>
public static class LadoAccess
{
    public static async Task DemandAsync(SafeguardDbContext db, Actor actor, Permission permission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.UserId is not { } userId)
        {
            if (actor == Actor.Anonymous)
            {
                throw new LadoAccessRefusedException(permission);
            }

            return;
        }

        if (!await UserPermissions.HoldsAsync(db, userId, permission, cancellationToken))
        {
            throw new LadoAccessRefusedException(permission);
        }
    }
}

/// <summary>The actor's roles do not grant what a LADO record needs.</summary>
public sealed class LadoAccessRefusedException : Exception
{
    public LadoAccessRefusedException(Permission permission)
        : base($"Only the designated officer (LADO) may do this: it needs the permission '{permission?.Name}'.")
    {
        Permission = permission?.Name ?? "";
    }

    public LadoAccessRefusedException()
    {
        Permission = "";
    }

    public LadoAccessRefusedException(string message)
        : base(message)
    {
        Permission = "";
    }

    public LadoAccessRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Permission = "";
    }

    public string Permission { get; }
}
