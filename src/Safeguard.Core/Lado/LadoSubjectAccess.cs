using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Identity;
using Safeguard.InformationGovernance;
using Safeguard.Persistence;

namespace Safeguard.Lado;

/// <summary>An allegation whose worker's name matches a subject access request, for the LADO to tick the ones about the requester.</summary>
public sealed record LadoWorkerMatch(Guid Id, string WorkerName, string WorkerRole, string? Employer, DateOnly ReferredOn, LadoDecision? Decision, LadoOutcome? Outcome, DateOnly? ClosedOn);

/// <summary>
/// A subject access request (UK GDPR article 15) from a worker an allegation was about: the worker is an adult who
/// is not in the person index, so the LADO finds the allegations by the worker's name, ticks those about the requester
/// (a namesake is someone else) and downloads every field of those allegations and every audit event about them, as
/// JSON and a workbook in a ZIP. The children concerned and the referrer are third parties: the children are counted,
/// never named; the referrer's name is marked for review before release. The LADO role only (<c>lado.view</c>); the
/// export needs a reason and is audited against each allegation (ADR 0059).
/// </summary>
public sealed class LadoSubjectAccess(SafeguardDbContext db)
{
    public const string Process = "Lado.SubjectAccess";

    /// <summary>The allegations whose worker is named <paramref name="workerName"/> (case and spacing ignored); the search is audited.</summary>
    public async Task<IReadOnlyList<LadoWorkerMatch>> FindAsync(string? workerName, Actor actor, CancellationToken cancellationToken = default)
    {
        await LadoAccess.DemandAsync(db, actor, Permissions.ViewLado, cancellationToken);
        var name = Normalise(workerName);
        if (name.Length == 0)
        {
            throw new SafeguardValidationException("WorkerName", "Enter the worker's full name");
        }

        var matches = await MatchesAsync(name, cancellationToken);
        using (db.BeginProcess("Lado.SubjectAccessSearch", actor))
        {
            db.RecordAccess(LadoService.EntityType, "worker", AuditAction.Searched, JsonSerializer.Serialize(new { Matches = matches.Count }));
            await db.SaveChangesAsync(cancellationToken);
        }

        return matches;
    }

    /// <summary>The export of the ticked allegations about the worker; each must be one whose worker has that name.</summary>
    public async Task<SubjectAccessFile> ExportAsync(string? workerName, IReadOnlyCollection<Guid> allegationIds, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(allegationIds);
        ArgumentNullException.ThrowIfNull(actor);
        await LadoAccess.DemandAsync(db, actor, Permissions.ViewLado, cancellationToken);
        var problems = new List<ValidationProblem>();
        var name = Normalise(workerName);
        if (name.Length == 0)
        {
            problems.Add(new("WorkerName", "Enter the worker's full name"));
        }

        var matches = name.Length == 0 ? [] : await MatchesAsync(name, cancellationToken);
        if (name.Length > 0 && (allegationIds.Count == 0 || allegationIds.Any(id => matches.All(m => m.Id != id))))
        {
            problems.Add(new("AllegationIds", "Select the allegations about this worker"));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            problems.Add(new("Reason", "Enter why the export is being made (for example the request's reference)"));
        }
        else if (reason.Trim().Length > AuditEvent.MaxReasonLength)
        {
            problems.Add(new("Reason", $"The reason must be {AuditEvent.MaxReasonLength} characters or fewer"));
        }

        RecordKeeping.ThrowIfAny(problems);
        var ids = allegationIds.Distinct().ToList();
        var allegations = await db.Set<LadoAllegation>().AsNoTracking().Include(a => a.Children)
            .Where(a => ids.Contains(a.Id)).OrderBy(a => a.ReferredOn).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var agencyIds = allegations.SelectMany(a => new[] { a.EmployerAgencyId, a.ReferrerAgencyId }).OfType<Guid>().Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var properties = db.Model.FindEntityType(typeof(LadoAllegation))!.GetProperties().Where(p => p.PropertyInfo is not null).ToList();
        var records = allegations.Select(a =>
        {
            var fields = properties.ToDictionary(p => p.Name, p => p.PropertyInfo!.GetValue(a) is { } v && v.GetType().IsEnum ? v.ToString() : p.PropertyInfo!.GetValue(a));
            fields["EmployerAgency"] = a.EmployerAgencyId is { } e ? agencies.GetValueOrDefault(e) : null;
            fields["ReferrerAgency"] = a.ReferrerAgencyId is { } r ? agencies.GetValueOrDefault(r) : null;
            fields["ChildrenConcerned"] = a.Children.Count;
            return new SubjectRecord(LadoService.EntityType, a.Id.ToString(), fields,
                [$"The referrer: {a.ReferrerName}", $"{a.Children.Count} {(a.Children.Count == 1 ? "child" : "children")} concerned (counted, not named)"]);
        }).ToList();
        var keys = ids.Select(i => i.ToString()).ToList();
        var events = (await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == LadoService.EntityType && keys.Contains(e.EntityId)).ToListAsync(cancellationToken))
            .OrderBy(e => e.Sequence)
            .Select(e => new SubjectAuditEvent(e.Sequence, e.OccurredAt, e.Kind.ToString(), e.Action.ToString(), e.Process, e.ActorName, e.ActorUserId, e.Reason, e.EntityType, e.EntityId, e.Before, e.After))
            .ToList();
        var producedAt = db.Time.GetUtcNow();
        var subject = allegations[0].WorkerName;
        var content = new LadoSubjectAccessContent(subject, producedAt, actor.Name, reason!.Trim(), records, events,
            "The allegations name the referrer and count the children concerned: both are third parties, so review the referrer's name and the allegation's words before release. " +
            "Audit events name the staff who read or changed each allegation. Nothing has been redacted.");
        var fileName = $"lado-subject-access-{UkTime.Today(db.Time):yyyy-MM-dd}.zip";

        var package = await SubjectAccessExport.PackageAsync("lado-subject-access", content, Sheets(content), cancellationToken);

        using (db.BeginProcess(Process, actor, reason))
        {
            foreach (var a in allegations)
            {
                db.RecordAccess(LadoService.EntityType, a.Id.ToString(), AuditAction.Exported, JsonSerializer.Serialize(new { File = fileName, Allegations = records.Count, AuditEvents = events.Count }));
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return new SubjectAccessFile(fileName, package, records.Count, events.Count);
    }

    private async Task<List<LadoWorkerMatch>> MatchesAsync(string name, CancellationToken cancellationToken)
    {
        // Allegations number hundreds a year: read the names and compare them here, case and spacing ignored.
        var all = await db.Set<LadoAllegation>().AsNoTracking()
            .Select(a => new { a.Id, a.WorkerName, a.WorkerRole, a.EmployerName, Employer = a.EmployerAgencyId == null ? null : db.Agencies.Where(g => g.Id == a.EmployerAgencyId).Select(g => g.Name).FirstOrDefault(), a.ReferredOn, a.Decision, a.Outcome, a.ClosedOn })
            .ToListAsync(cancellationToken);
        return [.. all.Where(a => Normalise(a.WorkerName) == name)
            .OrderBy(a => a.ReferredOn).ThenBy(a => a.Id)
            .Select(a => new LadoWorkerMatch(a.Id, a.WorkerName, a.WorkerRole, a.Employer ?? a.EmployerName, a.ReferredOn, a.Decision, a.Outcome, a.ClosedOn))];
    }

    private static string Normalise(string? name) =>
        string.Join(' ', (name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToUpperInvariant();

    private static List<SpreadsheetSheet> Sheets(LadoSubjectAccessContent content)
    {
        var fields = content.Allegations.SelectMany(r => r.Fields.Keys).Distinct().Where(f => f != "Id").Order(StringComparer.Ordinal).ToList();
        return
        [
            new("Read me", ["Item", "Value"],
            [
                ["Worker", content.Worker],
                ["Produced", Format(content.ProducedAt)],
                ["Produced by", content.ProducedBy],
                ["Reason", content.Reason],
                ["Allegations", content.Allegations.Count.ToString(CultureInfo.InvariantCulture)],
                ["Audit events (reads and changes)", content.AuditEvents.Count.ToString(CultureInfo.InvariantCulture)],
                ["Before release", content.Notice],
            ]),
            new("Allegations", ["Id", "Names other people", .. fields],
                content.Allegations.Select(r => (IReadOnlyList<object?>)[r.Id, string.Join("; ", r.NamesOtherPeople), .. fields.Select(f => Convert.ToString(r.Fields.GetValueOrDefault(f), CultureInfo.InvariantCulture))])),
            new("Audit trail", ["Event", "When (UK time)", "Kind", "Action", "Process", "Who", "Reason", "Record type", "Record id", "Before", "After"],
                content.AuditEvents.Select(e => (IReadOnlyList<object?>)
                    [e.Sequence.ToString(CultureInfo.InvariantCulture), Format(e.OccurredAt), e.Kind, e.Action, e.Process, e.Actor, e.Reason, e.EntityType, e.EntityId, e.Before, e.After])),
        ];
    }

    private static string Format(DateTimeOffset instant) =>
        UkTime.ToUkLocal(instant).ToString("d MMMM yyyy HH:mm:ss", CultureInfo.GetCultureInfo("en-GB"));
}

public sealed record LadoSubjectAccessContent(string Worker, DateTimeOffset ProducedAt, string ProducedBy, string Reason, IReadOnlyList<SubjectRecord> Allegations, IReadOnlyList<SubjectAuditEvent> AuditEvents, string Notice);
