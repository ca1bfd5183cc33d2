using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.ComplexSafeguarding;
using Safeguard.Persistence;
using Safeguard.Web.Pages.FrontDoor;

namespace Safeguard.Web.Pages.Missing;

/// <summary>What the pages that record, change or report an episode share: the form's fields and the agencies to pick from.</summary>
public abstract class EpisodeFormModel : SafeguardPageModel
{
    [BindProperty]
    public EpisodeInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public List<SelectListItem> Agencies { get; private set; } = [];

    /// <summary>A police officer reporting for their own force: no agency to pick, and the risk grading is required.</summary>
    public virtual bool IsPartner => false;

    protected async Task LoadAgenciesAsync(SafeguardDbContext db, CancellationToken cancellationToken)
    {
        if (!IsPartner)
        {
            Agencies = await FrontDoorForm.AgenciesAsync(db, cancellationToken);
            foreach (var item in Agencies)
            {
                item.Selected = item.Value == Input.ReportedByAgencyId;
            }
        }
    }

    /// <summary>Fills the form from a saved episode.</summary>
    protected void Fill(MissingEpisode episode)
    {
        ArgumentNullException.ThrowIfNull(episode);
        (Input.StartedDay, Input.StartedMonth, Input.StartedYear, Input.StartedTime) = MissingForm.Fields(episode.StartedAt);
        if (episode.EndedAt is { } ended)
        {
            (Input.EndedDay, Input.EndedMonth, Input.EndedYear, Input.EndedTime) = MissingForm.Fields(ended);
        }

        Input.Kind = episode.Kind.ToString();
        Input.From = episode.From.ToString();
        Input.WhereFound = episode.WhereFound;
        Input.RiskAtReport = episode.RiskAtReport?.ToString();
        Input.LookedAfter = episode.LookedAfter ? "yes" : "no";
        Input.ReportedByAgencyId = episode.ReportedByAgencyId.ToString();
        Input.ReportedByName = episode.ReportedByName;
        Input.PoliceReference = episode.PoliceReference;
        Input.Circumstances = episode.Circumstances;
        Version = episode.Version;
    }

    /// <summary>Reads the form and makes the change; problems are shown beside their fields.</summary>
    protected async Task<bool> SaveAsync(Func<MissingEpisodeDetails, Task> save)
    {
        ArgumentNullException.ThrowIfNull(save);
        ModelState.Clear();
        var details = MissingForm.Episode(Input, ModelState, IsPartner);
        if (!ModelState.IsValid)
        {
            return false;
        }

        try
        {
            await save(details);
            return true;
        }
        catch (Common.SafeguardValidationException ex)
        {
            MissingForm.Show(ex, ModelState);
        }
        catch (Common.ConcurrencyConflictException ex)
        {
            ShowConflict(ex);
        }

        return false;
    }
}
