using Safeguard.EarlyHelp;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.EarlyHelp;

/// <summary>An early help episode for the coordinator and social care (changes need <c>earlyhelp.manage</c>).</summary>
[RequirePermission("earlyhelp.view")]
public sealed class EpisodeModel(EarlyHelpService earlyHelp, SafeguardDbContext db) : EpisodePageModel(earlyHelp, db)
{
    public override bool Partner => false;

    public override string ListLink => "/early-help";
}
