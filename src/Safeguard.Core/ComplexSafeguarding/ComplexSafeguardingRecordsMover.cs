using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Common;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.ComplexSafeguarding;

/// <summary>
/// When two person records are merged, moves the duplicate's complex safeguarding records to the record kept: missing
/// episodes (their return home interviews hang off them), exploitation screenings, assessments, safety plans (their
/// actions hang off them), NRM referrals, panel cases and actions, and contextual links from the person or to them as
/// an associated person. A link between the two records would link the child to themselves and is dropped. A moved
/// link that would repeat an open link (the same relationship to the same place, person or group, which
/// <see cref="ContextualService"/> refuses to record twice) is dropped, its source and notes added to the one kept.
/// The two records' cases at the same panel meeting become one. Every change is saved, and audited, with the merge.
/// </summary>
internal sealed class ComplexSafeguardingRecordsMover(SafeguardDbContext db) : IPersonRecordsMover
{
    public async Task MoveAsync(Guid mergedId, Guid survivorId, CancellationToken cancellationToken)
    {
        foreach (var episode in await db.Set<MissingEpisode>().Where(e => e.PersonId == mergedId).ToListAsync(cancellationToken))
        {
            episode.PersonId = survivorId;
        }

        foreach (var screening in await db.Set<ExploitationScreening>().Where(s => s.PersonId == mergedId).ToListAsync(cancellationToken))
        {
            screening.PersonId = survivorId;
        }

        foreach (var assessment in await db.Set<ExploitationAssessment>().Where(a => a.PersonId == mergedId).ToListAsync(cancellationToken))
        {
            assessment.PersonId = survivorId;
        }

        foreach (var plan in await db.Set<SafetyPlan>().Where(p => p.PersonId == mergedId).ToListAsync(cancellationToken))
        {
            plan.PersonId = survivorId;
        }

        foreach (var referral in await db.Set<NrmReferral>().Where(r => r.PersonId == mergedId).ToListAsync(cancellationToken))
        {
            referral.PersonId = survivorId;
        }

        await MovePanelCasesAsync(mergedId, survivorId, cancellationToken);
        await MoveLinksAsync(mergedId, survivorId, cancellationToken);
    }

    private async Task MovePanelCasesAsync(Guid mergedId, Guid survivorId, CancellationToken cancellationToken)
    {
        var cases = await db.Set<PanelCase>().Where(c => c.PersonId == mergedId || c.PersonId == survivorId).ToListAsync(cancellationToken);
        var actions = await db.Set<PanelAction>().Where(a => a.PersonId == mergedId).ToListAsync(cancellationToken);
        foreach (var moved in cases.Where(c => c.PersonId == mergedId))
        {
            // One case per child per meeting: the duplicate's case at a meeting that also discussed the kept record joins that case.
            var kept = cases.FirstOrDefault(c => c.PersonId == survivorId && c.MeetingId == moved.MeetingId);
            if (kept is null)
            {
                moved.PersonId = survivorId;
                continue;
            }

            kept.Criteria = string.Join(',', Split(kept.Criteria, ',').Union(Split(moved.Criteria, ','), StringComparer.Ordinal));
            kept.Reasons = RecordKeeping.Fit(string.Join('\n', Split(kept.Reasons, '\n').Union(Split(moved.Reasons, '\n'), StringComparer.Ordinal)), PanelCase.MaxReasonsLength);
            if (moved.Decision is { } decision && decision != kept.Decision)
            {
                if (kept.Decision is null)
                {
                    (kept.Decision, kept.DecidedAt, kept.DecidedByName) = (decision, moved.DecidedAt, moved.DecidedByName);
                }
                else
                {
                    kept.Decision = RecordKeeping.Fit($"{kept.Decision}\n\nDecided for the merged duplicate record: {decision}", PanelCase.MaxDecisionLength);
                }
            }

            foreach (var action in actions.Where(a => a.CaseId == moved.Id))
            {
                action.CaseId = kept.Id;
            }

            db.Remove(moved);
        }

        foreach (var action in actions)
        {
            action.PersonId = survivorId;
        }
    }

    private async Task MoveLinksAsync(Guid mergedId, Guid survivorId, CancellationToken cancellationToken)
    {
        var links = await db.Set<ContextualLink>()
            .Where(l => l.PersonId == mergedId || l.RelatedPersonId == mergedId || l.PersonId == survivorId || l.RelatedPersonId == survivorId)
            .ToListAsync(cancellationToken);
        var moved = new List<ContextualLink>();
        foreach (var link in links.Where(l => l.PersonId == mergedId || l.RelatedPersonId == mergedId))
        {
            if ((link.PersonId == mergedId && link.RelatedPersonId == survivorId) || (link.PersonId == survivorId && link.RelatedPersonId == mergedId))
            {
                // Between the two records: after the merge it would link the child to themselves.
                db.Remove(link);
                continue;
            }

            if (link.PersonId == mergedId)
            {
                link.PersonId = survivorId;
            }

            if (link.RelatedPersonId == mergedId)
            {
                link.RelatedPersonId = survivorId;
            }

            moved.Add(link);
        }

        var stayed = links.Where(l => !moved.Contains(l) && db.Entry(l).State != EntityState.Deleted).ToList();
        var kept = new List<ContextualLink>(stayed);
        foreach (var link in moved)
        {
            if (kept.FirstOrDefault(k => SaysTheSame(k, link)) is { } same)
            {
                same.Notes = Combine(same, link);
                db.Remove(link);
            }
            else
            {
                kept.Add(link);
            }
        }
    }

    /// <summary>The rule <see cref="ContextualService"/> refuses a second link by: both open, the same relationship to the same place, group or person (a link between two people either way round).</summary>
    private static bool SaysTheSame(ContextualLink a, ContextualLink b) =>
        a.To is null && b.To is null && a.Relationship == b.Relationship && a.LocationId == b.LocationId && a.GroupId == b.GroupId
        && ((a.PersonId == b.PersonId && a.RelatedPersonId == b.RelatedPersonId)
            || (a.RelatedPersonId is not null && a.PersonId == b.RelatedPersonId && a.RelatedPersonId == b.PersonId));

    /// <summary>The kept link's notes, with the dropped link's source, start and notes where they say something else.</summary>
    private static string? Combine(ContextualLink kept, ContextualLink dropped)
    {
        if (dropped.Source == kept.Source && dropped.From == kept.From && (dropped.Notes is null || dropped.Notes == kept.Notes))
        {
            return kept.Notes;
        }

        var from = dropped.From is { } start && start != kept.From ? $", from {start.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}" : "";
        var also = $"Also recorded on the merged duplicate record (source: {dropped.Source}{from}){(dropped.Notes is null ? "" : $": {dropped.Notes}")}";
        return RecordKeeping.Fit(kept.Notes is null ? also : $"{kept.Notes}\n\n{also}", ContextualLink.MaxTextLength);
    }

    private static string[] Split(string text, char separator) => text.Split(separator, StringSplitOptions.RemoveEmptyEntries);
}
