using Safeguard.Common;
using Safeguard.Interchange.Cin;

namespace Safeguard.LookedAfter;

/// <summary>
/// A looked-after child's health and wellbeing in a collection year (1 April to 31 March), as the social worker (or
/// health) records it for the SSDA903 OC2 table: the strengths and difficulties questionnaire (SDQ) score and its date,
/// or the reason none was done; whether immunisations were up to date, as at a date; for a child under 5, whether the
/// development checks (health promotion) were up to date; whether a substance misuse problem was identified, and
/// whether an intervention was received or offered; whether the child was convicted, or given a youth caution or final
/// warning, in the year. Every item may be blank: blank is "not recorded", never "no" (docs/adr/0089). Health
/// assessments and dental checks are not here: OC2 works them out from the dated <see cref="HealthCheck"/> records.
/// One record a child a year; a change carries the version it was made from.
/// </summary>
public sealed class WellbeingRecord : Entity
{
    public const int MaxCodeLength = 8;

    public Guid PersonId { get; set; }

    /// <summary>The collection year: the calendar year it starts in (2024 for 1 April 2024 to 31 March 2025).</summary>
    public int Year { get; set; }

    /// <summary>The SDQ total difficulties score, 0 to 40 (SDQ_SCORE).</summary>
    public int? SdqScore { get; set; }

    /// <summary>The date the questionnaire the score is from was completed; blank for a score taken from a return.</summary>
    public DateOnly? SdqDoneOn { get; set; }

    /// <summary>Why there is no score (SDQ_REASON): SDQ1 to SDQ5.</summary>
    public string? SdqReason { get; set; }

    /// <summary>Immunisations up to date (IMMUNISATIONS).</summary>
    public bool? ImmunisationsUpToDate { get; set; }

    /// <summary>The date the immunisations were checked as up to date or not; blank when taken from a return.</summary>
    public DateOnly? ImmunisationsAsAt { get; set; }

    /// <summary>For a child under 5 on 31 March: development checks (health promotion) up to date (HEALTH_CHECK).</summary>
    public bool? DevelopmentChecksUpToDate { get; set; }

    /// <summary>A substance misuse problem identified in the year (SUBSTANCE_MISUSE).</summary>
    public bool? SubstanceMisuse { get; set; }

    /// <summary>With a substance misuse problem: an intervention received (INTERVENTION_RECEIVED).</summary>
    public bool? InterventionReceived { get; set; }

    /// <summary>With a substance misuse problem and no intervention received: one offered and refused (INTERVENTION_OFFERED).</summary>
    public bool? InterventionOffered { get; set; }

    /// <summary>For a child 10 or over on 31 March: convicted, or given a youth caution or final warning, in the year (CONVICTED).</summary>
    public bool? Convicted { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedByName { get; set; }

    public CinCollection Collection => CinCollection.ForStartYear(Year);
}

/// <summary>A child's health and wellbeing record for a year, as entered (every item optional).</summary>
public sealed record WellbeingDetails
{
    public int? SdqScore { get; init; }

    public DateOnly? SdqDoneOn { get; init; }

    public string? SdqReason { get; init; }

    public bool? ImmunisationsUpToDate { get; init; }

    public DateOnly? ImmunisationsAsAt { get; init; }

    public bool? DevelopmentChecksUpToDate { get; init; }

    public bool? SubstanceMisuse { get; init; }

    public bool? InterventionReceived { get; init; }

    public bool? InterventionOffered { get; init; }

    public bool? Convicted { get; init; }
}

/// <summary>The reasons for no SDQ score (SSDA903 SDQ_REASON).</summary>
public static class SdqReasons
{
    public static readonly IReadOnlyList<CodeName> All =
    [
        new("SDQ1", "No form returned as child was aged under 4 or over 17 at date of latest assessment"),
        new("SDQ2", "Carer(s) refused to complete and return questionnaire"),
        new("SDQ3", "Not possible to complete the questionnaire due to severity of the child's disability"),
        new("SDQ4", "Other"),
        new("SDQ5", "Child or young person refuses to allow an SDQ to be completed"),
    ];

    public static bool IsCode(string? code) => code is not null && All.Any(r => r.Code == code);
}
