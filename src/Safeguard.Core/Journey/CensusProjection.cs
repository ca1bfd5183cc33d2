using Safeguard.Interchange.Cin;
using Safeguard.People;

namespace Safeguard.Journey;

/// <summary>
/// The child's journey seen as the children in need census sees it: one <see cref="CinChild"/> with every
/// episode. Each census field comes from one recorded field (docs/childs-journey.md has the table), so the
/// census export can be built on this projection and the census import can map a <see cref="CinChild"/> back.
/// The number of previous child protection plans is counted from the child's earlier plans, never typed.
/// </summary>
public static class CensusProjection
{
    /// <summary>Projects a person and their episodes (with assessments, plans, enquiries and reviews loaded).</summary>
    public static CinChild Project(Person person, IEnumerable<NeedEpisode> episodes)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(episodes);
        var child = new CinChild
        {
            LaChildId = person.CouncilChildId,
            Upn = person.Upn,
            BirthDate = person.DateOfBirth,
            ExpectedBirthDate = person.ExpectedDateOfBirth,
            Sex = person.Sex,
            Ethnicity = person.Ethnicity,
        };
        child.Disabilities.AddRange(person.DisabilityCodes);

        var ordered = episodes.OrderBy(e => e.ReferralDate).ThenBy(e => e.Id).ToList();
        var planStarts = ordered.SelectMany(e => e.ProtectionPlans).Select(p => p.StartDate).ToList();
        foreach (var episode in ordered)
        {
            child.Episodes.Add(Project(episode, planStarts));
        }

        return child;
    }

    /// <summary>The number of the child's plans that started before <paramref name="start"/>.</summary>
    public static int PreviousPlans(IEnumerable<DateOnly> planStarts, DateOnly start) => planStarts.Count(s => s < start);

    private static CinEpisode Project(NeedEpisode episode, IReadOnlyList<DateOnly> planStarts)
    {
        var result = new CinEpisode
        {
            ReferralDate = episode.ReferralDate,
            ReferralSource = episode.ReferralSource,
            PrimaryNeedCode = episode.PrimaryNeedCode,
            ClosureDate = episode.ClosureDate,
            ReasonForClosure = episode.ReasonForClosure,
            ReferralNfa = episode.ReferralNfa,
            // The initial conference is always recorded on its section 47 enquiry, never at episode level.
            DateOfInitialCpc = null,
        };

        foreach (var a in episode.Assessments.OrderBy(a => a.StartDate).ThenBy(a => a.Id))
        {
            var assessment = new CinAssessment { StartDate = a.StartDate, AuthorisationDate = a.AuthorisationDate };
            assessment.Factors.AddRange(a.FactorCodes);
            result.Assessments.Add(assessment);
        }

        foreach (var p in episode.CinPlans.OrderBy(p => p.StartDate).ThenBy(p => p.Id))
        {
            result.CinPlans.Add(new CinPlan { StartDate = p.StartDate, EndDate = p.EndDate });
        }

        foreach (var s in episode.Enquiries.OrderBy(s => s.StartDate).ThenBy(s => s.Id))
        {
            result.Section47Enquiries.Add(new Section47Enquiry
            {
                StartDate = s.StartDate,
                InitialCpcTarget = s.IcpcTargetDate,
                DateOfInitialCpc = s.ConferenceDate,
                IcpcNotRequired = s.IcpcNotRequired,
            });
        }

        foreach (var p in episode.ProtectionPlans.OrderBy(p => p.StartDate).ThenBy(p => p.Id))
        {
            var plan = new ChildProtectionPlan
            {
                StartDate = p.StartDate,
                EndDate = p.EndDate,
                InitialCategoryOfAbuse = p.InitialCategory,
                LatestCategoryOfAbuse = p.LatestCategory,
                NumberOfPreviousCpp = PreviousPlans(planStarts, p.StartDate),
            };
            plan.Reviews.AddRange(p.Reviews.OrderBy(r => r.Date).Select(r => new CppReview(r.Date, 0)));
            result.ProtectionPlans.Add(plan);
        }

        return result;
    }
}
