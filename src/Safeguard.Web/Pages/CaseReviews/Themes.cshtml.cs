using Safeguard.CaseReviews;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.CaseReviews;

/// <summary>Which learning themes recur across reviews and years, with the reviews behind each.</summary>
[RequirePermission("reviews.view")]
public sealed class ThemesModel(ReviewTracker tracker) : CaseReviewPageModel
{
    public IReadOnlyList<ThemeRecurrence> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Themes = await tracker.ThemesAsync(cancellationToken);
}
