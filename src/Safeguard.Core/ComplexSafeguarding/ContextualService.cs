using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.ComplexSafeguarding;

/// <summary>
/// Contextual safeguarding: places, groups, and the links from children (and adults of concern) to places, to other
/// people and to groups. Every change is audited and carries the version it was made from; every read that names a
/// person is in the access audit, each person named; records the reader may not see are left out everywhere.
/// </summary>
public sealed partial class ContextualService(SafeguardDbContext db, PersonIndex people)
{
    public const string LocationEntityType = nameof(ContextualLocation);
    public const string GroupEntityType = nameof(ContextualGroup);
    public const string LinkEntityType = nameof(ContextualLink);

    /// <summary>At most this many nodes are drawn on a network picture.</summary>
    public const int MaxNetworkNodes = 30;

    private DateTimeOffset Now => db.Time.GetUtcNow();

    private DateOnly Today => UkTime.Today(db.Time);

    public async Task<ContextualLocation> AddLocationAsync(LocationDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var location = new ContextualLocation { Name = "", CreatedByName = RecordKeeping.Fit(actor.Name, 200), CreatedAt = Now };
        Apply(location, details);
        using (db.BeginProcess("Contextual.AddLocation", actor))
        {
            db.Add(location);
            await db.SaveAndClearAsync(cancellationToken);
        }

        return location;
    }

    public async Task ChangeLocationAsync(Guid locationId, int version, LocationDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var location = await db.Set<ContextualLocation>().FirstOrDefaultAsync(l => l.Id == locationId, cancellationToken)
            ?? throw new SafeguardValidationException("LocationId", "There is no such place");
        try
        {
            Apply(location, details);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }

        using (db.BeginProcess("Contextual.ChangeLocation", actor))
        {
            db.Entry(location).Property(l => l.Version).OriginalValue = version;
            await db.SaveAndClearAsync(cancellationToken);
        }
    }

    public async Task<ContextualGroup> AddGroupAsync(GroupDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var group = new ContextualGroup { Name = "", CreatedByName = RecordKeeping.Fit(actor.Name, 200), CreatedAt = Now };
        Apply(group, details);
        using (db.BeginProcess("Contextual.AddGroup", actor))
        {
            db.Add(group);
            await db.SaveAndClearAsync(cancellationToken);
        }

        return group;
    }

    public async Task ChangeGroupAsync(Guid groupId, int version, GroupDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var group = await db.Set<ContextualGroup>().FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken)
            ?? throw new SafeguardValidationException("GroupId", "There is no such group");
        try
        {
            Apply(group, details);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }

        using (db.BeginProcess("Contextual.ChangeGroup", actor))
        {
            db.Entry(group).Property(g => g.Version).OriginalValue = version;
            await db.SaveAndClearAsync(cancellationToken);
        }
    }

    /// <summary>Links a person to a place, another person or a group; refused, naming the field, when the link does not make sense.</summary>
    public async Task<ContextualLink> AddLinkAsync(LinkDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = await CheckLinkAsync(details, null, actor, cancellationToken);
        RecordKeeping.ThrowIfAny(problems);
        var link = new ContextualLink
        {
            PersonId = details.PersonId,
            LocationId = details.LocationId,
            RelatedPersonId = details.RelatedPersonId,
            GroupId = details.GroupId,
            Source = "",
            RecordedAt = Now,
            RecordedByName = RecordKeeping.Fit(actor.Name, 200),
        };
        Apply(link, details);
        using (db.BeginProcess("Contextual.AddLink", actor))
        {
            db.Add(link);
            await db.SaveAndClearAsync(cancellationToken);
        }

        return link;
    }

    /// <summary>Changes a link's relationship, dates, source, notes and episode (ending it is giving its end date); what it links stays.</summary>
    public async Task ChangeLinkAsync(Guid linkId, int version, LinkDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var link = await LinkForChangeAsync(linkId, actor, cancellationToken);
        details = details with { PersonId = link.PersonId, LocationId = link.LocationId, RelatedPersonId = link.RelatedPersonId, GroupId = link.GroupId };
        var problems = await CheckLinkAsync(details, link.Id, actor, cancellationToken);
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            RecordKeeping.ThrowIfAny(problems);
        }

        using (db.BeginProcess("Contextual.ChangeLink", actor))
        {
            db.Entry(link).Property(l => l.Version).OriginalValue = version;
            Apply(link, details);
            await db.SaveAndClearAsync(cancellationToken);
        }
    }

    private async Task<ContextualLink> LinkForChangeAsync(Guid linkId, Actor actor, CancellationToken cancellationToken)
    {
        var link = await db.Set<ContextualLink>().FirstOrDefaultAsync(l => l.Id == linkId, cancellationToken);
        var visible = people.Visible(actor);
        if (link is null || !await visible.AnyAsync(p => p.Id == link.PersonId, cancellationToken)
            || (link.RelatedPersonId is { } related && !await visible.AnyAsync(p => p.Id == related, cancellationToken)))
        {
            db.ChangeTracker.Clear();
            throw new SafeguardValidationException("LinkId", "There is no such link");
        }

        return link;
    }

    private async Task<List<ValidationProblem>> CheckLinkAsync(LinkDetails details, Guid? existing, Actor actor, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        var visible = people.Visible(actor).AsNoTracking();
        var person = await visible.FirstOrDefaultAsync(p => p.Id == details.PersonId, cancellationToken);
        if (person is null || person.MergedIntoId is not null)
        {
            problems.Add(new("PersonId", "There is no such person, or their record was merged into another"));
        }

        var targets = new[] { details.LocationId, details.RelatedPersonId, details.GroupId }.Count(t => t is not null);
        ContextualTarget? target = targets != 1 ? null : details.LocationId is not null ? ContextualTarget.Location : details.RelatedPersonId is not null ? ContextualTarget.Person : ContextualTarget.Group;
        string? targetName = null;
        if (target is null)
        {
            problems.Add(new("Target", "Choose one place, person or group to link to"));
        }
        else if (details.LocationId is { } locationId)
        {
            targetName = await db.Set<ContextualLocation>().Where(l => l.Id == locationId).Select(l => l.Name).FirstOrDefaultAsync(cancellationToken);
            if (targetName is null)
            {
                problems.Add(new("LocationId", "Choose a place"));
            }
        }
        else if (details.GroupId is { } groupId)
        {
            targetName = await db.Set<ContextualGroup>().Where(g => g.Id == groupId).Select(g => g.Name).FirstOrDefaultAsync(cancellationToken);
            if (targetName is null)
            {
                problems.Add(new("GroupId", "Choose a group"));
            }
        }
        else if (details.RelatedPersonId is { } relatedId)
        {
            var related = await visible.FirstOrDefaultAsync(p => p.Id == relatedId, cancellationToken);
            targetName = related?.DisplayName;
            if (related is null || related.MergedIntoId is not null)
            {
                problems.Add(new("RelatedPersonId", "Choose the person this child is linked to"));
            }
            else if (relatedId == details.PersonId)
            {
                problems.Add(new("RelatedPersonId", "A person cannot be linked to themselves"));
            }
            else if (person is { Kind: PersonKind.Adult })
            {
                problems.Add(new("PersonId", "Links to another person are recorded from a child's record"));
            }
            else if (details.Relationship == ContextualRelationship.AdultOfConcern && related.Kind != PersonKind.Adult)
            {
                problems.Add(new("Relationship", $"An adult of concern is an adult; {related.DisplayName} is a child (choose peer, associate or boyfriend or girlfriend)"));
            }
        }

        if (details.Relationship is not { } relationship || !Enum.IsDefined(relationship))
        {
            problems.Add(new("Relationship", "Select how they are linked"));
        }
        else if (target is { } t && ContextualText.TargetOf(relationship) != t)
        {
            problems.Add(new("Relationship", $"\"{ContextualText.Describe(relationship)}\" is not a way to be linked to a {Word(t)}"));
        }

        if (details.From is { } from && from > Today)
        {
            problems.Add(new("From", "The date the link started must be today or in the past"));
        }

        if (details.To is { } to)
        {
            if (to > Today)
            {
                problems.Add(new("To", "The date the link ended must be today or in the past"));
            }
            else if (details.From is { } start && to < start)
            {
                problems.Add(new("To", "The date the link ended must be on or after the date it started"));
            }
        }

        if (string.IsNullOrWhiteSpace(details.Source))
        {
            problems.Add(new("Source", "Say where the information came from (for example a return home interview or police intelligence)"));
        }
        else if (details.Source.Trim().Length > ContextualLink.MaxSourceLength)
        {
            problems.Add(new("Source", $"The source must be {ContextualLink.MaxSourceLength} characters or fewer"));
        }

        if (details.Notes?.Trim().Length > ContextualLink.MaxTextLength)
        {
            problems.Add(new("Notes", $"The notes must be {ContextualLink.MaxTextLength} characters or fewer"));
        }

        if (details.MissingEpisodeId is { } episodeId
            && !await db.Set<MissingEpisode>().AnyAsync(e => e.Id == episodeId && (e.PersonId == details.PersonId || e.PersonId == details.RelatedPersonId), cancellationToken))
        {
            problems.Add(new("MissingEpisodeId", "Choose one of the child's missing episodes"));
        }

        if (problems.Count == 0 && details.To is null && await db.Set<ContextualLink>().AnyAsync(
                l => l.Id != existing && l.To == null && l.Relationship == details.Relationship && l.LocationId == details.LocationId && l.GroupId == details.GroupId
                    && ((l.PersonId == details.PersonId && l.RelatedPersonId == details.RelatedPersonId)
                        || (details.RelatedPersonId != null && l.PersonId == details.RelatedPersonId && l.RelatedPersonId == details.PersonId)),
                cancellationToken))
        {
            problems.Add(new("Relationship", $"{person!.DisplayName} is already linked to {targetName} in this way"));
        }

        return problems;
    }

    private static void Apply(ContextualLocation location, LocationDetails details)
    {
        var problems = new List<ValidationProblem>();
        var name = details.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            problems.Add(new("Name", "Enter the place's name"));
        }
        else if (name.Length > ContextualLocation.MaxNameLength)
        {
            problems.Add(new("Name", $"The name must be {ContextualLocation.MaxNameLength} characters or fewer"));
        }

        if (details.Type is not { } type || !Enum.IsDefined(type))
        {
            problems.Add(new("Type", "Select what kind of place it is"));
        }

        string? postcode = null;
        if (!string.IsNullOrWhiteSpace(details.Postcode))
        {
            postcode = UkPostcode.Normalise(details.Postcode);
            if (details.Type == LocationType.OnlineSpace)
            {
                problems.Add(new("Postcode", "An online space has no postcode: leave it blank"));
            }
            else if (postcode is null)
            {
                problems.Add(new("Postcode", "Enter a real UK postcode, like BL9 0EJ"));
            }
        }

        if (details.Description?.Trim().Length > ContextualLocation.MaxTextLength)
        {
            problems.Add(new("Description", $"The description must be {ContextualLocation.MaxTextLength} characters or fewer"));
        }

        RecordKeeping.ThrowIfAny(problems);
        location.Name = name!;
        location.Type = details.Type!.Value;
        location.Postcode = postcode;
        location.Description = RecordKeeping.Tidy(details.Description);
    }

    private static void Apply(ContextualGroup group, GroupDetails details)
    {
        var problems = new List<ValidationProblem>();
        var name = details.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            problems.Add(new("Name", "Enter the group's name"));
        }
        else if (name.Length > ContextualGroup.MaxNameLength)
        {
            problems.Add(new("Name", $"The name must be {ContextualGroup.MaxNameLength} characters or fewer"));
        }

        if (details.Description?.Trim().Length > ContextualGroup.MaxTextLength)
        {
            problems.Add(new("Description", $"The description must be {ContextualGroup.MaxTextLength} characters or fewer"));
        }

        RecordKeeping.ThrowIfAny(problems);
        group.Name = name!;
        group.Description = RecordKeeping.Tidy(details.Description);
    }

    private static void Apply(ContextualLink link, LinkDetails details)
    {
        link.Relationship = details.Relationship!.Value;
        link.From = details.From;
        link.To = details.To;
        link.Source = details.Source!.Trim();
        link.Notes = RecordKeeping.Tidy(details.Notes);
        link.MissingEpisodeId = details.MissingEpisodeId;
    }

    private static string Word(ContextualTarget target) => target switch
    {
        ContextualTarget.Location => "place",
        ContextualTarget.Person => "person",
        _ => "group",
    };
}
