using Safeguard.AnnualReport;
using static Safeguard.AnnualReport.ReportText;

namespace Safeguard.Escalations;

/// <summary>
/// The annual report's section on professional disagreements between agencies (ADR 0077): how many were raised, by and
/// with whom, about what, how far they went and how many were resolved within the stages' timescales. No child is named.
/// </summary>
public sealed class EscalationReportSection(EscalationFiguresQuery figures) : IAnnualReportSection
{
    public string Key => "escalations";

    public string Title => "Escalations and resolving professional disagreements";

    public int Order => 78;

    public async Task<ReportSection> BuildAsync(AnnualReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var year = await figures.ForYearAsync(request.Year, cancellationToken);
        if (year.Raised == 0 && year.Closed == 0)
        {
            return ReportSection.NoRecords(this, $"no professional disagreement was raised or closed in {request.Year.Name}.");
        }

        List<ReportBlock> blocks =
        [
            new ReportParagraph(
                $"{N(year.Raised)} professional disagreements were raised between agencies in {request.Year.Name} ({N(year.RaisedLastYear)} the year before). " +
                $"{N(year.Closed)} were closed: {Percent(year.ResolvedByStage2Rate)} resolved at stage 1 or 2, and {Percent(year.WithinTimescaleRate)} with every stage within its timescale."),
        ];
        if (year.ByTheme.Count > 0)
        {
            blocks.Add(new ReportChart($"Disagreements raised in {request.Year.Name}, by theme", "Raised", [.. year.ByTheme.Select(t => new ChartBar(t.Label, t.Count))]));
        }

        blocks.Add(new ReportTable("Raised by agency", ["Agency raising", "Raised"], [.. year.ByRaisingAgency.Select(l => (IReadOnlyList<string>)[l.Label, N(l.Count)])]));
        blocks.Add(new ReportTable("Stages", ["Stage", "Started", "Ended", "Ended within the timescale (%)"],
            [.. year.Stages.Select(s => (IReadOnlyList<string>)[s.Name, N(s.Started), N(s.Ended), Percent(s.InTimeRate)])]));
        blocks.Add(new ReportTable("Outcomes of those closed", ["Outcome", "Closed"], [.. year.ByOutcome.Select(l => (IReadOnlyList<string>)[l.Label, N(l.Count)])]));
        return new ReportSection(Key, Title, Order, true, blocks);
    }
}
