using Safeguard.Calendar;
using Safeguard.Interchange.Cin;
using Safeguard.LookedAfter;
using Safeguard.People;

namespace Safeguard.DemoData;

internal sealed partial class DemoLookedAfter
{
    /// <summary>Immunisations up to date, of the children looked after for 12 months (England about 83%).</summary>
    private const double ImmunisedRate = 0.83;

    /// <summary>Development checks up to date, of the under-5s (England about 87%).</summary>
    private const double DevelopmentChecksRate = 0.87;

    /// <summary>A substance misuse problem identified, of those 11 or over (England about 3% of the whole cohort); an intervention received by about half of them.</summary>
    private const double SubstanceMisuseRate = 0.05;

    /// <summary>Convicted, or given a youth caution or final warning, of those 10 or over (England about 2 to 3%).</summary>
    private const double ConvictedRate = 0.03;

    public List<WellbeingRecord> Wellbeing { get; } = [];

    /// <summary>
    /// The health and wellbeing records (SSDA903 OC2) of every child looked after for 12 months at 31 March, for each
    /// collection year of the history that has ended: complete, as a submitted return is, at England's rates; an SDQ score
    /// for each child of 4 to 16 (a child turning 4 or 17 in the year sometimes has a reason instead).
    /// </summary>
    private void GenerateWellbeing()
    {
        var random = new Random(_options.Seed + 41);
        var born = _population.People.Where(p => p.Kind == PersonKind.Child && p.DateOfBirth is not null).ToDictionary(p => p.Id, p => p.DateOfBirth!.Value);
        var byChild = Episodes.GroupBy(e => e.PersonId).ToList();
        var first = CinCollection.Containing(DemoCasework.HistoryStart(_today)).StartYear + 1;
        for (var year = first; CinCollection.ForStartYear(year).ReferenceDate < _today; year++)
        {
            var collection = CinCollection.ForStartYear(year);
            foreach (var child in byChild)
            {
                if (!born.TryGetValue(child.Key, out var dob) || !Oc2Outcomes.InCohort(child, collection))
                {
                    continue;
                }

                Wellbeing.Add(Record(random, child.Key, dob, collection));
            }
        }
    }

    private WellbeingRecord Record(Random random, Guid personId, DateOnly dob, CinCollection collection)
    {
        DateOnly Day() => collection.Start.AddDays(random.Next(collection.ReferenceDate.DayNumber - collection.Start.DayNumber + 1));
        var record = new WellbeingRecord { Id = _ids.Next(), PersonId = personId, Year = collection.StartYear, RecordedByName = _worker.Name };
        if (Oc2Outcomes.AsksSdq(dob, collection))
        {
            var atStart = collection.Start.Year - dob.Year - (collection.Start < dob.AddYears(collection.Start.Year - dob.Year) ? 1 : 0);
            var edge = atStart < 4 || (atStart == 16 && dob.AddYears(17) <= collection.ReferenceDate);
            if (edge && random.NextDouble() < 0.3)
            {
                record.SdqReason = atStart < 4 ? "SDQ1" : "SDQ5";
            }
            else
            {
                // Total difficulties: England's looked-after average is about 14 (17 or over is a cause for concern).
                var score = (int)Math.Round(14 + (7 * (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5)));
                (record.SdqScore, record.SdqDoneOn) = (Math.Clamp(score, 0, 40), Day());
            }
        }

        (record.ImmunisationsUpToDate, record.ImmunisationsAsAt) = (random.NextDouble() < ImmunisedRate, Day());
        if (Oc2Outcomes.AsksDevelopmentChecks(dob, collection))
        {
            record.DevelopmentChecksUpToDate = random.NextDouble() < DevelopmentChecksRate;
        }

        var teen = dob.AddYears(11) <= collection.ReferenceDate;
        record.SubstanceMisuse = teen && random.NextDouble() < SubstanceMisuseRate;
        if (record.SubstanceMisuse == true)
        {
            record.InterventionReceived = random.NextDouble() < 0.55;
            record.InterventionOffered = record.InterventionReceived == false ? random.NextDouble() < 0.6 : null;
        }

        if (Oc2Outcomes.AsksConvictions(dob, collection))
        {
            record.Convicted = random.NextDouble() < ConvictedRate;
        }

        var entered = collection.ReferenceDate.AddDays(-random.Next(40));
        record.RecordedAt = UkTime.StartOfDay(entered).AddHours(9 + random.Next(8)) is var at && at < _now ? at : _now;
        return record;
    }
}
