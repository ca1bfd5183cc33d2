using Microsoft.EntityFrameworkCore;
using Safeguard.Assurance;
using Safeguard.CaseReviews;
using Safeguard.Dataset;
using Safeguard.EarlyHelp;
using Safeguard.Lado;
using Safeguard.Persistence;
using Safeguard.PrivateFostering;
using static Safeguard.AnnualReport.ReportText;

namespace Safeguard.AnnualReport;

/// <summary>
/// A figures section drawn from groups of the partnership dataset: each indicator's year figure, last year's and the
/// difference, with a chart of the counts for the year.
/// </summary>
public sealed class DatasetGroupSection(SafeguardDbContext db, DatasetCache datasets, string key, string title, int order, IReadOnlyList<int> groups) : IAnnualReportSection
{
    public string Key => key;

    public string Title => title;

    public int Order => order;

    public async Task<ReportSection> BuildAsync(AnnualReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await datasets.ComputeAsync(db, request.Year, cancellationToken: cancellationToken);
        var rows = result.Rows.Where(r => groups.Contains(r.Indicator.GroupNumber) && r.Year is not null).ToList();
        if (rows.Count == 0)
        {
            return ReportSection.NoRecords(this, "the dataset has no figures for these indicators in this year.");
        }

        var counts = rows.Where(r => r.Indicator.Unit == IndicatorUnit.Count).Take(8).ToList();
        List<ReportBlock> blocks =
        [
            new ReportParagraph($"{N(rows.Count)} indicators of the partnership dataset have a figure for {request.Year.Name}."),
        ];
        if (counts.Count > 0)
        {
            blocks.Add(new ReportChart($"{title}: counts in {request.Year.Name}", "Count", [.. counts.Select(r => new ChartBar(r.Indicator.Title, r.Year!.Value))]));
        }

        blocks.Add(new ReportTable($"{title} in figures", ["Indicator", request.Year.Name, request.Year.Previous.Name, "Difference"],
            [.. rows.Select(r => (IReadOnlyList<string>)[$"{r.Indicator.Code} {r.Indicator.Title}", N(r.Year), N(r.PreviousYear), Change(r.Difference)])]));
        return new ReportSection(Key, Title, Order, true, blocks);
    }
}

/// <summary>Appendix 1: the whole partnership dataset for the year, with last year and the difference.</summary>
public sealed class DatasetAppendixSection(SafeguardDbContext db, DatasetCache datasets) : IAnnualReportSection
{
    public string Key => "appendix-dataset";

    public string Title => "Appendix 1: the partnership dataset";

    public int Order => 900;

    public async Task<ReportSection> BuildAsync(AnnualReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await datasets.ComputeAsync(db, request.Year, cancellationToken: cancellationToken);
        if (result.Rows.All(r => r.Year is null && r.PreviousYear is null))
        {
            return ReportSection.NoRecords(this, "the dataset has no figures for this year or the year before.");
        }

        return new ReportSection(Key, Title, Order, true,
        [
            new ReportParagraph($"Every indicator of the dataset for {request.Year.Name}, with {request.Year.Previous.Name} and the difference. A dash means no figure (see the dataset's gaps)."),
            new ReportTable("The partnership dataset", ["Code", "Indicator", request.Year.Name, request.Year.Previous.Name, "Difference"],
                [.. result.Rows.Select(r => (IReadOnlyList<string>)[r.Indicator.Code, r.Indicator.Title, N(r.Year), N(r.PreviousYear), Change(r.Difference)])]),
        ]);
    }
}

/// <summary>The LADO: referrals by sector, decisions and the outcomes of allegations closed in the year.</summary>
public sealed class LadoSection(LadoService lado) : IAnnualReportSection
{
    public string Key => "lado";

    public string Title => "Allegations against people who work with children (LADO)";

    public int Order => 50;

    public async Task<ReportSection> BuildAsync(AnnualReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var f = await lado.FiguresAsync(request.Year.StartYear, request.Actor, cancellationToken);
        if (f.Referrals == 0 && f.ByOutcome.Sum(o => o.Count) == 0)
        {
            return ReportSection.NoRecords(this, "no referrals to the LADO are recorded in this year.");
        }

        return new ReportSection(Key, Title, Order, true,
        [
            new ReportParagraph($"{N(f.Referrals)} referrals ({N(f.ReferralsLastYear)} last year); {N(f.ThresholdMet)} met the threshold ({Percent(f.ThresholdRate)}; last year {Percent(f.ThresholdRateLastYear)}); " +
                $"{N(f.AdviceOnly)} were advice only. {N(f.InitialConsiderationsOnTime)} of {N(f.InitialConsiderations)} initial considerations were made within one working day."),
            new ReportChart("LADO referrals by sector", "Referrals", [.. f.BySector.Where(s => s.Count > 0).Select(s => new ChartBar(s.Label, s.Count))]),
            new ReportTable("Referrals by sector", ["Sector", "Referrals", "Threshold met"],
                [.. f.BySector.Zip(f.ThresholdMetBySector).Select(p => (IReadOnlyList<string>)[p.First.Label, N(p.First.Count), N(p.Second.Count)])]),
            new ReportTable("Outcomes of allegations closed in the year", ["Outcome", "Allegations"], [.. f.ByOutcome.Select(o => (IReadOnlyList<string>)[o.Label, N(o.Count)])]),
        ]);
    }
}

/// <summary>Early help: episodes in the year and the lead professional's share by agency at the year's last quarter end.</summary>
public sealed class EarlyHelpSection(EarlyHelpFiguresService figures) : IAnnualReportSection
{
    public string Key => "early-help";

    public string Title => "Early help";

    public int Order => 40;

    public async Task<ReportSection> BuildAsync(AnnualReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var y = await figures.ForYearAsync(request.Year, request.Actor, cancellationToken);
        if (y.Quarters.Count == 0 || y.Quarters.All(q => q.Opened == 0 && q.OpenAtEnd == 0 && q.Closed == 0))
        {
            return ReportSection.NoRecords(this, "no early help episodes are recorded in this year.");
        }

        var last = y.Quarters[^1];
        return new ReportSection(Key, Title, Order, true,
        [
            new ReportParagraph($"{N(y.Quarters.Sum(q => q.Opened))} episodes opened and {N(y.Quarters.Sum(q => q.Closed))} closed in the year; {N(last.OpenAtEnd)} open at the end of {last.Quarter.Name}, " +
                $"{N(last.OpenWithoutLead)} without a lead professional. {N(y.Quarters.Sum(q => q.SteppedUp))} stepped up to social care and {N(y.Quarters.Sum(q => q.SteppedDown))} stepped down from it."),
            new ReportChart($"Lead professional share by agency at the end of {last.Quarter.Name} (%)", "Share (%)",
                [.. y.Agencies.Where(a => last.LeadsByAgency.ContainsKey(a.Id)).Select(a => new ChartBar(a.Name, last.Share(a.Id) ?? 0))]),
            new ReportTable("Lead professional share by agency, each quarter end", ["Agency", .. y.Quarters.Select(q => q.Quarter.Name)],
                [.. y.Agencies.Select(a => (IReadOnlyList<string>)[a.Name, .. y.Quarters.Select(q => Percent(q.Share(a.Id)))])]),
        ]);
    }
}

/// <summary>Private fostering: notifications, arrangements and the visits made on time.</summary>
public sealed class PrivateFosteringSection(PrivateFosteringFigures figures) : IAnnualReportSection
{
    public string Key => "private-fostering";

    public string Title => "Private fostering";

    public int Order => 55;

    public async Task<ReportSection> BuildAsync(AnnualReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var y = await figures.ForPeriodAsync(request.Year.Start, request.Year.End, cancellationToken);
        if (y.Notifications == 0 && y.NewArrangements == 0 && y.OpenAtEnd == 0 && y.Ended == 0)
        {
            return ReportSection.NoRecords(this, "no private fostering notifications or arrangements are recorded in this year.");
        }

        return new ReportSection(Key, Title, Order, true,
        [
            new ReportParagraph($"{N(y.Notifications)} notifications; {N(y.NewArrangements)} new arrangements; {N(y.Ended)} ended; {N(y.OpenAtEnd)} open at the end of the year. " +
                $"First visits on time: {N(y.FirstVisitsOnTime)} of {N(y.FirstVisitsDue)}; later visits on time: {N(y.LaterVisitsOnTime)} of {N(y.LaterVisitsDue)}."),
            new ReportChart("Private fostering in the year", "Children",
                [new("Notifications", y.Notifications), new("New arrangements", y.NewArrangements), new("Ended", y.Ended), new("Open at year end", y.OpenAtEnd)]),
        ]);
    }
}

/// <summary>Case reviews (the statutory content, from the case review extract) and the learning themes of the year's findings.</summary>
public sealed class CaseReviewSection(SafeguardDbContext db) : IAnnualReportSection
{
    public string Key => "case-reviews";

    public string Title => "Case reviews and learning";

    public int Order => 60;

    public async Task<ReportSection> BuildAsync(AnnualReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var x = await AnnualReportExtract.BuildAsync(db, request.Year, cancellationToken);
        var themes = (await db.Set<Finding>().AsNoTracking().Where(f => f.RecordedOn >= request.Year.Start && f.RecordedOn <= request.Year.End)
                .Select(f => f.LearningTheme!.Name).ToListAsync(cancellationToken))
            .GroupBy(n => n).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (x.Notifications.Count + x.RapidReviews.Count + x.ConcludedPracticeReviews.Count + x.OngoingPracticeReviews.Count + x.ImplementedActions.Count + x.DeclinedActions.Count + themes.Count == 0)
        {
            return ReportSection.NoRecords(this, "no notifications, reviews or findings are recorded in this year.");
        }

        return new ReportSection(Key, Title, Order, true,
        [
            new ReportParagraph($"{N(x.Notifications.Count)} serious incident notifications to the National Panel; {N(x.RapidReviews.Count)} rapid reviews " +
                $"({string.Join("; ", x.OutcomeCounts.Select(o => $"{RapidReviewService.OutcomeName(o.Outcome)} {o.Count}"))}); " +
                $"{N(x.ConcludedPracticeReviews.Count)} practice reviews concluded and {N(x.OngoingPracticeReviews.Count)} ongoing at the year end."),
            new ReportChart("Learning themes of the year's findings", "Findings", [.. themes.Select(g => new ChartBar(g.Key, g.Count()))]),
            new ReportTable("Practice reviews concluded in the year", ["Case", "Kind", "Concluded", "Published"],
                [.. x.ConcludedPracticeReviews.Select(p => (IReadOnlyList<string>)[p.Reference, PracticeReviewService.KindName(p.Kind), p.ConcludedOn is { } c ? Date(c) : "", p.Publish switch { true => "Yes", false => "No: " + p.PublicationReasons, null => "Not decided" }])]),
            new ReportTable("What was done to implement findings", ["Case", "Action", "Agency", "Evidence"],
                [.. x.ImplementedActions.Select(a => (IReadOnlyList<string>)[a.Reference, a.Description, a.Agency, a.Evidence ?? ""])]),
            new ReportTable("Findings not implemented, and why", ["Case", "Action", "Agency", "Reason"],
                [.. x.DeclinedActions.Select(a => (IReadOnlyList<string>)[a.Reference, a.Description, a.Agency, a.DeclinedReason ?? ""])]),
        ]);
    }
}

/// <summary>Multi-agency audits and section 11 / section 175 self-assessment.</summary>
public sealed class AssuranceSection(AuditFigures audits, SelfAssessmentFigures selfAssessments) : IAnnualReportSection
{
    public string Key => "assurance";

    public string Title => "Multi-agency audits and section 11 / section 175";

    public int Order => 65;

    public async Task<ReportSection> BuildAsync(AnnualReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var a = await audits.ForYearAsync(request.Year, cancellationToken);
        var rounds = await selfAssessments.ForYearAsync(request.Year, cancellationToken);
        if (a.Audits == 0 && rounds.Count == 0)
        {
            return ReportSection.NoRecords(this, "no audits or self-assessment rounds are recorded in this year.");
        }

        List<ReportBlock> blocks =
        [
            new ReportParagraph($"{N(a.Audits)} multi-agency audits in the programme; {N(a.Completed)} completed, {N(a.Inconclusive)} inconclusive. " +
                $"Agencies returned {N(a.Returned)} of {N(a.Asked)} audit returns asked ({Percent(a.ReturnRate)})."),
        ];
        if (a.Grades.Count > 0)
        {
            blocks.Add(new ReportChart("Audit returns by grade", "Returns", [.. a.Grades.Select(g => new ChartBar(g.Grade, g.Returns))]));
        }

        blocks.Add(new ReportTable("Audit returns by agency", ["Agency", "Asked", "Returned", "Late"],
            [.. a.ReturnRates.Select(r => (IReadOnlyList<string>)[r.AgencyName, N(r.Asked), N(r.Returned), N(r.Late)])]));
        foreach (var round in rounds)
        {
            blocks.Add(new ReportSubheading(round.Title));
            blocks.Add(new ReportParagraph($"{N(round.Returned)} of {N(round.Asked)} returns ({Percent(round.Rate)}); {N(round.Actions)} actions, {N(round.ActionsOutstanding)} outstanding."));
            blocks.Add(new ReportChart($"{round.Title}: return rate by sector (%)", "Returned (%)", [.. round.Sectors.Select(s => new ChartBar(s.Sector, s.Rate))]));
            blocks.Add(new ReportTable($"{round.Title}: ratings by standard", ["Standard", "Red", "Amber", "Green"],
                [.. round.Standards.Select(s => (IReadOnlyList<string>)[$"{s.Number}. {s.Title}", N(s.Red), N(s.Amber), N(s.Green)])]));
        }

        return new ReportSection(Key, Title, Order, true, blocks);
    }
}
