using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Persistence;

namespace Safeguard.ComplexSafeguarding;

/// <summary>The council named on the regional return (the demo area's by default).</summary>
public sealed class RegionalReturnOptions
{
    public string LocalAuthority { get; init; } = "Bury";
}

/// <summary>One quarter's return to the regional performance framework on missing children and exploitation: one row of figures.</summary>
public sealed record RegionalReturnFigures(string LocalAuthority, ReportingQuarter Quarter, DateTimeOffset AsAt, IReadOnlyList<(string Column, string Value)> Values)
{
    public string this[string column] => Values.Single(v => v.Column == column).Value;
}

/// <summary>
/// The quarterly return to the regional performance framework (CSV) built from the records: missing episodes, return
/// home interviews, exploitation screenings, the complex safeguarding team's interventions and NRM referrals. The
/// dataset's indicators 3.4a, 3.4b, 3.5, 3.7 and 3.8 are the calculations of <see cref="ComplexSafeguardingIndicators"/>
/// on the same facts; the columns are defined in <see cref="Columns"/> and docs/complex-safeguarding.md. The return is
/// an aggregate (no child is named) and each export is audited under <see cref="Process"/>.
/// </summary>
public sealed partial class RegionalReturn(SafeguardDbContext db, ComplexSafeguardingIndicatorData data, RegionalReturnOptions options)
{
    public const string Process = "ComplexSafeguarding.RegionalReturn";

    /// <summary>The header, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "local_authority", "quarter", "period_start", "period_end", "as_at",
        "missing_episodes", "children_missing", "children_missing_from_home", "children_missing_looked_after", "repeat_missing_children",
        "rhi_due", "rhi_offered_within_72_hours", "rhi_offered_within_72_hours_percent", "rhi_declined",
        "screenings", "screenings_cse", "screenings_cce", "screenings_county_lines", "screenings_trafficking", "screenings_online", "screenings_radicalisation",
        "screenings_low_risk", "screenings_medium_risk", "screenings_high_risk",
        "referrals_to_complex_safeguarding", "cse_referrals_high_risk", "open_interventions_quarter_end", "cse_interventions_open_month_end_average",
        "nrm_referrals", "nrm_reasonable_grounds_positive", "nrm_reasonable_grounds_negative",
    ];

    /// <summary>Reads "2026-Q3" (the reporting year starting April 2026, third quarter: October to December) or "2026-27 Q3".</summary>
    /// <exception cref="SafeguardValidationException">The text is not a quarter.</exception>
    public static ReportingQuarter ParseQuarter(string? text)
    {
        var match = QuarterPattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            throw new SafeguardValidationException("Quarter", $"'{text}' is not a quarter: give the reporting year's first year and the quarter, for example 2026-Q3 (October to December 2026)");
        }

        var start = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["end"].Success && int.Parse(match.Groups["end"].Value, CultureInfo.InvariantCulture) != (start + 1) % 100)
        {
            throw new SafeguardValidationException("Quarter", $"'{text}' is not a reporting year: it runs April to March, for example 2026-27");
        }

        return new ReportingYear(start).Quarter(int.Parse(match.Groups["q"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The figures of <paramref name="quarter"/> as known at <paramref name="asAt"/> (now by default).</summary>
    /// <exception cref="SafeguardValidationException">The quarter has not started yet.</exception>
    public async Task<RegionalReturnFigures> ComputeAsync(ReportingQuarter quarter, DateTimeOffset? asAt = null, CancellationToken cancellationToken = default)
    {
        var at = asAt ?? db.Time.GetUtcNow();
        var today = UkTime.ToUkDate(at);
        if (quarter.Start > today)
        {
            throw new SafeguardValidationException("Quarter", $"{quarter.Name} has not started yet: it starts on {quarter.Start:d MMMM yyyy}");
        }

        // The facts reach back 90 days before the quarter, for repeat missing at its start.
        var facts = await data.AtAsync(new CalculationContext(at, null, quarter.Start.AddDays(-RepeatMissing.Days), quarter.End), cancellationToken);
        IndicatorBreakdown Indicator(string key) => ComplexSafeguardingIndicators.All.Single(c => c.Key == key).Count(facts, quarter);

        var started = facts.Episodes.Where(e => quarter.Contains(e.StartedOn)).ToList();
        var repeat = started.GroupBy(e => e.PersonId)
            .Count(g => g.Any(e => RepeatMissing.InWindow(facts.Episodes.Where(x => x.PersonId == g.Key).Select(x => x.StartedOn), e.StartedOn) >= RepeatMissing.Threshold));
        var rhi = Indicator("return-interviews-within-72-hours");
        var (start, end) = (UkTime.StartOfDay(quarter.Start), UkTime.EndOfDay(quarter.End));
        var declined = (await db.Set<MissingEpisode>().AsNoTracking()
                .Where(e => e.PersonId != null && e.EndedAt >= start && e.EndedAt <= end && e.Interview != null && e.Interview.Outcome == ReturnInterviewOutcome.Declined)
                .Select(e => new { e.EndedAt, e.RecordedAt, InterviewRecordedAt = e.Interview!.RecordedAt })
                .ToListAsync(cancellationToken))
            .Count(e => e.EndedAt <= at && e.RecordedAt <= at && e.InterviewRecordedAt <= at);
        var screenings = facts.Screenings.Where(s => quarter.Contains(s.ScreenedOn)).ToList();
        int Screened(ExploitationCategories category) => screenings.Count(s => s.Categories.HasFlag(category));
        var snapshot = quarter.End < today ? quarter.End : today;
        var open = facts.Screenings.Count(s => s.InterventionStartedOn is { } from && from <= snapshot && (s.InterventionEndedOn is not { } ended || ended > snapshot));
        var nrm = (await db.Set<NrmReferral>().AsNoTracking()
                .Where(n => (n.ReferredOn >= quarter.Start && n.ReferredOn <= quarter.End) || (n.ReasonableGroundsOn >= quarter.Start && n.ReasonableGroundsOn <= quarter.End))
                .ToListAsync(cancellationToken))
            .Where(n => n.RecordedAt <= at)
            .ToList();
        int Decided(NrmDecision decision) => nrm.Count(n => n.ReasonableGrounds == decision && n.ReasonableGroundsOn is { } on && quarter.Contains(on));
        var cseOpen = Indicator("cse-open-month-end").Figure(null);

        string[] values =
        [
            options.LocalAuthority, Label(quarter), Iso(quarter.Start), Iso(quarter.End), at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Whole(started.Count), Whole(started.Select(e => e.PersonId).Distinct().Count()),
            Whole(Indicator("children-missing-from-home").Numerator), Whole(Indicator("children-missing-from-care").Numerator), Whole(repeat),
            Whole(rhi.Denominator), Whole(rhi.Numerator), Decimal(rhi.Figure(null).Value), Whole(declined),
            Whole(screenings.Count), Whole(Screened(ExploitationCategories.Sexual)), Whole(Screened(ExploitationCategories.Criminal)),
            Whole(Screened(ExploitationCategories.CountyLines)), Whole(Screened(ExploitationCategories.Trafficking)), Whole(Screened(ExploitationCategories.Online)),
            Whole(Screened(ExploitationCategories.Radicalisation)),
            Whole(screenings.Count(s => s.Risk == ExploitationRisk.Low)), Whole(screenings.Count(s => s.Risk == ExploitationRisk.Medium)), Whole(screenings.Count(s => s.Risk == ExploitationRisk.High)),
            Whole(screenings.Count(s => s.IsReferral)), Whole(Indicator("cse-high-risk-referrals").Numerator), Whole(open), Decimal(cseOpen.Value),
            Whole(nrm.Count(n => quarter.Contains(n.ReferredOn))), Whole(Decided(NrmDecision.Positive)), Whole(Decided(NrmDecision.Negative)),
        ];
        return new RegionalReturnFigures(options.LocalAuthority, quarter, at, [.. Columns.Zip(values)]);
    }

    /// <summary>Writes the return of <paramref name="quarter"/> as CSV (UTF-8, header and one row) and audits the export.</summary>
    public async Task<RegionalReturnFigures> WriteAsync(Stream output, ReportingQuarter quarter, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(actor);
        var figures = await ComputeAsync(quarter, cancellationToken: cancellationToken);
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Columns)).Append("\r\n");
        csv.Append(string.Join(',', figures.Values.Select(v => Quote(v.Value)))).Append("\r\n");
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(csv.ToString());
        await output.WriteAsync(bytes, cancellationToken);
        using (db.BeginProcess(Process, actor))
        {
            db.RecordAccess("RegionalReturn", Label(quarter), AuditAction.Exported, $"regional return {quarter.Name} as at {figures.AsAt:O}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return figures;
    }

    /// <summary>"2026-Q3", as the CLI takes it.</summary>
    public static string Label(ReportingQuarter quarter) => $"{quarter.Year.StartYear}-{quarter.Label}";

    /// <summary>The file name of a quarter's return.</summary>
    public static string FileName(ReportingQuarter quarter) => $"regional-return-{Label(quarter)}.csv";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Decimal(decimal? value) => value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) : "";

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    [GeneratedRegex(@"^(?<year>20\d\d)(-(?<end>\d\d))?[- ]Q(?<q>[1-4])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuarterPattern();
}
