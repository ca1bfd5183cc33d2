using Microsoft.EntityFrameworkCore;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Lado;
using Safeguard.Persistence;
using Safeguard.Testing;
using static Safeguard.Core.Tests.Lado.LadoFixture;

namespace Safeguard.Core.Tests.Lado;

/// <summary>The LADO's annual figures and indicator 8.1, counted from known allegations (today is Monday 23 November 2026, in 2026-27).</summary>
public class LadoFiguresTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_annual_figures_count_referrals_by_sector_and_category_decisions_and_outcomes(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        // Last year (2025-26): two referrals, one met the threshold.
        var old = await f.RecordAsync(D(2026, 3, 2));
        await f.Lado.RecordDecisionAsync(old.Id, 0, new(D(2026, 3, 3), LadoDecision.ThresholdMet, "Mark"), f.Officer, Ct);
        await f.RecordAsync(D(2025, 4, 1), LadoSector.Health);

        // This year: four referrals (education 2, health 1, sport 1); two met the threshold; one advice only; one not yet decided.
        var a = await f.RecordAsync(D(2026, 4, 10));
        var b = await f.RecordAsync(D(2026, 6, 1), LadoSector.Health);
        var c = await f.Lado.RecordAsync(f.Referral(D(2026, 9, 1), LadoSector.SportAndLeisure, LadoCategory.TransferableRisk), f.Officer, Ct);
        await f.RecordAsync(D(2026, 11, 20));
        await f.Lado.RecordDecisionAsync(a.Id, 0, new(D(2026, 4, 10), LadoDecision.ThresholdMet, "Harm"), f.Officer, Ct);
        await f.Lado.RecordDecisionAsync(b.Id, 0, new(D(2026, 6, 3), LadoDecision.ThresholdMet, "Harm"), f.Officer, Ct);
        await f.Lado.RecordDecisionAsync(c.Id, 0, new(D(2026, 9, 1), LadoDecision.AdviceOnly, "Advice"), f.Officer, Ct);
        await f.Lado.CloseAsync(a.Id, 1, new(LadoOutcome.Substantiated, D(2026, 7, 1), null), f.Officer, Ct);
        await f.Lado.CloseAsync(b.Id, 1, new(LadoOutcome.Malicious, D(2026, 8, 1), null), f.Officer, Ct);
        // Closed this year, referred last year: counted in this year's outcomes.
        await f.Lado.CloseAsync(old.Id, 1, new(LadoOutcome.Substantiated, D(2026, 4, 20), null), f.Officer, Ct);

        var figures = await f.Lado.FiguresAsync(2026, f.Officer, Ct);

        Assert.Equal(("2026-27", 4, 2, 2, 1, 1, 1), (figures.Year, figures.Referrals, figures.ReferralsLastYear, figures.ThresholdMet, figures.ThresholdMetLastYear, figures.AdviceOnly, figures.AwaitingDecision));
        Assert.Equal(50.0m, figures.ThresholdRate);
        Assert.Equal(50.0m, figures.ThresholdRateLastYear);
        Assert.Equal(2, figures.BySector.Single(l => l.Label == "Education").Count);
        Assert.Equal(1, figures.BySector.Single(l => l.Label == "Sport and leisure").Count);
        Assert.Equal(1, figures.ThresholdMetBySector.Single(l => l.Label == "Health").Count);
        Assert.Equal(1, figures.ByCategory.Single(l => l.Label == "Transferable risk").Count);
        Assert.Equal([2, 0, 1, 0, 0], figures.ByOutcome.Select(l => l.Count));
        Assert.Equal([2, 0, 0, 0, 0], figures.OutcomesBySector.Single(s => s.Sector == "Education").Counts);
        // a (same day) and c (same day) on time; b two working days late.
        Assert.Equal((2, 3), (figures.InitialConsiderationsOnTime, figures.InitialConsiderations));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Indicator_8_1_counts_the_allegations_referred_in_each_quarter(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var db = f.Services.Get<SafeguardDbContext>();
        await IndicatorCatalogue.SyncAsync(db, Ct);
        await f.RecordAsync(D(2026, 4, 10));
        await f.RecordAsync(D(2026, 6, 30), LadoSector.Health);
        await f.RecordAsync(D(2026, 7, 1));
        await f.RecordAsync(D(2026, 11, 20));
        await f.RecordAsync(D(2026, 11, 23));

        var calculator = f.Services.Get<DatasetCalculator>();
        var row = (await calculator.ComputeAsync(new ReportingYear(2026), cancellationToken: Ct)).Rows.Single(r => r.Indicator.Code == "8.1");

        Assert.Equal(IndicatorSource.Computed, row.Indicator.Source);
        Assert.Equal([2m, 1m, 2m], row.Quarters.Take(3));
        var indicator = await db.Set<Indicator>().AsNoTracking().SingleAsync(i => i.Code == "8.1", Ct);
        var breakdown = (await calculator.BreakdownAsync(indicator.Id, new ReportingYear(2026).Quarter(1), cancellationToken: Ct))!.Breakdown;
        Assert.Equal(2, breakdown.Numerator);
        Assert.All(breakdown.Records, r => Assert.Empty(r.Children));
    }
}
