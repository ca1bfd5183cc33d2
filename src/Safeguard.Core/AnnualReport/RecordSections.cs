using Microsoft.EntityFrameworkCore;
using Safeguard.Organisations;
using Safeguard.Persistence;
using static Safeguard.AnnualReport.ReportText;

namespace Safeguard.AnnualReport;

/// <summary>The partnership and its arrangements: the three safeguarding partners and the relevant agencies working with them.</summary>
public sealed class PartnershipSection(SafeguardDbContext db) : IAnnualReportSection
{
    public string Key => "partnership";

    public string Title => "The partnership and its arrangements";

    public int Order => 10;

    public async Task<ReportSection> BuildAsync(AnnualReportRequest request, CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).ToListAsync(cancellationToken);
        if (agencies.Count == 0)
        {
            return ReportSection.NoRecords(this, "no agencies are recorded.");
        }

        var partners = agencies.Where(a => a.StatutoryPartner is not null).OrderBy(a => a.StatutoryPartner).ToList();
        var byType = agencies.GroupBy(a => a.Type).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).ToList();
        return new ReportSection(Key, Title, Order, true,
        [
            new ReportParagraph($"The safeguarding partners are {(partners.Count == 0 ? "not yet recorded" : string.Join(", ", partners.Select(p => $"{p.Name} ({AnnualReportService.PartnerName(p.StatutoryPartner!.Value)})")))}. " +
                $"{N(agencies.Count)} agencies take part in the arrangements."),
            new ReportChart("Agencies in the arrangements by type", "Agencies", [.. byType.Select(g => new ChartBar(TypeName(g.Key), g.Count()))]),
            new ReportTable("Agencies by type", ["Type", "Agencies"], [.. byType.Select(g => (IReadOnlyList<string>)[TypeName(g.Key), N(g.Count())])]),
        ]);
    }

    public static string TypeName(AgencyType type) => System.Text.RegularExpressions.Regex.Replace(type.ToString(), "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant() switch
    {
        var s => char.ToUpperInvariant(s[0]) + s[1..],
    };
}

/// <summary>Feedback from children, young people and families, and what changed because of it (recorded by the business unit).</summary>
public sealed class FeedbackSection(AnnualReportRecords records) : IAnnualReportSection
{
    public string Key => "voice";

    public string Title => "Feedback from children and families";

    public int Order => 70;

    public async Task<ReportSection> BuildAsync(AnnualReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var feedback = await records.FeedbackAsync(request.Year, cancellationToken);
        if (feedback.Count == 0)
        {
            return ReportSection.NoRecords(this, "no feedback from children or families is recorded for this year.");
        }

        var bySource = feedback.GroupBy(f => f.Source).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        return new ReportSection(Key, Title, Order, true,
        [
            new ReportParagraph($"{N(feedback.Count)} pieces of feedback were recorded from {N(bySource.Count)} sources; {N(feedback.Count(f => f.WhatChanged is not null))} led to a change."),
            new ReportChart("Feedback by source", "Pieces of feedback", [.. bySource.Select(g => new ChartBar(g.Key, g.Count()))]),
            new ReportTable("What children and families said, and what changed", ["Received", "Source", "What was said", "What changed"],
                [.. feedback.Select(f => (IReadOnlyList<string>)[Date(f.ReceivedOn), f.Source, f.WhatWasSaid, f.WhatChanged ?? "Nothing recorded yet"])]),
        ]);
    }
}

/// <summary>The partnership's funding for the year: contributions by partner agency and expenditure lines.</summary>
public sealed class FundingSection(AnnualReportRecords records) : IAnnualReportSection
{
    public string Key => "funding";

    public string Title => "Partnership funding";

    public int Order => 85;

    public async Task<ReportSection> BuildAsync(AnnualReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lines = await records.FundingAsync(request.Year, cancellationToken);
        if (lines.Count == 0)
        {
            return ReportSection.NoRecords(this, "no contributions or expenditure are recorded for this year.");
        }

        var income = lines.Where(l => l.Line.Kind == FundingKind.Contribution).ToList();
        var spend = lines.Where(l => l.Line.Kind == FundingKind.Expenditure).ToList();
        return new ReportSection(Key, Title, Order, true,
        [
            new ReportParagraph($"Contributions {Money(income.Sum(l => l.Line.Amount))}; expenditure {Money(spend.Sum(l => l.Line.Amount))}; " +
                $"balance {Money(income.Sum(l => l.Line.Amount) - spend.Sum(l => l.Line.Amount))}."),
            new ReportChart("Contributions by partner agency (£)", "Pounds", [.. income.Select(l => new ChartBar(l.AgencyName ?? l.Line.Description, l.Line.Amount))]),
            new ReportTable("Contributions", ["Agency", "Amount"], [.. income.Select(l => (IReadOnlyList<string>)[l.AgencyName ?? l.Line.Description, Money(l.Line.Amount)])]),
            new ReportTable("Expenditure", ["Line", "Amount"], [.. spend.Select(l => (IReadOnlyList<string>)[l.Line.Description, Money(l.Line.Amount)])]),
        ]);
    }
}

/// <summary>
/// An area whose records Safeguard does not hold yet (priorities, training, escalations, meetings): the section says so
/// plainly. The area replaces it by registering its own <see cref="IAnnualReportSection"/> with the same key.
/// </summary>
public sealed class PlaceholderSection(string key, string title, int order, string what) : IAnnualReportSection
{
    public string Key => key;

    public string Title => title;

    public int Order => order;

    public Task<ReportSection> BuildAsync(AnnualReportRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ReportSection.NoRecords(this, $"Safeguard does not hold {what} yet."));
}
