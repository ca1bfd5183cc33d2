namespace Safeguard.Interchange.Cin.Rules;

/// <summary>Rules on section 47 enquiries and initial child protection conferences.</summary>
internal static class ChildRulesOnSection47
{
    /// <summary>8615: an enquiry with a conference date has a start date on or before it.</summary>
    public static void StartMissingOrAfterConference(CinChild child, CinRuleContext context)
    {
        foreach (var s in Each.Section47(child))
        {
            if (s.DateOfInitialCpc is { } cpc && (s.StartDate is null || s.StartDate > cpc))
            {
                context.Report(s.Line, "S47ActualStartDate", "DateOfInitialCPC");
            }
        }
    }

    /// <summary>
    /// 8675Q: an enquiry still waiting for its conference (not marked as not required) at the reference date did not
    /// start before "the reference date minus 15 working days" (DfE's words; the day itself is not queried).
    /// </summary>
    public static void LongOpenEnquiry(CinChild child, CinRuleContext context)
    {
        foreach (var s in Each.Section47(child))
        {
            if (s.DateOfInitialCpc is null && s.IcpcNotRequired == false && s.StartDate is { } start
                && start < context.WorkingDaysBeforeReferenceDate(15))
            {
                context.Report(s.Line, "S47ActualStartDate", "DateOfInitialCPC");
            }
        }
    }

    /// <summary>8715: a conference date (at either level) falls in the census year.</summary>
    public static void ConferenceOutsideYear(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.DateOfInitialCpc is { } date && !context.InCensusYear(date))
            {
                context.Report(episode.Line, "DateOfInitialCPC");
            }

            foreach (var s in episode.Section47Enquiries)
            {
                if (s.DateOfInitialCpc is { } d && !context.InCensusYear(d))
                {
                    context.Report(s.Line, "DateOfInitialCPC");
                }
            }
        }
    }

    /// <summary>8740: an enquiry without a conference by the reference date (and not marked as not required) started in the census year.</summary>
    public static void OpenEnquiryStartOutsideYear(CinChild child, CinRuleContext context)
    {
        foreach (var s in Each.Section47(child))
        {
            if (s.IsOpen && s.StartDate is { } d && !context.InCensusYear(d))
            {
                context.Report(s.Line, "S47ActualStartDate");
            }
        }
    }

    /// <summary>8839: within an episode, at most one enquiry is open (no conference and not marked as not required).</summary>
    public static void MoreThanOneOpenEnquiry(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            var open = 0;
            foreach (var enquiry in episode.Section47Enquiries)
            {
                if (enquiry.IsOpen && ++open == 2)
                {
                    context.Report(enquiry.Line, "DateOfInitialCPC", "ICPCnotRequired");
                    break;
                }
            }
        }
    }

    /// <summary>8870Q: a target date for the initial conference is a weekday.</summary>
    public static void TargetOnWeekend(CinChild child, CinRuleContext context)
    {
        foreach (var s in Each.Section47(child))
        {
            if (s.InitialCpcTarget is { } d && IsWeekend(d))
            {
                context.Report(s.Line, "InitialCPCtarget");
            }
        }
    }

    /// <summary>8875: an initial conference (at either level) is not held on a weekend.</summary>
    public static void ConferenceOnWeekend(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.DateOfInitialCpc is { } date && IsWeekend(date))
            {
                context.Report(episode.Line, "DateOfInitialCPC");
            }

            foreach (var s in episode.Section47Enquiries)
            {
                if (s.DateOfInitialCpc is { } d && IsWeekend(d))
                {
                    context.Report(s.Line, "DateOfInitialCPC");
                }
            }
        }
    }

    /// <summary>
    /// 8890: within an episode, no enquiry starts while another is ongoing: on or after the other's start and on
    /// or before its conference (or the reference date while it is open). An enquiry marked as needing no
    /// conference, and without one, has neither period in DfE's text, so nothing falls within it.
    /// </summary>
    public static void StartsDuringAnother(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.Section47Enquiries.Count > 1)
            {
                var enquiries = episode.Section47Enquiries;
                for (var i = 0; i < enquiries.Count; i++)
                {
                    if (enquiries[i].StartDate is not { } start)
                    {
                        continue;
                    }

                    for (var j = 0; j < enquiries.Count; j++)
                    {
                        var other = enquiries[j];
                        if (i == j || other.StartDate is not { } otherStart || start < otherStart || (start == otherStart && i < j))
                        {
                            continue;
                        }

                        var end = other.DateOfInitialCpc ?? (other.IsOpen ? context.ReferenceDate : (DateOnly?)null);
                        if (start <= end)
                        {
                            context.Report(enquiries[i].Line, "S47ActualStartDate");
                            break;
                        }
                    }
                }
            }
        }
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
