using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Calendar;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.ComplexSafeguarding;

/// <summary>
/// The complex safeguarding problem profile (seed 001): for a period, how many missing episodes started and how many
/// exploitation screenings were made, by month (or quarter, for a period over a year), exploitation category, age band
/// at the time, sex, ethnicity, where from, the places linked, time of day, repeat missing and risk. Aggregates only:
/// no child is named, so nothing is audited here (the page's downloads are). Counts of 1 to 4 are shown as "fewer
/// than 5" by <see cref="ProfileCount.Display"/>. A profile is worked out once while the records are unchanged
/// (<see cref="VersionedCache{T}"/>) and shared by everyone who asks for the same period.
/// </summary>
public sealed class ProblemProfile(SafeguardDbContext db, VersionedCache<ProfileResult> kept, IServiceScopeFactory scopes)
{
    /// <summary>The longest period a profile covers.</summary>
    public const int MaxDays = 366 * 5;

    public async Task<ProfileResult> BuildAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (to < from)
        {
            throw new ArgumentException("The period must end on or after its start", nameof(to));
        }

        return await kept.GetAsync(db, $"{from:yyyy-MM-dd}|{to:yyyy-MM-dd}", maxAge: null, async _ =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await ComputeAsync(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>(), from, to, CancellationToken.None);
        }, cancellationToken);
    }

    private static async Task<ProfileResult> ComputeAsync(SafeguardDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = UkTime.StartOfDay(from);
        var end = UkTime.StartOfDay(to.AddDays(1));
        var lookBack = UkTime.StartOfDay(from.AddDays(-89));

        // Episodes from 90 days before the period, so a repeat episode early in the period counts the ones before it.
        var episodes = await db.Set<MissingEpisode>().AsNoTracking()
            .Where(e => e.StartedAt >= lookBack && e.StartedAt < end)
            .Select(e => new { e.Id, e.PersonId, e.StartedAt, e.From, e.RiskAtReport, e.DescribedDateOfBirth })
            .ToListAsync(cancellationToken);
        var screenings = await db.Set<ExploitationScreening>().AsNoTracking()
            .Where(s => s.ScreenedOn >= from && s.ScreenedOn <= to)
            .Select(s => new { s.Id, s.PersonId, s.ScreenedOn, s.Categories, s.Risk, s.Outcome })
            .ToListAsync(cancellationToken);

        var personIds = episodes.Where(e => e.PersonId is not null).Select(e => e.PersonId!.Value).Concat(screenings.Select(s => s.PersonId)).Distinct().ToList();
        var people = (await db.Set<Person>().AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.DateOfBirth, p.Sex, p.Ethnicity }).ToListAsync(cancellationToken)).ToDictionary(p => p.Id);

        // DateTimeOffset comparisons are done here, not in the query, so both providers agree.
        var inPeriod = episodes.Where(e => e.StartedAt >= start && e.StartedAt < end).ToList();
        var startsByChild = episodes.Where(e => e.PersonId is not null).GroupBy(e => e.PersonId!.Value)
            .ToDictionary(g => g.Key, g => g.Select(e => UkTime.ToUkDate(e.StartedAt)).Order().ToList());

        var missing = inPeriod.Select(e =>
        {
            var day = UkTime.ToUkDate(e.StartedAt);
            var person = e.PersonId is { } id ? people.GetValueOrDefault(id) : null;
            var dob = person?.DateOfBirth ?? e.DescribedDateOfBirth;
            var repeat = e.PersonId is { } pid && startsByChild[pid].Count(d => d <= day && d > day.AddDays(-90)) >= 3;
            return new Row(e.Id, e.PersonId, day, UkTime.ToUkLocal(e.StartedAt).Hour, AgeBand(dob, day), person?.Sex ?? "U", person?.Ethnicity, repeat, e.From, e.RiskAtReport);
        }).ToList();
        var screened = screenings.Select(s =>
        {
            var person = people.GetValueOrDefault(s.PersonId);
            return new ScreenRow(s.PersonId, s.ScreenedOn, AgeBand(person?.DateOfBirth, s.ScreenedOn), person?.Sex ?? "U", person?.Ethnicity, s.Categories, s.Risk, s.Outcome);
        }).ToList();

        var tables = new List<ProfileTable>
        {
            Trend(from, to, missing, screened),
            Categories(screened),
            TwoWay("age", "Age at the time", AgeBands, missing.Select(m => m.AgeBand), screened.Select(s => s.AgeBand)),
            TwoWay("sex", "Sex", ["Female", "Male", "Not known"], missing.Select(m => SexText(m.Sex)), screened.Select(s => SexText(s.Sex))),
            Ethnicity(missing, screened),
            WhereFrom(missing),
            await PlacesAsync(db, inPeriod.Select(e => e.Id).ToList(), cancellationToken),
            TimeOfDay(missing),
            Repeat(missing),
            Risk(missing, screened),
        };

        return new ProfileResult(from, to, missing.Count, missing.Where(m => m.PersonId is not null).Select(m => m.PersonId).Distinct().Count(),
            screened.Count, screened.Select(s => s.PersonId).Distinct().Count(), tables);
    }

    /// <summary>The age bands (age on the day the episode started or the screening was made).</summary>
    public static IReadOnlyList<string> AgeBands { get; } = ["Under 10", "10 to 12", "13 to 15", "16 to 17", "18 and over", "Not known"];

    /// <summary>The bands of the hour (UK time) an episode started.</summary>
    public static IReadOnlyList<string> TimeBands { get; } = ["Night (midnight to 5:59am)", "Morning (6am to 11:59am)", "Afternoon (noon to 5:59pm)", "Evening (6pm to 11:59pm)"];

    public static string AgeBand(DateOnly? dateOfBirth, DateOnly on)
    {
        if (dateOfBirth is not { } dob || dob > on)
        {
            return "Not known";
        }

        var age = on.Year - dob.Year - (on < dob.AddYears(on.Year - dob.Year) ? 1 : 0);
        return age switch
        {
            < 10 => "Under 10",
            <= 12 => "10 to 12",
            <= 15 => "13 to 15",
            <= 17 => "16 to 17",
            _ => "18 and over",
        };
    }

    public static string TimeBand(int hour) => TimeBands[hour / 6];

    private static string SexText(string sex) => sex switch { "F" => "Female", "M" => "Male", _ => "Not known" };

    private static string RiskText(MissingRisk? risk) => risk?.ToString() ?? "Not graded";

    private static readonly (ExploitationCategories Category, string Name)[] CategoryNames =
    [
        (ExploitationCategories.Sexual, "Child sexual exploitation (CSE)"),
        (ExploitationCategories.Criminal, "Child criminal exploitation (CCE)"),
        (ExploitationCategories.CountyLines, "County lines"),
        (ExploitationCategories.Trafficking, "Trafficking and modern slavery"),
        (ExploitationCategories.Online, "Online"),
        (ExploitationCategories.Radicalisation, "Radicalisation"),
    ];

    private static ProfileTable Trend(DateOnly from, DateOnly to, List<Row> missing, List<ScreenRow> screened)
    {
        var byQuarter = to.DayNumber - from.DayNumber > 366;
        string Key(DateOnly d) => byQuarter ? $"{d.Year} Q{((d.Month - 1) / 3) + 1}" : d.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        var periods = new List<string>();
        for (var d = new DateOnly(from.Year, from.Month, 1); d <= to; d = d.AddMonths(byQuarter ? 3 : 1))
        {
            if (byQuarter)
            {
                d = new DateOnly(d.Year, (((d.Month - 1) / 3) * 3) + 1, 1);
            }

            var key = Key(d);
            if (!periods.Contains(key))
            {
                periods.Add(key);
            }
        }

        var missingBy = missing.ToLookup(m => Key(m.Day));
        var screenedBy = screened.ToLookup(s => Key(s.Day));
        var rows = periods.Select(p => new ProfileRow(p,
            [missingBy[p].Count(), missingBy[p].Where(m => m.PersonId is not null).Select(m => m.PersonId).Distinct().Count(), screenedBy[p].Count()])).ToList();
        return new ProfileTable("trend", byQuarter ? "By quarter" : "By month", byQuarter ? "Quarter" : "Month", ["Missing episodes", "Children missing", "Exploitation screenings"], rows, Chart: true);
    }

    private static ProfileTable Categories(List<ScreenRow> screened)
    {
        var rows = CategoryNames.Select(c =>
        {
            var these = screened.Where(s => s.Categories.HasFlag(c.Category)).ToList();
            return new ProfileRow(c.Name, [these.Count, these.Select(s => s.PersonId).Distinct().Count(), these.Count(s => s.Risk == ExploitationRisk.High), these.Count(s => s.Outcome == ScreeningOutcome.ReferredToComplexSafeguarding)]);
        }).ToList();
        return new ProfileTable("category", "Exploitation category", "Category", ["Screenings", "Children screened", "High risk", "Referred to the complex safeguarding team"], rows, Chart: true,
            Note: "A screening may name more than one category, so the rows can add up to more than the screenings made.");
    }

    private static ProfileTable TwoWay(string key, string title, IReadOnlyList<string> order, IEnumerable<string> missing, IEnumerable<string> screened)
    {
        var m = missing.ToList();
        var s = screened.ToList();
        var rows = order.Select(o => new ProfileRow(o, [m.Count(x => x == o), s.Count(x => x == o)])).ToList();
        return new ProfileTable(key, title, title, ["Missing episodes", "Exploitation screenings"], rows, Chart: true);
    }

    private static ProfileTable Ethnicity(List<Row> missing, List<ScreenRow> screened)
    {
        static string Name(string? code) => string.IsNullOrWhiteSpace(code) ? "Not recorded" : code.Trim();
        var order = missing.Select(m => Name(m.Ethnicity)).Concat(screened.Select(s => Name(s.Ethnicity))).Distinct().Order(StringComparer.Ordinal).ToList();
        return TwoWay("ethnicity", "Ethnicity", order, missing.Select(m => Name(m.Ethnicity)), screened.Select(s => Name(s.Ethnicity))) with { Heading = "Ethnicity (code)" };
    }

    private static ProfileTable WhereFrom(List<Row> missing)
    {
        static string Name(MissingFrom from) => from switch
        {
            MissingFrom.Home => "Home",
            MissingFrom.CarePlacement => "Care placement",
            MissingFrom.School => "School",
            _ => "Somewhere else",
        };
        var rows = Enum.GetValues<MissingFrom>().Select(f => new ProfileRow(Name(f), [missing.Count(m => m.From == f), missing.Count(m => m.From == f && m.Repeat)])).ToList();
        return new ProfileTable("from", "Where children went missing from", "Missing from", ["Missing episodes", "Repeat episodes"], rows, Chart: true);
    }

    private static async Task<ProfileTable> PlacesAsync(SafeguardDbContext db, List<Guid> episodeIds, CancellationToken cancellationToken)
    {
        var links = await db.Set<ContextualLink>().AsNoTracking()
            .Where(l => l.MissingEpisodeId != null && episodeIds.Contains(l.MissingEpisodeId.Value) && l.LocationId != null)
            .Join(db.Set<ContextualLocation>(), l => l.LocationId, p => p.Id, (l, p) => new { l.MissingEpisodeId, l.PersonId, l.Relationship, p.Name, p.Type, p.Postcode })
            .ToListAsync(cancellationToken);
        var rows = links.GroupBy(l => (l.Name, l.Type, l.Postcode))
            .Select(g => new ProfileRow($"{g.Key.Name} ({ContextualText.Describe(g.Key.Type)}{(g.Key.Postcode is null ? "" : ", " + g.Key.Postcode)})",
                [g.Select(l => l.MissingEpisodeId).Distinct().Count(), g.Where(l => l.Relationship == ContextualRelationship.FoundThere).Select(l => l.MissingEpisodeId).Distinct().Count(), g.Select(l => l.PersonId).Distinct().Count()]))
            .OrderByDescending(r => r.Values[0]).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
        return new ProfileTable("places", "Places linked to missing episodes", "Place", ["Episodes linked", "Found there", "Children"], rows, Chart: false,
            Note: "The contextual safeguarding places recorded against an episode of the period (where the child was found, where they stay or spend time, where harm happened).");
    }

    private static ProfileTable TimeOfDay(List<Row> missing)
    {
        var rows = TimeBands.Select(b => new ProfileRow(b, [missing.Count(m => TimeBand(m.Hour) == b), missing.Count(m => TimeBand(m.Hour) == b && m.Repeat)])).ToList();
        return new ProfileTable("time", "Time of day the episode started", "Started", ["Missing episodes", "Repeat episodes"], rows, Chart: true);
    }

    private static ProfileTable Repeat(List<Row> missing)
    {
        var children = missing.Where(m => m.PersonId is not null).GroupBy(m => m.PersonId).ToList();
        var repeatChildren = children.Count(g => g.Any(m => m.Repeat));
        var rows = new List<ProfileRow>
        {
            new("Repeat missing (3 or more episodes in 90 days)", [missing.Count(m => m.Repeat), repeatChildren]),
            new("Not repeat missing", [missing.Count(m => !m.Repeat), children.Count - repeatChildren]),
        };
        return new ProfileTable("repeat", "Repeat missing", "Episodes", ["Missing episodes", "Children"], rows, Chart: false,
            Note: "An episode is a repeat episode when it is the child's third or later to start in the 90 days up to its start; a child is counted as repeat missing when any episode of theirs in the period was. Episodes of children not yet identified are never repeat episodes.");
    }

    private static readonly string[] RiskOrder = ["High", "Medium", "Low", "Not graded"];

    private static ProfileTable Risk(List<Row> missing, List<ScreenRow> screened)
    {
        var rows = RiskOrder.Select(r => new ProfileRow(r,
            [missing.Count(m => RiskText(m.Risk) == r), screened.Count(s => s.Risk.ToString() == r)])).ToList();
        return new ProfileTable("risk", "Risk", "Risk", ["Missing episodes (police grading at report)", "Exploitation screenings (risk level)"], rows, Chart: true);
    }

    private sealed record Row(Guid Id, Guid? PersonId, DateOnly Day, int Hour, string AgeBand, string Sex, string? Ethnicity, bool Repeat, MissingFrom From, MissingRisk? Risk);

    private sealed record ScreenRow(Guid PersonId, DateOnly Day, string AgeBand, string Sex, string? Ethnicity, ExploitationCategories Categories, ExploitationRisk Risk, ScreeningOutcome Outcome);
}

/// <summary>A problem profile: the period, its totals and its tables.</summary>
public sealed record ProfileResult(DateOnly From, DateOnly To, int MissingEpisodes, int ChildrenMissing, int Screenings, int ChildrenScreened, IReadOnlyList<ProfileTable> Tables)
{
    public ProfileTable Table(string key) => Tables.Single(t => t.Key == key);
}

/// <summary>One table of the profile: its rows, each a label and a count per column.</summary>
public sealed record ProfileTable(string Key, string Title, string Heading, IReadOnlyList<string> Columns, IReadOnlyList<ProfileRow> Rows, bool Chart, string? Note = null);

/// <summary>A row: its label and one count per column.</summary>
public sealed record ProfileRow(string Label, IReadOnlyList<int> Values);

/// <summary>How a count is shown: 1 to 4 as "fewer than 5", so a small group cannot be recognised.</summary>
public static class ProfileCount
{
    public const string Suppressed = "fewer than 5";

    public static string Display(int count) => count is > 0 and < 5 ? Suppressed : count.ToString("N0", CultureInfo.GetCultureInfo("en-GB"));
}
