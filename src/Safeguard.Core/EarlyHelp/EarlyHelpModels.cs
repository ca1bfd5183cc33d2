using Safeguard.FrontDoor;

namespace Safeguard.EarlyHelp;

/// <summary>What is asked to start an episode. Children are records of the person index; the family's adults are added from their links when asked.</summary>
public sealed record EarlyHelpStart
{
    public string? FamilyName { get; init; }

    public DateOnly? StartedOn { get; init; }

    public EarlyHelpSource? Source { get; init; }

    public IReadOnlyList<Guid> ChildIds { get; init; } = [];

    /// <summary>Add the children's parents and carers linked in the person index.</summary>
    public bool IncludeAdults { get; init; } = true;

    /// <summary>The front door contact decided early help (source front door).</summary>
    public Guid? FrontDoorContactId { get; init; }

    /// <summary>The agency that asked for early help (source partner agency).</summary>
    public Guid? RequestedByAgencyId { get; init; }

    /// <summary>The lead professional, when agreed at the start.</summary>
    public EarlyHelpLeadInput? Lead { get; init; }
}

/// <summary>A lead professional: a user, or a named person, of an agency, from a day.</summary>
public sealed record EarlyHelpLeadInput(Guid? AgencyId, Guid? UserId, string? Name, string? Role, DateOnly? From);

/// <summary>The early help assessment's dates and the needs it identified (<see cref="EarlyHelpNeeds"/> codes).</summary>
public sealed record EarlyHelpAssessmentInput(DateOnly? StartedOn, DateOnly? CompletedOn, DateOnly? AuthorisedOn, IReadOnlyList<string> Needs);

/// <summary>A member joining the team around the family.</summary>
public sealed record EarlyHelpTeamMemberInput(Guid? AgencyId, Guid? UserId, string? Name, string? Role, DateOnly? JoinedOn);

/// <summary>A team around the family meeting.</summary>
public sealed record EarlyHelpReviewInput(DateOnly? HeldOn, EarlyHelpProgress? Progress, string? Notes);

/// <summary>The closure of an episode.</summary>
public sealed record EarlyHelpClosureInput(DateOnly? ClosedOn, EarlyHelpOutcome? Outcome, string? Note);

/// <summary>A step-up to children's social care: a contact to the front door about the family's children.</summary>
public sealed record EarlyHelpStepUpInput(string? Concerns, ConsentPosition? Consent, string? ConsentReason);

/// <summary>A person on the episode, as the reader may see them.</summary>
public sealed record EarlyHelpPersonView(Guid PersonId, string Name, DateOnly? DateOfBirth, bool IsChild);

/// <summary>One episode as its page shows it.</summary>
public sealed record EarlyHelpEpisodeView(
    EarlyHelpEpisode Episode,
    IReadOnlyList<EarlyHelpPersonView> Family,
    IReadOnlyDictionary<Guid, string> AgencyNames,
    Timescales.DeadlineAssessment? NextReview,
    string? RequestedByAgency);

/// <summary>One row of the list of episodes.</summary>
public sealed record EarlyHelpListItem(
    Guid Id,
    string FamilyName,
    int Children,
    DateOnly StartedOn,
    EarlyHelpSource Source,
    string? LeadName,
    Guid? LeadAgencyId,
    string? LeadAgency,
    bool AssessmentAuthorised,
    DateOnly? LastReview,
    Timescales.DeadlineAssessment NextReview,
    DateOnly? ClosedOn);

/// <summary>Which episodes to list.</summary>
public sealed record EarlyHelpListQuery(Guid? LeadAgencyId = null, bool IncludeClosed = false);
