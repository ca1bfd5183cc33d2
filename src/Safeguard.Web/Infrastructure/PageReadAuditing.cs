using Microsoft.AspNetCore.Mvc.Filters;
using Safeguard.Persistence;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// A page's GET handler often reads through several services, each of which audits its reads (a list, then the
/// referrals waiting; the contacts, then the requests to the agency). While the handler runs, those reads are kept
/// and written to the audit trail together when it ends (<see cref="SafeguardDbContext.DeferAccessEvents"/>): one
/// transaction and one turn of the chain's lock a page instead of one a service. The flush happens before the page is
/// rendered, whether the handler succeeded or not, and is not cancelled when the browser goes away: what was read is
/// audited. A failed flush fails the request, so nothing read is shown unaudited (docs/adr/0094).
/// </summary>
public sealed class PageReadAuditing : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var method = context.HttpContext.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            await next();
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<SafeguardDbContext>();
        db.DeferAccessEvents();
        try
        {
            await next();
        }
        finally
        {
            await db.FlushAccessEventsAsync(CancellationToken.None);
        }
    }
}
