using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Interchange.Cin;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.LookedAfter;

public sealed partial record Ssda903ExportResult
{
    /// <summary>
    /// The children of the 12-month cohort whose OC2 row lacks an item the return asks of them (written blank, never
    /// guessed: rules 191, 182, 186, 543 and 545 report them), each as "child: items"; empty when every row is complete.
    /// </summary>
    public IReadOnlyList<string> Oc2NotRecorded { get; init; } = [];
}

public sealed partial class Ssda903ExportService
{
    /// <summary>
    /// OC2: a row for each child looked after continuously for 12 months at 31 March (<see cref="Oc2Outcomes.InCohort"/>),
    /// from their health and wellbeing record for the year and the health assessments and dental checks recorded
    /// (<see cref="Oc2Outcomes.Row"/>): docs/adr/0089.
    /// </summary>
    private sealed class Oc2Writer(SafeguardDbContext db, TextWriter output, CinCollection collection)
    {
        private readonly List<string> _notRecorded = [];

        public int Rows { get; private set; }

        public IReadOnlyList<string> NotRecorded => _notRecorded;

        public async Task WriteAsync(Guid[] chunk, Dictionary<Guid, Person> people, ILookup<Guid, CareEpisode> episodes, CancellationToken cancellationToken)
        {
            var cohort = chunk.Where(id => Oc2Outcomes.InCohort(episodes[id], collection)).ToList();
            if (cohort.Count == 0)
            {
                return;
            }

            var year = collection.StartYear;
            var from = collection.Start.AddMonths(-12);
            var records = await db.Set<WellbeingRecord>().AsNoTracking().Where(w => cohort.Contains(w.PersonId) && w.Year == year).ToDictionaryAsync(w => w.PersonId, cancellationToken);
            var checks = (await db.Set<HealthCheck>().AsNoTracking()
                .Where(h => cohort.Contains(h.PersonId) && h.DoneOn >= from && h.DoneOn <= collection.ReferenceDate)
                .ToListAsync(cancellationToken)).ToLookup(h => h.PersonId);
            foreach (var id in cohort)
            {
                var person = people[id];
                var row = Oc2Outcomes.Row(records.GetValueOrDefault(id), person.DateOfBirth, checks[id], collection);
                await output.WriteLineAsync(Line(
                    person.CouncilChildId, Date(person.DateOfBirth), row.SdqScore, row.SdqReason, row.Convicted, row.HealthCheck, row.Immunisations, row.TeethCheck,
                    row.HealthAssessment, row.SubstanceMisuse, row.InterventionReceived, row.InterventionOffered));
                Rows++;
                if (row.NotRecorded.Count > 0)
                {
                    _notRecorded.Add(string.Create(CultureInfo.InvariantCulture, $"{person.CouncilChildId}: {string.Join(", ", row.NotRecorded)}"));
                }
            }
        }
    }
}
