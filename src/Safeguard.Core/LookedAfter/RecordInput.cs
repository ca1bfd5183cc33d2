using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.LookedAfter;

/// <summary>What the looked-after services do with what a form or a return gives them, shared by each (<c>using static</c>).</summary>
internal static class RecordInput
{
    /// <summary>Refuses the change with every problem found, naming each field; nothing when there is none.</summary>
    public static void Throw(List<ValidationProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }
    }

    /// <summary>The value trimmed, or null when blank.</summary>
    public static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A name cut to the length an episode keeps.</summary>
    public static string Fit(string text) => text.Length <= CareEpisode.MaxNameLength ? text : text[..CareEpisode.MaxNameLength];

    /// <summary>
    /// The child the actor may see, not merged into another record; otherwise refused naming PersonId, calling them
    /// <paramref name="noun"/> ("child", "young person").
    /// </summary>
    public static async Task<Person> VisibleChildAsync(PersonIndex people, Guid personId, Actor actor, string noun, CancellationToken cancellationToken)
    {
        var child = await people.Visible(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        return child is { Kind: PersonKind.Child, MergedIntoId: null }
            ? child
            : throw new SafeguardValidationException("PersonId", $"There is no such {noun}, or their record was merged into another");
    }

    /// <summary>
    /// Refuses a save made from a stale read of a one-a-child record: the form had none (<paramref name="version"/> null)
    /// and someone has since recorded it, or the form had one and it is gone. Forgets what was tracked.
    /// </summary>
    public static void RefuseStale(SafeguardDbContext db, bool exists, int? version, string what)
    {
        if (exists != (version is not null))
        {
            db.ChangeTracker.Clear();
            throw new ConcurrencyConflictException(exists
                ? $"{what} was recorded by someone else since you read it: reload it and try again"
                : $"{what} is no longer recorded: reload it and try again");
        }
    }

    /// <summary>Saves, and forgets what was tracked whether or not the save went through (a refused save leaves nothing behind).</summary>
    public static async Task SaveAndClearAsync(SafeguardDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
