using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.EarlyHelp;
using Safeguard.Timescales;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.EarlyHelp;

/// <summary>What the early help pages show the same way: dates, review clocks and the choices offered.</summary>
public static class EarlyHelpForm
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", UkCulture) ?? "";

    /// <summary>The next review as a GOV.UK tag's class and text.</summary>
    public static (string Class, string Text) Review(DeadlineAssessment? next) => next is null
        ? ("govuk-tag govuk-tag--grey", "Closed")
        : next.Status switch
        {
            DeadlineStatus.Overdue => ("govuk-tag govuk-tag--red", $"Overdue since {Date(next.Deadline.DueDate)}"),
            DeadlineStatus.DueToday => ("govuk-tag govuk-tag--orange", "Due today"),
            DeadlineStatus.DueSoon => ("govuk-tag govuk-tag--yellow", $"Due {Date(next.Deadline.DueDate)}"),
            _ => ("govuk-tag govuk-tag--blue", $"Due {Date(next.Deadline.DueDate)}"),
        };

    public static IReadOnlyList<SelectListItem> Agencies(IEnumerable<(Guid Id, string Name)> agencies, string blank = "Select the agency") =>
        [new SelectListItem(blank, ""), .. agencies.Select(a => new SelectListItem(a.Name, a.Id.ToString()))];

    public static IReadOnlyList<SelectListItem> Users(IEnumerable<(Guid UserId, string Name, string Agency)> users) =>
        [new SelectListItem("Someone without a user account (give their agency and name)", ""), .. users.Select(u => new SelectListItem($"{u.Name} ({u.Agency})", u.UserId.ToString()))];

    public static IReadOnlyList<SelectListItem> Needs() => [.. EarlyHelpNeeds.All.Select(n => new SelectListItem(n.Name, n.Code))];

    public static IReadOnlyList<RadioItem> Progress() => [.. Enum.GetValues<EarlyHelpProgress>().Select(p => new RadioItem(p.ToString(), EarlyHelpText.Describe(p)))];

    public static IReadOnlyList<RadioItem> Outcomes() => [.. Enum.GetValues<EarlyHelpOutcome>().Select(o => new RadioItem(o.ToString(), EarlyHelpText.Describe(o)))];

    /// <summary>How an episode started, for the start page (a front door start comes from its contact, a step-down from the closure).</summary>
    public static IReadOnlyList<RadioItem> Sources() =>
    [
        new(nameof(EarlyHelpSource.PartnerAgency), EarlyHelpText.Describe(EarlyHelpSource.PartnerAgency), "A school, health visitor or other partner asked for early help"),
        new(nameof(EarlyHelpSource.StepDown), EarlyHelpText.Describe(EarlyHelpSource.StepDown), "Children's social care closed its work and the family carries on with early help"),
    ];

    public static IReadOnlyList<RadioItem> Consent() =>
    [
        new(nameof(Safeguard.FrontDoor.ConsentPosition.Given), "Given"),
        new(nameof(Safeguard.FrontDoor.ConsentPosition.Sought), "Sought but not yet given"),
        new(nameof(Safeguard.FrontDoor.ConsentPosition.Refused), "Refused"),
        new(nameof(Safeguard.FrontDoor.ConsentPosition.Overridden), "Overridden (the concern justifies sharing without consent)"),
    ];
}

/// <summary>A lead professional or team member as typed.</summary>
public sealed class PersonOfAgencyInput
{
    public string? UserId { get; set; }

    public string? AgencyId { get; set; }

    public string? Name { get; set; }

    public string? Role { get; set; }

    public Guid? User => Guid.TryParse(UserId, out var id) ? id : null;

    public Guid? Agency => Guid.TryParse(AgencyId, out var id) ? id : null;
}

/// <summary>The assessment form as typed.</summary>
public sealed class AssessmentInput
{
    public List<string> Needs { get; set; } = [];
}

/// <summary>The review form as typed.</summary>
public sealed class ReviewInput
{
    public EarlyHelpProgress? Progress { get; set; }

    public string? Notes { get; set; }
}

/// <summary>The closure form as typed.</summary>
public sealed class ClosureInput
{
    public EarlyHelpOutcome? Outcome { get; set; }

    public string? Note { get; set; }
}

/// <summary>The step-up form as typed.</summary>
public sealed class StepUpInput
{
    public string? Concerns { get; set; }

    public Safeguard.FrontDoor.ConsentPosition? Consent { get; set; }

    public string? ConsentReason { get; set; }
}
