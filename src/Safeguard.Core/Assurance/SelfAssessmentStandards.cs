using Safeguard.Organisations;

namespace Safeguard.Assurance;

/// <summary>A heading of a self-assessment standard with its questions.</summary>
public sealed record StandardHeading(int Number, string Title, IReadOnlyList<string> Questions);

/// <summary>
/// The standards a new round starts from (the business unit edits them before sending): the eight section 11
/// standards of the Children Act 2004 as partnerships use them, and a section 175 standard for schools following
/// Keeping children safe in education. Also the sectors returns are counted under.
/// </summary>
public static class SelfAssessmentStandards
{
    public static IReadOnlyList<StandardHeading> Section11 { get; } =
    [
        new(1, "Senior management commitment to safeguarding",
            ["Senior managers have a clear commitment to safeguarding and promoting the welfare of children, shown in the agency's plans and governance.",
             "A named senior lead is accountable for safeguarding and reports to the board at least once a year."]),
        new(2, "A clear statement of the agency's responsibilities towards children",
            ["A safeguarding policy setting out the agency's responsibilities is available to all staff and reviewed at least every three years."]),
        new(3, "A clear line of accountability for safeguarding",
            ["Staff know who their safeguarding lead is and how to get safeguarding advice and supervision.",
             "The agency monitors its safeguarding practice through audit and reports the findings to its board."]),
        new(4, "Service development informed by the views of children and families",
            ["Children's and families' views are sought and shape how services are planned and changed."]),
        new(5, "Safeguarding training for all staff",
            ["All staff have safeguarding training at the level their role needs, refreshed on time, and the agency knows its training rates."]),
        new(6, "Safer recruitment, vetting and managing allegations",
            ["Safer recruitment (including DBS checks at the right level) is followed for every post working with children.",
             "Allegations against staff are referred to the LADO within one working day and the agency has a named senior officer for allegations."]),
        new(7, "Effective inter-agency working",
            ["Staff know the partnership's threshold document and how to make a contact to the front door, and the agency takes part in conferences, panels and reviews.",
             "Professional disagreements are escalated under the partnership's escalation procedure and resolved quickly."]),
        new(8, "Effective information sharing",
            ["Staff understand when and how to share information to safeguard a child, and information-sharing decisions are recorded."]),
    ];

    public static IReadOnlyList<StandardHeading> Section175 { get; } =
    [
        new(1, "Leadership and the designated safeguarding lead",
            ["The governing body has a named safeguarding governor and receives an annual safeguarding report.",
             "The school has a designated safeguarding lead and deputies, trained every two years, with time to do the role."]),
        new(2, "Policies and procedures",
            ["The child protection policy follows Keeping children safe in education, is reviewed annually and is on the school's website."]),
        new(3, "Training and staff awareness",
            ["All staff have read Part 1 of Keeping children safe in education and have safeguarding training at induction and updates at least annually."]),
        new(4, "Safer recruitment and allegations",
            ["The single central record is complete and checked, and at least one person on every interview panel is trained in safer recruitment.",
             "Allegations and low-level concerns about staff are managed and referred to the LADO as the partnership's procedure requires."]),
        new(5, "Early help and working with partners",
            ["Concerns are recorded, acted on and referred to early help or the front door at the right threshold, and the school attends meetings about its pupils."]),
        new(6, "Online safety, attendance and children missing education",
            ["Filtering and monitoring are in place and reviewed, and pupils are taught about staying safe online.",
             "Unexplained absence is followed up the same day and children missing education are notified to the local authority."]),
    ];

    public static IReadOnlyList<StandardHeading> For(SelfAssessmentKind kind) => kind == SelfAssessmentKind.Section175 ? Section175 : Section11;

    public static string KindName(SelfAssessmentKind kind) => kind == SelfAssessmentKind.Section175 ? "Section 175" : "Section 11";

    /// <summary>The sector a return is counted under: a school's phase, otherwise the agency's type.</summary>
    public static string SectorOf(AgencyType type, SchoolPhase? phase) => type switch
    {
        AgencyType.School => phase switch
        {
            SchoolPhase.Nursery => "Nursery schools",
            SchoolPhase.Primary => "Primary schools",
            SchoolPhase.Secondary => "Secondary schools",
            SchoolPhase.AllThrough => "All-through schools",
            SchoolPhase.Special => "Special schools",
            SchoolPhase.AlternativeProvision => "Alternative provision",
            SchoolPhase.PostSixteen => "Sixth form and post-16",
            _ => "Schools",
        },
        AgencyType.ChildrensSocialCare => "Children's social care",
        AgencyType.LocalAuthorityOther => "Local authority (other)",
        AgencyType.Police => "Police",
        AgencyType.HealthCommissioner => "Health commissioners",
        AgencyType.HealthProvider => "Health providers",
        AgencyType.EarlyYears => "Early years",
        AgencyType.FurtherEducation => "Further education",
        AgencyType.Probation => "Probation",
        AgencyType.YouthJustice => "Youth justice",
        AgencyType.Housing => "Housing",
        AgencyType.VoluntarySector => "Voluntary sector",
        _ => "Other",
    };
}
