using Microsoft.AspNetCore.Mvc;
using Safeguard.Assurance;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Assurance;

/// <summary>Puts an audit on the programme: its title, theme, year and tool (questions and grading scale).</summary>
[RequirePermission("assurance.manage")]
public sealed class NewModel(AuditService audits, TimeProvider time) : AssurancePageModel
{
    [BindProperty]
    public AuditForm Input { get; set; } = new();

    public IReadOnlyList<int> Years { get; private set; } = [];

    public void OnGet()
    {
        Load();
        Input.YearStart ??= ReportingYear.Of(UkTime.Today(time)).StartYear;
        Input.Scale ??= string.Join('\n', MultiAgencyAudit.DefaultScale);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        MultiAgencyAudit? created = null;
        if (await TryChangeAsync(async () => created = await audits.CreateAsync(new NewAudit(Input.Title, Input.Theme, Input.YearStart, Input.Questions, Input.Scale), Actor, cancellationToken)))
        {
            Notice = "The audit is on the programme. Draw its sample of cases next.";
            return Redirect($"/assurance/audits/{created!.Id}");
        }

        Load();
        return Page();
    }

    private void Load()
    {
        var current = ReportingYear.Of(UkTime.Today(time)).StartYear;
        Years = [current - 1, current, current + 1];
    }

    public sealed class AuditForm
    {
        public string? Title { get; set; }

        public string? Theme { get; set; }

        public int? YearStart { get; set; }

        public string? Questions { get; set; }

        public string? Scale { get; set; }
    }
}
