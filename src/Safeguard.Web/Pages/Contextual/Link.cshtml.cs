using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Common;
using Safeguard.ComplexSafeguarding;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Contextual;

/// <summary>
/// Links a person to a place, another person or a group: first choose what (a place or group from the lists, a person
/// by searching), then say how, since when, and where the information came from. From a missing episode ("where found",
/// "with whom") the episode is filled in.
/// </summary>
[RequirePermission("contextual.manage")]
public sealed class LinkModel(ContextualService contextual, PersonIndex people, SafeguardDbContext db) : SafeguardPageModel
{
    public Guid PersonId { get; private set; }

    public string PersonName { get; private set; } = "";

    public bool IsChild { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Location { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Group { get; set; }

    [BindProperty(SupportsGet = true, Name = "person")]
    public Guid? Related { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Episode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public LinkInput Input { get; set; } = new();

    /// <summary>What was chosen to link to, named; null until chosen.</summary>
    public (ContextualTarget Target, string Name)? Chosen { get; private set; }

    public IReadOnlyList<PlaceSummary> Locations { get; private set; } = [];

    public IReadOnlyList<PlaceSummary> Groups { get; private set; } = [];

    public IReadOnlyList<PersonSummary> Found { get; private set; } = [];

    public IReadOnlyList<(Guid Id, DateTimeOffset StartedAt)> Episodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Chosen is null && !string.IsNullOrWhiteSpace(Q))
        {
            try
            {
                Found = [.. (await people.SearchAsync(new PersonSearch(Q), Actor, cancellationToken)).Where(p => p.Id != id)];
            }
            catch (SafeguardValidationException ex)
            {
                ModelState.AddModelError(nameof(Q), ex.Problems[0].Message);
            }
        }

        Input.MissingEpisodeId = Episode;
        if (Episode is not null)
        {
            Input.Source = "Return home interview";
            Input.Relationship = Location is not null ? nameof(ContextualRelationship.FoundThere) : null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var from = ReadDate("From", "date the link started");
        var to = ReadDate("To", "date the link ended");
        var details = new LinkDetails
        {
            PersonId = id,
            LocationId = Location,
            GroupId = Group,
            RelatedPersonId = Related,
            Relationship = Enum.TryParse<ContextualRelationship>(Input.Relationship, out var r) ? r : null,
            From = from,
            To = to,
            Source = Input.Source,
            Notes = Input.Notes,
            MissingEpisodeId = Input.MissingEpisodeId,
        };
        if (await TryChangeAsync(() => contextual.AddLinkAsync(details, Actor, cancellationToken)))
        {
            Notice = $"{PersonName} is linked to {Chosen?.Name}.";
            return Redirect(Input.MissingEpisodeId is { } episode ? $"/missing/episodes/{episode}" : $"/people/{id}/contextual");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var record = await people.GetAsync(id, Actor, cancellationToken);
        if (record is not { Person: { MergedIntoId: null } person })
        {
            return false;
        }

        (PersonId, PersonName, IsChild) = (person.Id, person.DisplayName, person.Kind == PersonKind.Child);
        if (Location is { } l)
        {
            Chosen = await db.Set<ContextualLocation>().Where(x => x.Id == l).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) is { } name ? (ContextualTarget.Location, name) : null;
        }
        else if (Group is { } g)
        {
            Chosen = await db.Set<ContextualGroup>().Where(x => x.Id == g).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) is { } name ? (ContextualTarget.Group, name) : null;
        }
        else if (Related is { } p && IsChild)
        {
            Chosen = await people.Visible(Actor).Where(x => x.Id == p && x.MergedIntoId == null).Select(x => x.DisplayName).FirstOrDefaultAsync(cancellationToken) is { } name ? (ContextualTarget.Person, name) : null;
        }

        if (Chosen is null)
        {
            (Location, Group, Related) = (null, null, null);
            Locations = await contextual.LocationsAsync(null, cancellationToken);
            Groups = await contextual.GroupsAsync(cancellationToken);
        }

        Episodes = [.. (await db.Set<MissingEpisode>().AsNoTracking().Where(e => e.PersonId == id).Select(e => new { e.Id, e.StartedAt }).ToListAsync(cancellationToken))
            .OrderByDescending(e => e.StartedAt).Select(e => (e.Id, e.StartedAt))];
        return true;
    }

    public sealed class LinkInput
    {
        public string? Relationship { get; set; }

        public string? Source { get; set; }

        public string? Notes { get; set; }

        public Guid? MissingEpisodeId { get; set; }
    }
}
