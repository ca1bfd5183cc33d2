using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.FrontDoor;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Dataset;

/// <summary>The front door indicators (4.4, 4.5a-c) against hand-worked contacts, across Easter 2025 and the Q1/Q2 edge.</summary>
public class FrontDoorIndicatorTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Contacts_decision_days_and_outcomes_count_by_quarter_with_bank_holidays(DatabaseProvider provider)
    {
        await using var services = await TestServices.CreateAsync(provider, new FakeTimeProvider(Now));
        var db = services.Db;
        await IndicatorCatalogue.SyncAsync(db, Token);
        var police = new Agency { Name = "Police", Code = "POLICE", Type = AgencyType.Police };
        Contact Make(string received, string? decided, ContactDecision? decision, int children = 1)
        {
            var contact = new Contact
            {
                ReceivedAt = UkTime.FromUkLocal(DateTime.Parse(received, System.Globalization.CultureInfo.InvariantCulture)),
                RecordedAt = UkTime.FromUkLocal(DateTime.Parse(received, System.Globalization.CultureInfo.InvariantCulture)),
                FromAgencyId = police.Id,
                ReferrerName = "PC Smith",
                ReferralSource = "5A",
                Concerns = "Domestic abuse incident with children present",
                RecordedByName = "Farah Frontdoor",
                Decision = decision,
                DecidedAt = decided is null ? null : UkTime.FromUkLocal(DateTime.Parse(decided, System.Globalization.CultureInfo.InvariantCulture)),
                DecidedByName = decided is null ? null : "Farah Frontdoor",
            };
            for (var i = 0; i < children; i++)
            {
                contact.Children.Add(new ContactChild { ContactId = contact.Id, DescribedName = $"Child {i}" });
            }

            return contact;
        }

        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.Add(police);
            db.AddRange(
                Make("2025-04-17T16:00", "2025-04-22T09:00", ContactDecision.EarlyHelp, children: 2), // Good Friday and Easter Monday: 1 working day
                Make("2025-05-01T09:00", "2025-05-01T15:00", ContactDecision.ReferralToChildrensSocialCare), // same day: 0
                Make("2025-05-02T09:00", "2025-05-06T09:00", ContactDecision.NoFurtherAction), // early May bank holiday: 1
                Make("2025-06-30T17:00", "2025-07-01T10:00", ContactDecision.StrategyDiscussion), // received Q1, decided Q2
                Make("2025-09-30T12:00", null, null));
            await db.SaveChangesAsync(Token);
        }

        var rows = (await services.Get<DatasetCalculator>().ComputeAsync(new ReportingYear(2025), cancellationToken: Token)).Rows.ToDictionary(r => r.Indicator.Code);
        Assert.Equal(5m, rows["4.4"].Q1);      // per child: 2 + 1 + 1 + 1
        Assert.Equal(1m, rows["4.4"].Q2);
        Assert.Equal(0.67m, rows["4.5a"].Q1);  // (1 + 0 + 1) / 3
        Assert.Equal(1m, rows["4.5a"].Q2);
        Assert.Equal(33.3m, rows["4.5b"].Q1);
        Assert.Equal(33.3m, rows["4.5c"].Q1);
        Assert.Equal(100m, rows["4.5c"].Q2);   // a strategy discussion counts with referrals to social care
        Assert.Equal("No contacts decided in the quarter", rows["4.5a"].Gaps.Single(g => g.Period == "Q3").Reason);
    }
}
