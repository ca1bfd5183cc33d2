namespace Safeguard.Interchange.Cin.Rules;

/// <summary>Rules on assessments and the factors identified at assessment.</summary>
internal static class ChildRulesOnAssessments
{
    /// <summary>8608: an assessment does not start after it was completed.</summary>
    public static void StartAfterAuthorisation(CinChild child, CinRuleContext context)
    {
        foreach (var a in Each.Assessment(child))
        {
            if (a.StartDate > a.AuthorisationDate)
            {
                context.Report(a.Line, "AssessmentActualStartDate", "AssessmentAuthorisationDate");
            }
        }
    }

    /// <summary>8614: factors are recorded only on a completed (authorised) assessment.</summary>
    public static void FactorsOnIncompleteAssessment(CinChild child, CinRuleContext context)
    {
        foreach (var a in Each.Assessment(child))
        {
            if (a.Factors.Count > 0 && a.AuthorisationDate is null)
            {
                context.Report(a.Line, "AssessmentFactors", "AssessmentAuthorisationDate");
            }
        }
    }

    /// <summary>
    /// 8670Q: an assessment still open at the reference date did not start before "the reference date minus 45 working
    /// days" (DfE's words): an assessment started on that day, exactly 45 working days before, is not queried; one
    /// started the day before it (a working day or not) is.
    /// </summary>
    public static void LongOpenAssessment(CinChild child, CinRuleContext context)
    {
        foreach (var a in Each.Assessment(child))
        {
            if (a.AuthorisationDate is null && a.StartDate is { } start && start < context.WorkingDaysBeforeReferenceDate(45))
            {
                context.Report(a.Line, "AssessmentActualStartDate", "AssessmentAuthorisationDate");
            }
        }
    }

    /// <summary>8696: a completion (authorisation) date falls in the census year.</summary>
    public static void AuthorisationOutsideYear(CinChild child, CinRuleContext context)
    {
        foreach (var a in Each.Assessment(child))
        {
            if (a.AuthorisationDate is { } d && !context.InCensusYear(d))
            {
                context.Report(a.Line, "AssessmentAuthorisationDate");
            }
        }
    }

    /// <summary>8736: an assessment not completed has a start date in the census year.</summary>
    public static void OpenAssessmentStartOutsideYear(CinChild child, CinRuleContext context)
    {
        foreach (var a in Each.Assessment(child))
        {
            if (a.AuthorisationDate is null && a.StartDate is { } d && !context.InCensusYear(d))
            {
                context.Report(a.Line, "AssessmentActualStartDate");
            }
        }
    }

    /// <summary>
    /// 8863Q: within an episode, no assessment starts while another is ongoing: on or after the other's start and on
    /// or before its completion (or the reference date when it is not complete).
    /// </summary>
    public static void StartsDuringAnother(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.Assessments.Count > 1)
            {
                var assessments = episode.Assessments;
                for (var i = 0; i < assessments.Count; i++)
                {
                    if (assessments[i].StartDate is not { } start)
                    {
                        continue;
                    }

                    for (var j = 0; j < assessments.Count; j++)
                    {
                        var other = assessments[j];
                        if (i == j || other.StartDate is not { } otherStart || start < otherStart || (start == otherStart && i < j))
                        {
                            continue;
                        }

                        if (start <= (other.AuthorisationDate ?? context.ReferenceDate))
                        {
                            context.Report(assessments[i].Line, "AssessmentActualStartDate", "AssessmentAuthorisationDate");
                            break;
                        }
                    }
                }
            }
        }
    }

    /// <summary>8869: factor 21 (no factors identified) is not used with another factor.</summary>
    public static void NoFactorsWithOthers(CinChild child, CinRuleContext context)
    {
        foreach (var a in Each.Assessment(child))
        {
            if (a.Factors.Contains("21") && Each.HasOtherThan(a.Factors, "21"))
            {
                context.Report(a.Line, "AssessmentFactors");
            }
        }
    }

    /// <summary>
    /// 8873Q: when an episode's only assessment found no factors (21), the reason for closure is RC8 or RC9 (closed
    /// after assessment). DfE's text asks this of every such episode, so one still open (no reason yet) is queried too.
    /// </summary>
    public static void NoFactorsButNotClosedAfterAssessment(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            if (episode.Assessments.Count == 1 && episode.Assessments[0].Factors.Contains("21")
                && episode.ReasonForClosure is not ("RC8" or "RC9"))
            {
                context.Report(episode.Line, "ReasonForClosure", "AssessmentFactors");
            }
        }
    }

    /// <summary>8896: within an episode, at most one assessment is not completed.</summary>
    public static void MoreThanOneOpen(CinChild child, CinRuleContext context)
    {
        foreach (var episode in child.Episodes)
        {
            var open = 0;
            foreach (var assessment in episode.Assessments)
            {
                if (assessment.AuthorisationDate is null && ++open == 2)
                {
                    context.Report(assessment.Line, "AssessmentAuthorisationDate");
                    break;
                }
            }
        }
    }

    /// <summary>8897Q: an assessment completed (authorised) on or after the start of the census year records its factors.</summary>
    public static void CompletedWithoutFactors(CinChild child, CinRuleContext context)
    {
        foreach (var a in Each.Assessment(child))
        {
            if (a.AuthorisationDate >= context.Start && a.Factors.Count == 0)
            {
                context.Report(a.Line, "AssessmentFactors");
            }
        }
    }

    /// <summary>8898: no factor is recorded twice on one assessment.</summary>
    public static void FactorRepeated(CinChild child, CinRuleContext context)
    {
        foreach (var a in Each.Assessment(child))
        {
            if (Each.HasRepeat(a.Factors))
            {
                context.Report(a.Line, "AssessmentFactors");
            }
        }
    }

    /// <summary>8945Q: physical abuse is recorded as 18B (by a child) or 18C (by an adult), not 18A.</summary>
    public static void PhysicalAbuseWithoutWho(CinChild child, CinRuleContext context)
    {
        foreach (var a in Each.Assessment(child))
        {
            if (a.Factors.Contains("18A"))
            {
                context.Report(a.Line, "AssessmentFactors");
            }
        }
    }

    /// <summary>8950Q: sexual abuse is recorded as 19B (by a child) or 19C (by an adult), not 19A.</summary>
    public static void SexualAbuseWithoutWho(CinChild child, CinRuleContext context)
    {
        foreach (var a in Each.Assessment(child))
        {
            if (a.Factors.Contains("19A"))
            {
                context.Report(a.Line, "AssessmentFactors");
            }
        }
    }
}
