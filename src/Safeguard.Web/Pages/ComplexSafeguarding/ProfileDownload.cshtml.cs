using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.ComplexSafeguarding;
using Safeguard.Dataset;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.ComplexSafeguarding;

/// <summary>
/// A table of the problem profile (or, for an XLSX, every table as a sheet with <c>table=all</c>) as the page shows it:
/// counts of 1 to 4 as "fewer than 5". Each download is in the access audit.
/// </summary>
[RequirePermission("performance.view")]
public sealed class ProfileDownloadModel(ProblemProfile profile, SafeguardDbContext db, TimeProvider time) : SafeguardPageModel
{
    public const string EntityType = "ProblemProfile";

    public async Task<IActionResult> OnGetAsync(string? from, string? to, string? table, string? format, CancellationToken cancellationToken)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !string.Equals(format ?? "xlsx", "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return BadRequest("format must be xlsx or csv");
        }

        if (!TryDay(from, out var start) || !TryDay(to, out var end))
        {
            return BadRequest("from and to must be dates such as 2026-01-31");
        }

        if (ProfileModel.Problem(start, end, UkTime.Today(time)) is { } problem)
        {
            return BadRequest(problem.Message);
        }

        var result = await profile.BuildAsync(start, end, cancellationToken);
        var all = string.Equals(table, "all", StringComparison.Ordinal);
        var chosen = all ? result.Tables : result.Tables.Where(t => t.Key == table).ToList();
        if (chosen.Count == 0)
        {
            return BadRequest("table must be one of " + string.Join(", ", result.Tables.Select(t => t.Key)) + " (or all, for an XLSX)");
        }

        if (all && csv)
        {
            return BadRequest("every table at once is an XLSX only: choose a table for a CSV");
        }

        var kind = csv ? "CSV" : "XLSX";
        using (db.BeginProcess("ComplexSafeguarding.ProblemProfile", Actor))
        {
            db.RecordAccess(EntityType, $"{ProfileModel.Iso(start)}..{ProfileModel.Iso(end)}", AuditAction.Exported, $"table={(all ? "all" : table)}; downloaded as {kind}");
            await db.SaveChangesAsync(cancellationToken);
        }

        var name = $"problem-profile-{ProfileModel.Iso(start)}-to-{ProfileModel.Iso(end)}-{(all ? "all" : table)}";
        var stream = new MemoryStream();
        if (csv)
        {
            var only = chosen[0];
            await Spreadsheet.WriteCsvAsync(stream, Headings(only), Rows(only), cancellationToken);
        }
        else
        {
            Spreadsheet.WriteXlsx(stream, [.. chosen.Select(t => new SpreadsheetSheet(t.Title.Length > 31 ? t.Title[..31] : t.Title, Headings(t), Rows(t)))]);
        }

        stream.Position = 0;
        return File(stream, csv ? "text/csv" : Spreadsheet.XlsxContentType, name + (csv ? ".csv" : ".xlsx"));
    }

    private static List<string> Headings(ProfileTable table) => [table.Heading, .. table.Columns];

    private static IEnumerable<IReadOnlyList<object?>> Rows(ProfileTable table) =>
        table.Rows.Select(r => (IReadOnlyList<object?>)[r.Label, .. r.Values.Select(v => (object?)ProfileCount.Display(v))]);

    private static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
