using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.People;

/// <summary>
/// Restricting a person's record to named users, and lifting the restriction: who may see it, why and by whom, read
/// back from the audit trail. Used by the record's restriction page and <c>safeguard records</c>. The change itself
/// is <see cref="PersonIndex.SetRestrictionAsync"/> (audited as <c>People.Restrict</c>, with its reason).
/// </summary>
public sealed class RecordRestriction(SafeguardDbContext db, PersonIndex index)
{
    public const string Process = "People.Restrict";

    /// <summary>The record's restriction as the actor may see it; null when the record does not exist for them.</summary>
    public async Task<RestrictionView?> GetAsync(Guid personId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var record = await index.GetAsync(personId, actor, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var person = record.Person;
        var userIds = person.AccessList.Select(a => a.UserId).ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .OrderBy(u => u.DisplayName)
            .Select(u => new RestrictionUser(u.Id, u.UserName ?? "", u.DisplayName, u.Agency!.Name, u.IsDisabled))
            .ToListAsync(cancellationToken);
        var id = personId.ToString();
        var changes = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(Person) && e.EntityId == id && e.Process == Process)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.ActorName, e.OccurredAt, e.Reason, e.After })
            .Take(20)
            .ToListAsync(cancellationToken);
        var history = changes
            .Select(c => new RestrictionChange(c.ActorName, c.OccurredAt, c.Reason ?? "", c.After?.Contains("\"IsRestricted\":true", StringComparison.Ordinal) == true))
            .ToList();
        return new RestrictionView(person.Id, person.DisplayName, person.IsRestricted, person.Version, users, history);
    }

    /// <summary>
    /// Restricts the record to the users named (by user name; the actor is always added) or, with
    /// <paramref name="userNames"/> null, lifts the restriction. Refused, naming the field, for an unknown user name
    /// or no reason; refused as a conflict when the record changed since <paramref name="version"/> was read.
    /// </summary>
    public async Task SetAsync(Guid personId, int version, IReadOnlyCollection<string>? userNames, string reason, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        List<Guid>? userIds = null;
        if (userNames is not null)
        {
            var wanted = userNames.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var normalised = wanted.Select(n => n.ToUpperInvariant()).ToList();
            var found = await db.Users.AsNoTracking()
                .Where(u => normalised.Contains(u.NormalizedUserName!))
                .Select(u => new { u.Id, u.NormalizedUserName })
                .ToListAsync(cancellationToken);
            var unknown = wanted.Where(n => !found.Any(f => string.Equals(f.NormalizedUserName, n, StringComparison.OrdinalIgnoreCase))).ToList();
            if (unknown.Count > 0)
            {
                throw new SafeguardValidationException("Users", $"There is no user called {string.Join(", ", unknown.Select(u => $"'{u}'"))}");
            }

            userIds = [.. found.Select(f => f.Id)];
        }

        await index.SetRestrictionAsync(personId, version, userIds, reason, actor, cancellationToken);
    }
}

public sealed record RestrictionView(Guid PersonId, string Name, bool IsRestricted, int Version, IReadOnlyList<RestrictionUser> Users, IReadOnlyList<RestrictionChange> History);

public sealed record RestrictionUser(Guid Id, string UserName, string DisplayName, string AgencyName, bool IsDisabled);

/// <summary>A restriction set or lifted: by whom, when and why (newest first in <see cref="RestrictionView.History"/>).</summary>
public sealed record RestrictionChange(string By, DateTimeOffset At, string Reason, bool Restricted);
