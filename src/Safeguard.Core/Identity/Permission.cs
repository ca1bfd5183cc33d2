namespace Safeguard.Identity;

/// <summary>
/// A named thing a user may do. Pages and API endpoints each declare the permission they need; roles are
/// granted permissions. <see cref="ExposesChildData"/> marks permissions that let a user see information
/// about an individual child: anyone holding one must use two-factor authentication.
/// </summary>
public sealed record Permission(string Name, string Description, bool ExposesChildData = false)
{
    public override string ToString() => Name;
}

/// <summary>The catalogue of permissions. Later areas add theirs here so the role matrix stays in one place.</summary>
public static class Permissions
{
    public static readonly Permission UseService = new("service.use", "Sign in, see the home page and manage your own sign-in");
    public static readonly Permission ManageUsers = new("admin.users", "Create, disable and change users, their roles and two-factor authentication");
    public static readonly Permission ManageOrganisations = new("admin.organisations", "Create and change agencies and teams");
    public static readonly Permission ViewAuditTrail = new("audit.view", "Search the audit trail", ExposesChildData: true);
    public static readonly Permission ManageCalendar = new("calendar.manage", "Add or remove proclaimed bank holidays and change local timescales");
    public static readonly Permission ViewChildRecords = new("children.view", "See children's records", ExposesChildData: true);
    public static readonly Permission ViewPeople = new("people.view", "Search the person index and open children's and adults' records", ExposesChildData: true);
    public static readonly Permission ManagePeople = new("people.manage", "Add children and adults, link them, merge and unmerge duplicates and restrict records", ExposesChildData: true);
    public static readonly Permission ManageCasework = new("casework.manage", "Record a child's journey: referral, assessment, strategy discussion, section 47 enquiry, conferences, plans and closure", ExposesChildData: true);
    public static readonly Permission AllocateCasework = new("casework.allocate", "Allocate a child's episode to a team and a worker", ExposesChildData: true);
    public static readonly Permission ViewTeamPerformance = new("casework.performance", "See each team's weekly practice figures (visits, assessments, conferences) and the children behind on them", ExposesChildData: true);
    public static readonly Permission ViewPartnershipData = new("performance.view", "See partnership figures (aggregates only)");
    public static readonly Permission ViewReviews = new("reviews.view", "See serious incident notifications, rapid and practice reviews, their documents and learning", ExposesChildData: true);
    public static readonly Permission ManageReviews = new("reviews.manage", "Record notifications and reviews, run the rapid review, maintain learning themes and actions", ExposesChildData: true);
    public static readonly Permission ManageDataset = new("dataset.manage", "Maintain the indicator catalogue and context figures, open quarterly data returns and follow up what agencies owe");
    public static readonly Permission SubmitReturns = new("dataset.submit", "Enter and submit the figures your agency owes the partnership each quarter");
    public static readonly Permission ManageReturns = new("returns.manage", "Upload statutory returns (the children in need census) to check them, and see the issues found, which name children", ExposesChildData: true);
    public static readonly Permission SignReviews = new("reviews.sign", "Sign a rapid review recommendation for your agency's statutory safeguarding partner", ExposesChildData: true);
    public static readonly Permission ViewFrontDoor = new("frontdoor.view", "See the front door queue, contacts, their decisions, information requests and the information-sharing log", ExposesChildData: true);
    public static readonly Permission DecideContacts = new("frontdoor.decide", "Record, triage and decide contacts, send and record information requests and record decisions to share information", ExposesChildData: true);
    public static readonly Permission SubmitContacts = new("contacts.submit", "Submit contacts about children, see the contacts your agency made and answer the information requests sent to your agency", ExposesChildData: true);
    public static readonly Permission ManageThresholds = new("thresholds.manage", "Change the local continuum of need (the threshold levels contacts are placed at)");
    public static readonly Permission ViewMissing = new("missing.view", "See missing episodes, return home interviews and the children missing now or repeatedly", ExposesChildData: true);
    public static readonly Permission ManageMissing = new("missing.manage", "Record and change missing episodes and return home interviews, and identify the child on a police report", ExposesChildData: true);
    public static readonly Permission ReportMissing = new("missing.report", "Report a child missing for your police force, record their return and see the episodes your force reported", ExposesChildData: true);
    public static readonly Permission ViewExploitation = new("exploitation.view", "See a child's exploitation screenings, WISE assessments, safety plans and National Referral Mechanism referrals", ExposesChildData: true);
    public static readonly Permission ManageExploitation = new("exploitation.manage", "Screen children for exploitation, record WISE assessments, safety plans and their actions, and NRM referrals and decisions", ExposesChildData: true);
    public static readonly Permission ViewLookedAfter = new("lookedafter.view", "See a child's looked-after record: episodes of care, placements, reviews, health assessments and dental checks", ExposesChildData: true);
    public static readonly Permission ManageLookedAfter = new("lookedafter.manage", "Record a child becoming looked after, placement moves, changes of legal status, leaving care, the IRO, reviews and health checks", ExposesChildData: true);
    public static readonly Permission ViewContextual = new("contextual.view", "See the places, people and groups linked to children (contextual safeguarding) and their network pictures", ExposesChildData: true);
    public static readonly Permission ManageContextual = new("contextual.manage", "Record and change places, groups and the links from children to places, people and groups", ExposesChildData: true);
    public static readonly Permission ViewPanels = new("panels.view", "See the exploitation and missing panel's meetings, agendas, decisions and actions", ExposesChildData: true);
    public static readonly Permission ManagePanels = new("panels.manage", "Run the exploitation and missing panel: meetings, agendas, attendance, decisions, actions and minutes", ExposesChildData: true);
    public static readonly Permission ViewLado = new("lado.view", "See allegations about people who work with children (the worker, the children concerned, the decision, actions and outcome) and the referrals waiting for the LADO", ExposesChildData: true);
    public static readonly Permission ManageLado = new("lado.manage", "Record allegations referred to the LADO, the initial consideration and decision, the strategy discussion, police and employer actions, the outcome and closure", ExposesChildData: true);
    public static readonly Permission ViewLadoFigures = new("lado.figures", "See the LADO's annual figures by sector, category, decision and outcome (aggregates only)");
    public static readonly Permission ManageApiClients = new("admin.apiclients", "Create, list and revoke API keys for partner systems");
    public static readonly Permission ViewEarlyHelp = new("earlyhelp.view", "See every family's early help episode: the family, lead professional, assessment, team around the family, reviews and closure", ExposesChildData: true);
    public static readonly Permission ManageEarlyHelp = new("earlyhelp.manage", "Start early help episodes (from a front door contact, a step-down or a partner's request), change the lead professional, record the assessment, team, reviews, step-up and closure", ExposesChildData: true);
    public static readonly Permission LeadEarlyHelp = new("earlyhelp.agency", "See and update the early help episodes your agency leads or is in the team around the family of (never the child's social care record)", ExposesChildData: true);
    public static readonly Permission ExportSubjectAccess = new("records.subjectaccess", "Produce a subject access request export: everything held about one person and every access to their record", ExposesChildData: true);
    public static readonly Permission ManageAssurance = new("assurance.manage", "Run multi-agency audits: the programme, tools, samples of children's records, requests to agencies, moderation, findings and actions; see every professional disagreement (escalation) between agencies", ExposesChildData: true);
    public static readonly Permission AnswerAssurance = new("assurance.answer", "Answer the multi-agency audit returns sent to your agency, about the sampled children's records", ExposesChildData: true);
    public static readonly Permission ManageTraining = new("training.manage", "Run the multi-agency training programme: courses, sessions, every agency's bookings with their delegates' names, the attendance register, evaluations and follow-up reminders");
    public static readonly Permission BookTraining = new("training.book", "Book your agency's staff on partnership training, see your agency's delegates (never another agency's) and record their three-month follow-ups");
    public static readonly Permission RaiseEscalations = new("escalations.raise", "Raise a professional disagreement (escalation) with another agency for your agency, answer those raised with it, escalate them stage by stage and record their outcome", ExposesChildData: true);
    public static readonly Permission ManageGovernance = new("governance.manage", "Run the partnership's boards and subgroups: terms of reference, membership, meetings, attendance, minutes, decisions, the action log and the business plan");
    public static readonly Permission ManageAnnualReport = new("annualreport.manage", "Prepare the partnership's annual report: the sections' narratives, feedback from children and families, funding, sending it for review, recording each safeguarding partner's sign-off with the signatory's name, publishing it and downloading it (DOCX and PDF)");
    public static readonly Permission ManageRetention = new("records.retention", "See the records due for deletion or review under the retention schedule, and delete them", ExposesChildData: true);

    public static IReadOnlyList<Permission> All { get; } =
    [
        UseService,
        ManageUsers,
        ManageOrganisations,
        ViewAuditTrail,
        ManageCalendar,
        ViewChildRecords,
        ViewPeople,
        ManagePeople,
        ManageCasework,
        AllocateCasework,
        ViewTeamPerformance,
        ViewPartnershipData,
        ViewReviews,
        ManageReviews,
        SignReviews,
        ManageDataset,
        SubmitReturns,
        ManageReturns,
        ViewFrontDoor,
        DecideContacts,
        SubmitContacts,
        ManageThresholds,
        ManageApiClients,
        ViewMissing,
        ManageMissing,
        ReportMissing,
        ViewContextual,
        ManageContextual,
        ViewPanels,
        ManagePanels,
        ExportSubjectAccess,
        ManageRetention,
        ViewExploitation,
        ManageExploitation,
        ViewLookedAfter,
        ManageLookedAfter,
        ManageAssurance,
        AnswerAssurance,
        ManageTraining,
        BookTraining,
        RaiseEscalations,
        ManageGovernance,
        ManageAnnualReport,
        ViewEarlyHelp,
        ManageEarlyHelp,
        LeadEarlyHelp,
        ViewLado,
        ManageLado,
        ViewLadoFigures,
    ];

    public static Permission? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}
