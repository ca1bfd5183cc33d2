using Safeguard.Common;
using Safeguard.Organisations;

namespace Safeguard.EarlyHelp;

/// <summary>
/// An early help episode for a family: its children (one or more) and adults from the person index, how it started,
/// the lead professional over time, the early help assessment, the team around the family, its reviews (team around
/// the family meetings, every 6 weeks by default: timescale <c>early-help-review</c>), a step-up to children's social
/// care and the closure with its outcome.
/// </summary>
public sealed class EarlyHelpEpisode : Entity
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4000;

    /// <summary>How the family is known on the list ("the Khan family").</summary>
    public required string FamilyName { get; set; }

    public DateOnly StartedOn { get; set; }

    public EarlyHelpSource Source { get; set; }

    /// <summary>The front door contact decided early help that the episode started from, when it did.</summary>
    public Guid? FrontDoorContactId { get; set; }

    /// <summary>The children's social care episode whose closure stepped the family down, when it did.</summary>
    public Guid? StepDownFromEpisodeId { get; set; }

    /// <summary>The partner agency that asked for early help directly, when it did.</summary>
    public Guid? RequestedByAgencyId { get; set; }

    public DateOnly? AssessmentStartedOn { get; set; }

    public DateOnly? AssessmentCompletedOn { get; set; }

    /// <summary>When the early help assessment was authorised (indicator 4.2 counts these).</summary>
    public DateOnly? AssessmentAuthorisedOn { get; set; }

    /// <summary>The needs the assessment identified, as <see cref="EarlyHelpNeeds"/> codes, comma-separated.</summary>
    public string? Needs { get; set; }

    /// <summary>The front door contact the step-up to children's social care made.</summary>
    public Guid? StepUpContactId { get; set; }

    public DateOnly? SteppedUpOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public EarlyHelpOutcome? Outcome { get; set; }

    public string? ClosureNote { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedByName { get; set; }

    public List<EarlyHelpFamilyMember> Members { get; } = [];

    public List<EarlyHelpLead> Leads { get; } = [];

    public List<EarlyHelpTeamMember> TeamMembers { get; } = [];

    public List<EarlyHelpReview> Reviews { get; } = [];

    public bool IsOpen => ClosedOn is null;

    public IReadOnlyList<string> NeedCodes => string.IsNullOrEmpty(Needs) ? [] : Needs.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The lead professional now (the period not yet ended), if one is agreed.</summary>
    public EarlyHelpLead? CurrentLead => Leads.Where(l => l.To is null).OrderByDescending(l => l.From).FirstOrDefault();

    /// <summary>The lead professional on <paramref name="day"/>, if one was agreed by then.</summary>
    public EarlyHelpLead? LeadOn(DateOnly day) => Leads.Where(l => l.From <= day && (l.To is not { } to || to > day)).OrderByDescending(l => l.From).FirstOrDefault();
}

/// <summary>A child or adult of the family, linked to their record in the person index.</summary>
public sealed class EarlyHelpFamilyMember : Entity
{
    public Guid EpisodeId { get; set; }

    public Guid PersonId { get; set; }

    public bool IsChild { get; set; }
}

/// <summary>
/// A lead professional for a period: a user or a named person and their agency (a school, a health visitor, the
/// council's locality team, any partnership agency). A change of lead ends the last period and starts a new one, so
/// the lead-professional share by agency can be counted at any quarter end.
/// </summary>
public sealed class EarlyHelpLead : Entity
{
    public Guid EpisodeId { get; set; }

    public Guid AgencyId { get; set; }

    public Agency? Agency { get; set; }

    /// <summary>The lead's user account, when they have one.</summary>
    public Guid? UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>Their role ("Designated safeguarding lead", "Health visitor", "Early help practitioner").</summary>
    public string? Role { get; set; }

    public DateOnly From { get; set; }

    /// <summary>The day another lead took over; null while they lead.</summary>
    public DateOnly? To { get; set; }
}

/// <summary>A member of the team around the family, by agency, with role and when they joined and left.</summary>
public sealed class EarlyHelpTeamMember : Entity
{
    public Guid EpisodeId { get; set; }

    public Guid AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public Guid? UserId { get; set; }

    public required string Name { get; set; }

    public required string Role { get; set; }

    public DateOnly JoinedOn { get; set; }

    public DateOnly? LeftOn { get; set; }
}

/// <summary>A team around the family meeting reviewing the plan.</summary>
public sealed class EarlyHelpReview : Entity
{
    public Guid EpisodeId { get; set; }

    public DateOnly HeldOn { get; set; }

    public EarlyHelpProgress Progress { get; set; }

    public string? Notes { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedByName { get; set; }
}

/// <summary>Where an episode came from.</summary>
public enum EarlyHelpSource
{
    /// <summary>A front door contact decided early help.</summary>
    FrontDoor,

    /// <summary>Stepped down from children's social care when its episode closed.</summary>
    StepDown,

    /// <summary>A partner agency (a school, a health visitor) asked for or started early help directly.</summary>
    PartnerAgency,
}

/// <summary>How the family's situation moved since the last review, as the team around the family judged it.</summary>
public enum EarlyHelpProgress
{
    Improving,
    NoChange,
    Worsening,
}

/// <summary>Why an episode closed.</summary>
public enum EarlyHelpOutcome
{
    NeedsMet,
    SteppedUp,
    MovedAway,
    ConsentWithdrawn,
    Other,
}
