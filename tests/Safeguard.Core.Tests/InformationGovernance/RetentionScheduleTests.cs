using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Core.Tests.ComplexSafeguarding;
using Safeguard.FrontDoor;
using Safeguard.InformationGovernance;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.InformationGovernance;

/// <summary>The retention schedule: what falls due when, what holds a record, and deleting only what may be deleted.</summary>
public class RetentionScheduleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A contact about the children, decided now as no further action.</summary>
    private static async Task<Guid> NfaContactAsync(MissingFixture f, params Guid[] children)
    {
        var contact = await f.Services.Get<ContactService>().RecordAsync(new NewContact
        {
            ReceivedAt = f.Clock.GetUtcNow().AddHours(-1),
            FromAgencyId = f.PoliceAgencyId,
            ReferrerName = "PC Jo Bloggs",
            ReferralSource = "6",
            Concerns = "Neighbour heard shouting",
            Consent = ConsentPosition.Given,
            Children = [.. children.Select(c => new ContactChildInput(c))],
        }, ContactChannel.FrontDoor, f.Worker, Ct);
        var db = f.Services.Db;
        using (db.BeginProcess("Test.Decide", f.Worker))
        {
            var tracked = await db.Contacts.SingleAsync(c => c.Id == contact.Id, Ct);
            tracked.Decision = ContactDecision.NoFurtherAction;
            tracked.DecidedAt = f.Clock.GetUtcNow();
            tracked.DecisionRationale = "No concerns for the children";
            await db.SaveChangesAsync(Ct);
        }

        return contact.Id;
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Records_fall_due_by_their_rule_and_a_restricted_record_or_an_open_case_holds_them(DatabaseProvider provider)
    {
        await using var f = await MissingFixture.CreateAsync(provider);
        var schedule = f.Services.Get<RetentionSchedule>();
        var amira = f.ChildId;
        var restricted = await f.Journey.AddChildAsync("Cara", "Lee", restricted: true);
        var zain = await f.Journey.AddChildAsync("Zain", "Khan");
        var open = await f.Journey.OpenAsync(zain);
        var plain = await NfaContactAsync(f, amira);
        var heldByRestriction = await NfaContactAsync(f, restricted);
        var heldByOpenCase = await NfaContactAsync(f, zain);
        var referred = await NfaContactAsync(f, zain);
        await f.Services.Db.NeedEpisodes.Where(e => e.Id == open).ExecuteUpdateAsync(s => s.SetProperty(e => e.FrontDoorContactId, referred), Ct);

        // Decided Monday 23 November 2026: six years on, due on 23 November 2032 and not a day before.
        Assert.DoesNotContain(await schedule.DueAsync(new DateOnly(2032, 11, 22), RetentionRecordTypes.NfaContact, f.Worker, Ct), i => i.Id == plain);
        var due = await schedule.DueAsync(new DateOnly(2032, 11, 23), RetentionRecordTypes.NfaContact, f.Worker, Ct);
        Assert.Equal(new[] { heldByOpenCase, heldByRestriction, plain }.Order(), due.Select(i => i.Id).Order());
        var item = due.Single(i => i.Id == plain);
        Assert.Equal((new DateOnly(2032, 11, 23), RetentionAction.Delete, "6 years from the decision, then delete"), (item.DueDate, item.Action, item.Rule));
        Assert.Empty(item.HeldBy);
        Assert.Equal(["a restricted record"], due.Single(i => i.Id == heldByRestriction).HeldBy);
        Assert.Equal(["an open case"], due.Single(i => i.Id == heldByOpenCase).HeldBy);
        Assert.True(await f.Services.Db.AuditEvents.AnyAsync(e => e.Process == "Retention.Due" && e.Action == AuditAction.Searched && e.ActorUserId == f.Worker.UserId, Ct));

        // Children's records by date of birth (Amira, born 14 March 2018): review at 25, or at 75 once known to be looked after.
        Assert.Contains(await schedule.DueAsync(new DateOnly(2043, 3, 14), RetentionRecordTypes.ChildRecord, f.Worker, Ct), i => i.Id == amira && i.Action == RetentionAction.Review);
        Assert.DoesNotContain(await schedule.DueAsync(new DateOnly(2043, 3, 13), RetentionRecordTypes.ChildRecord, f.Worker, Ct), i => i.Id == amira);
        await f.Missing.RecordAsync(amira, MissingFixture.Episode(f.Clock.GetUtcNow().AddDays(-2), f.Clock.GetUtcNow().AddDays(-1), f.PoliceAgencyId, lookedAfter: true), f.Worker, Ct);
        Assert.DoesNotContain(await schedule.DueAsync(new DateOnly(2043, 3, 14), null, f.Worker, Ct), i => i.Id == amira);
        Assert.Contains(await schedule.DueAsync(new DateOnly(2093, 3, 14), RetentionRecordTypes.LookedAfterChildRecord, f.Worker, Ct), i => i.Id == amira);
        Assert.Contains(await schedule.DueAsync(new DateOnly(2043, 3, 14), RetentionRecordTypes.ChildRecord, f.Worker, Ct), i => i.Id == zain && i.HeldBy.Contains("an open case"));

        var unknown = await Assert.ThrowsAsync<SafeguardValidationException>(() => schedule.DueAsync(null, "Letters", f.Worker, Ct));
        Assert.Equal("Type", Assert.Single(unknown.Problems).Field);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Apply_is_a_dry_run_until_confirmed_then_deletes_only_what_nothing_holds_in_one_audited_transaction(DatabaseProvider provider)
    {
        await using var f = await MissingFixture.CreateAsync(provider);
        var schedule = f.Services.Get<RetentionSchedule>();
        var db = f.Services.Db;
        var restricted = await f.Journey.AddChildAsync("Cara", "Lee", restricted: true);
        var plain = await NfaContactAsync(f, f.ChildId);
        var held = await NfaContactAsync(f, restricted);

        var refused = await Assert.ThrowsAsync<SafeguardValidationException>(() => schedule.SetRuleAsync(RetentionRecordTypes.ChildRecord, 25, RetentionAction.Delete, "Tidy up", f.Worker, Ct));
        Assert.Equal("Action", Assert.Single(refused.Problems).Field);
        await schedule.SetRuleAsync(RetentionRecordTypes.NfaContact, 1, RetentionAction.Delete, "Information governance board, minute 12", f.Worker, Ct);
        var rule = (await schedule.RulesAsync(Ct)).Single(r => r.Type.Key == RetentionRecordTypes.NfaContact);
        Assert.True(rule.IsLocal);
        Assert.Equal("1 year from the decision, then delete", rule.Describe());

        f.Clock.Advance(TimeSpan.FromDays(366));
        var dryRun = await schedule.ApplyAsync(confirm: false, f.Worker, Ct);
        Assert.True(dryRun.DryRun);
        Assert.Equal([plain], dryRun.Deleted.Select(i => i.Id));
        Assert.Equal([held], dryRun.Held.Select(i => i.Id));
        Assert.Equal(2, await db.Contacts.CountAsync(Ct));

        var applied = await schedule.ApplyAsync(confirm: true, f.Worker, Ct);
        Assert.False(applied.DryRun);
        Assert.False(await db.Contacts.AnyAsync(c => c.Id == plain, Ct));
        Assert.False(await db.Set<ContactChild>().AnyAsync(c => c.ContactId == plain, Ct));
        Assert.True(await db.Contacts.AnyAsync(c => c.Id == held, Ct));
        Assert.True(await db.People.AnyAsync(p => p.Id == f.ChildId, Ct));

        // The deletion is audited with its rule, and the contact's earlier events stay in the chain.
        var deleted = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.EntityType == "Contact" && e.EntityId == plain.ToString() && e.Action == AuditAction.Deleted, Ct);
        Assert.Equal((RetentionSchedule.Process, "Retention rule NfaContact: 1 year from the decision, then delete"), (deleted.Process, deleted.Reason));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == "Contact" && e.EntityId == plain.ToString() && e.Action == AuditAction.Created, Ct));
        Assert.True((await AuditTrail.VerifyAsync(db, Ct)).Intact);
        Assert.Empty((await schedule.ApplyAsync(confirm: false, f.Worker, Ct)).Deleted);
    }
}
