using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Governance;

namespace Safeguard.Cli.Commands;

/// <summary>
/// <c>safeguard governance ...</c>: the partnership's boards and subgroups, their meetings, attendance by agency over a
/// year (where drift shows) and the action log, as a table, CSV or JSON. Read-only.
/// </summary>
public static class GovernanceCommands
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("governance", "The partnership's boards and subgroups, their meetings, attendance and action log")
        {
            Boards(services), Meetings(services), Attendance(services), Actions(services),
        };
    }

    private static Command Boards(CliServices services)
    {
        var format = FormatOption();
        var command = new Command("boards", "The boards and subgroups, each under the board it reports to, with their members today, quorum and terms of reference review date") { format };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var lines = await scope.ServiceProvider.GetRequiredService<GovernanceRegisters>().BoardsAsync(cancellationToken);
            var table = parseResult.GetValue(format) == "table";
            await WriteAsync(output, parseResult.GetValue(format), ["Board", "Kind", "Reports to", "Members", "Quorum", "Terms review due", "Id"],
                lines.Select(l => new[]
                {
                    (table ? new string(' ', 2 * l.Depth) : "") + l.Board.Name,
                    Kind(l.Board.Kind),
                    l.ReportsTo ?? "",
                    N(l.Members),
                    l.Board.Quorum is { } q ? N(q) : "",
                    l.Board.TermsReviewDueOn is { } d ? CommandSupport.FormatDate(d) : "",
                    l.Board.Id.ToString(),
                }).ToList(), "No board yet.", cancellationToken);
        });
        return command;
    }

    private static Command Meetings(CliServices services)
    {
        var board = new Option<string?>("--board") { Description = "Only this board's meetings (its name or id)" };
        var from = new Option<string?>("--from") { Description = "Meetings on or after this date (yyyy-mm-dd)" };
        var to = new Option<string?>("--to") { Description = "Meetings on or before this date (yyyy-mm-dd)" };
        var format = FormatOption();
        var command = new Command("meetings", "Meetings by date: board, status, agenda items, attendance, decisions and actions") { board, from, to, format };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            var fromDate = Date(parseResult.GetValue(from), "--from");
            var toDate = Date(parseResult.GetValue(to), "--to");
            if (fromDate > toDate)
            {
                throw new ArgumentException($"--to: {CommandSupport.FormatDate(toDate!.Value)} is before --from {CommandSupport.FormatDate(fromDate!.Value)}.");
            }

            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var registers = scope.ServiceProvider.GetRequiredService<GovernanceRegisters>();
            var boardId = await BoardAsync(registers, parseResult.GetValue(board), cancellationToken);
            var lines = await registers.MeetingsAsync(boardId, fromDate, toDate, cancellationToken);
            await WriteAsync(output, parseResult.GetValue(format), ["Date", "Board", "Status", "Agenda items", "Attended", "Decisions", "Actions", "Id"],
                lines.Select(l => new[]
                {
                    CommandSupport.FormatDate(l.Meeting.HeldOn),
                    l.Board,
                    l.Meeting.Status.ToString(),
                    N(l.AgendaItems),
                    l.Meeting.Status == MeetingStatus.Held ? $"{N(l.Attended)} of {N(l.Expected)}" : "",
                    N(l.Decisions),
                    N(l.Actions),
                    l.Meeting.Id.ToString(),
                }).ToList(), "No meeting in that period.", cancellationToken);
        });
        return command;
    }

    private static Command Attendance(CliServices services)
    {
        var year = CommandSupport.ReportingYearOption(2025);
        var format = FormatOption();
        var command = new Command("attendance", "Attendance by agency over a reporting year at every board it sits on: places expected, attended (in person or by deputy), apologies, absent, the rate for the year and each quarter") { year, format };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var f = await scope.ServiceProvider.GetRequiredService<GovernanceFigures>().ForYearAsync(new ReportingYear(parseResult.GetRequiredValue(year)), cancellationToken);
            var rows = f.Agencies.Select(a => Row(a.Agency, a.Attendance, a.Quarters)).ToList();
            if (rows.Count > 0)
            {
                var all = f.Agencies.Select(a => a.Attendance).ToList();
                var total = new AttendanceRate(all.Sum(a => a.Expected), all.Sum(a => a.Attended), all.Sum(a => a.Apologies), all.Sum(a => a.Absent)) { ByDeputy = all.Sum(a => a.ByDeputy) };
                var quarters = Enumerable.Range(0, 4).Select(q => f.Agencies.Select(a => a.Quarters[q]).ToList())
                    .Select(qs => new AttendanceRate(qs.Sum(a => a.Expected), qs.Sum(a => a.Attended), qs.Sum(a => a.Apologies), qs.Sum(a => a.Absent))).ToList();
                rows.Add(Row("All agencies", total, quarters));
            }

            await WriteAsync(output, parseResult.GetValue(format), ["Agency", "Expected", "Attended", "By deputy", "Apologies", "Absent", "Rate", "Q1", "Q2", "Q3", "Q4"],
                rows, $"No meeting was held in {f.Year.Name}.", cancellationToken);
        });
        return command;
    }

    private static Command Actions(CliServices services)
    {
        var overdue = new Option<bool>("--overdue") { Description = "Only open actions past their due date" };
        var board = new Option<string?>("--board") { Description = "Only this board's actions (its name or id)" };
        var format = FormatOption();
        var command = new Command("actions", "The action log: open actions first by due date, with board, meeting, agenda item, owner and status") { overdue, board, format };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var registers = scope.ServiceProvider.GetRequiredService<GovernanceRegisters>();
            var boardId = await BoardAsync(registers, parseResult.GetValue(board), cancellationToken);
            var today = Calendar.UkTime.Today(services.Clock);
            var lines = await registers.ActionsAsync(parseResult.GetValue(overdue), boardId, cancellationToken);
            await WriteAsync(output, parseResult.GetValue(format), ["Due", "Status", "Board", "Meeting", "Agenda item", "Action", "Owner", "Agency", "Id"],
                lines.Select(l => new[]
                {
                    CommandSupport.FormatDate(l.Action.DueOn),
                    l.Action.IsOverdue(today) ? "Overdue" : MeetingService.StatusName(l.Action.Status) + (l.Action.CompletedOn is { } done ? " " + CommandSupport.FormatDate(done) : ""),
                    l.Board,
                    CommandSupport.FormatDate(l.MeetingOn),
                    l.AgendaItem is { } i ? $"{N(i.Number)}. {i.Title}" : "",
                    l.Action.Description,
                    l.Action.Owner,
                    l.Action.OwningAgency?.Name ?? "",
                    l.Action.Id.ToString(),
                }).ToList(), parseResult.GetValue(overdue) ? "No action is overdue." : "No action on the log.", cancellationToken);
        });
        return command;
    }

    private static string[] Row(string agency, AttendanceRate rate, IReadOnlyList<AttendanceRate> quarters) =>
    [
        agency, N(rate.Expected), N(rate.Attended), N(rate.ByDeputy), N(rate.Apologies), N(rate.Absent), Rate(rate.Rate),
        .. quarters.Select(q => Rate(q.Rate)),
    ];

    private static Option<string> FormatOption()
    {
        var format = new Option<string>("--format") { Description = "table (default), csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        return format;
    }

    private static async Task<Guid?> BoardAsync(GovernanceRegisters registers, string? nameOrId, CancellationToken cancellationToken)
    {
        if (nameOrId is null)
        {
            return null;
        }

        if (await registers.FindBoardAsync(nameOrId, cancellationToken) is { } board)
        {
            return board.Id;
        }

        var names = (await registers.BoardsAsync(cancellationToken)).Select(l => l.Board.Name);
        throw new ArgumentException($"--board: there is no board named '{nameOrId}'. The boards are: {string.Join("; ", names)}.");
    }

    private static DateOnly? Date(string? text, string option) =>
        text is null ? null
        : CommandSupport.TryParseDate(text, out var date, out var problem) ? date
        : throw new ArgumentException($"{option}: '{text}' {problem}.");

    /// <summary>Writes rows as a table (with a line when there are none), CSV with a heading row, or JSON objects keyed by heading.</summary>
    private static async Task WriteAsync(TextWriter output, string? format, string[] headings, List<string[]> rows, string none, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case "json":
                await output.WriteLineAsync(JsonSerializer.Serialize(rows.Select(r => headings.Select((h, c) => (h, r[c])).ToDictionary(x => x.h, x => x.Item2)), Indented));
                break;
            case "csv":
                using (var buffer = new MemoryStream())
                {
                    await Spreadsheet.WriteCsvAsync(buffer, headings, rows.Select(r => (IReadOnlyList<object?>)r), cancellationToken);
                    await output.WriteAsync(new UTF8Encoding(false).GetString(buffer.ToArray()).TrimStart('\uFEFF'));
                }

                break;
            default:
                if (rows.Count == 0)
                {
                    await output.WriteLineAsync(none);
                    return;
                }

                await CommandSupport.WriteTableAsync(output, [headings, .. rows]);
                break;
        }
    }

    private static string Kind(BoardKind kind) => kind switch
    {
        BoardKind.Executive => "Strategic partnership",
        BoardKind.BusinessGroup => "Business group",
        BoardKind.Subgroup => "Subgroup",
        _ => "Task and finish group",
    };

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A rate to one decimal; empty when no meeting was held (a quarter with none).</summary>
    private static string Rate(decimal? rate) => rate is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "";
}
