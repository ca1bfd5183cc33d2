using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.FrontDoor;

/// <summary>The local continuum of need: the levels a contact is placed at, kept by an administrator.</summary>
public sealed class ThresholdLevels(SafeguardDbContext db)
{
    /// <summary>The levels in order; retired ones only when asked for.</summary>
    public async Task<IReadOnlyList<ThresholdLevel>> ListAsync(bool includeRetired = false, CancellationToken cancellationToken = default) =>
        await db.Set<ThresholdLevel>().AsNoTracking()
            .Where(l => includeRetired || l.IsActive)
            .OrderBy(l => l.Level)
            .ToListAsync(cancellationToken);

    /// <summary>Adds a level; its number must not be taken by another level in use.</summary>
    public async Task<ThresholdLevel> AddAsync(int level, string? name, string? description, Actor actor, CancellationToken cancellationToken = default)
    {
        await CheckAsync(null, level, name, description, true, cancellationToken);
        var row = new ThresholdLevel { Level = level, Name = name!.Trim(), Description = RecordKeeping.Tidy(description) };
        using var process = db.BeginProcess("FrontDoor.AddThresholdLevel", actor);
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    /// <summary>Renames, renumbers, retires or restores a level. A stale version is refused.</summary>
    public async Task ChangeAsync(Guid id, int version, int level, string? name, string? description, bool isActive, Actor actor, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<ThresholdLevel>().FirstOrDefaultAsync(l => l.Id == id, cancellationToken)
            ?? throw new SafeguardValidationException("Id", "There is no such threshold level");
        await CheckAsync(id, level, name, description, isActive, cancellationToken);
        using var process = db.BeginProcess("FrontDoor.ChangeThresholdLevel", actor);
        db.Entry(row).Property(l => l.Version).OriginalValue = version;
        row.Level = level;
        row.Name = name!.Trim();
        row.Description = RecordKeeping.Tidy(description);
        row.IsActive = isActive;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private async Task CheckAsync(Guid? id, int level, string? name, string? description, bool isActive, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        if (level is < 1 or > 20)
        {
            problems.Add(new("Level", "The level must be a whole number from 1 to 20"));
        }
        else if (isActive && await db.Set<ThresholdLevel>().AnyAsync(l => l.Id != id && l.IsActive && l.Level == level, cancellationToken))
        {
            problems.Add(new("Level", $"Level {level} is already in use: renumber or retire that level first"));
        }

        ContactService.CheckText(problems, "Name", name, "the level's name", ThresholdLevel.MaxNameLength);
        ContactService.CheckOptional(problems, "Description", description, "description", ThresholdLevel.MaxDescriptionLength);
        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }
    }
}
