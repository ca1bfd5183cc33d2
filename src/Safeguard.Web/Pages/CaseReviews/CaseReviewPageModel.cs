using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.CaseReviews;
using Safeguard.Identity;

namespace Safeguard.Web.Pages.CaseReviews;

/// <summary>
/// What the case review pages share: showing dates and deadlines, and the finer permissions inside a page. Dates are
/// typed into GOV.UK date inputs (<see cref="SafeguardPageModel.ReadDate"/>).
/// </summary>
public abstract class CaseReviewPageModel : SafeguardPageModel
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public bool CanManage => User.HasClaim(SafeguardClaimTypes.Permission, Permissions.ManageReviews.Name);

    public bool CanSign => User.HasClaim(SafeguardClaimTypes.Permission, Permissions.SignReviews.Name);

    public static string LongDate(DateOnly? date) => date?.ToString("d MMMM yyyy", EnGb) ?? "";

    public static string RagTag(Rag rag, string text) => rag switch
    {
        Rag.Red => $"<strong class=\"govuk-tag govuk-tag--red\">{System.Net.WebUtility.HtmlEncode(text)}</strong>",
        Rag.Amber => $"<strong class=\"govuk-tag govuk-tag--yellow\">{System.Net.WebUtility.HtmlEncode(text)}</strong>",
        _ => $"<strong class=\"govuk-tag govuk-tag--green\">{System.Net.WebUtility.HtmlEncode(text)}</strong>",
    };

    public static string StatusText(Timescales.DeadlineAssessment a) => a.Status switch
    {
        Timescales.DeadlineStatus.Overdue => a.WorkingDaysLate == 1 ? "Overdue by 1 working day" : $"Overdue by {a.WorkingDaysLate} working days",
        Timescales.DeadlineStatus.DueToday => "Due today",
        Timescales.DeadlineStatus.DueSoon => "Due soon",
        Timescales.DeadlineStatus.MetOnTime => "Done on time",
        Timescales.DeadlineStatus.MetLate => "Done late",
        _ => "On track",
    };

    protected IActionResult ForbidUnless(bool allowed) => allowed ? new EmptyResult() : Forbid();
}
