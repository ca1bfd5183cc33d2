using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Interchange.Cin;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.Journey;

/// <summary>A new referral to children's social care.</summary>
public sealed record NewReferral(DateOnly? ReferralDate, string? ReferralSource, string? PrimaryNeedCode, bool ReferralNfa, Guid? FrontDoorContactId = null);

/// <summary>What a change made: the record it made or changed, and the census queries it raised (saved anyway).</summary>
public sealed record JourneyChange(Guid Id, IReadOnlyList<string> Warnings);

/// <summary>A child's journey as the casework pages show it.</summary>
public sealed record ChildJourney(
    Person Child,
    IReadOnlyList<NeedEpisode> Episodes,
    NeedEpisode? Current,
    CaseAllocation? Allocation,
    string? TeamName,
    string? WorkerName,
    IReadOnlyList<JourneyDeadline> Due)
{
    /// <summary>The number of child protection plans the child had before <paramref name="plan"/>.</summary>
    public int PreviousPlans(ProtectionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return CensusProjection.PreviousPlans(Episodes.SelectMany(e => e.ProtectionPlans).Select(p => p.StartDate), plan.StartDate);
    }
}

/// <summary>
/// Recording a child's journey: referral, assessment, strategy discussion and section 47 enquiry, initial and
/// review conferences, child in need and child protection plans, closure and allocation. Every change is
/// checked against the census's single-child rules (<see cref="JourneyRules"/>), carries the episode's version
/// (a change made meanwhile is refused) and is audited; every view of the record is audited.
/// </summary>
public sealed class CaseworkService(SafeguardDbContext db, PersonIndex people, CalendarAdministration calendar)
{
    public const string EntityType = "NeedEpisode";

    private DateOnly Today => UkTime.Today(db.Time);

    /// <summary>The child's journey, with the view audited; null when there is no such child the actor may see.</summary>
    public async Task<ChildJourney?> GetAsync(Guid personId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var person = await people.Visible(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId && p.Kind == PersonKind.Child, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var episodes = await Episodes(person.Id).AsNoTracking().ToListAsync(cancellationToken);
        var current = episodes.Where(e => e.IsOpen && !e.ReferralNfa).OrderByDescending(e => e.ReferralDate).FirstOrDefault();
        var allocation = current?.Allocations.FirstOrDefault(a => a.To is null);
        string? team = null, worker = null;
        if (allocation is not null)
        {
            team = await db.Teams.Where(t => t.Id == allocation.TeamId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
            worker = allocation.WorkerId is { } w ? await db.Users.Where(u => u.Id == w).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) : null;
        }

        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var due = current is null ? [] : JourneyDeadline.For(current, deadlines);

        using (db.BeginProcess("Casework.View", actor))
        {
            db.RecordAccess(PersonIndex.EntityType, person.Id.ToString(), AuditAction.Viewed, "casework");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ChildJourney(person, episodes, current, allocation, team, worker, due);
    }

    /// <summary>Opens an episode with a referral. A child has at most one open episode.</summary>
    public async Task<JourneyChange> OpenReferralAsync(Guid personId, NewReferral referral, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(actor);
        var person = await people.Visible(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null || person.MergedIntoId is not null || person.Kind != PersonKind.Child)
        {
            throw new SafeguardValidationException("PersonId", "There is no such child, or their record was merged into another");
        }

        var episodes = await Episodes(personId).ToListAsync(cancellationToken);
        var calendarInForce = await calendar.CalendarAsync(cancellationToken);
        var before = JourneyRules.Check(CensusProjection.Project(person, episodes), calendarInForce, Today);

        var problems = new JourneyProblems(Today);
        problems.RequiredDate("ReferralDate", referral.ReferralDate, "the date of the referral");
        var source = Code(referral.ReferralSource);
        if (source is null || !Lists.IsInList("referral-source", source))
        {
            problems.Add("ReferralSource", "Select the source of the referral");
        }

        var need = Code(referral.PrimaryNeedCode);
        if (need is not null && !Lists.IsInList("primary-need", need))
        {
            problems.Add("PrimaryNeedCode", "Select the child's primary need from the list");
        }
        else if (need is null && !referral.ReferralNfa)
        {
            problems.Add("PrimaryNeedCode", "Select the child's primary need: a referral that goes on to further action needs one");
        }

        if (episodes.FirstOrDefault(e => e.IsOpen && !e.ReferralNfa) is { } open)
        {
            problems.Add("ReferralDate", $"{person.DisplayName} already has an open episode, referred on {JourneyProblems.Format(open.ReferralDate)}: close it before opening another");
        }

        problems.ThrowIfAny();

        var episode = new NeedEpisode
        {
            PersonId = personId,
            ReferralDate = referral.ReferralDate!.Value,
            ReferralSource = source!,
            PrimaryNeedCode = need,
            ReferralNfa = referral.ReferralNfa,
            FrontDoorContactId = referral.FrontDoorContactId,
            CreatedAt = db.Time.GetUtcNow(),
        };
        episodes.Add(episode);
        var warnings = Enforce(person, episodes, before, calendarInForce, ReferralFields);

        using var process = db.BeginProcess("Casework.OpenReferral", actor);
        db.NeedEpisodes.Add(episode);
        await db.SaveAndClearAsync(cancellationToken);
        return new JourneyChange(episode.Id, warnings);
    }

    /// <summary>Starts an assessment.</summary>
    public Task<JourneyChange> StartAssessmentAsync(Guid episodeId, int version, DateOnly? startDate, DateOnly? childSeenDate, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(episodeId, version, "Casework.StartAssessment", actor, AssessmentFields, (episode, problems) =>
        {
            RefuseIfNoFurtherActionOrClosed(episode, problems);
            problems.RequiredDate("StartDate", startDate, "the date the assessment started", episode.ReferralDate, "the referral");
            problems.OptionalDate("ChildSeenDate", childSeenDate, "the date the child was seen", startDate, "the assessment's start");
            if (episode.Assessments.FirstOrDefault(a => a.IsOpen) is { } open)
            {
                problems.Add("StartDate", $"An assessment started on {JourneyProblems.Format(open.StartDate)} is still open: complete it before starting another");
            }

            if (problems.Any)
            {
                return Guid.Empty;
            }

            var assessment = new CaseAssessment { EpisodeId = episode.Id, StartDate = startDate!.Value, ChildSeenDate = childSeenDate };
            episode.Assessments.Add(assessment);
            return assessment.Id;
        }, cancellationToken);

    /// <summary>Completes (authorises) an assessment with the factors identified.</summary>
    public Task<JourneyChange> CompleteAssessmentAsync(
        Guid episodeId, int version, Guid assessmentId, DateOnly? childSeenDate, DateOnly? authorisationDate, IReadOnlyCollection<string> factors, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factors);
        return ChangeAsync(episodeId, version, "Casework.CompleteAssessment", actor, AssessmentFields, (episode, problems) =>
        {
            var assessment = episode.Assessments.FirstOrDefault(a => a.Id == assessmentId);
            if (assessment is null || !assessment.IsOpen)
            {
                problems.Add("AssessmentId", "There is no open assessment to complete");
                return Guid.Empty;
            }

            problems.RequiredDate("AuthorisationDate", authorisationDate, "the date the assessment was authorised", assessment.StartDate, "the assessment's start");
            var seen = childSeenDate ?? assessment.ChildSeenDate;
            problems.OptionalDate("ChildSeenDate", seen, "the date the child was seen", assessment.StartDate, "the assessment's start");
            var codes = factors.Select(f => f.Trim().ToUpperInvariant()).Where(f => f.Length > 0).ToList();
            if (codes.Count == 0)
            {
                problems.Add("Factors", "Select the factors identified at the assessment, or 'no factors identified'");
            }
            else if (codes.FirstOrDefault(c => !Lists.IsInList("assessment-factor", c)) is { } unknown)
            {
                problems.Add("Factors", $"{unknown} is not a factor code of the census");
            }
            else if (codes.Contains("21") && codes.Count > 1)
            {
                problems.Add("Factors", "'No factors identified' (21) stands alone: clear it or the other factors");
            }
            else if (codes.Count != codes.Distinct().Count())
            {
                problems.Add("Factors", "Select each factor once");
            }

            if (problems.Any)
            {
                return Guid.Empty;
            }

            assessment.AuthorisationDate = authorisationDate;
            assessment.ChildSeenDate = seen;
            assessment.Factors = string.Join(',', codes);
            return assessment.Id;
        }, cancellationToken);
    }

    /// <summary>Records a strategy discussion; when the threshold is met the section 47 enquiry starts on its date.</summary>
    public async Task<JourneyChange> RecordStrategyDiscussionAsync(
        Guid episodeId, int version, DateOnly? date, StrategyOutcome? outcome, Actor actor, CancellationToken cancellationToken = default)
    {
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        return await ChangeAsync(episodeId, version, "Casework.StrategyDiscussion", actor, EnquiryFields, (episode, problems) =>
        {
            RefuseIfNoFurtherActionOrClosed(episode, problems);
            problems.RequiredDate("Date", date, "the date of the strategy discussion", episode.ReferralDate, "the referral");
            if (outcome is null || !Enum.IsDefined(outcome.Value))
            {
                problems.Add("Outcome", "Select whether a section 47 enquiry starts");
            }
            else if (outcome == StrategyOutcome.Section47 && episode.Enquiries.FirstOrDefault(s => s.IsOpen) is { } open)
            {
                problems.Add("Outcome", $"A section 47 enquiry started on {JourneyProblems.Format(open.StartDate)} is still open: record its conference first");
            }

            if (problems.Any)
            {
                return Guid.Empty;
            }

            var discussion = new StrategyDiscussion { EpisodeId = episode.Id, Date = date!.Value, Outcome = outcome!.Value };
            episode.StrategyDiscussions.Add(discussion);
            if (outcome == StrategyOutcome.Section47)
            {
                episode.Enquiries.Add(new S47Enquiry
                {
                    EpisodeId = episode.Id,
                    StrategyDiscussionId = discussion.Id,
                    StartDate = discussion.Date,
                    IcpcTargetDate = deadlines.Calculate("icpc", discussion.Date).DueDate,
                });
            }

            return discussion.Id;
        }, cancellationToken);
    }

    /// <summary>
    /// Records the initial child protection conference of a section 47 enquiry. When it decides on a plan, the
    /// child protection plan starts on the conference's date with the category of abuse given.
    /// </summary>
    public Task<JourneyChange> RecordInitialConferenceAsync(
        Guid episodeId, int version, Guid enquiryId, DateOnly? date, ConferenceOutcome? outcome, string? category, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(episodeId, version, "Casework.InitialConference", actor, ConferenceFields, (episode, problems) =>
        {
            var enquiry = episode.Enquiries.FirstOrDefault(s => s.Id == enquiryId);
            if (enquiry is null || !enquiry.IsOpen)
            {
                problems.Add("EnquiryId", "An initial conference needs an open section 47 enquiry: record the strategy discussion first");
                return Guid.Empty;
            }

            problems.RequiredDate("ConferenceDate", date, "the date of the conference", enquiry.StartDate, "the section 47 enquiry's start");
            var code = Code(category);
            if (outcome is null || !Enum.IsDefined(outcome.Value))
            {
                problems.Add("Outcome", "Select whether the child is made subject to a child protection plan");
            }
            else if (outcome == ConferenceOutcome.Plan)
            {
                if (code is null || !Lists.IsInList("category-of-abuse", code))
                {
                    problems.Add("Category", "Select the category of abuse");
                }

                if (episode.ProtectionPlans.FirstOrDefault(p => p.IsOpen) is { } open)
                {
                    problems.Add("Outcome", $"A child protection plan started on {JourneyProblems.Format(open.StartDate)} is still open");
                }
            }

            if (problems.Any)
            {
                return Guid.Empty;
            }

            enquiry.ConferenceDate = date;
            enquiry.ConferenceOutcome = outcome;
            if (outcome == ConferenceOutcome.Plan)
            {
                var plan = new ProtectionPlan { EpisodeId = episode.Id, EnquiryId = enquiry.Id, StartDate = date!.Value, InitialCategory = code!, LatestCategory = code! };
                episode.ProtectionPlans.Add(plan);
                return plan.Id;
            }

            return enquiry.Id;
        }, cancellationToken);

    /// <summary>Ends a section 47 enquiry without the need for an initial conference.</summary>
    public Task<JourneyChange> MarkConferenceNotRequiredAsync(Guid episodeId, int version, Guid enquiryId, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(episodeId, version, "Casework.ConferenceNotRequired", actor, ConferenceFields, (episode, problems) =>
        {
            var enquiry = episode.Enquiries.FirstOrDefault(s => s.Id == enquiryId);
            if (enquiry is null || !enquiry.IsOpen)
            {
                problems.Add("EnquiryId", "There is no open section 47 enquiry");
                return Guid.Empty;
            }

            enquiry.IcpcNotRequired = true;
            return enquiry.Id;
        }, cancellationToken);

    /// <summary>Records a review conference of a child protection plan, with the latest category of abuse when it changed.</summary>
    public Task<JourneyChange> RecordReviewConferenceAsync(
        Guid episodeId, int version, Guid planId, DateOnly? date, string? latestCategory, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(episodeId, version, "Casework.ReviewConference", actor, PlanFields, (episode, problems) =>
        {
            var plan = episode.ProtectionPlans.FirstOrDefault(p => p.Id == planId);
            if (plan is null || !plan.IsOpen)
            {
                problems.Add("PlanId", "There is no open child protection plan to review");
                return Guid.Empty;
            }

            var last = plan.Reviews.Count == 0 ? (DateOnly?)null : plan.Reviews.Max(r => r.Date);
            problems.RequiredDate("ReviewDate", date, "the date of the review conference", plan.StartDate, "the plan's start");
            if (date is { } d && (d == plan.StartDate || d <= last))
            {
                problems.Add("ReviewDate", last is null
                    ? "A review conference is held after the day the plan started"
                    : $"A review conference is held after the previous one ({JourneyProblems.Format(last.Value)})");
            }

            var code = Code(latestCategory);
            if (code is not null && !Lists.IsInList("category-of-abuse", code))
            {
                problems.Add("Category", "Select the category of abuse");
            }

            if (problems.Any)
            {
                return Guid.Empty;
            }

            var review = new ReviewConference { PlanId = plan.Id, Date = date!.Value };
            plan.Reviews.Add(review);
            if (code is not null)
            {
                plan.LatestCategory = code;
            }

            return review.Id;
        }, cancellationToken);

    /// <summary>Ends a child protection plan: after the day it started.</summary>
    public Task<JourneyChange> EndProtectionPlanAsync(Guid episodeId, int version, Guid planId, DateOnly? endDate, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(episodeId, version, "Casework.EndProtectionPlan", actor, PlanFields, (episode, problems) =>
        {
            var plan = episode.ProtectionPlans.FirstOrDefault(p => p.Id == planId);
            if (plan is null || !plan.IsOpen)
            {
                problems.Add("PlanId", "There is no open child protection plan to end");
                return Guid.Empty;
            }

            problems.RequiredDate("EndDate", endDate, "the date the plan ended");
            problems.AfterStart("EndDate", endDate, plan.StartDate, "A child protection plan");
            if (problems.Any)
            {
                return Guid.Empty;
            }

            plan.EndDate = endDate;
            return plan.Id;
        }, cancellationToken);

    /// <summary>Starts a child in need plan.</summary>
    public Task<JourneyChange> StartCinPlanAsync(Guid episodeId, int version, DateOnly? startDate, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(episodeId, version, "Casework.StartCinPlan", actor, CinPlanFields, (episode, problems) =>
        {
            RefuseIfNoFurtherActionOrClosed(episode, problems);
            problems.RequiredDate("StartDate", startDate, "the date the plan started", episode.ReferralDate, "the referral");
            if (episode.CinPlans.FirstOrDefault(p => p.EndDate is null) is { } open)
            {
                problems.Add("StartDate", $"A child in need plan started on {JourneyProblems.Format(open.StartDate)} is still open: end it first");
            }

            if (problems.Any)
            {
                return Guid.Empty;
            }

            var plan = new ChildInNeedPlan { EpisodeId = episode.Id, StartDate = startDate!.Value };
            episode.CinPlans.Add(plan);
            return plan.Id;
        }, cancellationToken);

    /// <summary>Ends a child in need plan: after the day it started.</summary>
    public Task<JourneyChange> EndCinPlanAsync(Guid episodeId, int version, Guid planId, DateOnly? endDate, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(episodeId, version, "Casework.EndCinPlan", actor, CinPlanFields, (episode, problems) =>
        {
            var plan = episode.CinPlans.FirstOrDefault(p => p.Id == planId);
            if (plan is null || plan.EndDate is not null)
            {
                problems.Add("PlanId", "There is no open child in need plan to end");
                return Guid.Empty;
            }

            problems.RequiredDate("EndDate", endDate, "the date the plan ended");
            problems.AfterStart("EndDate", endDate, plan.StartDate, "A child in need plan");
            if (problems.Any)
            {
                return Guid.Empty;
            }

            plan.EndDate = endDate;
            return plan.Id;
        }, cancellationToken);

    /// <summary>
    /// Closes the episode with a census reason for closure. A closure stepping the child down to early help (RC9) opens
    /// an early help episode for the family in the same save, unless the child is already on an open one (ADR 0051).
    /// </summary>
    public async Task<JourneyChange> CloseAsync(Guid episodeId, int version, DateOnly? closureDate, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        EarlyHelp.EarlyHelpEpisode? stepDown = null;
        if (Code(reason) == StepDownToEarlyHelp && closureDate is { } closed
            && await db.NeedEpisodes.Where(e => e.Id == episodeId).Select(e => (Guid?)e.PersonId).FirstOrDefaultAsync(cancellationToken) is { } child)
        {
            stepDown = await EarlyHelp.EarlyHelpService.StepDownAsync(db, episodeId, child, closed, actor, cancellationToken);
        }

        return await ChangeAsync(episodeId, version, "Casework.Close", actor, ClosureFields, (episode, problems) =>
        {
            if (!episode.IsOpen)
            {
                problems.Add("ClosureDate", $"This episode was closed on {JourneyProblems.Format(episode.ClosureDate!.Value)}");
                return Guid.Empty;
            }

            problems.RequiredDate("ClosureDate", closureDate, "the date the episode closed", episode.ReferralDate, "the referral");
            var code = Code(reason);
            if (code is null || !Lists.IsInList("reason-for-closure", code))
            {
                problems.Add("ReasonForClosure", "Select the reason for closure");
            }
            else if (code is "RC8" or "RC9" && episode.Assessments.Count == 0)
            {
                problems.Add("ReasonForClosure", "An episode closes 'after assessment' (RC8 or RC9) only when it has an assessment");
            }

            if (problems.Any)
            {
                return Guid.Empty;
            }

            episode.ClosureDate = closureDate;
            episode.ReasonForClosure = code;
            if (stepDown is not null)
            {
                db.Add(stepDown);
            }

            return episode.Id;
        }, cancellationToken);
    }

    /// <summary>The census reason for closure that steps the child down to early help: "case closed after assessment, referred to early help".</summary>
    public const string StepDownToEarlyHelp = "RC9";

    /// <summary>Allocates the child's open episode to a team and, optionally, a worker; the previous allocation ends.</summary>
    public Task<JourneyChange> AllocateAsync(Guid episodeId, int version, Guid? teamId, Guid? workerId, Actor actor, CancellationToken cancellationToken = default) =>
        AllocateAsync(episodeId, version, teamId, workerId, null, actor, cancellationToken);

    /// <summary>
    /// Allocates the child's open episode to a team and, optionally, a worker; the previous allocation ends. A worker who
    /// replaces an earlier worker of the episode needs the reason for the new social worker (<paramref name="reason"/>, one
    /// of <see cref="LookedAfter.SocialWorkerEpisodes.Reasons"/>: the SSDA903 SW_REASON); the episode's first worker is a
    /// first contact (FCONTA) unless another reason is given. docs/adr/0087.
    /// </summary>
    public async Task<JourneyChange> AllocateAsync(Guid episodeId, int version, Guid? teamId, Guid? workerId, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        reason = Code(reason);
        var team = teamId is { } t ? await AllocationChoices.Teams(db).AsNoTracking().FirstOrDefaultAsync(x => x.Id == t, cancellationToken) : null;
        var worker = workerId is { } w && team is not null ? await AllocationChoices.Workers(db, team.Id).AsNoTracking().FirstOrDefaultAsync(u => u.Id == w, cancellationToken) : null;
        var now = db.Time.GetUtcNow();
        return await ChangeAsync(episodeId, version, "Casework.Allocate", actor, new Dictionary<string, string>(), (episode, problems) =>
        {
            if (!episode.IsOpen)
            {
                problems.Add("TeamId", "A closed episode cannot be allocated");
            }

            if (teamId is null)
            {
                problems.Add("TeamId", "Select the team");
            }
            else if (team is null)
            {
                problems.Add("TeamId", "Select one of children's social care's teams: casework is held only by them");
            }
            else if (workerId is not null && worker is null)
            {
                problems.Add("WorkerId", $"Select a worker from {team.Name} who holds casework (a social worker or team manager who can sign in), or leave the worker blank");
            }

            var current = episode.Allocations.FirstOrDefault(a => a.To is null);
            if (current is not null && current.TeamId == teamId && current.WorkerId == workerId)
            {
                problems.Add("TeamId", "The child is already allocated to this team and worker");
            }

            // The reason for a new social worker (SSDA903 SW_REASON): asked when a worker replaces the episode's last one.
            var lastWorker = episode.Allocations.Where(a => a.WorkerId is not null).MaxBy(a => a.From)?.WorkerId;
            var newWorker = workerId is not null && (current?.WorkerId != workerId || current is null);
            if (reason is not null && !LookedAfter.SocialWorkerEpisodes.IsReason(reason))
            {
                problems.Add("SocialWorkerReason", "Select the reason for the new social worker from the list");
            }
            else if (newWorker && lastWorker is not null && lastWorker != workerId && reason is null)
            {
                problems.Add("SocialWorkerReason", "Select the reason for the new social worker: the child had another social worker in this episode");
            }

            if (problems.Any)
            {
                return Guid.Empty;
            }

            current?.To = now;
            var allocation = new CaseAllocation
            {
                EpisodeId = episode.Id,
                PersonId = episode.PersonId,
                TeamId = team!.Id,
                WorkerId = worker?.Id,
                From = now,
                AllocatedByName = actor.Name,
                SocialWorkerReason = !newWorker ? null : lastWorker is null ? reason ?? LookedAfter.SocialWorkerEpisodes.FirstContact : lastWorker == workerId ? null : reason,
            };
            episode.Allocations.Add(allocation);
            return allocation.Id;
        }, cancellationToken);
    }

    /// <summary>The open episodes with everything a projection or deadline needs.</summary>
    internal IQueryable<NeedEpisode> Episodes(Guid personId) => WithRecords(db.NeedEpisodes.Where(e => e.PersonId == personId));

    internal static IQueryable<NeedEpisode> WithRecords(IQueryable<NeedEpisode> episodes) => episodes
        .Include(e => e.Assessments)
        .Include(e => e.CinPlans)
        .Include(e => e.StrategyDiscussions)
        .Include(e => e.Enquiries)
        .Include(e => e.ProtectionPlans).ThenInclude(p => p.Reviews)
        .Include(e => e.Allocations)
        .AsSplitQuery();

    private static readonly Dictionary<string, string> ReferralFields = new(StringComparer.Ordinal)
    {
        ["CINreferralDate"] = "ReferralDate",
        ["ReferralSource"] = "ReferralSource",
        ["PrimaryNeedCode"] = "PrimaryNeedCode",
        ["ReferralNFA"] = "ReferralNfa",
        ["CINdetails"] = "ReferralDate",
    };

    private static readonly Dictionary<string, string> AssessmentFields = new(StringComparer.Ordinal)
    {
        ["AssessmentActualStartDate"] = "StartDate",
        ["AssessmentAuthorisationDate"] = "AuthorisationDate",
        ["AssessmentFactors"] = "Factors",
    };

    private static readonly Dictionary<string, string> EnquiryFields = new(StringComparer.Ordinal)
    {
        ["S47ActualStartDate"] = "Date",
        ["InitialCPCtarget"] = "Date",
        ["Section47"] = "Outcome",
    };

    private static readonly Dictionary<string, string> ConferenceFields = new(StringComparer.Ordinal)
    {
        ["DateOfInitialCPC"] = "ConferenceDate",
        ["CPPstartDate"] = "ConferenceDate",
        ["ICPCnotRequired"] = "Outcome",
        ["InitialCategoryOfAbuse"] = "Category",
    };

    private static readonly Dictionary<string, string> PlanFields = new(StringComparer.Ordinal)
    {
        ["CPPreviewDate"] = "ReviewDate",
        ["CPPendDate"] = "EndDate",
        ["LatestCategoryOfAbuse"] = "Category",
    };

    private static readonly Dictionary<string, string> CinPlanFields = new(StringComparer.Ordinal)
    {
        ["CINPlanStartDate"] = "StartDate",
        ["CINPlanEndDate"] = "EndDate",
    };

    private static readonly Dictionary<string, string> ClosureFields = new(StringComparer.Ordinal)
    {
        ["CINclosureDate"] = "ClosureDate",
        ["ReasonForClosure"] = "ReasonForClosure",
        ["AssessmentAuthorisationDate"] = "ClosureDate",
        ["DateOfInitialCPC"] = "ClosureDate",
    };

    private static CinReferenceData Lists => CinReferenceData.For(JourneyRules.RuleYear);

    private static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();

    private static void RefuseIfNoFurtherActionOrClosed(NeedEpisode episode, JourneyProblems problems)
    {
        if (!episode.IsOpen)
        {
            problems.Add("", $"This episode was closed on {JourneyProblems.Format(episode.ClosureDate!.Value)}: open a new referral instead");
        }
        else if (episode.ReferralNfa)
        {
            problems.Add("", "This referral led to no further action: open a new referral instead");
        }
    }

    /// <summary>
    /// Loads the episode and its child, checks the rules before and after the change, and saves it with the
    /// episode's version: a change made to the episode meanwhile is refused.
    /// </summary>
    private async Task<JourneyChange> ChangeAsync(
        Guid episodeId, int version, string process, Actor actor, IReadOnlyDictionary<string, string> fields,
        Func<NeedEpisode, JourneyProblems, Guid> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var personId = await db.NeedEpisodes.Where(e => e.Id == episodeId).Select(e => (Guid?)e.PersonId).FirstOrDefaultAsync(cancellationToken);
        var person = personId is null ? null : await people.Visible(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            throw new SafeguardValidationException("EpisodeId", "There is no such episode");
        }

        try
        {
            var episodes = await Episodes(person.Id).ToListAsync(cancellationToken);
            var episode = episodes.Single(e => e.Id == episodeId);
            var calendarInForce = await calendar.CalendarAsync(cancellationToken);
            var before = JourneyRules.Check(CensusProjection.Project(person, episodes), calendarInForce, Today);
            var problems = new JourneyProblems(Today);
            var id = change(episode, problems);
            problems.ThrowIfAny();
            var warnings = Enforce(person, episodes, before, calendarInForce, fields);

            using var scope = db.BeginProcess(process, actor);
            var entry = db.Entry(episode);
            entry.Property(e => e.Version).OriginalValue = version;
            if (entry.State == EntityState.Unchanged)
            {
                // The episode is saved too, so every change to its records raises its version.
                entry.State = EntityState.Modified;
            }

            await db.SaveChangesAsync(cancellationToken);
            return new JourneyChange(id, warnings);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private IReadOnlyList<string> Enforce(Person person, IReadOnlyList<NeedEpisode> episodes, IReadOnlyList<CinIssue> before, WorkingDayCalendar calendarInForce, IReadOnlyDictionary<string, string> fields)
    {
        var after = JourneyRules.Check(CensusProjection.Project(person, episodes), calendarInForce, Today);
        return JourneyRules.Enforce(JourneyRules.Introduced(before, after), fields);
    }
}

/// <summary>The problems with a change, each naming its field; dates are checked against today and an earliest date.</summary>
internal sealed class JourneyProblems(DateOnly today)
{
    private readonly List<ValidationProblem> _problems = [];

    public bool Any => _problems.Count > 0;

    public void Add(string field, string message) => _problems.Add(new ValidationProblem(field, message));

    public void RequiredDate(string field, DateOnly? date, string what, DateOnly? notBefore = null, string? notBeforeWhat = null)
    {
        if (date is null)
        {
            Add(field, $"Enter {what}");
            return;
        }

        OptionalDate(field, date, what, notBefore, notBeforeWhat);
    }

    public void OptionalDate(string field, DateOnly? date, string what, DateOnly? notBefore = null, string? notBeforeWhat = null)
    {
        if (date is not { } d)
        {
            return;
        }

        if (d > today)
        {
            Add(field, $"{Capitalise(what)} must be today or in the past, not {Format(d)}");
        }
        else if (notBefore is { } earliest && d < earliest)
        {
            Add(field, $"{Capitalise(what)} must be on or after {notBeforeWhat} ({Format(earliest)})");
        }
    }

    /// <summary>A plan ends after the day it starts, never before it or on it.</summary>
    public void AfterStart(string field, DateOnly? end, DateOnly start, string what)
    {
        if (end is { } e && e <= start && e <= today)
        {
            Add(field, $"{what} ends after the day it started ({Format(start)}), not before it or on it");
        }
    }

    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new SafeguardValidationException(_problems.ToList());
        }
    }

    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
