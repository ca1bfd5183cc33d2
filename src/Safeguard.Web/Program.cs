using Safeguard.Common;
using Safeguard.Persistence;
using Safeguard.Web.Infrastructure;

WebApplication app;
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddSafeguardWeb();
    app = builder.Build();
    app.UseSafeguardWeb();
    await app.PrepareDatabaseAsync(Console.Out);
}
catch (Exception ex) when (ex is SafeguardConfigurationException or DatabaseUnavailableException)
{
    // A clear sentence for the person starting the service, instead of a stack trace.
    await Console.Error.WriteLineAsync($"Safeguard did not start: {ex.Message}");
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>Entry point, public so that the test projects' WebApplicationFactory can start the app.</summary>
public partial class Program;
