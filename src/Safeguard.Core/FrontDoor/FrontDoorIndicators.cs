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
            .Select(c => new { c.ReceivedAt, c.RecordedAt, c.DecidedAt, c.Decision, Children = c.Children.Count })
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
                    Math.Max(1, c.Children),
                    decided is { } d ? UkTime.ToUkDate(d) : null,
                    decided is null ? null : c.Decision,
                    decided is { } e ? Math.Max(0, workingDays.WorkingDaysBetween(received, UkTime.ToUkDate(e))) : null);
            })
            .ToList();
        return new FrontDoorFacts(contacts);
    }
}

/// <param name="ReceivedOn">The UK date the contact was received.</param>
/// <param name="Children">How many children it was about.</param>
/// <param name="DecidedOn">The UK date of the decision, if made by the instant.</param>
/// <param name="Decision">The decision, if made by the instant.</param>
/// <param name="WorkingDaysToDecision">Working days from receipt to decision (0 for the same day).</param>
public sealed record ContactFact(DateOnly ReceivedOn, int Children, DateOnly? DecidedOn, ContactDecision? Decision, int? WorkingDaysToDecision);

public sealed record FrontDoorFacts(IReadOnlyList<ContactFact> Contacts)
{
    public IEnumerable<ContactFact> DecidedIn(ReportingQuarter quarter) => Contacts.Where(c => c.DecidedOn is { } d && quarter.Contains(d));
}

/// <summary>The dataset indicators computed from the front door's contacts (definitions in docs/partnership-dataset.md).</summary>
public static class FrontDoorIndicators
{
    public static IReadOnlyList<(string Key, Func<FrontDoorFacts, ReportingQuarter, CalculationContext, CalculatedFigure> Calculate)> All { get; } =
    [
        ("contacts", (f, q, _) => CalculatedFigure.Of(f.Contacts.Where(c => q.Contains(c.ReceivedOn)).Sum(c => c.Children))),
        ("contact-decision-days", (f, q, _) =>
        {
            var decided = f.DecidedIn(q).ToList();
            return decided.Count == 0
                ? CalculatedFigure.Missing("No contacts decided in the quarter")
                : CalculatedFigure.Of((decimal)decided.Sum(c => c.WorkingDaysToDecision!.Value) / decided.Count);
        }),
        ("contact-outcome-early-help", (f, q, _) =>
        {
            var decided = f.DecidedIn(q).ToList();
            return CalculatedFigure.Percentage(decided.Count(c => c.Decision == ContactDecision.EarlyHelp), decided.Count, "No contacts decided in the quarter");
        }),
        ("contact-outcome-social-care", (f, q, _) =>
        {
            var decided = f.DecidedIn(q).ToList();
            return CalculatedFigure.Percentage(
                decided.Count(c => c.Decision is ContactDecision.ReferralToChildrensSocialCare or ContactDecision.StrategyDiscussion),
                decided.Count,
                "No contacts decided in the quarter");
        }),
    ];
}
