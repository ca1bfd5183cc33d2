using System.Globalization;
using Safeguard.Interchange.Ssda903;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.LookedAfter;

public sealed partial class Ssda903ImportService
{
    /// <summary>The name an imported health and wellbeing record is recorded by.</summary>
    public const string WellbeingRecordedBy = "SSDA903 import";

    private sealed partial class Run
    {
        private int _oc2HealthRows;

        /// <summary>
        /// OC2 into the child's health and wellbeing record for the year (docs/adr/0089): the SDQ score or reason,
        /// immunisations, development checks (HEALTH_CHECK), substance misuse and interventions, convictions. A blank item
        /// leaves the recorded one, as in the rest of the import; a score replaces a recorded reason and a reason a score
        /// (the return has no date for either, so a changed score loses the recorded date). HEALTH_ASSESSMENT and
        /// TEETH_CHECK are not kept: the export works them out from the dated health assessments and dental checks, which
        /// the return does not give; they are counted in a note. A child with two OC2 rows is refused.
        /// </summary>
        public void ApplyOc2(SafeguardDbContext db, Person person, Ssda903Child child, WellbeingRecord? record)
        {
            if (child.Oc2.Count == 0)
            {
                return;
            }

            if (child.Oc2.Count > 1)
            {
                Problems.Add(new(
                    $"OC2 line {child.Oc2[1].Line.ToString(CultureInfo.InvariantCulture)}",
                    $"Child {child.Id} has a second OC2 row (the first is line {child.Oc2[0].Line.ToString(CultureInfo.InvariantCulture)}): a child has one row a year [CHILD]"));
                return;
            }

            var source = child.Oc2[0];
            if (source.HealthAssessment is not null || source.TeethCheck is not null)
            {
                _oc2HealthRows++;
            }

            var given = source.SdqScore.Value is not null || source.SdqReason is not null || source.Convicted is not null || source.HealthCheck is not null
                || source.Immunisations is not null || source.SubstanceMisuse is not null || source.InterventionReceived is not null || source.InterventionOffered is not null;
            if (!given)
            {
                Notes.Add($"OC2 line {source.Line.ToString(CultureInfo.InvariantCulture)}: child {child.Id}'s row has no SDQ, immunisations, development checks, substance misuse or convictions and records nothing.");
                return;
            }

            var isNew = record is null;
            record ??= new WellbeingRecord { PersonId = person.Id, Year = Collection.StartYear, RecordedAt = Now, RecordedByName = WellbeingRecordedBy };
            var changed = false;
            if (source.SdqScore.Value is { } score && (record.SdqScore != score || record.SdqReason is not null))
            {
                (record.SdqScore, record.SdqDoneOn, record.SdqReason) = (score, record.SdqScore == score ? record.SdqDoneOn : null, null);
                changed = true;
            }
            else if (source.SdqScore.Value is null && source.SdqReason is { } reason && (record.SdqReason != reason || record.SdqScore is not null))
            {
                (record.SdqScore, record.SdqDoneOn, record.SdqReason) = (null, null, reason);
                changed = true;
            }

            Flag(ref changed, source.Immunisations, record.ImmunisationsUpToDate, v => (record.ImmunisationsUpToDate, record.ImmunisationsAsAt) = (v, null));
            Flag(ref changed, source.HealthCheck, record.DevelopmentChecksUpToDate, v => record.DevelopmentChecksUpToDate = v);
            Flag(ref changed, source.SubstanceMisuse, record.SubstanceMisuse, v => record.SubstanceMisuse = v);
            Flag(ref changed, source.InterventionReceived, record.InterventionReceived, v => record.InterventionReceived = v);
            Flag(ref changed, source.InterventionOffered, record.InterventionOffered, v => record.InterventionOffered = v);
            Flag(ref changed, source.Convicted, record.Convicted, v => record.Convicted = v);
            if (isNew)
            {
                db.Add(record);
                Tallies[Ssda903RecordKind.Wellbeing].Created++;
                return;
            }

            if (changed)
            {
                record.RecordedAt = Now;
                record.RecordedByName = WellbeingRecordedBy;
            }

            Tally(Ssda903RecordKind.Wellbeing, changed);
        }

        /// <summary>The note on the OC2 rows whose health assessment and dental check items were not imported.</summary>
        public void NoteOc2HealthChecks()
        {
            if (_oc2HealthRows > 0)
            {
                Notes.Insert(0, $"{Count(_oc2HealthRows, "OC2 row")}: HEALTH_ASSESSMENT and TEETH_CHECK are not imported: an export works them out from the health assessments and dental checks recorded (with their dates, which the return does not give).");
            }
        }

        private static void Flag(ref bool changed, string? value, bool? current, Action<bool> set)
        {
            if (value is "0" or "1" && (value == "1") != current)
            {
                set(value == "1");
                changed = true;
            }
        }
    }
}
