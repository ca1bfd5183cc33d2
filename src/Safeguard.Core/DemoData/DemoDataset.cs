using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Persistence;

namespace Safeguard.DemoData;

/// <summary>
/// Demo partnership data: context figures for this year and last, and the data returns of the last quarters
/// that have ended: all agencies submitted the earlier one; for the latest, one agency is late and one could not
/// give a figure, so the completeness page and the dataset's gaps have something true to show.
/// </summary>
internal static class DemoDataset
{
    // Typical quarterly figures for a borough of about 43,000 children (seed 000, Appendix 1).
    private static readonly Dictionary<string, decimal> Typical = new(StringComparer.Ordinal)
    {
        ["2.2"] = 262,
        ["2.3"] = 1,
        ["3.1"] = 380,
        ["3.2"] = 41,
        ["3.3"] = 254,
        ["3.4a"] = 88,
        ["3.4b"] = 114,
        ["3.4c"] = 84,
        ["3.5"] = 61.3m,
        ["3.6"] = 343,
        ["3.7"] = 39.8m,
        ["3.8"] = 3,
        ["4.1"] = 361,
        ["4.2"] = 46,
        ["6.1"] = 27.4m,
        ["6.2"] = 9,
        ["6.8"] = 4,
        ["7.1"] = 351,
        ["7.2"] = 28,
        ["7.3"] = 24,
        ["8.1"] = 103,
        ["8.2"] = 412.5m,
        ["8.3"] = 11.1m,
        ["8.4"] = 3.2m,
    };

    /// <param name="db">The database.</param>
    /// <param name="actor">Who the figures are recorded by.</param>
    /// <param name="children">
    /// The generated area's child population: the context figures then cover every year of its activity. Null when
    /// no activity was generated: the figures are then the borough's published ones, for this year and last.
    /// </param>
    /// <param name="cancellationToken">Cancels the seeding.</param>
    public static async Task SeedAsync(SafeguardDbContext db, Actor actor, int? children, CancellationToken cancellationToken)
    {
        if (await db.Set<DataReturn>().AnyAsync(cancellationToken))
        {
            return;
        }

        var now = db.Time.GetUtcNow();
        var today = UkTime.ToUkDate(now);
        var latest = ReportingQuarter.Of(today.AddMonths(-3));
        var earlier = ReportingQuarter.Of(latest.Start.AddDays(-1));
        var indicators = await db.Set<Indicator>().Include(i => i.SupplierAgency).ToListAsync(cancellationToken);
        using var process = db.BeginProcess("Demo.SeedDataset", actor);
        // Every reporting year the demo activity covers, so each year's rates have their population.
        var first = children is null ? ReportingYear.Of(today).Previous : ReportingYear.Of(DemoCasework.HistoryStart(today));
        for (var year = first; year.StartYear <= ReportingYear.Of(today).StartYear; year = new ReportingYear(year.StartYear + 1))
        {
            AddContext(db, indicators, "1.1", year, 22.9m, now);
            AddContext(db, indicators, "1.2", year, 4.1m, now);
            AddContext(db, indicators, "1.3", year, children ?? 43180m, now);
        }

        foreach (var (quarter, complete) in new[] { (earlier, true), (latest, false) })
        {
            var due = quarter.End.AddMonths(1);
            var opened = Instant(quarter.End.AddDays(1), now);
            var submittedAt = Instant(quarter.End.AddDays(20), now);
            var dataReturn = new DataReturn { YearStart = quarter.Year.StartYear, Quarter = quarter.Number, DueOn = due, OpenedAt = opened, OpenedBy = "Bea Business" };
            db.Add(dataReturn);
            foreach (var supplier in indicators.Where(i => i.Source == IndicatorSource.Returned && i.SupplierAgencyId is not null && !i.IsRetired && (i.Aggregation != IndicatorAggregation.Annual || quarter.Number == 4)).GroupBy(i => i.SupplierAgency!))
            {
                var request = new DataReturnRequest { DataReturnId = dataReturn.Id, AgencyId = supplier.Key.Id, DueOn = due };
                dataReturn.Requests.Add(request);
                var late = !complete && supplier.Key.Code == "CSC";
                if (late)
                {
                    db.Add(new ReturnReminder { RequestId = request.Id, SentAt = Instant(due.AddDays(3), now), SentBy = "Bea Business", Message = "The figures for the quarter were due; please submit them or tell us why you cannot." });
                    continue;
                }

                request.SubmittedAt = submittedAt;
                request.SubmittedBy = $"{supplier.Key.Name} data lead";
                foreach (var indicator in supplier)
                {
                    var unavailable = !complete && supplier.Key.Code == "HOSP";
                    db.Add(new ReturnedFigure
                    {
                        RequestId = request.Id,
                        IndicatorId = indicator.Id,
                        Value = unavailable ? null : Vary(indicator, quarter),
                        MissingReason = unavailable ? MissingFigureReason.SystemUnavailable : null,
                        Comment = unavailable ? "The emergency department system was replaced in the quarter; figures return next quarter." : null,
                        RecordedAt = submittedAt,
                        RecordedBy = request.SubmittedBy,
                    });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>10:00 UK time on the day, or now if that is later than now.</summary>
    private static DateTimeOffset Instant(DateOnly day, DateTimeOffset now)
    {
        var instant = UkTime.FromUkLocal(day.ToDateTime(new TimeOnly(10, 0)));
        return instant < now ? instant : now;
    }

    private static void AddContext(SafeguardDbContext db, List<Indicator> indicators, string code, ReportingYear year, decimal value, DateTimeOffset now)
    {
        if (indicators.FirstOrDefault(i => i.Code == code) is { } indicator)
        {
            db.Add(new ContextFigure { IndicatorId = indicator.Id, YearStart = year.StartYear, Value = value, RecordedAt = now, RecordedBy = "demo data" });
        }
    }

    /// <summary>The typical figure moved a little by quarter, the same on every machine.</summary>
    private static decimal Vary(Indicator indicator, ReportingQuarter quarter)
    {
        var typical = Typical.TryGetValue(indicator.Code, out var t) ? t : 10m;
        var step = ((quarter.Number * 7) + (indicator.Code.Length * 3)) % 9 - 4; // -4..4
        var value = typical * (1 + (step / 100m));
        return indicator.Unit == IndicatorUnit.Count && indicator.Aggregation != IndicatorAggregation.MonthEnd && indicator.Code != "8.2"
            ? Math.Round(value, 0, MidpointRounding.AwayFromZero)
            : Math.Round(value, 1, MidpointRounding.AwayFromZero);
    }
}
