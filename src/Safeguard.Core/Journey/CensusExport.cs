using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Interchange.Cin;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.Journey;

/// <summary>What an export wrote.</summary>
public sealed record CensusExportResult(CinCollection Collection, int Children, int Episodes, int WithoutCouncilChildId);

/// <summary>
/// Writes the children in need census of a collection year from the child's journey records: every child with
/// an episode open at some time in the year (referred on or before 31 March, not closed before 1 April), each
/// projected by <see cref="CensusProjection"/> and seen as at the reference date (what happened after 31 March
/// is left out). The export is audited as one access under <see cref="Process"/>.
/// </summary>
public sealed class CensusExportService(SafeguardDbContext db)
{
    /// <summary>The process the audit trail records an export under.</summary>
    public const string Process = "Cin.Export";

    private const int BatchSize = 500;

    /// <summary>Writes the census of <paramref name="collection"/> to <paramref name="output"/>.</summary>
    /// <exception cref="SafeguardValidationException">The council code is not three digits, or no child is in the census.</exception>
    public async Task<CensusExportResult> ExportAsync(Stream output, CinCollection collection, string? laCode, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(actor);
        var la = laCode?.Trim();
        if (!CinCensusWriter.IsLaCode(la))
        {
            throw new SafeguardValidationException("La", "Give the council's census code: three digits, for example 201");
        }

        var start = collection.Start;
        var reference = collection.ReferenceDate;
        var inYear = db.NeedEpisodes.Where(e => e.ReferralDate <= reference && (e.ClosureDate == null || e.ClosureDate >= start)).Select(e => e.PersonId);
        var children = db.People.AsNoTracking().Where(p => p.Kind == PersonKind.Child && p.MergedIntoId == null && inYear.Contains(p.Id));
        var withoutId = await children.CountAsync(p => p.CouncilChildId == null, cancellationToken);
        var ids = await children.Where(p => p.CouncilChildId != null).OrderBy(p => p.CouncilChildId).Select(p => p.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            throw new SafeguardValidationException("Collection", $"No child with a council child id had an episode open during {collection.Name}: there is nothing to export");
        }

        var episodesWritten = 0;
        using (var writer = new CinCensusWriter(output, collection, la!, Calendar.UkTime.ToUkLocal(db.Time.GetUtcNow())))
        {
            foreach (var chunk in ids.Chunk(BatchSize))
            {
                var people = await db.People.AsNoTracking().Where(p => chunk.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
                var episodes = (await CensusRecords.LoadTrackedAsync(db, chunk, cancellationToken)).ToLookup(e => e.PersonId);
                db.ChangeTracker.Clear();
                foreach (var id in chunk)
                {
                    var child = AsAt(CensusProjection.Project(people[id], episodes[id]), collection);
                    episodesWritten += child.Episodes.Count;
                    writer.Write(child);
                }
            }

            writer.Complete();
        }

        using (db.BeginProcess(Process, actor))
        {
            db.RecordAccess(PersonIndex.EntityType, "census", AuditAction.Exported, $"children in need census {collection.Name}; children={ids.Count}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new CensusExportResult(collection, ids.Count, episodesWritten, withoutId);
    }

    /// <summary>
    /// The child as the census of <paramref name="collection"/> sees them: only episodes open in the year, only the
    /// assessments, plans, enquiries and reviews not finished before 1 April, and nothing dated after the reference
    /// date (a closure, end or conference after it is left out, so the record shows as open on 31 March).
    /// </summary>
    public static CinChild AsAt(CinChild child, CinCollection collection)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(collection);
        var reference = collection.ReferenceDate;
        bool After(DateOnly? date) => date > reference;
        bool Before(DateOnly? date) => date < collection.Start;
        child.Episodes.RemoveAll(e => After(e.ReferralDate) || Before(e.ClosureDate));
        foreach (var episode in child.Episodes)
        {
            // What ended before the year began is not part of this year's return.
            episode.Assessments.RemoveAll(a => Before(a.AuthorisationDate));
            episode.CinPlans.RemoveAll(p => Before(p.EndDate));
            episode.Section47Enquiries.RemoveAll(s => Before(s.DateOfInitialCpc) || (s.DateOfInitialCpc is null && s.IcpcNotRequired == true && Before(s.StartDate)));
            episode.ProtectionPlans.RemoveAll(p => Before(p.EndDate));
            foreach (var plan in episode.ProtectionPlans)
            {
                plan.Reviews.RemoveAll(r => Before(r.Date));
            }

            if (After(episode.ClosureDate))
            {
                episode.ClosureDate = null;
                episode.ReasonForClosure = null;
            }

            episode.Assessments.RemoveAll(a => After(a.StartDate));
            foreach (var assessment in episode.Assessments.Where(a => After(a.AuthorisationDate)))
            {
                assessment.AuthorisationDate = null;
                assessment.Factors.Clear();
            }

            episode.CinPlans.RemoveAll(p => After(p.StartDate));
            foreach (var plan in episode.CinPlans.Where(p => After(p.EndDate)))
            {
                plan.EndDate = null;
            }

            episode.Section47Enquiries.RemoveAll(s => After(s.StartDate));
            foreach (var enquiry in episode.Section47Enquiries.Where(s => After(s.DateOfInitialCpc)))
            {
                enquiry.DateOfInitialCpc = null;
            }

            episode.ProtectionPlans.RemoveAll(p => After(p.StartDate));
            foreach (var plan in episode.ProtectionPlans)
            {
                if (After(plan.EndDate))
                {
                    plan.EndDate = null;
                }

                plan.Reviews.RemoveAll(r => After(r.Date));
            }
        }

        return child;
    }
}
