using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.FrontDoor;
using Safeguard.Interchange.Cin.Uploads;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.InformationGovernance;

/// <summary>A record type's rule in force: the default, or the partnership's own (<see cref="IsLocal"/>).</summary>
public sealed record RetentionRuleInForce(RetentionRecordType Type, int Years, RetentionAction Action, bool IsLocal, string? ChangedBy, DateTimeOffset? ChangedAt)
{
    public string Describe() => $"{Years} year{(Years == 1 ? "" : "s")} from {Type.RunsFrom}, then {(Action == RetentionAction.Delete ? "delete" : "review")}";
}

/// <summary>
/// A record whose retention period has ended: its type, id, the rule, the date it fell due, what happens now, and what
/// holds it (a restricted record, an open case, a case review) so that it is not deleted.
/// </summary>
public sealed record RetentionDueItem(string RecordType, Guid Id, string Rule, DateOnly DueDate, RetentionAction Action, IReadOnlyList<string> HeldBy)
{
    public bool WillBeDeleted => Action == RetentionAction.Delete && HeldBy.Count == 0;
}

/// <summary>What <see cref="RetentionSchedule.ApplyAsync"/> did (or, on a dry run, would do).</summary>
public sealed record RetentionApplyResult(bool DryRun, IReadOnlyList<RetentionDueItem> Deleted, IReadOnlyList<RetentionDueItem> Held, IReadOnlyList<RetentionDueItem> ForReview);

/// <summary>
/// The retention schedule (docs/retention.md): a rule per record type, the records due for deletion or review as at a
/// date, and applying it. Applying deletes, in one audited transaction, only records whose rule says delete and that
/// nothing holds; the audit trail is never deleted (a deleted record's events, and the deletion's own, stay in the chain).
/// Census uploads are listed here but purged by their own store (docs/adr/0011), which the apply runs.
/// </summary>
public sealed class RetentionSchedule(SafeguardDbContext db, CinUploadStore censusUploads, CinUploadOptions censusOptions)
{
    public const string Process = "Retention.Apply";
    public const string RuleProcess = "Retention.SetRule";

    public async Task<IReadOnlyList<RetentionRuleInForce>> RulesAsync(CancellationToken cancellationToken = default)
    {
        var local = await db.Set<RetentionRule>().AsNoTracking().ToListAsync(cancellationToken);
        return
        [
            .. RetentionRecordTypes.All.Select(t => local.FirstOrDefault(r => r.RecordType == t.Key) is { } rule
                ? new RetentionRuleInForce(t, rule.Years, rule.Action, true, rule.ChangedByName, rule.ChangedAt)
                : new RetentionRuleInForce(t, t.DefaultYears, t.DefaultAction, false, null, null)),
        ];
    }

    /// <summary>Sets the partnership's own rule for a record type; refused, naming the field, for an unknown type, a period out of range or deleting a type that cannot be.</summary>
    public async Task SetRuleAsync(string recordType, int years, RetentionAction action, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var type = RetentionRecordTypes.Find(recordType ?? "")
            ?? throw new SafeguardValidationException("Type", $"There is no record type '{recordType}'; the types are {string.Join(", ", RetentionRecordTypes.All.Select(t => t.Key))}");
        var problems = new List<ValidationProblem>();
        if (years is < 1 or > 150)
        {
            problems.Add(new("Years", "The period must be from 1 to 150 years"));
        }

        if (action == RetentionAction.Delete && !type.CanDelete)
        {
            problems.Add(new("Action", $"{type.Key} records can only be reviewed: deleting a whole record is a decision for a person"));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            problems.Add(new("Reason", "Enter why the rule is changing"));
        }

        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }

        var rule = await db.Set<RetentionRule>().FirstOrDefaultAsync(r => r.RecordType == type.Key, cancellationToken);
        using var process = db.BeginProcess(RuleProcess, actor, reason);
        if (rule is null)
        {
            rule = new RetentionRule { RecordType = type.Key, ChangedByName = actor.Name };
            db.Add(rule);
        }

        rule.Years = years;
        rule.Action = action;
        rule.ChangedAt = db.Time.GetUtcNow();
        rule.ChangedByName = actor.Name;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Every record due for deletion or review on <paramref name="asAt"/> (today when null), oldest due first; with
    /// <paramref name="recordType"/>, of that type only. The listing is audited (it names records about children).
    /// </summary>
    public async Task<IReadOnlyList<RetentionDueItem>> DueAsync(DateOnly? asAt, string? recordType, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (recordType is not null && RetentionRecordTypes.Find(recordType) is null && !string.Equals(recordType, RetentionRecordTypes.CensusUpload, StringComparison.OrdinalIgnoreCase))
        {
            throw new SafeguardValidationException("Type", $"There is no record type '{recordType}'; the types are {string.Join(", ", RetentionRecordTypes.All.Select(t => t.Key).Append(RetentionRecordTypes.CensusUpload))}");
        }

        var date = asAt ?? UkTime.Today(db.Time);
        var items = await ComputeAsync(date, cancellationToken);
        if (recordType is not null)
        {
            items = [.. items.Where(i => string.Equals(i.RecordType, recordType, StringComparison.OrdinalIgnoreCase))];
        }

        using (db.BeginProcess("Retention.Due", actor))
        {
            db.RecordAccess("RetentionSchedule", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), AuditAction.Searched,
                $"{{\"Type\":{System.Text.Json.JsonSerializer.Serialize(recordType)},\"Items\":{items.Count}}}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return items;
    }

    /// <summary>
    /// Applies the schedule as at today. A dry run (the default) changes nothing and says exactly what would be deleted;
    /// confirmed, it deletes those records and their dependants in one transaction, each deletion audited under
    /// <see cref="Process"/> with the rule as its reason, then purges expired census uploads.
    /// </summary>
    public async Task<RetentionApplyResult> ApplyAsync(bool confirm, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var items = await ComputeAsync(UkTime.Today(db.Time), cancellationToken);
        var deleting = items.Where(i => i.WillBeDeleted).ToList();
        var result = new RetentionApplyResult(!confirm, deleting, [.. items.Where(i => i.Action == RetentionAction.Delete && !i.WillBeDeleted)], [.. items.Where(i => i.Action == RetentionAction.Review)]);
        if (!confirm)
        {
            return result;
        }

        var contactIds = deleting.Where(i => i.RecordType == RetentionRecordTypes.NfaContact).Select(i => i.Id).ToList();
        if (contactIds.Count > 0)
        {
            var rule = deleting.First(i => i.RecordType == RetentionRecordTypes.NfaContact).Rule;
            var contacts = await db.Contacts.Include(c => c.Children).Include(c => c.InformationRequests).AsSplitQuery()
                .Where(c => contactIds.Contains(c.Id)).ToListAsync(cancellationToken);
            var shares = await db.InformationShares.Where(s => s.ContactId != null && contactIds.Contains(s.ContactId.Value)).ToListAsync(cancellationToken);
            using var process = db.BeginProcess(Process, actor, $"Retention rule {RetentionRecordTypes.NfaContact}: {rule}");
            db.RemoveRange(shares);
            db.RemoveRange(contacts.SelectMany(c => c.InformationRequests));
            db.RemoveRange(contacts.SelectMany(c => c.Children));
            db.RemoveRange(contacts);
            await db.SaveChangesAsync(cancellationToken);
        }

        var allegationIds = deleting.Where(i => i.RecordType == RetentionRecordTypes.LadoMaliciousAllegation).Select(i => i.Id).ToList();
        if (allegationIds.Count > 0)
        {
            var rule = deleting.First(i => i.RecordType == RetentionRecordTypes.LadoMaliciousAllegation).Rule;
            var allegations = await db.Set<Lado.LadoAllegation>().Include(a => a.Children).Where(a => allegationIds.Contains(a.Id)).ToListAsync(cancellationToken);
            using var process = db.BeginProcess(Process, actor, $"Retention rule {RetentionRecordTypes.LadoMaliciousAllegation}: {rule}");
            db.RemoveRange(allegations.SelectMany(a => a.Children));
            db.RemoveRange(allegations);
            await db.SaveChangesAsync(cancellationToken);
        }

        var escalationIds = deleting.Where(i => i.RecordType == RetentionRecordTypes.Escalation).Select(i => i.Id).ToList();
        if (escalationIds.Count > 0)
        {
            var rule = deleting.First(i => i.RecordType == RetentionRecordTypes.Escalation).Rule;
            var escalations = await db.Set<Escalations.Escalation>().Include(e => e.Stages).Include(e => e.Notes).AsSplitQuery()
                .Where(e => escalationIds.Contains(e.Id)).ToListAsync(cancellationToken);
            using var process = db.BeginProcess(Process, actor, $"Retention rule {RetentionRecordTypes.Escalation}: {rule}");
            db.RemoveRange(escalations.SelectMany(e => e.Notes));
            db.RemoveRange(escalations.SelectMany(e => e.Stages));
            db.RemoveRange(escalations);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (deleting.Any(i => i.RecordType == RetentionRecordTypes.CensusUpload))
        {
            await censusUploads.PurgeExpiredAsync(cancellationToken);
        }

        return result;
    }

    private async Task<List<RetentionDueItem>> ComputeAsync(DateOnly asAt, CancellationToken cancellationToken)
    {
        var rules = (await RulesAsync(cancellationToken)).ToDictionary(r => r.Type.Key);
        var items = new List<RetentionDueItem>();
        var holds = new Holds(db);

        // Contacts that led nowhere: due the given years after the decision's UK date.
        var nfa = rules[RetentionRecordTypes.NfaContact];
        var decidedBefore = UkTime.StartOfDay(asAt.AddYears(-nfa.Years).AddDays(1)).ToUniversalTime();
        var referred = db.NeedEpisodes.Where(e => e.FrontDoorContactId != null).Select(e => e.FrontDoorContactId!.Value);
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => (c.Decision == ContactDecision.NoFurtherAction || c.Decision == ContactDecision.InformationAndAdvice) && c.DecidedAt != null && c.DecidedAt < decidedBefore)
            .Where(c => !referred.Contains(c.Id))
            .Select(c => new { c.Id, DecidedAt = c.DecidedAt!.Value })
            .ToListAsync(cancellationToken);
        var contactChildren = await holds.ChildrenOfContactsAsync([.. contacts.Select(c => c.Id)], cancellationToken);
        foreach (var contact in contacts)
        {
            var held = await holds.OfAsync(contactChildren.GetValueOrDefault(contact.Id) ?? [], cancellationToken);
            items.Add(new(nfa.Type.Key, contact.Id, nfa.Describe(), UkTime.ToUkDate(contact.DecidedAt).AddYears(nfa.Years), nfa.Action, held));
        }

        // Children's records, by date of birth: the looked-after rule for a child known to have been looked after.
        var lookedAfter = await db.Set<ComplexSafeguarding.MissingEpisode>().AsNoTracking().Where(e => e.LookedAfter && e.PersonId != null).Select(e => e.PersonId!.Value)
            .Concat(db.SeriousIncidentNotifications.AsNoTracking().Where(n => n.ChildWasLookedAfter && n.ChildPersonId != null).Select(n => n.ChildPersonId!.Value))
            .Concat(db.Set<LookedAfter.CareEpisode>().AsNoTracking().Select(e => e.PersonId))
            .Distinct().ToListAsync(cancellationToken);
        foreach (var rule in new[] { rules[RetentionRecordTypes.ChildRecord], rules[RetentionRecordTypes.LookedAfterChildRecord] })
        {
            var bornBefore = asAt.AddYears(-rule.Years).AddDays(1);
            var isLookedAfterRule = rule.Type.Key == RetentionRecordTypes.LookedAfterChildRecord;
            var children = await db.People.AsNoTracking()
                .Where(p => p.Kind == PersonKind.Child && p.MergedIntoId == null && p.DateOfBirth != null && p.DateOfBirth < bornBefore)
                .Where(p => lookedAfter.Contains(p.Id) == isLookedAfterRule)
                .Select(p => new { p.Id, DateOfBirth = p.DateOfBirth!.Value })
                .ToListAsync(cancellationToken);
            foreach (var child in children)
            {
                items.Add(new(rule.Type.Key, child.Id, rule.Describe(), child.DateOfBirth.AddYears(rule.Years), rule.Action, await holds.OfAsync([child.Id], cancellationToken)));
            }
        }

        // Allegations about people who work with children: reviewed 10 years from the referral (the LADO checks the
        // worker's pension age, which Safeguard does not hold); one found malicious is deleted a year after its closure.
        var lado = rules[RetentionRecordTypes.LadoAllegation];
        var malicious = rules[RetentionRecordTypes.LadoMaliciousAllegation];
        var referredBefore = asAt.AddYears(-lado.Years).AddDays(1);
        var closedBefore = asAt.AddYears(-malicious.Years).AddDays(1);
        var allegations = await db.Set<Lado.LadoAllegation>().AsNoTracking()
            .Where(a => (a.Outcome != Lado.LadoOutcome.Malicious && a.ReferredOn < referredBefore) || (a.Outcome == Lado.LadoOutcome.Malicious && a.ClosedOn != null && a.ClosedOn < closedBefore))
            .Select(a => new { a.Id, a.ReferredOn, a.ClosedOn, a.Outcome })
            .ToListAsync(cancellationToken);
        foreach (var a in allegations)
        {
            items.Add(a.Outcome == Lado.LadoOutcome.Malicious
                ? new(malicious.Type.Key, a.Id, malicious.Describe(), a.ClosedOn!.Value.AddYears(malicious.Years), malicious.Action, [])
                : new(lado.Type.Key, a.Id, lado.Describe(), a.ReferredOn.AddYears(lado.Years), lado.Action, a.ClosedOn is null ? ["an open allegation"] : []));
        }

        // Professional disagreements between agencies: deleted the given years after their closure, unless the child's
        // record they are linked to is held (restricted, an open case, a case review).
        var escalation = rules[RetentionRecordTypes.Escalation];
        var escalationClosedBefore = asAt.AddYears(-escalation.Years).AddDays(1);
        var escalations = await db.Set<Escalations.Escalation>().AsNoTracking()
            .Where(e => e.ClosedOn != null && e.ClosedOn < escalationClosedBefore)
            .Select(e => new { e.Id, ClosedOn = e.ClosedOn!.Value, e.PersonId })
            .ToListAsync(cancellationToken);
        foreach (var e in escalations)
        {
            items.Add(new(escalation.Type.Key, e.Id, escalation.Describe(), e.ClosedOn.AddYears(escalation.Years), escalation.Action,
                e.PersonId is { } child ? await holds.OfAsync([child], cancellationToken) : []));
        }

        // Census uploads, on their own setting (Cin:UploadRetention).
        var endOfDay = UkTime.StartOfDay(asAt.AddDays(1)).ToUniversalTime();
        var uploads = await db.CinUploads.AsNoTracking().Where(u => u.ExpiresAt < endOfDay).Select(u => new { u.Id, u.ExpiresAt }).ToListAsync(cancellationToken);
        items.AddRange(uploads.Select(u => new RetentionDueItem(RetentionRecordTypes.CensusUpload, u.Id,
            $"{censusOptions.UploadRetention.TotalDays:0.##} days from the upload (Cin:UploadRetention), then delete", UkTime.ToUkDate(u.ExpiresAt), RetentionAction.Delete, [])));

        return [.. items.OrderBy(i => i.DueDate).ThenBy(i => i.RecordType, StringComparer.Ordinal).ThenBy(i => i.Id)];
    }

    /// <summary>What keeps a person's records from deletion: a restricted record, an open case, a case review about them.</summary>
    private sealed class Holds(SafeguardDbContext db)
    {
        private HashSet<Guid>? _restricted;
        private HashSet<Guid>? _open;
        private HashSet<Guid>? _reviewed;

        public async Task<Dictionary<Guid, List<Guid>>> ChildrenOfContactsAsync(List<Guid> contactIds, CancellationToken cancellationToken) =>
            (await db.Set<ContactChild>().AsNoTracking().Where(c => contactIds.Contains(c.ContactId) && c.PersonId != null)
                .Select(c => new { c.ContactId, PersonId = c.PersonId!.Value }).ToListAsync(cancellationToken))
            .GroupBy(c => c.ContactId).ToDictionary(g => g.Key, g => g.Select(c => c.PersonId).ToList());

        public async Task<IReadOnlyList<string>> OfAsync(IReadOnlyCollection<Guid> people, CancellationToken cancellationToken)
        {
            _restricted ??= [.. await db.People.AsNoTracking().Where(p => p.IsRestricted).Select(p => p.Id).ToListAsync(cancellationToken)];
            _open ??= [.. await db.NeedEpisodes.AsNoTracking().Where(e => e.ClosureDate == null).Select(e => e.PersonId).ToListAsync(cancellationToken)];
            _reviewed ??= [.. await db.SeriousIncidentNotifications.AsNoTracking().Where(n => n.ChildPersonId != null).Select(n => n.ChildPersonId!.Value).ToListAsync(cancellationToken)];
            var held = new List<string>();
            if (people.Any(_restricted.Contains))
            {
                held.Add("a restricted record");
            }

            if (people.Any(_open.Contains))
            {
                held.Add("an open case");
            }

            if (people.Any(_reviewed.Contains))
            {
                held.Add("a case review");
            }

            return held;
        }
    }
}
