using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Interchange.Ssda903;
using Safeguard.People;
using Safeguard.Persistence;
using static Safeguard.LookedAfter.RecordInput;

namespace Safeguard.LookedAfter;

/// <summary>A child's unaccompanied asylum-seeking status, as entered.</summary>
public sealed record UascDetails
{
    public DateOnly? BecameOn { get; init; }

    public DateOnly? CeasedOn { get; init; }

    public string? CeasedReason { get; init; }
}

/// <summary>A child's previous permanence option, as entered; the order's day, month and year may each be unknown.</summary>
public sealed record PermanenceDetails
{
    public string? Option { get; init; }

    public string? LocalAuthority { get; init; }

    public int? OrderDay { get; init; }

    public int? OrderMonth { get; init; }

    public int? OrderYear { get; init; }
}

/// <summary>
/// The two facts about a looked-after child that the SSDA903 return asks beside the episodes: their status as an
/// unaccompanied asylum-seeking child (UASC table) and their previous permanence option before care (PrevPerm table).
/// One record of each a child, created then changed (each change carries the version it was read at, so a concurrent
/// change is refused); every change audited under the looked-after processes. docs/adr/0088, docs/looked-after.md.
/// </summary>
public sealed class AsylumAndPermanenceService(SafeguardDbContext db, PersonIndex people)
{
    public const string UascEntityType = nameof(UascStatus);
    public const string PermanenceEntityType = nameof(PreviousPermanence);

    /// <summary>Why a child's UASC status ended before their 18th birthday.</summary>
    public static readonly IReadOnlyList<CodeName> UascCeasedReasons =
    [
        new("LEAVE", "Granted leave to remain (refugee status, humanitarian protection or other leave)"),
        new("REFUSED", "Asylum claim refused and appeal rights exhausted"),
        new("OTHER", "Another reason (for example reunited with family, or withdrew the claim)"),
    ];

    /// <summary>PREV_PERM, with the DfE guide's names.</summary>
    public static readonly IReadOnlyList<CodeName> PermanenceOptions =
    [
        new("P1", "Adoption"),
        new("P2", "Special guardianship order (SGO)"),
        new("P3", "Residence order or child arrangements order which sets out with whom the child is to live"),
        new("P4", "Not known whether the child had a previous permanence option"),
        new("Z1", "The child has not previously had a permanence option"),
    ];

    /// <summary>LA_PERM codes for orders made outside England.</summary>
    public static readonly IReadOnlyList<CodeName> OutsideEngland =
    [
        new("WAL", "Wales"), new("SCO", "Scotland"), new("NIR", "Northern Ireland"), new("NUK", "Outside the United Kingdom"),
    ];

    private DateOnly Today => UkTime.Today(db.Time);

    /// <summary>Every authority LA_PERM may name: DfE's codes of English authorities (by name), then those outside England.</summary>
    public static IReadOnlyList<CodeName> Authorities { get; } =
        [.. Ssda903ReferenceData.LocalAuthorities.OrderBy(a => a.Value.Name, StringComparer.Ordinal).Select(a => new CodeName(a.Key, a.Value.Name)), .. OutsideEngland];

    /// <summary>The authority's name for a LA_PERM code (the code itself when not known).</summary>
    public static string AuthorityName(string? code) =>
        code is null ? "" : Authorities.FirstOrDefault(a => a.Code == code)?.Name ?? code;

    /// <summary>The child's two records (no audit: read alongside the looked-after record, which is audited); nulls for a child the actor may not see.</summary>
    public async Task<(UascStatus? Uasc, PreviousPermanence? Permanence)> ForChildAsync(Guid personId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await people.Visible(actor).AnyAsync(p => p.Id == personId, cancellationToken))
        {
            return (null, null);
        }

        var uasc = await db.Set<UascStatus>().AsNoTracking().FirstOrDefaultAsync(u => u.PersonId == personId, cancellationToken);
        var permanence = await db.Set<PreviousPermanence>().AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == personId, cancellationToken);
        return (uasc, permanence);
    }

    /// <summary>
    /// Records the child's UASC status (<paramref name="version"/> null: there is none yet) or changes it (read at
    /// <paramref name="version"/>).
    /// </summary>
    public async Task<UascStatus> SaveUascAsync(Guid personId, int? version, UascDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var child = await ChildAsync(personId, actor, cancellationToken);
        var record = await db.Set<UascStatus>().FirstOrDefaultAsync(u => u.PersonId == child.Id, cancellationToken);
        RefuseStale(db, record is not null, version, "The child's asylum-seeking status");
        var problems = new List<ValidationProblem>();
        var eighteenth = child.DateOfBirth?.AddYears(18);
        if (child.DateOfBirth is null)
        {
            problems.Add(new("BecameOn", "Record the child's date of birth first: the status ends on their 18th birthday at the latest"));
        }

        if (details.BecameOn is not { } became)
        {
            problems.Add(new("BecameOn", "Enter the date the child became an unaccompanied asylum-seeking child"));
        }
        else if (became > Today)
        {
            problems.Add(new("BecameOn", "The date the child became an unaccompanied asylum-seeking child must be today or in the past"));
        }
        else if (child.DateOfBirth is { } born && became < born)
        {
            problems.Add(new("BecameOn", "The date the child became an unaccompanied asylum-seeking child must be after their birth"));
        }
        else if (eighteenth is { } adult && became >= adult)
        {
            problems.Add(new("BecameOn", $"The child was 18 on {LookedAfterService.Words(adult)}: only a child can be an unaccompanied asylum-seeking child"));
        }

        var reason = Tidy(details.CeasedReason)?.ToUpperInvariant();
        var ceased = details.CeasedOn;
        if (ceased is { } on)
        {
            if (on > Today)
            {
                problems.Add(new("CeasedOn", "The date the status ceased must be today or in the past: a status that has not ceased yet ends on the 18th birthday"));
            }
            else if (details.BecameOn is { } from && on < from)
            {
                problems.Add(new("CeasedOn", $"The date the status ceased must be on or after the date the child became an unaccompanied asylum-seeking child ({LookedAfterService.Words(from)})"));
            }
            else if (eighteenth is { } adult && on > adult)
            {
                problems.Add(new("CeasedOn", $"The status ceases on the 18th birthday ({LookedAfterService.Words(adult)}) at the latest"));
            }

            if (eighteenth == on)
            {
                ceased = null;
                reason = null;
            }
            else if (reason is null || !UascCeasedReasons.Any(r => r.Code == reason))
            {
                problems.Add(new("CeasedReason", "Select why the status ceased before the 18th birthday"));
            }
        }
        else if (reason is not null)
        {
            problems.Add(new("CeasedOn", "Enter the date the status ceased, or leave the reason blank"));
        }

        Throw(problems);
        using (db.BeginProcess(record is null ? "LookedAfter.RecordUasc" : "LookedAfter.ChangeUasc", actor))
        {
            if (record is null)
            {
                record = new UascStatus { PersonId = child.Id, RecordedByName = "" };
                db.Add(record);
            }
            else
            {
                db.Entry(record).Property(e => e.Version).OriginalValue = version!.Value;
            }

            (record.BecameOn, record.CeasedOn, record.CeasedReason) = (details.BecameOn, ceased, reason);
            (record.RecordedAt, record.RecordedByName) = (db.Time.GetUtcNow(), Fit(actor.Name));
            await SaveAsync(cancellationToken);
        }

        return record;
    }

    /// <summary>
    /// Records the child's previous permanence option (<paramref name="version"/> null: there is none yet) or changes it
    /// (read at <paramref name="version"/>). An order (P1 to P3) may name the authority and a partly known date, which
    /// must be before the child's latest period of care began; P4 and Z1 have neither (SSDA903 rules 632, 633, 635).
    /// </summary>
    public async Task<PreviousPermanence> SavePermanenceAsync(Guid personId, int? version, PermanenceDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var child = await ChildAsync(personId, actor, cancellationToken);
        var record = await db.Set<PreviousPermanence>().FirstOrDefaultAsync(p => p.PersonId == child.Id, cancellationToken);
        RefuseStale(db, record is not null, version, "The child's previous permanence");
        var option = Tidy(details.Option)?.ToUpperInvariant();
        var authority = Tidy(details.LocalAuthority)?.ToUpperInvariant();
        var problems = new List<ValidationProblem>();
        if (option is null || !PermanenceOptions.Any(o => o.Code == option))
        {
            problems.Add(new("Option", "Select the child's previous permanence option"));
        }

        var dated = details.OrderDay is not null || details.OrderMonth is not null || details.OrderYear is not null;
        if (option is not null && !PreviousPermanence.IsOrder(option))
        {
            if (authority is not null)
            {
                problems.Add(new("LocalAuthority", "Leave the authority blank: there was no order, or it is not known whether there was one"));
            }

            if (dated)
            {
                problems.Add(new("OrderDate", "Leave the date of the order blank: there was no order, or it is not known whether there was one"));
            }
        }
        else
        {
            if (authority is not null && !Authorities.Any(a => a.Code == authority))
            {
                problems.Add(new("LocalAuthority", $"{authority} is not a local authority code of the SSDA903 return (DfE's three-digit code, or WAL, SCO, NIR, NUK)"));
            }

            if (dated && CheckOrderDate(details, child.DateOfBirth) is { } wrong)
            {
                problems.Add(new("OrderDate", wrong));
            }
            else if (dated && await PeriodStartAsync(child.Id, cancellationToken) is { } started
                && new DateOnly(details.OrderYear ?? 1, details.OrderMonth ?? 1, details.OrderDay ?? 1) >= started)
            {
                problems.Add(new("OrderDate", $"The order must be before the child's period of care began ({LookedAfterService.Words(started)})"));
            }
        }

        Throw(problems);
        using (db.BeginProcess(record is null ? "LookedAfter.RecordPreviousPermanence" : "LookedAfter.ChangePreviousPermanence", actor))
        {
            if (record is null)
            {
                record = new PreviousPermanence { PersonId = child.Id, Option = "", RecordedByName = "" };
                db.Add(record);
            }
            else
            {
                db.Entry(record).Property(e => e.Version).OriginalValue = version!.Value;
            }

            record.Option = option!;
            record.LocalAuthority = PreviousPermanence.IsOrder(option) ? authority : null;
            (record.OrderDay, record.OrderMonth, record.OrderYear) = PreviousPermanence.IsOrder(option) ? (details.OrderDay, details.OrderMonth, details.OrderYear) : (null, null, null);
            (record.RecordedAt, record.RecordedByName) = (db.Time.GetUtcNow(), Fit(actor.Name));
            await SaveAsync(cancellationToken);
        }

        return record;
    }

    /// <summary>The start of the child's latest period of care (its first episode, reason S), or null when never looked after.</summary>
    public async Task<DateOnly?> PeriodStartAsync(Guid personId, CancellationToken cancellationToken)
    {
        var episodes = await db.Set<CareEpisode>().AsNoTracking().Where(e => e.PersonId == personId).OrderBy(e => e.StartedOn).ToListAsync(cancellationToken);
        return episodes.Count == 0 ? null : LookedAfterSchedule.Period(episodes) is { Count: > 0 } period ? period[0].StartedOn : episodes[0].StartedOn;
    }

    /// <summary>What is wrong with a partly known date of the order, or null.</summary>
    private string? CheckOrderDate(PermanenceDetails d, DateOnly? born)
    {
        if (d.OrderDay is < 1 or > 31 || d.OrderMonth is < 1 or > 12 || d.OrderYear is < 1900)
        {
            return "The date of the order must be a real date: day 1 to 31, month 1 to 12, a four-digit year (leave a part blank when it is not known)";
        }

        if (d.OrderDay is { } day && d.OrderMonth is { } month && day > DateTime.DaysInMonth(d.OrderYear ?? 2000, month))
        {
            return "The date of the order must be a real date";
        }

        var earliest = new DateOnly(d.OrderYear ?? 1, d.OrderMonth ?? 1, d.OrderDay ?? 1);
        if (earliest > Today)
        {
            return "The date of the order must be today or in the past";
        }

        return born is { } b && d.OrderYear is { } year && new DateOnly(year, d.OrderMonth ?? 12, d.OrderDay ?? DateTime.DaysInMonth(year, d.OrderMonth ?? 12)) < b
            ? "The date of the order must be after the child's birth"
            : null;
    }

    private Task<Person> ChildAsync(Guid personId, Actor actor, CancellationToken cancellationToken) =>
        VisibleChildAsync(people, personId, actor, "child", cancellationToken);

    private Task SaveAsync(CancellationToken cancellationToken) => SaveAndClearAsync(db, cancellationToken);
}
