using Safeguard.Interchange.Cin;
using Safeguard.Interchange.Ssda903.Rules;

namespace Safeguard.LookedAfter;

/// <summary>A child's OC2 row as written, and the items it needs that are not recorded.</summary>
public sealed record Oc2Row(
    string? SdqScore,
    string? SdqReason,
    string? Convicted,
    string? HealthCheck,
    string? Immunisations,
    string? TeethCheck,
    string? HealthAssessment,
    string? SubstanceMisuse,
    string? InterventionReceived,
    string? InterventionOffered,
    IReadOnlyList<string> NotRecorded);

/// <summary>
/// The OC2 table from the records (docs/adr/0089): which children are in the 12-month cohort, which items each is asked
/// for at their age, what the records say for each, and which asked-for items are not recorded (written blank, never
/// guessed).
/// </summary>
public static class Oc2Outcomes
{
    /// <summary>
    /// DfE's "looked after continuously for at least 12 months at 31 March", from the child's episodes seen as at 31
    /// March (the rules' <c>ContinuouslyLookedAfter</c>): looked after on 1 April and on 31 March with no period of care
    /// ending or starting in between, and no short break (V3, V4) in the year.
    /// </summary>
    public static bool InCohort(IEnumerable<CareEpisode> episodes, CinCollection collection)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentNullException.ThrowIfNull(collection);
        var (start, end) = (collection.Start, collection.ReferenceDate);
        var inYear = episodes.Where(e => e.StartedOn <= end && (e.EndedOn is not { } dec || dec >= start)).OrderBy(e => e.StartedOn).ToList();
        if (inYear.Count == 0)
        {
            return false;
        }

        var coversStart = false;
        foreach (var e in inYear)
        {
            DateOnly? ended = e.EndedOn is { } on && on <= end ? on : null;
            if (e.StartedOn <= start)
            {
                coversStart = true;
            }

            if (e.LegalStatus is "V3" or "V4" || (e.StartedOn > start && e.ReasonForNewEpisode == LookedAfterCodes.Started))
            {
                return false;
            }

            if (ended is not null && e.ReasonEpisodeCeased != "X1")
            {
                return false;
            }
        }

        return coversStart && (inYear[^1].EndedOn is not { } last || last > end);
    }

    /// <summary>Asked for the SDQ: 4 or over on 31 March and under 17 on 1 April (rules 188, 189, 197B).</summary>
    public static bool AsksSdq(DateOnly? dob, CinCollection collection) =>
        dob is { } d && Ages.On(d, collection.ReferenceDate) >= 4 && Ages.On(d, collection.Start) < 17;

    /// <summary>Asked for convictions: 10 or over on 31 March (rules 542, 543).</summary>
    public static bool AsksConvictions(DateOnly? dob, CinCollection collection) => dob is { } d && Ages.On(d, collection.ReferenceDate) >= 10;

    /// <summary>Asked for development checks (HEALTH_CHECK): under 5 on 31 March (rules 545, 546).</summary>
    public static bool AsksDevelopmentChecks(DateOnly? dob, CinCollection collection) => dob is { } d && Ages.On(d, collection.ReferenceDate) < 5;

    /// <summary>
    /// Health assessments up to date at 31 March: one in the year, and for a child under 5 on 31 March (assessed every six
    /// months) one in its last six months too.
    /// </summary>
    public static bool HealthAssessmentUpToDate(IEnumerable<DateOnly> assessments, DateOnly? dob, CinCollection collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var inYear = assessments.Where(collection.Contains).ToList();
        if (inYear.Count == 0)
        {
            return false;
        }

        return !AsksDevelopmentChecks(dob, collection) || inYear.Max() > collection.ReferenceDate.AddMonths(-6);
    }

    /// <summary>The child's OC2 row for the year from their record (null when none), health assessments and dental checks.</summary>
    public static Oc2Row Row(WellbeingRecord? record, DateOnly? dob, IEnumerable<HealthCheck> checks, CinCollection collection)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(collection);
        var missing = new List<string>();
        var list = checks.ToList();
        string? sdqScore = null, sdqReason = null, convicted = null, healthCheck = null, received = null, offered = null;
        if (AsksSdq(dob, collection))
        {
            sdqScore = record?.SdqScore?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sdqReason = sdqScore is null ? record?.SdqReason : null;
            Need(sdqScore ?? sdqReason, "SDQ_SCORE or SDQ_REASON");
        }

        if (AsksConvictions(dob, collection))
        {
            convicted = Need(Flag(record?.Convicted), "CONVICTED");
        }

        if (AsksDevelopmentChecks(dob, collection))
        {
            healthCheck = Need(Flag(record?.DevelopmentChecksUpToDate), "HEALTH_CHECK");
        }

        var immunisations = Need(Flag(record?.ImmunisationsUpToDate), "IMMUNISATIONS");
        var misuse = Need(Flag(record?.SubstanceMisuse), "SUBSTANCE_MISUSE");
        if (record?.SubstanceMisuse == true)
        {
            received = Need(Flag(record.InterventionReceived), "INTERVENTION_RECEIVED");
            if (record.InterventionReceived == false)
            {
                offered = Need(Flag(record.InterventionOffered), "INTERVENTION_OFFERED");
            }
        }

        var teeth = Flag(list.Any(h => h.Kind == HealthCheckKind.DentalCheck && collection.Contains(h.DoneOn)));
        var assessment = Flag(HealthAssessmentUpToDate(list.Where(h => h.Kind == HealthCheckKind.HealthAssessment).Select(h => h.DoneOn), dob, collection));
        return new Oc2Row(sdqScore, sdqReason, convicted, healthCheck, immunisations, teeth, assessment, misuse, received, offered, missing);

        string? Need(string? value, string item)
        {
            if (value is null)
            {
                missing.Add(item);
            }

            return value;
        }
    }

    private static string? Flag(bool? value) => value switch { true => "1", false => "0", null => null };
}
