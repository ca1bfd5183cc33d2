using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Persistence;

namespace Safeguard.FrontDoor;

/// <summary>
/// The front door's contacts as the dataset needs them, loaded once per "as at" instant: contacts recorded after
/// it are left out, and a decision made after it counts as not yet made.
/// </summary>
public sealed class FrontDoorIndicatorData(SafeguardDbContext db, CalendarAdministration calendar) : IndicatorFacts<FrontDoorFacts>
{
    protected override async Task<FrontDoorFacts> LoadAsync(DateTimeOffset asAt, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Contact>().AsNoTracking()
            .Select(c => new { c.ReceivedAt, c.RecordedAt, c.DecidedAt, c.Decision, Children = c.Children.Select(x => x.PersonId).ToList() })
            .ToListAsync(cancellationToken);
        var workingDays = await calendar.CalendarAsync(cancellationToken);
        var contacts = rows
            .Where(c => c.RecordedAt <= asAt && c.ReceivedAt <= asAt)
            .Select(c =>
            {
                var decided = c.DecidedAt is { } at && at <= asAt ? at : (DateTimeOffset?)null;
                var received = UkTime.ToUkDate(c.ReceivedAt);
                return new ContactFact(
                    received,
                    c.Children,
                    decided is { } d ? UkTime.ToUkDate(d) : null,
                    decided is null ? null : c.Decision,
                    decided is { } e ? Math.Max(0, workingDays.WorkingDaysBetween(received, UkTime.ToUkDate(e))) : null);
            })
            .ToList();
        return new FrontDoorFacts(contacts);
    }
}

/// <param name="ReceivedOn">The UK date the contact was received.</param>
/// <param name="Children">The children it was about: their records, or null for a child not yet identified.</param>
/// <param name="DecidedOn">The UK date of the decision, if made by the instant.</param>
/// <param name="Decision">The decision, if made by the instant.</param>
/// <param name="WorkingDaysToDecision">Working days from receipt to decision (0 for the same day).</param>
public sealed record ContactFact(DateOnly ReceivedOn, IReadOnlyList<Guid?> Children, DateOnly? DecidedOn, ContactDecision? Decision, int? WorkingDaysToDecision);

public sealed record FrontDoorFacts(IReadOnlyList<ContactFact> Contacts)
{
    public IEnumerable<ContactFact> DecidedIn(ReportingQuarter quarter) => Contacts.Where(c => c.DecidedOn is { } d && quarter.Contains(d));

    /// <summary>A decided contact as counted, about its identified children, in the numerator when <paramref name="counts"/> holds.</summary>
    public static CountedRecord Decided(ContactFact contact, Func<ContactDecision?, bool> counts)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(counts);
        return new([.. contact.Children.OfType<Guid>()], "Contact decided", contact.DecidedOn!.Value, counts(contact.Decision), contact.WorkingDaysToDecision);
    }
}

/// <summary>The dataset indicators computed from the front door's contacts (definitions in docs/partnership-dataset.md).</summary>
public static class FrontDoorIndicators
{
    private const string NoneDecided = "No contacts decided in the quarter";

    public static IReadOnlyList<(string Key, Func<FrontDoorFacts, ReportingQuarter, IndicatorBreakdown> Count)> All { get; } =
    [
        // Per child: a contact about two children counts twice, and one about no named child once.
        ("contacts", (f, q) => IndicatorBreakdown.Count(f.Contacts.Where(c => q.Contains(c.ReceivedOn))
            .SelectMany(c => c.Children.DefaultIfEmpty().Select(child => CountedRecord.For(child, "Contact received", c.ReceivedOn))))),
        ("contact-decision-days", (f, q) => IndicatorBreakdown.AverageWorkingDays(f.DecidedIn(q).Select(c => FrontDoorFacts.Decided(c, _ => true)), NoneDecided)),
        ("contact-outcome-early-help", (f, q) => IndicatorBreakdown.Percentage(
            f.DecidedIn(q).Select(c => FrontDoorFacts.Decided(c, d => d == ContactDecision.EarlyHelp)), NoneDecided)),
        ("contact-outcome-social-care", (f, q) => IndicatorBreakdown.Percentage(
            f.DecidedIn(q).Select(c => FrontDoorFacts.Decided(c, d => d is ContactDecision.ReferralToChildrensSocialCare or ContactDecision.StrategyDiscussion)), NoneDecided)),
    ];
}
