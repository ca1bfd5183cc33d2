using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.ComplexSafeguarding;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Contextual;

/// <summary>Changes a link, or ends it by giving its end date, carrying the version read.</summary>
[RequirePermission("contextual.manage")]
public sealed class ChangeLinkModel(ContextualService contextual, SafeguardDbContext db) : SafeguardPageModel
{
    public LinkView View { get; private set; } = default!;

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public LinkModel.LinkInput Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, DateTimeOffset StartedAt)> Episodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var link = View.Link;
        Version = link.Version;
        Input = new LinkModel.LinkInput { Relationship = link.Relationship.ToString(), Source = link.Source, Notes = link.Notes, MissingEpisodeId = link.MissingEpisodeId };
        PrefillDateInput("From", link.From);
        PrefillDateInput("To", link.To);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var details = new LinkDetails
        {
            Relationship = Enum.TryParse<ContextualRelationship>(Input.Relationship, out var r) ? r : null,
            From = ReadDate("From", "date the link started"),
            To = ReadDate("To", "date the link ended"),
            Source = Input.Source,
            Notes = Input.Notes,
            MissingEpisodeId = Input.MissingEpisodeId,
        };
        var version = Version;
        if (await TryChangeAsync(() => contextual.ChangeLinkAsync(id, version, details, Actor, cancellationToken)))
        {
            Notice = "The link is changed.";
            return Redirect(ContextualService.PersonHref(View.From.Id));
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await contextual.LinkAsync(id, Actor, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        var personIds = new[] { view.From.Id, view.To.Id };
        Episodes = [.. (await db.Set<MissingEpisode>().AsNoTracking().Where(e => e.PersonId != null && personIds.Contains(e.PersonId.Value)).Select(e => new { e.Id, e.StartedAt }).ToListAsync(cancellationToken))
            .OrderByDescending(e => e.StartedAt).Select(e => (e.Id, e.StartedAt))];
        return true;
    }
}
