using Safeguard.AnnualReport;
using static Safeguard.AnnualReport.ReportText;

namespace Safeguard.Governance;

/// <summary>
/// The annual report's section on the partnership's meetings (ADR 0077): meetings held per board, quoracy, attendance
/// by agency (where drift shows) and the actions completed on time.
/// </summary>
public sealed class GovernanceReportSection(GovernanceFigures figures) : IAnnualReportSection
{
    public string Key => "meetings";

    public string Title => "Partnership meetings and governance";

    public int Order => 80;

    public async Task<ReportSection> BuildAsync(AnnualReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var year = await figures.ForYearAsync(request.Year, cancellationToken);
        var held = year.Boards.Sum(b => b.Held);
        if (held == 0 && year.Actions.Due == 0)
        {
            return ReportSection.NoRecords(this, $"no partnership meeting was held in {request.Year.Name}.");
        }

        var agencies = year.Agencies.Where(a => a.Attendance.Rate is not null).ToList();
        List<ReportBlock> blocks =
        [
            new ReportParagraph(
                $"The partnership's boards and subgroups met {N(held)} times in {request.Year.Name}. Of {N(year.Actions.Due)} actions due in the year, " +
                $"{N(year.Actions.OnTime)} were completed on time ({Percent(year.Actions.OnTimeRate)}), {N(year.Actions.Late)} late, and {N(year.Actions.Open)} are still open."),
            new ReportTable("Meetings by board", ["Board", "Held", "Cancelled", "Quorate", "Attendance (%)"],
                [.. year.Boards.Select(b => (IReadOnlyList<string>)[b.Board, N(b.Held), N(b.Cancelled), b.Quorate is { } q ? N(q) : "-", Percent(b.Attendance.Rate)])]),
        ];
        if (agencies.Count > 0)
        {
            blocks.Add(new ReportChart($"Attendance at partnership meetings in {request.Year.Name}, by agency", "Attendance (%)", [.. agencies.Select(a => new ChartBar(a.Agency, a.Attendance.Rate!.Value))]));
            blocks.Add(new ReportTable("Attendance by agency and quarter", ["Agency", "Year (%)", "Q1", "Q2", "Q3", "Q4"],
                [.. agencies.Select(a => (IReadOnlyList<string>)[a.Agency, Percent(a.Attendance.Rate), .. Enumerable.Range(0, 4).Select(i => i < a.Quarters.Count ? Percent(a.Quarters[i].Rate) : "-")])]));
        }

        return new ReportSection(Key, Title, Order, true, blocks);
    }
}
