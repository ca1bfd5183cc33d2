namespace Safeguard.Identity;

/// <summary>
/// The roles Safeguard starts with and the permissions each is granted by default. Least privilege: the
/// administrator runs the system but sees no child's record; scrutiny sees aggregates only.
/// </summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string BusinessUnit = "BusinessUnit";
    public const string FrontDoorPractitioner = "FrontDoorPractitioner";
    public const string SocialWorker = "SocialWorker";
    public const string TeamManager = "TeamManager";
    public const string PartnerPractitioner = "PartnerPractitioner";
    public const string Scrutiny = "Scrutiny";
    public const string CaseReviewGroup = "CaseReviewGroup";
    public const string AgencyDataLead = "AgencyDataLead";
    public const string PerformanceOfficer = "PerformanceOfficer";
    public const string InformationGovernance = "InformationGovernance";
    public const string EarlyHelpCoordinator = "EarlyHelpCoordinator";
    public const string Lado = "Lado";

    public static IReadOnlyList<RoleDefinition> Defaults { get; } =
    [
        new(Administrator, "Runs the system: users, agencies, teams, the calendar and the audit trail",
            [Permissions.UseService, Permissions.ManageUsers, Permissions.ManageOrganisations, Permissions.ManageCalendar, Permissions.ViewAuditTrail, Permissions.ManageThresholds, Permissions.ManageApiClients]),
        new(BusinessUnit, "The partnership business unit: data, reviews, audits, the improvement plan and the annual report",
            [Permissions.UseService, Permissions.ViewPartnershipData, Permissions.ViewReviews, Permissions.ManageReviews, Permissions.ManageDataset, Permissions.ViewPanels, Permissions.ManagePanels, Permissions.ManageAssurance, Permissions.ManageGovernance, Permissions.ManageTraining, Permissions.ViewLadoFigures, Permissions.ManageAnnualReport]),
        new(FrontDoorPractitioner, "Triages contacts at the front door (MASH) and decides the response",
            [Permissions.UseService, Permissions.ViewChildRecords, Permissions.ViewPeople, Permissions.ManagePeople, Permissions.ViewFrontDoor, Permissions.DecideContacts, Permissions.ViewMissing, Permissions.ManageMissing, Permissions.ViewExploitation, Permissions.ManageExploitation, Permissions.ViewLookedAfter, Permissions.ManageLookedAfter, Permissions.ViewContextual, Permissions.ManageContextual, Permissions.ViewPanels, Permissions.ViewEarlyHelp, Permissions.ManageEarlyHelp, Permissions.RaiseEscalations]),
        new(SocialWorker, "Children's social care practitioner working with allocated children",
            [Permissions.UseService, Permissions.ViewChildRecords, Permissions.ViewPeople, Permissions.ManagePeople, Permissions.ManageCasework, Permissions.ViewFrontDoor, Permissions.ViewMissing, Permissions.ManageMissing, Permissions.ViewExploitation, Permissions.ManageExploitation, Permissions.ViewLookedAfter, Permissions.ManageLookedAfter, Permissions.ViewContextual, Permissions.ManageContextual, Permissions.ViewPanels, Permissions.ViewEarlyHelp, Permissions.RaiseEscalations]),
        new(TeamManager, "Manages a children's social care team: allocation, authorisation, oversight of timescales",
            [Permissions.UseService, Permissions.ViewChildRecords, Permissions.ViewPeople, Permissions.ManagePeople, Permissions.ManageCasework, Permissions.AllocateCasework, Permissions.ViewTeamPerformance, Permissions.ViewPartnershipData, Permissions.ViewFrontDoor, Permissions.DecideContacts, Permissions.ViewMissing, Permissions.ManageMissing, Permissions.ViewExploitation, Permissions.ManageExploitation, Permissions.ViewLookedAfter, Permissions.ManageLookedAfter, Permissions.ViewContextual, Permissions.ManageContextual, Permissions.ViewPanels, Permissions.ManagePanels, Permissions.ViewEarlyHelp, Permissions.RaiseEscalations]),
        new(PartnerPractitioner, "Police, health or education staff who submit contacts and answer requests for information; police also report children missing; schools and health lead early help for the families their agency supports",
            [Permissions.UseService, Permissions.SubmitContacts, Permissions.ReportMissing, Permissions.LeadEarlyHelp, Permissions.RaiseEscalations]),
        new(Scrutiny, "Independent scrutiny: partnership figures in aggregate, never a child's details",
            [Permissions.UseService, Permissions.ViewPartnershipData]),
        new(CaseReviewGroup, "A member of the case review group: a statutory partner's representative (who signs rapid reviews for that partner) or a named member",
            [Permissions.UseService, Permissions.ViewReviews, Permissions.SignReviews]),
        new(AgencyDataLead, "An agency's data lead: enters and submits the figures the agency owes the partnership each quarter, answers its multi-agency audit returns, and books its staff on partnership training and returns their follow-ups",
            [Permissions.UseService, Permissions.ViewPartnershipData, Permissions.SubmitReturns, Permissions.AnswerAssurance, Permissions.BookTraining]),
        new(PerformanceOfficer, "The council's performance team: prepares and checks the statutory returns (the children in need census)",
            [Permissions.UseService, Permissions.ManageReturns]),
        new(InformationGovernance, "The data protection officer and information governance team: subject access requests and the retention schedule",
            [Permissions.UseService, Permissions.ViewPeople, Permissions.ExportSubjectAccess, Permissions.ManageRetention]),
        new(EarlyHelpCoordinator, "The council's early help locality team: starts and oversees every family's early help, agrees lead professionals, steps families up and down, and sees the early help figures",
            [Permissions.UseService, Permissions.ViewPeople, Permissions.ViewEarlyHelp, Permissions.ManageEarlyHelp]),
        new(Lado, "The local authority designated officer: manages allegations about people who work with children, from referral to outcome, and their annual figures",
            [Permissions.UseService, Permissions.ViewPeople, Permissions.ViewLado, Permissions.ManageLado, Permissions.ViewLadoFigures]),
    ];

    public static RoleDefinition? Find(string name) => Defaults.FirstOrDefault(r => r.Name == name);
}

public sealed record RoleDefinition(string Name, string Description, IReadOnlyList<Permission> Permissions)
{
    /// <summary>Holders of this role see child-level data and so must use two-factor authentication.</summary>
    public bool RequiresTwoFactor => Permissions.Any(p => p.ExposesChildData);
}
