using Microsoft.EntityFrameworkCore;
using Safeguard.AnnualReport;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.DemoData;

/// <summary>
/// The records only the annual report needs, for this reporting year and the two before: about a dozen pieces of
/// feedback from children and families a year (the young people's forum, the children in care council, the parents'
/// survey, children on child protection plans, care leavers, the youth justice panel), most with what changed because
/// of them; and the partnership's budget, contributions from the three safeguarding partners and a few others (rising
/// about 3% a year) and its expenditure lines. The same on every run (a fixed seed); feedback never dated after today.
/// </summary>
public static class DemoAnnualReport
{
    private const int PerYear = 12;

    private static readonly (string Source, string Said, string? Changed)[] Voices =
    [
        ("Young people's forum", "We don't know who to talk to if something worries us online.", "The forum co-wrote an online safety leaflet, now given out in every secondary school."),
        ("Young people's forum", "Professionals use words we don't understand in meetings about us.", "A plain-words guide for child protection conferences, written with the forum."),
        ("Young people's forum", "Youth clubs closing means there is nowhere safe to go in the evening.", "Detached youth workers now cover the town centre on Friday and Saturday evenings."),
        ("Children in care council", "Our reviews are held in school time and everyone knows why we leave the class.", "Reviews are held after school or in the holidays unless the child chooses otherwise."),
        ("Children in care council", "We get a new social worker too often and have to tell our story again.", "A one-page profile written by the child goes with them to each new worker."),
        ("Parents' survey", "I did not understand why the social worker was visiting or what would happen next.", "Every first visit now leaves a letter explaining the assessment and its timescale."),
        ("Parents' survey", "Early help made a real difference, but we waited six weeks for it to start.", "The early help hub set a target of a first contact within ten working days."),
        ("Parents' survey", "The conference report arrived the night before; I had no time to read it.", "Reports are shared with parents at least two working days before conference."),
        ("Children on child protection plans", "I want to see my report before the meeting, not hear it read out.", "Social workers go through the report with the child before each conference."),
        ("Children on child protection plans", "I liked it when my worker came to see me at school rather than at home.", null),
        ("Care leavers", "Nobody told me about the help I could get with rent and council tax at 18.", "A care leavers' local offer booklet and council tax exemption to 25."),
        ("Care leavers", "My personal adviser changed three times in a year.", "Personal advisers now keep their young people for at least a year, except by choice."),
        ("Youth justice panel", "The police talked to my mum and not to me.", "Police officers' training now includes speaking directly with the young person."),
        ("Parents' survey", "The MASH called back the same day and explained what they were doing.", null),
    ];

    private static readonly (string Code, decimal Base, string Note)[] Contributions =
    [
        ("CSC", 152000m, "The council's contribution"),
        ("POLICE", 61000m, "Police contribution"),
        ("ICB", 76000m, "The ICB's contribution"),
        ("HOSP", 8500m, "Hospital trust contribution"),
        ("SCHOOLS", 12000m, "Schools forum contribution"),
        ("EHE", 6000m, "Early help and education contribution"),
    ];

    private static readonly (string Line, decimal Base)[] Expenditure =
    [
        ("Business unit staffing", 198000m),
        ("Independent scrutineer", 24000m),
        ("Child safeguarding practice reviews (independent reviewers)", 38000m),
        ("Multi-agency training programme", 21000m),
        ("Children and young people's participation", 9500m),
        ("Website, communications and campaigns", 6200m),
        ("Learning events and conference", 4800m),
    ];

    public static async Task<int> SeedAsync(SafeguardDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Set<PartnershipFeedback>().AnyAsync(cancellationToken) || await db.Set<PartnershipFundingLine>().AnyAsync(cancellationToken))
        {
            return 0;
        }

        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        var now = db.Time.GetUtcNow();
        var today = UkTime.Today(db.Time);
        var random = new Random(80);
        var added = new List<Entity>();
        var current = ReportingYear.Of(today);
        foreach (var year in new[] { current.Previous.Previous, current.Previous, current })
        {
            var growth = (decimal)Math.Pow(1.03, year.StartYear - current.StartYear);
            for (var i = 0; i < PerYear; i++)
            {
                var (source, said, changed) = Voices[(i + (year.StartYear * 5)) % Voices.Length];
                var on = year.Start.AddDays((i * 365 / PerYear) + random.Next(0, 25));
                if (on > today)
                {
                    break;
                }

                added.Add(new PartnershipFeedback { ReceivedOn = on, Source = source, WhatWasSaid = said, WhatChanged = on > today.AddDays(-30) ? null : changed, RecordedAt = now, RecordedBy = actor.Name });
            }

            foreach (var (code, amount, note) in Contributions.Where(c => agencies.ContainsKey(c.Code)))
            {
                added.Add(new PartnershipFundingLine { YearStart = year.StartYear, Kind = FundingKind.Contribution, AgencyId = agencies[code], Description = note, Amount = decimal.Round(amount * growth, 0), RecordedAt = now, RecordedBy = actor.Name });
            }

            foreach (var (line, amount) in Expenditure)
            {
                var spent = decimal.Round(amount * growth * (0.92m + ((decimal)random.Next(0, 1600) / 10000m)), 2);
                added.Add(new PartnershipFundingLine { YearStart = year.StartYear, Kind = FundingKind.Expenditure, Description = line, Amount = spent, RecordedAt = now, RecordedBy = actor.Name });
            }
        }

        using (db.BeginProcess("Demo.AnnualReport", actor))
        {
            db.AddRange(added);
            await db.SaveChangesAsync(cancellationToken);
        }

        return added.Count;
    }
}
