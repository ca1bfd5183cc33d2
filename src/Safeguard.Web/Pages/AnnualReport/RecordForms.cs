using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.AnnualReport;
using Safeguard.Organisations;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.AnnualReport;

/// <summary>Feedback's fields as typed (the date is read from its GOV.UK date input <c>Input.ReceivedOn</c>).</summary>
public sealed class FeedbackForm
{
    public string? Source { get; set; }

    public string? WhatWasSaid { get; set; }

    public string? WhatChanged { get; set; }

    public int Version { get; set; }

    public FeedbackInput ToInput(DateOnly? receivedOn) => new(receivedOn, Source, WhatWasSaid, WhatChanged);

    public static FeedbackForm From(PartnershipFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return new() { Source = feedback.Source, WhatWasSaid = feedback.WhatWasSaid, WhatChanged = feedback.WhatChanged, Version = feedback.Version };
    }
}

/// <summary>A funding line's fields as typed; the amount is read as text so a mistyped one is shown, not lost.</summary>
public sealed class FundingForm
{
    public string? Kind { get; set; }

    public Guid? AgencyId { get; set; }

    public string? Description { get; set; }

    public string? Amount { get; set; }

    public int Version { get; set; }

    public static IEnumerable<RadioItem> KindItems() =>
    [
        new(nameof(FundingKind.Contribution), "A partner agency's contribution"),
        new(nameof(FundingKind.Expenditure), "Expenditure", "What the partnership spent the money on, such as the independent scrutineer or training"),
    ];

    /// <summary>The kind as it reads in a sentence ("The contribution line is added").</summary>
    public static string KindName(FundingKind kind) => kind == FundingKind.Contribution ? "contribution" : "expenditure";

    public static IEnumerable<SelectListItem> AgencyItems(IEnumerable<Agency> agencies, Guid? selected) =>
        [new SelectListItem("Select the agency", "", selected is null), .. agencies.Select(a => new SelectListItem(a.Name, a.Id.ToString(), a.Id == selected))];

    /// <summary>The form as the service's input; a kind or amount that cannot be read is reported through <paramref name="problem"/>.</summary>
    public FundingInput ToInput(int yearStart, Action<string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (!Enum.TryParse<FundingKind>(Kind, out var kind) || !Enum.IsDefined(kind))
        {
            problem("Input.Kind", "Select whether this is a contribution or expenditure");
        }

        decimal? amount = null;
        var typed = Amount?.Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(typed))
        {
            if (decimal.TryParse(typed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
            {
                amount = parsed;
            }
            else
            {
                problem("Input.Amount", "Enter the amount in pounds as a number, such as 125000 or 1250.50");
            }
        }

        return new(yearStart, kind, kind == FundingKind.Contribution ? AgencyId : null, Description, amount);
    }

    public static FundingForm From(PartnershipFundingLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new() { Kind = line.Kind.ToString(), AgencyId = line.AgencyId, Description = line.Description, Amount = line.Amount.ToString("0.00", CultureInfo.InvariantCulture), Version = line.Version };
    }
}
