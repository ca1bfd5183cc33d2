using Safeguard.AnnualReport;
using static Safeguard.AnnualReport.ReportText;

namespace Safeguard.Training;

/// <summary>
/// The annual report's section on multi-agency training (ADR 0077): sessions delivered, places used, attendance by
/// agency, confidence before and after, and the three-month follow-ups. Counts only: no delegate is named.
/// </summary>
public sealed class TrainingReportSection(TrainingFigures figures) : IAnnualReportSection
{
    public string Key => "training";

    public string Title => "Multi-agency training";

    public int Order => 75;

    public async Task<ReportSection> BuildAsync(AnnualReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var year = await figures.ForYearAsync(request.Year, cancellationToken);
        if (year.SessionsDelivered == 0 && year.PlacesBooked == 0)
        {
            return ReportSection.NoRecords(this, $"no training session was held or booked in {request.Year.Name}.");
        }

        List<ReportBlock> blocks =
        [
            new ReportParagraph(
                $"The partnership delivered {N(year.SessionsDelivered)} training sessions in {request.Year.Name} ({N(year.SessionsCancelled)} called off), " +
                $"offering {N(year.PlacesOffered)} places: {N(year.PlacesBooked)} were booked and {N(year.Attended)} delegates attended; " +
                $"{N(year.DidNotAttend)} did not attend ({Percent(year.DidNotAttendRate)} of places booked)."),
            new ReportParagraph(
                $"Delegates rated their confidence {N(year.MeanConfidenceBefore)} before and {N(year.MeanConfidenceAfter)} after on a scale of 1 to 5 " +
                $"({Change(year.ConfidenceChange)}), from {N(year.Evaluations)} evaluations. Of {N(year.FollowUpsDue)} three-month follow-ups due, " +
                $"{N(year.FollowUpsReturned)} were returned ({Percent(year.FollowUpReturnRate)}), and {Percent(year.PracticeChangedShare)} of those reported a change in practice."),
        ];
        if (year.ByAgency.Count > 0)
        {
            blocks.Add(new ReportChart($"Delegates attending in {request.Year.Name}, by agency", "Delegates", [.. year.ByAgency.Take(10).Select(a => new ChartBar(a.Group, a.Attended))]));
            blocks.Add(new ReportTable("Attendance by agency", ["Agency", "Booked", "Attended", "Did not attend", "Did not attend (%)"],
                [.. year.ByAgency.Select(a => (IReadOnlyList<string>)[a.Group, N(a.Booked), N(a.Attended), N(a.DidNotAttend), Percent(a.DidNotAttendRate)])]));
        }

        if (year.Courses.Count > 0)
        {
            blocks.Add(new ReportTable("Courses", ["Course", "Learning theme", "Sessions", "Attended", "Confidence before", "Confidence after"],
                [.. year.Courses.Select(c => (IReadOnlyList<string>)[c.Title, c.Theme ?? "-", N(c.Sessions), N(c.Attended), N(c.MeanBefore), N(c.MeanAfter)])]));
        }

        return new ReportSection(Key, Title, Order, true, blocks);
    }
}
