using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Persistence;

namespace Safeguard.FrontDoor;

/// <summary>
/// The front door's contacts as the dataset needs them, loaded once per "as at" instant: contacts recorded after
/// it are left out, and a decision made after it counts as not yet made. Only contacts received or decided in the
/// years asked about are read: no other can count.
/// </summary>
public sealed class FrontDoorIndicatorData(IServiceScopeFactory scopes) : IndicatorFacts<FrontDoorFacts>(scopes)
{
    protected override async Task<FrontDoorFacts> LoadAsync(IServiceProvider services, DateTimeOffset asAt, DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<SafeguardDbContext>();
        var calendar = services.GetRequiredService<CalendarAdministration>();
        var (start, end) = (UkTime.StartOfDay(from), UkTime.EndOfDay(until));
        var counted = db.Set<Contact>().AsNoTracking()
            .Where(c => (c.ReceivedAt >= start && c.ReceivedAt <= end) || (c.DecidedAt >= start && c.DecidedAt <= end));

        // Two flat reads (contacts, then their children) rather than one nested one: much faster on many contacts.
        var rows = await counted
            .Select(c => new { c.Id, c.ReceivedAt, c.RecordedAt, c.DecidedAt, c.Decision })
            .ToListAsync(cancellationToken);
        var childrenOf = (await db.Set<ContactChild>().AsNoTracking()
                .Join(counted, x => x.ContactId, c => c.Id, (x, c) => new { x.ContactId, x.PersonId })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.ContactId, x => x.PersonId);
        var workingDays = await calendar.CalendarAsync(cancellationToken);
        // The UK's offset from UTC changes only on the hour: it is looked up once per hour, not per contact.
        var offsets = new Dictionary<long, TimeSpan>();
        DateOnly UkDate(DateTimeOffset instant)
        {
            var hour = instant.UtcTicks / TimeSpan.TicksPerHour;
            if (!offsets.TryGetValue(hour, out var offset))
            {
                offset = UkTime.TimeZone.GetUtcOffset(instant);
                offsets[hour] = offset;
            }

            return DateOnly.FromDateTime(instant.UtcDateTime + offset);
        }

        var index = rows.Count == 0 ? null : new WorkingDayIndex(workingDays, UkTime.ToUkDate(rows.Min(r => r.ReceivedAt)), UkTime.ToUkDate(asAt).AddDays(1));
        int WorkingDaysBetween(DateOnly from, DateOnly to) => Math.Max(0, index!.Between(from, to));

        var contacts = rows
            .Where(c => c.RecordedAt <= asAt && c.ReceivedAt <= asAt)
            .Select(c =>
            {
                var decided = c.DecidedAt is { } at && at <= asAt ? at : (DateTimeOffset?)null;
                var received = UkDate(c.ReceivedAt);
                DateOnly? decidedOn = decided is { } d ? UkDate(d) : null;
                return new ContactFact(
                    received,
                    [.. childrenOf[c.Id]],
                    decidedOn,
                    decided is null ? null : c.Decision,
                    decidedOn is { } e ? WorkingDaysBetween(received, e) : null);
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
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ReportingQuarter, ContactFact[]> _decidedIn = new();
    private ILookup<DateOnly, ContactFact>? _byQuarterReceived;

    /// <summary>The contacts received in the quarter.</summary>
    public IEnumerable<ContactFact> ReceivedIn(ReportingQuarter quarter) =>
        (_byQuarterReceived ??= Contacts.ToLookup(c => ReportingQuarter.Of(c.ReceivedOn).Start))[quarter.Start];

    /// <summary>The contacts decided in the quarter (worked out once per quarter: three indicators ask).</summary>
    public IEnumerable<ContactFact> DecidedIn(ReportingQuarter quarter) =>
        _decidedIn.GetOrAdd(quarter, q => [.. Contacts.Where(c => c.DecidedOn is { } d && q.Contains(d))]);

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
        ("contacts", (f, q) => IndicatorBreakdown.Count(f.ReceivedIn(q)
            .SelectMany(c => c.Children.DefaultIfEmpty().Select(child => CountedRecord.For(child, "Contact received", c.ReceivedOn))))),
        ("contact-decision-days", (f, q) => IndicatorBreakdown.AverageWorkingDays(f.DecidedIn(q).Select(c => FrontDoorFacts.Decided(c, _ => true)), NoneDecided)),
        ("contact-outcome-early-help", (f, q) => IndicatorBreakdown.Percentage(
            f.DecidedIn(q).Select(c => FrontDoorFacts.Decided(c, d => d == ContactDecision.EarlyHelp)), NoneDecided)),
        ("contact-outcome-social-care", (f, q) => IndicatorBreakdown.Percentage(
            f.DecidedIn(q).Select(c => FrontDoorFacts.Decided(c, d => d is ContactDecision.ReferralToChildrensSocialCare or ContactDecision.StrategyDiscussion)), NoneDecided)),
    ];
}
