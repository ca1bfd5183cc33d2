using System.Security.Claims;
using Safeguard.Identity;

namespace Safeguard.Web;

/// <summary>The places a signed-in user can go, each behind the permission its page needs.</summary>
public static class Navigation
{
    public static IReadOnlyList<NavigationLink> Links { get; } =
    [
        new(Permissions.UseService, "Home", "/", "Your home page"),
        new(Permissions.ViewReviews, "Case reviews", "/case-reviews", "Serious incident notifications, rapid and practice reviews, their learning and the annual report extract"),
        new(Permissions.ViewPartnershipData, "Partnership dataset", "/dataset", "The partnership's key performance indicators by quarter, with every missing figure explained"),
        new(Permissions.ViewPartnershipData, "Partnership dashboard", "/dataset/dashboard", "Each indicator charted over the last few years, with its figures and gaps in a table beside it"),
        new(Permissions.ViewPartnershipData, "Exception report", "/dataset/exceptions", "Indicators that moved by more than their tolerance against last quarter, last year or a benchmark"),
        new(Permissions.SubmitReturns, "Data returns", "/returns", "The figures your agency owes the partnership each quarter"),
        new(Permissions.AnswerAssurance, "Audit returns", "/my-agency/audits", "The multi-agency audit returns your agency owes: answer the audit's questions and grade each sampled case"),
        new(Permissions.ManageAssurance, "Multi-agency audits", "/assurance", "The audit programme by year: tools, samples of cases, agencies' returns, moderation, findings and actions"),
        new(Permissions.ManageAssurance, "Escalations between agencies", "/assurance/escalations", "Every professional disagreement between agencies by stage, agency and theme, overdue stages, and the figures by year"),
        new(Permissions.AnswerAssurance, "Self-assessments", "/my-agency/self-assessments", "Your agency's section 11 or your school's section 175 self-assessment: rate each standard red, amber or green with evidence and actions"),
        new(Permissions.ManageAssurance, "Section 11 and 175 self-assessments", "/assurance/self-assessments", "Self-assessment rounds by year: the standard, who still owes, challenge sessions, actions and return rates by sector"),
        new(Permissions.BookTraining, "Partnership training", "/my-agency/training", "Book your staff on the partnership's multi-agency training and record their three-month follow-ups"),
        new(Permissions.ManageTraining, "Multi-agency training", "/training", "The training programme by year: courses, sessions, bookings, the attendance register, evaluations, follow-ups and figures"),
        new(Permissions.ManageGovernance, "Boards and meetings", "/governance", "The partnership's boards and subgroups: terms of reference, members, meetings, attendance, decisions, actions and the business plan"),
        new(Permissions.ManageAnnualReport, "Annual report", "/annual-report", "The partnership's statutory annual report by year: each section's narrative, feedback from children and families, funding, the partners' sign-off, publication and the DOCX and PDF"),
        new(Permissions.UseService, "Your boards and meetings", "/my-agency/meetings", "The meetings of the boards and subgroups you sit on: send apologies or name a deputy, read decisions and update your actions"),
        new(Permissions.ViewChildRecords, "My work", "/casework/my-work", "The children allocated to you and what is due for them"),
        new(Permissions.ViewChildRecords, "Team's due work", "/casework/team", "Everything due soon or overdue for a team"),
        new(Permissions.ViewTeamPerformance, "Team performance", "/casework/performance", "Each team's weekly figures on visits, assessments and conferences, and the children behind on them"),
        new(Permissions.ViewFrontDoor, "Front door", "/front-door", "Contacts awaiting a decision, their triage, requests for information and the information-sharing log"),
        new(Permissions.ViewMissing, "Missing children", "/missing", "Children missing now, return home interviews to offer within 72 hours, and police reports to identify"),
        new(Permissions.ManageCasework, "Private fostering", "/private-fostering", "Private fostering arrangements: notifications, visits due (the first within 7 working days), decisions and ends"),
        new(Permissions.ViewEarlyHelp, "Early help", "/early-help", "Families supported by early help: lead professional, assessment, team around the family, reviews due, step-up and closure"),
        new(Permissions.ViewLookedAfter, "Care leavers", "/care-leavers", "Young people from 16 with a care history: status, personal adviser, pathway plans due, in touch, and adult services"),
        new(Permissions.ViewContextual, "Places and groups", "/contextual", "Places and groups that matter to children's safety outside the home, and who is linked to them"),
        new(Permissions.ViewPanels, "Exploitation and missing panel", "/panels", "The monthly panel's meetings: agendas built from the criteria, attendance, decisions, actions and minutes"),
        new(Permissions.ViewPartnershipData, "Complex safeguarding problem profile", "/complex-safeguarding/profile", "Missing episodes and exploitation screenings in a period by category, age, sex, ethnicity, place, time of day, repeat missing and risk, in aggregate"),
        new(Permissions.ReportMissing, "Missing reports", "/my-agency/missing", "Report a child missing for your force, record their return and see what your force reported"),
        new(Permissions.LeadEarlyHelp, "Early help for your agency", "/my-agency/early-help", "The families your agency leads early help for or is in the team around the family of, reviews due first"),
        new(Permissions.RaiseEscalations, "Escalations", "/my-agency/escalations", "Raise a professional disagreement with another agency, answer those raised with yours and escalate them stage by stage"),
        new(Permissions.SubmitContacts, "Contacts and requests", "/my-agency", "Make a contact to the front door, see your agency's contacts and answer requests for information"),
        new(Permissions.ViewLado, "Allegations (LADO)", "/lado", "Allegations about people who work with children: the referrals waiting, open allegations with their due dates, decisions and outcomes"),
        new(Permissions.ViewLadoFigures, "LADO figures", "/lado/figures", "The LADO's annual figures by sector, category, decision and outcome, for the annual report"),
        new(Permissions.ViewPeople, "Children and families", "/people", "Find a child or adult, open their record and add a child"),
        new(Permissions.ManageReturns, "Children in need census", "/returns/cin", "Upload the census return to check it against the DfE rules before sending it"),
        new(Permissions.ManageReturns, "Ofsted Annex A", "/returns/annex-a", "Download the eleven Annex A lists as at a date, built from the records and checked against the template"),
        new(Permissions.ManageReturns, "Children looked after return (SSDA903)", "/returns/ssda903", "Upload the SSDA903 tables to check them against the DfE rules, import them, or export the return from the records"),
        new(Permissions.ManageUsers, "Users", "/admin/users", "Create users, give them roles, disable them and reset their two-factor authentication"),
        new(Permissions.ManageOrganisations, "Agencies and teams", "/admin/agencies", "The partnership's agencies and their teams"),
        new(Permissions.ManageCalendar, "Calendar and timescales", "/admin/calendar", "Proclaimed bank holidays and this area's own timescales, which every deadline is counted with"),
        new(Permissions.ViewAuditTrail, "Audit trail", "/admin/audit", "Search who did what, to which record, and when"),
        new(Permissions.ManageThresholds, "Threshold levels", "/admin/thresholds", "The local continuum of need that contacts are placed at"),
        new(Permissions.ManageApiClients, "API keys", "/admin/api-keys", "Keys for partner systems to use the API, and revoking them"),
        new(Permissions.UseService, "Daily email of your work", "/account/reminders", "Choose whether to get an email each working day of what is overdue and due soon for you, with links"),
    ];

    public static IEnumerable<NavigationLink> For(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        // Until two-factor authentication is set up every page but the set-up page is closed: offer none.
        return Authorization.SafeguardClaimsPrincipalFactory.NeedsTwoFactorSetup(user)
            ? []
            : Links.Where(l => user.HasClaim(SafeguardClaimTypes.Permission, l.Permission.Name));
    }
}

public sealed record NavigationLink(Permission Permission, string Title, string Href, string Description);
