using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.Dataset;

namespace Safeguard.Web.Pages.Returns;

/// <summary>Entering an agency's figures for a quarter: save as you go, then submit once; corrections after submission are kept.</summary>
[RequirePermission("dataset.submit")]
public sealed class RequestModel(DataReturnService returns) : DatasetPageModel
{
    public DataReturnRequest? Asked { get; private set; }

    public IReadOnlyList<RequestLine> Lines { get; private set; } = [];

    [BindProperty]
    public List<FigureInput> Figures { get; set; } = [];

    [BindProperty]
    public int Version { get; set; }

    public static string FieldId(string code) => TagBuilder.CreateSanitizedId(DataReturnService.FieldFor(code), "-");

    public static IEnumerable<(MissingFigureReason Value, string Text)> Reasons =>
        Enum.GetValues<MissingFigureReason>().Select(r => (r, DataReturnService.Describe(r)));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = Asked!.Version;
        Figures = [.. Lines.Select(l => new FigureInput
        {
            Code = l.Indicator.Code,
            Value = l.Latest?.Value is { } v ? DataReturnService.Show(v) : null,
            MissingReason = l.Latest?.MissingReason,
            Comment = l.Latest?.Comment,
            ConfirmUnusual = l.Latest?.ConfirmedUnusual ?? false,
        })];
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken) => SaveAsync(id, submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) => SaveAsync(id, submit: true, cancellationToken);

    private async Task<IActionResult> SaveAsync(Guid id, bool submit, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var entries = Figures.Where(f => f.Code is not null)
            .Select(f => new FigureEntry(f.Code!, f.Value, string.IsNullOrWhiteSpace(f.Value) ? f.MissingReason : null, f.Comment, f.ConfirmUnusual))
            .ToList();
        try
        {
            await returns.SaveAsync(id, Version, entries, submit, Actor, cancellationToken);
            Notice = submit
                ? $"Your {Asked!.DataReturn!.Period.Name} figures are submitted to the partnership."
                : $"Your {Asked!.DataReturn!.Period.Name} figures are saved." + (Asked.SubmittedAt is null ? " Submit them when they are complete." : " The correction is recorded.");
            return RedirectToPage(submit ? "/Returns/Index" : "/Returns/Request", submit ? null : new { id });
        }
        catch (SafeguardValidationException ex)
        {
            foreach (var problem in ex.Problems)
            {
                var code = problem.Field.StartsWith("Figure-", StringComparison.Ordinal) ? problem.Field["Figure-".Length..] : null;
                ModelState.AddModelError(code is null ? "" : FieldId(code), problem.Message);
            }
        }
        catch (ConcurrencyConflictException ex)
        {
            ShowConflict(ex);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Asked = await returns.RequestAsync(id, cancellationToken);
        if (Asked is null || Asked.AgencyId != Actor.AgencyId)
        {
            // Another agency's request is not this user's to see: as if it did not exist.
            return false;
        }

        Lines = await returns.LinesAsync(Asked, cancellationToken);
        return true;
    }

    public sealed class FigureInput
    {
        public string? Code { get; set; }

        public string? Value { get; set; }

        public MissingFigureReason? MissingReason { get; set; }

        public string? Comment { get; set; }

        public bool ConfirmUnusual { get; set; }
    }
}
