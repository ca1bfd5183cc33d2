using Safeguard.CaseReviews;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.CaseReviews;

/// <summary>Closing the loop: outstanding and overdue actions by agency and by review.</summary>
[RequirePermission("reviews.view")]
public sealed class ActionsModel(ReviewTracker tracker) : CaseReviewPageModel
{
    public IReadOnlyList<OutstandingAction> Actions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Actions = await tracker.OutstandingActionsAsync(cancellationToken);
}
