using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Calendar;

public class CalendarAdministrationTests
{
    private static readonly Actor Admin = new(Guid.NewGuid(), "Cal Admin", null);

    private static Task<TestServices> CreateAsync(DatabaseProvider provider) =>
        TestServices.CreateAsync(provider, new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero)));

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_proclaimed_day_moves_working_day_deadlines_and_is_audited(DatabaseProvider provider)
    {
        await using var services = await CreateAsync(provider);
        var calendar = services.Get<CalendarAdministration>();
        var db = services.Get<SafeguardDbContext>();

        // Wednesday 2 June 2027 + 1 working day is Thursday 3 June, until the 3rd is proclaimed a holiday.
        Assert.Equal(new DateOnly(2027, 6, 3), (await calendar.CalendarAsync(TestContext.Current.CancellationToken)).AddWorkingDays(new DateOnly(2027, 6, 2), 1));
        await calendar.ProclaimAsync(new DateOnly(2027, 6, 3), "Royal celebration", "Proclamation of 1 March 2027", Admin, TestContext.Current.CancellationToken);

        var after = await calendar.CalendarAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new DateOnly(2027, 6, 4), after.AddWorkingDays(new DateOnly(2027, 6, 2), 1));
        Assert.Equal(HolidaySource.Proclaimed, after.HolidayOn(new DateOnly(2027, 6, 3))!.Source);
        var e = await db.AuditEvents.SingleAsync(x => x.Process == "Calendar.Proclaim", TestContext.Current.CancellationToken);
        Assert.Equal(("Proclamation of 1 March 2027", AuditAction.Created), (e.Reason, e.Action));

        await calendar.WithdrawAsync(new DateOnly(2027, 6, 3), "proclamation revoked", Admin, TestContext.Current.CancellationToken);
        Assert.True((await calendar.CalendarAsync(TestContext.Current.CancellationToken)).IsWorkingDay(new DateOnly(2027, 6, 3)));
        Assert.True(await db.AuditEvents.AnyAsync(x => x.Process == "Calendar.Withdraw" && x.Action == AuditAction.Deleted && x.Before!.Contains("Royal celebration"), TestContext.Current.CancellationToken));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_weekend_or_existing_holiday_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var services = await CreateAsync(provider);
        var calendar = services.Get<CalendarAdministration>();
        var db = services.Get<SafeguardDbContext>();

        var weekend = await Assert.ThrowsAsync<SafeguardValidationException>(() => calendar.ProclaimAsync(new DateOnly(2027, 6, 5), "Saturday party", null, Admin, TestContext.Current.CancellationToken));
        Assert.Equal("Date", weekend.Problems.Single().Field);
        Assert.Contains("2027-06-05", weekend.Message, StringComparison.Ordinal);
        var christmas = await Assert.ThrowsAsync<SafeguardValidationException>(() => calendar.ProclaimAsync(new DateOnly(2026, 12, 25), "Again", null, Admin, TestContext.Current.CancellationToken));
        Assert.Equal("Date", christmas.Problems.Single().Field);
        var untitled = await Assert.ThrowsAsync<SafeguardValidationException>(() => calendar.ProclaimAsync(new DateOnly(2027, 6, 3), " ", null, Admin, TestContext.Current.CancellationToken));
        Assert.Equal("Title", untitled.Problems.Single().Field);
        await Assert.ThrowsAsync<SafeguardValidationException>(() => calendar.WithdrawAsync(new DateOnly(2027, 6, 3), null, Admin, TestContext.Current.CancellationToken));

        Assert.Equal(0, await db.ProclaimedBankHolidays.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.AuditEvents.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Stored_days_and_durations_that_a_newer_release_makes_redundant_do_not_break_deadlines(DatabaseProvider provider)
    {
        await using var services = await CreateAsync(provider);
        var calendar = services.Get<CalendarAdministration>();
        var db = services.Db;

        // As if stored before a release whose list now holds Christmas 2026 and whose catalogue made a rule statutory.
        using (db.BeginProcess("Test.Seed", Admin))
        {
            db.ProclaimedBankHolidays.Add(new ProclaimedBankHoliday { Date = new DateOnly(2026, 12, 25), Title = "Christmas, proclaimed before the list had it" });
            db.LocalTimescales.Add(new Safeguard.Timescales.LocalTimescale { RuleId = "assessment", Duration = 30 });
            db.LocalTimescales.Add(new Safeguard.Timescales.LocalTimescale { RuleId = "retired-rule", Duration = 3 });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var deadlines = await calendar.DeadlinesAsync(TestContext.Current.CancellationToken);
        Assert.Equal(45, (await calendar.TimescalesAsync(TestContext.Current.CancellationToken)).Get("assessment").Duration);
        Assert.Equal(new DateOnly(2026, 12, 29), deadlines.Calculate("contact-decision", new DateOnly(2026, 12, 24)).DueDate);
    }

    [Fact]
    public async Task A_holiday_name_longer_than_200_characters_is_refused()
    {
        await using var services = await CreateAsync(DatabaseProvider.Sqlite);
        var ex = await Assert.ThrowsAsync<SafeguardValidationException>(() =>
            services.Get<CalendarAdministration>().ProclaimAsync(new DateOnly(2027, 6, 3), new string('a', 201), null, Admin, TestContext.Current.CancellationToken));
        Assert.Equal("Title", ex.Problems.Single().Field);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Local_timescales_change_only_locally_changeable_rules(DatabaseProvider provider)
    {
        await using var services = await CreateAsync(provider);
        var calendar = services.Get<CalendarAdministration>();
        var db = services.Get<SafeguardDbContext>();

        var statutory = await Assert.ThrowsAsync<SafeguardValidationException>(() => calendar.SetLocalTimescaleAsync("assessment", 30, null, Admin, TestContext.Current.CancellationToken));
        Assert.Equal("Duration", statutory.Problems.Single().Field);
        var unknown = await Assert.ThrowsAsync<SafeguardValidationException>(() => calendar.SetLocalTimescaleAsync("no-such-rule", 3, null, Admin, TestContext.Current.CancellationToken));
        Assert.Equal("RuleId", unknown.Problems.Single().Field);
        await Assert.ThrowsAsync<SafeguardValidationException>(() => calendar.SetLocalTimescaleAsync("first-core-group", 0, null, Admin, TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.LocalTimescales.CountAsync(TestContext.Current.CancellationToken));

        await calendar.SetLocalTimescaleAsync("first-core-group", 8, "local procedure 2027", Admin, TestContext.Current.CancellationToken);
        await calendar.SetLocalTimescaleAsync("first-core-group", 7, "revised", Admin, TestContext.Current.CancellationToken);
        var rule = (await calendar.TimescalesAsync(TestContext.Current.CancellationToken)).Get("first-core-group");
        Assert.Equal((7, 10, true), (rule.Duration, rule.DefaultDuration, rule.IsOverridden));
        var deadlines = await calendar.DeadlinesAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new DateOnly(2026, 12, 2), deadlines.Calculate("first-core-group", new DateOnly(2026, 11, 23)).DueDate);

        await calendar.ResetLocalTimescaleAsync("first-core-group", "back to default", Admin, TestContext.Current.CancellationToken);
        Assert.False((await calendar.TimescalesAsync(TestContext.Current.CancellationToken)).Get("first-core-group").IsOverridden);
        Assert.Equal(["Timescales.SetLocal", "Timescales.SetLocal", "Timescales.ResetLocal"],
            await db.AuditEvents.OrderBy(e => e.Sequence).Select(e => e.Process).ToListAsync(TestContext.Current.CancellationToken));
    }
}
