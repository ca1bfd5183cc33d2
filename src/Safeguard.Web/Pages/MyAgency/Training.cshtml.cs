using Microsoft.AspNetCore.Mvc;
using Safeguard.Calendar;
using Safeguard.Training;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.Shared;
using Safeguard.Work;

namespace Safeguard.Web.Pages.MyAgency;

/// <summary>
/// An agency's training: the sessions open to booking and a form to book a member of staff, and the agency's own
/// delegates (never another agency's), paged in the database, those owing a three-month follow-up first when asked.
/// </summary>
[RequirePermission("training.book")]
public sealed class TrainingModel(TrainingService training, TrainingBookingService bookings, TimeProvider time) : SafeguardPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Owing { get; set; }

    public IReadOnlyList<SessionRow> Bookable { get; private set; } = [];

    public ListPage<AgencyBookingRow> Delegates { get; private set; } = new([], 0, 1, ListPage.DefaultPageSize);

    public DateOnly Today { get; private set; }

    [BindProperty]
    public BookingForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await TryChangeAsync(() => bookings.BookAsync(new BookingInput(Input.SessionId, Input.DelegateName, Input.DelegateRole), Actor, cancellationToken)))
        {
            Notice = $"{Input.DelegateName?.Trim()} is booked.";
            return Redirect("/my-agency/training");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid bookingId, int bookingVersion, CancellationToken cancellationToken)
    {
        if (await TryChangeAsync(() => bookings.CancelAsync(bookingId, bookingVersion, Actor, cancellationToken)))
        {
            Notice = "The place is given back.";
            return Redirect("/my-agency/training");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = UkTime.Today(time);
        Bookable = await training.BookableAsync(cancellationToken);
        Delegates = await bookings.ForAgencyAsync(Actor, Owing == 1, ListLinks.PageNumber(Request), cancellationToken: cancellationToken);
    }

    public sealed class BookingForm
    {
        public Guid? SessionId { get; set; }

        public string? DelegateName { get; set; }

        public string? DelegateRole { get; set; }
    }
}
