namespace Safeguard.Interchange.Cin.Rules;

/// <summary>Rules on child in need plans, child protection plans and their reviews.</summary>
internal static class ChildRulesOnPlans
{
    /// <summary>
    /// 2885: a child protection plan starting in the census year starts on the day of an initial conference of its
    /// episode: a section 47 enquiry's, or the episode's own when the episode has no section 47 enquiry (DfE: "a
    /// CINDetails module DateOfInitialCPC if there is no associated Section 47 record").
    /// </summary>
    public static void ProtectionPlanStartsOnConference(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            foreach (var plan in episode.ProtectionPlans)
            {
                if (plan.StartDate is not { } start || !context.InCensusYear(start))
                {
                    continue;
                }

                var matches = episode.Section47Enquiries.Count == 0 && episode.DateOfInitialCpc == start;
                foreach (var enquiry in episode.Section47Enquiries)
                {
                    matches |= enquiry.DateOfInitialCpc == start;
                }

                if (!matches)
                {
                    context.Report(plan.Line, "CPPstartDate", "DateOfInitialCPC");
                }
            }
        }
    }

    /// <summary>4000: a referral with no further action has no child in need plan.</summary>
    public static void CinPlanOnNoFurtherAction(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.ReferralNfa == true && episode.CinPlans.Count > 0)
            {
                context.Report(episode.CinPlans[0].Line, "CINPlanStartDate", "ReferralNFA");
            }
        }
    }

    /// <summary>4001: an episode with an open child protection plan has no open child in need plan.</summary>
    public static void OpenCinPlanWithOpenProtectionPlan(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (FirstOpen(episode.ProtectionPlans) is not null && FirstOpen(episode.CinPlans) is { } open)
            {
                context.Report(open.Line, "CINPlanEndDate", "CPPendDate");
            }
        }
    }

    /// <summary>
    /// 4003: within an episode, no child protection plan review falls while a child in need plan is open (from its
    /// start to before its end, or to the reference date when open), unless the review is on the day the plan ended.
    /// </summary>
    public static void ReviewDuringCinPlan(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.CinPlans.Count > 0)
            {
                foreach (var plan in episode.ProtectionPlans)
                {
                    foreach (var review in plan.Reviews)
                    {
                        if (review.Date is not { } date || date == plan.EndDate)
                        {
                            continue;
                        }

                        foreach (var c in episode.CinPlans)
                        {
                            if (Within(date, c.StartDate, c.EndDate, context.ReferenceDate))
                            {
                                context.Report(review.Line, "CPPreviewDate", "CINPlanStartDate", "CINPlanEndDate");
                                break;
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>4004: a child has at most one open child in need plan.</summary>
    public static void MoreThanOneOpenCinPlan(CinChild child, CinRuleContext context)
    {
        var open = 0;
        foreach (var plan in Each.CinPlan(child))
        {
            if (plan.EndDate is null && ++open == 2)
            {
                context.Report(plan.Line, "CINPlanEndDate");
                return;
            }
        }
    }

    /// <summary>4008: no child in need plan starts after the child's death.</summary>
    public static void CinPlanStartsAfterDeath(CinChild child, CinRuleContext context)
    {
        foreach (var plan in Each.CinPlan(child))
        {
            if (plan.StartDate > child.DeathDate)
            {
                context.Report(plan.Line, "CINPlanStartDate", "PersonDeathDate");
            }
        }
    }

    /// <summary>4009Q: no child in need plan ends after the child's death.</summary>
    public static void CinPlanEndsAfterDeath(CinChild child, CinRuleContext context)
    {
        foreach (var plan in Each.CinPlan(child))
        {
            if (plan.EndDate > child.DeathDate)
            {
                context.Report(plan.Line, "CINPlanEndDate", "PersonDeathDate");
            }
        }
    }

    /// <summary>4010: a child in need plan has a start date on or before the reference date.</summary>
    public static void CinPlanStartMissingOrLate(CinChild child, CinRuleContext context)
    {
        foreach (var plan in Each.CinPlan(child))
        {
            if (plan.StartDate is null || plan.StartDate > context.ReferenceDate)
            {
                context.Report(plan.Line, "CINPlanStartDate");
            }
        }
    }

    /// <summary>4011: a child in need plan does not end before it starts.</summary>
    public static void CinPlanEndsBeforeStart(CinChild child, CinRuleContext context)
    {
        foreach (var plan in Each.CinPlan(child))
        {
            if (plan.EndDate < plan.StartDate)
            {
                context.Report(plan.Line, "CINPlanStartDate", "CINPlanEndDate");
            }
        }
    }

    /// <summary>4012Q: a child in need plan does not start and end on the same day.</summary>
    public static void CinPlanStartsAndEndsSameDay(CinChild child, CinRuleContext context)
    {
        foreach (var plan in Each.CinPlan(child))
        {
            if (plan.EndDate is not null && plan.EndDate == plan.StartDate)
            {
                context.Report(plan.Line, "CINPlanStartDate", "CINPlanEndDate");
            }
        }
    }

    /// <summary>4013: a child in need plan's end date falls in the census year.</summary>
    public static void CinPlanEndOutsideYear(CinChild child, CinRuleContext context)
    {
        foreach (var plan in Each.CinPlan(child))
        {
            if (plan.EndDate is { } d && !context.InCensusYear(d))
            {
                context.Report(plan.Line, "CINPlanEndDate");
            }
        }
    }

    /// <summary>4014: a child's child in need plans do not overlap (one may start on the day another ends).</summary>
    public static void CinPlansOverlap(CinChild child, CinRuleContext context)
    {
        var count = 0;
        foreach (var plan in Each.CinPlan(child))
        {
            count++;
        }

        if (count < 2)
        {
            return;
        }

        var plans = new List<(DateOnly? Start, DateOnly? End, int Line)>(count);
        foreach (var plan in Each.CinPlan(child))
        {
            plans.Add((plan.StartDate, plan.EndDate, plan.Line));
        }

        foreach (var line in Overlapping(plans, context.ReferenceDate))
        {
            context.Report(line, "CINPlanStartDate", "CINPlanEndDate");
        }
    }

    /// <summary>4015: no child in need plan starts before its episode's referral.</summary>
    public static void CinPlanBeforeReferral(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            foreach (var plan in episode.CinPlans)
            {
                if (plan.StartDate < episode.ReferralDate)
                {
                    context.Report(plan.Line, "CINPlanStartDate", "CINreferralDate");
                }
            }
        }
    }

    /// <summary>
    /// 4016: no child in need plan starts while a child protection plan is open: on or after its start and before its
    /// end (or on or before the reference date when it has none). It may start on the day the protection plan ends.
    /// </summary>
    public static void CinPlanStartsDuringProtectionPlan(CinChild child, CinRuleContext context)
    {
        if (!Each.ProtectionPlan(child).Any())
        {
            return;
        }

        foreach (var plan in Each.CinPlan(child))
        {
            if (plan.StartDate is not { } start)
            {
                continue;
            }

            foreach (var p in Each.ProtectionPlan(child))
            {
                if (Within(start, p.StartDate, p.EndDate, context.ReferenceDate))
                {
                    context.Report(plan.Line, "CINPlanStartDate", "CPPstartDate", "CPPendDate");
                    break;
                }
            }
        }
    }

    /// <summary>
    /// 4017: no child protection plan starts while a child in need plan is open: on or after its start and before its
    /// end (or on or before the reference date when it has none). It may start on the day the child in need plan ends.
    /// </summary>
    public static void ProtectionPlanStartsDuringCinPlan(CinChild child, CinRuleContext context)
    {
        if (!Each.CinPlan(child).Any())
        {
            return;
        }

        foreach (var plan in Each.ProtectionPlan(child))
        {
            if (plan.StartDate is not { } start)
            {
                continue;
            }

            foreach (var c in Each.CinPlan(child))
            {
                if (Within(start, c.StartDate, c.EndDate, context.ReferenceDate))
                {
                    context.Report(plan.Line, "CPPstartDate", "CINPlanStartDate", "CINPlanEndDate");
                    break;
                }
            }
        }
    }

    private static CinPlan? FirstOpen(List<CinPlan> plans)
    {
        foreach (var plan in plans)
        {
            if (plan.EndDate is null)
            {
                return plan;
            }
        }

        return null;
    }

    private static ChildProtectionPlan? FirstOpen(List<ChildProtectionPlan> plans)
    {
        foreach (var plan in plans)
        {
            if (plan.EndDate is null)
            {
                return plan;
            }
        }

        return null;
    }

    private static bool Within(DateOnly date, DateOnly? start, DateOnly? end, DateOnly referenceDate) =>
        start is { } s && date >= s && (end is { } e ? date < e : date <= referenceDate);

    /// <summary>8720: a child protection plan has a start date on or before the reference date.</summary>
    public static void ProtectionPlanStartMissingOrLate(CinChild child, CinRuleContext context)
    {
        foreach (var plan in Each.ProtectionPlan(child))
        {
            if (plan.StartDate is null || plan.StartDate > context.ReferenceDate)
            {
                context.Report(plan.Line, "CPPstartDate");
            }
        }
    }

    /// <summary>8730: a child protection plan gives the number of previous plans.</summary>
    public static void PreviousPlansMissing(CinChild child, CinRuleContext context)
    {
        foreach (var plan in Each.ProtectionPlan(child))
        {
            if (plan.NumberOfPreviousCpp is null)
            {
                context.Report(plan.Line, "NumberOfPreviousCPP");
            }
        }
    }

    /// <summary>8832: a referral with no further action has no child protection plan.</summary>
    public static void ProtectionPlanOnNoFurtherAction(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.ReferralNfa == true && episode.ProtectionPlans.Count > 0)
            {
                context.Report(episode.ProtectionPlans[0].Line, "CPPstartDate", "ReferralNFA");
            }
        }
    }

    /// <summary>8840: a child protection plan does not start and end on the same day.</summary>
    public static void ProtectionPlanStartsAndEndsSameDay(CinChild child, CinRuleContext context)
    {
        foreach (var plan in Each.ProtectionPlan(child))
        {
            if (plan.EndDate is not null && plan.EndDate == plan.StartDate)
            {
                context.Report(plan.Line, "CPPstartDate", "CPPendDate");
            }
        }
    }

    /// <summary>8841: every review is after the plan's start date.</summary>
    public static void ReviewNotAfterStart(CinChild child, CinRuleContext context)
    {
        foreach (var plan in Each.ProtectionPlan(child))
        {
            foreach (var review in plan.Reviews)
            {
                if (review.Date <= plan.StartDate)
                {
                    context.Report(review.Line, "CPPreviewDate", "CPPstartDate");
                }
            }
        }
    }

    /// <summary>8842Q: a review has a date.</summary>
    public static void ReviewDateMissing(CinChild child, CinRuleContext context)
    {
        foreach (var plan in Each.ProtectionPlan(child))
        {
            foreach (var review in plan.Reviews)
            {
                if (review.Date is null)
                {
                    context.Report(review.Line, "CPPreviewDate");
                }
            }
        }
    }

    /// <summary>8905: the initial category of abuse is given and in the code list.</summary>
    public static void InitialCategoryValid(CinChild child, CinRuleContext context)
    {
        foreach (var plan in Each.ProtectionPlan(child))
        {
            if (!context.ReferenceData.IsInList("category-of-abuse", plan.InitialCategoryOfAbuse))
            {
                context.Report(plan.Line, "InitialCategoryOfAbuse");
            }
        }
    }

    /// <summary>8910: the latest category of abuse is given and in the code list.</summary>
    public static void LatestCategoryValid(CinChild child, CinRuleContext context)
    {
        foreach (var plan in Each.ProtectionPlan(child))
        {
            if (!context.ReferenceData.IsInList("category-of-abuse", plan.LatestCategoryOfAbuse))
            {
                context.Report(plan.Line, "LatestCategoryOfAbuse");
            }
        }
    }

    /// <summary>8915: no child protection plan starts after the child's death.</summary>
    public static void ProtectionPlanStartsAfterDeath(CinChild child, CinRuleContext context)
    {
        foreach (var plan in Each.ProtectionPlan(child))
        {
            if (plan.StartDate > child.DeathDate)
            {
                context.Report(plan.Line, "CPPstartDate", "PersonDeathDate");
            }
        }
    }

    /// <summary>8920: no child protection plan ends after the child's death.</summary>
    public static void ProtectionPlanEndsAfterDeath(CinChild child, CinRuleContext context)
    {
        foreach (var plan in Each.ProtectionPlan(child))
        {
            if (plan.EndDate > child.DeathDate)
            {
                context.Report(plan.Line, "CPPendDate", "PersonDeathDate");
            }
        }
    }

    /// <summary>8925: a child protection plan does not end before it starts.</summary>
    public static void ProtectionPlanEndsBeforeStart(CinChild child, CinRuleContext context)
    {
        foreach (var plan in Each.ProtectionPlan(child))
        {
            if (plan.EndDate < plan.StartDate)
            {
                context.Report(plan.Line, "CPPstartDate", "CPPendDate");
            }
        }
    }

    /// <summary>8930: a child protection plan's end date falls in the census year.</summary>
    public static void ProtectionPlanEndOutsideYear(CinChild child, CinRuleContext context)
    {
        foreach (var plan in Each.ProtectionPlan(child))
        {
            if (plan.EndDate is { } d && !context.InCensusYear(d))
            {
                context.Report(plan.Line, "CPPendDate");
            }
        }
    }

    /// <summary>8935: a child has at most one open child protection plan.</summary>
    public static void MoreThanOneOpenProtectionPlan(CinChild child, CinRuleContext context)
    {
        var open = 0;
        foreach (var plan in Each.ProtectionPlan(child))
        {
            if (plan.EndDate is null && ++open == 2)
            {
                context.Report(plan.Line, "CPPendDate");
                return;
            }
        }
    }

    /// <summary>8940: a child's child protection plans do not overlap (one may start on the day another ends).</summary>
    public static void ProtectionPlansOverlap(CinChild child, CinRuleContext context)
    {
        var count = 0;
        foreach (var plan in Each.ProtectionPlan(child))
        {
            count++;
        }

        if (count < 2)
        {
            return;
        }

        var plans = new List<(DateOnly? Start, DateOnly? End, int Line)>(count);
        foreach (var plan in Each.ProtectionPlan(child))
        {
            plans.Add((plan.StartDate, plan.EndDate, plan.Line));
        }

        foreach (var line in Overlapping(plans, context.ReferenceDate))
        {
            context.Report(line, "CPPstartDate", "CPPendDate");
        }
    }

    /// <summary>
    /// The lines of the periods that start within an earlier (or equal, listed earlier) period: on or after its start
    /// and before its end, or on or before the reference date when it is open.
    /// </summary>
    private static IEnumerable<int> Overlapping(List<(DateOnly? Start, DateOnly? End, int Line)> periods, DateOnly referenceDate)
    {
        if (periods.Count < 2)
        {
            yield break;
        }

        for (var i = 0; i < periods.Count; i++)
        {
            if (periods[i].Start is not { } start)
            {
                continue;
            }

            for (var j = 0; j < periods.Count; j++)
            {
                var other = periods[j];
                if (i == j || other.Start is not { } otherStart || start < otherStart || (start == otherStart && i < j))
                {
                    continue;
                }

                if (other.End is { } end ? start < end : start <= referenceDate)
                {
                    yield return periods[i].Line;
                    break;
                }
            }
        }
    }
}
