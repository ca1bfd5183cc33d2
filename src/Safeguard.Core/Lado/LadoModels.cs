using Safeguard.Timescales;

namespace Safeguard.Lado;

/// <summary>The referral as typed: the worker, the children, who referred it and when, the category and what is alleged. Null is "not given".</summary>
public sealed record AllegationDetails
{
    public string? WorkerName { get; init; }

    public Guid? EmployerAgencyId { get; init; }

    public string? EmployerName { get; init; }

    public string? WorkerRole { get; init; }

    public LadoSector? Sector { get; init; }

    public IReadOnlyList<Guid> ChildIds { get; init; } = [];

    public DateOnly? ReferredOn { get; init; }

    public Guid? ReferrerAgencyId { get; init; }

    public string? ReferrerName { get; init; }

    public LadoCategory? Category { get; init; }

    public string? Allegation { get; init; }

    /// <summary>The front door contact decided "refer to the LADO" that this allegation is opened from.</summary>
    public Guid? ContactId { get; init; }
}

/// <summary>The initial consideration: when, the decision and why.</summary>
public sealed record DecisionDetails(DateOnly? ConsideredOn, LadoDecision? Decision, string? Reason);

/// <summary>The strategy discussion and section 47 enquiry, the police's and the employer's actions.</summary>
public sealed record ActionDetails
{
    public DateOnly? StrategyDiscussionOn { get; init; }

    public DateOnly? Section47StartedOn { get; init; }

    public string? StrategyNotes { get; init; }

    public string? PoliceActions { get; init; }

    public bool? Suspended { get; init; }

    public DateOnly? SuspendedFrom { get; init; }

    public DateOnly? SuspendedUntil { get; init; }

    public string? EmployerInvestigation { get; init; }

    public string? Disciplinary { get; init; }
}

/// <summary>The outcome (threshold met) and the day the allegation closed.</summary>
public sealed record ClosureDetails(LadoOutcome? Outcome, DateOnly? ClosedOn, string? Notes);

/// <summary>A child an allegation concerns, as the LADO sees them.</summary>
public sealed record AllegationChildView(Guid PersonId, string Name, DateOnly? DateOfBirth);

/// <summary>One allegation as shown: the record, names, and the clock that matters now (initial consideration until decided, then resolution until closed).</summary>
public sealed record AllegationView(
    LadoAllegation Allegation,
    IReadOnlyList<AllegationChildView> Children,
    string Employer,
    string? ReferrerAgencyName,
    DeadlineAssessment InitialConsideration,
    DeadlineAssessment? Resolution)
{
    /// <summary>The deadline the LADO works to now; null once closed.</summary>
    public DeadlineAssessment? Current => Allegation.IsClosed ? null : Allegation.Decision is null ? InitialConsideration : Resolution;

    /// <summary>What is due now, in words.</summary>
    public string? Due => Allegation.IsClosed ? null : Allegation.Decision is null ? "Initial consideration" : "Resolution";
}

/// <summary>Which allegations the LADO's list shows.</summary>
public enum AllegationStatus
{
    Open,
    Closed,
    All,
}

/// <summary>What the LADO's list is narrowed to.</summary>
public sealed record AllegationFilter
{
    public AllegationStatus Status { get; init; }

    public LadoSector? Sector { get; init; }

    public LadoCategory? Category { get; init; }

    /// <summary>Part of the worker's name.</summary>
    public string? Worker { get; init; }

    /// <summary>Only those overdue.</summary>
    public bool OverdueOnly { get; init; }
}

/// <summary>A front door contact decided "refer to the LADO" with no allegation opened from it yet.</summary>
public sealed record WaitingReferral(Guid ContactId, DateTimeOffset ReceivedAt, DateTimeOffset? DecidedAt, string FromAgency, string ReferrerName, IReadOnlyList<string> Children, string Concerns);

/// <summary>One line of a figures table: a label and its count.</summary>
public sealed record FigureLine(string Label, int Count);

/// <summary>
/// The LADO's annual figures for a reporting year (April to March): referrals (contacts) received by sector and by
/// category, how many met the threshold and how many were advice only, the threshold-met allegations closed in the year
/// by outcome (and by sector and outcome), and the same totals for the year before.
/// </summary>
public sealed record LadoFigures(
    string Year,
    int Referrals,
    int ReferralsLastYear,
    int ThresholdMet,
    int ThresholdMetLastYear,
    int AdviceOnly,
    int AwaitingDecision,
    IReadOnlyList<FigureLine> BySector,
    IReadOnlyList<FigureLine> ThresholdMetBySector,
    IReadOnlyList<FigureLine> ByCategory,
    IReadOnlyList<FigureLine> ByOutcome,
    IReadOnlyList<SectorOutcomes> OutcomesBySector,
    int InitialConsiderationsOnTime,
    int InitialConsiderations)
{
    /// <summary>Threshold met as a share of referrals (the annual report's "ratio of contacts to full cases"), to one decimal place; null with no referrals.</summary>
    public decimal? ThresholdRate => Referrals == 0 ? null : Math.Round(100m * ThresholdMet / Referrals, 1);

    public decimal? ThresholdRateLastYear => ReferralsLastYear == 0 ? null : Math.Round(100m * ThresholdMetLastYear / ReferralsLastYear, 1);
}

/// <summary>A sector's closed threshold-met allegations by outcome, in <see cref="LadoOutcome"/> order.</summary>
public sealed record SectorOutcomes(string Sector, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();
}

/// <summary>Words for the LADO's codes.</summary>
public static class LadoText
{
    public static string Describe(LadoSector sector) => sector switch
    {
        LadoSector.EarlyYears => "Early years",
        LadoSector.SocialCare => "Social care",
        LadoSector.SportAndLeisure => "Sport and leisure",
        _ => sector.ToString(),
    };

    public static string Describe(LadoCategory category) => category switch
    {
        LadoCategory.Harm => "Harmed a child",
        LadoCategory.PossibleOffence => "Possible offence against a child",
        LadoCategory.BehaviourTowardsChild => "Behaviour towards a child",
        LadoCategory.TransferableRisk => "Transferable risk",
        _ => category.ToString(),
    };

    public static string Describe(LadoDecision decision) => decision switch
    {
        LadoDecision.ThresholdMet => "Threshold met",
        LadoDecision.AdviceOnly => "Advice only",
        _ => decision.ToString(),
    };

    public static string Describe(LadoOutcome outcome) => outcome.ToString();
}
