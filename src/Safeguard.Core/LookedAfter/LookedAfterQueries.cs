using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.People;

namespace Safeguard.LookedAfter;

/// <summary>Reading a child's looked-after record; every read is audited.</summary>
public sealed partial class LookedAfterService
{
    /// <summary>
    /// The child's looked-after record: episodes, the current period's reviews with their timeliness, health checks and
    /// what is due next; null when there is no such child the actor may see. The view is in the access audit.
    /// </summary>
    public async Task<ChildLookedAfterView?> ForChildAsync(Guid personId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var child = await people.Visible(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId && p.Kind == PersonKind.Child, cancellationToken);
        if (child is null)
        {
            return null;
        }

        var episodes = await EpisodesAsync(personId, tracked: false, cancellationToken);
        var reviews = await db.Set<LookedAfterReview>().AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.HeldOn).ToListAsync(cancellationToken);
        var checks = await db.Set<HealthCheck>().AsNoTracking().Where(h => h.PersonId == personId).OrderByDescending(h => h.DoneOn).ToListAsync(cancellationToken);
        using (db.BeginProcess("LookedAfter.ViewChild", actor))
        {
            db.RecordAccess(PersonIndex.EntityType, personId.ToString(), AuditAction.Viewed, "looked-after record");
            await db.SaveChangesAsync(cancellationToken);
        }

        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var period = LookedAfterSchedule.Period(episodes);
        var reviewViews = new List<ReviewView>();
        if (period.Count > 0)
        {
            var start = period[0].StartedOn;
            var held = reviews.Where(r => r.HeldOn >= start).ToList();
            for (var i = 0; i < held.Count; i++)
            {
                var deadline = LookedAfterSchedule.ReviewDeadline(start, [.. held.Take(i).Select(r => r.HeldOn)], deadlines);
                reviewViews.Add(new ReviewView(held[i], i + 1, deadlines.Assess(deadline, held[i].HeldOn)));
            }
        }

        var current = episodes.FirstOrDefault(e => e.IsCurrent);
        NextDue? nextReview = null, nextHealth = null, nextDental = null;
        if (current is not null)
        {
            var start = period[0].StartedOn;
            nextReview = LookedAfterSchedule.NextReview(start, reviews.Select(r => r.HeldOn), deadlines);
            nextHealth = LookedAfterSchedule.NextHealthAssessment(start, child.DateOfBirth, checks.Where(h => h.Kind == HealthCheckKind.HealthAssessment).Select(h => h.DoneOn), deadlines);
            nextDental = LookedAfterSchedule.NextDentalCheck(start, checks.Where(h => h.Kind == HealthCheckKind.DentalCheck).Select(h => h.DoneOn), deadlines);
        }

        reviewViews.Reverse();
        return new ChildLookedAfterView(
            child.Id, child.DisplayName, child.DateOfBirth, [.. episodes.AsEnumerable().Reverse()], reviewViews, checks, nextReview, nextHealth, nextDental,
            LookedAfterSchedule.PlacementsInLast12Months(episodes, deadlines.Today()));
    }

    /// <summary>One review of a child the actor may see (for its change page), audited; null otherwise.</summary>
    public async Task<LookedAfterReview?> GetReviewAsync(Guid reviewId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var review = await db.Set<LookedAfterReview>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null || !await people.Visible(actor).AnyAsync(p => p.Id == review.PersonId, cancellationToken))
        {
            return null;
        }

        using (db.BeginProcess("LookedAfter.ViewReview", actor))
        {
            db.RecordAccess(ReviewEntityType, reviewId.ToString(), AuditAction.Viewed);
            await db.SaveChangesAsync(cancellationToken);
        }

        return review;
    }
}
