using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.CaseReviews;

public class LearningThemeTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_theme_in_use_is_retired_never_removed_and_every_change_is_audited(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var bu = await f.ActorAsync("business.unit");
        var learning = f.Get<LearningService>();

        var duplicate = await Assert.ThrowsAsync<SafeguardValidationException>(() => learning.AddThemeAsync(" neglect ", bu, Token));
        Assert.Equal(("Name", "There is already a learning theme called 'Neglect'"), (duplicate.Problems.Single().Field, duplicate.Problems.Single().Message));
        var added = await learning.AddThemeAsync("  Online harm ", bu, Token);
        Assert.Equal("Online harm", added.Name);

        var sharing = await f.Db.LearningThemes.AsNoTracking().SingleAsync(t => t.Name == "Information sharing", Token);
        var inUse = await Assert.ThrowsAsync<SafeguardValidationException>(() => learning.RemoveThemeAsync(sharing.Id, sharing.Version, bu, Token));
        Assert.Equal(("Theme", "'Information sharing' is the theme of 2 findings, so it cannot be removed: retire it instead"), (inUse.Problems.Single().Field, inUse.Problems.Single().Message));
        Assert.True(await f.Db.LearningThemes.AnyAsync(t => t.Id == sharing.Id, Token));

        await learning.ChangeThemeAsync(sharing.Id, sharing.Version, "Information sharing between agencies", false, bu, Token);
        var retired = await f.Db.LearningThemes.AsNoTracking().SingleAsync(t => t.Id == sharing.Id, Token);
        Assert.Equal(("Information sharing between agencies", false), (retired.Name, retired.IsActive));
        Assert.Equal(2, (await f.Get<ReviewTracker>().ThemesAsync(Token)).Single(t => t.Theme == retired.Name).ReviewCount);
        var caseId = (await f.Db.SeriousIncidentNotifications.AsNoTracking().FirstAsync(n => n.ChildName == "Child G", Token)).Id;
        var notChosen = await Assert.ThrowsAsync<SafeguardValidationException>(() => learning.AddFindingAsync(caseId, "Records were not shared", sharing.Id, bu, Token));
        Assert.Equal("LearningThemeId", notChosen.Problems.Single().Field);

        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => learning.RemoveThemeAsync(added.Id, added.Version + 1, bu, Token));
        Assert.Contains("changed by someone else", stale.Message, StringComparison.Ordinal);
        f.Db.ChangeTracker.Clear();
        var fresh = await f.Db.LearningThemes.AsNoTracking().SingleAsync(t => t.Id == added.Id, Token);
        await learning.RemoveThemeAsync(added.Id, fresh.Version, bu, Token);
        Assert.False(await f.Db.LearningThemes.AnyAsync(t => t.Id == added.Id, Token));

        var trail = await f.Db.AuditEvents.AsNoTracking().Where(e => e.EntityId == added.Id.ToString() || e.EntityId == sharing.Id.ToString()).Select(e => new { e.Process, e.Action }).ToListAsync(Token);
        Assert.Contains(trail, e => e.Process == "CaseReviews.AddLearningTheme" && e.Action == AuditAction.Created);
        Assert.Contains(trail, e => e.Process == "CaseReviews.ChangeLearningTheme" && e.Action == AuditAction.Updated);
        Assert.Contains(trail, e => e.Process == "CaseReviews.RemoveLearningTheme" && e.Action == AuditAction.Deleted);
    }
}
