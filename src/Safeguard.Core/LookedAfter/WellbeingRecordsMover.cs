using Microsoft.EntityFrameworkCore;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.LookedAfter;

/// <summary>
/// When two child records are merged, moves the duplicate's health and wellbeing records to the record kept; a year the
/// kept record already has stays on the merged record, so nothing is lost and the kept record's year is not overwritten.
/// </summary>
internal sealed class WellbeingRecordsMover(SafeguardDbContext db) : IPersonRecordsMover
{
    public async Task MoveAsync(Guid mergedId, Guid survivorId, CancellationToken cancellationToken)
    {
        var records = await db.Set<WellbeingRecord>().Where(w => w.PersonId == mergedId || w.PersonId == survivorId).ToListAsync(cancellationToken);
        foreach (var record in records.Where(w => w.PersonId == mergedId && !records.Any(k => k.PersonId == survivorId && k.Year == w.Year)))
        {
            record.PersonId = survivorId;
        }
    }
}
