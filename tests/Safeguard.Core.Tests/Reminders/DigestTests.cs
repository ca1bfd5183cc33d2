using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Core.Tests.Journey;
using Safeguard.Persistence;
using Safeguard.Reminders;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Reminders;

/// <summary>
/// The daily digest, sent through a real SMTP server on loopback. Today is Monday 23 November 2026, 09:00; Sam Worker
/// holds two children's assessments: Ben's overdue (referred 3 August) and Amira's due today (referred 21 September).
/// </summary>
public class DigestTests
{
    private const string BaseUrl = "https://safeguard.test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JourneyFixture> WorkerWithWorkAsync(DatabaseProvider provider, int smtpPort)
    {
        var f = await JourneyFixture.CreateAsync(provider, services => services.AddSingleton(new ReminderOptions
        {
            Enabled = true,
            BaseUrl = BaseUrl,
            From = "Safeguard <safeguard@partnership.test>",
            SmtpHost = "127.0.0.1",
            SmtpPort = smtpPort,
            SmtpTimeout = TimeSpan.FromSeconds(5),
        }));
        async Task AssessAsync(Guid child, DateOnly referral)
        {
            var episode = await f.OpenAsync(child, referral);
            await f.Casework.StartAssessmentAsync(episode, 0, referral.AddDays(1), null, f.Worker, Ct);
            await f.Casework.AllocateAsync(episode, 1, f.Team.Id, f.Worker.UserId, f.Worker, Ct);
        }

        await AssessAsync(f.ChildId, new DateOnly(2026, 9, 21));
        await AssessAsync(await f.AddChildAsync("Ben", "Other"), new DateOnly(2026, 8, 3));
        await SetEmailAsync(f, f.Worker.UserId!.Value, "sam.worker@council.test");
        return f;
    }

    private static async Task SetEmailAsync(JourneyFixture f, Guid userId, string? email)
    {
        var db = f.Services.Db;
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            var user = await db.Users.SingleAsync(u => u.Id == userId, Ct);
            user.Email = email;
            user.NormalizedEmail = email?.ToUpperInvariant();
            await db.SaveAndClearAsync(Ct);
        }
    }

    private static FakeTimeProvider Clock(JourneyFixture f) => (FakeTimeProvider)f.Services.Get<TimeProvider>();

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_worker_gets_one_digest_of_their_overdue_and_due_work_with_links_and_no_child_named(DatabaseProvider provider)
    {
        await using var smtp = LoopbackSmtpServer.Start();
        await using var f = await WorkerWithWorkAsync(provider, smtp.Port);
        var digests = f.Services.Get<DigestService>();

        var run = await digests.SendDueAsync(Ct);

        Assert.Equal(1, run.Sent);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal("sam.worker@council.test", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("Safeguard: 1 overdue, 1 due soon (23 November 2026)", message.Subject);
        var text = message.TextBody;
        Assert.Contains("Your work: 1 overdue, 1 due today or soon", text, StringComparison.Ordinal);
        Assert.Contains($"{BaseUrl}/casework/my-work", text, StringComparison.Ordinal);
        Assert.Contains("Assessment, overdue since", text, StringComparison.Ordinal);
        Assert.Contains($"{BaseUrl}/account/reminders", text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{BaseUrl}/casework/my-work\">Your work</a>", message.HtmlBody, StringComparison.Ordinal);
        foreach (var name in new[] { "Amira", "Khan", "Ben", "Other" })
        {
            Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(name, message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        }

        var record = await f.Services.Db.Set<ReminderDigest>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal((DigestOutcome.Sent, 1, 1, 1, new DateOnly(2026, 11, 23)), (record.Outcome, record.Overdue, record.DueSoon, record.Attempts, record.ForDate));

        // Run again the same day (a restart, the next tick): nothing more is sent.
        Assert.Equal(new DigestRun(0, 0, 0), await digests.SendDueAsync(Ct));
        Assert.Single(smtp.Messages);

        // The next working day brings the next digest.
        Clock(f).Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await digests.SendDueAsync(Ct)).Sent);
        Assert.Equal(2, smtp.Messages.Count);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Nothing_is_sent_before_the_hour_on_a_weekend_to_a_user_who_turned_it_off_or_has_no_address(DatabaseProvider provider)
    {
        await using var smtp = LoopbackSmtpServer.Start();
        await using var f = await WorkerWithWorkAsync(provider, smtp.Port);
        var digests = f.Services.Get<DigestService>();

        Clock(f).SetUtcNow(new DateTimeOffset(2026, 11, 23, 6, 59, 0, TimeSpan.Zero));
        Assert.Equal("digests are sent from 07:00", (await digests.SendDueAsync(Ct)).Skipped);
        Clock(f).SetUtcNow(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal("2026-11-28 is not a working day", (await digests.SendDueAsync(Ct)).Skipped);

        Clock(f).SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await digests.SetPreferenceAsync(f.Worker.UserId!.Value, ReminderPreference.Off, f.Worker, Ct);
        Assert.Equal(new DigestRun(0, 0, 0), await digests.SendDueAsync(Ct));
        var refused = await Assert.ThrowsAsync<SafeguardValidationException>(() => digests.SendNowAsync("sam.worker", dryRun: false, Ct));
        Assert.Contains("has turned the daily digest off", refused.Message, StringComparison.Ordinal);

        await digests.SetPreferenceAsync(f.Worker.UserId!.Value, ReminderPreference.Digest, f.Worker, Ct);
        await SetEmailAsync(f, f.Worker.UserId!.Value, null);
        Assert.Equal(new DigestRun(0, 0, 0), await digests.SendDueAsync(Ct));
        Assert.Empty(smtp.Messages);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_send_the_server_cannot_take_is_recorded_and_tried_again_on_the_next_run(DatabaseProvider provider)
    {
        var port = LoopbackSmtpServer.FreePort();
        await using var f = await WorkerWithWorkAsync(provider, port);
        var digests = f.Services.Get<DigestService>();

        Assert.Equal(1, (await digests.SendDueAsync(Ct)).Failed);
        var failed = await f.Services.Db.Set<ReminderDigest>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal((DigestOutcome.Failed, 1), (failed.Outcome, failed.Attempts));
        Assert.False(string.IsNullOrEmpty(failed.Error));

        await using var smtp = LoopbackSmtpServer.StartOn(port);
        Assert.Equal(1, (await digests.SendDueAsync(Ct)).Sent);
        Assert.Single(smtp.Messages);
        var sent = await f.Services.Db.Set<ReminderDigest>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal((DigestOutcome.Sent, 2, (string?)null), (sent.Outcome, sent.Attempts, sent.Error));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_user_with_nothing_waiting_gets_no_email_and_a_dry_run_sends_nothing(DatabaseProvider provider)
    {
        await using var smtp = LoopbackSmtpServer.Start();
        await using var f = await WorkerWithWorkAsync(provider, smtp.Port);
        var digests = f.Services.Get<DigestService>();

        var (digest, outcome, _) = await digests.SendNowAsync("sam.worker", dryRun: true, Ct);
        Assert.Null(outcome);
        Assert.Equal((1, 1), (digest.Overdue, digest.DueSoon));
        Assert.Contains("Your work: 1 overdue", digest.Text, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages);
        Assert.False(await f.Services.Db.Set<ReminderDigest>().AnyAsync(Ct));

        var missing = await Assert.ThrowsAsync<SafeguardValidationException>(() => digests.SendNowAsync("no.one", dryRun: true, Ct));
        Assert.Contains("There is no user 'no.one'", missing.Message, StringComparison.Ordinal);

        // A colleague with nothing overdue, due or waiting gets no email; the day is marked so it is not worked out again.
        var db = f.Services.Db;
        var colleague = new Safeguard.Identity.User { DisplayName = "Nia Nowork", UserName = "nia.nowork", Email = "nia@council.test", AgencyId = f.Team.AgencyId, TeamId = f.Team.Id, CreatedAt = JourneyFixture.Now };
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.Add(colleague);
            await db.SaveAndClearAsync(Ct);
        }

        var run = await digests.SendDueAsync(Ct);
        Assert.Equal((1, 1), (run.Sent, run.NothingToSend));
        Assert.Equal("sam.worker@council.test", Assert.Single(Assert.Single(smtp.Messages).To.Mailboxes).Address);
        var marked = await db.Set<ReminderDigest>().AsNoTracking().SingleAsync(d => d.UserId == colleague.Id, Ct);
        Assert.Equal((DigestOutcome.NothingToSend, 0, 0), (marked.Outcome, marked.Attempts, marked.Items));
        Assert.Equal(new DigestRun(0, 0, 0), await digests.SendDueAsync(Ct));
    }
}
