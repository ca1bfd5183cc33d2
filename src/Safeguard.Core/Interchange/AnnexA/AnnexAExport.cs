using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Persistence;

namespace Safeguard.Interchange.AnnexA;

/// <summary>A problem the export found in its own output: a value that is not what the template allows.</summary>
/// <param name="List">The list's number.</param>
/// <param name="Row">The worksheet row (the header is row 1).</param>
/// <param name="Column">The column's name in the template.</param>
/// <param name="Value">The value written.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record AnnexAProblem(int List, int Row, string Column, string? Value, string Message)
{
    public override string ToString() => $"List {List}, row {Row}, column '{Column}': {Message}";
}

/// <summary>What one list held: its window, its rows, and the columns the template expects a value in that were left blank (and how often).</summary>
public sealed record AnnexAListSummary(int Number, string Name, DateOnly From, DateOnly Until, int Rows, IReadOnlyDictionary<string, int> BlankWhereExpected);

/// <summary>The export's outcome: each list's summary, and the problems found in the output (none for a valid workbook).</summary>
public sealed record AnnexAResult(DateOnly AsAt, IReadOnlyList<AnnexAListSummary> Lists, IReadOnlyList<AnnexAProblem> Problems, int ProblemCount)
{
    public bool IsValid => ProblemCount == 0;
}

/// <summary>
/// Ofsted's Annex A lists 1 to 11 built from Safeguard's records as at a date, written as one workbook (a worksheet per
/// list, the template's columns in its order, every row: no list is cut short), each value checked against the template
/// as it is written. Lists 1 to 9 cover the six months to the date, lists 10 and 11 the twelve months (docs/annex-a.md).
/// Children are named by the council's child id. Every export is audited with the lists and the date.
/// </summary>
public sealed partial class AnnexAExport(SafeguardDbContext db, IAnnexAEarlyHelpSource earlyHelp)
{
    public const string EntityType = "AnnexA";

    /// <summary>Problems kept in full; beyond this many only the count goes on.</summary>
    public const int MaxProblemsListed = 200;

    private const int Chunk = 1000;

    public static AnnexASchema Schema => AnnexASchema.Default;

    private SafeguardDbContext Db => db;

    private IAnnexAEarlyHelpSource EarlyHelp => earlyHelp;

    /// <summary>The days a list covers for an export as at <paramref name="asAt"/>: six months to it, twelve for adoption and adopters.</summary>
    public static (DateOnly From, DateOnly Until) Window(int list, DateOnly asAt) =>
        (asAt.AddMonths(list is 10 or 11 ? -12 : -6).AddDays(1), asAt);

    /// <summary>Writes the workbook to <paramref name="output"/>; the caller keeps it only when the result is valid.</summary>
    public async Task<AnnexAResult> WriteAsync(DateOnly asAt, Stream output, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(actor);
        var sink = new Sink(Schema, new AnnexAWorkbook(output, Schema.Lists));
        var names = new Names(
            await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken),
            await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken));
        var summaries = new List<AnnexAListSummary>();
        using (sink.Workbook)
        {
            foreach (var list in Schema.Lists)
            {
                var (from, until) = Window(list.Number, asAt);
                sink.Begin(list);
                var rows = new Rows(this, sink, list, asAt, from, until, names);
                await rows.WriteAsync(cancellationToken);
                summaries.Add(new AnnexAListSummary(list.Number, list.Name, from, until, sink.RowCount, new Dictionary<string, int>(sink.Blanks)));
            }

            sink.Workbook.Complete();
        }

        var result = new AnnexAResult(asAt, summaries, sink.Problems, sink.ProblemCount);
        using (db.BeginProcess("AnnexA.Export", actor))
        {
            db.RecordAccess(EntityType, asAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), AuditAction.Exported,
                $"Annex A lists 1-11 as at {asAt:yyyy-MM-dd}: " + string.Join(", ", summaries.Select(s => $"list {s.Number} {s.Rows} rows"))
                + (result.IsValid ? "" : $"; {result.ProblemCount} values not valid, not kept"));
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>Checks each value as it is written and counts blanks where the template expects a value.</summary>
    private sealed class Sink(AnnexASchema schema, AnnexAWorkbook workbook)
    {
        private AnnexAList _list = default!;

        public AnnexAWorkbook Workbook => workbook;

        public List<AnnexAProblem> Problems { get; } = [];

        public int ProblemCount { get; private set; }

        public int RowCount { get; private set; }

        public Dictionary<string, int> Blanks { get; } = new(StringComparer.Ordinal);

        public void Begin(AnnexAList list)
        {
            (_list, RowCount) = (list, 0);
            Blanks.Clear();
            workbook.BeginList(list);
        }

        public void Write(string?[] values)
        {
            if (values.Length != _list.Columns.Count)
            {
                throw new InvalidOperationException($"List {_list.Number} has {_list.Columns.Count} columns; a row of {values.Length} was written.");
            }

            RowCount++;
            for (var i = 0; i < values.Length; i++)
            {
                var column = _list.Columns[i];
                if (string.IsNullOrEmpty(values[i]))
                {
                    if (!column.CanBeBlank)
                    {
                        Blanks[column.Name] = Blanks.GetValueOrDefault(column.Name) + 1;
                    }
                }
                else if (schema.Problem(_list, column, values[i]) is { } message)
                {
                    ProblemCount++;
                    if (Problems.Count < MaxProblemsListed)
                    {
                        Problems.Add(new AnnexAProblem(_list.Number, RowCount + 1, column.Name, values[i], message));
                    }
                }
            }

            workbook.Row(values);
        }
    }

    private sealed record Names(IReadOnlyDictionary<Guid, string> Teams, IReadOnlyDictionary<Guid, string> Users);
}
