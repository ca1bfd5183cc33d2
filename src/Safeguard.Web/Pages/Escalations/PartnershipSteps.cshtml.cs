using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Escalations;
using Safeguard.Web.Authorization;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Escalations;

/// <summary>The note form's fields, as typed.</summary>
public sealed class NoteInput
{
    public string? StageNumber { get; set; }

    public string? Text { get; set; }
}

/// <summary>Add a note to a stage the escalation has reached (open or closed); the escalation's version is checked.</summary>
public abstract class NoteModelBase(EscalationService escalations) : EscalationStepModel(escalations)
{
    [BindProperty]
    public NoteInput Input { get; set; } = new();

    /// <summary>The stages reached, to choose from.</summary>
    public List<RadioItem> Stages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = View.Escalation.Version;
        Input.StageNumber = View.Escalation.Stage.ToString(CultureInfo.InvariantCulture);
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        int? stage = int.TryParse(Input.StageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var result = await SaveAsync(id, () => Escalations.AddNoteAsync(id, Version, stage, Input.Text, Actor, cancellationToken), "The note is added.", cancellationToken);
        if (result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult)
        {
            Fill();
        }

        return result;
    }

    private void Fill() =>
        Stages = [.. Enumerable.Range(1, View.Escalation.Stage).Select(s => new RadioItem(s.ToString(CultureInfo.InvariantCulture), EscalationText.StageName(s)))];
}

/// <summary>An agency adds a note to its escalation.</summary>
[RequirePermission("escalations.raise")]
public sealed class NoteModel(EscalationService escalations) : NoteModelBase(escalations);

/// <summary>The business unit adds a note to any escalation.</summary>
[RequirePermission("assurance.manage")]
public sealed class PartnershipNoteModel(EscalationService escalations) : NoteModelBase(escalations)
{
    public override string Home => "/assurance/escalations";
}

/// <summary>The partnership meeting form's fields, as typed.</summary>
public sealed class MeetingInput
{
    public string? Attendees { get; set; }

    public string? Decision { get; set; }
}

/// <summary>At stage 4 the business unit records the partnership's meeting: the day, who took part, what was decided.</summary>
[RequirePermission("assurance.manage")]
public sealed class PartnershipMeetingModel(EscalationService escalations, TimeProvider time) : EscalationStepModel(escalations)
{
    public override string Home => "/assurance/escalations";

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var e = View.Escalation;
        if (e.IsClosed || e.Stage < Escalation.LastStage)
        {
            return Redirect($"{Home}/{id}");
        }

        var stage = e.Stages.Single(s => s.Number == e.Stage);
        PrefillDateInput("Input.MeetingOn", stage.MeetingOn ?? Calendar.UkTime.Today(time));
        (Input.Attendees, Input.Decision, Version) = (stage.MeetingAttendees, stage.Decision, e.Version);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var meeting = new PartnershipMeeting(ReadDate("Input.MeetingOn", "date of the meeting"), Input.Attendees, Input.Decision);
        return SaveAsync(id, () => Escalations.RecordMeetingAsync(id, Version, meeting, Actor, cancellationToken), "The partnership's meeting is recorded.", cancellationToken);
    }
}
