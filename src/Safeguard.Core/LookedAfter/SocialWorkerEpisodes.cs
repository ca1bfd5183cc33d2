using System.Text.RegularExpressions;
using Safeguard.Calendar;
using Safeguard.Journey;

namespace Safeguard.LookedAfter;

/// <summary>
/// The social worker episodes of the SSDA903 return (SWEpisodes: SW_ID, SW_DECOM, SW_DEC, SW_REASON) as Safeguard
/// holds them: a period a named social worker held the child's case is a run of the child's casework allocations to
/// that worker, one following the other (a change of team with the same worker is the same episode); SW_ID is the
/// worker's Social Work England registration number, on their staff record; SW_REASON is why that worker was given the
/// case, recorded on the allocation that gave it to them. docs/adr/0087.
/// </summary>
public static partial class SocialWorkerEpisodes
{
    /// <summary>The longest Social Work England registration number kept ("SW" and up to eight digits).</summary>
    public const int MaxNumberLength = 10;

    /// <summary>The reason recorded for the first worker of an episode of need when none is given: a first contact or re-referral.</summary>
    public const string FirstContact = "FCONTA";

    /// <summary>
    /// DfE's reasons for a new social worker (SW_REASON, the 2024 schema's list), with the words DfE's statistics use for
    /// them where published (Stability measures for children looked after: ABSENC, CHCHAN, FCONTA, MANAGE, TSPROC); the
    /// others are read from their codes. In the order the allocation page lists them.
    /// </summary>
    public static IReadOnlyList<(string Code, string Label)> Reasons { get; } =
    [
        ("FCONTA", "First contact or re-referral"),
        ("MANAGE", "Managing caseloads"),
        ("TSPROC", "Child transferred to another team as part of the standard process"),
        ("LEFTRL", "Previous social worker left the role"),
        ("ABSENC", "Absence cover, or return from absence"),
        ("ORGRST", "Organisational restructure"),
        ("CHCHAN", "Child requested a change from the previous social worker"),
        ("PCCHAN", "Parent or carer requested a change of social worker"),
        ("SWDIED", "Previous social worker died"),
        ("OTHERS", "Other reason"),
    ];

    /// <summary>Whether <paramref name="code"/> is one of DfE's reasons for a new social worker.</summary>
    public static bool IsReason(string? code) => code is not null && Reasons.Any(r => r.Code == code);

    /// <summary>The words for a reason code, or the code itself.</summary>
    public static string Label(string? code)
    {
        foreach (var (reason, label) in Reasons)
        {
            if (reason == code)
            {
                return label;
            }
        }

        return code ?? "";
    }

    /// <summary>
    /// A Social Work England registration number as kept: upper case, spaces removed; null when blank. The register's numbers
    /// are "SW" and digits (SSDA903 rule SW02 asks that SW_ID begin with SW).
    /// </summary>
    /// <returns>The number, or null when blank; <paramref name="problem"/> says what is wrong with a number that is not one.</returns>
    public static string? Normalise(string? value, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var number = value.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        if (!NumberPattern().IsMatch(number))
        {
            problem = "Enter the Social Work England registration number as SW followed by its digits, like SW123456";
            return null;
        }

        return number;
    }

    [GeneratedRegex("^SW[0-9]{1,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    /// <summary>
    /// The child's social worker episodes from their allocations (any order, any of the child's episodes of need): each run
    /// of allocations to one worker, the next starting when the last ended, from the first's start to the last's end (null
    /// while open), with the reason recorded on the first. Allocations to a team with no worker are not episodes.
    /// </summary>
    public static List<SocialWorkerEpisode> Runs(IEnumerable<CaseAllocation> allocations)
    {
        ArgumentNullException.ThrowIfNull(allocations);
        var runs = new List<SocialWorkerEpisode>();
        foreach (var a in allocations.Where(a => a.WorkerId is not null).OrderBy(a => a.From))
        {
            if (runs.Count > 0 && runs[^1] is { } last && last.WorkerId == a.WorkerId && last.To == a.From)
            {
                last.Allocations.Add(a);
                last.To = a.To;
                continue;
            }

            var run = new SocialWorkerEpisode(a.WorkerId!.Value, a.From) { To = a.To, Reason = a.SocialWorkerReason };
            run.Allocations.Add(a);
            runs.Add(run);
        }

        return runs;
    }
}

/// <summary>A period one worker held the child's case: the allocations it is made of, from, to (null while open) and the reason the worker was given it.</summary>
public sealed class SocialWorkerEpisode(Guid workerId, DateTimeOffset from)
{
    public Guid WorkerId { get; } = workerId;

    public DateTimeOffset From { get; } = from;

    public DateTimeOffset? To { get; set; }

    public string? Reason { get; set; }

    public List<CaseAllocation> Allocations { get; } = [];

    /// <summary>The UK day the worker was given the case (SW_DECOM).</summary>
    public DateOnly StartDay => UkTime.ToUkDate(From);

    /// <summary>The UK day the worker's episode ended (SW_DEC), null while open.</summary>
    public DateOnly? EndDay => To is { } to ? UkTime.ToUkDate(to) : null;
}
