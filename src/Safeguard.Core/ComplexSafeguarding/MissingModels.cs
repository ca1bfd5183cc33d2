using Safeguard.People;
using Safeguard.Timescales;
using Safeguard.Work;

namespace Safeguard.ComplexSafeguarding;

/// <summary>An episode as entered by the front door or a social worker (or changed): every field is checked.</summary>
public sealed record MissingEpisodeDetails
{
    public MissingKind? Kind { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public MissingFrom? From { get; init; }

    public string? WhereFound { get; init; }

    public MissingRisk? RiskAtReport { get; init; }

    public bool? LookedAfter { get; init; }

    public string? Circumstances { get; init; }

    public string? PoliceReference { get; init; }

    /// <summary>The agency that reported it (front door and social workers); a partner always reports for their own.</summary>
    public Guid? ReportedByAgencyId { get; init; }

    public string? ReportedByName { get; init; }
}

/// <summary>
/// A partner's (the police's) report of a missing child: the episode and the child, by id (a child on an earlier
/// report of the agency) or by details matched like a contact's child.
/// </summary>
public sealed record MissingReport(MissingEpisodeDetails Episode, Guid? PersonId, NewPerson? Child);

/// <summary>A return home interview as entered.</summary>
public sealed record ReturnInterviewDetails
{
    public DateTimeOffset? OfferedAt { get; init; }

    public string? Interviewer { get; init; }

    public string? Organisation { get; init; }

    public bool? Independent { get; init; }

    public ReturnInterviewOutcome? Outcome { get; init; }

    public DateTimeOffset? HeldAt { get; init; }

    public string? Reason { get; init; }

    public string? PushFactors { get; init; }

    public string? PullFactors { get; init; }

    public string? WhereTheyWere { get; init; }

    public string? WithWhom { get; init; }

    public string? Notes { get; init; }
}

/// <summary>An episode as a page shows it: the child's name (or a restricted record's placeholder), the reporter and the clock.</summary>
/// <param name="Episode">The episode, with its interview when there is one.</param>
/// <param name="ChildName">The child's name as the reader may see it.</param>
/// <param name="AgencyName">The agency that reported it.</param>
/// <param name="Clock">For an ended episode, the 72-hour return home interview clock (stopped when it was offered); null while missing.</param>
/// <param name="RepeatCount">Episodes of the child that started in the 90 days up to this one's start, this one included.</param>
public sealed record EpisodeView(MissingEpisode Episode, string ChildName, string AgencyName, DeadlineAssessment? Clock, int RepeatCount)
{
    public bool IsRepeat => RepeatCount >= RepeatMissing.Threshold;
}

/// <summary>A child's episodes and whether they are missing repeatedly now.</summary>
/// <param name="Episodes">Newest first.</param>
/// <param name="InLast90Days">Episodes that started in the 90 days up to and including today.</param>
public sealed record ChildMissingView(IReadOnlyList<EpisodeView> Episodes, int InLast90Days)
{
    public bool IsRepeatMissing => InLast90Days >= RepeatMissing.Threshold;

    public bool IsMissingNow => Episodes.Any(e => !e.Episode.HasEnded);
}

/// <summary>What the missing overview shows: children missing now, interviews to offer, reports to identify.</summary>
/// <param name="MissingNow">Every episode not yet ended, longest missing first.</param>
/// <param name="InterviewsDue">A page of the ended episodes of identified children with no interview recorded, oldest return first.</param>
/// <param name="InterviewsOverdue">How many of all those (not just the page) are past their 72-hour deadline.</param>
/// <param name="ToIdentify">Every report whose child is not yet identified, oldest first.</param>
/// <param name="RecentlyEnded">A page of the episodes ended in the last 30 days, newest return first.</param>
public sealed record MissingOverview(
    IReadOnlyList<EpisodeView> MissingNow, ListPage<EpisodeView> InterviewsDue, int InterviewsOverdue, IReadOnlyList<EpisodeView> ToIdentify, ListPage<EpisodeView> RecentlyEnded);

/// <summary>Which page of each of the overview's long lists to show, and how many rows a page has.</summary>
public sealed record MissingOverviewPages(int InterviewsPage = 1, int RecentPage = 1, int PageSize = MissingOverviewPages.DefaultPageSize)
{
    public const int DefaultPageSize = 25;

    /// <summary>Every row on one page, for the command line's daily list.</summary>
    public static MissingOverviewPages Everything { get; } = new(1, 1, 1_000_000);
}

/// <summary>The missing overview as worked out from the records, every row of every list, kept while they are unchanged (ADR 0032).</summary>
/// <param name="MissingNow">Every episode not yet ended, longest missing first.</param>
/// <param name="InterviewsDue">Every ended episode of an identified child with no interview recorded, oldest return first.</param>
/// <param name="InterviewsOverdue">How many of those are past their 72-hour deadline.</param>
/// <param name="ToIdentify">Every report whose child is not yet identified, oldest first.</param>
/// <param name="RecentlyEnded">Every episode ended in the last 30 days, newest return first.</param>
/// <param name="Restricted">Its children whose records are restricted: each reader who may not see one sees <see cref="MissingEpisodeService.RestrictedName"/>.</param>
public sealed record KeptMissingOverview(
    IReadOnlyList<EpisodeView> MissingNow, IReadOnlyList<EpisodeView> InterviewsDue, int InterviewsOverdue, IReadOnlyList<EpisodeView> ToIdentify,
    IReadOnlyList<EpisodeView> RecentlyEnded, IReadOnlyList<Guid> Restricted);

/// <summary>An episode as the reporting agency sees it: what it sent, never the child's record.</summary>
public sealed record AgencyEpisodeView(
    Guid EpisodeId, int Version, string ChildName, bool Identified, MissingKind Kind, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, MissingFrom From,
    string? WhereFound, MissingRisk? RiskAtReport, bool LookedAfter, string? PoliceReference, string ReportedByName, DateTimeOffset RecordedAt,
    bool InterviewOffered);

/// <summary>Repeat missing: a child who has gone missing 3 or more times in 90 days.</summary>
public static class RepeatMissing
{
    public const int Threshold = 3;
    public const int Days = 90;

    /// <summary>How many of <paramref name="startDates"/> (UK dates) fall in the 90 days ending on <paramref name="on"/> (the day itself included).</summary>
    public static int InWindow(IEnumerable<DateOnly> startDates, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(startDates);
        var from = on.AddDays(-(Days - 1));
        return startDates.Count(d => d >= from && d <= on);
    }
}

/// <summary>The words pages and exports use for the area's codes.</summary>
public static class MissingText
{
    public static string Describe(MissingKind kind) => kind switch
    {
        MissingKind.Missing => "Missing",
        MissingKind.AwayWithoutAuthorisation => "Away from placement without authorisation",
        _ => kind.ToString(),
    };

    public static string Describe(MissingFrom from) => from switch
    {
        MissingFrom.Home => "Home",
        MissingFrom.CarePlacement => "Care placement",
        MissingFrom.School => "School",
        MissingFrom.Other => "Somewhere else",
        _ => from.ToString(),
    };

    public static string Describe(MissingRisk risk) => risk switch
    {
        MissingRisk.Low => "Low",
        MissingRisk.Medium => "Medium",
        MissingRisk.High => "High",
        _ => risk.ToString(),
    };

    public static string Describe(ReturnInterviewOutcome outcome) => outcome switch
    {
        ReturnInterviewOutcome.Offered => "Offered, not yet held",
        ReturnInterviewOutcome.Accepted => "Accepted and held",
        ReturnInterviewOutcome.Declined => "Declined",
        ReturnInterviewOutcome.NotPossible => "Not possible",
        _ => outcome.ToString(),
    };
}
