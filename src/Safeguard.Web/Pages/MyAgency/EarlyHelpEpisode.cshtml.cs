using Safeguard.EarlyHelp;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.EarlyHelp;

namespace Safeguard.Web.Pages.MyAgency;

/// <summary>An early help episode the user's agency leads or is in the team around the family of: the episode only, never the child's social care record.</summary>
[RequirePermission("earlyhelp.agency")]
public sealed class EarlyHelpEpisodeModel(EarlyHelpService earlyHelp, SafeguardDbContext db) : EpisodePageModel(earlyHelp, db)
{
    public override bool Partner => true;

    public override string ListLink => "/my-agency/early-help";
}
