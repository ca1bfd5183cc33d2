using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.EarlyHelp;
using Safeguard.Identity;
using Safeguard.Persistence;

namespace Safeguard.Web.Pages.EarlyHelp;

/// <summary>
/// An early help episode's page and its forms: the lead professional, the assessment, the team around the family,
/// reviews, step-up (the coordinator's page only) and closure. The coordinator's page (<c>/early-help/{id}</c>) and a
/// partner agency's (<c>/my-agency/early-help/{id}</c>) differ in who may open it and where they go back to.
/// </summary>
public abstract class EpisodePageModel(EarlyHelpService earlyHelp, SafeguardDbContext db) : SafeguardPageModel
{
    /// <summary>Opened by a partner agency: only the episodes their agency leads or is in the team of.</summary>
    public abstract bool Partner { get; }

    public abstract string ListLink { get; }

    public string Self => $"{(Partner ? "/my-agency/early-help" : "/early-help")}/{View.Episode.Id}";

    public EarlyHelpEpisodeView View { get; private set; } = default!;

    /// <summary>The user may change the episode (the coordinator's page needs <c>earlyhelp.manage</c>).</summary>
    public bool CanChange => Partner || User.HasClaim(SafeguardClaimTypes.Permission, Permissions.ManageEarlyHelp.Name);

    public bool CanStepUp => !Partner && CanChange;

    public IReadOnlyList<(Guid Id, string Name)> AgencyChoices { get; private set; } = [];

    public IReadOnlyList<(Guid UserId, string Name, string Agency)> UserChoices { get; private set; } = [];

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public PersonOfAgencyInput Lead { get; set; } = new();

    [BindProperty]
    public PersonOfAgencyInput Member { get; set; } = new();

    [BindProperty]
    public AssessmentInput Assessment { get; set; } = new();

    [BindProperty]
    public ReviewInput Review { get; set; } = new();

    [BindProperty]
    public ClosureInput Closure { get; set; } = new();

    [BindProperty]
    public StepUpInput StepUp { get; set; } = new();

    [BindProperty]
    public Guid? MemberId { get; set; }

    /// <summary>Whether the form <paramref name="prefix"/> was refused (its details are shown open).</summary>
    public bool Refused(string prefix) => ModelState.Any(e => e.Key.StartsWith(prefix + ".", StringComparison.Ordinal) && e.Value?.Errors.Count > 0);

    public string AgencyName(Guid id) => View.AgencyNames.GetValueOrDefault(id, "");

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = View.Episode.Version;
        var e = View.Episode;
        PrefillDateInput("Assessment.StartedOn", e.AssessmentStartedOn);
        PrefillDateInput("Assessment.CompletedOn", e.AssessmentCompletedOn);
        PrefillDateInput("Assessment.AuthorisedOn", e.AssessmentAuthorisedOn);
        Assessment.Needs = [.. e.NeedCodes];
        return Page();
    }

    public Task<IActionResult> OnPostLeadAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Lead", "The lead professional is changed.", () =>
        {
            var from = ReadDate("Lead.From", "date they became lead professional");
            return earlyHelp.ChangeLeadAsync(id, Version, new EarlyHelpLeadInput(Lead.Agency, Lead.User, Lead.Name, Lead.Role, from), Partner, Actor, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostAssessmentAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Assessment", "The early help assessment is recorded.", () =>
        {
            var input = new EarlyHelpAssessmentInput(
                ReadDate("Assessment.StartedOn", "date the assessment started"),
                ReadDate("Assessment.CompletedOn", "date the assessment was completed"),
                ReadDate("Assessment.AuthorisedOn", "date the assessment was authorised"),
                Assessment.Needs);
            return earlyHelp.RecordAssessmentAsync(id, Version, input, Partner, Actor, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostMemberAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Member", "The member is added to the team around the family.", () =>
        {
            var joined = ReadDate("Member.JoinedOn", "date they joined");
            return earlyHelp.AddTeamMemberAsync(id, Version, new EarlyHelpTeamMemberInput(Member.Agency, Member.User, Member.Name, Member.Role, joined), Partner, Actor, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostLeftAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Left", "The member is recorded as having left the team around the family.", () =>
            earlyHelp.MemberLeftAsync(id, Version, MemberId ?? Guid.Empty, Calendar.UkTime.Today(db.Time), Partner, Actor, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Review", "The review is recorded.", () =>
        {
            var held = ReadDate("Review.HeldOn", "date of the meeting");
            return earlyHelp.RecordReviewAsync(id, Version, new EarlyHelpReviewInput(held, Review.Progress, Review.Notes), Partner, Actor, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Closure", "The early help episode is closed.", () =>
        {
            var closed = ReadDate("Closure.ClosedOn", "date the episode closed");
            return earlyHelp.CloseAsync(id, Version, new EarlyHelpClosureInput(closed, Closure.Outcome, Closure.Note), Partner, Actor, cancellationToken);
        }, cancellationToken);

    public async Task<IActionResult> OnPostStepUpAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanStepUp)
        {
            return Forbid();
        }

        return await ChangeAsync(id, "StepUp", "The family is stepped up: a contact is with the front door. Close the episode as stepped up once the front door has decided.", () =>
            earlyHelp.StepUpAsync(id, Version, new EarlyHelpStepUpInput(StepUp.Concerns, StepUp.Consent, StepUp.ConsentReason), Actor, cancellationToken), cancellationToken);
    }

    private async Task<IActionResult> ChangeAsync(Guid id, string prefix, string notice, Func<Task> change, CancellationToken cancellationToken)
    {
        if (!CanChange)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (await TryChangeAsync(change, prefix))
        {
            Notice = notice;
            return Redirect(Self);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await earlyHelp.GetAsync(id, Partner, Actor, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        AgencyChoices = [.. (await db.Agencies.AsNoTracking().Where(a => a.IsActive).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
            .OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => (a.Id, a.Name))];
        UserChoices = await earlyHelp.PractitionerChoicesAsync(cancellationToken);
        return true;
    }
}
