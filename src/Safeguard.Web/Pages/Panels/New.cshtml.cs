using Microsoft.AspNetCore.Mvc;
using Safeguard.ComplexSafeguarding;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Panels;

/// <summary>Schedules a meeting of the panel.</summary>
[RequirePermission("panels.manage")]
public sealed class NewModel(PanelService panels) : SafeguardPageModel
{
    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var date = ReadDate("Input.MeetingDate", "meeting date");
        PanelMeeting? saved = null;
        if (await TryChangeAsync(async () => saved = await panels.ScheduleAsync(new PanelMeetingDetails(date, Input.Chair), Actor, cancellationToken)))
        {
            Notice = "The meeting is scheduled. Build its agenda from the criteria when you are ready.";
            return Redirect($"/panels/{saved!.Id}");
        }

        return Page();
    }

    public sealed class MeetingInput
    {
        public string? Chair { get; set; }
    }
}
