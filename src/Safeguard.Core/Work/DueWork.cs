using Safeguard.Timescales;

namespace Safeguard.Work;

/// <summary>
/// A piece of work governed by a statutory or local timescale that is not yet done: a front door decision,
/// an assessment, an initial or review conference. Each area contributes its own through
/// <see cref="IDueWorkSource"/>; "my work" and the team manager's view list them together.
/// </summary>
/// <param name="PersonId">The child the work is about, when it is about one child.</param>
/// <param name="ChildName">The child's display name (or a description when it covers several children).</param>
/// <param name="What">What is due, in a few words ("Assessment", "Initial child protection conference").</param>
/// <param name="TeamId">The team responsible, when allocated.</param>
/// <param name="WorkerId">The worker responsible, when allocated.</param>
/// <param name="Assessment">The deadline and where it stands today.</param>
/// <param name="Link">The page where the work is done.</param>
public sealed record DueItem(
    Guid? PersonId,
    string ChildName,
    string What,
    Guid? TeamId,
    Guid? WorkerId,
    DeadlineAssessment Assessment,
    string Link);

/// <summary>Which due work to list: for one worker, for one team, or (both null) everything.</summary>
public sealed record DueWorkQuery(Guid? WorkerId = null, Guid? TeamId = null);

/// <summary>One area's open, timescale-governed work. Register an implementation per area.</summary>
public interface IDueWorkSource
{
    Task<IReadOnlyList<DueItem>> DueAsync(DueWorkQuery query, CancellationToken cancellationToken);
}
