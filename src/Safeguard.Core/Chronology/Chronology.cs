using Safeguard.Auditing;

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
    public const string Contextual = "Contextual safeguarding";
    public const string Panel = "Exploitation and missing panel";
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
/// <param name="Link">The page showing that record, when the reader may open it; null otherwise.</param>
public sealed record ChronologyEntry(
    DateTimeOffset OccurredAt,
    string Kind,
    string Title,
    string? Detail,
    Guid? AgencyId,
    string? AgencyName,
    string EntityType,
    Guid EntityId,
    string? Link);

/// <summary>
/// One area's contribution to a child's chronology. Register an implementation per area
/// (<c>services.AddScoped&lt;IChronologySource, ...&gt;()</c>); the <see cref="ChronologyService"/> merges them.
/// A source returns only what the actor may see and does not write the access audit (the service does).
/// </summary>
public interface IChronologySource
{
    Task<IReadOnlyList<ChronologyEntry>> EntriesForAsync(Guid personId, Actor actor, CancellationToken cancellationToken);
}

/// <summary>What to show of a chronology: null means everything.</summary>
public sealed record ChronologyFilter(IReadOnlyCollection<string>? Kinds = null, IReadOnlyCollection<Guid>? AgencyIds = null);

/// <summary>
/// A child's single chronology: every area's entries for the person, newest day first and, within a day, latest
/// in the journey first (see <see cref="ChronologyKinds.Stage"/>), then by time; filtered, with the view written
/// to the access audit.
/// </summary>
public sealed class ChronologyService(IEnumerable<IChronologySource> sources, Persistence.SafeguardDbContext db, People.PersonIndex people)
{
    /// <summary>The chronology of a child the actor may see; null when there is no such child for them.</summary>
    public async Task<IReadOnlyList<ChronologyEntry>?> ForPersonAsync(Guid personId, ChronologyFilter filter, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(actor);
        if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(people.Visible(actor), p => p.Id == personId, cancellationToken))
        {
            return null;
        }

        var entries = new List<ChronologyEntry>();
        foreach (var source in sources)
        {
            entries.AddRange(await source.EntriesForAsync(personId, actor, cancellationToken));
        }

        using (db.BeginProcess("Chronology.View", actor))
        {
            db.RecordAccess(People.PersonIndex.EntityType, personId.ToString(), AuditAction.Viewed, "chronology");
            await db.SaveChangesAsync(cancellationToken);
        }

        return [.. entries
            .Where(e => filter.Kinds is null || filter.Kinds.Count == 0 || filter.Kinds.Contains(e.Kind))
            .Where(e => filter.AgencyIds is null || filter.AgencyIds.Count == 0 || (e.AgencyId is { } a && filter.AgencyIds.Contains(a)))
            .OrderByDescending(e => Calendar.UkTime.ToUkDate(e.OccurredAt))
            .ThenByDescending(e => ChronologyKinds.Stage(e.Kind))
            .ThenByDescending(e => e.OccurredAt)
            .ThenBy(e => e.Title, StringComparer.Ordinal)
            .ThenBy(e => e.EntityId)];
    }
}
