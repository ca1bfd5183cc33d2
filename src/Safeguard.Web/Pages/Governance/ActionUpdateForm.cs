using System.Globalization;
using Safeguard.Governance;

namespace Safeguard.Web.Pages.Governance;

/// <summary>
/// The one form that updates an action, shared by the meeting page and the member's page: the action is chosen from a
/// list whose values carry the version read (<c>{id}:{version}</c>), so a change made since is detected.
/// </summary>
public sealed class ActionUpdateForm
{
    public string? Action { get; set; }

    public GovernanceActionStatus? Status { get; set; }

    public string? Text { get; set; }

    public static string ValueOf(GovernanceAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return $"{action.Id}:{action.Version.ToString(CultureInfo.InvariantCulture)}";
    }

    public bool TryRead(out Guid actionId, out int version)
    {
        var parts = (Action ?? "").Split(':');
        version = 0;
        actionId = Guid.Empty;
        return parts.Length == 2 && Guid.TryParse(parts[0], out actionId) && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
