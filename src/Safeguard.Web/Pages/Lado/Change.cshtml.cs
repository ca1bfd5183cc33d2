using Microsoft.AspNetCore.Mvc;
using Safeguard.Lado;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Lado;

/// <summary>Change an allegation's referral (carrying its version): the worker, children, referrer, category and what is alleged.</summary>
[RequirePermission("lado.manage")]
public sealed class ChangeModel(LadoService lado, PersonIndex people, SafeguardDbContext db) : AllegationFormModel(lado, people, db)
{
    public AllegationView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Lado.GetAsync(id, Actor, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        var a = view.Allegation;
        Fill(new AllegationDetails
        {
            WorkerName = a.WorkerName,
            EmployerAgencyId = a.EmployerAgencyId,
            EmployerName = a.EmployerName,
            WorkerRole = a.WorkerRole,
            Sector = a.Sector,
            ChildIds = [.. a.Children.Select(c => c.PersonId)],
            ReferredOn = a.ReferredOn,
            ReferrerAgencyId = a.ReferrerAgencyId,
            ReferrerName = a.ReferrerName,
            Category = a.Category,
            Allegation = a.Allegation,
        });
        Version = a.Version;
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (FindRequested)
        {
            return await ShowAsync(id, cancellationToken);
        }

        var details = Details(null);
        if (ModelState.IsValid)
        {
            try
            {
                await Lado.ChangeAsync(id, Version, details, Actor, cancellationToken);
                Notice = "The referral is changed.";
                return Redirect($"/lado/allegations/{id}");
            }
            catch (Common.SafeguardValidationException ex)
            {
                ShowRefusal(ex);
            }
            catch (Common.ConcurrencyConflictException ex)
            {
                ShowConflict(ex);
            }
        }

        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Lado.GetAsync(id, Actor, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }
}
