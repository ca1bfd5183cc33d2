using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Interchange.Ssda903;
using Safeguard.People;
using Safeguard.Persistence;
using static Safeguard.LookedAfter.RecordInput;

namespace Safeguard.LookedAfter;

/// <summary>An adoption decision and what followed, as entered.</summary>
public sealed record AdoptionDetails
{
    public DateOnly? DecidedOn { get; init; }

    public DateOnly? PlacementOrderOn { get; init; }

    public DateOnly? MatchedOn { get; init; }

    public DateOnly? PlacedOn { get; init; }

    public DateOnly? AdoptionOrderOn { get; init; }

    public DateOnly? NoLongerPlacedOn { get; init; }

    public string? ReasonNoLongerPlaced { get; init; }

    public string? AdoptedByFosterCarers { get; init; }

    public string? NumberOfAdopters { get; init; }

    public string? SexOfAdopters { get; init; }

    public string? LegalStatusOfAdopters { get; init; }
}

/// <summary>
/// Adoption: the decision that a looked-after child should be placed for adoption, the placement order, matching,
/// placement, and the adoption order or the decision that the child should no longer be placed. The dates must follow
/// one another; the adopters' details (for the AD1 table) are required with the adoption order. Audited, version-checked.
/// </summary>
public sealed class AdoptionService(SafeguardDbContext db, PersonIndex people)
{
    public const string EntityType = nameof(AdoptionDecision);

    /// <summary>REASON_PLACED_CEASED, with the DfE guide's names.</summary>
    public static readonly IReadOnlyList<CodeName> ReasonsNoLongerPlaced =
    [
        new("RD1", "The child's needs changed"),
        new("RD2", "The court did not make a placement order"),
        new("RD3", "Prospective adopters could not be found"),
        new("RD4", "Any other reason"),
    ];

    public static readonly IReadOnlyList<CodeName> SexesOfAdopters =
    [
        new("M1", "Single male"), new("F1", "Single female"), new("MM", "Male couple"), new("FF", "Female couple"), new("MF", "Mixed-sex couple"),
    ];

    public static readonly IReadOnlyList<CodeName> LegalStatusesOfAdopters =
    [
        new("L0", "Single person"), new("L11", "Married couple"), new("L12", "Civil partners"), new("L2", "Unmarried couple"),
        new("L3", "Single person in a couple (the partner is not adopting)"), new("L4", "Not known"),
    ];

    private DateOnly Today => UkTime.Today(db.Time);

    /// <summary>The child's adoption decisions, newest first (no audit: read alongside the looked-after record, which is audited).</summary>
    public async Task<IReadOnlyList<AdoptionDecision>> ForChildAsync(Guid personId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await people.Visible(actor).AnyAsync(p => p.Id == personId, cancellationToken))
        {
            return [];
        }

        return await db.Set<AdoptionDecision>().AsNoTracking().Where(a => a.PersonId == personId).OrderByDescending(a => a.DecidedOn).ToListAsync(cancellationToken);
    }

    /// <summary>The dated steps of a decision, in order, for the chronology.</summary>
    public static IEnumerable<(DateOnly On, string What)> Milestones(AdoptionDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        yield return (decision.DecidedOn, "Decision: should be placed for adoption");
        if (decision.PlacementOrderOn is { } order)
        {
            yield return (order, "Placement order made");
        }

        if (decision.MatchedOn is { } matched)
        {
            yield return (matched, "Matched with prospective adopters");
        }

        if (decision.PlacedOn is { } placed)
        {
            yield return (placed, "Placed for adoption");
        }

        if (decision.AdoptionOrderOn is { } adopted)
        {
            yield return (adopted, "Adoption order made");
        }

        if (decision.NoLongerPlacedOn is { } stopped)
        {
            yield return (stopped, $"Decision: should no longer be placed for adoption ({ReasonsNoLongerPlaced.FirstOrDefault(r => r.Code == decision.ReasonNoLongerPlaced)?.Name.ToLowerInvariant() ?? decision.ReasonNoLongerPlaced})");
        }
    }

    /// <summary>Records a decision that the child should be placed for adoption (and any steps already taken).</summary>
    public async Task<AdoptionDecision> RecordAsync(Guid personId, AdoptionDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var child = await ChildAsync(personId, actor, cancellationToken);
        var problems = await CheckAsync(child, null, details, cancellationToken);
        if (await db.Set<AdoptionDecision>().AnyAsync(a => a.PersonId == child.Id && a.AdoptionOrderOn == null && a.NoLongerPlacedOn == null, cancellationToken))
        {
            problems.Insert(0, new("DecidedOn", "An adoption decision is already open for the child: change it instead"));
        }

        Throw(problems);
        var decision = new AdoptionDecision { PersonId = child.Id, RecordedByName = "" };
        Apply(decision, details, actor);
        using (db.BeginProcess("LookedAfter.RecordAdoption", actor))
        {
            db.Add(decision);
            await SaveAsync(cancellationToken);
        }

        return decision;
    }

    /// <summary>Changes a decision read at <paramref name="version"/>: adds the steps that followed, or corrects them.</summary>
    public async Task ChangeAsync(Guid decisionId, int version, AdoptionDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var decision = await db.Set<AdoptionDecision>().FirstOrDefaultAsync(a => a.Id == decisionId, cancellationToken);
        var child = decision is null ? null : await people.Visible(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == decision.PersonId, cancellationToken);
        if (decision is null || child is null)
        {
            db.ChangeTracker.Clear();
            throw new SafeguardValidationException("DecisionId", "There is no such adoption decision");
        }

        var problems = await CheckAsync(child, decisionId, details, cancellationToken);
        Throw(problems);
        using (db.BeginProcess("LookedAfter.ChangeAdoption", actor))
        {
            db.Entry(decision).Property(e => e.Version).OriginalValue = version;
            Apply(decision, details, actor);
            await SaveAsync(cancellationToken);
        }
    }

    private async Task<List<ValidationProblem>> CheckAsync(Person child, Guid? decisionId, AdoptionDetails d, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        if (d.DecidedOn is not { } decided)
        {
            problems.Add(new("DecidedOn", "Enter the date of the decision that the child should be placed for adoption"));
        }
        else if (decided > Today)
        {
            problems.Add(new("DecidedOn", "The date of the decision must be today or in the past"));
        }
        else if (!await db.Set<CareEpisode>().AnyAsync(e => e.PersonId == child.Id && e.StartedOn <= decided && (e.EndedOn == null || e.EndedOn >= decided), cancellationToken))
        {
            problems.Add(new("DecidedOn", "The child was not looked after on the date of the decision"));
        }
        else if (await db.Set<AdoptionDecision>().AnyAsync(a => a.PersonId == child.Id && a.Id != decisionId && a.DecidedOn == decided, cancellationToken))
        {
            problems.Add(new("DecidedOn", "An adoption decision on that date is already recorded"));
        }

        // Each step is on or after the one before it, and today or in the past.
        var steps = new (string Field, DateOnly? On, string What)[]
        {
            ("PlacementOrderOn", d.PlacementOrderOn, "the placement order"),
            ("MatchedOn", d.MatchedOn, "matching"),
            ("PlacedOn", d.PlacedOn, "placement for adoption"),
            ("AdoptionOrderOn", d.AdoptionOrderOn, "the adoption order"),
        };
        var previous = (On: d.DecidedOn, What: "the decision");
        foreach (var (field, on, what) in steps)
        {
            if (on is not { } date)
            {
                continue;
            }

            if (date > Today)
            {
                problems.Add(new(field, $"The date of {what} must be today or in the past"));
            }
            else if (previous.On is { } before && date < before)
            {
                problems.Add(new(field, $"The date of {what} must be on or after {previous.What} ({LookedAfterService.Words(before)})"));
            }

            previous = (date, what);
        }

        if (d.PlacedOn is not null && d.MatchedOn is null)
        {
            problems.Add(new("MatchedOn", "Enter the date the child was matched: a child is matched before being placed for adoption"));
        }

        if (d.AdoptionOrderOn is not null && d.PlacedOn is null)
        {
            problems.Add(new("PlacedOn", "Enter the date the child was placed for adoption: an adoption order follows placement"));
        }

        var reason = Tidy(d.ReasonNoLongerPlaced);
        if (d.NoLongerPlacedOn is { } stopped)
        {
            if (d.AdoptionOrderOn is not null)
            {
                problems.Add(new("NoLongerPlacedOn", "An adoption order was made: the decision that the child should no longer be placed does not apply"));
            }
            else if (stopped > Today)
            {
                problems.Add(new("NoLongerPlacedOn", "The date the decision changed must be today or in the past"));
            }
            else if (d.DecidedOn is { } from && stopped < from)
            {
                problems.Add(new("NoLongerPlacedOn", $"The date the decision changed must be on or after the decision ({LookedAfterService.Words(from)})"));
            }

            if (reason is null || !Ssda903Schema.ReasonPlacedCeased.Contains(reason))
            {
                problems.Add(new("ReasonNoLongerPlaced", "Select why the child should no longer be placed for adoption"));
            }
        }
        else if (reason is not null)
        {
            problems.Add(new("ReasonNoLongerPlaced", "Enter the date of the decision that the child should no longer be placed, or leave the reason blank"));
        }

        // The AD1 table's adopter details: required with the adoption order, each from the schema's list.
        var adopted = d.AdoptionOrderOn is not null;
        Code(problems, "AdoptedByFosterCarers", d.AdoptedByFosterCarers, Ssda903Schema.FosterCare, adopted, "whether the adopters were the child's foster carers");
        Code(problems, "NumberOfAdopters", d.NumberOfAdopters, Ssda903Schema.NumberOfAdopters, adopted, "the number of adopters");
        Code(problems, "SexOfAdopters", d.SexOfAdopters, Ssda903Schema.SexOfAdopters, adopted, "the sex of the adopters");
        Code(problems, "LegalStatusOfAdopters", d.LegalStatusOfAdopters, Ssda903Schema.LegalStatusOfAdopters, adopted, "the adopters' legal status");
        var (number, sex) = (Tidy(d.NumberOfAdopters), Tidy(d.SexOfAdopters));
        if ((number, sex) is ("1", "MM" or "FF" or "MF") or ("2", "M1" or "F1"))
        {
            problems.Add(new("SexOfAdopters", number == "1" ? "One adopter: select single male or single female" : "Two adopters: select a couple"));
        }

        return problems;
    }

    private static void Code(List<ValidationProblem> problems, string field, string? value, System.Collections.Frozen.FrozenSet<string> codes, bool required, string what)
    {
        var code = Tidy(value);
        if (code is null ? required : !codes.Contains(code))
        {
            problems.Add(new(field, code is null ? $"Select {what}: the adoption order was made" : $"{code} is not a code of {what} in the SSDA903 lists"));
        }
    }

    private void Apply(AdoptionDecision decision, AdoptionDetails d, Actor actor)
    {
        decision.DecidedOn = d.DecidedOn!.Value;
        (decision.PlacementOrderOn, decision.MatchedOn, decision.PlacedOn, decision.AdoptionOrderOn) = (d.PlacementOrderOn, d.MatchedOn, d.PlacedOn, d.AdoptionOrderOn);
        (decision.NoLongerPlacedOn, decision.ReasonNoLongerPlaced) = (d.NoLongerPlacedOn, Tidy(d.ReasonNoLongerPlaced));
        decision.AdoptedByFosterCarers = Tidy(d.AdoptedByFosterCarers);
        decision.NumberOfAdopters = Tidy(d.NumberOfAdopters);
        decision.SexOfAdopters = Tidy(d.SexOfAdopters);
        decision.LegalStatusOfAdopters = Tidy(d.LegalStatusOfAdopters);
        decision.RecordedAt = db.Time.GetUtcNow();
        decision.RecordedByName = actor.Name.Length <= CareEpisode.MaxNameLength ? actor.Name : actor.Name[..CareEpisode.MaxNameLength];
    }

    private Task<Person> ChildAsync(Guid personId, Actor actor, CancellationToken cancellationToken) =>
        VisibleChildAsync(people, personId, actor, "child", cancellationToken);

    private Task SaveAsync(CancellationToken cancellationToken) => SaveAndClearAsync(db, cancellationToken);
}
