using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Safeguard.Interchange.AnnexA;
using Safeguard.Persistence;

namespace Safeguard.EarlyHelp;

/// <summary>
/// Annex A list 2 from the early help records: each child of a family whose early help assessment was open at some
/// time in the window (started on or before its end, and not completed before its start), with the assessment's start
/// and completion dates and the organisation completing it: the lead professional's agency on the day the assessment
/// started (or, for an assessment started before a lead was agreed, the first lead's). An episode without an
/// assessment is not on the list; a family without a lead gives a blank organisation, which the export reports.
/// </summary>
internal sealed class EarlyHelpAnnexASource(SafeguardDbContext db) : IAnnexAEarlyHelpSource
{
    private const int BatchSize = 500;

    public async IAsyncEnumerable<AnnexAEarlyHelpAssessment> AssessmentsAsync(DateOnly from, DateOnly until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ids = await db.Set<EarlyHelpEpisode>().AsNoTracking()
            .Where(e => e.AssessmentStartedOn != null && e.AssessmentStartedOn <= until && (e.AssessmentCompletedOn == null || e.AssessmentCompletedOn >= from))
            .OrderBy(e => e.AssessmentStartedOn).ThenBy(e => e.Id)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            var episodes = await db.Set<EarlyHelpEpisode>().AsNoTracking().AsSplitQuery()
                .Where(e => chunk.Contains(e.Id))
                .Include(e => e.Members)
                .Include(e => e.Leads).ThenInclude(l => l.Agency)
                .ToDictionaryAsync(e => e.Id, cancellationToken);
            foreach (var id in chunk)
            {
                var episode = episodes[id];
                var started = episode.AssessmentStartedOn!.Value;
                var lead = episode.LeadOn(started) ?? episode.Leads.OrderBy(l => l.From).FirstOrDefault();
                foreach (var child in episode.Members.Where(m => m.IsChild).OrderBy(m => m.PersonId))
                {
                    yield return new AnnexAEarlyHelpAssessment(child.PersonId, started, episode.AssessmentCompletedOn, lead?.Agency?.Name ?? "");
                }
            }
        }
    }
}
