using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Calendar;
using Safeguard.ComplexSafeguarding;
using Safeguard.Timescales;
using Safeguard.Web.Pages.FrontDoor;
using Safeguard.Web.Pages.People;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Missing;

/// <summary>The episode form's fields, as typed.</summary>
public sealed class EpisodeInput
{
    public string? Kind { get; set; }

    public string? From { get; set; }

    public string? StartedDay { get; set; }

    public string? StartedMonth { get; set; }

    public string? StartedYear { get; set; }

    public string? StartedTime { get; set; }

    public string? EndedDay { get; set; }

    public string? EndedMonth { get; set; }

    public string? EndedYear { get; set; }

    public string? EndedTime { get; set; }

    public string? WhereFound { get; set; }

    public string? RiskAtReport { get; set; }

    /// <summary>"yes" or "no".</summary>
    public string? LookedAfter { get; set; }

    public string? ReportedByAgencyId { get; set; }

    public string? ReportedByName { get; set; }

    public string? PoliceReference { get; set; }

    public string? Circumstances { get; set; }

    public bool EndedGiven => !string.IsNullOrWhiteSpace(EndedDay) || !string.IsNullOrWhiteSpace(EndedMonth) || !string.IsNullOrWhiteSpace(EndedYear) || !string.IsNullOrWhiteSpace(EndedTime);
}

/// <summary>The return home interview form's fields, as typed.</summary>
public sealed class InterviewInput
{
    public string? OfferedDay { get; set; }

    public string? OfferedMonth { get; set; }

    public string? OfferedYear { get; set; }

    public string? OfferedTime { get; set; }

    public string? Interviewer { get; set; }

    public string? Organisation { get; set; }

    /// <summary>"yes" or "no".</summary>
    public string? Independent { get; set; }

    public string? Outcome { get; set; }

    public string? HeldDay { get; set; }

    public string? HeldMonth { get; set; }

    public string? HeldYear { get; set; }

    public string? HeldTime { get; set; }

    public string? Reason { get; set; }

    public string? PushFactors { get; set; }

    public string? PullFactors { get; set; }

    public string? WhereTheyWere { get; set; }

    public string? WithWhom { get; set; }

    public string? Notes { get; set; }
}

/// <summary>What the missing pages share: choices, reading the forms into Core's details, and the clock in words.</summary>
public static class MissingForm
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static List<RadioItem> KindRadios() =>
        [.. Enum.GetValues<MissingKind>().Select(k => new RadioItem(k.ToString(), MissingText.Describe(k), k == MissingKind.AwayWithoutAuthorisation ? "Whereabouts known, but away from a care placement without permission" : "Whereabouts unknown"))];

    public static List<RadioItem> FromRadios() => [.. Enum.GetValues<MissingFrom>().Select(k => new RadioItem(k.ToString(), MissingText.Describe(k)))];

    public static List<RadioItem> YesNo() => [new("yes", "Yes"), new("no", "No")];

    public static List<RadioItem> OutcomeRadios() =>
        [.. Enum.GetValues<ReturnInterviewOutcome>().Select(k => new RadioItem(k.ToString(), MissingText.Describe(k)))];

    public static List<SelectListItem> RiskItems(bool required) =>
        [new(required ? "Select the risk grading" : "Not given", ""), .. Enum.GetValues<MissingRisk>().Select(r => new SelectListItem(MissingText.Describe(r), r.ToString()))];

    /// <summary>The episode as typed; a date and time that is not real is put beside its field and left out.</summary>
    public static MissingEpisodeDetails Episode(EpisodeInput input, ModelStateDictionary modelState, bool partner)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(modelState);
        var started = Instant(modelState, "Input.Started", input.StartedDay, input.StartedMonth, input.StartedYear, input.StartedTime, "date and time the child went missing", required: true);
        var ended = input.EndedGiven
            ? Instant(modelState, "Input.Ended", input.EndedDay, input.EndedMonth, input.EndedYear, input.EndedTime, "date and time the child returned", required: true)
            : null;
        return new MissingEpisodeDetails
        {
            Kind = Parse<MissingKind>(input.Kind),
            StartedAt = started,
            EndedAt = ended,
            From = Parse<MissingFrom>(input.From),
            WhereFound = input.WhereFound,
            RiskAtReport = Parse<MissingRisk>(input.RiskAtReport),
            LookedAfter = input.LookedAfter switch { "yes" => true, "no" => false, _ => null },
            ReportedByAgencyId = partner ? null : Guid.TryParse(input.ReportedByAgencyId, out var agency) ? agency : null,
            ReportedByName = input.ReportedByName,
            PoliceReference = input.PoliceReference,
            Circumstances = input.Circumstances,
        };
    }

    public static ReturnInterviewDetails Interview(InterviewInput input, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(modelState);
        var outcome = Parse<ReturnInterviewOutcome>(input.Outcome);
        return new ReturnInterviewDetails
        {
            OfferedAt = Instant(modelState, "Input.Offered", input.OfferedDay, input.OfferedMonth, input.OfferedYear, input.OfferedTime, "date and time the interview was offered", required: true),
            HeldAt = outcome == ReturnInterviewOutcome.Accepted
                ? Instant(modelState, "Input.Held", input.HeldDay, input.HeldMonth, input.HeldYear, input.HeldTime, "date and time of the interview", required: true)
                : null,
            Interviewer = input.Interviewer,
            Organisation = input.Organisation,
            Independent = input.Independent switch { "yes" => true, "no" => false, _ => null },
            Outcome = outcome,
            Reason = input.Reason,
            PushFactors = input.PushFactors,
            PullFactors = input.PullFactors,
            WhereTheyWere = input.WhereTheyWere,
            WithWhom = input.WithWhom,
            Notes = input.Notes,
        };
    }

    /// <summary>Fills the typed fields of a date and time from an instant (UK local).</summary>
    public static (string Day, string Month, string Year, string Time) Fields(DateTimeOffset instant)
    {
        var local = UkTime.ToUkLocal(instant);
        return (local.Day.ToString(CultureInfo.InvariantCulture), local.Month.ToString(CultureInfo.InvariantCulture), local.Year.ToString(CultureInfo.InvariantCulture),
            local.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>The name a Core problem's field has on the forms (the date and time inputs are named without "At").</summary>
    public static string FieldFor(string field) => field switch
    {
        "" => "",
        "StartedAt" => "Input.Started",
        "EndedAt" => "Input.Ended",
        "OfferedAt" => "Input.Offered",
        "HeldAt" => "Input.Held",
        _ when field.StartsWith("Child", StringComparison.Ordinal) => "Child." + (field.Length > 6 ? field[6..] : "GivenNames"),
        _ => "Input." + field,
    };

    public static void Show(Common.SafeguardValidationException ex, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(ex);
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var problem in ex.Problems)
        {
            modelState.AddModelError(FieldFor(problem.Field), problem.Message);
        }
    }

    /// <summary>The date and time input's error, for the partial that shows it.</summary>
    public static string? Error(ModelStateDictionary modelState, string key)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
    }

    /// <summary>The 72-hour clock in words: when the interview is (or was) due and where it stands.</summary>
    public static string Clock(DeadlineAssessment? assessment)
    {
        if (assessment is null)
        {
            return "Still missing";
        }

        var due = FrontDoorForm.Show(assessment.Deadline.DueInstant ?? UkTime.EndOfDay(assessment.Deadline.DueDate));
        return assessment.Status switch
        {
            DeadlineStatus.Overdue => $"Overdue: was due by {due}",
            DeadlineStatus.MetOnTime => "Offered within 72 hours",
            DeadlineStatus.MetLate => "Offered late (after 72 hours)",
            DeadlineStatus.DueToday => $"Due today, by {UkTime.ToUkLocal(assessment.Deadline.DueInstant!.Value).ToString("HH:mm", UkCulture)}",
            _ => $"Due by {due}",
        };
    }

    public static string Tag(DeadlineAssessment? assessment) => assessment is null ? "govuk-tag govuk-tag--purple" : FrontDoorForm.Tag(assessment);

    /// <summary>The clock of an episode in words; a period taken from an SSDA903 return has no report behind it and no interview due.</summary>
    public static string Clock(EpisodeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Episode.FromReturn ? "From the SSDA903 return: no interview due" : Clock(view.Clock);
    }

    public static string Tag(EpisodeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Episode.FromReturn ? "govuk-tag govuk-tag--grey" : Tag(view.Clock);
    }

    public static DateInput DateField(ModelStateDictionary modelState, string key, string legend, string? day, string? month, string? year) =>
        new(key, legend, "For example, 27 3 2026", day, month, year, Error(modelState, key));

    private static DateTimeOffset? Instant(ModelStateDictionary modelState, string key, string? day, string? month, string? year, string? time, string label, bool required)
    {
        if (!required && string.IsNullOrWhiteSpace(day) && string.IsNullOrWhiteSpace(month) && string.IsNullOrWhiteSpace(year))
        {
            return null;
        }

        var instant = FrontDoorForm.ParseInstant(day, month, year, time, label, out var error);
        if (error is not null)
        {
            modelState.AddModelError(key, error);
        }

        return instant;
    }

    private static TEnum? Parse<TEnum>(string? value)
        where TEnum : struct, Enum => Enum.TryParse<TEnum>(value, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}
