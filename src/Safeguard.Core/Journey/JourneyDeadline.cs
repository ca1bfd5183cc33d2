using Safeguard.Timescales;

namespace Safeguard.Journey;

/// <summary>Something due on an open episode, with its timescale and where it stands today.</summary>
/// <param name="What">What is due, in a few words.</param>
/// <param name="RecordId">The assessment, enquiry or plan it is due on.</param>
/// <param name="Assessment">The deadline and its status.</param>
public sealed record JourneyDeadline(string What, Guid RecordId, DeadlineAssessment Assessment)
{
    /// <summary>
    /// What is due on an open episode: an open assessment (45 working days from the referral), an open section
    /// 47 enquiry's initial conference (15 working days from its strategy discussion), and an open child
    /// protection plan's next review (3 months from the plan's start, then 6 months from the last review).
    /// </summary>
    public static IReadOnlyList<JourneyDeadline> For(NeedEpisode episode, DeadlineService deadlines)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(deadlines);
        var due = new List<JourneyDeadline>();
        if (!episode.IsOpen || episode.ReferralNfa)
        {
            return due;
        }

        foreach (var assessment in episode.Assessments.Where(a => a.IsOpen))
        {
            due.Add(new("Assessment", assessment.Id, deadlines.Assess(deadlines.Calculate("assessment", episode.ReferralDate))));
        }

        foreach (var enquiry in episode.Enquiries.Where(s => s.IsOpen))
        {
            var discussion = episode.StrategyDiscussions.FirstOrDefault(d => d.Id == enquiry.StrategyDiscussionId);
            due.Add(new("Initial child protection conference", enquiry.Id, deadlines.Assess(deadlines.Calculate("icpc", discussion?.Date ?? enquiry.StartDate))));
        }

        foreach (var plan in episode.ProtectionPlans.Where(p => p.IsOpen))
        {
            var deadline = plan.Reviews.Count == 0
                ? deadlines.Calculate("first-cp-review", plan.StartDate)
                : deadlines.Calculate("later-cp-review", plan.Reviews.Max(r => r.Date));
            due.Add(new(plan.Reviews.Count == 0 ? "First review conference" : "Review conference", plan.Id, deadlines.Assess(deadline)));
        }

        return [.. due.OrderBy(d => d.Assessment.Deadline.DueDate)];
    }

    /// <summary>
    /// Due soon or overdue for a team manager's attention: overdue, due today or within the timescale's warning
    /// window, and assessments from their 40th working day (5 or fewer working days left).
    /// </summary>
    public static bool NeedsAttention(DeadlineAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.Status is DeadlineStatus.Overdue or DeadlineStatus.DueToday or DeadlineStatus.DueSoon
            || (assessment.Deadline.Rule.Id == "assessment" && assessment.Status == DeadlineStatus.NotYetDue && assessment.WorkingDaysRemaining <= AssessmentAttentionDays);
    }

    /// <summary>Working days left when an assessment needs attention: 45 - 40.</summary>
    public const int AssessmentAttentionDays = 5;
}
