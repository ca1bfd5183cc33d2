using Safeguard.CaseReviews;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.CaseReviews;

/// <summary>The tracker: every open review, its next step, due date and RAG status; overdue items first and counted at the top.</summary>
[RequirePermission("reviews.view")]
public sealed class IndexModel(ReviewTracker tracker) : CaseReviewPageModel
{
    public IReadOnlyList<TrackerItem> Items { get; private set; } = [];

    public int OverdueCount => Items.Count(i => i.NextStep.Assessment.Status == Timescales.DeadlineStatus.Overdue);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await tracker.OpenItemsAsync(cancellationToken);
}
