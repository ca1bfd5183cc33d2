using Safeguard.Common;

namespace Safeguard.Journey;

// The child's journey through children's social care, recorded one-to-one with the children in need census
// (docs/childs-journey.md has the mapping): an episode is the census's CINdetails, and its assessments, child
// in need plans, section 47 enquiries and child protection plans (with their reviews) are the census's own
// records. Strategy discussions and allocations are not in the census; they are kept beside it.

/// <summary>
/// One episode of need for a child: from the referral to children's social care to its closure (the census's
/// <c>CINdetails</c>). A child has at most one open episode.
/// </summary>
public sealed class NeedEpisode : Entity
{
    public Guid PersonId { get; set; }

    public DateOnly ReferralDate { get; set; }

    /// <summary>The census referral source code (1A ... 10).</summary>
    public required string ReferralSource { get; set; }

    /// <summary>The census primary need code N0-N9; null until it is known.</summary>
    public string? PrimaryNeedCode { get; set; }

    /// <summary>True when the referral led to no further action.</summary>
    public bool ReferralNfa { get; set; }

    /// <summary>The front door contact the referral came from, when it came through the front door.</summary>
    public Guid? FrontDoorContactId { get; set; }

    public DateOnly? ClosureDate { get; set; }

    /// <summary>The census reason for closure RC1-RC9; set with <see cref="ClosureDate"/>.</summary>
    public string? ReasonForClosure { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<CaseAssessment> Assessments { get; } = [];

    public List<ChildInNeedPlan> CinPlans { get; } = [];

    public List<StrategyDiscussion> StrategyDiscussions { get; } = [];

    public List<S47Enquiry> Enquiries { get; } = [];

    public List<ProtectionPlan> ProtectionPlans { get; } = [];

    public List<CaseAllocation> Allocations { get; } = [];

    public bool IsOpen => ClosureDate is null;
}

/// <summary>A children's social care assessment (the census's <c>Assessments</c>).</summary>
public sealed class CaseAssessment : Entity
{
    public Guid EpisodeId { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>The day the child was seen during the assessment (not in the census).</summary>
    public DateOnly? ChildSeenDate { get; set; }

    /// <summary>The day the assessment was completed and authorised; null while it is open.</summary>
    public DateOnly? AuthorisationDate { get; set; }

    /// <summary>The census factor codes identified at assessment, comma-separated; null until it is authorised.</summary>
    public string? Factors { get; set; }

    public IReadOnlyList<string> FactorCodes => string.IsNullOrEmpty(Factors) ? [] : Factors.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool IsOpen => AuthorisationDate is null;
}

/// <summary>A child in need plan (the census's <c>CINPlanDates</c>).</summary>
public sealed class ChildInNeedPlan : Entity
{
    public Guid EpisodeId { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }
}

public enum StrategyOutcome
{
    /// <summary>The threshold for a section 47 enquiry is met: the enquiry starts.</summary>
    Section47,

    /// <summary>No section 47 enquiry.</summary>
    NoSection47,
}

/// <summary>A strategy discussion (not in the census): its date starts the initial conference's timescale.</summary>
public sealed class StrategyDiscussion : Entity
{
    public Guid EpisodeId { get; set; }

    public DateOnly Date { get; set; }

    public StrategyOutcome Outcome { get; set; }
}

public enum ConferenceOutcome
{
    /// <summary>The child is made subject to a child protection plan.</summary>
    Plan,

    /// <summary>No child protection plan.</summary>
    NoPlan,
}

/// <summary>
/// A section 47 enquiry (the census's <c>Section47</c>) with its initial child protection conference: the
/// conference is recorded on the enquiry, so a conference always has one.
/// </summary>
public sealed class S47Enquiry : Entity
{
    public Guid EpisodeId { get; set; }

    /// <summary>The strategy discussion that started the enquiry.</summary>
    public Guid StrategyDiscussionId { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>When the initial conference must be held: the <c>icpc</c> timescale from the strategy discussion.</summary>
    public DateOnly IcpcTargetDate { get; set; }

    /// <summary>The enquiry ended without the need for an initial conference.</summary>
    public bool IcpcNotRequired { get; set; }

    public DateOnly? ConferenceDate { get; set; }

    public ConferenceOutcome? ConferenceOutcome { get; set; }

    /// <summary>Open: no conference yet, and not marked as not needing one.</summary>
    public bool IsOpen => ConferenceDate is null && !IcpcNotRequired;
}

/// <summary>
/// A child protection plan (the census's <c>ChildProtectionPlans</c>). The number of previous plans is never
/// stored: it is counted from the child's earlier plans.
/// </summary>
public sealed class ProtectionPlan : Entity
{
    public Guid EpisodeId { get; set; }

    /// <summary>The enquiry whose initial conference made the plan.</summary>
    public Guid? EnquiryId { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    /// <summary>Census category of abuse: NEG, PHY, SAB, EMO or MUL.</summary>
    public required string InitialCategory { get; set; }

    public required string LatestCategory { get; set; }

    public List<ReviewConference> Reviews { get; } = [];

    public bool IsOpen => EndDate is null;
}

/// <summary>A child protection review conference (the census's <c>CPPreviewDate</c>).</summary>
public sealed class ReviewConference : Entity
{
    public Guid PlanId { get; set; }

    public DateOnly Date { get; set; }
}

/// <summary>A child's allocation to a team and (optionally) a worker; the open one has no <see cref="To"/>.</summary>
public sealed class CaseAllocation : Entity
{
    public Guid EpisodeId { get; set; }

    public Guid PersonId { get; set; }

    public Guid TeamId { get; set; }

    public Guid? WorkerId { get; set; }

    public DateTimeOffset From { get; set; }

    public DateTimeOffset? To { get; set; }

    public required string AllocatedByName { get; set; }

    /// <summary>
    /// Why this allocation gave the case to its worker, when it gave it to a new one: DfE's reason for a new social worker
    /// (the SSDA903 SW_REASON codes, <see cref="LookedAfter.SocialWorkerEpisodes.Reasons"/>); null when the worker did not
    /// change (a change of team only) or there is no worker. docs/adr/0087.
    /// </summary>
    public string? SocialWorkerReason { get; set; }
}
