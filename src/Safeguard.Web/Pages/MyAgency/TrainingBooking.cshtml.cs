using Microsoft.AspNetCore.Mvc;
using Safeguard.Training;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.MyAgency;

/// <summary>One of the agency's delegates: the session, their evaluation, and the three-month follow-up (recorded or corrected by version).</summary>
[RequirePermission("training.book")]
public sealed class TrainingBookingModel(TrainingBookingService bookings) : SafeguardPageModel
{
    public AgencyBookingRow Row { get; private set; } = default!;

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public FollowUpForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await bookings.GetAsync(id, Actor, cancellationToken) is not { } row)
        {
            return NotFound();
        }

        Row = row;
        Version = row.Booking.Version;
        Input = new FollowUpForm { PracticeChanged = row.Booking.PracticeChanged switch { true => "yes", false => "no", _ => null }, PracticeExample = row.Booking.PracticeExample };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await bookings.GetAsync(id, Actor, cancellationToken) is not { } row)
        {
            return NotFound();
        }

        bool? changed = Input.PracticeChanged switch { "yes" => true, "no" => false, _ => null };
        if (await TryChangeAsync(() => bookings.RecordFollowUpAsync(id, Version, changed, Input.PracticeExample, Actor, cancellationToken)))
        {
            Notice = $"The follow-up for {row.Booking.DelegateName} is recorded.";
            return Redirect("/my-agency/training?owing=1");
        }

        Row = row;
        return Page();
    }

    public sealed class FollowUpForm
    {
        public string? PracticeChanged { get; set; }

        public string? PracticeExample { get; set; }
    }
}
