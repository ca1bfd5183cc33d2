using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.AnnualReport;
using Safeguard.Common;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.AnnualReport;

/// <summary>
/// Writing or changing one section's narrative. The form carries the narrative's version: a save made after someone
/// else's is refused and their text is shown beside the writer's, which is kept. Refused once the report is not a draft.
/// </summary>
[RequirePermission("annualreport.manage")]
public sealed class NarrativeModel(AnnualReportService reports, SafeguardDbContext db) : AnnualReportPageModel
{
    public ReportingYear Year { get; private set; }

    public IAnnualReportSection Section { get; private set; } = default!;

    public AnnualReportEdition? Edition { get; private set; }

    /// <summary>The narrative as saved now (after a refused save, the other writer's).</summary>
    public AnnualReportNarrative? Saved { get; private set; }

    /// <summary>Whether the save was refused because someone else saved first.</summary>
    public bool Conflict { get; private set; }

    public bool IsDraft => (Edition?.Status ?? EditionStatus.Draft) == EditionStatus.Draft;

    [BindProperty]
    public NarrativeForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int year, string? section, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, section, cancellationToken))
        {
            return NotFound();
        }

        Input = new NarrativeForm { Text = Saved?.Text, Version = Saved?.Version ?? 0 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, string? section, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, section, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await reports.SaveNarrativeAsync(Year, Section.Key, Input.Text, Input.Version, Actor, cancellationToken);
            Notice = $"The narrative of \"{Section.Title}\" is saved.";
            return Redirect($"/annual-report/{year}");
        }
        catch (SafeguardValidationException ex)
        {
            foreach (var problem in ex.Problems)
            {
                ModelState.AddModelError("Input.Text", problem.Message);
            }
        }
        catch (ConcurrencyConflictException)
        {
            db.ChangeTracker.Clear();
            Conflict = true;
            await LoadAsync(year, section, cancellationToken);
            var who = Saved is null ? "Someone else" : $"{Saved.UpdatedBy} ({When(Saved.UpdatedAt)})";
            ModelState.AddModelError("Input.Text", $"{who} saved this narrative after you opened it. Nothing was saved. Their text is shown above yours: change yours to keep what they wrote, then save again.");
            // The writer has now seen the other change: a save from here is made over it knowingly.
            ModelState.Remove("Input.Version");
            Input.Version = Saved?.Version ?? 0;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int year, string? section, CancellationToken cancellationToken)
    {
        if (!Accepts(year) || reports.Sections.FirstOrDefault(s => s.Key == section) is not { } found)
        {
            return false;
        }

        Year = new ReportingYear(year);
        Section = found;
        Edition = await reports.EditionAsync(Year, cancellationToken);
        Saved = await db.Set<AnnualReportNarrative>().AsNoTracking().FirstOrDefaultAsync(n => n.YearStart == year && n.SectionKey == found.Key, cancellationToken);
        return true;
    }

    public sealed class NarrativeForm
    {
        public string? Text { get; set; }

        public int Version { get; set; }
    }
}
