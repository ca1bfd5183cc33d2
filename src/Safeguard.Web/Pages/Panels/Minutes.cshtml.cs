using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.ComplexSafeguarding;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Panels;

/// <summary>Records a meeting's minutes, carrying the version read.</summary>
[RequirePermission("panels.manage")]
public sealed class MinutesModel(PanelService panels, SafeguardDbContext db) : SafeguardPageModel
{
    public Guid Id { get; private set; }

    public DateOnly MeetingDate { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public MinutesInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Set<PanelMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is not { } meeting)
        {
            return NotFound();
        }

        (Id, MeetingDate, Version, Input.Minutes) = (id, meeting.MeetingDate, meeting.Version, meeting.Minutes);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Set<PanelMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is not { } meeting)
        {
            return NotFound();
        }

        (Id, MeetingDate) = (id, meeting.MeetingDate);
        var version = Version;
        if (await TryChangeAsync(() => panels.RecordMinutesAsync(id, version, Input.Minutes, Actor, cancellationToken)))
        {
            Notice = "The minutes are saved.";
            return Redirect($"/panels/{id}");
        }

        return Page();
    }

    public sealed class MinutesInput
    {
        public string? Minutes { get; set; }
    }
}
