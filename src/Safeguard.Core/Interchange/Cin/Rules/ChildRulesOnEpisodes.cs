namespace Safeguard.Interchange.Cin.Rules;

/// <summary>Rules on episodes (the census's CINdetails): referral, closure, the no-further-action flag.</summary>
internal static class ChildRulesOnEpisodes
{
    /// <summary>Rule 8866 asks for a source of referral on referrals from this day.</summary>
    private static readonly DateOnly SourceOfReferralRequiredFrom = new(2013, 4, 1);

    /// <summary>1103: no assessment starts before its episode's referral.</summary>
    public static void AssessmentBeforeReferral(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            foreach (var assessment in episode.Assessments)
            {
                if (assessment.StartDate < episode.ReferralDate)
                {
                    context.Report(assessment.Line, "AssessmentActualStartDate", "CINreferralDate");
                }
            }
        }
    }

    /// <summary>1104: no initial child protection conference (at either level) before its episode's referral.</summary>
    public static void ConferenceBeforeReferral(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.DateOfInitialCpc < episode.ReferralDate)
            {
                context.Report(episode.Line, "DateOfInitialCPC", "CINreferralDate");
            }

            foreach (var enquiry in episode.Section47Enquiries)
            {
                if (enquiry.DateOfInitialCpc < episode.ReferralDate)
                {
                    context.Report(enquiry.Line, "DateOfInitialCPC", "CINreferralDate");
                }
            }
        }
    }

    /// <summary>1105: no child protection plan starts before its episode's referral.</summary>
    public static void ProtectionPlanBeforeReferral(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            foreach (var plan in episode.ProtectionPlans)
            {
                if (plan.StartDate < episode.ReferralDate)
                {
                    context.Report(plan.Line, "CPPstartDate", "CINreferralDate");
                }
            }
        }
    }

    /// <summary>2884: a conference date at episode level is not also recorded on a section 47 enquiry of the child.</summary>
    public static void ConferenceRecordedTwice(CinChild child, CinRuleContext context)
    {
        var anyAtEpisodeLevel = false;
        foreach (var episode in child.Episodes)
        {
            anyAtEpisodeLevel |= episode.DateOfInitialCpc is not null;
        }

        if (!anyAtEpisodeLevel)
        {
            return;
        }

        var s47Dates = new HashSet<DateOnly>();
        foreach (var enquiry in Each.Section47(child))
        {
            if (enquiry.DateOfInitialCpc is { } conference)
            {
                s47Dates.Add(conference);
            }
        }

        if (s47Dates.Count == 0)
        {
            return;
        }

        foreach (var episode in child.Episodes)
        {
            if (episode.DateOfInitialCpc is { } date && s47Dates.Contains(date))
            {
                context.Report(episode.Line, "DateOfInitialCPC");
            }
        }
    }

    /// <summary>2889: no section 47 enquiry starts before its episode's referral.</summary>
    public static void Section47BeforeReferral(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            foreach (var enquiry in episode.Section47Enquiries)
            {
                if (enquiry.StartDate < episode.ReferralDate)
                {
                    context.Report(enquiry.Line, "S47ActualStartDate", "CINreferralDate");
                }
            }
        }
    }

    /// <summary>
    /// 2990: an episode closed after assessment (RC8, RC9) has no child protection plan, initial conference at episode
    /// level or child in need plan: the three DfE's text lists (a section 47 enquiry is not among them).
    /// </summary>
    public static void ActivityAfterClosedAfterAssessment(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.ReasonForClosure is "RC8" or "RC9"
                && (episode.ProtectionPlans.Count > 0 || episode.DateOfInitialCpc is not null || episode.CinPlans.Count > 0))
            {
                context.Report(episode.Line, "ReasonForClosure");
            }
        }
    }

    /// <summary>2991Q: an episode with a section 47 enquiry has an assessment.</summary>
    public static void Section47WithoutAssessment(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.Section47Enquiries.Count > 0 && episode.Assessments.Count == 0)
            {
                context.Report(episode.Section47Enquiries[0].Line, "Section47", "Assessments");
            }
        }
    }

    /// <summary>8555Q: no referral after the child's death.</summary>
    public static void ReferredAfterDeath(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.ReferralDate > child.DeathDate)
            {
                context.Report(episode.Line, "CINreferralDate", "PersonDeathDate");
            }
        }
    }

    /// <summary>
    /// 8565: a closure date is on or after every date DfE's text lists: assessment start and authorisation, section 47
    /// start, initial conference (either level), child protection plan end, child in need plan start and end. A
    /// protection plan's start is not in the list (its conference is).
    /// </summary>
    public static void ActivityAfterClosure(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.ClosureDate is not { } closed)
            {
                continue;
            }

            if (episode.DateOfInitialCpc > closed)
            {
                context.Report(episode.Line, "CINclosureDate", "DateOfInitialCPC");
            }

            foreach (var a in episode.Assessments)
            {
                if (a.StartDate > closed || a.AuthorisationDate > closed)
                {
                    context.Report(a.Line, "CINclosureDate", "AssessmentActualStartDate", "AssessmentAuthorisationDate");
                }
            }

            foreach (var s in episode.Section47Enquiries)
            {
                if (s.StartDate > closed || s.DateOfInitialCpc > closed)
                {
                    context.Report(s.Line, "CINclosureDate", "S47ActualStartDate", "DateOfInitialCPC");
                }
            }

            foreach (var p in episode.ProtectionPlans)
            {
                if (p.EndDate > closed)
                {
                    context.Report(p.Line, "CINclosureDate", "CPPendDate");
                }
            }

            foreach (var p in episode.CinPlans)
            {
                if (p.StartDate > closed || p.EndDate > closed)
                {
                    context.Report(p.Line, "CINclosureDate", "CINPlanStartDate", "CINPlanEndDate");
                }
            }
        }
    }

    /// <summary>8568: the no-further-action flag is given as a yes/no value.</summary>
    public static void NoFurtherActionFlagValid(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.ReferralNfa is null)
            {
                context.Report(episode.Line, "ReferralNFA");
            }
        }
    }

    /// <summary>
    /// 8569Q: a referral made before the working day before the census year started is not flagged as no further
    /// action (the decision would have been made, and returned, last year).
    /// </summary>
    public static void OldReferralMarkedNoFurtherAction(CinChild child, CinRuleContext context)
    {
        var threshold = context.WorkingDayBeforeStart;
        foreach (var episode in child.Episodes)
        {
            if (episode.ReferralNfa == true && episode.ReferralDate < threshold)
            {
                context.Report(episode.Line, "CINreferralDate", "ReferralNFA");
            }
        }
    }

    /// <summary>8585Q: an episode closed because the child died (RC2) goes with a date of death.</summary>
    public static void ClosedAsDiedWithoutDeathDate(CinChild child, CinRuleContext context)
    {
        if (child.DeathDate is not null)
        {
            return;
        }

        foreach (var episode in child.Episodes)
        {
            if (episode.ReasonForClosure == "RC2")
            {
                context.Report(episode.Line, "ReasonForClosure", "PersonDeathDate");
            }
        }
    }

    /// <summary>8590: every child has at least one episode.</summary>
    public static void HasEpisode(CinChild child, CinRuleContext context)
    {
        if (child.Episodes.Count == 0)
        {
            context.Report(child.Line, "CINdetails");
        }
    }

    /// <summary>8600: every episode has a referral date on or before the reference date.</summary>
    public static void ReferralDateMissingOrLate(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.ReferralDate is null || episode.ReferralDate > context.ReferenceDate)
            {
                context.Report(episode.Line, "CINreferralDate");
            }
        }
    }

    /// <summary>8606: no referral more than 40 weeks before the date of birth (or expected date of birth).</summary>
    public static void ReferralLongBeforeBirth(CinChild child, CinRuleContext context)
    {
        if ((child.BirthDate ?? child.ExpectedBirthDate) is not { } birth)
        {
            return;
        }

        var earliest = birth.AddDays(-7 * 40);
        foreach (var episode in child.Episodes)
        {
            if (episode.ReferralDate < earliest)
            {
                context.Report(episode.Line, "CINreferralDate", child.BirthDate is null ? "ExpectedPersonBirthDate" : "PersonBirthDate");
            }
        }
    }

    /// <summary>8610: a referral that led to further action has a primary need code.</summary>
    public static void PrimaryNeedMissing(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.ReferralNfa == false && episode.PrimaryNeedCode is null)
            {
                context.Report(episode.Line, "PrimaryNeedCode");
            }
        }
    }

    /// <summary>8620: a closure date falls in the census year.</summary>
    public static void ClosureOutsideYear(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.ClosureDate is { } d && !context.InCensusYear(d))
            {
                context.Report(episode.Line, "CINclosureDate");
            }
        }
    }

    /// <summary>8630: an episode does not close before its referral.</summary>
    public static void ClosureBeforeReferral(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.ClosureDate < episode.ReferralDate)
            {
                context.Report(episode.Line, "CINclosureDate", "CINreferralDate");
            }
        }
    }

    /// <summary>8640: a reason for closure is in the code list.</summary>
    public static void ReasonForClosureValid(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.ReasonForClosure is not null && !context.ReferenceData.IsInList("reason-for-closure", episode.ReasonForClosure))
            {
                context.Report(episode.Line, "ReasonForClosure");
            }
        }
    }

    /// <summary>8650: a primary need code is in the code list.</summary>
    public static void PrimaryNeedValid(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.PrimaryNeedCode is not null && !context.ReferenceData.IsInList("primary-need", episode.PrimaryNeedCode))
            {
                context.Report(episode.Line, "PrimaryNeedCode");
            }
        }
    }

    /// <summary>8805: a closure date goes with a reason for closure.</summary>
    public static void ClosureDateWithoutReason(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.ClosureDate is not null && episode.ReasonForClosure is null)
            {
                context.Report(episode.Line, "CINclosureDate", "ReasonForClosure");
            }
        }
    }

    /// <summary>8810: a reason for closure goes with a closure date.</summary>
    public static void ReasonWithoutClosureDate(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.ReasonForClosure is not null && episode.ClosureDate is null)
            {
                context.Report(episode.Line, "ReasonForClosure", "CINclosureDate");
            }
        }
    }

    /// <summary>8815: at most one open episode that is not a referral with no further action.</summary>
    public static void MoreThanOneOpenEpisode(CinChild child, CinRuleContext context)
    {
        var open = 0;
        foreach (var episode in child.Episodes)
        {
            if (episode.IsOpen && episode.ReferralNfa == false && ++open == 2)
            {
                context.Report(episode.Line, "CINclosureDate", "ReferralNFA");
                return;
            }
        }
    }

    /// <summary>8816: an open episode that is not a referral with no further action is the child's latest.</summary>
    public static void OpenEpisodeNotLatest(CinChild child, CinRuleContext context)
    {
        if (child.Episodes.Count < 2)
        {
            return;
        }

        var latest = child.Episodes.Max(e => e.ReferralDate);
        foreach (var episode in child.Episodes)
        {
            if (episode.IsOpen && episode.ReferralNfa == false && episode.ReferralDate < latest)
            {
                context.Report(episode.Line, "CINreferralDate", "CINclosureDate");
            }
        }
    }

    /// <summary>
    /// 8820: no episode's referral falls within another episode of the same child: on or after its referral and
    /// before its closure, or (when it is open and went on to further action) on or before the reference date.
    /// One episode may close on the day the next is referred.
    /// </summary>
    public static void EpisodesOverlap(CinChild child, CinRuleContext context)
    {
        var episodes = child.Episodes;
        if (episodes.Count < 2)
        {
            return;
        }

        for (var i = 0; i < episodes.Count; i++)
        {
            if (episodes[i].ReferralDate is not { } referral)
            {
                continue;
            }

            for (var j = 0; j < episodes.Count; j++)
            {
                var other = episodes[j];
                if (i == j || other.ReferralDate is not { } otherReferral || referral < otherReferral)
                {
                    continue;
                }

                var within = other.ClosureDate is { } closed
                    ? referral < closed
                    : other.ReferralNfa == false && referral <= context.ReferenceDate;
                if (within && (referral != otherReferral || i > j))
                {
                    context.Report(episodes[i].Line, "CINreferralDate", "CINclosureDate");
                    break;
                }
            }
        }
    }

    /// <summary>8825Q: an episode closed after assessment (RC8, RC9) has an assessment.</summary>
    public static void ClosedAfterAssessmentWithoutAssessment(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.ReasonForClosure is "RC8" or "RC9" && episode.Assessments.Count == 0)
            {
                context.Report(episode.Line, "ReasonForClosure", "Assessments");
            }
        }
    }

    /// <summary>
    /// 8831: a referral with no further action has no assessment, section 47 enquiry or initial conference
    /// (child in need plans and child protection plans have their own rules, 4000 and 8832).
    /// </summary>
    public static void ActivityOnNoFurtherAction(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.ReferralNfa == true)
            {
                if (episode.Assessments.Count > 0 || episode.Section47Enquiries.Count > 0 || episode.DateOfInitialCpc is not null)
                {
                    context.Report(episode.Line, "ReferralNFA");
                }
            }
        }
    }

    /// <summary>8866: a referral on or after 1 April 2013 has a source of referral in the code list (older ones need none).</summary>
    public static void ReferralSourceValid(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.ReferralDate >= SourceOfReferralRequiredFrom && !context.ReferenceData.IsInList("referral-source", episode.ReferralSource))
            {
                context.Report(episode.Line, "ReferralSource");
            }
        }
    }

    /// <summary>8867: a closed episode has no assessment without a completion (authorisation) date.</summary>
    public static void ClosedWithIncompleteAssessment(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.ClosureDate is not null)
            {
                foreach (var assessment in episode.Assessments)
                {
                    if (assessment.AuthorisationDate is null)
                    {
                        context.Report(assessment.Line, "CINclosureDate", "AssessmentAuthorisationDate");
                    }
                }
            }
        }
    }

    /// <summary>8868: a closed episode has no section 47 enquiry without a conference date or the not-required flag.</summary>
    public static void ClosedWithOpenEnquiry(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.ClosureDate is not null)
            {
                foreach (var enquiry in episode.Section47Enquiries)
                {
                    if (enquiry.IsOpen)
                    {
                        context.Report(enquiry.Line, "CINclosureDate", "DateOfInitialCPC", "ICPCnotRequired");
                    }
                }
            }
        }
    }
}
