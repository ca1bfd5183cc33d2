using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Assurance;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Assurance;

/// <summary>
/// An audit: its tool, the sample of children's records (named only as the reader may see them, each reading audited),
/// the request to the agencies taking part, and their return rates.
/// </summary>
[RequirePermission("assurance.manage")]
public sealed class AuditModel(AuditService audits, AuditReturnService returns, SafeguardDbContext db) : AssurancePageModel
{
    public MultiAgencyAudit Audit { get; private set; } = default!;

    public IReadOnlyList<AuditCaseView> Cases { get; private set; } = [];

    public IReadOnlyList<AgencyReturnRate> Rates { get; private set; } = [];

    public IReadOnlyList<Organisations.Agency> Agencies { get; private set; } = [];

    [BindProperty]
    public int Version { get; set; }

    /// <summary>Whether the reader may open a child's record from the sample (the business unit cannot).</summary>
    public bool CanOpenRecords => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.ViewPeople.Name);

    [BindProperty]
    public ToolForm Tool { get; set; } = new();

    [BindProperty]
    public SampleForm Sample { get; set; } = new();

    [BindProperty]
    public SendForm Send { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostToolAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Tool", () => audits.ChangeToolAsync(id, Version, Tool.Questions, Tool.Scale, Actor, cancellationToken), "The tool is changed.", cancellationToken);

    public Task<IActionResult> OnPostSampleAsync(Guid id, CancellationToken cancellationToken)
    {
        var from = ReadDate("Sample.From", "start of the period");
        var to = ReadDate("Sample.To", "end of the period");
        return ChangeAsync(id, "Sample", async () =>
        {
            var drawn = await audits.SampleAsync(id, new SampleRequest(Sample.Criterion, from, to, Sample.Size), Actor, cancellationToken);
            Notice = drawn.Count == 1 ? "1 case is added to the sample." : $"{drawn.Count} cases are added to the sample.";
        }, null, cancellationToken);
    }

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid caseId, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Remove", () => audits.RemoveCaseAsync(caseId, Version, Actor, cancellationToken), "The case is taken out of the sample.", cancellationToken);

    public Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken cancellationToken)
    {
        var due = ReadDate("Send.DueOn", "due date");
        return ChangeAsync(id, "Send", () => audits.OpenReturnsAsync(id, Version, Send.AgencyIds, due, Actor, cancellationToken), "The agencies are asked for their returns.", cancellationToken);
    }

    private async Task<IActionResult> ChangeAsync(Guid id, string prefix, Func<Task> change, string? notice, CancellationToken cancellationToken)
    {
        if (await audits.GetAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        if (await TryChangeAsync(change, prefix))
        {
            Notice ??= notice;
            return Redirect($"/assurance/audits/{id}");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await audits.GetAsync(id, cancellationToken) is not { } audit)
        {
            return false;
        }

        Audit = audit;
        Version = audit.Version;
        Tool.Questions ??= string.Join('\n', audit.Questions.OrderBy(q => q.Number).Select(q => q.Text));
        Tool.Scale ??= audit.Scale;
        Cases = await audits.CasesAsync(id, Actor, cancellationToken);
        Rates = await returns.RatesAsync(id, cancellationToken: cancellationToken);
        Agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return true;
    }

    public sealed class ToolForm
    {
        public string? Questions { get; set; }

        public string? Scale { get; set; }
    }

    public sealed class SampleForm
    {
        public SampleCriterion? Criterion { get; set; }

        public int? Size { get; set; }
    }

    public sealed class SendForm
    {
        public List<Guid> AgencyIds { get; set; } = [];
    }
}
