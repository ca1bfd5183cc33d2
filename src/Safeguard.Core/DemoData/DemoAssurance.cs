using Microsoft.EntityFrameworkCore;
using Safeguard.Assurance;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Journey;
using Safeguard.Persistence;

namespace Safeguard.DemoData;

/// <summary>
/// The partnership's four multi-agency audits of the demo year (as the area's annual report gives them): pre-birth
/// involvement, neglect, think family (inconclusive: too little engagement from partners) and transition to adult
/// services. Each samples children referred in the year, with returns from the agencies taking part, moderation showing
/// some over-optimism, findings carrying the case reviews' learning themes, and actions on the partnership's tracker.
/// </summary>
public static class DemoAssurance
{
    private static readonly string[] Questions =
    [
        "Was the need or risk recognised early by your agency?",
        "Did your agency share information with partners when it should have?",
        "Is the child's voice evident in your agency's record?",
    ];

    private sealed record DemoAudit(string Title, string Theme, string ThemeName, string[] Agencies, string[] Grades, string[] Moderated, bool Inconclusive, string Conclusion, string Finding, string Action);

    private static readonly DemoAudit[] Audits =
    [
        new("Agency involvement in selected pre-birth cases", "Pre-birth", "Information sharing", ["CSC", "ICB", "HOSP", "POLICE"],
            ["Good", "Good", "Requires improvement", "Good"], ["Requires improvement", "Good", "Requires improvement", "Requires improvement"], false,
            "Some evidence of information sharing, more after birth than before; to be repeated as a full multi-agency audit with a generic tool.",
            "Services were more involved after birth than before it: pre-birth information was not always shared.",
            "Re-run the pre-birth audit with the generic multi-agency tool"),
        new("Neglect", "Neglect", "Neglect", ["CSC", "ICB", "EHE", "SCHOOLS"],
            ["Good", "Requires improvement", "Good", "Inadequate"], ["Requires improvement", "Requires improvement", "Good", "Inadequate"], false,
            "Uncertainty about who uses the GCP2 profile and whether it is effective.",
            "It was unclear who was using the GCP2 neglect profile and whether it helped.",
            "Name a lead for the GCP2 profile and re-launch its training with the neglect strategy"),
        new("Think family in assessments", "Think family", "Think family", ["CSC", "ICB", "POLICE", "HOSP", "EHE"],
            ["Good", "Outstanding", "Good", "Good"], ["Good", "Good", "Requires improvement", "Good"], true,
            "Inconclusive: there was insufficient engagement from partners in the final stage. Services knew the process but could not always evidence it in their caseloads.",
            "Services were aware of think family but could not always evidence it in their caseloads.",
            "Each agency to show think family in its own case audit tool"),
        new("Transition from children's to adult social care", "Transition to adulthood", "Information sharing", ["CSC", "ICB", "EHE"],
            ["Good", "Good", "Requires improvement", "Good"], ["Good", "Requires improvement", "Requires improvement", "Good"], false,
            "Effective sharing of information between services overall, with a disconnect between children's and adults' social care where the young person refuses adult support.",
            "Young people who refuse adult social care support can drift away from services.",
            "Agree a transition protocol between children's and adults' social care"),
    ];

    public static async Task<int> SeedAsync(SafeguardDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Set<MultiAgencyAudit>().AnyAsync(cancellationToken))
        {
            return 0;
        }

        var today = UkTime.Today(db.Time);
        var year = ReportingYear.Of(today);
        var referred = await db.Set<NeedEpisode>().AsNoTracking()
            .Where(e => e.ReferralDate >= year.Start && e.ReferralDate <= today)
            .Join(db.People.Where(p => !p.IsRestricted && p.MergedIntoId == null), e => e.PersonId, p => p.Id, (e, p) => p.Id)
            .Distinct().OrderBy(id => id).Take(Audits.Length * 4).ToListAsync(cancellationToken);
        if (referred.Count < Audits.Length * 4)
        {
            return 0;
        }

        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        var themes = await db.LearningThemes.AsNoTracking().ToDictionaryAsync(t => t.Name, t => t.Id, cancellationToken);
        var now = db.Time.GetUtcNow();
        using var process = db.BeginProcess("Demo.Assurance", actor);
        for (var i = 0; i < Audits.Length; i++)
        {
            var demo = Audits[i];
            // Three audits are done; the fourth (transition) still has its returns open, due in a fortnight.
            var open = i == Audits.Length - 1;
            var due = open ? today.AddDays(14) : year.Start.AddMonths(2 + (2 * i));
            var audit = new MultiAgencyAudit
            {
                Title = demo.Title,
                Theme = demo.Theme,
                YearStart = year.StartYear,
                Status = open ? AuditStatus.ReturnsOpen : demo.Inconclusive ? AuditStatus.Inconclusive : AuditStatus.Completed,
                ReturnsDueOn = due,
                Conclusion = open ? null : demo.Conclusion,
                ConcludedOn = open ? null : due.AddDays(21),
                CreatedAt = now,
                CreatedBy = actor.Name,
            };
            for (var q = 0; q < Questions.Length; q++)
            {
                audit.Questions.Add(new AuditQuestion { AuditId = audit.Id, Number = q + 1, Text = Questions[q] });
            }

            db.Add(audit);
            for (var c = 0; c < 4; c++)
            {
                var auditCase = new AuditCase
                {
                    AuditId = audit.Id,
                    PersonId = referred[(i * 4) + c],
                    Number = c + 1,
                    SampledBy = $"Referred {Problems.Format(year.Start)} to {Problems.Format(today)}, at random",
                    ModeratorGrade = open && c > 1 ? null : demo.Moderated[c],
                    ModeratedBy = open && c > 1 ? null : "Quality assurance subgroup",
                    ModeratedOn = open && c > 1 ? null : due.AddDays(14),
                };
                db.Add(auditCase);
                for (var a = 0; a < demo.Agencies.Length; a++)
                {
                    // Think family: only children's social care and one partner returned (insufficient engagement); elsewhere most agencies return.
                    var returned = demo.Inconclusive ? a < 2 && c < 2 : open ? (a + c) % 2 == 0 : (a + c) % 5 != 4;
                    var auditReturn = new AuditReturn
                    {
                        AuditId = audit.Id,
                        CaseId = auditCase.Id,
                        AgencyId = agencies[demo.Agencies[a]],
                        DueOn = due,
                        Grade = returned ? (a == 0 ? demo.Moderated[c] : demo.Grades[c]) : null,
                        Evidence = returned ? "Case record read against the audit tool" : null,
                        SubmittedAt = returned ? UkTime.StartOfDay(due.AddDays(-(a + c) % 3)).AddHours(10) : null,
                        SubmittedBy = returned ? "Agency auditor" : null,
                    };
                    if (returned)
                    {
                        auditReturn.Answers.AddRange(audit.Questions.Select(q => new AuditAnswer { ReturnId = auditReturn.Id, QuestionId = q.Id, Text = "Partly: see the evidence" }));
                    }

                    db.Add(auditReturn);
                }
            }

            db.Add(new AuditFinding { AuditId = audit.Id, Text = demo.Finding, LearningThemeId = themes[demo.ThemeName], RecordedOn = open ? today : due.AddDays(21) });
            db.Add(new AssuranceAction
            {
                AuditId = audit.Id,
                Description = demo.Action,
                OwningAgencyId = agencies["CSC"],
                Owner = "Head of quality assurance",
                DueOn = open ? today.AddMonths(3) : due.AddMonths(3),
                Status = ReviewActionStatus.InProgress,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return Audits.Length;
    }
}
