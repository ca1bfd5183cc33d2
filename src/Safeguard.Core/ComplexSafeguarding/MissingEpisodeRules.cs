using Microsoft.EntityFrameworkCore;
using Safeguard.Common;

namespace Safeguard.ComplexSafeguarding;

/// <summary>The rules an episode and a return home interview are checked against before they are saved.</summary>
public sealed partial class MissingEpisodeService
{
    private async Task<List<ValidationProblem>> CheckAsync(MissingEpisodeDetails d, Guid? agencyId, bool partner, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        var now = Now;
        if (!partner && (agencyId is not { } agency || !await db.Agencies.AnyAsync(a => a.Id == agency && a.IsActive, cancellationToken)))
        {
            problems.Add(new("ReportedByAgencyId", "Select the agency that reported the child missing"));
        }

        if (d.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            problems.Add(new("Kind", "Select whether the child was missing or away from placement without authorisation"));
        }

        if (d.StartedAt is not { } started)
        {
            problems.Add(new("StartedAt", "Enter the date and time the child went missing"));
        }
        else if (started > now)
        {
            problems.Add(new("StartedAt", "The date and time the child went missing must be now or in the past"));
        }
        else if (started < now.AddYears(-2))
        {
            problems.Add(new("StartedAt", "The date the child went missing must be within the last 2 years"));
        }

        if (d.EndedAt is not null || !string.IsNullOrWhiteSpace(d.WhereFound))
        {
            CheckReturn(problems, d.StartedAt, d.EndedAt, d.WhereFound);
        }

        if (d.From is not { } from || !Enum.IsDefined(from))
        {
            problems.Add(new("From", "Select where the child went missing from"));
        }
        else if (d.Kind == MissingKind.AwayWithoutAuthorisation && from != MissingFrom.CarePlacement)
        {
            problems.Add(new("From", "A child is away without authorisation only from a care placement"));
        }

        if (d.LookedAfter is null)
        {
            problems.Add(new("LookedAfter", "Select whether the child was looked after when they went missing"));
        }
        else if (d.LookedAfter == false && (d.Kind == MissingKind.AwayWithoutAuthorisation || d.From == MissingFrom.CarePlacement))
        {
            problems.Add(new("LookedAfter", "A child missing from a care placement was looked after"));
        }

        if (d.RiskAtReport is { } risk && !Enum.IsDefined(risk))
        {
            problems.Add(new("RiskAtReport", "Select the risk grading: low, medium or high"));
        }
        else if (partner && d.RiskAtReport is null)
        {
            problems.Add(new("RiskAtReport", "Select the risk grading at report: low, medium or high"));
        }

        Text(problems, "ReportedByName", d.ReportedByName, "the name of the person who reported the child missing", MissingEpisode.MaxNameLength, required: true);
        Text(problems, "Circumstances", d.Circumstances, "the circumstances", MissingEpisode.MaxTextLength, required: false);
        Text(problems, "PoliceReference", d.PoliceReference, "the police reference", MissingEpisode.MaxReferenceLength, required: false);
        return problems;
    }

    private void CheckReturn(List<ValidationProblem> problems, DateTimeOffset? startedAt, DateTimeOffset? endedAt, string? whereFound)
    {
        if (endedAt is not { } ended)
        {
            problems.Add(new("EndedAt", "Enter the date and time the child returned or was found"));
        }
        else if (ended > Now)
        {
            problems.Add(new("EndedAt", "The date and time the child returned must be now or in the past"));
        }
        else if (startedAt is { } started && ended < started)
        {
            problems.Add(new("EndedAt", "The child cannot have returned before they went missing"));
        }

        Text(problems, "WhereFound", whereFound, "where the child was found or returned to", MissingEpisode.MaxTextLength, required: true);
    }

    private void CheckInterview(List<ValidationProblem> problems, ReturnInterviewDetails d, DateTimeOffset ended)
    {
        if (d.OfferedAt is not { } offered)
        {
            problems.Add(new("OfferedAt", "Enter the date and time the interview was offered"));
        }
        else if (offered > Now)
        {
            problems.Add(new("OfferedAt", "The date and time the interview was offered must be now or in the past"));
        }
        else if (offered < ended)
        {
            problems.Add(new("OfferedAt", "The interview cannot be offered before the child returned"));
        }

        Text(problems, "Interviewer", d.Interviewer, "who offered the interview", ReturnInterview.MaxNameLength, required: true);
        Text(problems, "Organisation", d.Organisation, "their service", ReturnInterview.MaxNameLength, required: false);
        if (d.Independent is null)
        {
            problems.Add(new("Independent", "Select whether the interviewer is independent of the child's care"));
        }

        if (d.Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            problems.Add(new("Outcome", "Select the outcome: offered, accepted, declined or not possible"));
        }
        else if (outcome == ReturnInterviewOutcome.Accepted)
        {
            if (d.HeldAt is not { } held)
            {
                problems.Add(new("HeldAt", "Enter the date and time the interview took place"));
            }
            else if (held > Now)
            {
                problems.Add(new("HeldAt", "The date and time of the interview must be now or in the past"));
            }
            else if (d.OfferedAt is { } o && held < o)
            {
                problems.Add(new("HeldAt", "The interview cannot take place before it was offered"));
            }
        }
        else if (outcome is ReturnInterviewOutcome.Declined or ReturnInterviewOutcome.NotPossible && string.IsNullOrWhiteSpace(d.Reason))
        {
            problems.Add(new("Reason", outcome == ReturnInterviewOutcome.Declined ? "Say why the child declined, as far as you know" : "Say why the interview was not possible"));
        }

        Text(problems, "Reason", d.Reason, "reason", ReturnInterview.MaxTextLength, required: false);
        foreach (var (field, value, what) in new[]
        {
            ("PushFactors", d.PushFactors, "push factors"), ("PullFactors", d.PullFactors, "pull factors"),
            ("WhereTheyWere", d.WhereTheyWere, "where they were"), ("WithWhom", d.WithWhom, "who they were with"), ("Notes", d.Notes, "notes"),
        })
        {
            Text(problems, field, value, what, ReturnInterview.MaxTextLength, required: false);
        }
    }

    private static void Text(List<ValidationProblem> problems, string field, string? value, string what, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(field, $"Enter {what}"));
        }
        else if (value?.Trim().Length > max)
        {
            problems.Add(new(field, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be {max} characters or fewer"));
        }
    }
}
