using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Persistence;

namespace Safeguard.Chronology;

/// <summary>
/// The kinds of event on a child's chronology. Each area of the product contributes the kinds it records;
/// the chronology page filters by them.
/// </summary>
public static class ChronologyKinds
{
    public const string Contact = "Contact";
    public const string FrontDoorDecision = "Front door decision";
    public const string InformationRequest = "Information request";
    public const string InformationShare = "Information sharing";
    public const string Referral = "Referral";
    public const string Assessment = "Assessment";
    public const string StrategyDiscussion = "Strategy discussion";
    public const string Section47 = "Section 47 enquiry";
    public const string Conference = "Child protection conference";
    public const string Plan = "Plan";
    public const string Allocation = "Allocation";
    public const string Visit = "Visit";
    public const string Missing = "Missing episode";
    public const string ReturnInterview = "Return home interview";
    public const string Exploitation = "Exploitation";
    public const string Contextual = "Contextual safeguarding";
    public const string Panel = "Exploitation and missing panel";
    public const string LookedAfter = "Looked after";
    public const string PrivateFostering = "Private fostering";
    public const string EarlyHelp = "Early help";
    public const string Escalation = "Professional disagreement";
    public const string Closure = "Closure";
    public const string Record = "Record";

    /// <summary>
    /// Where a kind comes in a child's journey: a contact before its decision, the decision before the referral
    /// it opens, the referral before its allocation and assessment. Orders entries of the same day, since many
    /// are recorded by date only.
    /// </summary>
    public static int Stage(string kind) => kind switch
    {
        Record => 0,
        Contact => 1,
        FrontDoorDecision => 2,
        InformationRequest => 3,
        InformationShare => 4,
        Referral => 5,
        Allocation => 6,
        Assessment => 7,
        StrategyDiscussion => 8,
        Section47 => 9,
        Conference => 10,
        Plan => 11,
        Visit => 12,
        Closure => 13,
        _ => 14,
    };
}

/// <summary>One event in a child's life as the partnership knows it.</summary>
/// <param name="OccurredAt">When it happened (UTC); for events recorded by date only, midnight UK time of that date.</param>
/// <param name="Kind">One of <see cref="ChronologyKinds"/>.</param>
/// <param name="Title">A short line saying what happened.</param>
/// <param name="Detail">More, when there is more to say; null otherwise.</param>
/// <param name="AgencyId">The agency the event belongs to (who made the contact, who shared), when known.</param>
/// <param name="AgencyName">That agency's name, for display.</param>
/// <param name="EntityType">The audit entity type of the record behind the entry.</param>
/// <param name="EntityId">The id of that record.</param>
/// <param name="Link">The page showing that record; null when there is none.</param>
public sealed record ChronologyEntry(
    DateTimeOffset OccurredAt,
    string Kind,
    string Title,
    string? Detail,
    Guid? AgencyId,
    string? AgencyName,
    string EntityType,
    Guid EntityId,
    string? Link)
{
    /// <summary>Another person the entry names (a family link): it is shown only to readers who may see that person's record.</summary>
    public Guid? NamesPersonId { get; init; }
}

/// <summary>
/// One area's contribution to a child's chronology. Register an implementation per area
/// (<c>services.AddScoped&lt;IChronologySource, ...&gt;()</c>); the <see cref="ChronologyService"/> merges them.
/// A source returns every entry it holds for the person, whoever reads them: the service checks that the reader may
/// see the child, leaves out entries naming a person the reader may not see (<see cref="ChronologyEntry.NamesPersonId"/>)
/// and writes the access audit.
/// </summary>
public interface IChronologySource
{
    Task<IReadOnlyList<ChronologyEntry>> EntriesForAsync(Guid personId, CancellationToken cancellationToken);
}

/// <summary>What to show of a chronology: null means everything.</summary>
public sealed record ChronologyFilter(IReadOnlyCollection<string>? Kinds = null, IReadOnlyCollection<Guid>? AgencyIds = null);

/// <summary>A child's assembled chronology, every area's entries in the order shown; kept while the records are unchanged.</summary>
public sealed record AssembledChronology(Guid PersonId, IReadOnlyList<ChronologyEntry> Entries);

/// <summary>
/// A child's single chronology: every area's entries for the person, newest day first and, within a day, latest
/// in the journey first (see <see cref="ChronologyKinds.Stage"/>), then by time; filtered, with the view written
/// to the access audit. The assembled entries are kept per child while the records are unchanged (ADR 0032,
/// <see cref="VersionedCache{T}"/>); each request checks that its reader may see the child, leaves out what names
/// people the reader may not see, filters, and is audited.
/// </summary>
public sealed class ChronologyService(
    Persistence.SafeguardDbContext db, People.PersonIndex people, VersionedCache<AssembledChronology> kept, IServiceScopeFactory scopes)
{
    /// <summary>The chronology of a child the actor may see; null when there is no such child for them.</summary>
    public async Task<IReadOnlyList<ChronologyEntry>?> ForPersonAsync(Guid personId, ChronologyFilter filter, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(actor);
        if (!await people.Visible(actor).AnyAsync(p => p.Id == personId, cancellationToken))
        {
            return null;
        }

        var assembled = await kept.GetAsync(db, personId.ToString(), maxAge: null, async _ =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await AssembleAsync(scope.ServiceProvider.GetServices<IChronologySource>(), personId, CancellationToken.None);
        }, cancellationToken);

        var named = assembled.Entries.Select(e => e.NamesPersonId).OfType<Guid>().Distinct().ToList();
        var mayNotSee = named.Count == 0
            ? []
            : named.Except(await people.Visible(actor).Where(p => named.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();

        using (db.BeginProcess("Chronology.View", actor))
        {
            db.RecordAccess(People.PersonIndex.EntityType, personId.ToString(), AuditAction.Viewed, "chronology");
            await db.SaveChangesAsync(cancellationToken);
        }

        return [.. assembled.Entries
            .Where(e => e.NamesPersonId is not { } other || !mayNotSee.Contains(other))
            .Where(e => filter.Kinds is null || filter.Kinds.Count == 0 || filter.Kinds.Contains(e.Kind))
            .Where(e => filter.AgencyIds is null || filter.AgencyIds.Count == 0 || (e.AgencyId is { } a && filter.AgencyIds.Contains(a)))];
    }

    /// <summary>Every area's entries for the person, in the order shown.</summary>
    private static async Task<AssembledChronology> AssembleAsync(IEnumerable<IChronologySource> sources, Guid personId, CancellationToken cancellationToken)
    {
        var entries = new List<ChronologyEntry>();
        foreach (var source in sources)
        {
            entries.AddRange(await source.EntriesForAsync(personId, cancellationToken));
        }

        return new AssembledChronology(personId, [.. entries
            .OrderByDescending(e => Calendar.UkTime.ToUkDate(e.OccurredAt))
            .ThenByDescending(e => ChronologyKinds.Stage(e.Kind))
            .ThenByDescending(e => e.OccurredAt)
            .ThenBy(e => e.Title, StringComparer.Ordinal)
            .ThenBy(e => e.EntityId)]);
    }
}
