var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error/500");
}

app.UseStatusCodePagesWithReExecute("/error/{0}");

app.MapStaticAssets();
app.MapGet("/health", () => "ok");
app.MapRazorPages().WithStaticAssets();

await app.RunAsync();

/// <summary>Entry point, public so that the test projects' WebApplicationFactory can start the app.</summary>
public partial class Program;
